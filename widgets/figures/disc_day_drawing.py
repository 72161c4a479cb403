"""The lumbar disc drawn to scale from the side, between slices of the two vertebrae.

Plotly layout shapes and annotations in mm (``xref="x"``, ``yref="y"``, equal scales). To
scale: the disc's height, and its width, drawn as the diameter of a circle with the model
disc's cross-section (an assumption: a real disc is kidney-shaped). Drawn schematically, not
to scale: the slices of vertebral bone (their height is not the vertebra's), the side bulge,
and the nucleus (its outline only shows where it lies).
"""

from __future__ import annotations

import math
from typing import Any

from widgets.figures.theme import REGION_COLOURS, TEXT, plotly_text, rgba
from widgets.validation import check_in_range

#: Height of the slice of vertebral bone drawn above and below the disc, mm (schematic).
BONE_SLICE = 7.0
#: How far the disc's sides bulge past the vertebrae, mm (schematic).
BULGE = 1.2
#: Colour of the dashed line at the height on rising.
RISING_COLOUR = "#2a9d8f"


def disc_width(area: float) -> float:
    """Width of the disc in the drawing, mm: the diameter of a circle of ``area`` (mm2).

    Raises
    ------
    ValueError
        If ``area`` is not a number from 100 to 5000 mm2.
    """
    return 2.0 * math.sqrt(check_in_range("area", area, 100.0, 5000.0, "mm2") / math.pi)


def _check_heights(height: float, rising: float) -> tuple[float, float]:
    return (
        check_in_range("height", height, 1.0, 25.0, "mm"),
        check_in_range("rising_height", rising, 1.0, 25.0, "mm"),
    )


def drawing_shapes(height: float, rising_height: float, area: float) -> list[dict[str, Any]]:
    """Shapes of the drawing: bone slices, endplates, disc, nucleus, the height on rising.

    The height on rising is a dashed line.

    Parameters
    ----------
    height : float
        Disc height now, mm (1 to 25).
    rising_height : float
        Disc height on rising, mm (1 to 25).
    area : float
        Disc cross-section, mm2 (100 to 5000); sets the drawn width.

    Raises
    ------
    ValueError
        Naming a value out of range.
    """
    h, rising = _check_heights(height, rising_height)
    half = disc_width(area) / 2.0
    bone = rgba(REGION_COLOURS["bone"], 0.55)
    edge = REGION_COLOURS["bone"]

    def rect(name: str, y0: float, y1: float) -> dict[str, Any]:
        return {
            "type": "rect",
            "name": name,
            "xref": "x",
            "yref": "y",
            "x0": -half,
            "x1": half,
            "y0": y0,
            "y1": y1,
            "fillcolor": bone,
            "line": {"color": edge, "width": 1},
        }

    def plate(name: str, y: float) -> dict[str, Any]:
        return {
            "type": "line",
            "name": name,
            "xref": "x",
            "yref": "y",
            "x0": -half,
            "x1": half,
            "y0": y,
            "y1": y,
            "line": {"color": TEXT, "width": 3},
        }

    b = BULGE
    disc_path = (
        f"M {-half:.3f},0 L {half:.3f},0 Q {half + 2 * b:.3f},{h / 2:.3f} {half:.3f},{h:.3f} "
        f"L {-half:.3f},{h:.3f} Q {-half - 2 * b:.3f},{h / 2:.3f} {-half:.3f},0 Z"
    )
    return [
        rect("lower vertebra", -BONE_SLICE, 0.0),
        rect("upper vertebra", h, h + BONE_SLICE),
        {
            "type": "path",
            "name": "disc",
            "xref": "x",
            "yref": "y",
            "path": disc_path,
            "fillcolor": rgba(REGION_COLOURS["disc"], 0.45),
            "line": {"color": REGION_COLOURS["disc"], "width": 1.5},
        },
        {
            "type": "circle",
            "name": "nucleus",
            "xref": "x",
            "yref": "y",
            "x0": -0.45 * half,
            "x1": 0.55 * half,
            "y0": 0.2 * h,
            "y1": 0.8 * h,
            "fillcolor": rgba(REGION_COLOURS["cervical"], 0.45),
            "line": {"color": REGION_COLOURS["cervical"], "width": 1},
        },
        plate("lower endplate", 0.0),
        plate("upper endplate", h),
        {
            "type": "line",
            "name": "rising-line",
            "xref": "x",
            "yref": "y",
            "x0": -half - 3.0,
            "x1": half + 3.0,
            "y0": rising,
            "y1": rising,
            "line": {"color": RISING_COLOUR, "width": 2, "dash": "dash"},
        },
    ]


def drawing_annotations(height: float, rising_height: float) -> list[dict[str, Any]]:
    """Labels of the drawing: the parts, and the height now against the height on rising.

    Raises
    ------
    ValueError
        If a height is not a number from 1 to 25 mm.
    """
    h, rising = _check_heights(height, rising_height)
    change = h - rising
    share = 100.0 * change / rising

    def label(text: str, x: float, y: float, **extra: Any) -> dict[str, Any]:
        return {
            "text": plotly_text(text),
            "xref": "x",
            "yref": "y",
            "x": x,
            "y": y,
            "showarrow": False,
            "font": {"size": 11, "color": TEXT},
            **extra,
        }

    return [
        label("vertebra (slice)", -8.0, h + BONE_SLICE / 2),
        label("vertebra (slice)", -8.0, -BONE_SLICE / 2),
        label("nucleus", 1.0, h / 2),
        label("annulus", -17.0, h / 2),
        label("endplate", 15.0, h, showarrow=True, ax=0, ay=-24, arrowcolor=TEXT, arrowwidth=1),
        {
            **label(
                f"now {h:.2f} mm<br>on rising {rising:.2f} mm (dashed)<br>"
                f"change {change:+.2f} mm ({share:+.1f} %)",
                0.0,
                -BONE_SLICE - 1.0,
                yanchor="top",
            ),
            "name": "height-readout",
            "text": (
                f"now {h:.2f} mm<br>on rising {rising:.2f} mm (dashed)<br>"
                f"change {change:+.2f} mm ({share:+.1f} &#37;)"
            ),
        },
    ]
