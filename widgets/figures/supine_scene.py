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
``R_k p + t_k`` is ``(sum w_k R_k) p + sum w_k t_k``). The reference for that interpolation,
and what Python code uses for a pose between the key poses, is
:mod:`widgets.figures.supine_scene_interpolation`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from widgets.model.supine import READOUTS, KeyPoses, SupinePose
from widgets.model.supine_joints import NECK, UPPER_BACK
from widgets.validation import check_instance, check_int_in_range

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
    """The parts of the spine with a joint at its limit in ``pose``, head first.

    When the head cannot come down to what it rests on (:attr:`SupinePose.head_supported`
    False: the neck at its extension limit), a plain sentence saying so follows the parts.
    """
    parts = {"neck": NECK, "upper back": UPPER_BACK}
    found = [name for name, joints in parts.items() if set(joints) & set(pose.limits)]
    if set(pose.limits) - set(NECK) - set(UPPER_BACK):
        found.append("low back")
    if not pose.head_supported:
        found.append(HEAD_GAP_TEXT[bool(pose.pillow[:, 1].max() > 0.0)])
    return found


#: The sentence the animator's range-of-motion line adds when the head cannot reach what it
#: rests on (by whether there is a pillow).
HEAD_GAP_TEXT: dict[bool, str] = {
    False: "the head cannot reach the bed: a pillow would support it",
    True: "the head cannot reach the pillow: a higher pillow would support it",
}


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
        ``"pillow"``: :attr:`~widgets.model.supine.SupinePose.rests_on` of the first pose, or
        None for the scalp when in some pose the head cannot reach what it rests on; the
        upper back rests on the pillow when it props the shoulders, as it does in every pose
        of the grid); ``tissue``: their ``names``. ``pillow_block``: the pillow's four corners
        ``[x0, y0, ...]`` at rest, mm. ``limits[i][j]``: the parts of the spine (``"neck"``,
        ``"upper back"``, ``"low back"``) with a joint at its range of motion in that pose,
        then a sentence of :data:`HEAD_GAP_TEXT` when the head cannot reach what it rests on.
        ``head_gap[i][j]``: how far the back of the head stays above the pillow top (or the
        bed) in that pose, mm (0 when it rests on it).

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
    if not all(p.head_supported for row in kp.poses for p in row):  # no mark under a lifted head
        meta = [{**m, "rests_on": None} if m["name"] == "scalp" else m for m in meta]
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
        "head_gap": [[round(p.head_gap, PRECISION) for p in row] for row in kp.poses],
    }
