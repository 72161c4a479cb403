"""A person lying on their back on a flat bed: waist lift and breathing move the whole chain.

Teaching model. Assumptions (also stated in lesson 02):

- The spine is the to-scale geometry of :mod:`widgets.model.spine` (default: the adult mean),
  at the preset's own size (:mod:`widgets.model.growth`: a newborn's spine is 0.31 of the
  adult's). The legs, the trunk's depth and the soft tissue (``*_thickness`` rows, an adult's)
  scale with the spine, the scalp and the pillow's length with the head (:func:`sized`); the
  pillow setting is an adult's pillow, scaled with the spine for a child
  (:func:`pillow_height`), as the neck's reach is.
- **The legs act on the pelvis.** *Pelvic tilt lying down* is the angle between the bed's
  headward direction (the standing vertical, laid down) and the line from the hip axis to
  the middle of the S1 endplate, positive when the hip axis lies above that point (the
  pelvis rolled back, as standing pelvic tilt is positive when rolled back). At rest:
  legs straight, the pelvis lies 5.5 deg further forward than standing (Pierrepont 2017,
  1517 people) and the lumbar lordosis stays as standing (Andreasen 2007, median deviation
  3 deg); knees bent, the lordosis is an illustrative 13 deg flatter (asj2019) and the pelvis
  rolls back by the same 13 deg from its legs-straight position (illustrative).
- **Known gap.** The standing spine is laid down on its buttocks and upper back (T1-T12),
  and the pelvic tilt lying down is what that contact gives: 4-10 deg further back than the
  measured target for the adult presets (adult-mean, legs straight: 18 deg against 8). It
  cannot be closed with plausible tissue: the tilt moves about 0.15 deg per mm of back
  tissue (about 130 mm would be needed against 45-75 mm) and about 0.15 deg per mm of sacral
  tissue the other way (it would have to be negative); a 9 deg flatter thoracic curve lying
  down (Brink 2017, supine MRI in scoliosis) moves it by less than 1 deg, because the bed
  touches the thoracic apex. :func:`upper_back_gap` gives the upper-back extension that would.
- **The low back settles.** Where a round or flat low back would dip below the bed (the skin
  behind L1-L5 below the line of the buttocks and the upper back), the lumbar joints extend,
  in proportion to their ranges, just enough for it to touch at rest; the lift then adds to
  that shape. The extension is capped so that the full lift keeps every lumbar joint in range.
  Where the cap leaves the skin below the bed (the newborn with straight legs, about 1 mm),
  the tissue behind L1-L5 is pressed up by the bed, by at most
  ``low_back_tissue_compression`` (a tenth) of its thickness.
- **Waist lift** adds lumbar lordosis: ``lift * lift_range`` deg, spread over the lumbar discs
  as in the standing spine. No supine range is published; the default is a little less than
  the 10.8 deg increase measured at maximal forward pelvic tilt standing (Levine & Whittle
  1996).
- **Breathing** extends the thoracic spine: kyphosis falls by ``breath * breath_depth`` deg,
  up to the 16 deg measured between maximal inspiration and exhalation (Burgos 2021), shared
  over T4-T5 to T11-T12 in proportion to their ranges (more in the lower half, as Burgos
  found).
- The body rests on soft tissue (:mod:`widgets.model.supine_contact`): the buttocks and the
  upper back touch the bed, the back of the head touches the pillow; the neck and the top of
  the upper back (skull-C1 to T3-T4) spread the head's bend over their joints in proportion
  to their ranges of motion; then the trunk is rested again (the bend at T1-T3 can lift the top
  of the upper back off the bed), and the head settled again, until both hold. Every joint
  stays within its range of motion of standing (:mod:`widgets.model.supine_joints`); the pose
  lists the joints at a limit.
- **A pillow the neck cannot reach props the shoulders.** With a high pillow (110 mm or more)
  the neck can run out of reach: at full flexion the back of the skull rises no further, and
  a deep breath or the lift lowers the neck's base. A person lying like that slides the pillow
  under their shoulders. So when, at any corner of the lift and breath settings (0 or 1 of
  each), the head would stay more than ``REACH_TOLERANCE`` below the pillow top, the pillow
  reaches under the upper back for every pose of those settings: its end toward the feet is
  under the skin behind T4 at rest and stays there (x, mm) while the body breathes and lifts.
  The upper back rests on the pillow top (its full height) or on its corner, the rest of the
  upper back and the buttocks on the bed, and the neck settles the head onto the pillow from
  there. The trunk then tilts up
  toward the head (12-14 deg for the adult mean on 150 mm), which tilts the pelvis forward and
  lifts the waist with it; a round or flat low back that rested on the bed at rest without
  the prop sags back onto it at every breath (the lumbar joints flex, within their ranges).
  :attr:`SupinePose.prop` says when the pillow props the shoulders. The switch is abrupt (a
  real pillow's soft edge would make it gradual).
- The chin angle lying down has never been measured per breath or lift: :func:`chin_range`
  gives the model's value with its spread over other neck shares and tissue thicknesses.
- The frame is the bed's: x along the bed (the head at negative x), y up from the mattress, mm.

Defaults and limits of the settings are the ``*_default`` and ``*_max`` rows of
``widgets/data/supine.csv`` (each with its source); :data:`DEFAULTS` and :data:`LIMITS` read
them, and the animator's traits read these two.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from types import MappingProxyType

import numpy as np

from widgets.data import lookup, value
from widgets.model import measure
from widgets.model.growth import head_scale, preset_age, spine_scale
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.model.supine_contact import (
    HEAD_CHAIN,
    PROPPED,
    Tissue,
    back_skin,
    buttocks,
    clearance,
    neck_shares,
    pillow_block,
    rest_transform,
    scalp,
    settle_head,
    upper_back,
)
from widgets.model.supine_joints import (
    JOINTS,
    LIMIT_TOLERANCE,
    UPPER_BACK,
    bend_many,
    joint_angles,
    joint_limits,
    rom,
    rotate,
)
from widgets.validation import check_choice, check_in_range, check_instance, check_int_in_range

LEGS: tuple[str, ...] = ("bent", "straight")
#: Unit vector along the bed toward the head: the "up" of the standing spine when lying.
HEADWARD = np.array([-1.0, 0.0])
READOUTS: tuple[str, ...] = ("pelvic_tilt", "waist_height", "lumbar_lordosis", "head_pitch")


def _supine(name: str) -> float:
    return value("supine", name)


#: The settings of :class:`SupineParams` that are numbers, in order.
SETTINGS: tuple[str, ...] = ("lift_range", "breath_depth", "pillow")
#: Default of each numeric setting: the ``<name>_default`` row of ``supine.csv``.
DEFAULTS: dict[str, float] = {name: _supine(f"{name}_default") for name in SETTINGS}
#: Allowed range of each numeric setting: 0 (no lift, no breath movement, no pillow; none can
#: be negative) to the ``<name>_max`` row of ``supine.csv``.
LIMITS: dict[str, tuple[float, float]] = {name: (0.0, _supine(f"{name}_max")) for name in SETTINGS}
#: Unit of each numeric setting, from ``supine.csv``.
UNITS: dict[str, str] = {name: lookup("supine", f"{name}_max").unit for name in SETTINGS}


def _check_spine(spine: object) -> str:
    """``spine`` if it names a preset, else a ValueError naming ``spine`` and the presets."""
    if not isinstance(spine, str) or spine not in PRESETS:
        raise ValueError(f"spine = {spine!r} is not a preset; valid presets: {', '.join(PRESETS)}")
    return spine


@dataclass(frozen=True)
class SupineParams:
    """Settings of the lying model.

    Parameters
    ----------
    spine : str
        Preset of the standing spine (see :data:`widgets.model.spine_params.PRESETS`).
    legs : str
        ``"bent"`` (knees up, feet on the bed) or ``"straight"``.
    lift_range : float
        Extra lumbar lordosis at the top of the waist lift, deg, in ``LIMITS["lift_range"]``.
    breath_depth : float
        Thoracic extension at the top of the breath, deg, in ``LIMITS["breath_depth"]`` (quiet
        breathing is small).
    pillow : float
        Height of the pillow under the head, mm, in ``LIMITS["pillow"]`` (0 = the head rests
        on the bed): an adult's; a child's is scaled to its size (:func:`pillow_height`).

    Defaults: :data:`DEFAULTS` (the ``*_default`` rows of ``supine.csv``), adult-mean spine,
    knees bent.

    Raises
    ------
    ValueError
        If a value is unknown, not finite or out of range; the message names it and the range.
    """

    spine: str = "adult-mean"
    legs: str = "bent"
    lift_range: float = DEFAULTS["lift_range"]
    breath_depth: float = DEFAULTS["breath_depth"]
    pillow: float = DEFAULTS["pillow"]

    def __post_init__(self) -> None:
        _check_spine(self.spine)
        check_choice("legs", self.legs, LEGS)
        for name in SETTINGS:
            low, high = LIMITS[name]
            checked = check_in_range(name, getattr(self, name), low, high, UNITS[name])
            object.__setattr__(self, name, checked)


@dataclass(frozen=True, eq=False)
class SupinePose:
    """One pose of the lying model, in the bed frame (mm).

    Attributes
    ----------
    geometry : SpineGeometry
        The to-scale spine, pelvis and skull, moved onto the bed.
    back_surface : ndarray, shape (19, 2)
        Skin of the back from the buttocks' lowest point, behind L5 ... L1, T12 ... T1 and C7,
        mm (index 3 is the waist, behind L3).
    front_surface : ndarray, shape (m, 2)
        Skin points of the chest and belly from C7 to the pubis, mm.
    legs : ndarray, shape (3, 2)
        Hip, knee and ankle joint centres, mm.
    tissue : mapping of str to ndarray
        Closed soft-tissue outlines, mm: ``buttocks``, ``upper back`` and ``scalp``.
    pillow : ndarray, shape (4, 2)
        Corners of the pillow block, mm (flat on the bed when the pillow height is 0).
    readouts : mapping of str to float
        ``pelvic_tilt`` (deg, lying down: see the module docstring; positive = rolled back),
        ``waist_height`` (mm, skin behind L3 above the bed), ``lumbar_lordosis`` (deg,
        L1-S1), ``head_pitch`` (deg, Frankfort line above the bed's headward direction
        turned up; chin up positive).
    contacts : mapping of str to float
        Lowest height (mm) of the buttocks above the bed, of the upper back above what it
        rests on (the bed, and the pillow when it props the shoulders) and of the scalp above
        the pillow top (0 = touching), and of the low-back skin above the bed (its tissue
        compressed within ``low_back_tissue_compression``; > 0 where the low back is hollow).
        What each outline rests on: :attr:`rests_on`.
    joints : mapping of str to float
        Change of every joint from its standing angle, deg (extension positive).
    limits : tuple of str
        Joints at (or beyond) their limit (:func:`widgets.model.supine_joints.joint_limits`).
    prop : float
        Height of the pillow under the shoulders (under the skin behind T1-T4), mm: 0 when
        the upper back rests on the bed, the pillow's height when the pillow props it.
    """

    geometry: SpineGeometry
    back_surface: np.ndarray
    front_surface: np.ndarray
    legs: np.ndarray
    tissue: MappingProxyType[str, np.ndarray]
    pillow: np.ndarray
    readouts: MappingProxyType[str, float]
    contacts: MappingProxyType[str, float]
    joints: MappingProxyType[str, float]
    limits: tuple[str, ...]
    prop: float = 0.0

    @property
    def rests_on(self) -> MappingProxyType[str, str]:
        """What each soft-tissue outline rests on, ``"bed"`` or ``"pillow"``, by name.

        The buttocks rest on the bed and the scalp on the pillow (on its flat outline on the
        bed when the pillow height is 0); the upper back on the bed, or on the pillow when it
        props the shoulders (:attr:`prop` > 0 mm).
        """
        back = "pillow" if self.prop > 0.0 else "bed"
        return MappingProxyType({"buttocks": "bed", "upper back": back, "scalp": "pillow"})


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


def _move(geom: SpineGeometry, deg: float, shift: np.ndarray) -> SpineGeometry:
    """Rotate ``geom`` by ``deg`` (counter-clockwise) about the origin, then shift it (mm)."""
    names = list(geom.landmarks)
    parts = [
        geom.body_corners,
        geom.disc_corners,
        geom.s1_endplate,
        geom.hip_axis,
        geom.sacrum,
        geom.pelvis,
        geom.femoral_head + geom.hip_axis,
        geom.skull,
        np.array([geom.landmarks[k] for k in names]),
    ]
    flat = np.concatenate([np.reshape(p, (-1, 2)) for p in parts])
    moved = rotate(flat, np.zeros(2), deg) + shift
    out, start = [], 0
    for p in parts:
        size = int(np.prod(np.shape(p)[:-1]))
        out.append(_frozen(moved[start : start + size].reshape(np.shape(p))))
        start += size
    bodies, discs, s1, hip, sacrum, pelvis, head, skull, marks = out
    return replace(
        geom,
        body_corners=bodies,
        disc_corners=discs,
        s1_endplate=s1,
        hip_axis=hip,
        sacrum=sacrum,
        pelvis=pelvis,
        femoral_head=_frozen(head - hip),
        skull=skull,
        landmarks=MappingProxyType({k: m for k, m in zip(names, marks, strict=True)}),
    )


def _unit(v: np.ndarray) -> np.ndarray:
    unit: np.ndarray = v / np.linalg.norm(v, axis=-1, keepdims=True)
    return unit


def _front_points(geom: SpineGeometry, breath: float) -> np.ndarray:
    c = geom.body_corners
    anterior_mid = (c[:, 0] + c[:, 3]) / 2.0
    forward = _unit(_unit(c[:, 0] - c[:, 1]) + _unit(c[:, 3] - c[:, 2]))
    regions = np.array(geom.regions)
    size = geom.scale
    rise = _supine("chest_rise") * size * breath
    chest = anterior_mid + (_supine("chest_depth") * size + rise) * forward
    belly = anterior_mid + (_supine("belly_depth") * size + rise) * forward
    trunk = np.where((regions == "thoracic")[:, None], chest, belly)
    front: np.ndarray = trunk[regions != "cervical"]
    return front


def _legs(geom: SpineGeometry, legs: str) -> np.ndarray:
    hip = geom.hip_axis
    size = geom.scale
    thigh, shank = _supine("thigh_length") * size, _supine("shank_length") * size
    ankle_y = _supine("ankle_height") * size
    if legs == "straight":
        knee = hip + np.array([thigh, ankle_y - hip[1]]) * np.array([1.0, 0.5])
        knee[0] = hip[0] + math.sqrt(max(thigh**2 - (knee[1] - hip[1]) ** 2, 0.0))
        ankle = knee + np.array([math.sqrt(max(shank**2 - (ankle_y - knee[1]) ** 2, 0.0)), 0.0])
        ankle[1] = ankle_y
        return np.array([hip, knee, ankle])
    a = math.radians(_supine("knee_bent_thigh_angle"))
    knee = hip + thigh * np.array([math.cos(a), math.sin(a)])
    drop = knee[1] - ankle_y
    ankle = knee + np.array([math.sqrt(max(shank**2 - drop**2, 0.0)), -drop])
    return np.array([hip, knee, ankle])


def _params(params: object) -> SupineParams:
    return check_instance("params", params, SupineParams, "SupineParams (widgets.model.supine)")


def pillow_height(params: SupineParams) -> float:
    """Height of the pillow under the head, mm: ``params.pillow`` scaled to the preset's size.

    The pillow setting is an adult's; a child lies on one scaled like its spine
    (:func:`widgets.model.growth.spine_scale` at the preset's age: a newborn's 150 mm pillow
    is about 46 mm), as its neck's reach is.

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams`.
    """
    params = _params(params)
    return params.pillow * spine_scale(preset_age(params.spine))


def pose_params(params: SupineParams, lift: float, breath: float) -> SpineParams:
    """Regional angles of the spine for a lift fraction and a breath fraction (each 0 to 1).

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams` or a fraction is not a number in [0, 1].
    """
    params = _params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    base = preset(params.spine)
    legs_change = _supine(
        "knees_bent_lordosis_change" if params.legs == "bent" else "legs_straight_lordosis_change"
    )
    return replace(
        base,
        lumbar_lordosis=base.lumbar_lordosis + legs_change + lift * params.lift_range,
        thoracic_kyphosis=base.thoracic_kyphosis - breath * params.breath_depth,
    )


def resting_pelvic_tilt(spine: str, legs: str) -> float:
    """Target pelvic tilt lying down at rest, deg: standing tilt plus the legs' change.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset or ``legs`` not one of :data:`LEGS`.
    """
    base = preset(_check_spine(spine)).pelvic_tilt
    key = "knees_bent" if check_choice("legs", legs, LEGS) == "bent" else "legs_straight"
    return base + _supine(f"{key}_pelvic_tilt_change")


#: Thoracic joints inside the T4-T12 curve: lying down and breathing extend them.
THORACIC: tuple[str, ...] = JOINTS[JOINTS.index("T4-T5") : JOINTS.index("T11-T12") + 1]
#: Lumbar joints: the low back settles onto the bed through them.
LUMBAR: tuple[str, ...] = JOINTS[JOINTS.index("L1-L2") :]


def _spread(geom: SpineGeometry, joints: tuple[str, ...], deg: float) -> SpineGeometry:
    """Extend ``joints`` by ``deg`` in all, shared in proportion to their ranges of motion."""
    total = sum(rom(j) for j in joints)
    return bend_many(geom, {j: deg * rom(j) / total for j in joints})


@lru_cache(maxsize=512)
def _trunk(spine: str, legs: str, lift_deg: float, breath_deg: float) -> SpineGeometry:
    """The spine laid along the bed with the legs' change, the lift and the breath, mm."""
    params = SupineParams(spine=spine, legs=legs, lift_range=LIMITS["lift_range"][1])
    shape = pose_params(params, lift_deg / params.lift_range, 0.0)
    geom = _move(build_spine(shape, age_months=preset_age(spine)), 90.0, np.zeros(2))
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
) -> SpineGeometry:
    """Lay the spine on the bed and rest it on the buttocks and the upper back.

    The lumbar curve is the standing one with the legs' change and the lift; the thoracic
    joints extend by ``breath_deg``; the lumbar joints by
    ``settle`` (the low back settling onto the bed); ``junction`` extends the upper back
    (T1-T2 to T12-L1) further, for :func:`upper_back_gap` only. All spread by range of motion.
    ``prop`` (mm) is the height of the pillow under the shoulders (0: the upper back on the bed),
    ``edge`` where it ends (see :func:`widgets.model.supine_contact.clearance`).
    """
    key = (params.spine, params.legs, lift * params.lift_range, breath_deg)
    geom = _trunk(*key)
    if junction:
        geom = _spread(geom, UPPER_BACK, junction)
    geom = _spread(geom, LUMBAR, settle)
    angle, up = rest_transform(geom, tissue, prop, edge, _seat(*key, tissue))
    return _move(geom, angle, np.array([0.0, up]))


