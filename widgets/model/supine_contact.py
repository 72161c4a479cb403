"""Bed and pillow of the lying model: where the body touches and how it settles.

Teaching model (the frame is the bed's: x along the bed, head at negative x, y up, mm).
Assumptions:

- The body touches through its soft-tissue outlines (:mod:`widgets.model.supine_tissue`:
  buttocks, upper back, scalp; their names are re-exported here).
- The trunk is rigid for a given set of joint angles and rests on the buttocks and the upper
  back: the one line touching both outlines from below becomes the bed (y = 0). Both then
  touch it, whatever the angles. When the pillow props the shoulders
  (:func:`widgets.model.supine_tissue.support`), the upper back behind T1-T4 rests on the
  pillow top instead, the buttocks still on the bed.
- The head rests on a pillow, a block ``pillow`` mm high and ``pillow_length`` long. The neck
  bends until the scalp touches its top; the bend is shared between the neck joints in
  given proportions (by default in proportion to each joint's range in the bend's
  direction, flexion or extension), and stops when one joint reaches its limit
  (:mod:`widgets.model.supine_joints`): flexing, the head stays below the pillow top (then
  the pillow props the shoulders, :mod:`widgets.model.supine_settle`); extending, above it
  (:attr:`widgets.model.supine.SupinePose.head_supported`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping

import numpy as np

from widgets.data import value
from widgets.model.spine import SpineGeometry
from widgets.model.supine_joints import (
    JOINTS,
    NECK,
    TURN_MAX,
    bend_many,
    pivot,
)
from widgets.model.supine_ranges import joint_limits
from widgets.model.supine_tissue import (
    PILLOW_MAX,
    PROPPED,
    Tissue,
    back_skin,
    buttocks,
    check_body,
    check_edge,
    check_outline,
    check_prop,
    clearance,
    scalp,
    support,
    upper_back,
)
from widgets.validation import (
    check_choice,
    check_in_range,
    check_number,
    describe,
)

__all__ = [
    "DIRECTIONS",
    "HEAD_CHAIN",
    "PILLOW_MAX",
    "PROPPED",
    "SIZE_RANGE",
    "Tissue",
    "back_skin",
    "buttocks",
    "clearance",
    "neck_shares",
    "pillow_block",
    "rest_transform",
    "scalp",
    "settle_head",
    "support",
    "upper_back",
]


def _supine(name: str) -> float:
    return value("supine", name)


def _turn(points: np.ndarray, deg: float) -> np.ndarray:
    """``points`` turned counter-clockwise by ``deg`` about the origin (unchecked), mm."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    out: np.ndarray = points @ np.array([[c, s], [-s, c]])
    return out


