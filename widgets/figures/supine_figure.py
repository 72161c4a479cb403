"""Lying poses overlaid on the bed, to scale: what moves when you lift or breathe."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import REGION_COLOURS, axis_style, base_layout, check_px, plotly_text
from widgets.model.supine import SupinePose
from widgets.validation import check_items, check_text, describe

#: Line styles for successive poses: solid, dashed, dotted.
DASHES = ("solid", "dash", "dot", "dashdot")
POSE_COLOURS = ("#8d99ae", "#e4572e", "#1f77b4", "#2a9d8f")


def _closed(points: np.ndarray) -> tuple[list[float], list[float]]:
    p = np.vstack([points, points[:1]])
    return list(p[:, 0]), list(p[:, 1])


def _labelled_pose(name: str, item: object) -> tuple[str, SupinePose]:
    """One ``(label, pose)`` pair, or a ``ValueError`` naming it."""
    if not isinstance(item, tuple | list) or len(item) != 2 or not isinstance(item[1], SupinePose):
        raise ValueError(
            f"{name} must be a (label, SupinePose) pair (poses from "
            f"widgets.model.supine.supine_pose), got {describe(item)}"
        )
    return check_text(f"{name} label", item[0]), item[1]


def supine_figure(poses: Sequence[tuple[str, SupinePose]], height: float = 360) -> go.Figure:
    """Overlay lying poses (label, pose) on one bed, mm, equal aspect.

    Each pose is drawn as its spine (vertebrae outlined), pelvis, skull and back line in
    its own colour and dash, so that the learner sees which parts move. Labels are shown as
    typed (see :func:`~widgets.figures.theme.plotly_text`).

    Raises
    ------
    ValueError
        If ``poses`` is not a non-empty list of ``(label, SupinePose)`` pairs with text labels,
        or ``height`` is not a number in :data:`~widgets.figures.theme.PX_RANGE` px.
    """
    pairs = check_items("poses", poses, _labelled_pose, 1, "(label, pose) pairs")
    height = check_px("height", height)
    fig = go.Figure(layout=base_layout(height=height))
    for k, (raw_label, pose) in enumerate(pairs):
        label = plotly_text(raw_label)
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
    xs_all = np.concatenate([np.vstack([p.geometry.skull, p.legs])[:, 0] for _, p in pairs])
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