@lru_cache(maxsize=512)
def _seat(spine: str, legs: str, lift_deg: float, breath_deg: float, tissue: Tissue) -> np.ndarray:
    """Buttocks of :func:`_trunk`'s pose, mm: bending the spine's joints never moves them."""
    return _frozen(buttocks(_trunk(spine, legs, lift_deg, breath_deg), tissue))


def _low_back(geom: SpineGeometry, tissue: Tissue) -> float:
    """Lowest skin point behind L1 ... L5 above the bed, mm."""
    return float(back_skin(geom, tissue)["lumbar"][:, 1].min())


@cache
def _settle_limit(spine: str, legs: str) -> float:
    """Largest low-back settling (deg) that keeps every lumbar joint in range at full lift."""
    top = SupineParams(spine=spine, legs=legs, lift_range=LIMITS["lift_range"][1])
    change = joint_angles(build_spine(pose_params(top, 1.0, 0.0)))
    standing = _standing_joints(spine)
    total = sum(rom(j) for j in LUMBAR)
    limits = joint_limits()
    return min((limits[j] - (change[j] - standing[j])) * total / rom(j) for j in LUMBAR)


@cache
def _flex_limit(spine: str, legs: str) -> float:
    """Largest lumbar flexion (deg, positive) that keeps every lumbar joint in range at rest."""
    change = joint_angles(build_spine(pose_params(SupineParams(spine=spine, legs=legs), 0, 0)))
    standing = _standing_joints(spine)
    total = sum(rom(j) for j in LUMBAR)
    limits = joint_limits()
    return min((limits[j] + (change[j] - standing[j])) * total / rom(j) for j in LUMBAR)


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
        hi = -max(_flex_limit(spine, legs), 0.0)
        f_hi = height(hi)
        if f_hi >= 0.0:
            return hi
    else:
        hi = max(_settle_limit(spine, legs), 0.0)
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


