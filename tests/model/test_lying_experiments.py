"""The breath-and-lying sandbox's lying-body experiments: behaviour and bad input."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings

from tests.bad_values import assert_names, bad_number
from widgets.data import value
from widgets.model import lying_experiments as lx
from widgets.model.spine_params import preset
from widgets.model.supine import (
    LIMITS,
    READOUTS,
    SupineParams,
    chin_changes,
    chin_range,
    supine_pose,
)


def test_chin_sweep_is_chin_range_at_each_value():
    sweep = lx.chin_sweep("pillow", [0, 100], breath=1.0)
    for k, pillow in enumerate((0, 100)):
        params = SupineParams(pillow=pillow)
        assert (sweep.chin[k], sweep.low[k], sweep.high[k]) == pytest.approx(
            chin_range(params, 0.0, 1.0)
        )
        pose = supine_pose(params, 0.0, 1.0)
        assert sweep.pelvic_tilt[k] == pytest.approx(pose.readouts["pelvic_tilt"])
        assert sweep.head_gap[k] == pytest.approx(pose.contacts["head"])
    assert np.all(sweep.low <= sweep.chin) and np.all(sweep.chin <= sweep.high)


def test_a_higher_pillow_tucks_the_chin_and_leaves_the_pelvis():
    sweep = lx.chin_sweep("pillow", [0, 75, 150])
    assert np.all(np.diff(sweep.chin) < 0)
    assert sweep.pelvic_tilt == pytest.approx(sweep.pelvic_tilt[0])


def test_readout_sweep_is_the_pose_at_each_value():
    params = SupineParams(legs="straight")
    sweep = lx.readout_sweep("lift_range", [0, 15], params, lift=1.0)
    assert set(sweep) == set(READOUTS)
    top = supine_pose(SupineParams(legs="straight", lift_range=15), 1.0, 0.0).readouts
    for name in READOUTS:
        assert sweep[name][1] == pytest.approx(top[name])
    # the lift adds its range to the lordosis (module docstring of the lying model)
    assert sweep["lumbar_lordosis"][1] - sweep["lumbar_lordosis"][0] == pytest.approx(15.0)


def test_head_gaps_are_the_pose_contact_and_never_above_the_pillow():
    assert lx.head_gaps([0, 50, 100]) == pytest.approx(0.0, abs=lx.HEAD_GAP_TOLERANCE)
    deepest = SupineParams(breath_depth=LIMITS["breath_depth"][1])
    gaps = lx.head_gaps([110, 130, 150], deepest)
    for pillow, gap in zip((110, 130, 150), gaps, strict=True):
        pose = supine_pose(SupineParams(breath_depth=16.0, pillow=pillow), 0.0, 1.0)
        assert gap == pytest.approx(pose.contacts["head"])
    # the head rests on the pillow or, out of the neck's reach (a known gap), below its top
    assert np.all(gaps <= lx.HEAD_GAP_TOLERANCE)


def test_pillow_effect_is_chin_changes_per_pillow():
    effect = lx.pillow_effect([80])
    assert effect == {80.0: chin_changes(SupineParams(pillow=80))}


def test_pelvis_check_states_the_known_gap():
    check = lx.pelvis_check()
    standing = preset("adult-mean").pelvic_tilt
    straight = check["straight"]
    assert straight.target == pytest.approx(standing - 5.5)  # Pierrepont 2017: 5.5 deg forward
    assert (straight.low, straight.high) == pytest.approx((standing - 21.8, standing + 8.4))
    assert check["bent"].low is None and check["bent"].high is None
    for legs, case in check.items():
        assert case.model == pytest.approx(
            supine_pose(SupineParams(legs=legs)).readouts["pelvic_tilt"]
        )
        assert case.upper_back_extension > 0.0
    # legs straight the pelvis lies further back than Pierrepont's mean (whose hip-replacement
    # patients have stiffer hips): the diagnostic asks for a large extra upper-back extension
    assert straight.gap > 2.0 and straight.upper_back_extension > 20.0
    # knees bent the target is the legs-straight change plus the 13 deg flatter lordosis, as if
    # it all rolled the pelvis back; the balanced adult mean (SVA about 35 mm) rests within 2
    # deg of it. (The earlier adult-mean preset, standing 97 mm forward, lay 4-10 deg back.)
    assert abs(check["bent"].gap) < 2.0
    # legs straight the hips pull it forward: the lying model's docstring puts it about 2 deg
    # forward of standing, inside Pierrepont's individual spread
    assert straight.model == pytest.approx(standing - 2.0, abs=1.0)
    assert straight.low < straight.model < straight.high
    assert value("supine", "legs_straight_pelvic_tilt_change") == -5.5


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: lx.chin_sweep("legs", [1]), "setting"),
        (lambda: lx.chin_sweep("pillow", []), "values"),
        (lambda: lx.chin_sweep("pillow", "50"), "values"),
        (lambda: lx.chin_sweep("pillow", [50, 200]), "values[1]"),
        (lambda: lx.chin_sweep("pillow", list(range(22))), "values"),
        (lambda: lx.chin_sweep("pillow", [50], params="default"), "params"),
        (lambda: lx.chin_sweep("pillow", [50], lift=2), "lift"),
        (lambda: lx.chin_sweep("lift_range", [5], breath=math.nan), "breath"),
        (lambda: lx.readout_sweep("breath_depth", [20]), "values[0]"),
        (lambda: lx.head_gaps([-1]), "pillows[0]"),
        (lambda: lx.head_gaps([50], breath=True), "breath"),
        (lambda: lx.pillow_effect(50), "pillows"),
        (lambda: lx.pillow_effect([50], params=3), "params"),
        (lambda: lx.pelvis_check("adult"), "preset"),
    ],
)
def test_bad_input_is_refused_naming_it(call, name):
    with pytest.raises(ValueError, match=re.escape(name)):
        call()


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(*LIMITS["pillow"]))
def test_any_bad_pillow_is_refused_before_any_work(bad):
    with pytest.raises(ValueError, match=re.escape("values[0]")) as err:
        lx.chin_sweep("pillow", [bad])
    assert_names(str(err.value), "values[0]", bad)
