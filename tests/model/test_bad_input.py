"""Bad input to the models is refused at the call with a ValueError naming it and what is allowed.

Covers the spine parameters and presets, ages, adult ranges, the development model, the
drawing outlines and the breath model (``build_spine``, the measurements and the angle
primitives are covered in ``test_spine.py`` and ``test_angles.py``).
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.bad_values import (
    NOT_A_NUMBER,
    NOT_FINITE,
    assert_names,
    bad_number,
    not_one_of,
    outside,
)
from widgets.model import breath, outlines
from widgets.model import breath_tracking as tracking
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
    with pytest.raises(ValueError, match=r"^name = .* is not a preset; valid presets: adult-mean"):
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
    index = min(where, len(good))
    with pytest.raises(ValueError, match=rf"^ages\[{index}\].*allowed range is 0 to 240 months"):
        curve_table(ages)


# --- adult ranges and the development model -------------------------------------------------


@given(bad=not_one_of(CURVES))
def test_adult_range_lists_the_curves(bad):
    with pytest.raises(ValueError, match=r"^parameter = .* is not a curve; valid curves: lumbar"):
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


# --- the breath model -----------------------------------------------------------------------

PATTERN = breath.BreathPattern()
#: Each public function of the breath model that takes a pattern, called with ``bad`` for it.
PATTERN_CALLS = {
    "phase_bounds": lambda bad: breath.phase_bounds(bad),
    "phase_index": lambda bad: breath.phase_index(bad, 0.1),
    "phase_name": lambda bad: breath.phase_name(bad, 0.1),
    "profile": lambda bad: breath.profile(bad, 0.1),
    "advance": lambda bad: tracking.advance(0.1, 1.0, bad),
    "lift_and_breath": lambda bad: breath.lift_and_breath("breath-only", bad, 0.1),
    "lift_and_breath (independent)": lambda bad: breath.lift_and_breath(
        "lift-independent", bad, 0.1, 0.2
    ),
}
NOT_A_PATTERN = st.one_of(
    NOT_A_NUMBER,
    st.just({}),
    st.builds(dict, tempo=st.floats(3, 30)),  # the right fields, the wrong class
    st.sampled_from([PATTERN.period, (6.0, 1.0, 0.0, 0.0), breath.BreathPattern]),
)


@pytest.mark.parametrize("name", list(PATTERN_CALLS))
@given(bad=NOT_A_PATTERN)
def test_breath_functions_need_a_breath_pattern(name, bad):
    with pytest.raises(ValueError, match=r"^pattern must be a BreathPattern \(from") as err:
        PATTERN_CALLS[name](bad)
    assert_names(str(err.value), "pattern", bad)


def test_breath_functions_refuse_the_lying_models_settings():
    from widgets.model.supine import SupineParams  # the class a caller could mix up

    for call in PATTERN_CALLS.values():
        with pytest.raises(ValueError, match=r"pattern must be a BreathPattern .*got SupineParams"):
            call(SupineParams())


@given(bad=NOT_A_PATTERN.filter(lambda v: v is not None))
def test_phase_track_base_is_a_breath_pattern_or_none(bad):
    with pytest.raises(ValueError, match=r"^base must be a BreathPattern or None, got") as err:
        tracking.phase_track([0.0, 1.0], 6.0, bad)
    assert_names(str(err.value), "base", bad)


@given(bad=bad_number(0.0, tracking.MAX_STEP_SECONDS).filter(lambda v: not isinstance(v, list)))
def test_advance_steps_from_0_to_one_day(bad):  # (a list of steps is fine: it is vectorised)
    with pytest.raises(ValueError, match="allowed range is 0 to 86400 s") as err:
        tracking.advance(0.1, bad, PATTERN)
    assert_names(str(err.value), "dt", bad)


def test_a_day_is_the_longest_step_and_it_is_still_exact():
    # one day at 6 breaths/min (period 10 s) is 8640 whole cycles: back where it started
    assert tracking.MAX_STEP_SECONDS == 24 * 60 * 60
    assert tracking.advance(0.25, tracking.MAX_STEP_SECONDS, PATTERN) == pytest.approx(0.25)
    with pytest.raises(ValueError, match=r"dt\[1\] = 1e\+308 s is out of range"):
        tracking.advance(0.25, [1.0, 1e308], PATTERN)


@pytest.mark.parametrize("field", ["u", "dt"])
@given(flags=st.lists(st.booleans(), min_size=1, max_size=3), good=st.floats(0, 1))
def test_breath_arrays_refuse_bools_among_numbers(field, flags, good):
    args = {"u": 0.1, "dt": 0.1, **{field: [good, *flags]}}
    with pytest.raises(ValueError, match=f"{field}.*(not booleans|got (True|False))"):
        tracking.advance(args["u"], args["dt"], PATTERN)


@given(
    bad=st.one_of(
        st.just([]),
        st.lists(st.floats(0, 1), min_size=2, max_size=3),
        st.just([math.nan]),
        st.just(np.array([0.5])),
        NOT_A_NUMBER.filter(lambda v: v != []),
        NOT_FINITE,
        outside(0, 1),
    )
)
def test_phase_track_starts_at_one_phase_from_0_to_1(bad):
    with pytest.raises(ValueError, match=r"^u0\S* (must be|=)") as err:
        tracking.phase_track([0.0, 1.0], 6.0, u0=bad)
    assert "0 to 1" in str(err.value)


@given(gap=st.floats(tracking.MAX_STEP_SECONDS + 1, 1e308), start=st.floats(-1e3, 1e3))
def test_phase_track_times_are_at_most_a_day_apart(gap, start):
    with pytest.raises(ValueError, match=r"times\[1\] = .* s is out of range; allowed range is"):
        tracking.phase_track([start, start + gap], 6.0)


@given(
    bad=st.one_of(
        st.just([[0.1], [0.2, 0.3]]),
        st.just([[], [1.0]]),
        st.lists(st.booleans(), min_size=1, max_size=3),
        st.lists(st.text(max_size=2), min_size=1, max_size=2),
    )
)
def test_phases_must_be_numbers_in_a_regular_array(bad):
    with pytest.raises(ValueError, match=r"^u\S* must (be|hold) a? ?numbers?"):
        breath.profile(PATTERN, bad)


@pytest.mark.parametrize(
    "field", ["tempo", "exhale_ratio", "hold_after_inhale", "hold_after_exhale"]
)
@given(flag=st.booleans())
def test_a_breath_pattern_refuses_bools(field, flag):
    with pytest.raises(ValueError, match=f"{field} must be a number, got {flag}; allowed range"):
        breath.BreathPattern(**{field: flag})


@given(key=st.text(max_size=8).filter(lambda k: k not in breath.DEFAULT_SOURCES))
def test_a_breath_pattern_refuses_unknown_fields(key):
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        breath.BreathPattern(**{key: 6.0})


@given(mode=not_one_of(breath.MODES), phase=not_one_of(breath.PHASES))
def test_breath_modes_and_phases_are_listed(mode, phase):
    with pytest.raises(ValueError, match="valid modes: lift-with-breath"):
        breath.cue(mode, "inhale")
    with pytest.raises(ValueError, match="valid phases: inhale"):
        breath.cue("breath-only", phase)
    with pytest.raises(ValueError, match="valid modes: lift-with-breath"):
        breath.lift_and_breath(mode, PATTERN, 0.1)
