"""Plane angle primitives shared by the spine builder and the measurements, deg.

Counter-clockwise angles are positive; ``up`` is the vertical of the frame (default +y).
"""

from __future__ import annotations

import numpy as np

from widgets.validation import check_items, check_number

UP = np.array([0.0, 1.0])


def check_point(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array ``[x, y]`` if it holds two finite numbers.

    Raises
    ------
    ValueError
        If ``value`` is not a list, tuple or array of exactly two finite numbers; the message
        names the parameter and the value.
    """
    if isinstance(value, np.ndarray) and value.shape == (2,) and np.isfinite(value).all():
        return value.astype(float)
    items = check_items(name, value, check_number, minimum=2, what="two numbers (x, y)")
    if len(items) != 2:
        raise ValueError(f"{name} must be two numbers (x, y), got {len(items)} of them")
    return np.array(items, dtype=float)


def angle_from(reference: np.ndarray, vector: np.ndarray) -> float:
    """Signed angle (deg) that turns ``reference`` onto ``vector``, counter-clockwise positive.

    Raises
    ------
    ValueError
        If either is not two finite numbers (:func:`check_point`).
    """
    reference = check_point("reference", reference)
    vector = check_point("vector", vector)
    cross = reference[0] * vector[1] - reference[1] * vector[0]
    return float(np.degrees(np.arctan2(cross, np.dot(reference, vector))))


def wrap_degrees(deg: float) -> float:
    """Wrap an angle difference into (-180, 180] deg.

    Raises
    ------
    ValueError
        If ``deg`` is not a finite number.
    """
    deg = check_number("deg", deg, "deg")
    return 180.0 - (180.0 - deg) % 360.0


def plate_tilt(posterior: np.ndarray, anterior: np.ndarray, up: np.ndarray = UP) -> float:
    """Forward lean (deg) of the normal of the plate from ``posterior`` to ``anterior``.

    "Forward" is the side of ``up`` toward which ``anterior`` points.
    """
    along = check_point("anterior", anterior) - check_point("posterior", posterior)
    up = check_point("up", up)
    horizontal = np.array([up[1], -up[0]])  # forward direction when the plate is level
    return -angle_from(horizontal, along)


def frankfort_pitch(porion: np.ndarray, orbitale: np.ndarray, up: np.ndarray = UP) -> float:
    """Angle of the Frankfort plane (porion -> orbitale) above horizontal, deg; chin up positive."""
    up = check_point("up", up)
    horizontal = np.array([up[1], -up[0]])
    return angle_from(horizontal, check_point("orbitale", orbitale) - check_point("porion", porion))
