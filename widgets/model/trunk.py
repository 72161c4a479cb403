"""What loads the low back: statics of the upper body about the lumbar disc.

Teaching model (sagittal statics, one joint). Units: m, kg, N, N·m, MPa, deg.
Assumptions, each number from ``widgets/data/trunk.csv`` with its source:

- **Body.** The upper body (head and neck, arms, upper and middle trunk) rotates as one rigid
  piece about one lumbar joint standing for L4-L5 and L5-S1, at the omphalion; masses and
  centres are de Leva's (1996) male segments scaled to body mass and height
  (:mod:`widgets.model.trunk_segments`). Upright, its centre of mass lies
  ``upper_body_offset`` (2 cm, derived from Woodhull 1985) in front of the disc.
- **Flexion** ``flexion`` (deg from vertical, negative = leaning back) tilts that piece
  forward; hip and lumbar flexion are not told apart. Sitting and standing differ only by the
  lean of the upper body: the model has no pelvis, backrest or thighs.
- **Arms and load.** The hands hang below the shoulders, or reach forward by
  ``load_distance`` (m) to hold a ``load`` (kg). The arms' own mass moves forward by the share
  of that reach at which their centre lies. **Knee bend** changes only how far the load is:
  bent knees push forward by ``shank * sin(knee_bend / 2)`` (shin and thigh each lean by half
  the knee bend, hips above the ankles), and a load lifted in front of them sits
  ``load_distance`` in front of whichever is further forward, hands or knees. A negative
  ``load_distance`` puts the load behind that line: the hands reach back toward the feet, or
  the load sits between bent knees, as when a crate is lifted from between the feet. The
  ankles, hips and disc share one plumb line (the model does not shift the hips back to keep
  its balance), so a load at the ankles has no lever.
- **Muscles.** One back-extensor force, parallel to the trunk, ``extensor_moment_arm`` (5 cm,
  Güngör 2013) behind the disc, balances the forward moment. When the moment is backward
  (leaning back), the extensors are idle and nothing balances it: the abdominal muscles are
  not modelled. No co-contraction, no intra-abdominal pressure, no ligaments or other soft
  tissue share the moment; all of these are left out.
- **Twist** (simple axial term). Turning the trunk by ``twist`` about its long axis while bent
  splits the forward moment into a bending part ``M cos(twist)`` and a side-bending part
  ``M sin(twist)``; the extensors of one side carry the side part with the same moment arm,
  so the muscle force is ``M (cos + sin) / arm`` (up to 1.41 times the untwisted force at
  45 deg). The torque that turns the trunk is not modelled (no gravity term turns it).
- **Disc.** Compression is the muscle force plus the component of the weights along the
  trunk; shear is the component across it. Intradiscal pressure is the unloaded (lying)
  pressure plus ``pressure_factor * compression / area`` (Nachemson's factor 1.5, an L4-L5
  area of 18 cm^2; both from memory).
- **Strength.** Effort is the moment as a share of the mean maximal extension moment of men
  at that flexion (Chaffin 1999: 288, 232, 171 N·m at 20, 40, 60 deg), held constant
  outside 20-60 deg.
- Statics only: no speed, acceleration or fatigue.
- **Validation.** Against Wilke's pressures (ratios to standing) the model agrees within 25 %
  in all four postures once the lifts start from where Wilke's crate stood, between the feet
  (round back 0.99, bent knees 1.24, standing bent forward and holding close 1.21); the
  bent-knee lift's angles are not sourced and it agrees only just. Details, sources and
  sensitivities are in :mod:`widgets.model.wilke_check`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from types import MappingProxyType

import numpy as np

from widgets.data import load_table, value
from widgets.model.trunk_segments import (
    BODY_MASS_DEFAULT,
    BODY_MASS_RANGE,
    HEIGHT_RANGE,
    REFERENCE_HEIGHT,
    Body,
    G,
    body,
)
from widgets.validation import check_choice, check_in_range


def _row(item: str, parameter: str) -> float:
    return value("trunk", item, parameter)


EXTENSOR_MOMENT_ARM = _row("muscle", "extensor_moment_arm")
UPPER_BODY_OFFSET = _row("posture", "upper_body_offset")
DISC_AREA = _row("disc", "area_l4_l5") * 1e-6  # m^2
PRESSURE_FACTOR = _row("disc", "pressure_factor")
UNLOADED_PRESSURE = _row("disc", "unloaded_pressure")
NIOSH_COMPRESSION_LIMIT = _row("guideline", "niosh_compression_limit")
STRENGTH_ANGLES = (20.0, 40.0, 60.0)
STRENGTH = tuple(_row("muscle", f"extensor_strength_{a:.0f}deg") for a in STRENGTH_ANGLES)

#: Allowed range of each numeric setting, in :data:`UNITS`.
LIMITS: MappingProxyType[str, tuple[float, float]] = MappingProxyType(
    {
        "flexion": (_row("range", "flexion_min"), _row("range", "flexion_max")),
        "twist": (-_row("range", "twist_max"), _row("range", "twist_max")),
        "knee_bend": (0.0, _row("range", "knee_bend_max")),
        "load": (0.0, _row("range", "load_max")),
        "load_distance": (_row("range", "load_distance_min"), _row("range", "load_distance_max")),
        "body_mass": BODY_MASS_RANGE,
        "height": HEIGHT_RANGE,
    }
)
UNITS: MappingProxyType[str, str] = MappingProxyType(
    {
        "flexion": "deg",
        "twist": "deg",
        "knee_bend": "deg",
        "load": "kg",
        "load_distance": "m",
        "body_mass": "kg",
        "height": "m",
    }
)


@dataclass(frozen=True)
class TrunkPosture:
    """A posture and a carried load.

    Parameters
    ----------
    flexion : float
        Forward lean of the upper body from vertical, deg (negative = leaning back).
    twist : float
        Turn of the trunk about its long axis, deg (either side).
    knee_bend : float
        Knee flexion, deg (0 = straight legs); changes only how far the load is.
    load : float
        Mass carried in both hands, kg.
    load_distance : float
        How far the load's centre is held in front of the hands' plumb line below the
        shoulders, or of the knees if they are further forward, m (negative: behind it).
    body_mass : float
        Body mass, kg (default 70 kg, Wilke's subject).
    height : float
        Height, m (default 1.741 m, de Leva's reference man).

    Every range is in :data:`LIMITS`.

    Raises
    ------
    ValueError
        If a value is not a finite number (bools are refused) or is out of range; the
        message names the parameter, the value and the range.
    """

    flexion: float = 0.0
    twist: float = 0.0
    knee_bend: float = 0.0
    load: float = 0.0
    load_distance: float = 0.0
    body_mass: float = BODY_MASS_DEFAULT
    height: float = REFERENCE_HEIGHT

    def __post_init__(self) -> None:
        for name, (low, high) in LIMITS.items():
            checked = check_in_range(name, getattr(self, name), low, high, UNITS[name])
            object.__setattr__(self, name, checked)


@dataclass(frozen=True)
class TrunkLoad:
    """What the model answers for one posture.

    Attributes
    ----------
    posture : TrunkPosture
        The input.
    moment : float
        Forward moment of the upper body and load about the disc, N·m (negative = backward).
    load_lever : float
        Horizontal distance from the disc to the load's centre, m.
    extensor_force : float
        Back-extensor force, N.
    effort : float
        The moment the extensors hold as a share of their maximal moment, % (of MVC).
    compression : float
        Compressive force on the lumbar disc, N.
    shear : float
        Force across the disc, N.
    pressure : float
        Estimated intradiscal pressure, MPa.
    """

    posture: TrunkPosture
    moment: float
    load_lever: float
    extensor_force: float
    effort: float
    compression: float
    shear: float
    pressure: float


def extensor_strength(flexion: float) -> float:
    """Mean maximal extension moment of men at a trunk flexion, N·m (Chaffin 1999).

    Linear between 288, 232 and 171 N·m at 20, 40 and 60 deg, constant outside.

    Raises
    ------
    ValueError
        If ``flexion`` is not a finite number in ``LIMITS["flexion"]``.
    """
    flexion = check_in_range("flexion", flexion, *LIMITS["flexion"], "deg")
    return float(np.interp(flexion, STRENGTH_ANGLES, STRENGTH))


def pressure_from_compression(compression: float) -> float:
    """Intradiscal pressure, MPa, estimated from the disc's compression, N.

    ``unloaded + factor * compression / area`` (see the module docstring).

    Raises
    ------
    ValueError
        If ``compression`` is not a finite number from 0 to 100,000 N.
    """
    compression = check_in_range("compression", compression, 0.0, 1e5, "N")
    return UNLOADED_PRESSURE + PRESSURE_FACTOR * compression / DISC_AREA * 1e-6


def effort_share(moment: float, strength: float) -> float:
    """``moment`` as a share of ``strength``, % (0 for a backward moment).

    Raises
    ------
    ValueError
        If ``moment`` is not a finite number within +-10,000 N·m or ``strength`` is not
        from 1 to 10,000 N·m.
    """
    moment = check_in_range("moment", moment, -1e4, 1e4, "N*m")
    strength = check_in_range("strength", strength, 1.0, 1e4, "N*m")
    return 100.0 * max(moment, 0.0) / strength


def _evaluate(posture: TrunkPosture, person: Body) -> TrunkLoad:
    tilt = math.radians(posture.flexion)
    sin_t, cos_t = math.sin(tilt), math.cos(tilt)
    hands = person.shoulder * sin_t
    knees = person.shank * math.sin(math.radians(posture.knee_bend) / 2.0)
    load_lever = max(hands, knees) + posture.load_distance
    reach = load_lever - hands if posture.load > 0 else 0.0
    trunk_x = person.trunk_com * sin_t + UPPER_BODY_OFFSET * cos_t
    arms_x = hands + person.arm_com_share * reach
    weight = person.upper_mass * G
    load_weight = posture.load * G
    moment = (
        person.trunk_mass * G * trunk_x + person.arms_mass * G * arms_x + load_weight * load_lever
    )
    twist = math.radians(abs(posture.twist))
    held = max(moment, 0.0) * (math.cos(twist) + math.sin(twist))
    force = held / EXTENSOR_MOMENT_ARM
    compression = max(force + (weight + load_weight) * cos_t, 0.0)
    shear = (weight + load_weight) * sin_t
    return TrunkLoad(
        posture=posture,
        moment=moment,
        load_lever=load_lever,
        extensor_force=force,
        effort=100.0 * held / extensor_strength(posture.flexion),
        compression=compression,
        shear=shear,
        pressure=pressure_from_compression(compression),
    )


def trunk_load(posture: TrunkPosture) -> TrunkLoad:
    """Muscle force, effort, disc compression, shear and pressure for one posture.

    Parameters
    ----------
    posture : TrunkPosture
        The posture, load and body (already checked when it was made).

    Raises
    ------
    ValueError
        If ``posture`` is not a :class:`TrunkPosture`.
    """
    if not isinstance(posture, TrunkPosture):
        raise ValueError(
            f"posture must be a TrunkPosture (from widgets.model.trunk), "
            f"got {type(posture).__name__} {posture!r:.60}"
        )
    return _evaluate(posture, body(posture.body_mass, posture.height))


def _presets() -> MappingProxyType[str, MappingProxyType[str, float]]:
    settings: dict[str, dict[str, float]] = {}
    for row in load_table("trunk"):
        item, parameter = row.key
        if item.startswith("preset:"):
            settings.setdefault(item.removeprefix("preset:"), {})[parameter] = row.value
    return MappingProxyType({k: MappingProxyType(v) for k, v in settings.items()})


_PRESET_SETTINGS = _presets()
#: Names of the postures of the article's habits and of Wilke's measurements (``trunk.csv``).
PRESETS: tuple[str, ...] = tuple(_PRESET_SETTINGS)
#: The numeric settings of :class:`TrunkPosture`, in order.
SETTINGS: tuple[str, ...] = tuple(f.name for f in fields(TrunkPosture))


def preset(name: str) -> TrunkPosture:
    """The posture of a named preset (a row group ``preset:<name>`` of ``trunk.csv``).

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`PRESETS`; the message names ``name`` and lists them.
    """
    check_choice("name", name, PRESETS, what="preset")
    return TrunkPosture(**_PRESET_SETTINGS[name])


def preset_load(name: str) -> TrunkLoad:
    """:func:`trunk_load` of :func:`preset` ``(name)`` (raises as they do)."""
    return trunk_load(preset(name))
