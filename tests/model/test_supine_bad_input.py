"""Bad input to the lying model's parts (supine_contact, supine_joints): clear ValueErrors.

Each wrong value is refused at the call with a message naming the parameter and what is
allowed; valid calls still give the same answers (the checks wrap unchecked twins).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from widgets.model.spine import build_spine
from widgets.model.supine import SupineParams, sized, supine_pose
from widgets.model.supine_contact import (
    HEAD_CHAIN,
    PILLOW_MAX,
    Tissue,
    back_skin,
    buttocks,
    clearance,
    neck_shares,
    pillow_block,
    rest_transform,
    scalp,
    settle_head,
    support,
    upper_back,
)
from widgets.model.supine_joints import bend, bend_many, joint_angles, pivot, rotate

BAD_NUMBERS = [math.nan, math.inf, -math.inf, True, "abc", 10**400, [1.0], None]


@pytest.fixture(scope="module")
def lying():
    return supine_pose(SupineParams()).geometry


@pytest.mark.parametrize("call", [buttocks, upper_back, back_skin, scalp, rest_transform])
@pytest.mark.parametrize("bad", ["abc", 3, {}, None])
def test_a_wrong_geometry_or_tissue_is_named_with_the_class_expected(call, bad, lying):
    with pytest.raises(ValueError, match=r"geom must be a SpineGeometry .*got "):
        call(bad, Tissue())
    with pytest.raises(ValueError, match=r"tissue must be a Tissue .*got "):
        call(lying, bad)


def test_settle_head_and_pivot_name_a_wrong_geometry(lying):
    start = dict.fromkeys(HEAD_CHAIN, 0.0)
    with pytest.raises(ValueError, match="geom must be a SpineGeometry"):
        settle_head("abc", Tissue(), 50.0, neck_shares(), start)
    with pytest.raises(ValueError, match="tissue must be a Tissue"):
        settle_head(lying, None, 50.0, neck_shares(), start)
    with pytest.raises(ValueError, match="geom must be a SpineGeometry"):
        pivot({}, "L4-L5")


@pytest.mark.parametrize("bad", BAD_NUMBERS)
def test_non_finite_or_wrong_numbers_name_the_parameter_and_range(bad, lying):
    tissue = sized(Tissue(), "adult-mean")
    checks = [
        ("prop", lambda: support(bad)),
        ("prop", lambda: clearance(upper_back(lying, tissue), bad)),
        ("prop", lambda: rest_transform(lying, tissue, prop=bad)),
        ("pillow", lambda: pillow_block(bad, 0.0)),
        ("size", lambda: pillow_block(50.0, 0.0, size=bad)),
        ("deg", lambda: rotate(np.zeros((3, 2)), np.zeros(2), bad)),
        ("deg", lambda: bend(lying, "L4-L5", bad)),
        ("bends['L4-L5']", lambda: bend_many(lying, {"L4-L5": bad})),
        (
            "pillow",
            lambda: settle_head(lying, tissue, bad, neck_shares(), dict.fromkeys(HEAD_CHAIN, 0.0)),
        ),
    ]
    if bad is not None:  # None means "no edge" there
        checks += [
            ("edge", lambda: clearance(upper_back(lying, tissue), 10.0, bad)),
            ("edge", lambda: rest_transform(lying, tissue, prop=10.0, edge=bad)),
            ("edge_x", lambda: pillow_block(50.0, 0.0, edge_x=bad)),
        ]
    for name, call in checks:
        with pytest.raises(ValueError, match=r"^" + re.escape(name)) as err:
            call()
        message = str(err.value)
        assert "allowed range" in message or "finite number" in message, message


def test_ranges_are_stated(lying):
    with pytest.raises(ValueError, match=f"allowed range is 0 to {PILLOW_MAX:g} mm"):
        support(-1.0)
    with pytest.raises(ValueError, match="allowed range is -360 to 360 deg"):
        rotate([[1.0, 0.0]], [0.0, 0.0], 400.0)
    with pytest.raises(ValueError, match="allowed range is 0 to 1"):
        settle_head(
            lying,
            Tissue(),
            50.0,
            {**neck_shares(), "C0-C1": 2.0},
            dict.fromkeys(HEAD_CHAIN, 0.0),
        )


@pytest.mark.parametrize("bad", ["abc", 3, [1], {"L4-L5": 0.0}, None])
def test_settle_head_refuses_shares_and_start_that_are_not_joint_mappings(bad, lying):
    start = dict.fromkeys(HEAD_CHAIN, 0.0)
    with pytest.raises(ValueError, match=r"^shares must be a mapping"):
        settle_head(lying, Tissue(), 50.0, bad, start)
    if not isinstance(bad, dict):
        with pytest.raises(ValueError, match=r"^start must be a mapping"):
            settle_head(lying, Tissue(), 50.0, neck_shares(), bad)
    with pytest.raises(ValueError, match=r"^start has an unknown joint 'X'"):
        settle_head(lying, Tissue(), 50.0, neck_shares(), {"X": 0.0})


@pytest.mark.parametrize("bad", ["abc", 3, [1], None])
def test_bend_many_needs_a_mapping_of_known_joints(bad, lying):
    with pytest.raises(ValueError, match=r"^bends must be a mapping"):
        bend_many(lying, bad)
    with pytest.raises(ValueError, match=r"^bends has an unknown joint 'Z1-Z2'; valid joints"):
        bend_many(lying, {"Z1-Z2": 1.0})


@pytest.mark.parametrize("bad", ["abc", 3, {}, None, [[math.nan, 0.0], [1.0, 1.0]]])
def test_outlines_and_points_must_be_finite_xy_arrays(bad, lying):
    with pytest.raises(ValueError, match=r"^outline must be an outline"):
        clearance(bad)
    with pytest.raises(ValueError, match=r"^points must be an array"):
        rotate(bad, np.zeros(2), 1.0)
    with pytest.raises(ValueError, match=r"^pivot must be an array"):
        rotate(np.zeros((2, 2)), bad, 1.0)
    if bad is not None:  # None: the buttocks are computed
        with pytest.raises(ValueError, match=r"^seat must be an outline"):
            rest_transform(lying, Tissue(), seat=bad)


def test_a_standing_spine_must_be_laid_down_before_resting_it():
    # build_spine gives the standing spine (head up, not along the bed): for a trunk bent
    # forward no line lies under both the upper back and the buttocks, so there is no resting
    # position to find. (A balanced standing spine is only turned by about 90 deg onto the bed.)
    with pytest.raises(ValueError, match=r"^geom must lie roughly along the bed"):
        rest_transform(build_spine("hyperkyphosis"), Tissue())


def test_checked_and_internal_paths_agree(lying):
    # the public calls validate, then run the same code the model runs unchecked
    tissue = sized(Tissue(), "adult-mean")
    seat = buttocks(lying, tissue)
    assert rest_transform(lying, tissue) == rest_transform(lying, tissue, seat=seat)
    # a pose on the bed is already at rest: no turn, no lift (the solver's tolerances)
    angle, up = rest_transform(lying, tissue)
    assert abs(angle) < 1e-3
    assert abs(up) < 0.02
    # rotating about a pivot by a bend angle is what bend does to the skull
    centre = pivot(lying, "L4-L5")
    np.testing.assert_allclose(
        bend(lying, "L4-L5", 3.0).skull, rotate(lying.skull, centre, 3.0), atol=1e-9
    )
    # bend_many of one joint is bend of that joint
    one = bend_many(lying, {"L4-L5": 3.0})
    np.testing.assert_allclose(one.body_corners, bend(lying, "L4-L5", 3.0).body_corners)
    after = joint_angles(one)
    before = joint_angles(lying)
    assert after["L4-L5"] - before["L4-L5"] == pytest.approx(3.0, abs=1e-9)
