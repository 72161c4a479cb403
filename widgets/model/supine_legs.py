"""The legs of the lying model and how far they extend the hip.

Teaching model (the bed's frame: x along the bed, head at negative x, y up, mm). Assumptions:

- The thigh (hip to knee centre) and the shank (knee to ankle centre) keep the de Leva (1996)
  lengths, scaled with the spine for a child.
- **Knees bent**: the thigh rises ``knee_bent_thigh_angle`` above the bed and the foot is flat
  (the ankle ``ankle_height`` above the bed).
- **Legs straight**: the back of the thigh and calf lie on the bed, so the knee centre is
  ``knee_centre_height`` above it (an assumed half knee depth) and the thigh slopes down from
  the hip to the knee.
- **The hip's extension.** Standing, the thigh hangs along the standing vertical. Lying with
  straight legs, the hip is extended beyond its standing angle by the thigh's slope plus the
  backward roll of the pelvis from its standing tilt (both turn the thigh backward against the
  pelvis; :func:`hip_extension`). The hip can take ``hip_extension_reserve`` of that (the
  passive hip extension of healthy adults, Roach 2015); :mod:`widgets.model.supine` lets the
  rest pull the pelvis forward, taken up by the lumbar joints.
"""

from __future__ import annotations

import math

import numpy as np

from widgets.data import value
from widgets.model import measure
from widgets.model.spine import SpineGeometry
from widgets.model.spine_params import PRESETS, preset
from widgets.validation import check_choice, check_instance

#: Leg positions of the lying model.
LEGS: tuple[str, ...] = ("bent", "straight")
#: Unit vector along the bed toward the head: the "up" of the standing spine when lying.
HEADWARD = np.array([-1.0, 0.0])


def _supine(name: str) -> float:
    return value("supine", name)


def leg_points(geom: SpineGeometry, legs: str = "straight") -> np.ndarray:
    """Hip, knee and ankle joint centres of a lying ``geom``, shape (3, 2), mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``legs`` not one of :data:`LEGS`.
    """
    check_instance("geom", geom, SpineGeometry, "a SpineGeometry (from widgets.build_spine)")
    return _leg_points(geom, check_choice("legs", legs, LEGS))


def _leg_points(geom: SpineGeometry, legs: str) -> np.ndarray:
    """:func:`leg_points` unchecked."""
    hip = np.asarray(geom.hip_axis, dtype=float)
    size = geom.scale
    thigh, shank = _supine("thigh_length") * size, _supine("shank_length") * size
    ankle_y = _supine("ankle_height") * size
    if legs == "straight":
        drop = min(max(hip[1] - _supine("knee_centre_height") * size, -thigh), thigh)
        knee = hip + np.array([math.sqrt(thigh**2 - drop**2), -drop])
        rise = min(max(ankle_y - knee[1], -shank), shank)
        ankle = knee + np.array([math.sqrt(shank**2 - rise**2), rise])
        return np.array([hip, knee, ankle])
    a = math.radians(_supine("knee_bent_thigh_angle"))
    knee = hip + thigh * np.array([math.cos(a), math.sin(a)])
    drop = min(knee[1] - ankle_y, shank)
    ankle = knee + np.array([math.sqrt(shank**2 - drop**2), -drop])
    return np.array([hip, knee, ankle])


def hip_extension(geom: SpineGeometry, spine: str = "adult-mean") -> float:
    """Extension of the hip beyond its standing angle lying with straight legs, deg.

    The thigh's slope down from the hip to the knee (:func:`leg_points`) plus the pelvis's
    tilt lying down (measured against the bed's headward direction) minus the standing tilt
    of preset ``spine`` (both positive when rolled back).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``spine`` not a preset.
    """
    check_instance("geom", geom, SpineGeometry, "a SpineGeometry (from widgets.build_spine)")
    if not isinstance(spine, str) or spine not in PRESETS:
        raise ValueError(f"spine = {spine!r} is not a preset; valid presets: {', '.join(PRESETS)}")
    return _hip_extension(geom, preset(spine).pelvic_tilt)


def _hip_extension(geom: SpineGeometry, standing_tilt: float) -> float:
    """:func:`hip_extension` unchecked."""
    hip, knee, _ = _leg_points(geom, "straight")
    slope = math.degrees(math.atan2(hip[1] - knee[1], knee[0] - hip[0]))
    return slope + measure.pelvic_tilt(geom, HEADWARD) - standing_tilt
