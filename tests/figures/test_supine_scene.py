import itertools
import json
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import NOT_A_NUMBER, assert_names
from widgets.figures.supine_scene import (
    HEAD_GAP_TEXT,
    PRECISION,
    RIGID_TOLERANCE,
    resample_outline,
    scene_payload,
)
from widgets.figures.supine_scene_interpolation import pose_points
from widgets.model.supine import SupineParams, key_poses
from widgets.model.supine_contact import clearance

DEFAULT = key_poses(SupineParams())
EXTREME = key_poses(SupineParams(legs="straight", lift_range=15, breath_depth=16, pillow=0))
STILL = key_poses(SupineParams(lift_range=0, breath_depth=0))
# the deepest breath on the highest pillow bends the neck to its range of motion
NECK_LIMIT = key_poses(SupineParams(lift_range=15, breath_depth=16, pillow=150))
ROUNDING = 2 * 10.0**-PRECISION  # local points and transforms are each rounded to 0.01 mm


def key_pose_points(scene, i, j):
    """The key pose (i, j) as sent, shape by shape: rigid shapes moved, the rest as given."""
    return pose_points(scene, scene["lift"][i], scene["breath"][j])


@pytest.mark.parametrize("kp", [DEFAULT, EXTREME, STILL], ids=["default", "extreme", "still"])
def test_every_key_pose_is_drawn_where_the_model_puts_it(kp):
    """Rigid or not, each shape's drawn points are within the tolerance of the model's."""
    scene = scene_payload(kp)
    full = scene_payload_reference(kp)
    skip = resampled(scene, kp)
    for i, j in itertools.product(range(len(kp.lift)), range(len(kp.breath))):
        shapes = zip(key_pose_points(scene, i, j), scene["shapes"], strict=True)
        drawn = np.vstack([d for d, s in shapes if s["name"] not in skip])
        assert np.max(np.linalg.norm(drawn - full[i][j], axis=1)) <= RIGID_TOLERANCE + ROUNDING


def resampled(scene, kp):
    """Tissue outlines sent resampled: their point count differs from the model's."""
    pose = kp.poses[0][0]
    return {
        s["name"]
        for s in scene["shapes"]
        if s["kind"] == "tissue" and s["n"] != len(pose.tissue[s["name"]])
    }


def distance_to_outline(points, outline):
    """Distance (mm) of each point to the closed polygon ``outline``."""
    a = np.asarray(outline)
    b = np.roll(a, -1, axis=0)
    ab = b - a
    t = np.clip(
        np.einsum("kij,ij->ki", points[:, None, :] - a, ab) / np.einsum("ij,ij->i", ab, ab), 0, 1
    )
    nearest = a + t[..., None] * ab
    return np.linalg.norm(points[:, None, :] - nearest, axis=2).min(axis=1)


@pytest.mark.parametrize(
    "kp", [DEFAULT, EXTREME, STILL, NECK_LIMIT], ids=["default", "extreme", "still", "propped"]
)
def test_soft_tissue_is_drawn_on_the_models_outlines_and_rests_on_bed_and_pillow(kp):
    """Every drawn tissue point lies on the model's outline of that pose (resampled or not),
    and each outline touches what it rests on (within the model's 0.5 mm): its lowest point
    the bed or the pillow top; the upper back, when the pillow props the shoulders, the pillow
    (its top or its corner)."""
    scene = scene_payload(kp)
    tissue = [s for s in scene["shapes"] if s["kind"] == "tissue"]
    assert [s["name"] for s in tissue] == scene["tissue"]["names"] == list(kp.poses[0][0].tissue)
    propped = kp.poses[0][0].prop > 0.0
    assert propped == (kp is NECK_LIMIT)  # the highest pillow out of the neck's reach
    assert {s["name"]: s["rests_on"] for s in tissue} == {
        "buttocks": "bed",
        "upper back": "pillow" if propped else "bed",
        "scalp": "pillow",
    }
    index = {s["name"]: k for k, s in enumerate(scene["shapes"])}
    for i, j in itertools.product(range(len(kp.lift)), range(len(kp.breath))):
        drawn = key_pose_points(scene, i, j)
        pose = kp.poses[i][j]
        for shape in tissue:
            points = drawn[index[shape["name"]]]
            gap = distance_to_outline(points, pose.tissue[shape["name"]])
            assert gap.max() <= RIGID_TOLERANCE + ROUNDING, shape["name"]
            top = kp.params.pillow if shape["rests_on"] == "pillow" else 0.0
            if shape["name"] == "upper back" and propped:
                # over the pillow top up to its end toward the feet, the bed beyond; the
                # lowest point is well above the bed (the trunk tilts up on the pillow)
                edge = float(pose.pillow[:, 0].max())
                over = clearance(points, pose.prop, edge)
                assert over == pytest.approx(0.0, abs=0.5 + ROUNDING)
                assert 10.0 < points[:, 1].min() < top - 10.0
                continue
            assert points[:, 1].min() == pytest.approx(top, abs=0.5 + ROUNDING), shape["name"]
    block = np.array(scene["pillow_block"]).reshape(4, 2)
    np.testing.assert_allclose(np.sort(block[:, 1]), [0, 0, kp.params.pillow, kp.params.pillow])


