"""The lying model against its contacts, the measured supine values and the joint ranges."""

import itertools
import math
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.data import value
from widgets.model.growth import ADULT_MONTHS, head_scale, preset_age, spine_scale
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS, preset
from widgets.model.supine import (
    LEGS,
    LIMITS,
    SupineParams,
    chin_changes,
    chin_range,
    hip_pull,
    key_poses,
    pillow_height,
    pose_params,
    resting_pelvic_tilt,
    sized,
    supine_pose,
    upper_back_gap,
)
from widgets.model.supine_contact import Tissue, back_skin, neck_shares, scalp, settle_head
from widgets.model.supine_joints import NECK, joint_angles
from widgets.model.supine_legs import hip_extension
from widgets.model.supine_ranges import joint_limits
from widgets.model.supine_rest import LUMBAR

PILLOWS = (0.0, 50.0, 110.0, 150.0)
FRACTIONS = (0.0, 0.5, 1.0)


def grid():
    for spine, legs, pillow in itertools.product(PRESETS, LEGS, PILLOWS):
        params = SupineParams(
            spine=spine,
            legs=legs,
            pillow=pillow,
            lift_range=LIMITS["lift_range"][1],
            breath_depth=LIMITS["breath_depth"][1],
        )
        for lift, breath in itertools.product(FRACTIONS, FRACTIONS):
            yield params, lift, breath


def test_contacts_hold_on_the_whole_grid():
    # 11 presets x 2 leg positions x 4 pillows x 3 lifts x 3 breaths, at the largest ranges:
    # nothing sinks or floats by more than 0.5 mm (the upper back over what it rests on: the
    # bed, or the pillow under the shoulders), and a low back that rests on the bed without
    # a pillow rests on it, at rest, whatever the pillow
    # Except one thing: a head the neck cannot bring down within its extension range stays
    # above the pillow top (or the bed), flagged, with the gap reported and a neck joint at
    # its extension limit (a rounded upper back without a pillow; Kado 2004). A low back that
    # cannot sag back onto the bed under a propped pillow because a lumbar joint is at its
    # flexion limit is flagged in the pose's limits (supine_rest.py) and sorted out below: no
    # preset on the grid does so any more. Roussouly types 1 and 2 did (bent knees, 150 mm
    # pillow, 10-17 mm up) while their lordosis was Sci Rep 2022's unscaled 42.8 and 44.4 deg;
    # on the adult scale (51.1 and 52.9 deg, presets.csv) L5-S1 keeps flexion in reserve.
    bad, n, unsupported, held_up = [], 0, [], []
    for params, lift, breath in grid():
        pose = supine_pose(params, lift, breath)
        n += 1
        for contact in ("buttocks", "upper back", "head"):
            gap = pose.contacts[contact]
            if contact == "head" and not pose.head_supported:
                unsupported.append((params.spine, params.legs, params.pillow, lift, breath))
                high = joint_limits(pose.geometry.age_months)
                extended = [j for j in NECK if pose.joints[j] >= high[j][1] - 0.05]
                if gap <= 0.5 or pose.head_gap != gap or not extended:
                    bad.append((params.spine, params.legs, params.pillow, lift, breath, "gap"))
            elif abs(gap) > 0.5:
                bad.append((params.spine, params.legs, params.pillow, lift, breath, contact))
        if pose.head_supported and pose.head_gap != 0.0:
            bad.append((params.spine, params.legs, params.pillow, lift, breath, "head_gap"))
        if pose.contacts["low back"] < -0.5:
            bad.append((params.spine, params.legs, params.pillow, lift, breath, "low back"))
        flat = supine_pose(replace(params, pillow=0.0), 0.0, breath)
        if lift == 0.0 and flat.contacts["low back"] <= 0.5 < pose.contacts["low back"]:
            low = joint_limits(pose.geometry.age_months)
            flexed = [j for j in LUMBAR if j in pose.limits and pose.joints[j] <= low[j][0] + 0.05]
            if pose.prop > 0.0 and flexed:
                held_up.append((params.spine, params.legs, params.pillow, breath))
            else:
                bad.append((params.spine, params.legs, params.pillow, lift, breath, "low back up"))
    assert n == len(PRESETS) * 2 * 4 * 9
    assert bad == []
    # the hyperkyphotic back with bent knees and no pillow, and nothing with the adult mean
    assert ("hyperkyphosis", "bent", 0.0, 0.0, 0.0) in unsupported
    assert not [u for u in unsupported if u[0] == "adult-mean"]
    assert held_up == []


