"""Outlines of the skull, sacrum and innominate bone for drawing, in local frames (mm).

These are teaching sketches, not measured anatomy: only the head length is sourced
(vertex to mid-gonion, de Leva 1996); the other shapes are illustrative and never
enter an angle that the course measures.
"""

from __future__ import annotations

import numpy as np

from widgets.data import value
from widgets.validation import check_in_range, check_int_in_range

#: Accepted sizes of the outlines, mm: course limits, far wider than any body, so that only
#: nonsense (zero, negative, huge, not a number) is refused.
SIZE_RANGE_MM: tuple[float, float] = (1.0, 1000.0)
#: Accepted numbers of points on a circle.
CIRCLE_POINTS: tuple[int, int] = (3, 10_000)

# Skull profile facing +x, origin at the occipital condyles (top of C1), Frankfort plane
# (porion -> orbitale) horizontal. Drawn with a vertex-to-gonion distance of 200 units,
# then scaled to the sourced head length.
_SKULL = np.array(
    [
        (-40, -5),
        (-85, 20),
        (-100, 60),
        (-90, 110),
        (-50, 145),
        (10, 155),
        (60, 138),
        (85, 102),
        (88, 75),
        (82, 62),
        (108, 22),
        (88, 8),
        (93, -8),
        (86, -20),
        (90, -32),
        (84, -50),
        (85, -65),
        (72, -78),
        (40, -72),
        (5, -45),
        (10, -10),
    ],
    dtype=float,
)
_SKULL_LANDMARKS = {
    "porion": (-10.0, 30.0),
    "orbitale": (70.0, 30.0),
    "chin": (72.0, -78.0),
    "vertex": (10.0, 155.0),
    "gonion": (5.0, -45.0),
}
_SKULL_DRAWN_LENGTH = 200.0


def skull() -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Skull outline and landmarks in the head frame, mm.

    Returns
    -------
    outline : ndarray, shape (n, 2)
        Closed profile (x forward, y up), origin at the occipital condyles.
    landmarks : dict of str to ndarray
        ``porion``, ``orbitale`` (the Frankfort line), ``chin`` (menton), ``vertex``, ``gonion``.
    """
    scale = value("geometry", "head_length") / _SKULL_DRAWN_LENGTH
    marks = {k: np.array(v) * scale for k, v in _SKULL_LANDMARKS.items()}
    return _SKULL * scale, marks


def sacrum(depth: float) -> np.ndarray:
    """Sacrum and coccyx outline in the S1 frame, mm.

    The frame has its origin at the middle of the S1 endplate, x along the endplate toward
    the front and y along the endplate normal (up). ``depth`` is the endplate width, mm.

    Raises
    ------
    ValueError
        If ``depth`` is not a number in :data:`SIZE_RANGE_MM`.
    """
    depth = check_in_range("depth", depth, *SIZE_RANGE_MM, "mm")
    length = value("geometry", "sacrum_length") / 100.0
    half = depth / 2.0
    pts = [
        (half, 0),
        (half - 4, -35),
        (half - 12, -65),
        (half - 25, -92),
        (-15, -102),
        (-25, -95),
        (-28, -60),
        (-25, -25),
        (-half, 0),
    ]
    out = np.array(pts, dtype=float)
    out[1:-1] *= length
    return out


def innominate(radius: float) -> np.ndarray:
    """Outline of the hip bone in the pelvic frame, mm.

    The pelvic frame has its origin at the hip axis and y pointing to the middle of the
    S1 endplate, which lies at ``(0, radius)``; x points forward.

    Raises
    ------
    ValueError
        If ``radius`` is not a number in :data:`SIZE_RANGE_MM`.
    """
    r = check_in_range("radius", radius, *SIZE_RANGE_MM, "mm")
    pts = [
        (-40, r + 5),
        (-10, r + 42),
        (30, r + 40),
        (62, r - 30),
        (50, 45),
        (35, 25),
        (60, -20),
        (60, -50),
        (35, -55),
        (-15, -60),
        (-25, -35),
        (-35, -5),
        (-50, 40),
    ]
    return np.array(pts, dtype=float)


def circle(radius: float, n: int = 24) -> np.ndarray:
    """``n`` points on a circle of ``radius`` mm around the origin.

    Raises
    ------
    ValueError
        If ``radius`` is not a number in :data:`SIZE_RANGE_MM` or ``n`` is not a whole
        number in :data:`CIRCLE_POINTS`.
    """
    radius = check_in_range("radius", radius, *SIZE_RANGE_MM, "mm")
    n = check_int_in_range("n", n, *CIRCLE_POINTS, "points")
    a = np.linspace(0.0, 2.0 * np.pi, n, endpoint=False)
    return np.column_stack([radius * np.cos(a), radius * np.sin(a)])
