"""Plane angle primitives shared by the spine builder and the measurements, deg.

Counter-clockwise angles are positive; ``up`` is the vertical of the frame (default +y).
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

UP = np.array([0.0, 1.0])


def angle_from(reference: np.ndarray, vector: np.ndarray) -> float:
    """Signed angle (deg) that turns ``reference`` onto ``vector``, counter-clockwise positive."""
    cross = reference[0] * vector[1] - reference[1] * vector[0]
    return float(np.degrees(np.arctan2(cross, np.dot(reference, vector))))


def wrap_degrees(deg: float) -> float:
    """Wrap an angle difference into (-180, 180] deg.

    Raises
    ------
    ValueError
        If ``deg`` is not a finite number.
    """
    if isinstance(deg, bool) or not isinstance(deg, Real) or not math.isfinite(deg):
        raise ValueError(f"deg must be a finite number of degrees, got {deg!r}")
    return 180.0 - (180.0 - deg) % 360.0


def plate_tilt(posterior: np.ndarray, anterior: np.ndarray, up: np.ndarray = UP) -> float:
    """Forward lean (deg) of the normal of the plate from ``posterior`` to ``anterior``.

    "Forward" is the side of ``up`` toward which ``anterior`` points.
    """
    along = np.asarray(anterior, float) - np.asarray(posterior, float)
    horizontal = np.array([up[1], -up[0]])  # forward direction when the plate is level
    return -angle_from(horizontal, along)


def frankfort_pitch(porion: np.ndarray, orbitale: np.ndarray, up: np.ndarray = UP) -> float:
    """Angle of the Frankfort plane (porion -> orbitale) above horizontal, deg; chin up positive."""
    horizontal = np.array([up[1], -up[0]])
    return angle_from(horizontal, np.asarray(orbitale, float) - np.asarray(porion, float))