def test_no_joint_leaves_its_range_on_the_grid():
    bad = []
    for params, lift, breath in grid():
        pose = supine_pose(params, lift, breath)
        limits = joint_limits(pose.geometry.age_months)
        for joint, change in pose.joints.items():
            low, high = limits[joint]
            if not low - 1e-6 <= change <= high + 1e-6:
                bad.append((params.spine, params.legs, params.pillow, lift, breath, joint))
    assert bad == []


def test_a_pillow_beyond_reach_flags_the_neck_limit():
    # A neck already flexed to 2 deg short of each limit cannot lift the head 150 mm more.
    pose = supine_pose(SupineParams(pillow=0.0))
    shares = neck_shares("rom", "flexion")
    limits = joint_limits()
    start = {j: limits[j][0] + 2.0 for j in NECK}
    geom, bend = settle_head(pose.geometry, Tissue(), 150.0, shares, start)
    assert bend < 0  # flexed as far as allowed
    changes = {j: joint_angles(geom)[j] - joint_angles(pose.geometry)[j] for j in NECK}
    at_limit = [j for j in NECK if start[j] + changes[j] <= limits[j][0] + 0.05]
    assert at_limit  # the first joint to reach its range stops the bend
    assert min(changes.values()) >= -2.0 - 1e-6


def test_the_neck_spreads_the_bend_over_all_its_levels():
    pose = supine_pose(SupineParams(pillow=150.0))
    moved = [j for j in NECK if abs(pose.joints[j]) > 0.5]
    assert len(moved) == len(NECK)
    limits = joint_limits()
    side = 1 if pose.joints["C0-C1"] > 0 else 0  # extending or flexing
    ratios = [pose.joints[j] / abs(limits[j][side]) for j in NECK]
    assert max(ratios) - min(ratios) < 1e-3  # in proportion to each level's range that way


ADULTS = tuple(s for s in PRESETS if preset_age(s) >= ADULT_MONTHS)


def test_straight_legs_keep_the_standing_lordosis_within_andreasen():
    # Andreasen 2007 measured adults (22 patients, median deviation 3 deg; no individual
    # values in the abstract): the mean adult should lie within it. (It did not while the
    # adult-mean preset mixed cohorts and stood 97 mm forward, SVA: the hips' pull then
    # deepened its lordosis by about 9 deg.)
    spread = value("supine", "legs_straight_lordosis_spread")
    pose = supine_pose(SupineParams(legs="straight"))
    assert abs(pose.readouts["lumbar_lordosis"] - preset("adult-mean").lumbar_lordosis) <= spread


def test_without_the_hips_pull_straight_legs_keep_the_standing_lordosis():
    # The lordosis the legs' position sets (Andreasen 2007) is kept where the hip stays within
    # its reserve: every change of a low back that clears the bed is the hips' pull.
    spread = value("supine", "legs_straight_lordosis_spread")
    compared = []
    for spine in PRESETS:
        pose = supine_pose(SupineParams(spine=spine, legs="straight"))
        if pose.contacts["low back"] > 0.5:
            compared.append(spine)
            change = pose.readouts["lumbar_lordosis"] - preset(spine).lumbar_lordosis
            assert change - hip_pull(spine, "straight") == pytest.approx(0.0, abs=1e-6)
            if hip_pull(spine, "straight") == 0.0:
                assert abs(change) <= spread
    assert "adult-mean" in compared
    assert len(compared) >= len(PRESETS) // 2


def test_straight_legs_extend_the_hip_no_further_than_its_reserve():
    # Lying with straight legs the thigh slopes down from the hip (128 mm up for the adult
    # laid down rigidly) to the knee centre; the hip cannot extend beyond its standing angle by
    # more than the measured passive reserve (Roach 2015), so the rest tilts the pelvis forward
    reserve = value("supine", "hip_extension_reserve")
    knee = value("supine", "knee_centre_height")
    pulled = []
    for spine in ADULTS:
        pose = supine_pose(SupineParams(spine=spine, legs="straight"))
        hip, knee_centre, _ = pose.legs
        assert knee_centre[1] == pytest.approx(knee)
        assert knee_centre[1] < hip[1]  # the thigh slopes down to the knee
        slope = math.degrees(math.atan2(hip[1] - knee_centre[1], knee_centre[0] - hip[0]))
        extension = slope + pose.readouts["pelvic_tilt"] - preset(spine).pelvic_tilt
        assert extension == pytest.approx(hip_extension(pose.geometry, spine))
        # the pull is capped where the lumbar joints have no extension left for the full
        # lift (their range split, supine_joints): there the hip takes the rest
        top = SupineParams(spine=spine, legs="straight", lift_range=LIMITS["lift_range"][1])
        capped = any(j.startswith("L") for j in supine_pose(top, 1.0, 0.0).limits)
        assert extension <= reserve + 0.01 or capped, spine
        if hip_pull(spine, "straight") > 0.0:
            pulled.append(spine)
            assert extension == pytest.approx(reserve, abs=0.01) or capped, spine
        assert hip_pull(spine, "bent") == 0.0
    assert "adult-mean" in pulled
    for spine in PRESETS:
        if spine not in ADULTS:  # no reserve was found for children
            assert hip_pull(spine, "straight") == 0.0


