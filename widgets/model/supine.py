"""A person lying on their back on a flat bed: waist lift and breathing move the whole chain.

Teaching model. Assumptions (also stated in lesson 02):

- The spine is the to-scale geometry of :mod:`widgets.model.spine` (default: the adult mean).
  Lying with legs straight keeps the standing lumbar lordosis (Andreasen 2007); with knees
  bent it is flatter by an illustrative 13 deg (anchored on asj2019's recumbent data).
- **Waist lift** adds lumbar lordosis: ``lift * lift_range`` deg, spread over the lumbar discs
  as in the standing spine. No supine range is published; the default is a little less than
  the 10.8 deg increase measured at maximal forward pelvic tilt standing (Levine & Whittle
  1996).
- **Breathing** extends the thoracic spine: kyphosis falls by ``breath * breath_depth`` deg,
  up to the 16 deg measured between maximal inspiration and exhalation (Burgos 2021). The
  lumbar angles do not change with the breath.
- The body is rigid for a given set of angles. It rests on the bed on the lower hull of its
  back surface (sacrum, lumbar and thoracic skin points) under the trunk's centre of mass
  (de Leva 1996), so the sacrum and the upper back touch the bed and nothing sinks into it.
- The head rests on a pillow (illustrative default height): the neck bends, half at its base
  (C7–T1) and half at the skull–C1 joint, until the back of the skull touches the pillow.
  The chin angle (head pitch) therefore comes out of the chain geometry; no
  gain links pelvis and head, and no published value exists for that coupling.
- The frame is the bed's: x along the bed (the head at negative x), y up from the mattress, mm.

Defaults and limits of the settings are the ``*_default`` and ``*_max`` rows of
``widgets/data/supine.csv`` (each with its source); :data:`DEFAULTS` and :data:`LIMITS` read
them, and the animator's traits read these two.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np

from widgets.data import lookup, value
from widgets.model import measure
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.validation import check_choice, check_in_range

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
        on the bed).

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
        check_choice("preset", self.spine, PRESETS)
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
    back_surface : ndarray, shape (n, 2)
        Skin points of the back from the sacrum to C7, mm.
    front_surface : ndarray, shape (m, 2)
        Skin points of the chest and belly from C7 to the pubis, mm.
    legs : ndarray, shape (3, 2)
        Hip, knee and ankle joint centres, mm.
    readouts : mapping of str to float
        ``pelvic_tilt`` (deg, along the bed), ``waist_height`` (mm, skin at L3 above the
        bed), ``lumbar_lordosis`` (deg, L1–S1), ``head_pitch`` (deg, chin up positive).
    contacts : mapping of str to float
        Lowest height (mm) of the sacrum and upper back above the bed, and of the head above
        the pillow (0 = touching).
    """

    geometry: SpineGeometry
    back_surface: np.ndarray
    front_surface: np.ndarray
    legs: np.ndarray
    readouts: MappingProxyType[str, float]
    contacts: MappingProxyType[str, float]


def _rotation(deg: float) -> np.ndarray:
    a = math.radians(deg)
    return np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


def _move(geom: SpineGeometry, deg: float, shift: np.ndarray) -> SpineGeometry:
    """Rotate ``geom`` by ``deg`` (counter-clockwise) about the origin, then shift it (mm)."""
    rot = _rotation(deg)

    def f(points: np.ndarray) -> np.ndarray:
        return _frozen(points @ rot.T + shift)

    return replace(
        geom,
        body_corners=f(geom.body_corners),
        disc_corners=f(geom.disc_corners),
        s1_endplate=f(geom.s1_endplate),
        hip_axis=f(geom.hip_axis),
        sacrum=f(geom.sacrum),
        pelvis=f(geom.pelvis),
        femoral_head=f(geom.femoral_head + geom.hip_axis) - f(geom.hip_axis),
        skull=f(geom.skull),
        landmarks=MappingProxyType({k: f(v) for k, v in geom.landmarks.items()}),
    )


def _unit(v: np.ndarray) -> np.ndarray:
    unit: np.ndarray = v / np.linalg.norm(v, axis=-1, keepdims=True)
    return unit


def _back_points(geom: SpineGeometry) -> dict[str, np.ndarray]:
    """Skin points of the back, by region: behind each vertebral body and behind the sacrum."""
    c = geom.body_corners
    posterior_mid = (c[:, 1] + c[:, 2]) / 2.0
    backward = _unit(_unit(c[:, 1] - c[:, 0]) + _unit(c[:, 2] - c[:, 3]))
    skin = posterior_mid + _supine("back_tissue_thickness") * backward
    regions = np.array(geom.regions)
    s1_back = _unit(geom.s1_endplate[0] - geom.s1_endplate[1])
    sacral = geom.sacrum + _supine("sacral_tissue_thickness") * s1_back
    return {
        "thoracic": skin[regions == "thoracic"],
        "lumbar": skin[regions == "lumbar"],
        "cervical": skin[regions == "cervical"],
        "sacrum": sacral,
    }


