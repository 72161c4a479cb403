import math

import pytest

from widgets.validation import check_choice, check_in_range


def test_accepts_numbers_in_range_and_returns_floats():
    assert check_in_range("tempo", 6, 3, 30) == 6.0
    assert isinstance(check_in_range("tempo", 3, 3, 30), float)
    assert check_in_range("tempo", 30.0, 3, 30) == 30.0


@pytest.mark.parametrize(
    ("bad", "shown"),
    [(0, "0"), (math.nan, "nan"), (math.inf, "inf"), (31, "31"), ("6", "'6'"), (True, "True")],
)
def test_rejects_with_name_value_and_range(bad, shown):
    with pytest.raises(ValueError, match="tempo") as err:
        check_in_range("tempo", bad, 3, 30, "breaths/min")
    msg = str(err.value)
    assert shown in msg
    assert "allowed range is 3 to 30 breaths/min" in msg


def test_choice_lists_valid_names():
    assert check_choice("mode", "a", ("a", "b")) == "a"
    with pytest.raises(ValueError, match="unknown mode 'c'; valid modes: a, b"):
        check_choice("mode", "c", ("a", "b"))
