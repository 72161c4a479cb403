"""Bad input to the interactive views is refused at the call: a ValueError for arguments, a
TraitError for traits, each naming the value and what is allowed; computed traits are read-only.
"""

import html

import pytest
import traitlets
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import (
    NOT_A_FLAG,
    NOT_A_NUMBER,
    NOT_FINITE,
    NOT_TEXT,
    assert_names,
    bad_number,
    not_one_of,
)
from widgets.model.breath import MODES
from widgets.model.spine_params import PRESETS, preset
from widgets.model.supine import LEGS, SupineParams
from widgets.views.breath_lift import RANGES, SETTINGS, SPEEDS, BreathLiftAnimator, breath_lift
from widgets.views.breath_lift_teacher_panel import LINKED, BreathLiftTeacherPanel, teacher_panel
from widgets.views.chain_comparison import chain_figure, chain_poses, chain_table_html, show_chain
from widgets.views.curve_explorer import ADULT_TYPES, AfterPause, CurveExplorer, curve_explorer
from widgets.views.curve_explorer_age import AgeSlider
from widgets.views.spine_comparison import SpineComparison, compare_spines

NASTY = "%{x} </extra> <b>bold</b> <script>alert(1)</script> & 50 %"


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
    with pytest.raises(ValueError, match=rf"^{side} = .* is not a preset; valid presets: adult-m"):
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


@given(bad=st.text(max_size=8).filter(lambda k: k != "animator"))
@settings(max_examples=20)
def test_the_panel_lists_its_one_argument(animator, bad):
    for call, where in (
        (teacher_panel, "teacher_panel"),
        (BreathLiftTeacherPanel, "BreathLiftTeacherPanel"),
    ):
        with pytest.raises(ValueError, match=f"for {where}.*; valid arguments: animator$") as err:
            call(animator, **{bad: 1})
        assert repr(bad) in str(err.value)


def test_panel_links_are_read_only(animator):
    panel = teacher_panel(animator)
    links = panel.links
    with pytest.raises(AttributeError):
        panel.links = []
    assert panel.links is links and len(links) == len(LINKED)


# --- the animator ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RANGES))
@given(data=st.data())
@settings(max_examples=25)
def test_animator_numbers_name_the_value_and_the_range(animator, name, data):
    low, high, unit = RANGES[name]
    before = getattr(animator, name)
    bad = data.draw(bad_number(low, high))
    with pytest.raises(traitlets.TraitError, match=f"allowed range is {low:g} to {high:g}") as err:
        setattr(animator, name, bad)
    assert_names(str(err.value), name, bad)
    assert unit in str(err.value)
    assert getattr(animator, name) == before


@given(bad=st.one_of(bad_number(0.25, 1.0), st.sampled_from([0.3, 0.75, 0.9, 1e-300])))
@settings(max_examples=40)
def test_animator_speeds_are_the_offered_ones(animator, bad):
    with pytest.raises(traitlets.TraitError, match=r"allowed speeds: 0\.25, 0\.5, 1$") as err:
        animator.speed = bad
    assert_names(str(err.value), "speed", bad)
    assert animator.speed in SPEEDS


@pytest.mark.parametrize(("name", "choices"), [("mode", MODES), ("legs", LEGS)])
@given(data=st.data())
@settings(max_examples=25)
def test_animator_mode_and_legs_list_the_valid_names(animator, name, choices, data):
    before = getattr(animator, name)
    with pytest.raises(traitlets.TraitError, match=f"; valid {name}s?: {', '.join(choices)}$"):
        setattr(animator, name, data.draw(not_one_of(choices)))
    assert getattr(animator, name) == before


@pytest.mark.parametrize("name", ["playing", "labels", "sound"])
@given(bad=NOT_A_FLAG)
@settings(max_examples=25)
def test_animator_flags_are_true_or_false_only(animator, name, bad):
    before = getattr(animator, name)
    with pytest.raises(traitlets.TraitError, match=f"^{name} must be True or False, got") as err:
        setattr(animator, name, bad)
    assert_names(str(err.value), name, bad)
    assert getattr(animator, name) is before


COMPUTED = ("scene", "limits", "speeds", "modes", "phases", "cues", "lift_period_factor")


@pytest.mark.parametrize("name", COMPUTED)
def test_animator_computed_traits_are_read_only_but_still_synced(animator, name):
    before = getattr(animator, name)
    for bad in ({}, [], None, before):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(animator, name, bad)
    assert getattr(animator, name) == before
    assert animator.trait_metadata(name, "sync") is True
    assert name in animator.keys


def test_the_scene_is_still_rebuilt_by_the_animator_itself():
    w = BreathLiftAnimator()
    sent = []
    w.observe(lambda change: sent.append(change["name"]), "scene")
    w.lift_range = 3
    assert sent == ["scene"]
    assert w.get_state("scene")["scene"] == w.scene  # what goes to the browser


@pytest.mark.parametrize("call", [breath_lift, BreathLiftAnimator])
@given(key=st.one_of(st.text(max_size=8), st.sampled_from(["temp", "scene", "layout", "limits"])))
@settings(max_examples=30)
def test_animator_unknown_arguments_list_the_settings(call, key):
    if key in SETTINGS:
        return
    with pytest.raises(ValueError, match="valid arguments: tempo, exhale_ratio, hold_in") as err:
        call(**{key: 1})
    assert repr(key) in str(err.value)
    assert call.__name__ in str(err.value)
