"""The sagittal spine as a plotly figure, to scale (mm, equal aspect)."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from widgets.figures.spine_parts import (
    MAX_COORD_MM,
    PRESET_TITLES,
    angle_labels,
    check_geometry,
    outlines,
    side_by_side,
    titled,
)
from widgets.figures.theme import (
    REGION_COLOURS,
    axis_style,
    base_layout,
    check_px,
    plotly_text,
    rgba,
)
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import PRESETS
from widgets.validation import check_in_range, check_items, check_text, describe

__all__ = ["PRESET_TITLES", "spine_figure", "spine_traces"]


def spine_traces(geom: SpineGeometry, dx: float, tag: str) -> list[go.Scatter]:
    """The plotly traces of one spine, shifted ``dx`` mm to the right.

    One filled trace per outline of :func:`~widgets.figures.spine_parts.outlines`, in its
    order, then the hip axis; ``tag`` names the spine in every hover (shown as typed: see
    :func:`~widgets.figures.theme.plotly_text`). Vertebrae carry
    ``meta={"kind": "vertebra", "spine": tag}``.

    Raises
    ------
    ValueError
        If ``geom`` is not a geometry, ``dx`` not a finite number of mm up to
        :data:`~widgets.figures.spine_parts.MAX_COORD_MM` either way, or ``tag`` not text.
    """
    check_geometry("geom", geom)
    dx = check_in_range("dx", dx, -MAX_COORD_MM, MAX_COORD_MM, "mm")
    label = plotly_text(check_text("tag", tag))
    traces: list[go.Scatter] = []
    for part in outlines(geom):
        colour = REGION_COLOURS[part.region or ("disc" if part.kind == "disc" else "bone")]
        is_vertebra = part.kind == "vertebra"
        hover = f"<b>{part.name}</b> ({part.region})" if is_vertebra else part.name
        traces.append(
            go.Scatter(
                x=[*(part.points[:, 0] + dx), part.points[0, 0] + dx],
                y=[*part.points[:, 1], part.points[0, 1]],
                mode="lines",
                fill="toself",
                name=part.name,
                meta={"kind": "vertebra", "spine": tag} if is_vertebra else None,
                line={"color": colour, "width": part.line_width},
                fillcolor=rgba(colour, part.opacity),
                hoveron="fills",
                hovertemplate=f"{hover}<extra>{label}</extra>",
                showlegend=False,
            )
        )
    hip = geom.hip_axis
    traces.append(
        go.Scatter(
            x=[hip[0] + dx],
            y=[hip[1]],
            mode="markers",
            name="hip axis",
            marker={"symbol": "circle-open", "size": 9, "color": REGION_COLOURS["bone"]},
            hovertemplate=f"hip axis<extra>{label}</extra>",
            showlegend=False,
        )
    )
    return traces


def _spine(name: str, spine: object) -> SpineGeometry:
    """A geometry from a geometry or a preset name, with a clear error for anything else."""
    if isinstance(spine, SpineGeometry):
        return spine
    if isinstance(spine, str) and spine in PRESETS:
        return build_spine(spine)
    raise ValueError(
        f"{name} must be a SpineGeometry (from widgets.build_spine) or a preset name, "
        f"got {describe(spine)}; valid presets: {', '.join(PRESETS)}"
    )


def _annotations(geom: SpineGeometry, dx: float) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = []
    for label in angle_labels(geom):
        if label.region:
            text = f"{label.lines[0]}<br><b>{label.lines[1]}</b>"
            font = {"color": REGION_COLOURS[label.region], "size": 12}
            notes.append(
                {
                    "x": label.x + dx,
                    "y": label.y,
                    "xanchor": "right",
                    "align": "right",
                    "showarrow": False,
                    "text": text,
                    "font": font,
                }
            )
        else:
            notes.append(
                {
                    "x": label.x + dx,
                    "y": label.y,
                    "yanchor": "top",
                    "showarrow": False,
                    "text": label.lines[0],
                    "font": {"size": 12},
                }
            )
    return notes


def spine_figure(
    *spines: SpineGeometry | str,
    titles: Sequence[str] | None = None,
    height: float = 620,
) -> go.Figure:
    """Draw one or more spines side by side, to scale.

    Parameters
    ----------
    *spines : SpineGeometry or str
        Geometries, or preset names (built with :func:`widgets.model.spine.build_spine`).
    titles : sequence of str, optional
        A heading above each spine, shown as typed; defaults to the preset names.
    height : float, optional
        Figure height in pixels, in :data:`~widgets.figures.theme.PX_RANGE`.

    Returns
    -------
    go.Figure
        Vertebrae as filled polygons coloured by region (hover names the level), discs,
        sacrum, pelvis and skull; regional angles labelled; axes in mm with equal aspect.

    Raises
    ------
    ValueError
        If a spine is neither a geometry nor a preset name, ``titles`` is not a list of one
        text per spine, or ``height`` is out of range; the message names the parameter.
    """
    if not spines:
        spines = ("adult-mean",)
    height = check_px("height", height)
    geoms = [_spine(f"spines[{i}]", s) for i, s in enumerate(spines)]
    default = [PRESET_TITLES.get(s, s) if isinstance(s, str) else "spine" for s in spines]
    given = default if titles is None else titles
    names = list(check_items("titles", given, check_text, 0, "str"))
    if len(names) != len(geoms):
        raise ValueError(
            f"titles: got {len(names)} titles for {len(geoms)} spines; give one per spine"
        )
    fig = go.Figure(layout=base_layout(height=height))
    notes: list[dict[str, object]] = []
    for geom, name, dx in zip(geoms, names, side_by_side(geoms), strict=True):
        fig.add_traces(spine_traces(geom, dx, name))
        notes += _annotations(geom, dx)
        notes.append(
            {
                "x": dx,
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"<b>{plotly_text(titled(name, geom))}</b>",
                "font": {"size": 14},
            }
        )
    fig.update_layout(
        annotations=notes,
        xaxis={**axis_style("mm (the person faces right)"), "constrain": "domain"},
        yaxis={**axis_style("height above the hip axis, mm"), "scaleanchor": "x", "scaleratio": 1},
        hovermode="closest",
    )
    return fig