def upper_back_gap(spine: str, legs: str) -> float:
    """Extension of the upper back (deg) that would give the resting pelvis its target tilt.

    A diagnostic of the known gap (see the module docstring): 0 would mean the laid-down
    spine already reproduces the measured pelvis.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset or ``legs`` not one of :data:`LEGS`.
    """
    _check_spine(spine)
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


@cache
def _standing_joints(spine: str) -> MappingProxyType[str, float]:
    return MappingProxyType(joint_angles(build_spine(spine)))


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
    breath_deg = breath * params.breath_depth
    settle = _settling(params.spine, params.legs, breath_deg, tissue, prop, edge)
    geom = _lay(params, lift, breath_deg, settle, tissue, prop=prop, edge=edge)
    standing = _standing_joints(params.spine)
    shares = neck_shares(neck)
    for _ in range(4):
        before = joint_angles(geom)
        start = {j: before[j] - standing[j] for j in HEAD_CHAIN}
        geom, _bend = settle_head(geom, tissue, pillow_height(params), shares, start)
        # the head's bend at T1-T3 can lift the top of the upper back off what it rested on
        angle, up = rest_transform(geom, tissue, prop, edge)
        if abs(angle) < 1e-4 and abs(up) < 0.01:
            break
        geom = _move(geom, angle, np.array([0.0, up]))
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


