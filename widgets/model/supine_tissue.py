"""Soft tissue of the lying model: the outlines that touch the bed and the pillow.

Teaching model (the frame is the bed's: x along the bed, head at negative x, y up, mm).
Assumptions:

- Three soft-tissue outlines carry the body: the **buttocks** (sacrum and coccyx padded by
  ``sacral_tissue_thickness``, and a pad of ``buttock_tissue_thickness`` around the
  ischial tuberosity, joined by their convex hull), the **upper back** (from the back of the
  T1-T12 bodies to the skin ``back_tissue_thickness`` behind them: spinous processes,
  muscles, shoulder blades) and the **scalp** (the skull outline pushed out by
  ``scalp_tissue_thickness``). Thicknesses are rows of ``supine.csv``; they stand for the
  tissue as it is pressed under body weight, and the model does not squash them further
  (except behind the low back: see :mod:`widgets.model.supine`).
- When the pillow props the shoulders, the upper back behind :data:`PROPPED` rests on it
  (:func:`support`, :func:`clearance`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from widgets.data import value
from widgets.model.spine import SpineGeometry
from widgets.validation import check_in_range, check_instance, check_number, describe


def _supine(name: str) -> float:
    return value("supine", name)


@dataclass(frozen=True)
class Tissue:
    """Soft-tissue thicknesses, mm (defaults: the ``*_thickness`` rows of ``supine.csv``)."""

    buttock: float = _supine("buttock_tissue_thickness")
    sacral: float = _supine("sacral_tissue_thickness")
    back: float = _supine("back_tissue_thickness")
    scalp: float = _supine("scalp_tissue_thickness")

    def __post_init__(self) -> None:
        for name in ("buttock", "sacral", "back", "scalp"):
            object.__setattr__(
                self, name, check_in_range(name, getattr(self, name), 0.0, 200.0, "mm")
            )


_GEOMETRY = "a SpineGeometry (from widgets.build_spine)"


_TISSUE = "a Tissue (widgets.model.supine_contact)"


#: Highest pillow (mm) :func:`support`, :func:`clearance`, :func:`rest_transform`,
#: :func:`settle_head` and :func:`pillow_block` accept: the ``pillow_max`` row.
PILLOW_MAX = _supine("pillow_max")


def check_body(geom: object, tissue: object) -> None:
    """Refuse a ``geom`` that is not a SpineGeometry or a ``tissue`` that is not a Tissue."""
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    check_instance("tissue", tissue, Tissue, _TISSUE)


def check_prop(prop: object) -> float:
    """``prop`` (mm) if it is a pillow height from 0 to :data:`PILLOW_MAX`, else a ValueError."""
    return check_in_range("prop", prop, 0.0, PILLOW_MAX, "mm")


def check_edge(name: str, edge: float | None) -> float | None:
    """``edge`` (mm) if it is None or a finite number, else a ValueError naming ``name``."""
    return None if edge is None else check_number(name, edge, "mm")


def check_outline(name: str, value: object) -> np.ndarray:
    """``value`` as an (n, 2) float array of finite points, else a ValueError naming it."""
    what = "an outline: an array of finite (x, y) points in mm, shape (n, 2)"
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {what}, got {describe(value)}") from None
    if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) < 2 or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be {what}, got {describe(value)}")
    return arr


def _unit(v: np.ndarray) -> np.ndarray:
    out: np.ndarray = v / np.linalg.norm(v, axis=-1, keepdims=True)
    return out


def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (Andrew's monotone chain), counter-clockwise."""
    pts = points[np.lexsort((points[:, 1], points[:, 0]))]

    def half(seq: np.ndarray) -> list[np.ndarray]:
        out: list[np.ndarray] = []
        for p in seq:
            while len(out) >= 2:
                a, b = out[-2], out[-1]
                if (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) <= 0:
                    out.pop()
                else:
                    break
            out.append(p)
        return out

    lower, upper = half(pts), half(pts[::-1])
    return np.array(lower[:-1] + upper[:-1])


def _offset(outline: np.ndarray, distance: float) -> np.ndarray:
    """Push a closed outline outward by ``distance`` (mm) along its vertex normals."""
    prev, nxt = np.roll(outline, 1, axis=0), np.roll(outline, -1, axis=0)
    tangent = _unit(nxt - prev)
    normal = np.column_stack([tangent[:, 1], -tangent[:, 0]])
    x, y = outline[:, 0], outline[:, 1]
    area = 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))
    sign = 1.0 if area > 0 else -1.0  # counter-clockwise: the right-hand normal points out
    pushed: np.ndarray = outline + sign * distance * normal
    return pushed


