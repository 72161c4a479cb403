"""Measure sagittal angles on any spine geometry, from its coordinates alone.

Sign conventions (all in degrees): an endplate's *tilt* is the forward lean of its normal
from vertical (the sacral slope is the tilt of S1). Lordosis and kyphosis are positive in
their own direction, as in clinical Cobb angles. Head pitch is positive chin-up.
Angles that need a vertical (sacral slope, pelvic tilt, head pitch) take it from ``up``.
"""

from __future__ import annotations

import numpy as np

from widgets.model.angles import (
    UP,
    angle_from,
    check_point,
    frankfort_pitch,
    plate_tilt,
    wrap_degrees,
)
from widgets.model.spine import SpineGeometry
from widgets.validation import check_choice


def _geometry(geom: object) -> SpineGeometry:
    """Return ``geom`` if it is a :class:`SpineGeometry`, else raise a ``ValueError``."""
    if not isinstance(geom, SpineGeometry):
        raise ValueError(
            "geom must be a SpineGeometry (from widgets.build_spine), "
            f"got {type(geom).__name__} {geom!r:.60}"
        )
    return geom


def superior_tilt(geom: SpineGeometry, level: str, up: np.ndarray = UP) -> float:
    """Tilt (deg) of the superior endplate of ``level`` (``S1`` allowed)."""
    _geometry(geom)
    if level == "S1":
        return plate_tilt(geom.s1_endplate[0], geom.s1_endplate[1], up)
    c = geom.body(level)
    return plate_tilt(c[2], c[3], up)


def inferior_tilt(geom: SpineGeometry, level: str, up: np.ndarray = UP) -> float:
    """Tilt (deg) of the inferior endplate of ``level``."""
    _geometry(geom)
    c = geom.body(level)
    return plate_tilt(c[1], c[0], up)


def cervical_lordosis(geom: SpineGeometry) -> float:
    """C2–C7 Cobb angle (inferior plate of C2 to inferior plate of C7), deg; lordosis positive."""
    _geometry(geom)
    return wrap_degrees(inferior_tilt(geom, "C7") - inferior_tilt(geom, "C2"))


def thoracic_kyphosis(geom: SpineGeometry) -> float:
    """T4–T12 Cobb angle (superior plate of T4 to inferior plate of T12), deg; kyphosis positive."""
    _geometry(geom)
    return wrap_degrees(superior_tilt(geom, "T4") - inferior_tilt(geom, "T12"))


def lumbar_lordosis(geom: SpineGeometry, upper: str = "L1") -> float:
    """Cobb angle from the superior plate of ``upper`` to the S1 plate, deg; lordosis positive.

    Raises
    ------
    ValueError
        If ``upper`` is not a level of ``geom`` (C1 ... L5); the message names ``upper``.
    """
    _geometry(geom)
    check_choice("upper", upper, geom.levels, what="level")
    return wrap_degrees(superior_tilt(geom, "S1") - superior_tilt(geom, upper))


def sacral_slope(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Angle of the S1 endplate to the horizontal, deg."""
    _geometry(geom)
    return superior_tilt(geom, "S1", up)


def pelvic_tilt(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Angle between vertical and the line from the hip axis to the S1 plate centre, deg.

    Positive when the hip axis lies in front of the S1 plate centre.
    """
    _geometry(geom)
    to_s1 = geom.s1_endplate.mean(axis=0) - geom.hip_axis
    return angle_from(check_point("up", up), to_s1)


def pelvic_incidence(geom: SpineGeometry) -> float:
    """Angle between the S1 plate normal and the line from its centre to the hip axis, deg."""
    _geometry(geom)
    posterior, anterior = geom.s1_endplate
    along = anterior - posterior
    inward = np.array([along[1], -along[0]])  # normal pointing into the sacrum
    to_hip = geom.hip_axis - (posterior + anterior) / 2.0
    return abs(angle_from(inward, to_hip))


def head_pitch(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Angle of the Frankfort plane (porion -> orbitale) above horizontal, deg; chin up positive."""
    _geometry(geom)
    return frankfort_pitch(geom.landmarks["porion"], geom.landmarks["orbitale"], up)


def regional_angles(geom: SpineGeometry) -> dict[str, float]:
    """All five input angles measured back on the geometry, deg."""
    _geometry(geom)
    return {
        "cervical_lordosis": cervical_lordosis(geom),
        "thoracic_kyphosis": thoracic_kyphosis(geom),
        "lumbar_lordosis": lumbar_lordosis(geom),
        "pelvic_incidence": pelvic_incidence(geom),
        "pelvic_tilt": pelvic_tilt(geom),
    }
