import math
from pathlib import Path

import numpy as np
import pytest
import traitlets
from hypothesis import given
from hypothesis import strategies as st

from widgets.validation import (
    Checked,
    check_choice,
    check_flag,
    check_folder,
    check_in_range,
    check_instance,
    check_int_in_range,
    check_items,
    check_keywords,
    check_number,
    check_text,
    check_values,
    checked_trait,
    describe,
)


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


def test_choice_says_what_a_valid_value_is():
    presets = {"adult": 1, "child": 2}  # a dict offers its keys
    assert check_choice("spine", "child", presets, what="preset") == "child"
    with pytest.raises(
        ValueError, match=r"^spine = 'x' is not a preset; valid presets: adult, child$"
    ):
        check_choice("spine", "x", presets, what="preset")
    with pytest.raises(ValueError, match=r"^name = 3 is not a glossary entry; valid entries: a$"):
        check_choice("name", 3, ("a",), what="glossary entry", plural="entries")
    with pytest.raises(ValueError, match=r"^unknown axis 'z'; valid axes: x, y$"):
        check_choice("axis", "z", ("x", "y"), plural="axes")


def test_values_check_each_element_and_name_the_first_bad_one():
    assert check_values("u", [[0.0, 1], [0.5, 0.25]], 0.0, 1.0).dtype == float
    assert check_values("u", 0.5, 0.0, 1.0).shape == ()
    with pytest.raises(ValueError, match=r"^u\[1, 0\] = 2 is out of range"):
        check_values("u", [[0.0, 1.0], [2.0, 0.5]], 0.0, 1.0)
    with pytest.raises(ValueError, match="not booleans"):
        check_values("u", [0.5, True], 0.0, 1.0)
    with pytest.raises(ValueError, match=r"^u\[0\] must be a number, got 'a'"):
        check_values("u", ["a", 0.5], 0.0, 1.0)
    with pytest.raises(ValueError, match="a number or an array of numbers"):
        check_values("u", [[0.5], [0.5, 0.5]], 0.0, 1.0)  # ragged


# --- the shared checks added for bad input (issue 11 part 3) ---------------------------------

NOT_A_NUMBER = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.just(np.bool_(True)),
)


@given(NOT_A_NUMBER)
def test_bools_and_non_numbers_are_never_numbers(bad):
    for check in (
        lambda v: check_in_range("x", v, -10, 10),
        lambda v: check_number("x", v),
        lambda v: check_int_in_range("x", v, -10, 10),
    ):
        with pytest.raises(ValueError, match="x must be a"):
            check(bad)


@given(st.one_of(st.integers(), st.floats(), st.text(max_size=3), st.none()))
def test_numbers_are_never_flags(bad):
    with pytest.raises(ValueError, match="flag must be True or False, got"):
        check_flag("flag", bad)


def test_flags_numbers_and_whole_numbers():
    assert check_flag("f", True) is True
    assert check_flag("f", np.bool_(False)) is False
    assert check_number("x", np.float32(2.5)) == 2.5
    assert check_int_in_range("n", np.int64(3), 1, 5) == 3
    with pytest.raises(ValueError, match=r"n must be a whole number \(int\), got float 3.0"):
        check_int_in_range("n", 3.0, 1, 5)
    with pytest.raises(ValueError, match="n = 6 is out of range; allowed range is 1 to 5"):
        check_int_in_range("n", 6, 1, 5)
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(ValueError, match="x must be a finite number"):
            check_number("x", bad)


def test_range_fast_path_still_refuses_infinity_and_nan():
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match="must be a finite number"):
            check_in_range("x", bad, -math.inf, math.inf)


@given(st.one_of(st.text(max_size=3), st.binary(max_size=3), st.dictionaries(st.text(), st.text())))
def test_items_refuse_strings_bytes_and_mappings(bad):
    with pytest.raises(ValueError, match="names must be a list of str"):
        check_items("names", bad, check_text, what="str")


def test_items_check_each_item_with_its_index_and_count_them():
    assert check_items("xs", (x for x in [1, 2]), check_number) == (1.0, 2.0)
    assert check_items("xs", np.array([1.5]), check_number) == (1.5,)
    with pytest.raises(ValueError, match=r"xs\[1\] must be a finite number, got str 'a'"):
        check_items("xs", [1, "a"], check_number)
    with pytest.raises(ValueError, match="xs needs at least 1 of numbers, got 0"):
        check_items("xs", [], check_number, 1, "numbers")
    with pytest.raises(ValueError, match="xs must be a list of items, got int 5"):
        check_items("xs", 5, check_number)


def test_instance_folder_keywords_and_describe(tmp_path):
    assert check_instance("p", tmp_path, Path, "a path") is tmp_path
    with pytest.raises(ValueError, match="p must be a path, got int 3"):
        check_instance("p", 3, Path, "a path")
    assert check_folder("folder", str(tmp_path)) == tmp_path
    with pytest.raises(ValueError, match="folder must be an existing folder, got '/no/such'"):
        check_folder("folder", "/no/such")
    with pytest.raises(ValueError, match="folder must be a folder"):
        check_folder("folder", 3)
    check_keywords("f()", ["a"], ["a", "b"])
    with pytest.raises(ValueError, match=r"'temp' for f\(\); valid arguments: a, b"):
        check_keywords("f()", ["temp"], ["a", "b"])
    assert describe("x" * 100).endswith("…")
    assert len(describe("x" * 100)) < 80


class _Widget(traitlets.HasTraits):
    level = Checked(1.0)

    @traitlets.validate("level")
    def _valid(self, proposal):
        return checked_trait(proposal, lambda name, v: check_in_range(name, v, 0, 2))


@given(st.one_of(NOT_A_NUMBER, st.floats().filter(lambda v: not 0 <= v <= 2)))
def test_checked_trait_turns_the_check_into_a_trait_error(bad):
    w = _Widget()
    with pytest.raises(traitlets.TraitError, match="level"):
        w.level = bad
    assert w.level == 1.0


def test_ints_too_large_for_a_float_are_out_of_range_not_an_overflow():
    with pytest.raises(ValueError, match=r"x = 1000000000.* is out of range; allowed range is 0"):
        check_in_range("x", 10**400, 0, 1)
    with pytest.raises(ValueError, match=r"x = -1000000000.* is out of range"):
        check_in_range("x", -(10**400), 0, 1)
    with pytest.raises(ValueError, match=r"x must be a finite number, got 1000000000"):
        check_number("x", 10**400)
