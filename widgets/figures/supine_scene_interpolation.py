"""Poses between the key poses of a lying-model scene: bilinear interpolation on its grid.

A scene (:func:`widgets.figures.supine_scene.scene_payload`) holds the lying model's shapes at
every key pose of a lift x breath grid: coordinates for the shapes that change form, one 2-D
transform per key pose for the rigid ones. A pose between key poses blends the four key poses
around it bilinearly (weights ``(1 - fi)(1 - fj)``, ``(1 - fi) fj``, ``fi (1 - fj)``,
``fi fj``); blending a rigid shape's transforms gives exactly the points that blending its
key-pose coordinates would. Fractions outside 0 to 1 are clipped to it.

:func:`grid_cell`, :func:`interpolate` and :func:`pose_points` are the reference for the
browser's interpolation (``widgets/views/breath_figure.js`` exports the same functions;
``tests/browser/test_breath_spec.py`` holds them equal), and Python code that needs a pose
between the key poses uses them too. Units: mm for points, each readout's own unit otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from widgets.validation import check_instance, check_number, describe


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
        ``transforms`` that fit together (as
        :func:`~widgets.figures.supine_scene.scene_payload` makes it), or a fraction is not a
        finite number.
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
