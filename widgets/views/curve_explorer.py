"""The curve explorer: how the three curves of the spine grow from birth to 20 years.

An age slider morphs a to-scale spine (:func:`widgets.model.development.geometry_at_age`);
beside it, a chart shows the neck, upper-back and low-back curves against age with their
sourced anchor points, the gross motor milestones and the adult ranges. Below, a readout
gives the current angles and where each number comes from, and a picker shows the adult
types (Roussouly types 1-4 and three postures) with their sourced angles.

Speed: a slider change runs one :func:`~widgets.model.development.at_age`, builds one
geometry and assigns arrays to the existing traces inside ``batch_update`` (see
``benchmarks/curve_explorer.py``).
"""

from __future__ import annotations

import html
import itertools
import re
import textwrap
from dataclasses import dataclass
from functools import cache

import ipywidgets as ipw
import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from widgets.content.references import reference
from widgets.data import STATUSES, lookup
from widgets.figures.spine_figure import PRESET_TITLES, _annotations, spine_figure
from widgets.figures.theme import REGION_COLOURS, TEXT, axis_style, base_layout
from widgets.model.development import (
    AGE_RANGE_MONTHS,
    MILESTONES,
    Anchor,
    anchors,
    at_age,
    curve_table,
)
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import LABELS
from widgets.validation import check_choice, check_in_range
from widgets.views.spine_comparison import preset_table_html

#: The adult types offered by the preset picker (adult mean first).
ADULT_TYPES: tuple[str, ...] = (
    "adult-mean",
    "roussouly-1",
    "roussouly-2",
    "roussouly-3",
    "roussouly-4",
    "flat-back",
    "sway-back",
    "hyperkyphosis",
)

#: The three curves drawn against age, with short plain names.
CURVES: dict[str, str] = {
    "cervical_lordosis": "neck curve",
    "thoracic_kyphosis": "upper-back curve",
    "lumbar_lordosis": "low-back curve",
}
_REGION = {
    "cervical_lordosis": "cervical",
    "thoracic_kyphosis": "thoracic",
    "lumbar_lordosis": "lumbar",
}

#: Sizes of the figures, px (the spine and the chart sit side by side in about 960 px).
SPINE_WIDTH = 380
CHART_WIDTH = 580
CHART_HEIGHT = 660

#: Colour of the current-age marker (a mid-tone that reads on light and dark themes).
MARKER_COLOUR = "#d1495b"
_MILESTONE_COLOUR = "#5fa8d3"


@dataclass(frozen=True)
class AdultRange:
    """Where adult values of one curve lie, as given by one source.

    Attributes
    ----------
    low, high : float
        The band, deg.
    what : str
        What the band is (mean +/- SD, or a confidence interval).
    source : str
        Citation key.
    """

    low: float
    high: float
    what: str
    source: str
    is_sd: bool = True

    @property
    def centre(self) -> float:
        """Middle of the band, deg."""
        return round((self.low + self.high) / 2, 2)

    @property
    def half_width(self) -> float:
        """Half the width of the band, deg."""
        return round((self.high - self.low) / 2, 2)


#: The adult bands behind the chart. Only the low back and upper back have a standard
#: deviation (SD) of people; for the neck the source gives a 95 % confidence interval of the
#: *mean*, which is narrower than the spread of people.
#: What each band is: a spread of people (mean +/- 1 SD) or only a confidence interval.
_BAND_KIND = {
    "lumbar_lordosis": ("sd", " (627 standing adults)"),
    "thoracic_kyphosis": ("sd", ""),
    "cervical_lordosis": ("ci", ""),
}


def _adult_ranges() -> dict[str, AdultRange]:
    """The adult bands from ``data/adult_ranges.csv`` (each bound a sourced row)."""
    out = {}
    for parameter, (kind, who) in _BAND_KIND.items():
        low = lookup("adult_ranges", parameter, "low")
        high = lookup("adult_ranges", parameter, "high")
        if kind == "sd":
            mean, sd = (low.value + high.value) / 2, (high.value - low.value) / 2
            what = f"mean {mean:.3g}° ± 1 SD {sd:.3g}°{who}"
        else:
            what = (
                f"95 % confidence interval of the mean, {low.value:.1f}–{high.value:.1f}° "
                "(the spread of people is wider)"
            )
        out[parameter] = AdultRange(low.value, high.value, what, low.source, is_sd=kind == "sd")
    return out


