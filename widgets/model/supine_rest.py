"""The lying trunk at rest on the bed: laid down, pulled by the hips, settled at the low back.

Teaching model (the bed's frame: x along the bed, head at negative x, y up, mm). Assumptions:

- The standing spine (with the legs' change of lumbar lordosis, the lift and the breath of
  :func:`widgets.model.supine_params.pose_params`) is laid on the bed as one piece and rests on
  its buttocks and its upper back (:func:`widgets.model.supine_contact.rest_transform`).
- **The legs act on the pelvis.** Lying with straight legs, the thigh rests on the bed and
  slopes down from the hip to the knee, so the hip is extended beyond its standing angle
  (:func:`widgets.model.supine_legs.hip_extension`: about 9 deg for the adult mean laid
  down rigidly). Healthy adults can extend the hip passively by about 7 deg
  (``hip_extension_reserve``, Roach 2015); the rest pulls the pelvis forward (the hip
  flexors and the capsule at their limit), and with the pelvis and the upper back both on
  the bed the lumbar joints take it as extra lordosis, spread by their ranges
  (:func:`hip_pull`). Each degree of lumbar extension tilts the resting pelvis only about
  0.65 deg forward: the upper back's contact slides toward the head and takes the rest. The
  pull is capped where the lumbar joints would have no extension left for the full lift
  (their extension ranges, :func:`widgets.model.supine_ranges.joint_limits`; the adult
  mean: 9.1 deg); the hip then takes the rest beyond its reserve. The adult mean needs
  2.5 deg, below the cap: its pelvis then lies about 2 deg forward of standing (Pierrepont
  2017: 5.5 deg in hip-arthroplasty patients, whose stiffer hips have less reserve), and
  its lordosis about 2.5 deg deeper than standing, inside the median deviation of 3 deg in
  Andreasen 2007. Reserves of 0 to 14 deg and knee heights of 45 to 65 mm move the pelvis
  from 6.7 to 0.7 deg forward of standing (about 1.5 deg of lordosis per degree of tilt),
  so a pelvis at Pierrepont's mean would take about 7 deg more lordosis, beyond
  Andreasen's 3. (With the earlier adult-mean preset, which mixed cohorts and stood 97 mm
  forward, SVA, the rigidly laid-down hip extended about 15 deg and the lordosis deepened by
  about 9 deg, outside Andreasen's 3; see :mod:`widgets.model.balance`.) Knees bent, the
  hip is flexed and does not pull. The reserve is an adult's; for the child
  presets none was found and the hip does not pull.
- **The low back settles.** Where a round or flat low back would dip below the bed (the skin
  behind L1-L5 below the line of the buttocks and the upper back), the lumbar joints extend,
  in proportion to their ranges, just enough for it to touch at rest; the lift then adds to
  that shape. The extension is capped so that the full lift keeps every lumbar joint in range.
  Where the cap leaves the skin below the bed (the newborn with straight legs, about 1 mm),
  the tissue behind L1-L5 is pressed up by the bed (:mod:`widgets.model.supine`).
- With the pillow under the shoulders (``prop`` > 0 mm), a low back that rested on the bed
  without the prop sags back onto it (the lumbar joints flex, within their ranges). Where
  L5-S1 reaches its flexion limit first, the low back stays up, flagged in the pose's
  limits; no preset does so on the tested grid (tests/model/test_supine_contacts.py).
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np

from widgets.data import value
from widgets.model import measure
from widgets.model.growth import ADULT_MONTHS, preset_age
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.supine_contact import PILLOW_MAX, Tissue, back_skin, buttocks, rest_transform
from widgets.model.supine_joints import (
    JOINTS,
    UPPER_BACK,
    bend_many,
    joint_angles,
    move,
    standing_angles,
)
from widgets.model.supine_legs import HEADWARD, LEGS, hip_extension
from widgets.model.supine_params import (
    LIMITS,
    SupineParams,
    check_params,
    check_spine,
    pose_params,
    resting_pelvic_tilt,
    sized,
)
from widgets.model.supine_ranges import joint_limits, rom
from widgets.validation import check_choice, check_in_range, check_instance, check_number


def _supine(name: str) -> float:
    return value("supine", name)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


#: Thoracic joints inside the T4-T12 curve: lying down and breathing extend them.
THORACIC: tuple[str, ...] = JOINTS[JOINTS.index("T4-T5") : JOINTS.index("T11-T12") + 1]
#: Lumbar joints: the low back settles onto the bed through them.
LUMBAR: tuple[str, ...] = JOINTS[JOINTS.index("L1-L2") :]


def _spread(geom: SpineGeometry, joints: tuple[str, ...], deg: float) -> SpineGeometry:
    """Extend ``joints`` by ``deg`` in all, shared in proportion to their ranges of motion."""
    total = sum(rom(j) for j in joints)
    return bend_many(geom, {j: deg * rom(j) / total for j in joints})


@lru_cache(maxsize=512)
def _trunk(
    spine: str, legs: str, lift_deg: float, breath_deg: float, hip_deg: float = 0.0
) -> SpineGeometry:
    """The spine laid along the bed with the legs' change, the lift and the breath, mm.

    ``hip_deg`` extends the lumbar joints further: the hip's pull (:func:`_hip_pull`).
    """
    params = SupineParams(spine=spine, legs=legs, lift_range=LIMITS["lift_range"][1])
    shape = pose_params(params, lift_deg / params.lift_range, 0.0)
    geom = move(build_spine(shape, age_months=preset_age(spine)), 90.0, np.zeros(2))
    if hip_deg:
        geom = _spread(geom, LUMBAR, hip_deg)
    return _spread(geom, THORACIC, breath_deg)


def _lay(
    params: SupineParams,
    lift: float,
    breath_deg: float,
    settle: float,
    tissue: Tissue,
    junction: float = 0.0,
    prop: float = 0.0,
    edge: float | None = None,
    hip: float | None = None,
) -> SpineGeometry:
    """Lay the spine on the bed and rest it on the buttocks and the upper back.

    The lumbar curve is the standing one with the legs' change and the lift; the thoracic
    joints extend by ``breath_deg``; the lumbar joints by
    ``settle`` (the low back settling onto the bed); ``junction`` extends the upper back
    (T1-T2 to T12-L1) further, for :func:`upper_back_gap` only. All spread by range of motion.
    ``prop`` (mm) is the height of the pillow under the shoulders (0: the upper back on the bed),
    ``edge`` where it ends (see :func:`widgets.model.supine_contact.clearance`); ``hip`` the
    hip's pull (deg, default :func:`hip_pull`).
    """
    hip = _hip_pull(params.spine, params.legs, tissue) if hip is None else hip
    key = (params.spine, params.legs, lift * params.lift_range, breath_deg, hip)
    geom = _trunk(*key)
    if junction:
        geom = _spread(geom, UPPER_BACK, junction)
    geom = _spread(geom, LUMBAR, settle)
    angle, up = rest_transform(geom, tissue, prop, edge, _seat(*key, tissue))
    return move(geom, angle, np.array([0.0, up]))


@lru_cache(maxsize=512)
def _seat(
    spine: str, legs: str, lift_deg: float, breath_deg: float, hip: float, tissue: Tissue
) -> np.ndarray:
    """Buttocks of :func:`_trunk`'s pose, mm: bending the spine's joints never moves them."""
    return _frozen(buttocks(_trunk(spine, legs, lift_deg, breath_deg, hip), tissue))


def hip_pull(
    spine: str = "adult-mean", legs: str = "straight", tissue: Tissue | None = None
) -> float:
    """Lumbar extension (deg) by which the hips pull the resting pelvis forward.

    ``tissue`` defaults to the preset's :func:`widgets.model.supine_params.sized` tissue;
    see :func:`_hip_pull`.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset, ``legs`` not one of :data:`LEGS` or ``tissue`` neither
        None nor a :class:`Tissue`.
    """
    spine = check_spine(spine)
    legs = check_choice("legs", legs, LEGS)
    return _hip_pull(spine, legs, sized(Tissue(), spine) if tissue is None else _tissue(tissue))


@cache
def _hip_pull(spine: str, legs: str, tissue: Tissue) -> float:
    """Lumbar extension (deg) by which the hip's limit pulls the resting pelvis forward.

    0 with the knees bent, for a child preset, or when the laid-down spine leaves the hip
    within its reserve (``hip_extension_reserve``); else the smallest extension that brings
    the hip's extension beyond standing (:func:`widgets.model.supine_legs.hip_extension`)
    down to the reserve, at rest (lift 0, breath out, the shoulders on the bed), capped so
    that the full lift keeps every lumbar joint in range.
    """
    if legs != "straight" or preset_age(spine) < ADULT_MONTHS:
        return 0.0  # the reserve is an adult's; none was found for children
    params = SupineParams(spine=spine, legs=legs)
    reserve = _supine("hip_extension_reserve")

    def excess(e: float) -> float:
        geom = _lay(params, 0.0, 0.0, e, tissue, hip=0.0)
        return hip_extension(geom, spine) - reserve

    lo, f_lo = 0.0, excess(0.0)
    if f_lo <= 0.0:
        return 0.0
    hi = max(_settle_limit(spine, legs), 0.0)
    f_hi = excess(hi)
    if f_hi >= 0.0:
        return hi
    mid = lo
    for _ in range(40):  # Illinois regula falsi on the excess, deg
        mid = hi - f_hi * (hi - lo) / (f_hi - f_lo)
        f_mid = excess(mid)
        if abs(f_mid) < 1e-3:
            break
        if np.sign(f_mid) == np.sign(f_hi):
            hi, f_hi = mid, f_mid
            f_lo /= 2.0
        else:
            lo, f_lo = mid, f_mid
            f_hi /= 2.0
    return mid


def _low_back(geom: SpineGeometry, tissue: Tissue) -> float:
    """Lowest skin point behind L1 ... L5 above the bed, mm."""
    return float(back_skin(geom, tissue)["lumbar"][:, 1].min())


@cache
def _settle_limit(spine: str, legs: str) -> float:
    """Largest low-back settling (deg) that keeps every lumbar joint in range at full lift."""
    top = SupineParams(spine=spine, legs=legs, lift_range=LIMITS["lift_range"][1])
    change = joint_angles(build_spine(pose_params(top, 1.0, 0.0)))
    standing = standing_angles(spine)
    total = sum(rom(j) for j in LUMBAR)
    limits = joint_limits(preset_age(spine))
    return min((limits[j][1] - (change[j] - standing[j])) * total / rom(j) for j in LUMBAR)


@cache
def _flex_limit(spine: str, legs: str) -> float:
    """Largest lumbar flexion (deg, positive) that keeps every lumbar joint in range at rest."""
    change = joint_angles(build_spine(pose_params(SupineParams(spine=spine, legs=legs), 0, 0)))
    standing = standing_angles(spine)
    total = sum(rom(j) for j in LUMBAR)
    limits = joint_limits(preset_age(spine))
    return min((change[j] - standing[j] - limits[j][0]) * total / rom(j) for j in LUMBAR)


#: Height (mm) of the low back's skin above the bed below which it counts as touching.
TOUCH = 0.5


@cache
def _touches(spine: str, legs: str, tissue: Tissue) -> bool:
    """Whether the low back rests on the bed at rest (out, no lift) with the shoulders down."""
    params = SupineParams(spine=spine, legs=legs)
    settle = _settling(spine, legs, 0.0, tissue, 0.0)
    return _low_back(_lay(params, 0.0, 0.0, settle, tissue), tissue) < TOUCH


@cache
def _settling(
    spine: str,
    legs: str,
    breath_deg: float,
    tissue: Tissue,
    prop: float,
    edge: float | None = None,
) -> float:
    """Lumbar extension (deg) that brings a round or flat low back down onto the bed.

    0 when the skin behind L1 ... L5 already clears the bed; otherwise the smallest extension
    that makes it touch (at rest, lift 0), capped by the lumbar joints' ranges. When the
    pillow props the shoulders (``prop`` > 0 mm) and the low back settled without it, the
    raised low back (one that touched at rest without the prop) sags back onto the bed
    instead: a flexion (negative), capped likewise.
    """
    params = SupineParams(spine=spine, legs=legs)

    def height(e: float) -> float:
        return _low_back(_lay(params, 0.0, breath_deg, e, tissue, prop=prop, edge=edge), tissue)

    lo, f_lo = 0.0, height(0.0)
    if f_lo >= 0.0:
        if prop <= 0.0 or not _touches(spine, legs, tissue):
            return 0.0
        hi = -max(_flex_limit(spine, legs) + _hip_pull(spine, legs, tissue), 0.0)
        f_hi = height(hi)
        if f_hi >= 0.0:
            return hi
    else:
        hi = max(_settle_limit(spine, legs) - _hip_pull(spine, legs, tissue), 0.0)
        f_hi = height(hi)
        if f_hi <= 0.0:
            return hi
    mid = lo
    tolerance = 0.1 if hi < 0.0 else 0.02  # mm; sagging under a prop: within a fifth of TOUCH
    for _ in range(40):  # Illinois regula falsi on the low-back height, mm
        mid = hi - f_hi * (hi - lo) / (f_hi - f_lo)
        f_mid = height(mid)
        if abs(f_mid) < tolerance:
            break
        if np.sign(f_mid) == np.sign(f_hi):
            hi, f_hi = mid, f_mid
            f_lo /= 2.0
        else:
            lo, f_lo = mid, f_mid
            f_hi /= 2.0
    return mid


def upper_back_gap(spine: str = "adult-mean", legs: str = "straight") -> float:
    """Extension of the upper back (deg) that would give the resting pelvis its target tilt.

    A diagnostic of the known gap (see the module docstring): 0 would mean the laid-down
    spine already reproduces the measured pelvis.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset or ``legs`` not one of :data:`LEGS`.
    """
    check_spine(spine)
    check_choice("legs", legs, LEGS)
    return _junction(spine, legs, sized(Tissue(), spine))


@cache
def _junction(spine: str, legs: str, tissue: Tissue) -> float:
    """Upper-back extension (deg) that gives the resting pelvis its target tilt (bisection)."""
    target = resting_pelvic_tilt(spine, legs)
    params = SupineParams(spine=spine, legs=legs)
    settle = _settling(spine, legs, 0.0, tissue, 0.0)

    def error(j: float) -> float:
        geom = _lay(params, 0.0, 0.0, settle, tissue, junction=j)
        return measure.pelvic_tilt(geom, HEADWARD) - target

    lo, hi = -90.0, 90.0
    f_lo = error(lo)
    for _ in range(40):
        mid = (lo + hi) / 2.0
        f_mid = error(mid)
        if np.sign(f_mid) == np.sign(f_lo):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def trunk_on_bed(
    params: SupineParams,
    lift: float = 0.0,
    breath: float = 0.0,
    tissue: Tissue | None = None,
    prop: float = 0.0,
    edge: float | None = None,
) -> SpineGeometry:
    """The trunk at rest on the bed for a lift and a breath fraction (head not yet settled), mm.

    The hips' pull and the low back's settling are applied, then the trunk rests on its
    buttocks and upper back (on a pillow ``prop`` mm high under the shoulders when given,
    ending at x = ``edge`` mm; see :func:`widgets.model.supine_contact.clearance`).
    ``tissue`` defaults to the preset's :func:`widgets.model.supine_params.sized` tissue.

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams`, a fraction not a number in [0, 1],
        ``tissue`` neither None nor a :class:`Tissue`, ``prop`` not from 0 to the largest
        pillow or ``edge`` neither None nor a finite number.
    """
    params = check_params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    tissue = sized(Tissue(), params.spine) if tissue is None else _tissue(tissue)
    prop = check_in_range("prop", prop, 0.0, PILLOW_MAX, "mm")
    edge = None if edge is None else check_number("edge", edge, "mm")
    breath_deg = breath * params.breath_depth
    settle = _settling(params.spine, params.legs, breath_deg, tissue, prop, edge)
    return _lay(params, lift, breath_deg, settle, tissue, prop=prop, edge=edge)


def _tissue(tissue: object) -> Tissue:
    return check_instance("tissue", tissue, Tissue, "Tissue (widgets.model.supine_contact)")
