"""The model-versus-Wilke comparison: ratios computed from the two sides independently."""

from dataclasses import replace

import pytest

from widgets.data import value
from widgets.model.trunk import preset as trunk_preset
from widgets.model.trunk import preset_load, trunk_load
from widgets.model.wilke_check import (
    WILKE_PRESETS,
    measured_pressure,
    overshoot_with_moment_arm,
    wilke_check,
    wilke_checks,
)

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


def test_moment_arm_sensitivity_starts_at_the_models_own_arm_and_falls_with_a_longer_arm():
    arm = value("trunk", "muscle", "extensor_moment_arm")
    for name in WILKE_PRESETS:
        assert overshoot_with_moment_arm(name, arm) == pytest.approx(wilke_check(name).overshoot)
    assert overshoot_with_moment_arm("standing", 0.07) == pytest.approx(1.0)
    for name in ("standing-flexed", "lift-round-back", "lift-bent-knees", "hold-close"):
        five, six, seven = (overshoot_with_moment_arm(name, a) for a in (0.05, 0.06, 0.07))
        assert five > six > seven, name


def test_every_posture_agrees_within_25_percent_and_the_bent_knee_lift_only_just():
    # the docstring's summary: all four agree; the bent-knee lift (unsourced angles) is at the
    # edge, so a 45 deg lean instead of 40 deg would already leave it outside
    for name in WILKE_PRESETS:
        assert 0.75 < wilke_check(name).overshoot < 1.25, name
    leaning = replace(trunk_preset("lift-bent-knees"), flexion=45.0)
    standing = preset_load("standing").pressure
    assert trunk_load(leaning).pressure / standing / (1.7 / 0.5) > 1.25


def test_moment_arm_sensitivity_refuses_bad_input():
    with pytest.raises(ValueError, match="arm"):
        overshoot_with_moment_arm("lift-round-back", 0.2)
    with pytest.raises(ValueError, match=r"^preset_name = .sitting-slumped. .*hold-close"):
        overshoot_with_moment_arm("sitting-slumped", 0.05)
