"""Poses between key poses (``widgets.figures.supine_scene_interpolation``): blends, bad input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import NOT_A_NUMBER, NOT_FINITE, assert_names
from widgets.figures.supine_scene import PRECISION, scene_payload
from widgets.figures.supine_scene_interpolation import grid_cell, interpolate, pose_points
from widgets.model.supine import SupineParams, key_poses

DEFAULT = key_poses(SupineParams())
EXTREME = key_poses(SupineParams(legs="straight", lift_range=15, breath_depth=16, pillow=0))
ROUNDING = 2 * 10.0**-PRECISION  # local points and transforms are each rounded to 0.01 mm


def key_pose_points(scene, i, j):
    """The key pose (i, j) as sent, shape by shape: rigid shapes moved, the rest as given."""
    return pose_points(scene, scene["lift"][i], scene["breath"][j])


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


def test_between_key_poses_the_buttocks_still_rest_on_the_bed():
    scene = scene_payload(EXTREME)
    k = next(i for i, s in enumerate(scene["shapes"]) if s["name"] == "buttocks")
    for lift, breath in [(0.1, 0.3), (0.5, 0.5), (0.93, 0.07), (0.6, 1.0)]:
        low = pose_points(scene, lift, breath)[k][:, 1].min()
        assert low == pytest.approx(0.0, abs=0.5 + ROUNDING)


# --- bad input --------------------------------------------------------------------------------

GRID = [0.0, 0.25, 0.5, 0.75, 1.0]
SCENE = scene_payload(DEFAULT)
bad_grids = st.one_of(
    NOT_A_NUMBER.filter(lambda v: not isinstance(v, list)),
    st.lists(st.one_of(NOT_A_NUMBER, NOT_FINITE), min_size=1, max_size=3).map(
        lambda v: [0.0, *v, 1.0]
    ),
    st.sampled_from([[], [0.0], [1.0, 0.0], [0.0, 0.5], [0.0, 0.9, 1.0], [[0.0, 1.0]], "01"]),
)
not_a_fraction = st.one_of(NOT_A_NUMBER, NOT_FINITE, st.sampled_from([10**400, -(10**400)]))


@given(bad=bad_grids)
@settings(max_examples=40, deadline=None)  # the machine is shared: no timing
def test_grid_cell_refuses_what_is_not_an_even_grid_from_0_to_1(bad):
    with pytest.raises(ValueError, match="values") as err:
        grid_cell(bad, 0.5)
    assert "from 0 to 1" in str(err.value) or "finite number" in str(err.value)


@given(bad=not_a_fraction)
@settings(max_examples=40, deadline=None)  # the machine is shared: no timing
def test_fractions_must_be_finite_numbers(bad):
    with pytest.raises(ValueError, match="finite number") as err:
        grid_cell(GRID, bad)
    assert_names(str(err.value), "x", bad)
    for name, args in (("lift", (bad, 0.5)), ("breath", (0.5, bad))):
        with pytest.raises(ValueError, match="clipped to 0 to 1") as err:
            interpolate(SCENE["readouts"]["waist_height"], GRID, GRID, *args)
        assert_names(str(err.value), name, bad)
        with pytest.raises(ValueError, match="clipped to 0 to 1") as err:
            pose_points(SCENE, *args)
        assert_names(str(err.value), name, bad)


@pytest.mark.parametrize(
    ("table", "words"),
    [
        ([[1.0] * 5] * 4, "5 x 5 table"),
        ([[1.0] * 4] * 5, "5 x 5 table"),
        ([[[1.0, 2.0]] * 5] * 4 + [[[1.0]] * 5], "5 x 5 table"),  # ragged
        ([[math.nan] * 5] * 5, "finite numbers"),
        ([[math.inf] * 5] * 5, "finite numbers"),
        ("table", "5 x 5 table"),
        (None, "5 x 5 table"),
        ([[["a"]] * 5] * 5, "5 x 5 table"),
        (np.zeros((5, 5, 2, 2)), "5 x 5 table"),
    ],
)
def test_interpolate_refuses_tables_that_do_not_fit_the_grids(table, words):
    with pytest.raises(ValueError, match="table") as err:
        interpolate(table, GRID, GRID, 0.5, 0.5)
    assert words in str(err.value)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda s: "scene", "scene must be a scene dict"),
        (lambda s: {k: v for k, v in s.items() if k != "coords"}, "lacks coords"),
        (lambda s: {**s, "lift": [0.0, 1.0]}, "2 x 5 table"),
        (lambda s: {**s, "shapes": s["shapes"][:-1]}, "numbers per key pose"),
        (lambda s: {**s, "shapes": "torso"}, "list of shape dicts"),
        (lambda s: {**s, "transforms": [[[0.0]] * 5] * 5}, "numbers per key pose"),
    ],
)
def test_pose_points_refuses_a_scene_that_does_not_fit_together(change, words):
    with pytest.raises(ValueError, match="scene") as err:
        pose_points(change(SCENE), 0.5, 0.5)
    assert words in str(err.value)
