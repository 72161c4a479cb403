"""Bad input to the data tables is refused at the call with a ValueError that names it."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.data import TABLES, Row, load_table, lookup, value

#: Anything but text, unhashable values included (the tables are cached by name).
NOT_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
NOT_A_TABLE = st.one_of(NOT_TEXT, st.text(max_size=12).filter(lambda s: s not in TABLES))

GOOD_ROW = {
    "key": ("L5", "body"),
    "value": 27.0,
    "unit": "mm",
    "source": "guo2018",
    "status": "confirmed",
    "note": "a note",
}


@given(NOT_A_TABLE)
def test_an_unknown_table_lists_the_tables(bad):
    for call in (load_table, lambda n: lookup(n, "L5", "body"), lambda n: value(n, "L5", "body")):
        with pytest.raises(ValueError, match=r"^name = .* is not a table; valid tables: segments"):
            call(bad)


@given(NOT_TEXT)
def test_a_key_part_must_be_text(bad):
    with pytest.raises(ValueError, match=r"key\[1\] of segments.csv must be text"):
        lookup("segments", "L5", bad)


@given(st.text(max_size=8).filter(lambda s: s.strip() and s not in {"body", "depth"}))
def test_a_missing_row_names_the_table_the_key_and_the_valid_keys(bad):
    with pytest.raises(ValueError, match=r"segments.csv has no row \('L5', .*valid keys starting"):
        value("segments", "L5", bad)


def test_a_missing_first_key_lists_the_first_keys():
    with pytest.raises(ValueError, match=r"has no row \('L6', 'body'\); valid first keys: C1, C2"):
        lookup("segments", "L6", "body")
    with pytest.raises(ValueError, match=r"has no row \(\); valid first keys"):
        lookup("segments")


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("key", "L5", r"key must be a list of str, got str 'L5'"),
        ("key", (), r"key needs at least 1 of str, got 0"),
        ("key", ("L5", 3), r"key\[1\] must be text \(a str\), got int 3"),
        ("value", math.nan, r"value must be a finite number in mm, got nan"),
        ("value", True, r"value must be a finite number in mm, got bool True"),
        ("value", "27", r"value must be a finite number in mm, got str '27'"),
        ("unit", "", r"unit must not be empty"),
        ("source", None, r"source must be text \(a str\), got NoneType None"),
        ("status", "guessed", r"unknown status 'guessed'; valid status: confirmed"),
        ("note", 1, r"note must be text"),
    ],
)
def test_a_row_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        Row(**{**GOOD_ROW, field: bad})


def test_a_good_row_keeps_its_values():
    row = Row(**{**GOOD_ROW, "key": ["L5", "body"]})
    assert row.key == ("L5", "body")
    assert row.value == 27.0
