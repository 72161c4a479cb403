"""The sagittal spine as a plotly figure, to scale (mm, equal aspect)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import REGION_COLOURS, axis_style, base_layout
from widgets.model import measure
from widgets.model.spine import SpineGeometry, build_spine

#: Horizontal gap between spines drawn side by side, mm.
GAP_MM = 140.0

#: Display names of the presets.
PRESET_TITLES: dict[str, str] = {
    "adult-mean": "Adult (mean)",
    "newborn": "Newborn C-curve (illustrative)",
    "1-year": "1 year (illustrative)",
    "5-years": "5 years",
    "roussouly-1": "Roussouly type 1",
    "roussouly-2": "Roussouly type 2",
    "roussouly-3": "Roussouly type 3",
    "roussouly-4": "Roussouly type 4",
    "flat-back": "Flat back (illustrative)",
    "sway-back": "Sway back (illustrative)",
    "hyperkyphosis": "Hyperkyphosis",
}

_REGION_LABEL = {
    "cervical": ("C2–C7", "lordosis", measure.cervical_lordosis),
    "thoracic": ("T4–T12", "kyphosis", measure.thoracic_kyphosis),
    "lumbar": ("L1–S1", "lordosis", measure.lumbar_lordosis),
}


def _polygon(points: np.ndarray, dx: float) -> tuple[list[float], list[float]]:
    closed = np.vstack([points, points[:1]])
    return list(closed[:, 0] + dx), list(closed[:, 1])


def _traces(geom: SpineGeometry, dx: float, tag: str) -> list[go.Scatter]:
    bone = REGION_COLOURS["bone"]
    outlines = [
        (name, pts, bone, opacity, 1.5, name, None)
        for name, pts, opacity in (
            ("pelvis", geom.pelvis, 0.18),
            ("femoral head", geom.femoral_head, 0.3),
            ("skull", geom.skull, 0.18),
            ("sacrum", geom.sacrum, 0.55),
        )
    ]
    disc = REGION_COLOURS["disc"]
    outlines += [
        (f"disc {name}", corners, disc, 0.45, 0.5, f"disc {name}", None)
        for name, corners in zip(geom.disc_names, geom.disc_corners, strict=True)
    ]
    outlines += [
        (
            level,
            corners,
            REGION_COLOURS[region],
            0.75,
            1.0,
            f"<b>{level}</b> ({region})",
            {"kind": "vertebra", "spine": tag},
        )
        for level, region, corners in zip(geom.levels, geom.regions, geom.body_corners, strict=True)
    ]
    traces: list[go.Scatter] = []
    for name, pts, colour, opacity, width, hover, meta in outlines:
        x, y = _polygon(pts, dx)
        traces.append(
            go.Scatter(
                x=x,
                y=y,
                mode="lines",
                fill="toself",
                name=name,
                meta=meta,
                line={"color": colour, "width": width},
                fillcolor=_rgba(colour, opacity),
                hoveron="fills",
                hovertemplate=f"{hover}<extra>{tag}</extra>",
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
            marker={"symbol": "circle-open", "size": 9, "color": bone},
            hovertemplate=f"hip axis<extra>{tag}</extra>",
            showlegend=False,
        )
    )
    return traces


def _rgba(hex_colour: str, alpha: float) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _annotations(geom: SpineGeometry, dx: float) -> list[dict[str, object]]:
    notes = []
    for region, (levels, kind, fn) in _REGION_LABEL.items():
        pts = geom.body_corners[[r == region for r in geom.regions]].reshape(-1, 2)
        x = float(pts[:, 0].min()) + dx - 12
        y = float(pts[:, 1].mean())
        notes.append(
            {
                "x": x,
                "y": y,
                "xanchor": "right",
                "showarrow": False,
                "text": f"{levels} {kind}<br><b>{fn(geom):.0f}°</b>",
                "font": {"color": REGION_COLOURS[region], "size": 12},
                "align": "right",
            }
        )
    ss, pt, pi = (
        measure.sacral_slope(geom),
        measure.pelvic_tilt(geom),
        measure.pelvic_incidence(geom),
    )
    notes.append(
        {
            "x": dx,
            "y": -85,
            "showarrow": False,
            "yanchor": "top",
            "text": f"PI {pi:.0f}° = PT {pt:.0f}° + SS {ss:.0f}°",
            "font": {"size": 12},
        }
    )
    return notes


def spine_figure(
    *spines: SpineGeometry | str,
    titles: Sequence[str] | None = None,
    height: int = 620,
) -> go.Figure:
    """Draw one or more spines side by side, to scale.

    Parameters
    ----------
    *spines : SpineGeometry or str
        Geometries, or preset names (built with :func:`widgets.model.spine.build_spine`).
    titles : sequence of str, optional
        A heading above each spine; defaults to the preset names.
    height : int, optional
        Figure height in pixels.

    Returns
    -------
    go.Figure
        Vertebrae as filled polygons coloured by region (hover names the level), discs,
        sacrum, pelvis and skull; regional angles labelled; axes in mm with equal aspect.
    """
    if not spines:
        spines = ("adult-mean",)
    geoms = [build_spine(s) if isinstance(s, str) else s for s in spines]
    default = [PRESET_TITLES.get(s, s) if isinstance(s, str) else "spine" for s in spines]
    names = list(titles) if titles is not None else default
    if len(names) != len(geoms):
        raise ValueError(f"got {len(names)} titles for {len(geoms)} spines; give one per spine")
    fig = go.Figure(layout=base_layout(height=height))
    notes: list[dict[str, object]] = []
    right_edge = None
    for geom, name in zip(geoms, names, strict=True):
        xs = np.concatenate(
            [geom.skull[:, 0], geom.pelvis[:, 0], geom.body_corners[..., 0].ravel()]
        )
        dx = 0.0 if right_edge is None else right_edge + GAP_MM - float(xs.min())
        right_edge = dx + float(xs.max())
        fig.add_traces(_traces(geom, dx, name))
        notes += _annotations(geom, dx)
        notes.append(
            {
                "x": dx,
                "y": 1.0,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "text": f"<b>{name}</b>",
                "font": {"size": 14},
            }
        )
    fig.update_layout(
        annotations=notes,
        xaxis={
            **axis_style("mm (the person faces right)"),
            "constrain": "domain",
        },
        yaxis={**axis_style("height above the hip axis, mm"), "scaleanchor": "x", "scaleratio": 1},
        hovermode="closest",
    )
    return fig
