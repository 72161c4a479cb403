"""Turn the lying model's key poses into a scene the animator draws in the browser.

The scene is plain JSON: a list of shapes (name, kind, region, number of points) and their
positions at every pose on the lift x breath grid. A shape that keeps its form across the
key poses (a vertebra, the pelvis, the skull: each within :data:`RIGID_TOLERANCE`) is *rigid*:
it is sent once, in its own frame, with one 2-D transform per key pose, and the browser draws
it once and moves it with a ``transform``. The other shapes (the skin, the legs, the lumbar
discs) are sent as coordinates per key pose. The readouts come on the same grid.

The browser interpolates bilinearly between key poses; blending the transforms of a rigid
shape gives exactly the points that blending its key-pose coordinates would (the blend of
``R_k p + t_k`` is ``(sum w_k R_k) p + sum w_k t_k``). :func:`grid_cell`, :func:`interpolate`
and :func:`pose_points` are the reference for that interpolation (``breath_lift.js`` exports
the same functions; ``tests/browser/test_breath_spec.py`` holds them equal), and Python code
that needs a pose between the key poses uses them too.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from widgets.model.supine import READOUTS, KeyPoses, SupinePose

#: Decimal places kept in the coordinates sent to the browser (0.01 mm).
PRECISION = 2
#: Decimal places kept in the rotation part of a rigid shape's transforms (dimensionless).
ROTATION_PRECISION = 7
#: Largest distance (mm) between a key pose's points and the rigid motion fitted to them for
#: which a shape still counts as rigid: a twentieth of the 1 mm the drawing resolves.
RIGID_TOLERANCE = 0.05


def _shapes(pose: SupinePose) -> list[tuple[dict[str, Any], np.ndarray]]:
    g = pose.geometry
    neck = np.array([g.body(f"C{i}").mean(axis=0) for i in range(7, 0, -1)])
    torso = np.vstack([pose.back_surface, pose.front_surface[::-1]])
    shapes: list[tuple[dict[str, Any], np.ndarray]] = [
        ({"name": "torso", "kind": "skin", "closed": True}, torso),
        ({"name": "neck", "kind": "neck", "closed": False}, neck),
        ({"name": "legs", "kind": "legs", "closed": False}, pose.legs),
        ({"name": "pelvis", "kind": "bone", "closed": True}, g.pelvis),
        ({"name": "femoral head", "kind": "bone", "closed": True}, g.femoral_head + g.hip_axis),
        ({"name": "sacrum", "kind": "sacrum", "closed": True}, g.sacrum),
    ]
    for name, corners in zip(g.disc_names, g.disc_corners, strict=True):
        shapes.append(({"name": f"disc {name}", "kind": "disc", "closed": True}, corners))
    for level, region, corners in zip(g.levels, g.regions, g.body_corners, strict=True):
        shapes.append(
            ({"name": level, "kind": "vertebra", "region": region, "closed": True}, corners)
        )
    shapes.append(({"name": "skull", "kind": "skull", "closed": True}, g.skull))
    return shapes


def _rigid_motions(
    points: np.ndarray, starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best rigid motion of every shape from the first key pose to every key pose.

    Parameters
    ----------
    points : ndarray, shape (n_lift, n_breath, n_points, 2)
        All shapes' points at every key pose, mm, shapes one after another.
    starts : ndarray of int
        Index of each shape's first point.

    Returns
    -------
    local : ndarray, shape (n_points, 2)
        Each shape's points at the first key pose around their mean, mm.
    moves : ndarray, shape (n_lift, n_breath, n_shapes, 6)
        ``[a, b, c, d, e, f]`` (SVG ``matrix()`` order: ``x' = a x + c y + e``, ``y' = b x +
        d y + f``): the rotation closest in least squares (2-D Kabsch:
        ``theta = atan2(sum(l x q), sum(l . q))`` over centred points), then the mean point.
    gaps : ndarray, shape (n_shapes,)
        Largest distance, mm, over all key poses between a shape's points and its moved
        ``local`` points.
    """
    counts = np.diff(np.append(starts, points.shape[2]))
    owner = np.repeat(np.arange(len(starts)), counts)

    def means(p: np.ndarray) -> np.ndarray:
        return np.add.reduceat(p, starts, axis=-2) / counts[:, None]

    centre = means(points)
    local = points[0, 0] - centre[0, 0][owner]
    q = points - centre[..., owner, :]
    dot = np.add.reduceat(local[:, 0] * q[..., 0] + local[:, 1] * q[..., 1], starts, axis=-1)
    cross = np.add.reduceat(local[:, 0] * q[..., 1] - local[:, 1] * q[..., 0], starts, axis=-1)
    theta = np.arctan2(cross, dot)
    cos, sin = np.cos(theta), np.sin(theta)
    moves = np.stack([cos, sin, -sin, cos, centre[..., 0], centre[..., 1]], axis=-1)
    x, y = local[:, 0], local[:, 1]
    fitted_x = cos[..., owner] * x - sin[..., owner] * y
    fitted_y = sin[..., owner] * x + cos[..., owner] * y
    gap = np.hypot(fitted_x - q[..., 0], fitted_y - q[..., 1])
    gaps = np.maximum.reduceat(gap.reshape(-1, gap.shape[-1]).max(axis=0), starts)
    return local, moves, gaps