def _compressed(skin: dict[str, np.ndarray], tissue: Tissue) -> dict[str, np.ndarray]:
    """The back's skin with the tissue behind L1-L5 pressed up by the bed, mm.

    Where the skin behind the lumbar bodies would lie below the bed, the tissue there is
    compressed by up to ``low_back_tissue_compression`` of its thickness (a ``supine.csv``
    row); a dip deeper than that stays below the bed by the rest.
    """
    bound = _supine("low_back_tissue_compression") * tissue.back
    lumbar = np.array(skin["lumbar"])
    y = lumbar[:, 1]
    lumbar[:, 1] = np.where(y < 0.0, np.minimum(0.0, y + bound), y)
    return {**skin, "lumbar": lumbar}


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


def _pose(
    params: SupineParams, lift: float, breath: float, tissue: Tissue, neck: str
) -> SupinePose:
    prop = _prop(params, tissue, neck)
    edge = _edge(params, tissue, neck)
    geom = _settled(params, lift, breath, tissue, neck, prop, edge)
    standing = _standing_joints(params.spine)
    after = joint_angles(geom)
    joints = {j: after[j] - standing[j] for j in JOINTS}
    limits = joint_limits()
    at_limit = tuple(j for j in JOINTS if abs(joints[j]) >= limits[j] - LIMIT_TOLERANCE)
    skin = _compressed(back_skin(geom, tissue), tissue)
    seat = buttocks(geom, tissue)
    outlines = {
        "buttocks": seat,
        "upper back": upper_back(geom, tissue),
        "scalp": scalp(geom, tissue),
    }
    low = seat[np.argmin(seat[:, 1])]
    back_line = np.vstack(
        [low[None, :], skin["lumbar"][::-1], skin["thoracic"][::-1], skin["cervical"][-1:]]
    )
    head = outlines["scalp"]
    contact_x = float(head[np.argmin(head[:, 1]), 0])
    readouts = {
        "pelvic_tilt": measure.pelvic_tilt(geom, HEADWARD),
        "waist_height": float(skin["lumbar"][2, 1]),
        "lumbar_lordosis": measure.lumbar_lordosis(geom),
        "head_pitch": measure.head_pitch(geom, HEADWARD),
    }
    contacts = {
        "buttocks": float(seat[:, 1].min()),
        "upper back": clearance(outlines["upper back"], prop, edge),
        "head": float(head[:, 1].min()) - pillow_height(params),
        "low back": float(skin["lumbar"][:, 1].min()),
    }
    return SupinePose(
        geometry=geom,
        back_surface=_frozen(back_line),
        front_surface=_frozen(_front_points(geom, breath)[::-1]),
        legs=_frozen(_legs(geom, params.legs)),
        tissue=MappingProxyType({k: _frozen(v) for k, v in outlines.items()}),
        pillow=_frozen(pillow_block(pillow_height(params), contact_x, edge, geom.head_scale)),
        readouts=MappingProxyType(readouts),
        contacts=MappingProxyType(contacts),
        joints=MappingProxyType(joints),
        limits=at_limit,
        prop=prop,
    )


