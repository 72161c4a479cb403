"""Chart: intradiscal pressure by posture, Wilke 1999 and Nachemson side by side.

The two in-vivo data sets disagree (``widgets/model/disc_loads.py`` says how they are
stored): Wilke et al. (1999) measured one man's L4-L5 disc with a telemetric transducer;
Nachemson's percentages of standing (L3, needle transducers, several people over many
years) are drawn in MPa with Wilke's 0.50 MPa of relaxed standing as their common anchor,
so the bars differ only where the ratios differ. A posture one source did not measure has no
bar, and its label says so.
"""

from __future__ import annotations

import plotly.graph_objects as go

from widgets.figures.theme import axis_style, base_layout, check_px, plotly_text
from widgets.model.disc_loads import POSTURES, PRESSURE_TABLES, posture_pressure

#: Plain names of the postures, in the chart's order (lowest load first).
POSTURE_LABELS: dict[str, str] = {
    "lying_supine": "lying on the back",
    "lying_prone": "lying face down",
    "lying_side": "lying on the side",
    "lying_prone_extended": "face down, propped on the elbows",
    "reclined_sitting": "sitting slouched, leaning back",
    "sitting": "sitting, no backrest",
    "standing": "standing relaxed",
    "walking": "walking",
    "sitting_flexed": "sitting bent forward",
    "standing_flexed": "standing bent forward",
}
TABLE_LABELS: dict[str, str] = {
    "wilke1999": "Wilke 1999: one man, L4-L5, telemetry",
    "nachemson": "Nachemson: % of standing, L3, several people (× 0.50 MPa)",
}
COLOURS: dict[str, str] = {"wilke1999": "#8e6cc9", "nachemson": "#e08e0b"}


def pressure_by_posture_figure(height: float = 460) -> go.Figure:
    """Horizontal bars of intradiscal pressure (MPa) by posture from both in-vivo data sets.

    Parameters
    ----------
    height : float
        Figure height, px, in :data:`~widgets.figures.theme.PX_RANGE`.

    Raises
    ------
    ValueError
        If ``height`` is not a number in range.
    """
    height = check_px("height", height)
    postures = [p for p in POSTURE_LABELS if any(p in POSTURES[t] for t in PRESSURE_TABLES)]
    names = [plotly_text(POSTURE_LABELS[p]) for p in postures]
    fig = go.Figure(
        layout=base_layout(
            height=height,
            barmode="group",
            title={"text": "Pressure in a low-back disc by posture: two data sets"},
            xaxis=axis_style("intradiscal pressure, MPa"),
            yaxis={**axis_style(""), "autorange": "reversed"},
            legend={"orientation": "h", "y": -0.18, "x": 0},
            margin={"l": 230, "r": 30, "t": 50, "b": 90},
        )
    )
    for table in PRESSURE_TABLES:
        values = [posture_pressure(p, table) if p in POSTURES[table] else None for p in postures]
        text = [f"{v:.2f}" if v is not None else "not measured" for v in values]
        fig.add_trace(
            go.Bar(
                name=plotly_text(TABLE_LABELS[table]),
                y=names,
                x=[v if v is not None else 0.0 for v in values],
                orientation="h",
                marker_color=COLOURS[table],
                text=text,
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}: %{text} MPa<extra>"
                + plotly_text(TABLE_LABELS[table])
                + "</extra>",
            )
        )
    return fig
