"""Bad input to the models is refused at the call with a ValueError naming it and what is allowed.

Covers the spine parameters and presets, ages, adult ranges, the development model and the
drawing outlines (``build_spine``, the measurements and the angle primitives are covered in
``test_spine.py`` and ``test_angles.py``).
"""

import math
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.model import outlines
from widgets.model.adult_ranges import CURVES, AdultRange, adult_range
from widgets.model.ages import age_label, check_age, nearest_age_stop
from widgets.model.development import (
    PARAMETERS,
    SPREADS,
    Anchor,
    Milestone,
    anchors,
    at_age,
    curve_table,
    geometry_at_age,
)
from widgets.model.spine_params import (
    PRESETS,
    RANGES,
    SpineParams,
    is_illustrative,
    preset,
    preset_sources,
)

NOT_A_NUMBER = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.lists(st.floats(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.builds(object),
)
NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
NOT_TEXT = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(max_size=2))
)


def outside(low: float, high: float) -> st.SearchStrategy:
    """Finite numbers (floats and ints, huge ones too) outside ``[low, high]``."""
    finite = {"allow_nan": False, "allow_infinity": False}
    return st.one_of(
        st.floats(max_value=low, exclude_max=True, **finite),
        st.floats(min_value=high, exclude_min=True, **finite),
        st.integers(max_value=math.ceil(low) - 1),
        st.integers(min_value=math.floor(high) + 1),
        st.sampled_from([-(2**64), 2**64, 10**400]),  # beyond int64 and beyond a float
    )


def bad_number(low: float, high: float) -> st.SearchStrategy:
    return st.one_of(NOT_A_NUMBER, NOT_FINITE, outside(low, high))


def not_one_of(choices) -> st.SearchStrategy:
    return st.one_of(NOT_TEXT, st.text(max_size=12).filter(lambda s: s not in choices))


def assert_names(message: str, name: str, bad: object) -> None:
    """The message names the parameter and shows the value (its repr, type or number)."""
    assert name in message, message
    shown = {type(bad).__name__, repr(bad)[:15]}
    if isinstance(bad, int | float) and not isinstance(bad, bool):
        shown.add(f"{float(bad):g}" if abs(bad) <= sys.float_info.max else repr(bad)[:15])
    assert any(s in message for s in shown), message


# --- spine parameters and presets -----------------------------------------------------------

ADULT = preset("adult-mean").as_dict()


@pytest.mark.parametrize("field", list(RANGES))
@given(data=st.data())
def test_spine_params_refuse_each_bad_angle(field, data):
    low, high = RANGES[field]
    bad = data.draw(bad_number(low, high))
    with pytest.raises(ValueError, match=f"allowed range is {low:g} to {high:g} deg") as err:
        SpineParams(**{**ADULT, field: bad})
    assert_names(str(err.value), field, bad)


def test_spine_params_refuse_unknown_fields():
    with pytest.raises(TypeError, match="unexpected keyword argument 'lordosis'"):
        SpineParams(**ADULT, lordosis=40.0)


@pytest.mark.parametrize("call", [preset, preset_sources, is_illustrative])
@given(bad=not_one_of(PRESETS))
def test_preset_functions_list_the_presets(call, bad):
    with pytest.raises(ValueError, match=r"unknown preset .*; valid presets: adult-mean"):
        call(bad)


# --- ages -----------------------------------------------------------------------------------

AGE_CALLS = [check_age, age_label, nearest_age_stop, at_age, geometry_at_age]


