"""CSV export and import: exact round trips, and clear errors for bad files."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.journal.journal_strategies import SESSIONS, same, session
from widgets.journal import COLUMNS, export_csv, import_csv, open_journal, read_csv, write_csv

HEADER = ",".join(COLUMNS)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions=st.lists(SESSIONS, max_size=6))
def test_write_then_read_gives_every_field_back(tmp_path, sessions):
    path = tmp_path / "export.csv"
    assert write_csv(sessions, path) == len(sessions)
    back = read_csv(path)
    assert len(back) == len(sessions)
    assert all(same(a, b) for a, b in zip(back, sessions, strict=True))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sessions=st.lists(SESSIONS, min_size=1, max_size=5))
def test_journal_to_csv_to_a_new_journal_is_exact(tmp_path_factory, sessions):
    folder = tmp_path_factory.mktemp("round")
    with open_journal(folder / "a.sqlite3") as a:
        a.add_many(sessions)
        assert export_csv(a, folder / "a.csv") == len(sessions)
        original = a.sessions()
    with open_journal(folder / "b.sqlite3") as b:
        assert import_csv(b, folder / "a.csv") == len(sessions)
        copy = b.sessions()
    assert all(same(x, y) for x, y in zip(copy, original, strict=True))


def test_tricky_notes_and_floats_survive(tmp_path):
    notes = [
        "commas, \"quotes\", and 'apostrophes'",
        "two\nlines\r\nand a carriage\rreturn",
        "日本語のメモ — Ελληνικά — שלום — 😀",
        "=SUM(A1:A2)",
        "",
        " leading and trailing spaces ",
    ]
    start = datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=-3, minutes=-30)))
    sessions = [
        session(start=start + timedelta(days=i), note=n, duration_s=0.1 + 0.2, tempo=6.1)
        for i, n in enumerate(notes)
    ]
    path = tmp_path / "tricky.csv"
    write_csv(sessions, path)
    back = read_csv(path)
    assert [s.note for s in back] == notes
    assert back[0].duration_s == 0.1 + 0.2 and back[0].tempo == 6.1
    assert back[0].start.isoformat() == "2025-03-01T07:30:00-03:30"


def test_the_file_is_utf8_with_a_bom_a_header_and_empty_cells_for_missing_pain(tmp_path):
    path = tmp_path / "one.csv"
    write_csv([session(pain_before=None, note="ok")], path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + HEADER.encode() + b"\r\n")
    row = raw.decode("utf-8-sig").splitlines()[1]
    assert row == "2025-03-01T07:30:00+01:00,600.0,60,6.0,1.5,lift-with-breath,,3,ok"


def test_a_file_without_a_bom_reads_too(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text(f"{HEADER}\n2025-03-01T07:30:00+00:00,60,6,6,1,breath-only,,,\n", "utf-8")
    (s,) = read_csv(path)
    assert s.duration_s == 60.0 and s.exhale_ratio == 1.0 and s.mode == "breath-only"
    assert s.pain_before is None and s.note == ""


def test_importing_twice_adds_nothing_the_second_time(tmp_path):
    sessions = [session(start=session().start + timedelta(days=i)) for i in range(3)]
    write_csv(sessions, tmp_path / "backup.csv")
    with open_journal(tmp_path / "j.sqlite3") as journal:
        assert import_csv(journal, tmp_path / "backup.csv") == 3
        assert import_csv(journal, tmp_path / "backup.csv") == 0
        assert import_csv(journal, tmp_path / "backup.csv", skip_existing=False) == 3
        assert len(journal) == 6


def row(**cells: str) -> str:
    values = {
        "start": "2025-03-01T07:30:00+01:00",
        "duration_s": "600.0",
        "rounds": "60",
        "tempo": "6.0",
        "exhale_ratio": "1.5",
        "mode": "lift-with-breath",
        "pain_before": "4",
        "pain_after": "3",
        "note": "",
    }
    values.update(cells)
    return ",".join(values[c] for c in COLUMNS)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            row(pain_before="11"),
            r"line 3: pain_before = 11 is out of range; allowed: a whole number 0 to 10",
        ),
        (row(duration_s="-60"), r"line 3: duration_s = -60 s is out of range"),
        (row(duration_s="nan"), r"line 3: duration_s must be a finite number, got nan"),
        (row(rounds="5.0"), r"line 3, column rounds: cannot read '5.0'"),
        (row(pain_after="high"), r"line 3, column pain_after: cannot read 'high'"),
        (row(start="2025-03-01T07:30:00"), r"line 3: start must be timezone-aware"),
        (row(start="yesterday"), r"line 3, column start: cannot read 'yesterday'"),
        (row(mode="cartwheel"), r"line 3: unknown mode 'cartwheel'; valid modes"),
        (row() + ",extra", r"line 3: expected 9 cells, got 10"),
    ],
)
def test_a_bad_cell_is_named_with_its_file_and_line(tmp_path, line, expected):
    path = tmp_path / "bad.csv"
    path.write_text(f"{HEADER}\n{row()}\n{line}\n", "utf-8")
    with pytest.raises(ValueError, match=expected) as err:
        read_csv(path)
    assert str(path) in str(err.value)
    with open_journal(tmp_path / "j.sqlite3") as journal:
        with pytest.raises(ValueError, match="line 3"):
            import_csv(journal, path)
        assert len(journal) == 0  # the good first row was not added either


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is not a journal CSV file"),
        (b"date,minutes\n2025-03-01,10\n", "is not a journal CSV file: its first line must be"),
        (b"\xff\xfe\x00b\x00a\x00d", "is not UTF-8 text"),
        (HEADER.encode() + b'\n"2025-03-01T07:30:00+01:00"x,1', "is not a valid CSV file"),
    ],
    ids=["empty", "other header", "utf-16", "bad quoting"],
)
def test_a_file_that_is_not_a_journal_csv_is_refused(tmp_path, content, expected):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=expected) as err:
        read_csv(path)
    assert str(path) in str(err.value)


def test_missing_files_and_bad_arguments_are_named(tmp_path):
    with pytest.raises(ValueError, match="no such CSV file"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(ValueError, match="is a folder"):
        write_csv([], tmp_path)
    with pytest.raises(ValueError, match="path must be a file path"):
        read_csv(3)
    with pytest.raises(ValueError, match=r"sessions\[0\] must be a Session"):
        write_csv([{"note": "x"}], tmp_path / "x.csv")
    with pytest.raises(ValueError, match="journal must be an open Journal"):
        export_csv("journal.sqlite3", tmp_path / "x.csv")
    with (
        open_journal(tmp_path / "j.sqlite3") as journal,
        pytest.raises(ValueError, match="skip_existing must be True or False"),
    ):
        import_csv(journal, tmp_path / "x.csv", skip_existing=1)