def test_a_hull_whose_corners_come_and_go_is_resampled_evenly_from_its_lowest_corner():
    square = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])
    with_extra = np.array([[0.0, 0.0], [4.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])
    a, b = resample_outline(square, 8), resample_outline(with_extra[::-1], 8)
    np.testing.assert_allclose(a, b, atol=1e-12)  # same outline, either way round
    np.testing.assert_allclose(a[0], [0.0, 0.0])  # the lowest corner (leftmost of two)
    steps = np.linalg.norm(np.diff(np.vstack([a, a[:1]]), axis=0), axis=1)
    np.testing.assert_allclose(steps, 5.0)  # 40 mm around, 8 points: 5 mm apart
    assert a[1, 0] > a[0, 0]  # counter-clockwise: along the bottom toward +x first


def test_limits_name_the_parts_of_the_spine_at_their_range_of_motion():
    """Each pose's joints at their limit, sent as the parts of the spine they belong to."""
    flags = [(), ("C0-C1", "C7-T1"), ("T6-T7",), ("L4-L5", "C3-C4"), ("T12-L1", "L5-S1")]
    rows = tuple(
        tuple(replace(pose, limits=flags[(i + j) % len(flags)]) for j, pose in enumerate(row))
        for i, row in enumerate(DEFAULT.poses)
    )
    scene = scene_payload(replace(DEFAULT, poses=rows))
    expected = [[], ["neck"], ["upper back"], ["neck", "low back"], ["upper back", "low back"]]
    for i, row in enumerate(scene["limits"]):
        for j, parts in enumerate(row):
            assert parts == expected[(i + j) % len(flags)]
    # the model's own flags: a part is named exactly when one of its joints is flagged
    for row, poses in zip(scene_payload(NECK_LIMIT)["limits"], NECK_LIMIT.poses, strict=True):
        for parts, pose in zip(row, poses, strict=True):
            assert ("neck" in parts) == any(
                j.startswith(("C0", "C1", "C2", "C3", "C4", "C5", "C6", "C7")) for j in pose.limits
            )


def scene_payload_reference(kp):
    """All points of every key pose straight from the model, in the scene's shape order
    (the resampled tissue outlines left out: they are checked against their outlines)."""
    scene = scene_payload(kp)
    skip = resampled(scene, kp)
    names = [shape["name"] for shape in scene["shapes"] if shape["name"] not in skip]
    out = []
    for row in kp.poses:
        out.append([])
        for pose in row:
            g = pose.geometry
            parts = {
                "torso": np.vstack([pose.back_surface, pose.front_surface[::-1]]),
                "neck": np.array([g.body(f"C{k}").mean(axis=0) for k in range(7, 0, -1)]),
                "legs": pose.legs,
                "pelvis": g.pelvis,
                "femoral head": g.femoral_head + g.hip_axis,
                "sacrum": g.sacrum,
                "skull": g.skull,
                **pose.tissue,
                **{f"disc {n}": c for n, c in zip(g.disc_names, g.disc_corners, strict=True)},
                **dict(zip(g.levels, g.body_corners, strict=True)),
            }
            out[-1].append(np.vstack([parts[name] for name in names]))
    return out


def test_bones_are_rigid_and_the_skin_is_not():
    shapes = {s["name"]: s for s in scene_payload(DEFAULT)["shapes"]}
    for name in ("skull", "pelvis", "sacrum", "L3", "C2", "T6"):
        assert shapes[name]["rigid"], name
    for name in ("torso", "disc L4-L5"):
        assert not shapes[name]["rigid"], name
    # whatever the settings, the skin outline changes shape (a breath lifts the chest)
    extreme = {s["name"]: s for s in scene_payload(EXTREME)["shapes"]}
    assert not extreme["torso"]["rigid"]
    # with no lift and no breath movement every shape keeps its form except the skin outline
    # (and the buttocks if their hull gains or loses a corner: then it is resampled)
    still = scene_payload(STILL)["shapes"]
    assert [s["name"] for s in still if not s["rigid"]] in (["torso"], ["torso", "buttocks"])
    # the scalp turns with the skull
    assert shapes["scalp"]["rigid"]


def test_scene_sizes_fit_together_and_are_plain_json():
    scene = scene_payload(DEFAULT)
    rigid = [s for s in scene["shapes"] if s["rigid"]]
    free = [s for s in scene["shapes"] if not s["rigid"]]
    for s in rigid:
        assert len(s["local"]) == 2 * s["n"]
        local = np.array(s["local"]).reshape(-1, 2)
        np.testing.assert_allclose(local.mean(axis=0), 0.0, atol=0.01)
    for row_c, row_t in zip(scene["coords"], scene["transforms"], strict=True):
        for coords, moves in zip(row_c, row_t, strict=True):
            assert len(coords) == sum(2 * s["n"] for s in free)
            assert len(moves) == 6 * len(rigid)
            rot = np.array(moves).reshape(-1, 6)[:, :4]
            np.testing.assert_allclose(
                rot[:, 0] * rot[:, 3] - rot[:, 1] * rot[:, 2], 1.0, atol=1e-6
            )
    assert json.loads(json.dumps(scene)) == scene


# --- bad input --------------------------------------------------------------------------------


@given(bad=st.one_of(NOT_A_NUMBER, st.just(DEFAULT.poses[0][0]), st.just(SupineParams())))
@settings(max_examples=20)
def test_scene_payload_needs_key_poses(bad):
    with pytest.raises(ValueError, match="KeyPoses") as err:
        scene_payload(bad)
    assert_names(str(err.value), "kp", bad)


def test_a_head_the_neck_cannot_bring_down_is_said_and_its_gap_sent():
    # A hyperkyphotic back with bent knees and no pillow: the neck reaches its extension limit
    # before the head reaches the bed (supine_joints' directional ranges), so the range line
    # gets a plain sentence and the scene carries the gap; the adult mean on its pillow has
    # neither
    kp = key_poses(SupineParams(spine="hyperkyphosis", legs="bent", pillow=0.0))
    scene = scene_payload(kp)
    rest = kp.poses[0][0]
    assert not rest.head_supported
    assert scene["head_gap"][0][0] == pytest.approx(rest.contacts["head"], abs=0.01)
    assert scene["head_gap"][0][0] > 0.5
    assert scene["limits"][0][0][:1] == ["neck"]
    assert scene["limits"][0][0][-1] == HEAD_GAP_TEXT[False]
    for row, poses in zip(scene["head_gap"], kp.poses, strict=True):
        for gap, pose in zip(row, poses, strict=True):
            assert (gap > 0.0) == (not pose.head_supported)
    # no contact mark is drawn under a head that does not rest (the animator skips a shape
    # whose rests_on is empty)
    scalp = next(shape for shape in scene["shapes"] if shape["name"] == "scalp")
    assert scalp["rests_on"] is None
    default = scene_payload(DEFAULT)
    assert all(gap == 0.0 for row in default["head_gap"] for gap in row)
    scalp = next(shape for shape in default["shapes"] if shape["name"] == "scalp")
    assert scalp["rests_on"] == "pillow"
    assert not any(HEAD_GAP_TEXT[True] in parts for row in default["limits"] for parts in row)
