"""The milestone panel of the curves-by-age chart, and the notes drawn across the chart."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from widgets.content.references import reference
from widgets.figures.curves_by_age_scale import AGE_X_END, age_axis, check_chart, hover_paragraph
from widgets.figures.theme import TEXT, plotly_text
from widgets.model.development import MILESTONES

#: Colour of the milestone windows.
MILESTONE_COLOUR = "#5fa8d3"

#: The note drawn under 0°, one line per sign convention: each curve is counted positive in
#: its own direction (lordoses backward, the kyphosis forward), so "below 0°" means bending
#: forward only for the neck and the low back.
SIGN_NOTE: tuple[str, ...] = (
    "neck and low back: below 0° they bend forward, the newborn way",
    "upper back: counted the other way, above 0° it bends forward",
)


def add_milestones(fig: go.Figure) -> list[str]:
    """One row per milestone in the lower panel; returns their labels, top to bottom.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)
    for m in MILESTONES:
        who = m.source == "who-mgrs2006"
        window = (
            f"{m.start_months:g}–{m.end_months:g} months" if who else f"by {m.end_months:g} months"
        )
        source = plotly_text(reference(m.source).short())
        hover = f"<b>{plotly_text(m.label)}</b>: {window}<br>{source}<br>{hover_paragraph(m.note)}"
        fig.add_trace(
            go.Scatter(
                x=age_axis(np.array([m.start_months, m.end_months])),
                y=[m.label, m.label],
                mode="lines+text" if who else "markers+text",
                line={"color": MILESTONE_COLOUR, "width": 7},
                marker={"symbol": "line-ns", "size": 12, "line": {"width": 3, "color": TEXT}},
                text=["", f"  {plotly_text(m.label)} ({window})"],
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
    return [m.label for m in MILESTONES]


def add_age_notes(fig: go.Figure) -> None:
    """Head control (CDC) as a dotted line across the curves, and which side of 0° bends forward.

    Raises
    ------
    ValueError
        If ``fig`` is not the chart's two-panel figure (see ``check_chart``).
    """
    check_chart("fig", fig)
    head = next(m for m in MILESTONES if m.name == "head_steady")
    x = float(age_axis(head.end_months))
    fig.add_shape(
        type="line",
        x0=x,
        x1=x,
        y0=0,
        y1=1,
        xref="x",
        yref="y domain",
        line={"color": TEXT, "width": 1, "dash": "dot"},
        layer="below",
    )
    small = {"size": 10, "color": TEXT}
    fig.add_annotation(
        x=x,
        y=-22,
        xref="x",
        yref="y",
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        text=" head steady<br> (CDC 2022)",
        align="left",
        font=small,
    )
    fig.add_annotation(
        x=AGE_X_END,
        y=0,
        xref="x",
        yref="y",
        xanchor="right",
        yanchor="top",
        showarrow=False,
        text="<br>".join(SIGN_NOTE),
        align="right",
        font=small,
    )
