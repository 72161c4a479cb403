"""Names, colours and the age axis shared by the parts of the curves-by-age chart."""

from __future__ import annotations

import html
import textwrap
from typing import overload

import numpy as np

from widgets.figures.theme import REGION_COLOURS
from widgets.model.development import AGE_RANGE_MONTHS

#: The three curves drawn against age, their short plain names and their regions.
CURVES: dict[str, str] = {
    "cervical_lordosis": "neck curve",
    "thoracic_kyphosis": "upper-back curve",
    "lumbar_lordosis": "low-back curve",
}
CURVE_REGIONS = {
    "cervical_lordosis": "cervical",
    "thoracic_kyphosis": "thoracic",
    "lumbar_lordosis": "lumbar",
}
CURVE_PLACES = {
    "cervical_lordosis": "neck",
    "thoracic_kyphosis": "upper back",
    "lumbar_lordosis": "low back",
}

#: Tick positions (months) and labels of the age axis.
AGE_TICKS_MONTHS = (0, 4, 12, 24, 60, 120, 180, 240)
AGE_TICK_TEXT = ("birth", "4 mo", "1 y", "2 y", "5 y", "10 y", "15 y", "20 y")


@overload
def age_axis(months: float) -> float: ...
@overload
def age_axis(months: np.ndarray) -> np.ndarray: ...
def age_axis(months: float | np.ndarray) -> float | np.ndarray:
    """Position on the chart's age axis: the square root of the age in months.

    The square root stretches the first two years, where the milestones are, so that they
    take about a third of the width instead of a tenth.
    """
    return np.sqrt(months)


#: Right end of the age axis and the plotted x range (a little wider), axis units.
AGE_X_END = float(age_axis(AGE_RANGE_MONTHS[1]))
AGE_X_RANGE = (-0.4, AGE_X_END + 0.4)


def curve_colour(parameter: str) -> str:
    """The region colour of one of :data:`CURVES`."""
    return REGION_COLOURS[CURVE_REGIONS[parameter]]


def hover_paragraph(text: str, width: int = 60) -> str:
    """``text`` escaped and broken into lines of at most ``width`` characters for a hover."""
    return "<br>".join(textwrap.wrap(html.escape(text), width))
