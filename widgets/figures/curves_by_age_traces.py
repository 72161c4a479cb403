"""The curve panel of the curves-by-age chart: adult bands, the model, its anchors, a legend."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import plotly.graph_objects as go

from widgets.content.references import reference
from widgets.data import STATUSES
from widgets.figures.curves_by_age_scale import (
    AGE_X_RANGE,
    CURVE_PLACES,
    CURVES,
    age_axis,
    check_chart,
    curve_colour,
    hover_paragraph,
)
from widgets.figures.theme import TEXT, plotly_text, rgba
from widgets.model.adult_ranges import ADULT_RANGES
from widgets.model.ages import age_label
from widgets.model.development import anchors, curve_table

#: Where the band labels sit, deg: in a part of each band no other band or curve crosses.
_BAND_LABEL_Y = {"lumbar_lordosis": 57.5, "thoracic_kyphosis": 31.0, "cervical_lordosis": 16.0}
_BAND_PATTERNS = {"lumbar_lordosis": "\\", "thoracic_kyphosis": "/", "cervical_lordosis": ""}


def add_adult_bands(fig: go.Figure) -> None:
    """Hatched adult bands behind everything, each labelled inside.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)
    x0, x1 = AGE_X_RANGE
    for parameter, band in ADULT_RANGES.items():
        colour, label = curve_colour(parameter), CURVES[parameter]
        hover = hover_paragraph(f"adult {label}: {band.description}")
        fig.add_trace(
            go.Scatter(
                x=[x0, x1, x1, x0, x0],
                y=[band.low, band.low, band.high, band.high, band.low],
                mode="lines",
                fill="toself",
                line={"width": 0.8, "color": colour, "dash": "dot"},
                fillcolor=rgba(colour, 0.08),
                fillpattern={
                    "shape": _BAND_PATTERNS[parameter],
                    "fgcolor": colour,
                    "fgopacity": 0.2,
                    "size": 10,
                },
                hoveron="fills",
                name=f"adult range ({label})",
                legendgroup="adult",
                showlegend=False,
                meta={"kind": "adult-range", "parameter": parameter},
                hovertemplate=f"{hover}<br>({plotly_text(reference(band.source).short())})"
                "<extra></extra>",
            ),
            row=1,
            col=1,
        )
        short = (
            f"{band.centre:g} ± {band.half_width:g}°"
            if band.is_sd
            else "95 % CI of the mean (not the spread of people)"
        )
        fig.add_annotation(
            x=x0 + 0.1,
            y=_BAND_LABEL_Y[parameter],
            xref="x",
            yref="y",
            xanchor="left",
            showarrow=False,
            text=f"<b>adult {CURVE_PLACES[parameter]}: {short}</b>",
            font={"size": 11, "color": colour},
        )


def add_model_curves(fig: go.Figure) -> None:
    """The model, solid where sourced and dotted where illustrative.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)
    for parameter, label in CURVES.items():
        solid: tuple[list[float | None], list[float | None]] = ([], [])
        dotted: tuple[list[float | None], list[float | None]] = ([], [])
        for a, b in itertools.pairwise(anchors(parameter)):
            ages = np.linspace(a.age_months, b.age_months, 40)
            xs, ys = dotted if "illustrative" in (a.status, b.status) else solid
            xs += [*age_axis(ages).tolist(), None]
            ys += [*curve_table(ages)[parameter].tolist(), None]
        for (xs, ys), dash in ((solid, "solid"), (dotted, "dot")):
            hover_ages = ["" if x is None else age_label(min(x * x, 240.0)) for x in xs]
            kind = "model, illustrative" if dash == "dot" else "model"
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    name=label,
                    legendgroup=parameter,
                    showlegend=False,
                    line={"color": curve_colour(parameter), "width": 2.5, "dash": dash},
                    customdata=hover_ages,
                    meta={"kind": "model", "parameter": parameter},
                    hovertemplate=f"{label} ({kind}): %{{y:.0f}}° at %{{customdata}}"
                    "<extra></extra>",
                ),
                row=1,
                col=1,
            )


def add_anchor_dots(fig: go.Figure) -> None:
    """The anchors: filled if sourced, open if illustrative; the lumbar SD as error bars.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)
    spread = {a.age_months: a.value for a in anchors("lumbar_lordosis_sd")}
    for (parameter, label), sourced in itertools.product(CURVES.items(), (True, False)):
        rows = [a for a in anchors(parameter) if (a.status != "illustrative") == sourced]
        if not rows:
            continue
        colour = curve_colour(parameter)
        errors = [spread.get(a.age_months) for a in rows]
        texts = [
            f"<b>{label}</b>: {a.value:g}° at {age_label(a.age_months)}<br>"
            f"{plotly_text(reference(a.source).short())} · {a.status}: "
            f"{plotly_text(STATUSES[a.status])}<br>{hover_paragraph(a.note)}"
            + (f"<br>error bar: ± 1 SD = {e:g}°" if e else "")
            for a, e in zip(rows, errors, strict=True)
        ]
        error_y = None
        if sourced and any(errors):
            error_y = {
                "type": "data",
                "array": [e or 0 for e in errors],
                "color": colour,
                "width": 5,
            }
        fig.add_trace(
            go.Scatter(
                x=age_axis(np.array([a.age_months for a in rows])),
                y=[a.value for a in rows],
                mode="markers",
                name=f"{label}: {'sourced' if sourced else 'illustrative'} values",
                legendgroup=parameter,
                showlegend=False,
                error_y=error_y,
                text=texts,
                marker={
                    "symbol": "circle" if sourced else "circle-open",
                    "size": 9,
                    "color": colour,
                    "line": {"width": 2, "color": colour},
                },
                meta={"kind": "anchors", "parameter": parameter, "sourced": sourced},
                hovertemplate="%{text}<extra></extra>",
            ),
            row=1,
            col=1,
        )


def add_legend(fig: go.Figure) -> None:
    """One entry per curve (a click hides the curve), then a key to the marks.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)

    def entry(name: str, group: str, mode: str = "lines", **style: Any) -> go.Scatter:
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

    for parameter, label in CURVES.items():
        fig.add_trace(
            entry(label, parameter, line={"color": curve_colour(parameter), "width": 2.5})
        )
    key = {"color": TEXT, "width": 2}
    dot = {"symbol": "circle", "size": 9, "color": TEXT}
    fig.add_trace(entry("sourced value (bar: ± 1 SD)", "key-sourced", "markers", marker=dot))
    fig.add_trace(
        entry(
            "illustrative (no study)",
            "key-illustrative",
            "lines+markers",
            line={**key, "dash": "dot"},
            marker={**dot, "symbol": "circle-open", "line": key},
        )
    )
