import itertools
import json

import numpy as np
import pytest

from widgets.model.supine import SupineParams, key_poses
from widgets.views.breath_lift_scene import (
    PRECISION,
    RIGID_TOLERANCE,
    grid_cell,
    interpolate,
    pose_points,
    scene_payload,
)

DEFAULT = key_poses(SupineParams())
EXTREME = key_poses(SupineParams(legs="straight", lift_range=15, breath_depth=16, pillow=0))
STILL = key_poses(SupineParams(lift_range=0, breath_depth=0))
ROUNDING = 2 * 10.0**-PRECISION  # local points and transforms are each rounded to 0.01 mm


def key_pose_points(scene, i, j):
    """The key pose (i, j) as sent, shape by shape: rigid shapes moved, the rest as given."""
    return pose_points(scene, scene["lift"][i], scene["breath"][j])


@pytest.mark.parametrize("kp", [DEFAULT, EXTREME, STILL], ids=["default", "extreme", "still"])
def test_every_key_pose_is_drawn_where_the_model_puts_it(kp):
    """Rigid or not, each shape's drawn points are within the tolerance of the model's."""
    scene = scene_payload(kp)
    full = scene_payload_reference(kp)
    for i, j in itertools.product(range(len(kp.lift)), range(len(kp.breath))):
        drawn = np.vstack(key_pose_points(scene, i, j))
        assert np.max(np.linalg.norm(drawn - full[i][j], axis=1)) <= RIGID_TOLERANCE + ROUNDING


def scene_payload_reference(kp):
    """All points of every key pose straight from the model, in the scene's shape order."""
    scene = scene_payload(kp)
    names = [shape["name"] for shape in scene["shapes"]]
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
    # a deep breath wedges the thoracic bodies beyond the tolerance: they are sent as points
    extreme = {s["name"]: s for s in scene_payload(EXTREME)["shapes"]}
    assert not extreme["T8"]["rigid"]
    # with no lift and no breath movement every shape keeps its form except the skin outline
    still = scene_payload(STILL)["shapes"]
    assert [s["name"] for s in still if not s["rigid"]] == ["torso"]


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


def test_blending_transforms_is_blending_points():
    """Between key poses, a rigid shape's blended transform gives its blended points."""
    scene = scene_payload(DEFAULT)
    lifts, breaths = scene["lift"], scene["breath"]
    for lift, breath in [(0.1, 0.3), (0.5, 0.5), (0.93, 0.07)]:
        drawn = pose_points(scene, lift, breath)
        (i, fi), (j, fj) = grid_cell(lifts, lift), grid_cell(breaths, breath)
        corners = [key_pose_points(scene, i + a, j + b) for a in (0, 1) for b in (0, 1)]
        weights = [(1 - fi) * (1 - fj), (1 - fi) * fj, fi * (1 - fj), fi * fj]
        for k, shape in enumerate(drawn):
            blended = sum(w * c[k] for w, c in zip(weights, corners, strict=True))
            np.testing.assert_allclose(shape, blended, atol=1e-9)


def test_grid_cell_and_interpolate_clip_and_hit_the_key_poses():
    grid = [0.0, 0.25, 0.5, 0.75, 1.0]
    assert grid_cell(grid, -1.0) == (0, 0.0)
    assert grid_cell(grid, 1.0) == (3, 1.0)
    assert grid_cell(grid, 2.0) == (3, 1.0)
    i, f = grid_cell(grid, 0.6)
    assert i == 2
    assert f == pytest.approx(0.4)
    table = [[10 * a + b for b in range(5)] for a in range(5)]
    assert interpolate(table, grid, grid, 0.25, 0.75) == pytest.approx(13.0)
    assert interpolate(table, grid, grid, 0.125, 0.0) == pytest.approx(5.0)
    assert isinstance(interpolate(table, grid, grid, 0.5, 0.5), float)
