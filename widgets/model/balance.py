"""Global sagittal balance of a standing spine, measured on its coordinates alone.

Teaching measures of where the trunk stands over the pelvis (definitions as used in adult
spinal deformity work; see ``data/balance.csv`` for the normal ranges and their sources):

- **Sagittal vertical axis (SVA)**: horizontal distance, mm, from the posterosuperior corner of
  the S1 endplate to the plumb line dropped from the centre of the C7 body; positive when C7
  lies in front of the corner (Schwab's SRS classification grades it).
- **T1 spinopelvic inclination (T1SPI)**: angle, deg, between the vertical and the line from the
  hip axis to the centre of the T1 body; positive when T1 lies in front of the hip axis.
- **T1 pelvic angle (TPA)**: angle, deg, at the hip axis between the lines to the centre of the
  T1 body and to the middle of the S1 endplate (Protopsaltis 2014); it equals T1SPI plus the
  pelvic tilt and, unlike SVA, does not change when the whole body leans.
- **T1 slope**: forward lean, deg, of the normal of the T1 superior endplate from vertical
  (the endplate's angle to the horizontal).

Assumptions: the geometry is a standing spine in its own frame (``up`` is its vertical, the
hip axis is the centre of the femoral heads); a body's centre is the mean of its four corners.
The measures are computed as a radiograph reader would, on the drawn bodies.
"""

from __future__ import annotations

import numpy as np

from widgets.model.angles import UP, angle_from, check_point
from widgets.model.measure import pelvic_tilt, superior_tilt
from widgets.model.spine import SpineGeometry


def _geometry(geom: object) -> SpineGeometry:
    """Return ``geom`` if it is a :class:`SpineGeometry`, else raise a ``ValueError``."""
    if not isinstance(geom, SpineGeometry):
        raise ValueError(
            "geom must be a SpineGeometry (from widgets.build_spine), "
            f"got {type(geom).__name__} {geom!r:.60}"
        )
    return geom


def _centre(geom: SpineGeometry, level: str) -> np.ndarray:
    centre: np.ndarray = geom.body(level).mean(axis=0)
    return centre


def sagittal_vertical_axis(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Sagittal vertical axis: C7 plumb line to the posterosuperior corner of S1, mm.

    Parameters
    ----------
    geom : SpineGeometry
        A standing spine (:func:`widgets.model.spine.build_spine`).
    up : array of 2 floats, optional
        The vertical of the frame (default +y).

    Returns
    -------
    float
        Horizontal offset, mm; positive when the C7 body centre lies in front of the corner.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``up`` is not two finite numbers.
    """
    _geometry(geom)
    up = check_point("up", up)
    norm = float(np.hypot(*up))
    if norm == 0.0:
        raise ValueError(f"up must not be the zero vector, got {up.tolist()}")
    forward = np.array([up[1], -up[0]]) / norm
    return float(np.dot(_centre(geom, "C7") - geom.s1_endplate[0], forward))


def t1_spinopelvic_inclination(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Angle between the vertical and the line from the hip axis to the T1 body centre, deg.

    Positive when T1 lies in front of the hip axis.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``up`` is not two finite numbers.
    """
    _geometry(geom)
    to_t1 = _centre(geom, "T1") - geom.hip_axis
    return -angle_from(check_point("up", up), to_t1)


def t1_pelvic_angle(geom: SpineGeometry) -> float:
    """T1 pelvic angle: at the hip axis, from the S1 plate middle to the T1 body centre, deg.

    Positive when T1 lies forward of the line from the hip axis through the S1 plate middle
    (the usual case; larger values mean a trunk further forward or a pelvis tilted back).
    Equals :func:`t1_spinopelvic_inclination` plus the pelvic tilt.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`.
    """
    _geometry(geom)
    to_s1 = geom.s1_endplate.mean(axis=0) - geom.hip_axis
    to_t1 = _centre(geom, "T1") - geom.hip_axis
    return -angle_from(to_s1, to_t1)


def t1_slope(geom: SpineGeometry, up: np.ndarray = UP) -> float:
    """Forward lean of the T1 superior endplate's normal from vertical, deg.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``up`` is not two finite numbers.
    """
    _geometry(geom)
    return superior_tilt(geom, "T1", check_point("up", up))


def global_balance(geom: SpineGeometry) -> dict[str, float]:
    """All balance measures of a standing spine, in its own frame.

    Returns
    -------
    dict of str to float
        ``sva`` (mm), ``t1_spinopelvic_inclination``, ``t1_pelvic_angle``, ``t1_slope`` and
        ``pelvic_tilt`` (deg).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`.
    """
    _geometry(geom)
    return {
        "sva": sagittal_vertical_axis(geom),
        "t1_spinopelvic_inclination": t1_spinopelvic_inclination(geom),
        "t1_pelvic_angle": t1_pelvic_angle(geom),
        "t1_slope": t1_slope(geom),
        "pelvic_tilt": pelvic_tilt(geom),
    }
