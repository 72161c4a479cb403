"""A person lying on their back on a flat bed: waist lift and breathing move the whole chain.

Teaching model; the public entry points of the lying model (lesson 02). Assumptions (also
stated in lesson 02), each in the module that does that job:

- The spine is the to-scale geometry of :mod:`widgets.model.spine` (default: the adult mean),
  at the preset's own size (:mod:`widgets.model.growth`: a newborn's spine is 0.31 of the
  adult's). The legs, the trunk's depth and the soft tissue scale with the spine, the scalp
  and the pillow's length with the head; the pillow setting is an adult's
  (:mod:`widgets.model.supine_params`).
- *Pelvic tilt lying down* is the angle between the bed's headward direction (the standing
  vertical, laid down) and the line from the hip axis to the middle of the S1 endplate,
  positive when the hip axis lies above that point (the pelvis rolled back, as standing
  pelvic tilt is positive when rolled back).
- **The legs act on the pelvis** (:mod:`widgets.model.supine_legs`,
  :mod:`widgets.model.supine_rest`). Knees bent, the lordosis is an illustrative 13 deg
  flatter than standing (asj2019) and the pelvis rests where the laid-down spine puts it.
  Legs straight, the thigh on the bed extends the hip beyond its standing angle; what the hip
  cannot take (beyond ``hip_extension_reserve``, Roach 2015) pulls the pelvis forward and
  deepens the lordosis. Compared with the measurements: the adult mean's pelvis lies about 2
  deg forward of standing, inside the spread of Pierrepont 2017 (5.5 deg forward on average
  in 1,517 people before hip replacement, range -21.8 to 8.4 deg); its lordosis is about 2.5
  deg deeper than standing, inside Andreasen 2007's median deviation of 3 deg. (While the
  adult-mean preset mixed cohorts and stood 97 mm forward, SVA, the lordosis deepened by
  about 9 deg and the knees-bent pelvis lay about 6 deg back of its target; see
  :mod:`widgets.model.balance`.)
- **The low back settles** onto the bed where a round or flat low back would dip below it
  (:mod:`widgets.model.supine_rest`); where the lumbar joints' ranges do not allow it (the
  newborn with straight legs, about 1 mm), the tissue behind L1-L5 is pressed up by the bed,
  by at most ``low_back_tissue_compression`` (a tenth) of its thickness.
- **Waist lift** adds lumbar lordosis: ``lift * lift_range`` deg, spread over the lumbar discs
  as in the standing spine. No supine range is published; the default is a little less than
  the 10.8 deg increase measured at maximal forward pelvic tilt standing (Levine & Whittle
  1996).
- **Breathing** extends the thoracic spine: kyphosis falls by ``breath * breath_depth`` deg,
  up to the 16 deg measured between maximal inspiration and exhalation (Burgos 2021), shared
  over T4-T5 to T11-T12 in proportion to their ranges (more in the lower half, as Burgos
  found).
- The body rests on soft tissue (:mod:`widgets.model.supine_contact`): the buttocks and the
  upper back touch the bed, the back of the head touches the pillow; the neck spreads the
  head's bend over its joints, and a pillow out of the neck's reach props the shoulders
  (:mod:`widgets.model.supine_settle`). Every joint stays within its range of motion,
  flexion and extension counted separately (:mod:`widgets.model.supine_ranges`); the pose
  lists the joints at a limit.
- **A head the neck cannot bring down stays up.** When the neck reaches its extension limit
  before the back of the head reaches the pillow top (or the bed, with no pillow), the head
  stays above it: :attr:`SupinePose.head_supported` is False and :attr:`SupinePose.head_gap`
  gives the gap (mm). Clinicians measure that gap lying on a table, in 1.7 cm blocks under
  the head (Kado 2004: one block or more in 44 % of the men and 22 % of the women among 1,353
  older adults). In
  the model: the hyperkyphosis preset with bent knees and no pillow (about 22 mm); the
  adult mean rests its head, with or without its pillow. Nothing else floats.
- The chin angle lying down has never been measured per breath or lift: :func:`chin_range`
  gives the model's value with its spread over other neck shares and tissue thicknesses
  (:mod:`widgets.model.supine_chin`).
- The frame is the bed's: x along the bed (the head at negative x), y up from the mattress, mm.

Defaults and limits of the settings are the ``*_default`` and ``*_max`` rows of
``widgets/data/supine.csv`` (each with its source); :data:`DEFAULTS` and :data:`LIMITS` read
them, and the animator's traits read these two.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from widgets.data import value
from widgets.model import measure
from widgets.model.spine import SpineGeometry
from widgets.model.supine_chin import MOMENTS, chin_changes, chin_range
from widgets.model.supine_contact import (
    Tissue,
    back_skin,
    buttocks,
    clearance,
    pillow_block,
    scalp,
    upper_back,
)
from widgets.model.supine_joints import JOINTS, NECK, joint_angles, standing_angles
from widgets.model.supine_legs import HEADWARD, LEGS, leg_points
from widgets.model.supine_params import (
    DEFAULTS,
    LIMITS,
    SETTINGS,
    UNITS,
    SupineParams,
    check_params,
    pillow_height,
    pose_params,
    resting_pelvic_tilt,
    sized,
)
from widgets.model.supine_ranges import at_limit
from widgets.model.supine_rest import LUMBAR, THORACIC, TOUCH, hip_pull, upper_back_gap
from widgets.model.supine_settle import NECK_VARIANTS, REACH_TOLERANCE, settled
from widgets.validation import check_choice, check_in_range, check_int_in_range

__all__ = [
    "DEFAULTS",
    "HEADWARD",
    "LEGS",
    "LIMITS",
    "LUMBAR",
    "MOMENTS",
    "NECK_VARIANTS",
    "REACH_TOLERANCE",
    "READOUTS",
    "SETTINGS",
    "THORACIC",
    "TOUCH",
    "UNITS",
    "KeyPoses",
    "SupineParams",
    "SupinePose",
    "chin_changes",
    "chin_range",
    "hip_pull",
    "key_poses",
    "pillow_height",
    "pose_params",
    "resting_pelvic_tilt",
    "sized",
    "supine_pose",
    "upper_back_gap",
]

READOUTS: tuple[str, ...] = ("pelvic_tilt", "waist_height", "lumbar_lordosis", "head_pitch")


def _supine(name: str) -> float:
    return value("supine", name)


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
        Joints at (or beyond) their limit (:func:`widgets.model.supine_ranges.joint_limits`).
    prop : float
        Height of the pillow under the shoulders (under the skin behind T1-T4), mm: 0 when
        the upper back rests on the bed, the pillow's height when the pillow props it.
    head_supported : bool
        False when the neck reached its extension limit before the back of the head came
        down to the pillow top (or the bed, with no pillow): the head then stays above it by
        :attr:`head_gap` mm, as a rounded upper back leaves it (Kado 2004 measure that gap
        lying on a table in blocks of 1.7 cm).
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
    head_supported: bool = True

    @property
    def head_gap(self) -> float:
        """Height of the back of the head above the pillow top (or the bed), mm.

        0 when the head rests on it (:attr:`head_supported`); otherwise the gap the neck,
        at its extension limit, leaves.
        """
        return 0.0 if self.head_supported else self.contacts["head"]

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


def _pose(
    params: SupineParams, lift: float, breath: float, tissue: Tissue, neck: str
) -> SupinePose:
    geom, prop, edge = settled(params, lift, breath, tissue, neck)
    standing = standing_angles(params.spine)
    after = joint_angles(geom)
    joints = {j: after[j] - standing[j] for j in JOINTS}
    age = geom.age_months
    limits = tuple(j for j in JOINTS if at_limit(j, joints[j], age))
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
        legs=_frozen(leg_points(geom, params.legs)),
        tissue=MappingProxyType({k: _frozen(v) for k, v in outlines.items()}),
        pillow=_frozen(pillow_block(pillow_height(params), contact_x, edge, geom.head_scale)),
        readouts=MappingProxyType(readouts),
        contacts=MappingProxyType(contacts),
        joints=MappingProxyType(joints),
        limits=limits,
        prop=prop,
        head_supported=not (contacts["head"] > REACH_TOLERANCE and any(j in limits for j in NECK)),
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
    params = check_params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    return _pose(params, lift, breath, sized(Tissue(), params.spine), "rom")


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
    params = check_params(params)
    check_int_in_range("n_lift", n_lift, 2, 21, "poses")
    check_int_in_range("n_breath", n_breath, 2, 21, "poses")
    lift = np.linspace(0.0, 1.0, n_lift)
    breath = np.linspace(0.0, 1.0, n_breath)
    poses = tuple(tuple(supine_pose(params, float(a), float(b)) for b in breath) for a in lift)
    return KeyPoses(params, _frozen(lift), _frozen(breath), poses)