@pytest.mark.parametrize("call", AGE_CALLS, ids=lambda f: f.__name__)
@given(bad=bad_number(0, 240))
def test_an_age_outside_0_to_240_months_is_refused(call, bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 240 months") as err:
        call(bad)
    assert_names(str(err.value), "age_months", bad)


@given(
    bad=st.one_of(
        st.just("12"),
        st.lists(st.booleans(), min_size=1, max_size=3),
        st.lists(st.text(max_size=2), min_size=1, max_size=3),
        st.dictionaries(st.text(max_size=2), st.floats(), max_size=2),
        st.none(),
        st.booleans(),
    )
)
def test_curve_table_takes_numbers_only(bad):
    with pytest.raises(ValueError, match="ages must be numbers of months from 0 to 240, "):
        curve_table(bad)


@given(
    ages=st.lists(st.one_of(st.floats(0, 240), st.integers(0, 240)), min_size=1, max_size=4),
    where=st.integers(0, 3),
    flag=st.booleans(),
)
def test_curve_table_refuses_a_bool_hidden_among_numbers(ages, where, flag):
    with pytest.raises(ValueError, match=r"ages must be numbers of months .*, not booleans"):
        curve_table([*ages[:where], flag, *ages[where:]])
    with pytest.raises(ValueError, match="not booleans"):
        curve_table([ages, [flag] * len(ages)])


@given(
    good=st.lists(st.floats(0, 240), max_size=3),
    bad=st.one_of(NOT_FINITE, outside(0, 240)),
    where=st.integers(0, 3),
)
def test_curve_table_names_the_first_bad_age(good, bad, where):
    ages = [*good[:where], bad, *good[where:]]
    with pytest.raises(ValueError, match=r"age_months.*allowed range is 0 to 240 months"):
        curve_table(ages)


# --- adult ranges and the development model -------------------------------------------------


@given(bad=not_one_of(CURVES))
def test_adult_range_lists_the_curves(bad):
    with pytest.raises(ValueError, match=r"unknown curve .*; valid curves: lumbar_lordosis"):
        adult_range(bad)


@given(bad=not_one_of((*PARAMETERS, *SPREADS)))
def test_anchors_list_the_parameters(bad):
    with pytest.raises(ValueError, match=r"unknown parameter .*; valid parameters: cervical"):
        anchors(bad)


GOOD_BAND = {
    "parameter": "lumbar_lordosis",
    "low": 40.0,
    "high": 60.0,
    "kind": "sd",
    "n": 10,
    "cohort": "adults",
    "source": "guo2018",
}


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("parameter", "neck", "unknown curve 'neck'; valid curves"),
        ("low", math.nan, "low must be a finite number, got nan"),
        ("high", 1e308, "high = 1e[+]308 deg is out of range; allowed range is -180 to 180"),
        ("high", 30.0, "low must be below high, got low = 40, high = 30 deg"),
        ("kind", "iqr", "unknown band kind 'iqr'; valid band kinds: sd, ci95"),
        ("n", 10.0, r"n must be a whole number \(int\), got float 10.0"),
        ("n", 0, "n = 0 people is out of range; allowed range is 1 to"),
        ("n", True, r"n must be a whole number \(int\), got bool True"),
        ("cohort", "  ", "cohort must not be empty"),
        ("source", None, "source must be text"),
    ],
)
def test_an_adult_range_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        AdultRange(**{**GOOD_BAND, field: bad})


GOOD_ANCHOR = {
    "parameter": "lumbar_lordosis",
    "age_months": 24.0,
    "value": 30.0,
    "source": "guo2018",
    "status": "confirmed",
    "note": "n",
}


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("parameter", "lordosis", "unknown parameter 'lordosis'"),
        ("age_months", -1, "age_months = -1 months is out of range"),
        ("age_months", True, "age_months must be a number, got True"),
        ("value", math.inf, "value must be a finite number, got inf; allowed range is -180"),
        ("status", "sure", "unknown status 'sure'; valid status: confirmed"),
        ("note", "", "note must not be empty"),
    ],
)
def test_an_anchor_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        Anchor(**{**GOOD_ANCHOR, field: bad})


GOOD_MILESTONE = {
    "name": "walking_alone",
    "label": "walks alone",
    "start_months": 8.2,
    "end_months": 17.6,
    "source": "who-mgrs2006",
}


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("name", 3, "name must be text"),
        ("label", "", "label must not be empty"),
        ("start_months", math.nan, "start_months must be a finite number, got nan"),
        ("end_months", 300, "end_months = 300 months is out of range; allowed range is 0 to 240"),
        ("start_months", 20.0, "start_months must not be after end_months, got 20 and 17.6"),
        ("note", None, "note must be text"),
    ],
)
def test_a_milestone_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        Milestone(**{**GOOD_MILESTONE, field: bad})


# --- outlines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (outlines.sacrum, "depth"),
        (outlines.innominate, "radius"),
        (outlines.circle, "radius"),
    ],
    ids=["sacrum", "innominate", "circle"],
)
@given(bad=bad_number(*outlines.SIZE_RANGE_MM))
def test_outline_sizes_are_refused_outside_their_range(call, name, bad):
    with pytest.raises(ValueError, match="allowed range is 1 to 1000 mm") as err:
        call(bad)
    assert_names(str(err.value), name, bad)


@given(
    bad=st.one_of(
        NOT_A_NUMBER,
        st.floats(),
        st.integers(max_value=2),
        st.integers(min_value=10_001),
    )
)
def test_circle_points_must_be_a_whole_number_from_3_to_10000(bad):
    with pytest.raises(ValueError, match="allowed range is 3 to 10000 points") as err:
        outlines.circle(20.0, bad)
    assert_names(str(err.value), "n", bad)