def supine_pose(params: SupineParams, lift: float = 0.0, breath: float = 0.0) -> SupinePose:
    """The lying pose for a lift fraction and a breath fraction.

    Parameters
    ----------
    params : SupineParams
        Model settings.
    lift : float
        Waist lift, fraction of ``params.lift_range`` (0 = resting, 1 = top of the lift).
    breath : float
        Breath, fraction of ``params.breath_depth`` (0 = fully out, 1 = fully in).

    Returns
    -------
    SupinePose
        Geometry on the bed (mm) with soft tissue, pillow, readouts, contacts and joints.

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams` or ``lift`` or ``breath`` is not a finite
        number in [0, 1].
    """
    params = _params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    return _pose(params, lift, breath, sized(Tissue(), params.spine), "rom")


#: The neck shares tried for the chin-angle range (see :func:`neck_shares`).
NECK_VARIANTS: tuple[str, ...] = ("rom", "even", "upper", "lower")


def sized(tissue: Tissue, spine: str) -> Tissue:
    """``tissue`` (adult thicknesses, mm) scaled to the size of preset ``spine``.

    The back, buttock and sacral tissue scale with the spine
    (:func:`widgets.model.growth.spine_scale`), the scalp with the head
    (:func:`widgets.model.growth.head_scale`), at the preset's age.

    Raises
    ------
    ValueError
        If ``tissue`` is not a :class:`Tissue` or ``spine`` not a preset.
    """
    tissue = check_instance("tissue", tissue, Tissue, "Tissue (widgets.model.supine_contact)")
    months = preset_age(_check_spine(spine))
    size, head = spine_scale(months), head_scale(months)
    return Tissue(
        buttock=tissue.buttock * size,
        sacral=tissue.sacral * size,
        back=tissue.back * size,
        scalp=tissue.scalp * head,
    )


