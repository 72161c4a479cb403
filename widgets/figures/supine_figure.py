"""Lying poses overlaid on the bed, to scale: what moves when you lift or breathe."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import REGION_COLOURS, axis_style, base_layout
from widgets.model.supine import SupinePose

#: Line styles for successive poses: solid, dashed, dotted.
DASHES = ("solid", "dash", "dot", "dashdot")
POSE_COLOURS = ("#8d99ae", "#e4572e", "#1f77b4", "#2a9d8f")


def _closed(points: np.ndarray) -> tuple[list[float], list[float]]:
    p = np.vstack([points, points[:1]])
    return list(p[:, 0]), list(p[:, 1])


def supine_figure(poses: Sequence[tuple[str, SupinePose]], height: int = 360) -> go.Figure:
    """Overlay lying poses (label, pose) on one bed, mm, equal aspect.

    Each pose is drawn as its spine (vertebrae outlined), pelvis, skull and back line in
    its own colour and dash, so that the learner sees which parts move.
    """
    if not poses:
        raise ValueError("give at least one (label, pose) pair")
    fig = go.Figure(layout=base_layout(height=height))
    for k, (label, pose) in enumerate(poses):
        colour, dash = POSE_COLOURS[k % len(POSE_COLOURS)], DASHES[k % len(DASHES)]
        g = pose.geometry
        xs: list[float | None] = []
        ys: list[float | None] = []
        for outline in [*g.body_corners, g.skull, g.pelvis, g.sacrum]:
            x, y = _closed(outline)
            xs += [*x, None]
            ys += [*y, None]
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=label,
                legendgroup=label,
                line={"color": colour, "dash": dash, "width": 1.5},
                hoverinfo="skip",
            )
        )
        back = pose.back_surface
        fig.add_trace(
            go.Scatter(
                x=back[:, 0],
                y=back[:, 1],
                mode="lines",
                legendgroup=label,
                showlegend=False,
                line={"color": colour, "dash": dash, "width": 1},
                name=f"{label}: back",
                hovertemplate=f"{label}: back of the body<extra></extra>",
            )
        )
    xs_all = np.concatenate([np.vstack([p.geometry.skull, p.legs])[:, 0] for _, p in poses])
    bed_x = [float(xs_all.min()) - 60.0, float(xs_all.max()) + 40.0]
    fig.add_trace(
        go.Scatter(
            x=bed_x,
            y=[0, 0],
            mode="lines",
            name="bed",
            line={"color": REGION_COLOURS["bone"], "width": 3},
            hoverinfo="skip",
        )
    )
    fig.update_layout(
        xaxis={**axis_style("along the bed, mm (head on the left)")},
        yaxis={**axis_style("height above the bed, mm"), "scaleanchor": "x", "scaleratio": 1},
        legend={"orientation": "h", "y": 1.12, "x": 0},
    )
    return fig
