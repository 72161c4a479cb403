"""Lying poses overlaid on the bed, to scale: what moves when you lift or breathe.

Each pose also shows the soft tissue it rests on (buttocks, upper back, scalp: lightly filled
in its colour) and a mark where that tissue touches the bed or the pillow (the upper back
touches the pillow when the pillow props the shoulders: :attr:`SupinePose.rests_on`); the
pillow is drawn once, from the first pose (the settings, and so the pillow, are the same for
every pose).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import (
    REGION_COLOURS,
    axis_style,
    base_layout,
    check_px,
    plotly_text,
    rgba,
)
from widgets.model.supine import SupinePose
from widgets.validation import check_items, check_text, describe

#: Line styles for successive poses: solid, dashed, dotted.
DASHES = ("solid", "dash", "dot", "dashdot")
POSE_COLOURS = ("#8d99ae", "#e4572e", "#1f77b4", "#2a9d8f")
#: Colour of the marks where the tissue touches the bed or the pillow (teal: read in both themes).
CONTACT_COLOUR = "#2a9d8f"


def _closed(points: np.ndarray) -> tuple[list[float], list[float]]:
    p = np.vstack([points, points[:1]])
    return list(p[:, 0]), list(p[:, 1])


def _rest_point(name: str, pose: SupinePose) -> tuple[str, np.ndarray]:
    """What soft-tissue outline ``name`` rests on and where it touches (a point of it, mm).

    What it rests on is :attr:`SupinePose.rests_on`. Where: on the bed, or on the pillow
    under the head only, the outline's lowest point; on the pillow propping the shoulders,
    the point lowest over what lies under it: the pillow top up to the pillow's end toward
    the feet (the skin often rests on its corner), the bed beyond (as
    :func:`widgets.model.supine_contact.clearance` measures it).
    """
    outline = pose.tissue[name]
    on = pose.rests_on.get(name, "bed")
    if on != "pillow" or pose.prop <= 0.0:
        return on, outline[int(np.argmin(outline[:, 1]))]
    edge = float(pose.pillow[:, 0].max())
    a, b = outline, np.roll(outline, -1, axis=0)
    crosses = (a[:, 0] - edge) * (b[:, 0] - edge) < 0.0
    t = (edge - a[crosses, 0]) / (b[crosses, 0] - a[crosses, 0])
    corner = a[crosses] + t[:, None] * (b[crosses] - a[crosses])
    corner[:, 0] = edge  # over the pillow's corner
    points = np.vstack([outline, corner])
    under = np.where(points[:, 0] <= edge, pose.prop, 0.0)
    return on, points[int(np.argmin(points[:, 1] - under))]


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
    first = pairs[0][1]
    block = first.pillow
    if float(block[:, 1].max()) > 0:
        x, y = _closed(block)
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                name=f"pillow ({float(block[:, 1].max()):.0f} mm)",
                fill="toself",
                fillcolor=rgba(REGION_COLOURS["bone"], 0.15),
                line={"color": REGION_COLOURS["bone"], "width": 1.5},
                hoverinfo="skip",
            )
        )
    for k, (raw_label, pose) in enumerate(pairs):
        label = plotly_text(raw_label)
        colour, dash = POSE_COLOURS[k % len(POSE_COLOURS)], DASHES[k % len(DASHES)]
        g = pose.geometry
        tx: list[float | None] = []
        ty: list[float | None] = []
        for outline in pose.tissue.values():
            x, y = _closed(outline)
            tx += [*x, None]
            ty += [*y, None]
        fig.add_trace(
            go.Scatter(
                x=tx,
                y=ty,
                mode="lines",
                fill="toself",
                fillcolor=rgba(colour, 0.12),
                legendgroup=label,
                showlegend=False,
                line={"color": colour, "dash": dash, "width": 0.75},
                name=f"{label}: soft tissue",
                hovertemplate=f"{label}: soft tissue (buttocks, upper back, scalp)<extra></extra>",
            )
        )
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
    # a head the neck cannot bring down (SupinePose.head_supported False) touches nothing
    touching = [n for n in first.tissue if n != "scalp" or first.head_supported]
    rests = [(name, *_rest_point(name, first)) for name in touching]
    fig.add_trace(
        go.Scatter(
            x=[float(p[0]) for _, _, p in rests],
            y=[float(p[1]) for _, _, p in rests],
            mode="markers",
            name=f"rests on bed and pillow ({plotly_text(pairs[0][0])})",
            marker={"symbol": "diamond", "size": 9, "color": CONTACT_COLOUR},
            customdata=[f"{name} on the {on}" for name, on, _ in rests],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    xs_all = np.concatenate(
        [np.vstack([p.geometry.skull, p.legs, p.pillow])[:, 0] for _, p in pairs]
    )
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