def _tissue_variants(spine: str) -> tuple[Tissue, ...]:
    def end(side: str) -> Tissue:
        return Tissue(
            buttock=_supine(f"buttock_tissue_thickness_{side}"),
            back=_supine(f"back_tissue_thickness_{side}"),
            scalp=_supine(f"scalp_tissue_thickness_{side}"),
        )

    return tuple(sized(t, spine) for t in (Tissue(), end("low"), end("high")))


def chin_range(
    params: SupineParams, lift: float = 0.0, breath: float = 0.0
) -> tuple[float, float, float]:
    """Chin angle (head pitch, deg, chin up positive) with its spread: ``(value, low, high)``.

    ``value`` is :func:`supine_pose`'s; ``low`` and ``high`` are the smallest and largest
    over every neck share of :data:`NECK_VARIANTS` and the default, low and high tissue
    thicknesses (the ``*_low`` and ``*_high`` rows of ``supine.csv``, :func:`sized` to the
    preset). Nobody has measured
    the chin angle lying down per breath or lift, so this spread is the model's uncertainty.

    Raises
    ------
    ValueError
        As :func:`supine_pose`.
    """
    value_ = supine_pose(params, lift, breath).readouts["head_pitch"]
    values = [
        _pose(params, float(lift), float(breath), t, n).readouts["head_pitch"]
        for t in _tissue_variants(params.spine)
        for n in NECK_VARIANTS
    ]
    return value_, min(values), max(values)