@pytest.mark.parametrize("spine", ["1-year", "flat-back"])
def test_a_round_or_flat_low_back_settles_onto_the_bed(spine):
    # Laid down rigidly these backs would sink into the bed below L1-L5 (they curve toward
    # it); the lumbar joints extend just enough for the skin to touch, within their ranges.
    for legs in LEGS:
        pose = supine_pose(SupineParams(spine=spine, legs=legs))
        standing = preset(spine).lumbar_lordosis
        legs_change = pose_params(SupineParams(spine=spine, legs=legs), 0, 0).lumbar_lordosis
        assert pose.readouts["lumbar_lordosis"] > legs_change + 1.0  # it extended
        assert pose.readouts["lumbar_lordosis"] > standing - 13.0 - 1e-6
        # it touches, or a joint is at its limit, or the hips' pull extended it further
        pulled = hip_pull(spine, legs) > 0.0 and pose.readouts["lumbar_lordosis"] == (
            pytest.approx(legs_change + hip_pull(spine, legs))
        )
        assert (
            pose.contacts["low back"] == pytest.approx(0.0, abs=0.5)
            or pulled
            or (any(j in pose.limits for j in ("L4-L5", "L5-S1")))
        )
        for contact in ("buttocks", "upper back", "head"):
            assert pose.contacts[contact] == pytest.approx(0.0, abs=0.5), contact


def test_a_pillow_out_of_reach_props_the_shoulders():
    # The adult on a 150 mm pillow at the top of the deepest breath and the full lift: from
    # the trunk lying flat, the neck bent to its ranges leaves the scalp below the pillow top.
    params = SupineParams(pillow=150.0, lift_range=15.0, breath_depth=16.0)
    flat = supine_pose(replace(params, pillow=0.0), 1.0, 1.0)
    assert flat.prop == 0.0
    geom, _ = settle_head(flat.geometry, Tissue(), 150.0, neck_shares("rom"), flat.joints)
    assert scalp(geom, Tissue())[:, 1].min() < 150.0 - 0.5
    # so the pillow goes under the shoulders (its end under T4 at rest) and stays there
    kp = key_poses(params, 3, 3)
    rest = kp.poses[0][0]
    block = rest.pillow
    assert block[:, 1].max() == 150.0
    edge = block[:, 0].max()
    assert edge == pytest.approx(back_skin(rest.geometry, Tissue())["thoracic"][3, 0], abs=0.5)
    for pose in (p for row in kp.poses for p in row):
        assert pose.prop == 150.0
        assert pose.pillow[:, 0].max() == pytest.approx(edge)  # the pillow stays put
        # the skin of the upper back, finely resampled, rests on the pillow or the bed
        skin = back_skin(pose.geometry, Tissue())["thoracic"]
        t = np.linspace(0, len(skin) - 1, 2000)
        x = np.interp(t, np.arange(len(skin)), skin[:, 0])
        y = np.interp(t, np.arange(len(skin)), skin[:, 1])
        over = np.where(x <= edge, y - 150.0, y)
        assert over.min() == pytest.approx(0.0, abs=0.5)
        assert pose.contacts["head"] == pytest.approx(0.0, abs=0.5)
    assert block[:, 0].min() < rest.tissue["scalp"][:, 0].min()  # and under the whole head
    # the trunk tilts up toward the head: the pelvis rolls forward, the waist rises
    lower = supine_pose(replace(params, pillow=100.0))
    assert lower.prop == 0.0
    assert rest.readouts["pelvic_tilt"] < lower.readouts["pelvic_tilt"] - 5.0
    assert rest.readouts["waist_height"] > lower.readouts["waist_height"] + 10.0


