"""The head settles on the pillow, and a pillow out of the neck's reach props the shoulders.

Teaching model (the bed's frame: x along the bed, head at negative x, y up, mm). Assumptions:

- The trunk rests on the bed (:func:`widgets.model.supine_rest.trunk_on_bed`), the back of the
  head on the pillow top: the neck and the top of the upper back (skull-C1 to T3-T4) spread
  the head's bend over their joints in given shares (by default in proportion to their
  ranges of motion in the bend's direction, :func:`widgets.model.supine_contact.neck_shares`);
  then the trunk is rested again (the bend at T1-T3 can lift the top of the upper back off
  the bed), and the head settled again, until both hold. Every joint stays within its range
  of motion; a neck at its extension limit leaves the head above the pillow top (or the bed).
- **A pillow the neck cannot reach props the shoulders.** With a high pillow the neck can run
  out of reach: at full flexion the back of the skull rises no further, and a deep breath or
  the lift lowers the neck's base. A person lying like that slides the pillow under their
  shoulders. So when, at any corner of the lift and breath settings (0 or 1 of each), the
  head would stay more than :data:`REACH_TOLERANCE` below the pillow top, the pillow reaches
  under the upper back for every pose of those settings: its end toward the feet is under the
  skin behind T4 at rest and stays there while the body breathes and lifts. The upper back
  rests on the pillow top or its corner, the buttocks on the bed, and the neck settles the
  head onto the pillow from there; the trunk tilts up toward the head, which tilts the pelvis
  forward and lifts the waist. The switch is abrupt (a real pillow's soft edge would make it
  gradual).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from widgets.model.spine import SpineGeometry
from widgets.model.supine_contact import (
    HEAD_CHAIN,
    PILLOW_MAX,
    PROPPED,
    Tissue,
    back_skin,
    neck_shares,
    rest_transform,
    scalp,
    settle_head,
)
from widgets.model.supine_joints import joint_angles, move, standing_angles
from widgets.model.supine_params import SupineParams, check_params, pillow_height, sized
from widgets.model.supine_rest import trunk_on_bed
from widgets.validation import check_choice, check_in_range, check_instance, check_number

#: The neck shares a pose can be settled with (see :func:`neck_shares`).
NECK_VARIANTS: tuple[str, ...] = ("rom", "even", "upper", "lower")


#: Largest shortfall (mm) of the head below the pillow top that still counts as resting on it.
REACH_TOLERANCE = 0.25
#: Corners of the lift and breath fractions, checked for the head's reach (worst first).
_CORNERS: tuple[tuple[float, float], ...] = ((1.0, 1.0), (0.0, 1.0), (1.0, 0.0), (0.0, 0.0))


@lru_cache(maxsize=1024)
def _settled(
    params: SupineParams,
    lift: float,
    breath: float,
    tissue: Tissue,
    neck: str,
    prop: float,
    edge: float | None,
) -> SpineGeometry:
    """The settled pose's geometry, mm.

    The trunk rests on the bed (and on a pillow ``prop`` mm high under the shoulders), the
    head on the pillow top; then the trunk rests again, and so on until both hold.
    """
    geom = trunk_on_bed(params, lift, breath, tissue, prop, edge)
    standing = standing_angles(params.spine)
    shares, flexing = neck_shares(neck, "extension"), neck_shares(neck, "flexion")
    for _ in range(4):
        before = joint_angles(geom)
        start = {j: before[j] - standing[j] for j in HEAD_CHAIN}
        geom, _bend = settle_head(geom, tissue, pillow_height(params), shares, start, flexing)
        # the head's bend at T1-T3 can lift the top of the upper back off what it rested on
        angle, up = rest_transform(geom, tissue, prop, edge)
        if abs(angle) < 1e-4 and abs(up) < 0.01:
            break
        geom = move(geom, angle, np.array([0.0, up]))
    return geom


def _head_gap(geom: SpineGeometry, tissue: Tissue, pillow: float) -> float:
    return float(scalp(geom, tissue)[:, 1].min()) - pillow


@lru_cache(maxsize=256)
def _prop(params: SupineParams, tissue: Tissue, neck: str) -> float:
    """Height (mm) of the pillow under the shoulders: 0, or the pillow's when out of reach.

    The pillow props the upper back when, at any corner of the lift and breath fractions,
    the neck cannot bring the head up to the pillow top within its joint ranges.
    """
    if pillow_height(params) <= 0.0:
        return 0.0
    for lift, breath in _CORNERS:
        geom = _settled(params, lift, breath, tissue, neck, 0.0, None)
        if _head_gap(geom, tissue, pillow_height(params)) < -REACH_TOLERANCE:
            return pillow_height(params)
    return 0.0


@lru_cache(maxsize=256)
def _edge(params: SupineParams, tissue: Tissue, neck: str) -> float | None:
    """Where the pillow under the shoulders ends toward the feet (x, mm), or None.

    Under the skin behind the lowest of :data:`PROPPED` in the resting pose; the pillow
    stays there while the body breathes and lifts.
    """
    prop = _prop(params, tissue, neck)
    if prop <= 0.0:
        return None
    rest = _settled(params, 0.0, 0.0, tissue, neck, prop, None)
    return float(back_skin(rest, tissue)["thoracic"][len(PROPPED) - 1, 0])


def settled(
    params: SupineParams,
    lift: float = 0.0,
    breath: float = 0.0,
    tissue: Tissue | None = None,
    neck: str = "rom",
    prop: float | None = None,
    edge: float | None = None,
) -> tuple[SpineGeometry, float, float | None]:
    """The settled pose: geometry (mm), the pillow's height under the shoulders and its end.

    Returns the trunk on the bed with the head settled on the pillow, ``prop`` (mm: 0, or the
    pillow's height when it props the shoulders) and ``edge`` (x of the pillow's end toward
    the feet, mm, or None). ``tissue`` defaults to the preset's
    :func:`widgets.model.supine_params.sized` tissue; ``neck`` is one of
    :data:`NECK_VARIANTS`. ``prop`` and ``edge``, when ``prop`` is given, place the pillow
    instead of the model's choice (0 mm: under the head only; a head the neck cannot bring
    up to the pillow top then stays below it, a joint at its limit).

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams`, a fraction not a number in [0, 1],
        ``tissue`` neither None nor a :class:`Tissue`, ``neck`` not a variant, ``prop``
        neither None nor from 0 to the largest pillow, or ``edge`` neither None nor a finite
        number.
    """
    params = check_params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    if tissue is None:
        tissue = sized(Tissue(), params.spine)
    tissue = check_instance("tissue", tissue, Tissue, "Tissue (widgets.model.supine_contact)")
    neck = check_choice("neck", neck, NECK_VARIANTS)
    if prop is None:
        if edge is not None:
            raise ValueError(f"edge = {edge!r} mm needs prop (the pillow's height) too; got None")
        prop, edge = _prop(params, tissue, neck), _edge(params, tissue, neck)
    else:
        prop = check_in_range("prop", prop, 0.0, PILLOW_MAX, "mm")
        edge = None if edge is None or prop <= 0.0 else check_number("edge", edge, "mm")
    return _settled(params, lift, breath, tissue, neck, prop, edge), prop, edge