ADULT_RANGES: dict[str, AdultRange] = _adult_ranges()
_PLACE = {
    "cervical_lordosis": "neck",
    "thoracic_kyphosis": "upper back",
    "lumbar_lordosis": "low back",
}
#: Where the band labels sit, deg: in a part of each band no other band or curve crosses.
_BAND_LABEL_Y = {"lumbar_lordosis": 57.5, "thoracic_kyphosis": 31.0, "cervical_lordosis": 16.0}


# --- ages ----------------------------------------------------------------------------------


def age_label(months: float) -> str:
    """A readable age: ``"8 months"``, ``"3 years 6 months"``, ``"20 years (adult)"``.

    Parameters
    ----------
    months : float
        Age, months, 0 to 240.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    age = check_in_range("age_months", months, *AGE_RANGE_MONTHS, "months")
    age = round(age, 1)
    if age == 0:
        return "0 months (newborn)"
    if age >= AGE_RANGE_MONTHS[1]:
        return "20 years (adult)"

    def unit(n: float, word: str) -> str:
        return f"{n:g} {word}" + ("" if n == 1 else "s")

    if age < 24:
        return unit(age, "month")
    years, rest = divmod(age, 12)
    text = unit(years, "year")
    rest = round(rest, 1)
    return f"{text} {unit(rest, 'month')}" if rest else text


def _short_age(months: float) -> str:
    """A compact age for axis ticks and hovers: ``"4 mo"``, ``"5.7 y"``."""
    if months < 24:
        return f"{months:g} mo"
    return f"{months / 12:.3g} y"


@cache
def slider_ages() -> tuple[float, ...]:
    """The slider's stops, months: monthly to 2 years, then every 3 and every 6 months.

    Denser at the start, where the milestones are (a log-like feel), and always including
    every anchor age of the development model.
    """
    stops = {*range(25), *range(27, 61, 3), *range(66, 241, 6)}
    for parameter in CURVES:
        stops.update(a.age_months for a in anchors(parameter))
    return tuple(float(s) for s in sorted(stops))


def _nearest_stop(months: float) -> float:
    stops = np.asarray(slider_ages())
    return float(stops[np.argmin(np.abs(stops - months))])


def age_axis(months: float | np.ndarray) -> float | np.ndarray:
    """Position on the chart's age axis: the square root of the age in months.

    The square root stretches the first two years, where the milestones are, so that they
    take about a third of the width instead of a tenth.
    """
    return np.sqrt(months)


_TICKS_MONTHS = (0, 4, 12, 24, 60, 120, 180, 240)
_TICK_TEXT = ("birth", "4 mo", "1 y", "2 y", "5 y", "10 y", "15 y", "20 y")


# --- where a number comes from -------------------------------------------------------------


def _bracket(parameter: str, months: float) -> tuple[Anchor, ...]:
    """The anchor at ``months``, or the two anchors either side of it."""
    rows = anchors(parameter)
    for a in rows:
        if a.age_months == months:
            return (a,)
    below = [a for a in rows if a.age_months < months][-1]
    above = next(a for a in rows if a.age_months > months)
    return (below, above)


def angle_status(parameter: str, months: float) -> tuple[str, str]:
    """How the model's value of one angle at one age was obtained.

    Parameters
    ----------
    parameter : str
        One of the five angles of :class:`~widgets.model.spine_params.SpineParams`.
    months : float
        Age, months, 0 to 240.

    Returns
    -------
    status : str
        ``"illustrative"`` if any anchor used is illustrative; the anchor's own status
        (``"confirmed"``, ``"secondary"``, ``"derived"``) at an anchor age; otherwise
        ``"interpolated"`` (a straight line between two sourced values).
    text : str
        A plain sentence naming the source(s); at an anchor age, the source and its note.
    """
    age = check_in_range("age_months", months, *AGE_RANGE_MONTHS, "months")
    used = _bracket(parameter, age)
    if any(a.status == "illustrative" for a in used):
        return "illustrative", "a teaching choice: no measured value at this age"
    if len(used) == 1:
        (a,) = used
        note = re.sub(r"^[\w-]+ preset: ", "", a.note)
        return a.status, f"{reference(a.source).short()}: {note}"
    ends = [
        f"{reference(a.source).short()}{'' if a.status == 'confirmed' else f' ({a.status})'}"
        f" at {age_label(a.age_months)}"
        for a in used
    ]
    return "interpolated", f"a straight line between {ends[0]} and {ends[1]}"


def readout_html(months: float) -> str:
    """HTML table of the model's five angles at ``months``, each with where it comes from."""
    params = at_age(months)
    rows = []
    for parameter, value in params.as_dict().items():
        status, text = angle_status(parameter, months)
        shown = f"<b>{value:.0f}°</b>"
        if parameter in ("cervical_lordosis", "lumbar_lordosis") and value < -0.5:
            shown += " <small>(bends forward, the newborn way)</small>"
        style = " style='opacity:0.75;font-style:italic'" if status == "illustrative" else ""
        meaning = STATUSES.get(status, "a straight line between two sourced values")
        status_cell = f"<span title='{html.escape(meaning)}'>{html.escape(status)}</span>"
        cells = (html.escape(LABELS[parameter]), shown, status_cell, html.escape(text))
        rows.append(f"<tr{style}>{''.join(f'<td{_PAD}>{c}</td>' for c in cells)}</tr>")
    names = ("angle", "value", "status", "where it comes from")
    head = "<tr>" + "".join(f"<th{_PAD}>{n}</th>" for n in names) + "</tr>"
    caption = f"The model at {html.escape(age_label(months))}"
    return (
        f"<table class='gs-curve-readout'><caption style='text-align:left'><b>{caption}</b>"
        f"</caption>{head}{''.join(rows)}</table>"
    )