def test_the_newborn_low_back_rests_on_compressed_tissue_within_its_bound():
    # Capped so the full lift keeps L5-S1 in range, the newborn's straight-leg low back would
    # dip below the bed; the tissue behind it is pressed up by at most a tenth of its depth.
    tissue = sized(Tissue(), "newborn")
    bound = value("supine", "low_back_tissue_compression") * tissue.back
    pose = supine_pose(SupineParams(spine="newborn", legs="straight"))
    dip = back_skin(pose.geometry, tissue)["lumbar"][:, 1].min()
    assert -bound <= dip < -0.5  # uncompressed, it would sink
    assert pose.contacts["low back"] == pytest.approx(0.0, abs=0.5)
    assert pose.back_surface[1:6, 1].min() == pytest.approx(0.0, abs=0.5)  # as drawn


def test_target_pelvis_follows_pierrepont_and_bent_knees_roll_it_back():
    change = value("supine", "legs_straight_pelvic_tilt_change")
    for spine in PRESETS:
        standing = preset(spine).pelvic_tilt
        assert resting_pelvic_tilt(spine, "straight") == pytest.approx(standing + change)
        assert resting_pelvic_tilt(spine, "bent") > resting_pelvic_tilt(spine, "straight")
        bent = supine_pose(SupineParams(spine=spine, legs="bent"))
        straight = supine_pose(SupineParams(spine=spine, legs="straight"))
        if straight.contacts["low back"] < 0.5:
            continue  # a round or flat low back settles onto the bed instead
        # bent knees roll the pelvis back in the pose too
        assert bent.readouts["pelvic_tilt"] > straight.readouts["pelvic_tilt"]


def test_resting_pelvis_lies_within_pierrepont_spread():
    # Pierrepont 2017 gives the mean (-5.5 deg: lying, the pelvis 5.5 deg further forward than
    # standing) and the range of 1517 people (-21.8 to 8.4 deg), no SD. The mean adult lies
    # forward of standing and within a sixth of the range (about one SD for so many people)
    # of the mean; every adult body type within the individual range.
    mean = value("supine", "legs_straight_pelvic_tilt_change")
    low = value("supine", "legs_straight_pelvic_tilt_change_low")
    high = value("supine", "legs_straight_pelvic_tilt_change_high")
    band = (high - low) / 6.0

    def change(spine):
        pose = supine_pose(SupineParams(spine=spine, legs="straight"))
        return pose.readouts["pelvic_tilt"] - preset(spine).pelvic_tilt

    assert -band <= change("adult-mean") - mean <= band
    assert change("adult-mean") < 0.0
    for spine in ADULTS:
        assert low <= change(spine) <= high, spine


def test_the_rigidly_laid_spine_alone_would_roll_the_pelvis_back():
    # Without the hips' pull (knees bent: the hip flexed), laying the standing shape down
    # rolls the pelvis back; straight legs bring it forward of that by the pull's share
    for spine in ADULTS:
        bent = supine_pose(SupineParams(spine=spine, legs="bent")).readouts["pelvic_tilt"]
        assert bent > preset(spine).pelvic_tilt, spine
    assert upper_back_gap("adult-mean", "straight") > 0.0  # still short of Pierrepont's mean


def test_a_thicker_pillow_tips_the_chin_down():
    chins = [supine_pose(SupineParams(pillow=p)).readouts["head_pitch"] for p in PILLOWS]
    assert all(b < a for a, b in itertools.pairwise(chins))


@pytest.mark.parametrize("legs", LEGS)
def test_a_thicker_pillow_tips_the_chin_down_in_every_variant(legs):
    # The chin's range holds the pillow where the default pose puts it (under the head, or
    # under the shoulders too), so a variant whose neck would rather prop the shoulders does
    # not jump chin-up: the whole range moves toward the chest as the pillow grows.
    ranges = [chin_range(SupineParams(legs=legs, pillow=p)) for p in PILLOWS]
    for (_, low_a, high_a), (_, low_b, high_b) in itertools.pairwise(ranges):
        assert low_b < low_a
        assert high_b < high_a


def test_waist_height_is_the_drawn_skin_behind_l3():
    pose = supine_pose(SupineParams())
    assert pose.readouts["waist_height"] == pytest.approx(pose.back_surface[3, 1])


def test_chin_is_reported_with_a_range_that_holds_the_value():
    out = chin_changes()
    assert set(out) == {"rest", "quiet breath", "deepest breath", "default lift"}
    for name, (v, low, high) in out.items():
        assert low <= v <= high, name
        assert high - low > 0.1, name  # the assumptions matter
    rest = chin_range(SupineParams())
    assert rest == out["rest"]
    # a deeper breath moves the chin more than a quiet one
    assert abs(out["deepest breath"][0]) > abs(out["quiet breath"][0])


