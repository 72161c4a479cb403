import pytest

from widgets.content.references import bibliography
from widgets.data import STATUSES, TABLES, load_table, lookup, value


@pytest.mark.parametrize("table", TABLES)
def test_every_row_has_a_resolving_source_and_a_known_status(table):
    bib = bibliography()
    rows = load_table(table)
    assert rows, f"{table}.csv is empty"
    for row in rows:
        assert row.source, f"{table}.csv {row.key}: no source"
        assert row.source in bib, f"{table}.csv {row.key}: unknown citation key {row.source!r}"
        assert row.status in STATUSES, f"{table}.csv {row.key}: status {row.status!r}"
        assert row.unit, f"{table}.csv {row.key}: no unit"
        assert row.note, f"{table}.csv {row.key}: no note saying what the number is"


@pytest.mark.parametrize("table", TABLES)
def test_course_assumptions_are_marked_illustrative(table):
    for row in load_table(table):
        if row.source == "course-assumption":
            assert row.status == "illustrative", row


@pytest.mark.parametrize("table", TABLES)
def test_fitted_rows_say_so_in_their_note(table):
    # "fitted": chosen so that a model reproduces measured data, not measured itself; the
    # note must open with "Fitted:" and name the data, and no other status may claim a fit.
    for row in load_table(table):
        assert (row.status == "fitted") == row.note.startswith("Fitted:"), row


def test_the_fitted_status_is_defined_as_not_measured():
    assert "fitted" in STATUSES
    assert "not itself measured" in STATUSES["fitted"]
    fitted = {row.key[0] for row in load_table("disc") if row.status == "fitted"}
    assert fitted == {
        "compliance",
        "tau_fast",
        "tau_slow",
        "recovery_ratio",
        "share_fast",
        "share_slow",
        "prestress_gain",
    }


def test_row_keys_are_unique():
    for table in TABLES:
        keys = [row.key for row in load_table(table)]
        assert len(keys) == len(set(keys)), table


def test_lookup_and_value():
    assert lookup("segments", "L5", "body").unit == "mm"
    # Sci Rep 2022, Table 2: (12.7 + 21.6) / 50.5 deg at L4-S1.
    assert value("geometry", "l4_s1_share_of_lumbar_lordosis") == pytest.approx(0.679)
    with pytest.raises(
        ValueError, match=r"segments.csv has no row \('L6', 'body'\); valid first keys: C1"
    ):
        lookup("segments", "L6", "body")


def test_unknown_table_lists_valid_tables():
    with pytest.raises(ValueError, match="segments"):
        load_table("nope")


def test_discs_make_a_sourced_share_of_the_presacral_column():
    # White & Panjabi 1990: discs make 20-33 % of the presacral column height.
    rows = [r for r in load_table("segments") if r.key[1] in {"body", "disc"}]
    discs = sum(r.value for r in rows if r.key[1] == "disc")
    total = sum(r.value for r in rows)
    assert 0.20 <= discs / total <= 0.33
