"""The posture explorer: presets set the sliders, sliders redraw, bad values are refused."""

import pytest
import traitlets

from widgets.model.trunk import PRESETS, preset, trunk_load
from widgets.model.wilke_check import measured_pressure
from widgets.views.posture_explorer import CUSTOM, SLIDERS, PostureExplorer, trunk_model_check


def test_a_preset_sets_every_slider_and_draws_its_load():
    view = PostureExplorer("standing")
    view.show("lift-far")
    assert view.posture == preset("lift-far")
    load = trunk_load(preset("lift-far"))
    assert f"{load.compression:,.0f} N" in view.bars.value
    assert f"lever {load.load_lever:.2f} m" in view.person.value


def test_moving_a_slider_redraws_and_leaves_the_preset():
    view = PostureExplorer("lift-close")
    before = view.bars.value
    view.sliders["load_distance"].value = 0.5
    assert view.picker.value == CUSTOM
    assert view.bars.value != before
    assert view.posture.load_distance == 0.5


def test_wilkes_measured_value_shows_only_on_his_exact_posture():
    view = PostureExplorer("lift-round-back")
    assert "measured 2.30 MPa" in view.bars.value
    view.set(flexion=60)
    assert "measured 2.30 MPa" not in view.bars.value


def test_every_slider_has_a_name_and_the_models_range():
    view = PostureExplorer()
    for name, slider in view.sliders.items():
        assert slider.description == SLIDERS[name][0]
    assert len(PRESETS) + 1 == len(view.picker.options)


def test_bad_values_are_refused():
    view = PostureExplorer()
    with pytest.raises(traitlets.TraitError, match="value = 200"):
        view.sliders["flexion"].value = 200
    with pytest.raises(ValueError, match="valid"):
        view.set(speed=3)
    with pytest.raises(ValueError, match="load"):
        view.set(load=-1)
    with pytest.raises(ValueError, match="unknown start 'dancing'; valid starts: standing"):
        PostureExplorer("dancing")


def test_model_check_is_a_table():
    assert "<table" in trunk_model_check().value


def test_a_sitting_habit_is_drawn_sitting_on_a_stool_and_says_why():
    view = PostureExplorer("standing")
    assert not view.seated and "gs-posture-stool" not in view.person.value
    view.show("sitting-upright")
    assert view.seated
    assert "gs-posture-stool" in view.person.value
    assert "sitting on a stool" in view.person.value
    assert "no seat, backrest" in view.note.value
    # the model cannot tell sitting from standing upright: the numbers are the same
    assert view.posture == preset("standing")
    standing = trunk_load(preset("standing"))
    assert f"disc compression {standing.compression:,.0f} N" in view.bars.value
    wilke = f"{measured_pressure('standing'):.2f} MPa</td>"
    assert wilke in PostureExplorer("standing").readout.value
    assert wilke not in view.readout.value  # Wilke's standing value is not for sitting


def test_the_person_stays_seated_while_sliders_move_until_a_standing_habit():
    view = PostureExplorer("sitting-slumped")
    assert view.seated and "leaning forward 20°" in view.person.value
    view.sliders["flexion"].value = 35
    assert view.picker.value == CUSTOM and view.seated
    assert "leaning forward 35°" in view.person.value
    assert f"{trunk_load(view.posture).compression:,.0f} N" in view.bars.value
    view.set(load=10, load_distance=0.3)
    assert view.seated and "gs-posture-stool" in view.person.value
    view.show("lift-close")
    assert not view.seated
    assert "gs-posture-stool" not in view.person.value and view.note.value == ""