def _lower_hull(points: np.ndarray) -> np.ndarray:
    """Lower convex hull (Andrew's monotone chain), left to right."""
    pts = points[np.lexsort((points[:, 1], points[:, 0]))]
    hull: list[np.ndarray] = []
    for p in pts:
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            if (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) <= 0:
                hull.pop()
            else:
                break
        hull.append(p)
    return np.array(hull)


def _rest_on_bed(geom: SpineGeometry) -> SpineGeometry:
    """Lay the standing geometry on its back and let it settle on the bed."""
    lying = _move(geom, 90.0, np.zeros(2))  # back down, head toward negative x
    back = _back_points(lying)
    support = np.vstack([back["sacrum"], back["lumbar"], back["thoracic"]])
    c7 = lying.body("C7").mean(axis=0)
    com = c7 + _supine("trunk_com_fraction") * (lying.hip_axis - c7)
    hull = _lower_hull(support)
    best: tuple[float, np.ndarray] | None = None
    for a, b in itertools.pairwise(hull):
        angle = -math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        rot = _rotation(angle)
        xa, xb, xc = (rot @ a)[0], (rot @ b)[0], (rot @ com)[0]
        if min(xa, xb) <= xc <= max(xa, xb) and (best is None or abs(angle) < abs(best[0])):
            best = (angle, rot @ a)
    if best is None:  # the centre of mass lies beyond the hull: rest on the nearest edge
        a, b = hull[0], hull[-1]
        angle = -math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        best = (angle, _rotation(angle) @ a)
    angle, anchor = best
    return _move(lying, angle, np.array([0.0, -anchor[1]]))


def _settle_head(geom: SpineGeometry, pillow: float) -> tuple[SpineGeometry, float]:
    """Bend the neck until the back of the skull rests on the pillow (``pillow`` mm high).

    The bend is shared equally by the base of the neck (the C7–T1 disc) and the skull–C1
    joint. Returns the new geometry and the total bend (deg, positive = chin up). If the
    head cannot reach the bed within the limit, it keeps the nearest reachable position.
    """
    base = geom.disc_corners[geom.disc_names.index("C7-T1")].mean(axis=0)
    top = geom.body("C1")[2:].mean(axis=0)
    limit = 2.0 * _supine("head_nod_limit")
    skull = geom.skull

    def turn(points: np.ndarray, pivot: np.ndarray, deg: np.ndarray) -> np.ndarray:
        """Rotate points (k, n, 2) about pivots (k or 1, 1, 2) by deg (k,), counter-clockwise."""
        a = np.radians(deg)[:, None]
        d = points - pivot
        x = np.cos(a) * d[..., 0] - np.sin(a) * d[..., 1] + pivot[..., 0]
        y = np.sin(a) * d[..., 0] + np.cos(a) * d[..., 1] + pivot[..., 1]
        return np.stack([x, y], axis=-1)

    def place(points: np.ndarray, bend: np.ndarray) -> np.ndarray:
        """Skull points (n, 2) for each bend (k,) -> (k, n, 2)."""
        half = bend / 2.0
        k = len(bend)
        new_top = turn(np.broadcast_to(top, (k, 1, 2)), base[None, None, :], half)
        moved = turn(np.broadcast_to(points, (k, *points.shape)), base[None, None, :], half)
        return turn(moved, new_top, half)

    def lowest(bend: np.ndarray) -> np.ndarray:
        gap: np.ndarray = place(skull, bend)[..., 1].min(axis=1) - pillow
        return gap

    grid = np.linspace(-limit, limit, 161)
    heights = lowest(grid)
    crossings = np.nonzero(np.sign(heights[:-1]) * np.sign(heights[1:]) <= 0)[0]
    if crossings.size == 0:
        bend = float(grid[np.argmin(np.abs(heights))])
    else:
        k = crossings[np.argmin(np.abs(grid[crossings]))]
        lo, hi = float(grid[k]), float(grid[k + 1])
        f_lo, f_hi = float(heights[k]), float(heights[k + 1])
        mid = lo
        for _ in range(30):  # regula falsi (Illinois variant) on the contact height, mm
            if f_hi == f_lo:
                break
            mid = hi - f_hi * (hi - lo) / (f_hi - f_lo)
            f_mid = float(lowest(np.array([mid]))[0])
            if abs(f_mid) < 1e-6:
                break
            if np.sign(f_mid) == np.sign(f_hi):
                hi, f_hi = mid, f_mid
                f_lo /= 2.0
            else:
                lo, f_lo = mid, f_mid
                f_hi /= 2.0
        bend = mid
    b = np.array([bend])
    neck = np.array([i for i, r in enumerate(geom.regions) if r == "cervical"])
    neck_discs = np.array([i for i, n in enumerate(geom.disc_names) if n.startswith("C")])
    bodies = np.array(geom.body_corners)
    discs = np.array(geom.disc_corners)
    pivot = base[None, None, :]
    bodies[neck] = turn(bodies[neck].reshape(1, -1, 2), pivot, b / 2.0).reshape(-1, 4, 2)
    discs[neck_discs] = turn(discs[neck_discs].reshape(1, -1, 2), pivot, b / 2.0).reshape(-1, 4, 2)
    marks = {k: _frozen(place(v[None, :], b)[0, 0]) for k, v in geom.landmarks.items()}
    moved = replace(
        geom,
        body_corners=_frozen(bodies),
        disc_corners=_frozen(discs),
        skull=_frozen(place(skull, b)[0]),
        landmarks=MappingProxyType(marks),
    )
    return moved, bend


