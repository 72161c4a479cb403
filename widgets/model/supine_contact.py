"""Soft tissue, bed and pillow of the lying model: where the body touches and how it settles.

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
- The trunk is rigid for a given set of joint angles and rests on the buttocks and the upper
  back: the one line touching both outlines from below becomes the bed (y = 0). Both then
  touch it, whatever the angles. When the pillow props the shoulders (:func:`support`), the
  upper back behind T1-T4 rests on the pillow top instead, the buttocks still on the bed.
- The head rests on a pillow, a block ``pillow`` mm high and ``pillow_length`` long. The neck
  bends until the scalp touches its top; the bend is shared between the neck joints in
  given proportions (by default in proportion to each joint's range of motion), and stops
  when one joint reaches its limit (:mod:`widgets.model.supine_joints`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from widgets.data import value
from widgets.model.spine import SpineGeometry
from widgets.model.supine_joints import (
    JOINTS,
    NECK,
    TURN_MAX,
    bend_many,
    joint_limits,
    pivot,
)
from widgets.validation import check_in_range, check_instance, check_number, describe

#: Joints that carry the head onto the pillow: the neck (skull to C7-T1) and the top of the
#: upper back above the T4-T12 curve (T1-T2 to T3-T4), which curls up off the bed.
HEAD_CHAIN: tuple[str, ...] = JOINTS[: JOINTS.index("T3-T4") + 1]


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


def _body(geom: object, tissue: object) -> None:
    """Refuse a ``geom`` that is not a SpineGeometry or a ``tissue`` that is not a Tissue."""
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    check_instance("tissue", tissue, Tissue, _TISSUE)


def _prop_height(prop: object) -> float:
    return check_in_range("prop", prop, 0.0, PILLOW_MAX, "mm")


def _edge_x(name: str, edge: object) -> float | None:
    return None if edge is None else check_number(name, edge, "mm")


def _outline(name: str, value: object) -> np.ndarray:
    """``value`` as an (n, 2) float array of finite points, else a ValueError naming it."""
    what = "an outline: an array of finite (x, y) points in mm, shape (n, 2)"
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {what}, got {describe(value)}") from None
    if arr.ndim != 2 or arr.shape[1] != 2 or len(arr) < 2 or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be {what}, got {describe(value)}")
    return arr


def _turn(points: np.ndarray, deg: float) -> np.ndarray:
    """``points`` turned counter-clockwise by ``deg`` about the origin (unchecked), mm."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    out: np.ndarray = points @ np.array([[c, s], [-s, c]])
    return out


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
    _body(geom, tissue)
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
    _body(geom, tissue)
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
    _body(geom, tissue)
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
    _body(geom, tissue)
    return _scalp(geom, tissue)


def _scalp(geom: SpineGeometry, tissue: Tissue) -> np.ndarray:
    """:func:`scalp` unchecked."""
    return _offset(geom.skull, tissue.scalp)


#: Levels of the upper back that lie on the pillow when it props the shoulders, top down.
PROPPED: tuple[str, ...] = ("T1", "T2", "T3", "T4")


def support(prop: float) -> np.ndarray:
    """Height (mm) of what each point of :func:`upper_back`'s outline rests on.

    ``prop`` (mm) under the skin and bodies of :data:`PROPPED` (the pillow pulled under the
    shoulders), 0 (the bed) under the rest.

    Raises
    ------
    ValueError
        If ``prop`` is not a finite number from 0 to :data:`PILLOW_MAX` mm.
    """
    return _support(_prop_height(prop))


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
    return _clearance(_outline("outline", outline), _prop_height(prop), _edge_x("edge", edge))


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


