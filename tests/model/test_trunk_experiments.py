"""The trunk sandbox's experiment functions: behaviour and bad input."""

import re

import pytest
from hypothesis import given, settings

from tests.bad_values import assert_names, bad_number
from widgets.model import trunk_experiments as tx
from widgets.model.trunk import LIMITS, TrunkPosture, trunk_load


def test_upper_body_alone_is_the_model_with_no_load():
    (load,) = tx.upper_body_alone([30])
    assert load == trunk_load(TrunkPosture(flexion=30))


def test_moment_per_metre_grows_with_the_load():
    assert tx.moment_per_metre(load=20) > tx.moment_per_metre(load=10) > tx.moment_per_metre(0)


def test_with_moment_arm_five_cm_is_the_model_itself():
    posture = TrunkPosture(flexion=60, load=5, load_distance=0.2, twist=20)
    case = tx.with_moment_arm(posture, 0.05)
    load = trunk_load(posture)
    assert case.extensor_force == pytest.approx(load.extensor_force)
    assert case.compression == pytest.approx(load.compression)
    assert case.pressure == pytest.approx(load.pressure)


def test_leaning_back_no_arm_changes_anything():
    posture = TrunkPosture(flexion=-10)
    assert tx.with_moment_arm(posture, 0.03).compression == pytest.approx(
        trunk_load(posture).compression
    )


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: tx.upper_body_alone([]), "flexions needs at least 1"),
        (lambda: tx.upper_body_alone("20"), "flexions must be a list"),
        (lambda: tx.upper_body_alone([20, 120]), "flexions[1] = 120 deg is out of range"),
        (lambda: tx.load_at_distances([0.1], load=60), "load"),
        (lambda: tx.load_at_distances([0.9]), "distances[0] = 0.9 m is out of range"),
        (lambda: tx.load_at_distances([0.1], flexion=True), "flexion"),
        (lambda: tx.moment_per_metre(load=-1), "load"),
        (lambda: tx.times_body_weight(-5), "force"),
        (lambda: tx.times_body_weight(500, body_mass=10), "body_mass"),
        (lambda: tx.with_moment_arm("lift-close", 0.05), "posture"),
        (lambda: tx.with_moment_arm(TrunkPosture(), 0.1), "arm"),
    ],
)
def test_bad_input_is_refused_naming_it(call, name):
    with pytest.raises(ValueError, match=re.escape(name)):
        call()


@settings(max_examples=40, deadline=None)
@given(bad=bad_number(*tx.MOMENT_ARM_RANGE))
def test_any_bad_arm_is_refused_naming_it_and_its_value(bad):
    with pytest.raises(ValueError, match="arm") as err:
        tx.with_moment_arm(TrunkPosture(), bad)
    assert_names(str(err.value), "arm", bad)


@settings(max_examples=40, deadline=None)
@given(bad=bad_number(*LIMITS["flexion"]))
def test_any_bad_flexion_is_refused_naming_it_and_its_value(bad):
    with pytest.raises(ValueError, match="flexion") as err:
        tx.load_at_distances([0.1], flexion=bad)
    assert_names(str(err.value), "flexion", bad)