_PAD = " style='padding:0.15em 1em 0.15em 0;text-align:left;vertical-align:top'"


# --- the spine drawing ---------------------------------------------------------------------


def _closed(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return np.append(points[:, 0], points[0, 0]), np.append(points[:, 1], points[0, 1])


def spine_xy(geom: SpineGeometry) -> list[tuple[np.ndarray, np.ndarray]]:
    """The x and y of every trace of ``spine_figure(geom)``, in its trace order.

    Pelvis, femoral head, skull and sacrum outlines, then the discs, then the vertebral
    bodies (closed polygons), then the hip axis. Assigning these to the traces of an
    existing figure redraws it without building a new one.
    """
    shapes = [geom.pelvis, geom.femoral_head, geom.skull, geom.sacrum]
    out = [_closed(p) for p in shapes]
    out += [_closed(c) for c in geom.disc_corners]
    out += [_closed(c) for c in geom.body_corners]
    out.append((geom.hip_axis[:1].copy(), geom.hip_axis[1:].copy()))
    return out


#: Fixed axis ranges of the spine drawings, mm, so that the view does not jump as it morphs.
_SPINE_X = (-330.0, 450.0)
_SPINE_Y = (-150.0, 880.0)
_PRESET_X = (-280.0, 300.0)


def _spine_title(text: str) -> dict[str, object]:
    return {
        "x": 0.5,
        "xref": "paper",
        "y": 1.0,
        "yref": "paper",
        "yanchor": "bottom",
        "showarrow": False,
        "text": f"<b>{html.escape(text)}</b>",
        "font": {"size": 14},
    }


def _spine_notes(geom: SpineGeometry, title: str) -> list[dict[str, object]]:
    return [*_annotations(geom, 0.0), _spine_title(title)]


def _spine_widget(
    geom: SpineGeometry, title: str, tag: str, x_range: tuple[float, float]
) -> go.Figure:
    """A one-spine figure with fixed axes; ``tag`` names the spine in every hover."""
    fig = spine_figure(geom, titles=[tag], height=600)
    fig.update_layout(
        annotations=_spine_notes(geom, title),
        xaxis={"range": list(x_range), "autorange": False, "title": {"text": "mm (facing right)"}},
        yaxis={
            "range": list(_SPINE_Y),
            "autorange": False,
            "title": {"text": "height, mm"},
            "side": "right",
        },
        margin={"l": 10, "r": 55, "t": 40, "b": 45},
        width=SPINE_WIDTH,
        modebar={"orientation": "v"},
    )
    return fig


# --- the chart of the curves against age ---------------------------------------------------


def _wrap_text(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(html.escape(text), width))


def _curve_segments(parameter: str) -> tuple[list[float | None], ...]:
    """Model curve split into sourced (solid) and illustrative (dotted) stretches."""
    rows = anchors(parameter)
    solid_x: list[float | None] = []
    solid_y: list[float | None] = []
    dot_x: list[float | None] = []
    dot_y: list[float | None] = []
    for a, b in itertools.pairwise(rows):
        ages = np.linspace(a.age_months, b.age_months, 40)
        values = curve_table(ages)[parameter]
        illustrative = "illustrative" in (a.status, b.status)
        xs, ys = (dot_x, dot_y) if illustrative else (solid_x, solid_y)
        xs += [*age_axis(ages).tolist(), None]
        ys += [*values.tolist(), None]
    return solid_x, solid_y, dot_x, dot_y


def _hover_ages(xs: list[float | None]) -> list[str]:
    return ["" if x is None else age_label(min(x * x, AGE_RANGE_MONTHS[1])) for x in xs]


def curves_figure(months: float = 0.0) -> go.Figure:
    """The three curves against age, with anchors, milestones and adult ranges.

    Parameters
    ----------
    months : float, optional
        Age of the vertical marker, months (0 to 240).

    Returns
    -------
    go.Figure
        Two panels sharing the age axis (square-root scale): the curves, deg, above; the
        gross motor milestones below. Traces carry ``meta`` tags (``"age-dots"``,
        ``"anchors"``, ``"model"``, ``"adult-range"``, ``"milestone"``) for tests and
        updates; the current-age line and its label are the shape and annotation named
        ``"age-marker"``.
    """
    age = check_in_range("age_months", months, *AGE_RANGE_MONTHS, "months")
    fig = make_subplots(
        rows=2, cols=1, shared_xaxes=True, row_heights=[0.74, 0.26], vertical_spacing=0.04
    )
    fig.update_layout(base_layout(height=CHART_HEIGHT, width=CHART_WIDTH))
    x_end = float(age_axis(AGE_RANGE_MONTHS[1]))
    x_pad = (-0.4, x_end + 0.4)

    # adult ranges: hatched bands behind everything
    patterns = {"lumbar_lordosis": "\\", "thoracic_kyphosis": "/", "cervical_lordosis": ""}
    for parameter, band in ADULT_RANGES.items():
        colour = REGION_COLOURS[_REGION[parameter]]
        name = f"adult {CURVES[parameter]}: {band.what}"
        fig.add_trace(
            go.Scatter(
                x=[x_pad[0], x_pad[1], x_pad[1], x_pad[0], x_pad[0]],
                y=[band.low, band.low, band.high, band.high, band.low],
                mode="lines",
                fill="toself",
                line={"width": 0.8, "color": colour, "dash": "dot"},
                fillcolor=_rgba(colour, 0.08),
                fillpattern={
                    "shape": patterns[parameter],
                    "fgcolor": colour,
                    "fgopacity": 0.2,
                    "size": 10,
                },
                hoveron="fills",
                name=f"adult range ({CURVES[parameter]})",
                legendgroup="adult",
                showlegend=False,
                meta={"kind": "adult-range", "parameter": parameter},
                hovertemplate=f"{_wrap_text(name)}<br>({reference(band.source).short()})<extra></extra>",
            ),
            row=1,
            col=1,
        )

    for parameter, y in _BAND_LABEL_Y.items():
        band = ADULT_RANGES[parameter]
        short = f"{band.centre:g} ± {band.half_width:g}°" if band.is_sd else "95 % CI of the mean"
        fig.add_annotation(
            x=x_pad[0] + 0.1,
            y=y,
            xref="x",
            yref="y",
            xanchor="left",
            showarrow=False,
            text=f"<b>adult {_PLACE[parameter]}: {short}</b>",
            font={"size": 11, "color": REGION_COLOURS[_REGION[parameter]]},
        )

    # the model, solid where sourced and dotted where illustrative
    for parameter, label in CURVES.items():
        colour = REGION_COLOURS[_REGION[parameter]]
        solid_x, solid_y, dot_x, dot_y = _curve_segments(parameter)
        for xs, ys, dash in ((solid_x, solid_y, "solid"), (dot_x, dot_y, "dot")):
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    name=label,
                    legendgroup=parameter,
                    showlegend=False,
                    line={"color": colour, "width": 2.5, "dash": dash},
                    customdata=_hover_ages(xs),
                    meta={"kind": "model", "parameter": parameter},
                    hovertemplate=(
                        f"{label} (model{', illustrative' if dash == 'dot' else ''}): "
                        "%{y:.0f}° at %{customdata}<extra></extra>"
                    ),
                ),
                row=1,
                col=1,
            )

    # the anchors: filled if sourced, open if illustrative; lumbar SD as error bars
    spread = {a.age_months: a.value for a in anchors("lumbar_lordosis_sd")}
    for parameter, label in CURVES.items():
        colour = REGION_COLOURS[_REGION[parameter]]
        for sourced in (True, False):
            rows = [a for a in anchors(parameter) if (a.status != "illustrative") == sourced]
            if not rows:
                continue
            texts = [
                f"<b>{label}</b>: {a.value:g}° at {age_label(a.age_months)}<br>"
                f"{html.escape(reference(a.source).short())} · {a.status}<br>{_wrap_text(a.note)}"
                for a in rows
            ]
            errors = [spread.get(a.age_months) for a in rows]
            error_y = (
                {"type": "data", "array": [e or 0 for e in errors], "color": colour, "width": 5}
                if sourced and any(errors)
                else None
            )
            for i, e in enumerate(errors):
                if e:
                    texts[i] += f"<br>error bar: ± 1 SD = {e:g}°"
            fig.add_trace(
                go.Scatter(
                    x=age_axis(np.array([a.age_months for a in rows])),
                    y=[a.value for a in rows],
                    mode="markers",
                    name=f"{label}: {'sourced' if sourced else 'illustrative'} values",
                    legendgroup=parameter,
                    showlegend=False,
                    marker={
                        "symbol": "circle" if sourced else "circle-open",
                        "size": 9,
                        "color": colour,
                        "line": {"width": 2, "color": colour},
                    },
                    error_y=error_y,
                    text=texts,
                    meta={"kind": "anchors", "parameter": parameter, "sourced": sourced},
                    hovertemplate="%{text}<extra></extra>",
                ),
                row=1,
                col=1,
            )

    # the legend: one entry per curve (a click hides the curve), then a key to the marks
    for parameter, label in CURVES.items():
        colour = REGION_COLOURS[_REGION[parameter]]
        fig.add_trace(_legend_entry(label, parameter, line={"color": colour, "width": 2.5}))
    key = {"color": TEXT, "width": 2}
    fig.add_trace(
        _legend_entry(
            "sourced value (bar: ± 1 SD)",
            "key-sourced",
            mode="markers",
            marker={"symbol": "circle", "size": 9, "color": TEXT},
        )
    )
    fig.add_trace(
        _legend_entry(
            "illustrative (no study)",
            "key-illustrative",
            mode="lines+markers",
            line={**key, "dash": "dot"},
            marker={"symbol": "circle-open", "size": 9, "color": TEXT, "line": key},
        )
    )

    # the current values as dots on the curves
    params = at_age(age)
    fig.add_trace(
        go.Scatter(
            x=[float(age_axis(age))] * 3,
            y=[getattr(params, p) for p in CURVES],
            mode="markers",
            name="at the chosen age",
            showlegend=False,
            marker={
                "size": 13,
                "color": [REGION_COLOURS[_REGION[p]] for p in CURVES],
                "line": {"width": 2, "color": MARKER_COLOUR},
            },
            text=list(CURVES.values()),
            meta={"kind": "age-dots"},
            hovertemplate="%{text}: %{y:.0f}° (model)<extra></extra>",
        ),
        row=1,
        col=1,
    )

    # the milestones, one row each, in the lower panel
    names = []
    for m in MILESTONES:
        who = m.source == "who-mgrs2006"
        names.append(m.label)
        window = (
            f"{m.start_months:g}–{m.end_months:g} months" if who else f"by {m.end_months:g} months"
        )
        source = reference(m.source).short()
        hover = f"<b>{html.escape(m.label)}</b>: {window}<br>{source}<br>{_wrap_text(m.note)}"
        fig.add_trace(
            go.Scatter(
                x=age_axis(np.array([m.start_months, m.end_months])),
                y=[m.label, m.label],
                mode="lines+text" if who else "markers+text",
                line={"color": _MILESTONE_COLOUR, "width": 7},
                marker={"symbol": "line-ns", "size": 12, "line": {"width": 3, "color": TEXT}},
                text=["", f"  {m.label} ({window})"],
                textposition="middle right",
                textfont={"size": 11, "color": TEXT},
                name=m.label,
                showlegend=False,
                meta={"kind": "milestone", "name": m.name},
                hovertemplate=f"{hover}<extra></extra>",
            ),
            row=2,
            col=1,
        )

    # head control (CDC) as a dotted line across the curves panel
    head = next(m for m in MILESTONES if m.name == "head_steady")
    head_x = float(age_axis(head.end_months))
    fig.add_shape(
        type="line",
        x0=age_axis(age),
        x1=age_axis(age),
        y0=0,
        y1=1,
        xref="x",
        yref="paper",
        line={"color": MARKER_COLOUR, "width": 2},
        layer="above",
        name="age-marker",
    )
    fig.add_shape(
        type="line",
        x0=head_x,
        x1=head_x,
        y0=0,
        y1=1,
        xref="x",
        yref="y domain",
        line={"color": TEXT, "width": 1, "dash": "dot"},
        layer="below",
    )
    fig.add_annotation(
        x=float(age_axis(age)),
        y=1.0,
        xref="x",
        yref="paper",
        yanchor="bottom",
        showarrow=False,
        text=f"<b>{html.escape(age_label(age))}</b>",
        font={"color": MARKER_COLOUR, "size": 13},
        name="age-marker",
    )
    fig.add_annotation(
        x=head_x,
        y=-22,
        xref="x",
        yref="y",
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        text=" head steady<br> (CDC 2022)",
        align="left",
        font={"size": 10, "color": TEXT},
    )
    fig.add_annotation(
        x=x_end,
        y=0,
        xref="x",
        yref="y",
        xanchor="right",
        yanchor="top",
        showarrow=False,
        text="below 0°: bends forward, the newborn way",
        font={"size": 10, "color": TEXT},
    )
    ticks = {
        "tickvals": [float(age_axis(m)) for m in _TICKS_MONTHS],
        "ticktext": list(_TICK_TEXT),
        "range": list(x_pad),
    }
    fig.update_xaxes(**axis_style(""), **ticks)
    fig.update_xaxes(title={"text": "age (the first years are stretched out)"}, row=2, col=1)
    fig.update_yaxes(**axis_style("angle, degrees"), range=[-25, 72], row=1, col=1)
    fig.update_yaxes(
        **axis_style(""),
        showticklabels=False,
        categoryorder="array",
        categoryarray=names[::-1],
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
    return fig


def _legend_entry(name: str, group: str, mode: str = "lines", **style: object) -> go.Scatter:
    """A trace with no data that only shows in the legend."""
    return go.Scatter(
        x=[None],
        y=[None],
        mode=mode,
        name=name,
        legendgroup=group,
        hoverinfo="skip",
        meta={"kind": "legend"},
        **style,
    )


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


# --- the widget ----------------------------------------------------------------------------


class CurveExplorer(ipw.VBox):
    """Move an age slider and watch the spine's curves grow, beside a chart of the curves.

    Parameters
    ----------
    age_months : float, optional
        Starting age, months (0 to 240); rounded to the nearest slider stop
        (:func:`slider_ages`: monthly to 2 years, then every 3, then every 6 months).
    adult_type : str, optional
        Adult type first shown by the picker, one of :data:`ADULT_TYPES`.

    Raises
    ------
    ValueError
        If ``age_months`` is not a number in 0 to 240, or ``adult_type`` is unknown.
    """

    def __init__(self, age_months: float = 0.0, adult_type: str = "adult-mean") -> None:
        age = _nearest_stop(check_in_range("age_months", age_months, *AGE_RANGE_MONTHS, "months"))
        check_choice("adult type", adult_type, ADULT_TYPES)
        self.slider = ipw.SelectionSlider(
            options=[(age_label(a), a) for a in slider_ages()],
            value=age,
            description="Age",
            readout=False,
            continuous_update=True,
            layout={"width": "min(560px, 100%)"},
        )
        self.age_text = ipw.HTML(layout={"margin": "0 0 0 1em"})
        geom = build_spine(at_age(age))
        self.spine = go.FigureWidget(
            _spine_widget(geom, f"At {age_label(age)}", "growing spine", _SPINE_X)
        )
        self.chart = go.FigureWidget(curves_figure(age))
        self._dots = next(t for t in self.chart.data if t.meta and t.meta["kind"] == "age-dots")
        self._age_line = next(s for s in self.chart.layout.shapes if s.name == "age-marker")
        self._age_note = next(a for a in self.chart.layout.annotations if a.name == "age-marker")
        self.readout = ipw.HTML(readout_html(age))
        self.picker = ipw.Dropdown(
            options=[(PRESET_TITLES[p], p) for p in ADULT_TYPES],
            value=adult_type,
            description="Adult type",
            style={"description_width": "initial"},
        )
        self.preset_spine = go.FigureWidget(
            _spine_widget(
                build_spine(adult_type), PRESET_TITLES[adult_type], "adult type", _PRESET_X
            )
        )
        self.preset_table = ipw.HTML(preset_table_html(adult_type))
        self.age_text.value = self._age_html(age)
        self.slider.observe(self._on_age, names="value")
        self.picker.observe(self._on_pick, names="value")

        row = {"display": "flex", "flex_flow": "row wrap", "align_items": "flex-start"}
        controls = ipw.HBox([self.slider, self.age_text], layout={"align_items": "center"})
        figures = ipw.Box([self.spine, self.chart], layout=row)
        adult_head = ipw.HTML(
            "<b>Adult types.</b> Healthy adults differ: pick a type to see its spine and "
            "its angles with their sources."
        )
        adults = ipw.Box(
            [
                self.preset_spine,
                ipw.VBox(
                    [self.picker, self.preset_table],
                    layout={"flex": "1 1 360px", "max_width": "620px"},
                ),
            ],
            layout=row,
        )
        super().__init__([controls, figures, self.readout, adult_head, adults])
        self.add_class("gs-curve-explorer")

    @property
    def age_months(self) -> float:
        """The age shown, months."""
        return float(self.slider.value)

    @staticmethod
    def _age_html(months: float) -> str:
        return f"<b style='font-size:1.15em'>{html.escape(age_label(months))}</b>"

    def show_age(self, age_months: float) -> None:
        """Move the slider to ``age_months`` (rounded to the nearest stop) and redraw.

        Raises
        ------
        ValueError
            If ``age_months`` is not a number in 0 to 240 months.
        """
        age = check_in_range("age_months", age_months, *AGE_RANGE_MONTHS, "months")
        self.slider.value = _nearest_stop(age)

    def show_type(self, name: str) -> None:
        """Show adult type ``name`` (one of :data:`ADULT_TYPES`) below the chart.

        Raises
        ------
        ValueError
            If ``name`` is not an adult type; the message lists the valid names.
        """
        check_choice("adult type", name, ADULT_TYPES)
        if self.picker.value != name:
            self.picker.value = name  # the observer redraws
            return
        self._draw_type(name)

    def _on_age(self, change: dict[str, object]) -> None:
        self._draw_age(float(change["new"]))  # type: ignore[arg-type]

    def _on_pick(self, change: dict[str, object]) -> None:
        self._draw_type(str(change["new"]))

    def _draw_age(self, months: float) -> None:
        params = at_age(months)
        geom = build_spine(params)
        x = float(age_axis(months))
        label = age_label(months)
        with self.spine.batch_update():
            for trace, (xs, ys) in zip(self.spine.data, spine_xy(geom), strict=True):
                trace.x, trace.y = xs, ys
            self.spine.layout.annotations = _spine_notes(geom, f"At {label}")
        with self.chart.batch_update():
            self._dots.x = [x, x, x]
            self._dots.y = [getattr(params, p) for p in CURVES]
            self._age_line.update(x0=x, x1=x)
            self._age_note.update(x=x, text=f"<b>{html.escape(label)}</b>")
        self.age_text.value = self._age_html(months)
        self.readout.value = readout_html(months)

    def _draw_type(self, name: str) -> None:
        geom = build_spine(name)
        with self.preset_spine.batch_update():
            for trace, (xs, ys) in zip(self.preset_spine.data, spine_xy(geom), strict=True):
                trace.x, trace.y = xs, ys
            self.preset_spine.layout.annotations = _spine_notes(geom, PRESET_TITLES[name])
        self.preset_table.value = preset_table_html(name)


def curve_explorer(age_months: float = 0.0, adult_type: str = "adult-mean") -> CurveExplorer:
    """Explore how the curves of the spine grow from birth to 20 years (see CurveExplorer)."""
    return CurveExplorer(age_months, adult_type)