def _bridge(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Rotation (deg) and lift (mm) putting the lower bridge of outlines ``b``, ``a`` on y = 0."""
    pts = np.vstack([b, a])
    owner = np.r_[np.zeros(len(b), bool), np.ones(len(a), bool)]  # True: buttocks
    order = np.lexsort((pts[:, 1], pts[:, 0]))
    hull: list[int] = []
    for i in order:
        while len(hull) >= 2:
            p, q = pts[hull[-2]], pts[hull[-1]]
            if (q[0] - p[0]) * (pts[i][1] - p[1]) - (q[1] - p[1]) * (pts[i][0] - p[0]) <= 0:
                hull.pop()
            else:
                break
        hull.append(int(i))
    bridge = next(((i, j) for i, j in itertools.pairwise(hull) if not owner[i] and owner[j]), None)
    if bridge is None:  # no lower tangent from the upper back to the buttocks
        raise ValueError(
            "geom must lie roughly along the bed, head at negative x (as in a SupinePose's "
            "geometry); its upper back and buttocks have no common line beneath them (a "
            "standing spine from build_spine must be laid down first)"
        )
    p, q = pts[bridge[0]], pts[bridge[1]]
    angle = -math.degrees(math.atan2(q[1] - p[1], q[0] - p[0]))
    return angle, -float(_turn(p, angle)[1])


def rest_transform(
    geom: SpineGeometry,
    tissue: Tissue,
    prop: float = 0.0,
    edge: float | None = None,
    seat: np.ndarray | None = None,
) -> tuple[float, float]:
    """Rotation (deg, about the origin) and lift (mm) that set the trunk on the bed.

    ``geom`` must already lie roughly along the bed, head at negative x. Rotating it by the
    angle and then raising it by the lift makes the buttocks touch y = 0 and the upper back
    touch what it rests on (:func:`clearance`: the bed, and with ``prop`` > 0 mm the pillow
    under :data:`PROPPED`, or up to x = ``edge``); with no prop, the edge of the lower convex
    hull of the two outlines that joins them becomes the bed. ``seat``, when given, is
    :func:`buttocks` of ``geom`` already computed.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` lying along the bed, ``tissue`` not a
        :class:`Tissue`, ``prop`` not a finite number from 0 to :data:`PILLOW_MAX` mm,
        ``edge`` neither None nor a finite number, or ``seat`` neither None nor an (n, 2)
        array of finite points.
    """
    _body(geom, tissue)
    prop = _prop_height(prop)
    edge = _edge_x("edge", edge)
    a = _buttocks(geom, tissue) if seat is None else _outline("seat", seat)
    b = _upper_back(geom, tissue)
    angle, up = _bridge(a, b)
    if prop <= 0.0:
        return angle, up

    def gap(deg: float) -> float:
        """Clearance of the upper back over its support when the buttocks touch the bed."""
        turned = _turn(b, deg)
        return _clearance(turned, prop, edge) - float(_turn(a, deg)[:, 1].min())

    # turning clockwise (negative) raises the head end; the root is between these two
    lo, f_lo = angle, gap(angle)
    if f_lo >= 0.0:
        return angle, up
    # the clearance grows by about the lever (buttocks to the top of the upper back) per rad
    lever = max(float(a[np.argmin(a[:, 1]), 0] - b[:, 0].min()), 1.0)
    step = max(math.degrees(-1.2 * f_lo / lever), 0.5)
    hi = angle - step
    f_hi = gap(hi)
    while f_hi < 0.0:
        if hi < angle - 60.0:
            raise ValueError(f"prop = {prop:g} mm tilts the trunk more than 60 deg")
        lo, f_lo, hi = hi, f_hi, hi - step
        f_hi = gap(hi)
    mid = lo
    for _ in range(60):  # Illinois regula falsi on the clearance, mm
        mid = hi - f_hi * (hi - lo) / (f_hi - f_lo)
        f_mid = gap(mid)
        if abs(f_mid) < 0.01:
            break
        if np.sign(f_mid) == np.sign(f_hi):
            hi, f_hi = mid, f_mid
            f_lo /= 2.0
        else:
            lo, f_lo = mid, f_mid
            f_hi /= 2.0
    return mid, -float(_turn(a, mid)[:, 1].min())


def neck_shares(variant: str = "rom") -> dict[str, float]:
    """Share of a head bend taken by each neck joint, summing to 1.

    ``"rom"``: in proportion to each joint's range; ``"even"``: the same at every joint;
    ``"upper"`` and ``"lower"``: the range doubled at the two top (skull-C1, C1-C2) or the
    three bottom joints (C5-C6 to C7-T1), for the uncertainty of the chin angle.
    """
    limits = joint_limits()
    weights = {j: limits[j] for j in HEAD_CHAIN}
    if variant == "even":
        weights = dict.fromkeys(HEAD_CHAIN, 1.0)
    elif variant == "upper":
        weights.update({j: 2.0 * limits[j] for j in NECK[:2]})
    elif variant == "lower":
        weights.update({j: 2.0 * limits[j] for j in NECK[-3:]})
    elif variant != "rom":
        raise ValueError(f"unknown neck variant {variant!r}; valid: rom, even, upper, lower")
    total = sum(weights.values())
    return {j: w / total for j, w in weights.items()}


def _check_shares(shares: object) -> None:
    what = f"a mapping giving each of {', '.join(HEAD_CHAIN)} a share from 0 to 1"
    if not isinstance(shares, Mapping) or set(shares) != set(HEAD_CHAIN):
        raise ValueError(f"shares must be {what} (see neck_shares), got {describe(shares)}")
    for j, share in shares.items():
        check_in_range(f"shares[{j!r}]", share, 0.0, 1.0)
    if not any(share > 0.0 for share in shares.values()):
        raise ValueError(f"shares must be {what}, one of them above 0; got all 0")


def _check_start(start: object) -> None:
    if not isinstance(start, Mapping):
        raise ValueError(
            f"start must be a mapping of joint name to its change from standing (deg), "
            f"got {describe(start)}"
        )
    for j, deg in start.items():
        if j not in JOINTS:
            raise ValueError(f"start has an unknown joint {j!r}; valid joints: {', '.join(JOINTS)}")
        check_in_range(f"start[{j!r}]", deg, -TURN_MAX, TURN_MAX, "deg")


def settle_head(
    geom: SpineGeometry,
    tissue: Tissue,
    pillow: float,
    shares: Mapping[str, float],
    start: Mapping[str, float],
) -> tuple[SpineGeometry, float]:
    """Bend the neck until the scalp rests on the pillow top (y = ``pillow``).

    ``shares`` gives each joint of :data:`HEAD_CHAIN` its share of the bend (0 to 1, as
    :func:`neck_shares`); ``start`` holds each neck joint's change from standing before the
    bend (deg; a joint left out has not changed). Returns the new geometry and the bend (deg,
    extension positive); if the pillow cannot be reached within the joint limits, the bend
    stops at the nearest limit.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`, ``tissue`` not a :class:`Tissue`,
        ``pillow`` not a finite number from 0 to :data:`PILLOW_MAX` mm, ``shares`` not a
        share from 0 to 1 for each joint of :data:`HEAD_CHAIN` (one of them above 0), or
        ``start`` not a mapping of joints to finite angles (deg).
    """
    _body(geom, tissue)
    pillow = check_in_range("pillow", pillow, 0.0, PILLOW_MAX, "mm")
    _check_shares(shares)
    _check_start(start)
    limits = joint_limits()
    high = min((limits[j] - start.get(j, 0.0)) / s for j, s in shares.items() if s > 0)
    low = max((-limits[j] - start.get(j, 0.0)) / s for j, s in shares.items() if s > 0)
    centres = np.array([pivot(geom, j) for j in HEAD_CHAIN])
    share = np.array([shares[j] for j in HEAD_CHAIN])
    skin = _scalp(geom, tissue)

    def lowest(b: np.ndarray) -> np.ndarray:
        """Lowest scalp height above the pillow top for each bend in ``b`` (deg), mm.

        Turning about each joint's (unmoved) centre c_k by a_k, top down, is one turn by the
        sum plus a shift: sum over k of (R(B_k) - R(B_k + a_k)) c_k, B_k the turns after k.
        """
        b = np.asarray(b, dtype=float)
        a = np.radians(share * b[..., None])
        total = a.sum(axis=-1, keepdims=True)
        after = total - np.cumsum(a, axis=-1)
        both = after + a
        cx, cy = centres[:, 0], centres[:, 1]
        shift = (
            np.sin(after) * cx + np.cos(after) * cy - np.sin(both) * cx - np.cos(both) * cy
        ).sum(axis=-1, keepdims=True)
        y = np.sin(total) * skin[:, 0] + np.cos(total) * skin[:, 1] + shift
        out: np.ndarray = y.min(axis=-1) - pillow
        return out

    grid = np.linspace(low, high, 81)
    heights = lowest(grid)
    crossings = np.nonzero(np.sign(heights[:-1]) * np.sign(heights[1:]) <= 0)[0]
    if crossings.size == 0:  # out of reach: stop where the scalp comes closest
        bend_deg = float(grid[int(np.argmin(np.abs(heights)))])
    else:  # the crossing nearest the unbent neck
        k = int(crossings[np.argmin(np.abs(grid[crossings] + grid[crossings + 1]))])
        lo, hi = float(grid[k]), float(grid[k + 1])
        f_lo, f_hi = float(heights[k]), float(heights[k + 1])
        mid = lo
        for _ in range(40):  # Illinois regula falsi on the contact height, mm
            mid = hi - f_hi * (hi - lo) / (f_hi - f_lo) if f_hi != f_lo else (lo + hi) / 2
            f_mid = float(lowest(np.array(mid)))
            if abs(f_mid) < 1e-5:
                break
            if np.sign(f_mid) == np.sign(f_hi):
                hi, f_hi = mid, f_mid
                f_lo /= 2.0
            else:
                lo, f_lo = mid, f_mid
                f_hi /= 2.0
        bend_deg = mid
    return bend_many(geom, {j: shares[j] * bend_deg for j in HEAD_CHAIN}), bend_deg


#: Sizes :func:`pillow_block` accepts: the head's size relative to an adult's (a newborn's
#: is about half), with room either way.
SIZE_RANGE: tuple[float, float] = (0.1, 2.0)


def pillow_block(
    pillow: float, contact_x: float, edge_x: float | None = None, size: float = 1.0
) -> np.ndarray:
    """Closed outline of the pillow (4 corners), mm, centred a little headward of the contact.

    ``edge_x`` (mm), when given, is where the pillow propping the shoulders ends toward the
    feet (under the skin behind the lowest of :data:`PROPPED`); ``size`` scales the length
    (the head's size for a child). Zero height gives a flat outline on the bed.

    Raises
    ------
    ValueError
        If ``pillow`` is not a finite number from 0 to :data:`PILLOW_MAX` mm, ``contact_x``
        not a finite number, ``edge_x`` neither None nor a finite number, or ``size`` not
        from :data:`SIZE_RANGE`.
    """
    pillow = check_in_range("pillow", pillow, 0.0, PILLOW_MAX, "mm")
    contact_x = check_number("contact_x", contact_x, "mm")
    edge_x = _edge_x("edge_x", edge_x)
    size = check_in_range("size", size, *SIZE_RANGE)
    length = _supine("pillow_length") * size
    x0 = contact_x - 0.6 * length
    x1 = x0 + length if edge_x is None else edge_x
    return np.array([[x0, 0.0], [x1, 0.0], [x1, pillow], [x0, pillow]])
