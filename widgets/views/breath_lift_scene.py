"""Turn the lying model's key poses into a scene the animator draws in the browser.

The scene is plain JSON: a list of shapes (name, kind, region, number of points) and, for
every pose on the lift x breath grid, one flat list of coordinates (mm, bed frame) in shape
order, plus the readouts on the same grid. The browser interpolates between poses;
:func:`grid_cell` and :func:`interpolate` are the reference for that interpolation (the ES module
``breath_lift.js`` exports the same functions; ``tests/browser/test_breath_spec.py`` holds them
equal), and Python code that needs a pose between the key poses uses them too.
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


def scene_payload(kp: KeyPoses) -> dict[str, Any]:
    """JSON-ready scene for :class:`widgets.views.breath_lift.BreathLiftAnimator`.

    Returns
    -------
    dict
        ``lift`` and ``breath`` grids; ``shapes`` (metadata with ``n`` points each);
        ``coords[i][j]`` flat ``[x0, y0, x1, y1, ...]`` in mm for pose (lift i, breath j);
        ``readouts[name][i][j]``; ``bounds`` ``[xmin, xmax, ymin, ymax]`` in mm over all poses;
        ``marks`` (indices of labelled points); ``pillow`` height in mm.
    """
    meta: list[dict[str, Any]] = []
    coords: list[list[list[float]]] = []
    allpts = []
    for row in kp.poses:
        coord_row = []
        for pose in row:
            shapes = _shapes(pose)
            if not meta:
                meta = [{**m, "n": len(p)} for m, p in shapes]
            flat = np.vstack([p for _, p in shapes])
            allpts.append(flat)
            coord_row.append(np.round(flat.ravel(), PRECISION).tolist())
        coords.append(coord_row)
    pts = np.vstack(allpts)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    back_offset = 0  # torso starts with the back surface: sacrum, L5 ... L1, T12 ... T1, C7
    return {
        "lift": kp.lift.tolist(),
        "breath": kp.breath.tolist(),
        "shapes": meta,
        "coords": coords,
        "readouts": {name: np.round(kp.readout(name), 3).tolist() for name in READOUTS},
        "bounds": [float(lo[0]), float(hi[0]), float(min(lo[1], 0.0)), float(hi[1])],
        "marks": {"waist": back_offset + 3},  # the L3 skin point within the torso outline
        "pillow": kp.params.pillow,
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