def scene_payload(kp: KeyPoses) -> dict[str, Any]:
    """JSON-ready scene for :class:`widgets.views.breath_lift.BreathLiftAnimator`.

    Returns
    -------
    dict
        ``lift`` and ``breath`` grids; ``shapes``: metadata with ``n`` points each and
        ``rigid``; a rigid shape also has ``local``, its points ``[x0, y0, ...]`` in mm around
        their mean. Per pose (lift i, breath j): ``coords[i][j]``, the flat points of the
        shapes that are not rigid, in shape order, mm, and ``transforms[i][j]``, six numbers
        ``[a, b, c, d, e, f]`` per rigid shape (rotation, then the shape's mean point in mm).
        ``readouts[name][i][j]``; ``bounds`` ``[xmin, xmax, ymin, ymax]`` in mm over all poses;
        ``marks`` (indices of labelled points of the torso); ``pillow`` height in mm.
        ``tissue``: ``names`` of the soft-tissue outlines (buttocks, upper back, scalp),
        ``n`` points each, and ``coords[i][j]`` their flat points per pose, mm;
        ``pillow_block``: the pillow's four corners ``[x0, y0, ...]`` at rest, mm.
    """
    grid = [[_shapes(pose) for pose in row] for row in kp.poses]
    meta = [m for m, _ in grid[0][0]]
    counts = np.array([len(p) for _, p in grid[0][0]])
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    points = np.array([[np.vstack([p for _, p in shapes]) for shapes in row] for row in grid])
    local, moves, gaps = _rigid_motions(points, starts)
    rigid = gaps <= RIGID_TOLERANCE
    shapes = []
    for k, m in enumerate(meta):
        shape = {**m, "n": int(counts[k]), "rigid": bool(rigid[k])}
        if rigid[k]:
            shape["local"] = np.round(local[starts[k] : starts[k] + counts[k]], PRECISION)
            shape["local"] = shape["local"].ravel().tolist()
        shapes.append(shape)
    free = np.repeat(~rigid, counts)
    moves = moves[:, :, rigid]
    moves[..., :4] = np.round(moves[..., :4], ROTATION_PRECISION)
    moves[..., 4:] = np.round(moves[..., 4:], PRECISION)
    n_lift, n_breath = points.shape[:2]
    lo, hi = points.reshape(-1, 2).min(axis=0), points.reshape(-1, 2).max(axis=0)
    names = list(kp.poses[0][0].tissue)
    tissue = [
        [np.round(np.vstack([p.tissue[n] for n in names]), PRECISION).ravel().tolist() for p in row]
        for row in kp.poses
    ]
    back_offset = 0  # torso starts with the back surface: sacrum, L5 ... L1, T12 ... T1, C7
    return {
        "lift": kp.lift.tolist(),
        "breath": kp.breath.tolist(),
        "shapes": shapes,
        "coords": np.round(points[:, :, free], PRECISION).reshape(n_lift, n_breath, -1).tolist(),
        "transforms": moves.reshape(n_lift, n_breath, -1).tolist(),
        "readouts": {name: np.round(kp.readout(name), 3).tolist() for name in READOUTS},
        "bounds": [float(lo[0]), float(hi[0]), float(min(lo[1], 0.0)), float(hi[1])],
        "marks": {"waist": back_offset + 3},  # the L3 skin point within the torso outline
        "pillow": kp.params.pillow,
        "tissue": {
            "names": names,
            "n": [len(kp.poses[0][0].tissue[n]) for n in names],
            "coords": tissue,
        },
        "pillow_block": np.round(kp.poses[0][0].pillow, PRECISION).ravel().tolist(),
    }


