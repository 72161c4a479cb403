"""Names, colours and the age axis shared by the parts of the curves-by-age chart."""

from __future__ import annotations

import textwrap
from typing import overload

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import REGION_COLOURS, plotly_text
from widgets.model.development import AGE_RANGE_MONTHS, check_ages
from widgets.validation import check_choice, check_instance, check_int_in_range, check_text

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

    Raises
    ------
    ValueError
        If an age is not a finite number in 0 to 240 months (the message names
        ``age_months``).
    """
    position = np.sqrt(check_ages(months))
    return float(position) if position.ndim == 0 else position


#: Right end of the age axis and the plotted x range (a little wider), axis units.
AGE_X_END = float(age_axis(AGE_RANGE_MONTHS[1]))
AGE_X_RANGE = (-0.4, AGE_X_END + 0.4)


def curve_colour(parameter: str) -> str:
    """The region colour of one of :data:`CURVES`.

    Raises
    ------
    ValueError
        If ``parameter`` is not one of :data:`CURVES`; the message names ``parameter`` and
        lists them.
    """
    check_choice("parameter", parameter, CURVES, what="curve")
    return REGION_COLOURS[CURVE_REGIONS[parameter]]


def hover_paragraph(text: str, width: int = 60) -> str:
    """``text`` broken into lines of at most ``width`` characters for a hover, shown as typed.

    The lines are made safe for plotly with :func:`~widgets.figures.theme.plotly_text` (no
    markup, no ``%{...}`` template) and joined with ``<br>``.

    Raises
    ------
    ValueError
        If ``text`` is not a str or ``width`` not a whole number from 10 to 1000.
    """
    check_text("text", text, allow_empty=True)
    width = check_int_in_range("width", width, 10, 1000, "characters")
    return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, width))


def check_chart(name: str, fig: object) -> go.Figure:
    """Return ``fig`` if it is a plotly figure with the chart's two panels (rows 1 and 2).

    Raises
    ------
    ValueError
        If ``fig`` is not a ``go.Figure`` made by ``make_subplots(rows=2, cols=1)`` (as
        :func:`~widgets.figures.curves_by_age.curves_figure` makes it).
    """
    what = "a plotly figure with two panels (make_subplots(rows=2, cols=1))"
    figure = check_instance(name, fig, go.Figure, what)
    try:
        figure.get_subplot(2, 1)
    except Exception:  # plotly raises a bare Exception for a figure without a grid
        raise ValueError(f"{name} must be {what}, got a go.Figure without that grid") from None
    return figure
