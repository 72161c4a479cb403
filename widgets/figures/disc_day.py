"""A day in the life of a disc, in one plotly chart.

The chart shows the disc to scale, its height and pressure over 24 h, and the first hour in
bed with a session of waist lifts.

:func:`disc_day_chart_json` builds the chart as plotly JSON (a dict, a few ms, for a view that
redraws it on every change); :func:`disc_day_figure` wraps the same JSON in a ``go.Figure``.
Every trace comes from :func:`widgets.figures.disc_day_run.day_run` (the disc model); the
drawing's shapes are in :mod:`widgets.figures.disc_day_drawing`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import plotly.graph_objects as go

from widgets.figures.disc_day_drawing import drawing_annotations, drawing_shapes
from widgets.figures.disc_day_run import (
    DAY_TITLES,
    POSTURE_TITLES,
    TABLE_TITLES,
    WINDOW_MINUTES,
    DayRun,
    check_hour,
    day_run,
)
from widgets.figures.theme import GRID, TEXT, axis_style, base_layout, plotly_text, rgba
from widgets.model.disc_transport import LIFT_MINUTES

#: MIME type of a plotly chart in a notebook output.
PLOTLY_MIME = "application/vnd.plotly.v1+json"
#: Size of the chart, px.
CHART_WIDTH = 800
CHART_HEIGHT = 800
#: Colours (mid-tones that read on the light and the dark theme).
HEIGHT_COLOUR = "#2a9d8f"
PRESSURE_COLOUR = "#e08e0b"
LIFT_COLOUR = "#d1495b"
STILL_COLOUR = "#8e6cc9"
MARKER_COLOUR = "#d1495b"
LYING_FILL = rgba("#5fa8d3", 0.15)
WINDOW_FILL = rgba("#d1495b", 0.18)


def clock(hour: float) -> str:
    """``hour`` (0 to 24 h) as a clock time, ``"07:30"`` (24 h is ``"24:00"``).

    Raises
    ------
    ValueError
        If ``hour`` is not a number from 0 to 24.
    """
    minutes = round(check_hour(hour) * 60.0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _list(values: np.ndarray, digits: int = 4) -> list[float]:
    return [float(v) for v in np.round(values, digits)]


def _lying_spans(run: DayRun) -> list[tuple[float, float]]:
    spans: list[tuple[float, float]] = []
    t = run.history.time
    for i, posture in enumerate(run.postures[:-1]):
        if not posture.startswith("lying"):
            continue
        if spans and spans[-1][1] == t[i]:
            spans[-1] = (spans[-1][0], float(t[i + 1]))
        else:
            spans.append((float(t[i]), float(t[i + 1])))
    return spans


def _day_traces(run: DayRun) -> list[dict[str, Any]]:
    h = run.history
    names = [POSTURE_TITLES.get(p, p) for p in run.postures]
    hover = "%{customdata}<br>%{x:.2f} h: %{y:.2f} "
    return [
        {
            "type": "scatter",
            "x": _list(h.time),
            "y": _list(h.height),
            "customdata": names,
            "mode": "lines",
            "name": "disc height",
            "line": {"color": HEIGHT_COLOUR, "width": 2.5},
            "hovertemplate": hover + "mm<extra>height</extra>",
            "xaxis": "x2",
            "yaxis": "y2",
            "showlegend": False,
            "meta": {"kind": "day-height"},
        },
        {
            "type": "scatter",
            "x": _list(h.time),
            "y": _list(h.load),
            "customdata": names,
            "mode": "lines",
            "line": {"color": TEXT, "width": 1.5, "dash": "dot", "shape": "hv"},
            "name": "the posture's pressure in the table",
            "hovertemplate": hover + "MPa<extra>table</extra>",
            "xaxis": "x3",
            "yaxis": "y3",
            "showlegend": False,
            "meta": {"kind": "day-load"},
        },
        {
            "type": "scatter",
            "x": _list(h.time),
            "y": _list(h.pressure),
            "customdata": names,
            "mode": "lines",
            "line": {"color": PRESSURE_COLOUR, "width": 2.5},
            "name": "pressure in the model disc",
            "hovertemplate": hover + "MPa<extra>model</extra>",
            "xaxis": "x3",
            "yaxis": "y3",
            "showlegend": False,
            "meta": {"kind": "day-pressure"},
        },
    ]


def _window_traces(run: DayRun) -> list[dict[str, Any]]:
    still, lifts = run.window_still, run.window_lifts
    return [
        {
            "type": "scatter",
            "x": _list(still.time, 3),
            "y": _list(still.height),
            "mode": "lines",
            "line": {"color": STILL_COLOUR, "width": 3},
            "name": "lying still",
            "hovertemplate": "%{x:.1f} min: %{y:.3f} mm<extra>lying still</extra>",
            "xaxis": "x4",
            "yaxis": "y4",
            "meta": {"kind": "window-still"},
        },
        {
            "type": "scatter",
            "x": _list(lifts.time, 3),
            "y": _list(lifts.height),
            "mode": "lines",
            "line": {"color": LIFT_COLOUR, "width": 1.5},
            "name": (f"{LIFT_MINUTES:g} min of lifts, high bound (the low bound is lying still)"),
            "hovertemplate": "%{x:.2f} min: %{y:.3f} mm<extra>lifts, then still</extra>",
            "xaxis": "x4",
            "yaxis": "y4",
            "meta": {"kind": "window-lifts"},
        },
    ]


def _marker(run: DayRun, hour: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    height, pressure, _ = run.at(hour)
    dots = [
        {
            "type": "scatter",
            "x": [hour],
            "y": [y],
            "xaxis": "x2" if axis == "y2" else "x3",
            "yaxis": axis,
            "mode": "markers",
            "marker": {"size": 11, "color": MARKER_COLOUR, "line": {"width": 2, "color": "white"}},
            "showlegend": False,
            "hoverinfo": "skip",
            "meta": {"kind": "hour-dot"},
        }
        for axis, y in (("y2", height), ("y3", pressure))
    ]
    lines = [
        {
            "type": "line",
            "name": "hour-marker",
            "xref": "x2" if axis == "y2" else "x3",
            "yref": f"{axis} domain",
            "x0": hour,
            "x1": hour,
            "y0": 0,
            "y1": 1,
            "line": {"color": MARKER_COLOUR, "width": 2},
        }
        for axis in ("y2", "y3")
    ]
    return dots, lines


def _background(run: DayRun) -> list[dict[str, Any]]:
    shapes = []
    for axis in ("y2", "y3"):
        for a, b in _lying_spans(run):
            shapes.append(
                {
                    "type": "rect",
                    "name": "lying",
                    "xref": "x2",
                    "yref": f"{axis} domain",
                    "x0": a,
                    "x1": b,
                    "y0": 0,
                    "y1": 1,
                    "fillcolor": LYING_FILL,
                    "line": {"width": 0},
                    "layer": "below",
                }
            )
    end = run.bed + WINDOW_MINUTES / 60.0
    shapes.append(
        {
            "type": "rect",
            "name": "window",
            "xref": "x2",
            "yref": "y2 domain",
            "x0": run.bed,
            "x1": min(end, 24.0),
            "y0": 0,
            "y1": 1,
            "fillcolor": WINDOW_FILL,
            "line": {"color": LIFT_COLOUR, "width": 1},
            "layer": "below",
        }
    )
    rising = run.rising_height
    for xref, yref, x1 in (("x2", "y2", 24.0), ("x4", "y4", WINDOW_MINUTES)):
        shapes.append(
            {
                "type": "line",
                "name": "rising-height",
                "xref": xref,
                "yref": yref,
                "x0": 0,
                "x1": x1,
                "y0": rising,
                "y1": rising,
                "line": {"color": HEIGHT_COLOUR, "width": 1.5, "dash": "dash"},
            }
        )
    return shapes


def _titles(run: DayRun, hour: float) -> list[dict[str, Any]]:
    def title(text: str, x: float, y: float) -> dict[str, Any]:
        return {
            "text": f"<b>{plotly_text(text)}</b>",
            "xref": "paper",
            "yref": "paper",
            "x": x,
            "y": y,
            "xanchor": "left",
            "yanchor": "bottom",
            "showarrow": False,
            "font": {"size": 13, "color": TEXT},
        }

    c = run.comparison
    note = (
        f"The night ({run.night_hours:g} h) brings in {c.night_net:.0f} mm³ of water: "
        f"{c.night_net / run.area:.2f} mm of height.<br>"
        f"{LIFT_MINUTES:g} min of lifts bring in {c.lift_net_high:.0f} mm³ (high bound) to "
        f"{c.lift_net_low:.0f} mm³ (low bound); lying still as long, {c.still_net:.0f} mm³."
    )
    bed = clock(run.bed)
    return [
        title(f"The disc at {clock(hour)}, to scale (mm)", 0.0, 0.985),
        title("Disc height, mm (blue: lying down; red: the zoomed hour)", 0.36, 0.985),
        title("Pressure, MPa (dotted: the posture's value in the table)", 0.36, 0.655),
        title(
            f"Zoom: the first hour in bed ({bed}), height in mm; dashed: height on rising",
            0.0,
            0.335,
        ),
        {
            "text": "<br>".join(plotly_text(line) for line in note.split("<br>")),
            "name": "window-note",
            "xref": "paper",
            "yref": "paper",
            "x": 0.0,
            "y": -0.105,
            "xanchor": "left",
            "yanchor": "top",
            "align": "left",
            "showarrow": False,
            "font": {"size": 12, "color": TEXT},
        },
    ]


def disc_day_chart_json(
    day: str = "desk_worker", table: str = "wilke1999", hour: float = 18.0
) -> dict[str, Any]:
    """The day's chart as plotly JSON (``data``, ``layout``, ``config``).

    Parameters
    ----------
    day : str
        A preset day: ``"desk_worker"``, ``"night_shift"`` or ``"bed_rest"``.
    table : str
        Pressure table: ``"wilke1999"`` or ``"nachemson"``.
    hour : float
        Time of day shown by the drawing and the marker, h, 0 to 24.

    Raises
    ------
    ValueError
        For an unknown day or table (listing the valid names) or an hour outside 0 to 24.
    """
    run = day_run(day, table)
    hour = check_hour(hour)
    height, _, _ = run.at(hour)
    dots, marker_lines = _marker(run, hour)
    data = [*_day_traces(run), *_window_traces(run), *dots]
    hours = {"range": [0, 24], "tickvals": list(range(0, 25, 3)), "ticksuffix": " h"}
    layout = base_layout(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        margin={"l": 55, "r": 25, "t": 70, "b": 110},
        title={
            "text": plotly_text(f"{DAY_TITLES[run.day]} · pressures: {TABLE_TITLES[run.table]}"),
            "x": 0.0,
            "xanchor": "left",
            "font": {"size": 15},
        },
        legend={"orientation": "h", "x": 0.0, "y": 0.30, "yanchor": "top", "font": {"size": 12}},
        hovermode="closest",
    ).to_plotly_json()
    drawing = {"showgrid": False, "zeroline": False}
    layout.update(
        {
            "xaxis": {**drawing, "domain": [0.0, 0.27], "range": [-27, 27], "visible": False},
            "yaxis": {
                **axis_style("height, mm"),
                **drawing,
                "domain": [0.43, 0.97],
                "range": [-16, 22],
                "scaleanchor": "x",
                "scaleratio": 1,
                "tickvals": [0, 5, 10],
            },
            "xaxis2": {**axis_style(""), **hours, "domain": [0.36, 1.0], "anchor": "y2"},
            "yaxis2": {**axis_style("mm"), "domain": [0.71, 0.97], "anchor": "x2"},
            "xaxis3": {
                **axis_style(""),
                **hours,
                "domain": [0.36, 1.0],
                "anchor": "y3",
                "matches": "x2",
            },
            "yaxis3": {**axis_style("MPa"), "domain": [0.43, 0.645], "anchor": "x3"},
            "xaxis4": {
                **axis_style("minutes after lying down"),
                "domain": [0.0, 1.0],
                "anchor": "y4",
                "range": [0, WINDOW_MINUTES],
            },
            "yaxis4": {**axis_style("mm"), "domain": [0.0, 0.2], "anchor": "x4"},
            "shapes": [
                *_background(run),
                *drawing_shapes(height, run.rising_height, run.area),
                *marker_lines,
            ],
            "annotations": [
                *_titles(run, hour),
                *drawing_annotations(height, run.rising_height),
            ],
        }
    )
    layout["xaxis2"]["showticklabels"] = False
    layout["xaxis2"]["gridcolor"] = GRID
    return {"data": data, "layout": layout, "config": {"displaylogo": False}}


def disc_day_figure(
    day: str = "desk_worker", table: str = "wilke1999", hour: float = 18.0
) -> go.Figure:
    """:func:`disc_day_chart_json` as a ``go.Figure`` (same arguments, same errors)."""
    return go.Figure(disc_day_chart_json(day, table, hour))
