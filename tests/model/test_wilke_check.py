"""The model-versus-Wilke comparison: ratios computed from the two sides independently."""

import pytest

from widgets.data import value
from widgets.model.trunk import preset_load
from widgets.model.wilke_check import WILKE_PRESETS, measured_pressure, wilke_check, wilke_checks

WILKE_MPA = {  # wilke1999, abstract (independent of the csv)
    "standing": 0.5,
    "standing-flexed": 1.1,
    "lift-round-back": 2.3,
    "lift-bent-knees": 1.7,
    "hold-close": 1.1,
}


def test_measured_pressures_are_wilkes_abstract_values_and_agree_with_disc_postures():
    assert {p: measured_pressure(p) for p in WILKE_PRESETS} == WILKE_MPA
    assert measured_pressure("standing") == value("disc_postures", "wilke1999", "standing")
    assert measured_pressure("standing-flexed") == value(
        "disc_postures", "wilke1999", "standing_flexed"
    )


def test_overshoot_is_the_ratio_of_ratios():
    c = wilke_check("lift-round-back")
    model = preset_load("lift-round-back").pressure / preset_load("standing").pressure
    assert c.model_ratio == pytest.approx(model)
    assert c.measured_ratio == pytest.approx(2.3 / 0.5)
    assert c.overshoot == pytest.approx(model / 4.6)
    assert wilke_check("standing").overshoot == pytest.approx(1.0)
    assert [c.preset for c in wilke_checks()] == list(WILKE_PRESETS)


def test_unknown_preset_lists_the_measured_ones():
    with pytest.raises(ValueError, match="hold-close"):
        measured_pressure("sitting-slumped")