def grid_cell(values: Sequence[float], x: float) -> tuple[int, float]:
    """Cell of a uniform key-pose grid holding fraction ``x``: ``(i, weight of i + 1)``.

    Parameters
    ----------
    values : sequence of float
        The grid (``scene["lift"]`` or ``scene["breath"]``), at least two points from 0 to 1.
    x : float
        Fraction, clipped to ``[0, 1]``.
    """
    n = len(values) - 1
    f = min(max(x, 0.0), 1.0) * n
    i = min(math.floor(f), n - 1)
    return i, f - i


def interpolate(
    table: Sequence[Any],
    lifts: Sequence[float],
    breaths: Sequence[float],
    lift: float,
    breath: float,
) -> Any:
    """Bilinear interpolation of a lift x breath table at fractions ``lift`` and ``breath``.

    Parameters
    ----------
    table : nested sequence
        ``table[i][j]`` at ``lifts[i]``, ``breaths[j]``: a number (``scene["readouts"][name]``)
        or a flat list of numbers (``scene["coords"]``, mm).
    lifts, breaths : sequence of float
        The grids.
    lift, breath : float
        Fractions, each clipped to ``[0, 1]``.

    Returns
    -------
    float or ndarray
        The interpolated number, or array of numbers, in the table's unit.
    """
    i, fi = grid_cell(lifts, lift)
    j, fj = grid_cell(breaths, breath)
    w00, w01, w10, w11 = (1 - fi) * (1 - fj), (1 - fi) * fj, fi * (1 - fj), fi * fj
    corners: list[npt.NDArray[np.float64]] = [
        np.asarray(table[i][j], dtype=float),
        np.asarray(table[i][j + 1], dtype=float),
        np.asarray(table[i + 1][j], dtype=float),
        np.asarray(table[i + 1][j + 1], dtype=float),
    ]
    a, b, c, d = corners
    out = w00 * a + w01 * b + w10 * c + w11 * d
    return float(out) if out.ndim == 0 else out


def pose_points(scene: dict[str, Any], lift: float, breath: float) -> list[np.ndarray]:
    """Points of every shape of ``scene`` at fractions ``lift`` and ``breath``, mm.

    Interpolates ``coords`` and ``transforms`` with :func:`interpolate` and moves each rigid
    shape's ``local`` points by its interpolated transform, as the browser draws them.

    Returns
    -------
    list of ndarray
        One ``(n, 2)`` array per shape, in shape order, bed frame (mm).
    """
    lifts, breaths = scene["lift"], scene["breath"]
    flat = interpolate(scene["coords"], lifts, breaths, lift, breath)
    moves = interpolate(scene["transforms"], lifts, breaths, lift, breath)
    out = []
    at = rigid = 0
    for shape in scene["shapes"]:
        if shape["rigid"]:
            a, b, c, d, e, f = moves[6 * rigid : 6 * rigid + 6]
            local = np.asarray(shape["local"], dtype=float).reshape(-1, 2)
            x, y = local[:, 0], local[:, 1]
            out.append(np.column_stack([a * x + c * y + e, b * x + d * y + f]))
            rigid += 1
        else:
            n = 2 * shape["n"]
            out.append(np.asarray(flat[at : at + n]).reshape(-1, 2))
            at += n
    return out
