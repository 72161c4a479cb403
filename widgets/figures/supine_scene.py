"""Turn the lying model's key poses into a scene that views draw in the browser.

The scene is plain JSON: a list of shapes (name, kind, region, number of points) and their
positions at every pose on the lift x breath grid. A shape that keeps its form across the
key poses (a vertebra, the pelvis, the skull: each within :data:`RIGID_TOLERANCE`) is *rigid*:
it is sent once, in its own frame, with one 2-D transform per key pose, and the browser draws
it once and moves it with a ``transform``. The other shapes (the skin, the legs, the lumbar
discs) are sent as coordinates per key pose. The readouts come on the same grid.

The soft tissue the body rests on (buttocks, upper back, scalp: ``kind`` ``"tissue"``) is sent
as shapes like the others. An outline whose number of points changes between key poses (the
buttocks are a convex hull, whose corners come and go) is first resampled to
:data:`RESAMPLED_POINTS` points evenly spaced along it, starting at its lowest corner, so
that every key pose has the same points to blend.

The browser interpolates bilinearly between key poses; blending the transforms of a rigid
shape gives exactly the points that blending its key-pose coordinates would (the blend of
``R_k p + t_k`` is ``(sum w_k R_k) p + sum w_k t_k``). :func:`grid_cell`, :func:`interpolate`
and :func:`pose_points` are the reference for that interpolation (``breath_figure.js`` exports
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
from widgets.model.supine_joints import NECK, UPPER_BACK
from widgets.validation import check_instance, check_int_in_range, check_number, describe

#: Decimal places kept in the coordinates sent to the browser (0.01 mm).
PRECISION = 2
#: Decimal places kept in the rotation part of a rigid shape's transforms (dimensionless).
ROTATION_PRECISION = 7
#: Largest distance (mm) between a key pose's points and the rigid motion fitted to them for
#: which a shape still counts as rigid: a twentieth of the 1 mm the drawing resolves.
RIGID_TOLERANCE = 0.05
#: Points of a soft-tissue outline resampled along its length (see the module docstring).
RESAMPLED_POINTS = 48


def resample_outline(outline: np.ndarray, n: int = RESAMPLED_POINTS) -> np.ndarray:
    """``n`` points evenly spaced along a closed outline, counter-clockwise, mm.

    The first point is the outline's lowest corner (the leftmost of equally low ones): where
    it rests on the bed, in every key pose, so the blend of two key poses rests there too.
    """
    n = check_int_in_range("n", n, 3, 10_000, "points")
    check_instance("outline", outline, np.ndarray, "an (N, 2) array of points, mm")
    pts = np.asarray(outline, dtype=float)
    if pts.ndim != 2 or pts.shape[0] < 3 or pts.shape[1] != 2 or not np.isfinite(pts).all():
        raise ValueError(
            f"outline must be an (N, 2) array of at least 3 finite points, got shape {pts.shape}"
        )
    x, y = pts[:, 0], pts[:, 1]
    if float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y)) < 0:  # clockwise: turn it
        pts = pts[::-1]
    k = int(np.lexsort((pts[:, 0], pts[:, 1]))[0])
    ring = np.vstack([np.roll(pts, -k, axis=0), pts[k]])
    lengths = np.r_[0.0, np.cumsum(np.hypot(*np.diff(ring, axis=0).T))]
    at = np.linspace(0.0, lengths[-1], n, endpoint=False)
    return np.column_stack([np.interp(at, lengths, ring[:, 0]), np.interp(at, lengths, ring[:, 1])])


def _shapes(
    pose: SupinePose, resampled: frozenset[str] = frozenset()
) -> list[tuple[dict[str, Any], np.ndarray]]:
    g = pose.geometry
    neck = np.array([g.body(f"C{i}").mean(axis=0) for i in range(7, 0, -1)])
    torso = np.vstack([pose.back_surface, pose.front_surface[::-1]])
    shapes: list[tuple[dict[str, Any], np.ndarray]] = [
        ({"name": "torso", "kind": "skin", "closed": True}, torso),
        ({"name": "neck", "kind": "neck", "closed": False}, neck),
        ({"name": "legs", "kind": "legs", "closed": False}, pose.legs),
    ]
    for name, outline in pose.tissue.items():
        rests_on = pose.rests_on.get(name)  # the upper back: on the pillow when it is propped
        meta = {"name": name, "kind": "tissue", "closed": True, "rests_on": rests_on}
        shapes.append((meta, resample_outline(outline) if name in resampled else outline))
    shapes += [
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


def _limit_regions(pose: SupinePose) -> list[str]:
    """The parts of the spine with a joint at its limit in ``pose``, head first."""
    parts = {"neck": NECK, "upper back": UPPER_BACK}
    found = [name for name, joints in parts.items() if set(joints) & set(pose.limits)]
    if set(pose.limits) - set(NECK) - set(UPPER_BACK):
        found.append("low back")
    return found


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
        The soft tissue is among the shapes (``kind`` ``"tissue"``, ``rests_on`` ``"bed"`` or
        ``"pillow"``: :attr:`~widgets.model.supine.SupinePose.rests_on` of the first pose; the
        upper back rests on the pillow when it props the shoulders, as it does in every pose
        of the grid); ``tissue``: their ``names``. ``pillow_block``: the pillow's four corners
        ``[x0, y0, ...]`` at rest, mm. ``limits[i][j]``: the parts of the spine (``"neck"``,
        ``"upper back"``, ``"low back"``) with a joint at its range of motion in that pose.

    Raises
    ------
    ValueError
        If ``kp`` is not :class:`~widgets.model.supine.KeyPoses`.
    """
    check_instance("kp", kp, KeyPoses, "KeyPoses (from widgets.model.supine.key_poses)")
    names = list(kp.poses[0][0].tissue)
    varying = frozenset(
        n for n in names if len({len(p.tissue[n]) for row in kp.poses for p in row}) > 1
    )
    grid = [[_shapes(pose, varying) for pose in row] for row in kp.poses]
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
    block = kp.poses[0][0].pillow
    everything = np.vstack([points.reshape(-1, 2), block])
    lo, hi = everything.min(axis=0), everything.max(axis=0)
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
        "tissue": {"names": names},
        "pillow_block": np.round(block, PRECISION).ravel().tolist(),
        "limits": [[_limit_regions(p) for p in row] for row in kp.poses],
    }