def _front_points(geom: SpineGeometry, breath: float) -> np.ndarray:
    c = geom.body_corners
    anterior_mid = (c[:, 0] + c[:, 3]) / 2.0
    forward = _unit(_unit(c[:, 0] - c[:, 1]) + _unit(c[:, 3] - c[:, 2]))
    regions = np.array(geom.regions)
    rise = _supine("chest_rise") * breath
    chest = anterior_mid + (_supine("chest_depth") + rise) * forward
    belly = anterior_mid + (_supine("belly_depth") + rise) * forward
    trunk = np.where((regions == "thoracic")[:, None], chest, belly)
    keep = regions != "cervical"
    front: np.ndarray = trunk[keep]
    return front


def _legs(geom: SpineGeometry, legs: str) -> np.ndarray:
    hip = geom.hip_axis
    thigh, shank, ankle_y = (
        _supine("thigh_length"),
        _supine("shank_length"),
        _supine("ankle_height"),
    )
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


def pose_params(params: SupineParams, lift: float, breath: float) -> SpineParams:
    """Regional angles of the spine for a lift fraction and a breath fraction (each 0 to 1)."""
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
        Geometry on the bed (mm) with readouts and contact heights.

    Raises
    ------
    ValueError
        If ``lift`` or ``breath`` is not a finite number in [0, 1].
    """
    geom = _rest_on_bed(build_spine(pose_params(params, lift, breath)))
    geom, _bend = _settle_head(geom, params.pillow)
    back = _back_points(geom)
    back_line = np.vstack(
        [
            back["sacrum"][[0, -1]].mean(axis=0, keepdims=True),
            back["lumbar"][::-1],
            back["thoracic"][::-1],
            back["cervical"][::-1][:1],
        ]
    )
    l3 = back["lumbar"][2]
    readouts = {
        "pelvic_tilt": measure.pelvic_tilt(geom, HEADWARD),
        "waist_height": float(l3[1]),
        "lumbar_lordosis": measure.lumbar_lordosis(geom),
        "head_pitch": measure.head_pitch(geom, HEADWARD),
    }
    contacts = {
        "sacrum": float(back["sacrum"][:, 1].min()),
        "upper back": float(back["thoracic"][:, 1].min()),
        "head": float(geom.skull[:, 1].min()) - params.pillow,
    }
    return SupinePose(
        geometry=geom,
        back_surface=_frozen(back_line),
        front_surface=_frozen(_front_points(geom, breath)[::-1]),
        legs=_frozen(_legs(geom, params.legs)),
        readouts=MappingProxyType(readouts),
        contacts=MappingProxyType(contacts),
    )


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
    """Compute the poses on an ``n_lift`` x ``n_breath`` grid (each at least 2)."""
    for name, n in (("n_lift", n_lift), ("n_breath", n_breath)):
        if not isinstance(n, int) or isinstance(n, bool) or not 2 <= n <= 21:
            raise ValueError(f"{name} = {n!r} is out of range; allowed range is 2 to 21 poses")
    lift = np.linspace(0.0, 1.0, n_lift)
    breath = np.linspace(0.0, 1.0, n_breath)
    poses = tuple(tuple(supine_pose(params, float(a), float(b)) for b in breath) for a in lift)
    return KeyPoses(params, _frozen(lift), _frozen(breath), poses)
