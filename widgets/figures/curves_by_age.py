"""The chart of the three spinal curves against age, from birth to 20 years.

Beside the model's curves it shows their sourced anchor values, the adult bands and the
gross motor milestones of the first two years.

:func:`curves_figure` builds the chart as a ``go.Figure``. An interactive view that moves
the current-age marker uses :func:`curves_chart_json` instead: the same chart as plotly
JSON, built once, with only the marker replaced (a few ms instead of a new figure).
The parts live in ``curves_by_age_scale`` (names, colours, the age axis),
``curves_by_age_traces`` (the curve panel) and ``curves_by_age_milestones``.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from widgets.figures.curves_by_age_milestones import add_age_notes, add_milestones
from widgets.figures.curves_by_age_scale import (
    AGE_TICK_TEXT,
    AGE_TICKS_MONTHS,
    AGE_X_RANGE,
    CURVES,
    age_axis,
    curve_colour,
)
from widgets.figures.curves_by_age_traces import (
    add_adult_bands,
    add_anchor_dots,
    add_legend,
    add_model_curves,
)
from widgets.figures.theme import axis_style, base_layout, plotly_text
from widgets.model.ages import age_label, check_age
from widgets.model.development import at_age

#: MIME type of a plotly chart in a notebook output.
PLOTLY_MIME = "application/vnd.plotly.v1+json"

#: Size of the chart, px.
CHART_WIDTH = 580
CHART_HEIGHT = 660

#: Colour of the current-age marker (a mid-tone that reads on light and dark themes).
MARKER_COLOUR = "#d1495b"


def age_marker(months: float) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The current-age marker as plotly JSON: the dots trace, the line and its label.

    Returns
    -------
    dots : dict
        A scatter trace (``meta.kind == "age-dots"``): the model's three curves at
        ``months``, deg, in the order of :data:`CURVES`.
    line, label : dict
        The vertical line (a layout shape) and the age above it (a layout annotation),
        both named ``"age-marker"``.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    age = check_age(months)
    x = float(age_axis(age))
    params = at_age(age)
    dots = {
        "type": "scatter",
        "x": [x, x, x],
        "y": [getattr(params, p) for p in CURVES],
        "mode": "markers",
        "name": "at the chosen age",
        "showlegend": False,
        "marker": {
            "size": 13,
            "color": [curve_colour(p) for p in CURVES],
            "line": {"width": 2, "color": MARKER_COLOUR},
        },
        "text": list(CURVES.values()),
        "meta": {"kind": "age-dots"},
        "hovertemplate": "%{text}: %{y:.0f}° (model)<extra></extra>",
        "xaxis": "x",
        "yaxis": "y",
    }
    line = {
        "type": "line",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "xref": "x",
        "yref": "paper",
        "line": {"color": MARKER_COLOUR, "width": 2},
        "layer": "above",
        "name": "age-marker",
    }
    label = {
        "x": x,
        "y": 1.0,
        "xref": "x",
        "yref": "paper",
        "yanchor": "bottom",
        "showarrow": False,
        "text": f"<b>{plotly_text(age_label(age))}</b>",
        "font": {"color": MARKER_COLOUR, "size": 13},
        "name": "age-marker",
    }
    return dots, line, label


def _layout(fig: go.Figure, milestone_labels: list[str]) -> None:
    ticks = {
        "tickvals": [float(age_axis(m)) for m in AGE_TICKS_MONTHS],
        "ticktext": list(AGE_TICK_TEXT),
        "range": list(AGE_X_RANGE),
    }
    fig.update_xaxes(**axis_style(""), **ticks)
    fig.update_xaxes(title={"text": "age (the first years are stretched out)"}, row=2, col=1)
    fig.update_yaxes(**axis_style("angle, degrees"), range=[-25, 72], row=1, col=1)
    fig.update_yaxes(
        **axis_style(""),
        showticklabels=False,
        categoryorder="array",
        categoryarray=milestone_labels[::-1],
        row=2,
        col=1,
    )
    fig.update_layout(
        hovermode="closest",
        margin={"l": 55, "r": 30, "t": 40, "b": 100},
        modebar={"orientation": "v"},
        legend={
            "orientation": "h",
            "x": 0,
            "y": -0.11,
            "yanchor": "top",
            "font": {"size": 11},
            "itemwidth": 30,
        },
    )


def curves_figure(months: float = 0.0) -> go.Figure:
    """The three curves against age, with anchors, milestones and adult ranges.

    Parameters
    ----------
    months : float, optional
        Age of the current-age marker, months (0 to 240).

    Returns
    -------
    go.Figure
        Two panels sharing the age axis (square-root scale, :func:`age_axis`): the curves,
        deg, above; the gross motor milestones below. Traces carry ``meta`` tags
        (``"adult-range"``, ``"model"``, ``"anchors"``, ``"legend"``, ``"age-dots"``,
        ``"milestone"``) for tests; the marker is :func:`age_marker`.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    dots, line, label = age_marker(months)
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.74, 0.26], vertical_spacing=0.04
    )
    fig.update_layout(base_layout(height=CHART_HEIGHT, width=CHART_WIDTH))
    add_adult_bands(fig)
    add_model_curves(fig)
    add_anchor_dots(fig)
    add_legend(fig)
    fig.add_trace(go.Scatter(dots))
    labels = add_milestones(fig)
    fig.add_shape(line)
    add_age_notes(fig)
    fig.add_annotation(label)
    _layout(fig, labels)
    return fig


@cache
def _chart_at_birth() -> str:
    """:func:`curves_figure` at 0 months as a JSON string (parsed afresh on each use)."""
    return curves_figure(0.0).to_json()


def curves_chart_json(months: float) -> dict[str, Any]:
    """:func:`curves_figure` as plotly JSON (``data``, ``layout``, ``config``), fast.

    The chart is built once; each call parses a fresh copy and replaces only the
    :func:`age_marker` (about 1 ms, against about 40 ms for a new figure).

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    dots, line, label = age_marker(months)
    chart: dict[str, Any] = json.loads(_chart_at_birth())
    layout = chart["layout"]

    def is_marker(item: dict[str, Any]) -> bool:
        return (
            item.get("name") == "age-marker" or (item.get("meta") or {}).get("kind") == "age-dots"
        )

    chart["data"] = [dots if is_marker(t) else t for t in chart["data"]]
    layout["shapes"] = [line if is_marker(s) else s for s in layout["shapes"]]
    layout["annotations"] = [label if is_marker(a) else a for a in layout["annotations"]]
    chart["config"] = {"displaylogo": False}
    return chart
