"""Bad input to the interactive views is refused at the call: a ValueError for arguments, a
TraitError for traits, each naming the value and what is allowed; computed traits are read-only.
"""

import html
import math
import sys

import pytest
import traitlets
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model.spine_params import PRESETS, preset
from widgets.model.supine import SupineParams
from widgets.views.breath_lift import BreathLiftAnimator
from widgets.views.breath_lift_teacher_panel import BreathLiftTeacherPanel, teacher_panel
from widgets.views.chain_comparison import chain_figure, chain_poses, chain_table_html, show_chain
from widgets.views.curve_explorer import ADULT_TYPES, AfterPause, CurveExplorer, curve_explorer
from widgets.views.curve_explorer_age import AgeSlider
from widgets.views.spine_comparison import SpineComparison, compare_spines

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
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(max_size=2), max_size=2)
)
NASTY = "%{x} </extra> <b>bold</b> <script>alert(1)</script> & 50 %"


def outside(low: float, high: float) -> st.SearchStrategy:
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


@pytest.fixture(scope="module")
def explorer():
    return CurveExplorer(12.0)


@pytest.fixture(scope="module")
def comparison():
    return SpineComparison()


@pytest.fixture(scope="module")
def animator():
    return BreathLiftAnimator()


# --- the curve explorer ---------------------------------------------------------------------


