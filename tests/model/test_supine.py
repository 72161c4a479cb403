import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model import measure
from widgets.model.supine import (
    LIMITS,
    READOUTS,
    SupineParams,
    key_poses,
    pose_params,
    supine_pose,
)
from widgets.model.supine_joints import JOINTS
from widgets.model.supine_ranges import (
    at_limit,
    extension_range,
    flexion_range,
    joint_limits,
    rom,
)

fractions = st.floats(0.0, 1.0, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(
    lift=fractions,
    breath=fractions,
    legs=st.sampled_from(["bent", "straight"]),
    lift_range=st.floats(*LIMITS["lift_range"]),
    breath_depth=st.floats(*LIMITS["breath_depth"]),
    pillow=st.floats(*LIMITS["pillow"]),
)
def test_buttocks_upper_back_and_head_rest_on_bed_and_pillow(
    lift, breath, legs, lift_range, breath_depth, pillow
):
    params = SupineParams(
        legs=legs, lift_range=lift_range, breath_depth=breath_depth, pillow=pillow
    )
    pose = supine_pose(params, lift, breath)
    for contact in ("buttocks", "upper back", "head"):
        assert pose.contacts[contact] == pytest.approx(0.0, abs=0.5), contact
    # the drawn outlines agree with the contacts
    assert pose.tissue["buttocks"][:, 1].min() == pytest.approx(0.0, abs=0.5)
    assert pose.tissue["scalp"][:, 1].min() == pytest.approx(pillow, abs=0.5)
    assert pose.pillow[:, 1].max() == pytest.approx(pillow)


def test_default_pose_touches_at_buttocks_upper_back_and_head():
    pose = supine_pose(SupineParams())
    for contact in ("buttocks", "upper back", "head"):
        assert pose.contacts[contact] == pytest.approx(0.0, abs=0.5), contact


def test_lifting_the_waist_arches_the_low_back_tilts_the_pelvis_and_raises_the_waist():
    params = SupineParams()
    rest, top = supine_pose(params, 0, 0), supine_pose(params, 1, 0)
    assert top.readouts["lumbar_lordosis"] - rest.readouts["lumbar_lordosis"] == pytest.approx(
        params.lift_range
    )
    assert (
        top.readouts["pelvic_tilt"] < rest.readouts["pelvic_tilt"] - 1.0
    )  # tilts forward (anterior)
    assert top.readouts["waist_height"] > rest.readouts["waist_height"] + 2.0


def test_lifting_the_waist_rocks_the_head():
    params = SupineParams()
    rest, top = supine_pose(params, 0, 0), supine_pose(params, 1, 0)
    assert abs(top.readouts["head_pitch"] - rest.readouts["head_pitch"]) > 1.0


def test_breathing_alone_tilts_the_chin():
    params = SupineParams()
    out, full = supine_pose(params, 0, 0), supine_pose(params, 0, 1)
    assert abs(full.readouts["head_pitch"] - out.readouts["head_pitch"]) > 0.5
    assert measure.thoracic_kyphosis(out.geometry) - measure.thoracic_kyphosis(
        full.geometry
    ) == pytest.approx(params.breath_depth)


def test_breathing_alone_moves_the_low_back_less_than_the_lift():
    params = SupineParams()
    rest = supine_pose(params, 0, 0)
    breath = supine_pose(params, 0, 1)
    lift = supine_pose(params, 1, 0)
    d_breath = abs(breath.readouts["lumbar_lordosis"] - rest.readouts["lumbar_lordosis"])
    d_lift = abs(lift.readouts["lumbar_lordosis"] - rest.readouts["lumbar_lordosis"])
    assert d_breath < d_lift
    assert abs(breath.readouts["pelvic_tilt"] - rest.readouts["pelvic_tilt"]) < abs(
        lift.readouts["pelvic_tilt"] - rest.readouts["pelvic_tilt"]
    )


def test_head_pitch_comes_from_the_chain_not_a_fixed_gain():
    # The same lift moves the head by different amounts for different bodies and pillows.
    gains = []
    for spine, pillow in (("adult-mean", 50.0), ("hyperkyphosis", 50.0), ("adult-mean", 0.0)):
        params = SupineParams(spine=spine, pillow=pillow)
        rest, top = supine_pose(params, 0, 0), supine_pose(params, 1, 0)
        gains.append((top.readouts["head_pitch"] - rest.readouts["head_pitch"]) / params.lift_range)
    assert max(gains) - min(gains) > 0.05


def test_no_lift_range_means_no_movement():
    params = SupineParams(lift_range=0.0, breath_depth=0.0)
    a, b = supine_pose(params, 0, 0), supine_pose(params, 1, 1)
    np.testing.assert_allclose(a.geometry.body_corners, b.geometry.body_corners[:, :, :], atol=1e-4)


def test_knees_bent_flatten_the_low_back():
    bent = pose_params(SupineParams(legs="bent"), 0, 0)
    straight = pose_params(SupineParams(legs="straight"), 0, 0)
    assert bent.lumbar_lordosis < straight.lumbar_lordosis


def test_legs_keep_their_sourced_lengths():
    for legs in ("bent", "straight"):
        hip, knee, ankle = supine_pose(SupineParams(legs=legs)).legs
        assert np.linalg.norm(knee - hip) == pytest.approx(422.2, abs=0.1)
        assert np.linalg.norm(ankle - knee) == pytest.approx(434.0, abs=0.1)


def test_key_poses_grid_and_readouts():
    kp = key_poses(SupineParams(), 3, 4)
    assert len(kp.poses) == 3
    assert len(kp.poses[0]) == 4
    for name in READOUTS:
        assert kp.readout(name).shape == (3, 4)
    assert kp.readout("lumbar_lordosis")[2, 0] > kp.readout("lumbar_lordosis")[0, 0]
    with pytest.raises(
        ValueError, match="n_lift = 1 poses is out of range; allowed range is 2 to 21 poses"
    ):
        key_poses(SupineParams(), 1, 3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"lift_range": 16}, "lift_range = 16 deg is out of range; allowed range is 0 to 15 deg"),
        ({"lift_range": math.nan}, "lift_range must be a finite number"),
        (
            {"breath_depth": -1},
            "breath_depth = -1 deg is out of range; allowed range is 0 to 16 deg",
        ),
        ({"pillow": 200}, "pillow = 200 mm is out of range; allowed range is 0 to 150 mm"),
        ({"legs": "crossed"}, "unknown legs 'crossed'; valid legs: bent, straight"),
        ({"spine": "giraffe"}, "spine = 'giraffe' is not a preset; valid presets: adult-mean"),
    ],
)
def test_bad_settings_name_the_value_and_range(kwargs, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        SupineParams(**kwargs)


@pytest.mark.parametrize("bad", [-0.1, 1.1, math.nan, None])
def test_bad_fractions_are_rejected(bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 1"):
        supine_pose(SupineParams(), bad, 0.0)


def test_each_joint_flexes_and_extends_within_its_own_share_of_the_range():
    # Panjabi et al. 1989 (10 cadaveric necks, abstract): the skull on C1 3.5 deg flexion and
    # 21.0 extension, C1 on C2 11.5 and 10.9; every other level half each way (illustrative)
    limits = joint_limits()
    assert limits["C0-C1"] == pytest.approx((-3.5, 21.0))
    assert limits["C1-C2"] == pytest.approx((-11.5, 10.9))
    for joint in JOINTS:
        low, high = limits[joint]
        assert low < 0.0 < high
        assert high - low == pytest.approx(rom(joint))  # the two parts make the whole range
        assert flexion_range(joint) == pytest.approx(-low)
        assert extension_range(joint) == pytest.approx(high)
        if joint not in ("C0-C1", "C1-C2"):
            assert high == pytest.approx(-low)
    # a child's spine keeps the weak bound of the whole range either way
    assert joint_limits(0.0)["C0-C1"] == pytest.approx((-24.5, 24.5))
    assert at_limit("C0-C1", 21.0) and at_limit("C0-C1", -3.5) and not at_limit("C0-C1", 10.0)
    assert not at_limit("C0-C1", -10.0, 0.0)
    with pytest.raises(ValueError, match="joint"):
        at_limit("C9-C10", 0.0)
    with pytest.raises(ValueError, match="age_months"):
        joint_limits(-1.0)