#: The moments :func:`chin_changes` reports: name -> (lift fraction, breath fraction, depth).
MOMENTS: tuple[str, ...] = ("rest", "quiet breath", "deepest breath", "default lift")


def chin_changes(params: SupineParams | None = None) -> dict[str, tuple[float, float, float]]:
    """Chin angle at rest and its change for a quiet breath, the deepest breath, the lift.

    Returns ``{moment: (value, low, high)}`` in deg: the resting angle, then the change from
    rest at the top of a quiet breath (``params.breath_depth``), of the deepest breath
    (``breath_depth_max``) and of the lift (``params.lift_range``), each with its spread
    over the same variants as :func:`chin_range` (the change is taken within each variant).

    Raises
    ------
    ValueError
        If ``params`` is neither ``None`` nor :class:`SupineParams`.
    """
    params = SupineParams() if params is None else _params(params)
    deepest = replace(params, breath_depth=LIMITS["breath_depth"][1])
    cases = {
        "quiet breath": (params, 0.0, 1.0),
        "deepest breath": (deepest, 0.0, 1.0),
        "default lift": (params, 1.0, 0.0),
    }
    out = {"rest": chin_range(params)}
    for name, (p, lift, breath) in cases.items():
        deltas = [
            _pose(p, lift, breath, t, n).readouts["head_pitch"]
            - _pose(p, 0.0, 0.0, t, n).readouts["head_pitch"]
            for t in _tissue_variants(p.spine)
            for n in NECK_VARIANTS
        ]
        out[name] = (deltas[0], min(deltas), max(deltas))
    return out