def _grid(name: str, values: object) -> np.ndarray:
    """``values`` as a key-pose grid: 2 or more finite numbers rising from 0 to 1, evenly."""
    what = "a list of 2 or more numbers rising evenly from 0 to 1 (scene['lift'])"
    if isinstance(values, str | bytes | dict) or not isinstance(values, Sequence | np.ndarray):
        raise ValueError(f"{name} must be {what}, got {describe(values)}")
    items = list(values)
    for k, v in enumerate(items):
        check_number(f"{name}[{k}]", v)
    grid = np.asarray(items, dtype=float)
    steps = np.diff(grid)
    if (
        grid.ndim != 1
        or len(grid) < 2
        or grid[0] != 0.0
        or not math.isclose(grid[-1], 1.0)
        or not np.allclose(steps, steps[0], rtol=1e-6, atol=1e-9)
    ):
        raise ValueError(f"{name} must be {what}, got {describe(values)}")
    return grid


def _fraction(name: str, value: object) -> float:
    """A lift or breath fraction: any finite number (bools, text, NaN, infinities refused)."""
    try:
        return check_number(name, value)
    except ValueError as err:
        raise ValueError(f"{err}; allowed: any finite number, clipped to 0 to 1") from None


def _table(name: str, table: object, n_lift: int, n_breath: int) -> np.ndarray:
    """``table`` as an array of shape (n_lift, n_breath) or (n_lift, n_breath, m) of numbers."""
    want = f"a {n_lift} x {n_breath} table (one per key pose) of numbers or of equal-length lists"
    if isinstance(table, str | bytes | dict) or not isinstance(table, Sequence | np.ndarray):
        raise ValueError(f"{name} must be {want}, got {describe(table)}")
    try:
        array = np.asarray(table, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {want}, got {describe(table)}") from None
    if array.dtype == object or array.ndim not in (2, 3) or array.shape[:2] != (n_lift, n_breath):
        raise ValueError(f"{name} must be {want}, got shape {array.shape}")
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must hold finite numbers only (mm or the readout's unit)")
    return array


def grid_cell(values: Sequence[float] | np.ndarray, x: float) -> tuple[int, float]:
    """Cell of a uniform key-pose grid holding fraction ``x``: ``(i, weight of i + 1)``.

    Parameters
    ----------
    values : sequence of float
        The grid (``scene["lift"]`` or ``scene["breath"]``), at least two points from 0 to 1.
    x : float
        Fraction, clipped to ``[0, 1]`` (any finite number).

    Raises
    ------
    ValueError
        If ``values`` is not such a grid or ``x`` is not a finite number (a bool is not).
    """
    n = len(_grid("values", values)) - 1
    f = min(max(_fraction("x", x), 0.0), 1.0) * n
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

    Raises
    ------
    ValueError
        If a grid is not 2 or more numbers rising evenly from 0 to 1, ``table`` is not
        ``len(lifts)`` x ``len(breaths)`` numbers or equal-length lists of finite numbers, or
        a fraction is not a finite number.
    """
    lift = _fraction("lift", lift)
    breath = _fraction("breath", breath)
    lifts_ = _grid("lifts", lifts)
    breaths_ = _grid("breaths", breaths)
    array = _table("table", table, len(lifts_), len(breaths_))
    i, fi = grid_cell(lifts_, lift)
    j, fj = grid_cell(breaths_, breath)
    w00, w01, w10, w11 = (1 - fi) * (1 - fj), (1 - fi) * fj, fi * (1 - fj), fi * fj
    corners: list[npt.NDArray[np.float64]] = [
        array[i, j],
        array[i, j + 1],
        array[i + 1, j],
        array[i + 1, j + 1],
    ]
    a, b, c, d = corners
    out = w00 * a + w01 * b + w10 * c + w11 * d
    return float(out) if out.ndim == 0 else out


def _check_scene(scene: object) -> None:
    what = "a scene dict from scene_payload"
    scene = check_instance("scene", scene, dict, what)
    missing = [k for k in ("lift", "breath", "shapes", "coords", "transforms") if k not in scene]
    if missing:
        raise ValueError(f"scene must be {what}; it lacks {', '.join(missing)}")
    shapes = scene["shapes"]
    if not isinstance(shapes, list) or not all(
        isinstance(m, dict) and isinstance(m.get("n"), int) and isinstance(m.get("rigid"), bool)
        for m in shapes
    ):
        raise ValueError(f"scene['shapes'] must be a list of shape dicts with n and rigid ({what})")
    free = sum(2 * m["n"] for m in shapes if not m["rigid"])
    rigid = [m for m in shapes if m["rigid"]]
    for m in rigid:
        local = m.get("local")
        if not isinstance(local, list) or len(local) != 2 * m["n"]:
            raise ValueError(f"scene shape {m.get('name')!r} is rigid: its local needs 2 n numbers")
    n_lift, n_breath = (
        len(_grid("scene['lift']", scene["lift"])),
        len(_grid("scene['breath']", scene["breath"])),
    )
    for key, size in (("coords", free), ("transforms", 6 * len(rigid))):
        array = _table(f"scene[{key!r}]", scene[key], n_lift, n_breath)
        got = array.shape[2] if array.ndim == 3 else 0
        if got != size:
            raise ValueError(f"scene[{key!r}] must hold {size} numbers per key pose, got {got}")


def pose_points(scene: dict[str, Any], lift: float, breath: float) -> list[np.ndarray]:
    """Points of every shape of ``scene`` at fractions ``lift`` and ``breath``, mm.

    Interpolates ``coords`` and ``transforms`` with :func:`interpolate` and moves each rigid
    shape's ``local`` points by its interpolated transform, as the browser draws them.

    Returns
    -------
    list of ndarray
        One ``(n, 2)`` array per shape, in shape order, bed frame (mm).

    Raises
    ------
    ValueError
        If ``scene`` is not a dict holding ``lift``, ``breath``, ``shapes``, ``coords`` and
        ``transforms`` that fit together (as :func:`scene_payload` makes it), or a fraction
        is not a finite number.
    """
    _check_scene(scene)
    lift, breath = _fraction("lift", lift), _fraction("breath", breath)
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