def buttocks(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """Closed outline of the buttocks (sacrum, coccyx and the pad under the ischium), mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``tissue`` not a :class:`Tissue`.
    """
    check_body(geom, tissue)
    return _buttocks(geom, tissue)


def _buttocks(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """:func:`buttocks` unchecked."""
    hip = geom.hip_axis
    s1_mid = geom.s1_endplate.mean(axis=0)
    up = _unit(s1_mid - hip)  # pelvic "up": hip axis to S1
    forward = np.array([up[1], -up[0]])
    if np.dot(forward, geom.s1_endplate[1] - geom.s1_endplate[0]) < 0:
        forward = -forward
    size = geom.scale  # the drawn hip bone outline is the adult's, scaled
    ischium = hip - size * (58.0 * up + 20.0 * forward)  # its ischial tuberosity
    angles = np.radians(np.linspace(0.0, 360.0, 36, endpoint=False))
    pad = ischium + tissue.buttock * np.column_stack([np.cos(angles), np.sin(angles)])
    behind = np.dot(pad - ischium, forward) <= 0.0  # only the part behind the hip bone
    sacral = _offset(geom.sacrum, tissue.sacral)
    points = np.vstack([sacral, geom.sacrum, pad[behind], ischium[None, :]])
    return _hull(points)


def upper_back(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """Closed outline of the upper back from the T1-T12 bodies to the skin, mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``tissue`` not a :class:`Tissue`.
    """
    check_body(geom, tissue)
    return _upper_back(geom, tissue)


def _upper_back(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """:func:`upper_back` unchecked."""
    idx = [geom.levels.index(f"T{i}") for i in range(1, 13)]
    c = geom.body_corners[idx]
    posterior_mid = (c[:, 1] + c[:, 2]) / 2.0
    backward = _unit(_unit(c[:, 1] - c[:, 0]) + _unit(c[:, 2] - c[:, 3]))
    skin = posterior_mid + tissue.back * backward
    outline: np.ndarray = np.vstack([posterior_mid, skin[::-1]])
    return outline


def back_skin(geom: SpineGeometry, tissue: Tissue) -> dict[str, np.ndarray]:
    """Skin points of the back behind each vertebral body, by region, top down, mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``tissue`` not a :class:`Tissue`.
    """
    check_body(geom, tissue)
    return _back_skin(geom, tissue)


def _back_skin(geom: SpineGeometry, tissue: Tissue) -> dict[str, np.ndarray]:
    """:func:`back_skin` unchecked."""
    c = geom.body_corners
    posterior_mid = (c[:, 1] + c[:, 2]) / 2.0
    backward = _unit(_unit(c[:, 1] - c[:, 0]) + _unit(c[:, 2] - c[:, 3]))
    skin = posterior_mid + tissue.back * backward
    regions = np.array(geom.regions)
    return {r: skin[regions == r] for r in ("cervical", "thoracic", "lumbar")}


def scalp(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """Closed outline of the skin of the head, mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``tissue`` not a :class:`Tissue`.
    """
    check_body(geom, tissue)
    return _scalp(geom, tissue)


def _scalp(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """:func:`scalp` unchecked."""
    return _offset(geom.skull, tissue.scalp)


#: Levels of the upper back that lie on the pillow when it props the shoulders, top down.
PROPPED: tuple[str, ...] = ("T1", "T2", "T3", "T4")


def support(prop: float = 0.0) -> np.ndarray:
    """Height (mm) of what each point of :func:`upper_back`'s outline rests on.

    ``prop`` (mm) under the skin and bodies of :data:`PROPPED` (the pillow pulled under the
    shoulders), 0 (the bed) under the rest.

    Raises
    ------
    ValueError
        If ``prop`` is not a finite number from 0 to :data:`PILLOW_MAX` mm.
    """
    return _support(check_prop(prop))


def _support(prop: float) -> np.ndarray:
    """:func:`support` unchecked."""
    levels = [f"T{i}" for i in range(1, 13)]
    on_pillow = np.array([lvl in PROPPED for lvl in levels])
    mask = np.concatenate([on_pillow, on_pillow[::-1]])  # bodies top down, then skin bottom up
    out: np.ndarray = np.where(mask, float(prop), 0.0)
    return out


def clearance(outline: np.ndarray, prop: float = 0.0, edge: float | None = None) -> float:
    """Lowest height (mm) of an :func:`upper_back` outline over what it rests on.

    With no ``prop``, over the bed. With a pillow ``prop`` mm high under the shoulders: if
    ``edge`` is None, over :func:`support` (by level); else over a pillow whose end toward
    the feet is at x = ``edge`` (mm): the pillow top where x <= ``edge``, the bed beyond,
    and the skin over the pillow's corner counts too.

    Raises
    ------
    ValueError
        If ``outline`` is not an (n, 2) array of finite points, ``prop`` not a finite number
        from 0 to :data:`PILLOW_MAX` mm or ``edge`` neither None nor a finite number.
    """
    return _clearance(check_outline("outline", outline), check_prop(prop), check_edge("edge", edge))


def _clearance(outline: np.ndarray, prop: float, edge: float | None) -> float:
    """:func:`clearance` unchecked."""
    y = outline[:, 1]
    if prop <= 0.0:
        return float(y.min())
    if edge is None:
        return float((y - _support(prop)).min())
    x = outline[:, 0]
    lowest = float(np.where(x <= edge, y - prop, y).min())
    skin = outline[len(outline) // 2 :][::-1]  # top down: x grows toward the feet
    if skin[0, 0] <= edge <= skin[-1, 0]:
        lowest = min(lowest, float(np.interp(edge, skin[:, 0], skin[:, 1])) - prop)
    return lowest