#: Joints that carry the head onto the pillow: the neck (skull to C7-T1) and the top of the
#: upper back above the T4-T12 curve (T1-T2 to T3-T4), which curls up off the bed.
HEAD_CHAIN: tuple[str, ...] = JOINTS[: JOINTS.index("T3-T4") + 1]


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
    touch what it rests on (:func:`widgets.model.supine_tissue.clearance`: the bed, and with
    ``prop`` > 0 mm the pillow under :data:`PROPPED`, or up to x = ``edge``); with no prop,
    the edge of the lower convex hull of the two outlines that joins them becomes the bed.
    ``seat``, when given, is :func:`buttocks` of ``geom`` already computed.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` lying along the bed, ``tissue`` not a
        :class:`Tissue`, ``prop`` not a finite number from 0 to :data:`PILLOW_MAX` mm,
        ``edge`` neither None nor a finite number, or ``seat`` neither None nor an (n, 2)
        array of finite points.
    """
    check_body(geom, tissue)
    prop = check_prop(prop)
    edge = check_edge("edge", edge)
    a = buttocks(geom, tissue) if seat is None else check_outline("seat", seat)
    b = upper_back(geom, tissue)
    angle, up = _bridge(a, b)
    if prop <= 0.0:
        return angle, up

    def gap(deg: float) -> float:
        """Clearance of the upper back over its support when the buttocks touch the bed."""
        turned = _turn(b, deg)
        return clearance(turned, prop, edge) - float(_turn(a, deg)[:, 1].min())

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


#: Directions of a head bend :func:`neck_shares` spreads: the neck flexing or extending.
DIRECTIONS: tuple[str, ...] = ("extension", "flexion")


def neck_shares(variant: str = "rom", direction: str = "extension") -> dict[str, float]:
    """Share of a head bend in ``direction`` taken by each neck joint, summing to 1.

    ``"rom"``: in proportion to each joint's range in that direction (its extension or its
    flexion range, :func:`widgets.model.supine_ranges.joint_limits`), so that all of them
    reach their limit together; ``"even"``: the same at every joint; ``"upper"`` and
    ``"lower"``: that range doubled at the two top (skull-C1, C1-C2) or the three bottom
    joints (C5-C6 to C7-T1), for the uncertainty of the chin angle.

    Raises
    ------
    ValueError
        If ``variant`` is not one of the four or ``direction`` not one of
        :data:`DIRECTIONS`.
    """
    direction = check_choice("direction", direction, DIRECTIONS)
    side = 1 if direction == "extension" else 0
    limits = joint_limits()
    weights = {j: abs(limits[j][side]) for j in HEAD_CHAIN}
    if variant == "even":
        weights = dict.fromkeys(HEAD_CHAIN, 1.0)
    elif variant == "upper":
        weights.update({j: 2.0 * weights[j] for j in NECK[:2]})
    elif variant == "lower":
        weights.update({j: 2.0 * weights[j] for j in NECK[-3:]})
    elif variant != "rom":
        raise ValueError(f"unknown neck variant {variant!r}; valid: rom, even, upper, lower")
    total = sum(weights.values())
    return {j: w / total for j, w in weights.items()}


def _check_shares(shares: object, name: str = "shares") -> None:
    what = f"a mapping giving each of {', '.join(HEAD_CHAIN)} a share from 0 to 1"
    if not isinstance(shares, Mapping) or set(shares) != set(HEAD_CHAIN):
        raise ValueError(f"{name} must be {what} (see neck_shares), got {describe(shares)}")
    for j, share in shares.items():
        check_in_range(f"{name}[{j!r}]", share, 0.0, 1.0)
    if not any(share > 0.0 for share in shares.values()):
        raise ValueError(f"{name} must be {what}, one of them above 0; got all 0")


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
    flexion_shares: Mapping[str, float] | None = None,
) -> tuple[SpineGeometry, float]:
    """Bend the neck until the scalp rests on the pillow top (y = ``pillow``).

    ``shares`` gives each joint of :data:`HEAD_CHAIN` its share of an extending bend (0 to 1,
    as :func:`neck_shares`), ``flexion_shares`` its share of a flexing one (None: the same as
    ``shares``); ``start`` holds each neck joint's change from standing before the bend (deg;
    a joint left out has not changed). Returns the new geometry and the bend (deg, extension
    positive); if the pillow cannot be reached within the joint limits (flexion and
    extension separately, :func:`widgets.model.supine_ranges.joint_limits`), the bend stops
    at the first limit: the head stays below the pillow top (flexing) or above it
    (extending).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`, ``tissue`` not a :class:`Tissue`,
        ``pillow`` not a finite number from 0 to :data:`PILLOW_MAX` mm, ``shares`` not a
        share from 0 to 1 for each joint of :data:`HEAD_CHAIN` (one of them above 0), or
        ``start`` not a mapping of joints to finite angles (deg), or ``flexion_shares``
        neither None nor shares like ``shares``.
    """
    check_body(geom, tissue)
    pillow = check_in_range("pillow", pillow, 0.0, PILLOW_MAX, "mm")
    _check_shares(shares)
    _check_start(start)
    if flexion_shares is None:
        flexion_shares = shares
    _check_shares(flexion_shares, "flexion_shares")
    limits = joint_limits(geom.age_months)
    ext, flex = shares, flexion_shares
    high = max(min((limits[j][1] - start.get(j, 0.0)) / s for j, s in ext.items() if s > 0), 0.0)
    low = min(max((limits[j][0] - start.get(j, 0.0)) / s for j, s in flex.items() if s > 0), 0.0)
    centres = np.array([pivot(geom, j) for j in HEAD_CHAIN])
    share_ext = np.array([ext[j] for j in HEAD_CHAIN])
    share_flex = np.array([flex[j] for j in HEAD_CHAIN])
    skin = scalp(geom, tissue)

    def lowest(b: np.ndarray) -> np.ndarray:
        """Lowest scalp height above the pillow top for each bend in ``b`` (deg), mm.

        Turning about each joint's (unmoved) centre c_k by a_k, top down, is one turn by the
        sum plus a shift: sum over k of (R(B_k) - R(B_k + a_k)) c_k, B_k the turns after k.
        """
        b = np.asarray(b, dtype=float)
        share = np.where(b[..., None] < 0.0, share_flex, share_ext)
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
    used = flex if bend_deg < 0.0 else ext
    return bend_many(geom, {j: used[j] * bend_deg for j in HEAD_CHAIN}), bend_deg


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
    edge_x = check_edge("edge_x", edge_x)
    size = check_in_range("size", size, *SIZE_RANGE)
    length = _supine("pillow_length") * size
    x0 = contact_x - 0.6 * length
    x1 = x0 + length if edge_x is None else edge_x
    return np.array([[x0, 0.0], [x1, 0.0], [x1, pillow], [x0, pillow]])