@dataclass(frozen=True, eq=False)
class KeyPoses:
    """Poses on a grid of lift and breath fractions, for an animation to interpolate.

    Attributes
    ----------
    lift, breath : ndarray
        Grid fractions (0 to 1).
    poses : tuple of tuple of SupinePose
        ``poses[i][j]`` is the pose at ``lift[i]`` and ``breath[j]``.
    """

    params: SupineParams
    lift: np.ndarray
    breath: np.ndarray
    poses: tuple[tuple[SupinePose, ...], ...]

    def readout(self, name: str) -> np.ndarray:
        """Readout ``name`` on the grid, shape (len(lift), len(breath))."""
        check_choice("readout", name, READOUTS)
        return np.array([[p.readouts[name] for p in row] for row in self.poses])


def key_poses(params: SupineParams, n_lift: int = 5, n_breath: int = 5) -> KeyPoses:
    """Compute the poses on an ``n_lift`` x ``n_breath`` grid (each 2 to 21).

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams` or a count is not an int from 2 to 21.
    """
    params = _params(params)
    check_int_in_range("n_lift", n_lift, 2, 21, "poses")
    check_int_in_range("n_breath", n_breath, 2, 21, "poses")
    lift = np.linspace(0.0, 1.0, n_lift)
    breath = np.linspace(0.0, 1.0, n_breath)
    poses = tuple(tuple(supine_pose(params, float(a), float(b)) for b in breath) for a in lift)
    return KeyPoses(params, _frozen(lift), _frozen(breath), poses)
