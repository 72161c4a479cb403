"""Bar chart: how hard the back muscles work lying down, against measurements and a threshold.

Lesson 05 reads it. The bars of the waist lift and the bridge are the trunk model's
(:func:`widgets.model.trunk_lying.lying_effort`); the measured bridge is the range of mean
lumbar multifidus EMG in bridge variants (Lehecka et al. 2015) and the dashed line the activity
below which an exercise trains endurance rather than strength (Ekstrom et al. 2007), both read from
``widgets/data/trunk.csv``. The passive device's bar is illustrative: a device that carries
and moves the body leaves the back muscles no moment to hold, so the model gives 0; no study
measured muscle activity on such a device.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from widgets.data import lookup
from widgets.figures.theme import TEXT, axis_style, base_layout, check_px, plotly_text, rgba
from widgets.model.trunk_lying import lying_effort

#: Kinds of bar: a model result, a measured range, or an illustrative value.
KINDS: dict[str, str] = {
    "model": "#8e6cc9",
    "measured": "#2a9d8f",
    "illustrative": "#8d99ae",
}

#: Width of the shaded strength-training band beyond the threshold, % MVC (drawing only).
BAND = 20.0


@dataclass(frozen=True)
class EffortBar:
    """One bar of the chart.

    Attributes
    ----------
    name : str
        The bar's label.
    low, high : float
        Its range, % of a maximal voluntary contraction (equal for a single value).
    kind : str
        One of :data:`KINDS`.
    source : str
        Citation key of the measured value, or ``""`` for the model and the illustrative bar.
    """

    name: str
    low: float
    high: float
    kind: str
    source: str


def effort_bars() -> tuple[EffortBar, ...]:
    """The chart's bars, top to bottom: waist lift, bridge (model), bridge (measured), device."""
    lift = lying_effort("waist-lift").effort
    bridge = lying_effort("bridge").effort
    low = lookup("trunk", "emg", "bridge_multifidus_low")
    high = lookup("trunk", "emg", "bridge_multifidus_high")
    return (
        EffortBar("waist lift (model)", lift, lift, "model", ""),
        EffortBar("bridge (model)", bridge, bridge, "model", ""),
        EffortBar(
            "bridge, measured: low-back muscle<br>(multifidus EMG, Lehecka et al. 2015)",
            low.value,
            high.value,
            "measured",
            low.source,
        ),
        EffortBar(
            "passive device: muscles almost idle<br>(illustrative, not measured)",
            0.0,
            0.0,
            "illustrative",
            "",
        ),
    )


def strength_threshold() -> float:
    """Activity below which exercise trains endurance, not strength, % MVC (Ekstrom 2007)."""
    return lookup("trunk", "emg", "strength_threshold").value


def _bar_text(bar: EffortBar) -> str:
    if bar.kind == "illustrative":
        return "about 0 %"
    if bar.low == bar.high:
        return f"{bar.high:.1f} %"
    return f"{bar.low:.1f}–{bar.high:.1f} %"


def muscle_effort_figure(height: float = 380) -> go.Figure:
    """Horizontal bars of back-muscle effort, % of maximal, with the strength-training line.

    Parameters
    ----------
    height : float
        Figure height, px, in :data:`~widgets.figures.theme.PX_RANGE`.

    Raises
    ------
    ValueError
        If ``height`` is not a number in range; the message names it and the range.
    """
    height = check_px("height", height)
    bars = effort_bars()
    threshold = strength_threshold()
    fig = go.Figure(layout=base_layout(height=height, showlegend=False, barmode="overlay"))
    for bar in bars:
        colour = KINDS[bar.kind]
        # a single value is drawn from 0, a measured range floats from its low end
        start = bar.low if bar.low < bar.high else 0.0
        fig.add_trace(
            go.Bar(
                name=bar.kind,
                y=[bar.name],
                x=[bar.high - start],
                base=[start],
                orientation="h",
                width=0.6,
                marker={"color": colour, "line": {"color": colour, "width": 1}},
                text=[_bar_text(bar)],
                textposition="outside",
                cliponaxis=False,
                textfont={"color": TEXT},
                hovertemplate=plotly_text(f"{_bar_text(bar)} of maximal") + "<extra></extra>",
            )
        )
    fig.add_vrect(
        x0=threshold,
        x1=threshold + BAND,
        fillcolor=rgba("#e08e0b", 0.12),
        line_width=0,
        layer="below",
    )
    fig.add_vline(
        x=threshold,
        line={"color": "#e08e0b", "width": 2, "dash": "dash"},
        name="strength-threshold",
    )
    fig.add_annotation(
        x=threshold + BAND / 2,
        y=1.0,
        yref="paper",
        xanchor="center",
        yanchor="top",
        showarrow=False,
        align="center",
        text="<br>".join(
            plotly_text(line)
            for line in (
                "strength training:",
                f"about {threshold:g} % and up",
                "(Ekstrom et al. 2007)",
            )
        ),
        font={"size": 11, "color": TEXT},
        name="strength-threshold",
    )
    fig.update_layout(
        xaxis={
            **axis_style("back-muscle effort, % of a maximal contraction"),
            "range": [0, threshold + BAND],
        },
        yaxis={**axis_style(""), "autorange": "reversed"},
        margin={"l": 10, "r": 30, "t": 40, "b": 50},
    )
    fig.update_yaxes(automargin=True)
    return fig