def test_breath_extends_the_thoracic_joints_within_their_ranges():
    params = SupineParams(breath_depth=LIMITS["breath_depth"][1])
    out, full = supine_pose(params, 0, 0), supine_pose(params, 0, 1)
    t = [f"T{i}-T{i + 1}" for i in range(4, 12)]
    assert all(full.joints[j] > out.joints[j] for j in t)  # extension positive


def test_joint_changes_are_zero_for_the_standing_spine():
    standing = build_spine("adult-mean")
    assert joint_angles(standing) == pytest.approx(joint_angles(build_spine("adult-mean")))


bad_values = st.one_of(
    st.just(math.nan),
    st.just(math.inf),
    st.just(-math.inf),
    st.booleans(),
    st.text(max_size=3),
    st.floats(1.0001, 1e6),
    st.floats(-1e6, -0.0001),
)


@settings(max_examples=40, deadline=None)
@given(bad=bad_values, which=st.sampled_from(["lift", "breath"]))
def test_bad_fractions_name_the_parameter(bad, which):
    kwargs = {"lift": 0.0, "breath": 0.0, which: bad}
    with pytest.raises(ValueError, match=which):
        supine_pose(SupineParams(), **kwargs)
    with pytest.raises(ValueError, match=which):
        pose_params(SupineParams(), **kwargs)
    with pytest.raises(ValueError, match=which):
        chin_range(SupineParams(), **kwargs)


@settings(max_examples=20, deadline=None)
@given(bad=st.one_of(st.none(), st.text(max_size=3), st.integers(), st.just(object())))
def test_wrong_params_class_is_named(bad):
    for call in (
        lambda: supine_pose(bad),
        lambda: pose_params(bad, 0.0, 0.0),
        lambda: key_poses(bad),
        lambda: chin_range(bad),
    ):
        with pytest.raises(ValueError, match="params must be SupineParams"):
            call()
    if bad is not None:
        with pytest.raises(ValueError, match="params must be SupineParams"):
            chin_changes(bad)


@settings(max_examples=20, deadline=None)
@given(bad=st.one_of(st.booleans(), st.floats(allow_nan=True), st.integers(-5, 1), st.text()))
def test_bad_pose_counts_are_named(bad):
    with pytest.raises(ValueError, match="n_lift"):
        key_poses(SupineParams(), bad, 3)


def test_unknown_presets_and_legs_are_named():
    with pytest.raises(ValueError, match="legs"):
        resting_pelvic_tilt("adult-mean", "crossed")
    with pytest.raises(ValueError, match="preset"):
        upper_back_gap("giraffe", "bent")
    assert np.isfinite(upper_back_gap("adult-mean", "bent"))


@pytest.mark.parametrize("spine", ["newborn", "1-year", "5-years"])
def test_a_child_lies_at_its_own_size_on_a_pillow_and_tissue_scaled_alike(spine):
    # widgets.model.growth sizes the standing spine; lying down keeps that size, and the
    # legs, the soft tissue and the pillow (an adult's setting) scale with it
    size, head = spine_scale(preset_age(spine)), head_scale(preset_age(spine))
    assert 0.25 < size < 1.0

    def chain(pose):
        centres = pose.geometry.body_corners.mean(axis=1)
        return np.linalg.norm(np.diff(centres, axis=0), axis=1).sum()

    adult = supine_pose(SupineParams())
    child = supine_pose(SupineParams(spine=spine))
    assert chain(child) / chain(adult) == pytest.approx(size, rel=0.03)
    thigh = np.linalg.norm(child.legs[1] - child.legs[0])
    assert thigh == pytest.approx(value("supine", "thigh_length") * size)
    assert sized(Tissue(), spine) == Tissue(
        buttock=Tissue().buttock * size,
        sacral=Tissue().sacral * size,
        back=Tissue().back * size,
        scalp=Tissue().scalp * head,
    )
    params = SupineParams(spine=spine, pillow=150.0)
    assert pillow_height(params) == pytest.approx(150.0 * size)
    pose = supine_pose(params)
    assert pose.pillow[:, 1].max() == pytest.approx(150.0 * size)
    assert pose.contacts["head"] == pytest.approx(0.0, abs=0.5)
    assert np.ptp(child.pillow[:, 0]) == pytest.approx(value("supine", "pillow_length") * head)