@pytest.mark.parametrize("call", [curve_explorer, CurveExplorer])
@given(bad=bad_number(0, 240))
@settings(max_examples=30)
def test_explorer_ages_are_0_to_240_months(call, bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 240 months") as err:
        call(bad)
    assert_names(str(err.value), "age_months", bad)


@pytest.mark.parametrize("call", [curve_explorer, CurveExplorer])
@given(bad=not_one_of(ADULT_TYPES))
@settings(max_examples=30)
def test_explorer_adult_types_are_listed(call, bad):
    with pytest.raises(ValueError, match=r"unknown adult type .*; valid adult types: adult-mean"):
        call(0.0, bad)


@given(age=bad_number(0, 240), name=not_one_of(ADULT_TYPES))
@settings(max_examples=30)
def test_explorer_methods_refuse_bad_input_and_keep_the_view(explorer, age, name):
    with pytest.raises(ValueError, match="age_months"):
        explorer.show_age(age)
    with pytest.raises(ValueError, match="valid adult types"):
        explorer.show_type(name)
    assert explorer.age_months == 12.0
    assert explorer.picker.value == "adult-mean"


@given(bad=st.one_of(bad_number(0, 240), st.sampled_from([0.5, 25.0, 239.0])))
def test_the_age_slider_takes_its_stops_only(bad):
    slider = AgeSlider(12.0)
    with pytest.raises(traitlets.TraitError, match="age_months") as err:
        slider.value = bad
    assert_names(str(err.value), "age_months", bad)
    assert slider.value == 12.0


@given(bad=st.one_of(NOT_TEXT, st.just(""), st.just("  ")))
def test_the_age_slider_needs_a_label_for_screen_readers(bad):
    slider = AgeSlider()
    with pytest.raises(traitlets.TraitError, match="description must"):
        slider.description = bad
    with pytest.raises(traitlets.TraitError, match="description must"):
        AgeSlider(0.0, bad)
    assert slider.description == "Age"


def test_the_age_slider_stops_are_read_only_and_unknown_arguments_refused():
    slider = AgeSlider()
    for name in ("stops", "labels"):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(slider, name, [0.0])
    with pytest.raises(TypeError, match="unexpected keyword argument 'valeu'"):
        AgeSlider(valeu=3.0)


@given(bad=st.one_of(NOT_A_NUMBER.filter(lambda v: not callable(v)), st.just(3)))
def test_after_pause_needs_an_action(bad):
    with pytest.raises(ValueError, match="action must be a function of one number, got"):
        AfterPause(bad, 0.3)


@given(bad=bad_number(0, 60))
def test_after_pause_needs_a_pause_of_0_to_60_s(bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 60 s") as err:
        AfterPause(print, bad)
    assert_names(str(err.value), "pause", bad)


@given(bad=st.one_of(NOT_A_NUMBER, NOT_FINITE))
def test_after_pause_passes_on_finite_numbers_only(bad):
    seen = []
    updates = AfterPause(seen.append, 0.3)
    with pytest.raises(ValueError, match="value must be a finite number") as err:
        updates(bad)
    assert_names(str(err.value), "value", bad)
    assert seen == []


# --- the spine comparison -------------------------------------------------------------------


@pytest.mark.parametrize("call", [compare_spines, SpineComparison])
@pytest.mark.parametrize("side", ["left", "right"])
@given(bad=not_one_of(PRESETS))
@settings(max_examples=30)
def test_comparison_presets_are_listed(call, side, bad):
    with pytest.raises(ValueError, match=r"unknown preset .*; valid presets: adult-mean"):
        call(**{side: bad})


@given(bad=not_one_of(PRESETS))
def test_comparison_show_lists_the_presets_and_keeps_the_view(comparison, bad):
    with pytest.raises(ValueError, match="valid presets"):
        comparison.show(bad)
    assert comparison.right == "newborn"


# --- the chain comparison -------------------------------------------------------------------

NOT_PARAMS = st.one_of(
    NOT_A_NUMBER.filter(lambda v: v is not None), st.just(preset("adult-mean")), st.just({})
)


@pytest.mark.parametrize("call", [chain_poses, chain_figure, show_chain])
@given(bad=NOT_PARAMS)
@settings(max_examples=30)
def test_chain_views_need_lying_settings_or_none(call, bad):
    with pytest.raises(ValueError, match=r"params must be SupineParams .* or None") as err:
        call(bad)
    assert_names(str(err.value), "params", bad)


@given(
    bad=st.one_of(
        NOT_A_NUMBER.filter(lambda v: v != {}),
        st.just({}),
        st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
    )
)
def test_chain_table_needs_labelled_poses(bad):
    with pytest.raises(ValueError, match="poses"):
        chain_table_html(bad)


def test_chain_table_labels_are_text_and_escaped():
    poses = chain_poses(SupineParams())
    first = next(iter(poses.values()))
    with pytest.raises(ValueError, match="each label of poses must be text"):
        chain_table_html({3: first})
    table = chain_table_html({NASTY: first})
    assert "<script>" not in table and "<b>bold</b>" not in table
    assert html.escape(NASTY) in table


# --- the teacher panel ----------------------------------------------------------------------


@pytest.mark.parametrize("call", [teacher_panel, BreathLiftTeacherPanel])
@given(bad=st.one_of(NOT_A_NUMBER, st.just(preset("adult-mean"))))
@settings(max_examples=30)
def test_the_panel_needs_an_animator(call, bad):
    with pytest.raises(ValueError, match="animator must be a BreathLiftAnimator") as err:
        call(bad)
    assert_names(str(err.value), "animator", bad)


@pytest.mark.parametrize("name", ["tempo", "exhale_ratio"])
@given(data=st.data())
@settings(max_examples=40)
def test_panel_numbers_stay_in_the_animators_limits(animator, name, data):
    panel = teacher_panel(animator)
    low, high = animator.limits[name]["min"], animator.limits[name]["max"]
    before = getattr(panel, name)
    bad = data.draw(bad_number(low, high))
    with pytest.raises(traitlets.TraitError, match=f"allowed range is {low:g} to {high:g}") as err:
        setattr(panel, name, bad)
    assert_names(str(err.value), name, bad)
    assert getattr(panel, name) == before == getattr(animator, name)


@given(
    mode=not_one_of([m for m, _ in BreathLiftAnimator().modes]),
    speed=st.one_of(bad_number(0.25, 1.0), st.sampled_from([0.3, 0.75, 0.9])),
    playing=st.one_of(st.integers(), st.floats(), st.text(max_size=3), st.none()),
)
@settings(max_examples=40)
def test_panel_modes_speeds_and_play_are_the_animators(animator, mode, speed, playing):
    panel = teacher_panel(animator)
    with pytest.raises(traitlets.TraitError, match="valid modes: lift-with-breath"):
        panel.mode = mode
    with pytest.raises(traitlets.TraitError, match="speed") as err:
        panel.speed = speed
    assert_names(str(err.value), "speed", speed)
    with pytest.raises(traitlets.TraitError, match="playing must be True or False, got"):
        panel.playing = playing
    assert (panel.mode, panel.speed, panel.playing) == (
        animator.mode,
        animator.speed,
        animator.playing,
    )


def test_panel_limits_are_read_only(animator):
    panel = teacher_panel(animator)
    for name in ("limits", "modes", "speeds"):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(panel, name, {})
