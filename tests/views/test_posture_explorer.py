"""The posture explorer: presets set the sliders, sliders redraw, bad values are refused."""

import pytest
import traitlets

from widgets.model.trunk import PRESETS, preset, trunk_load
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
