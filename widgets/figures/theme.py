"""Colours and layout that read on both JupyterLab's light and dark themes.

Plotly does not follow the JupyterLab theme, so figures use transparent backgrounds and
mid-tone colours with enough contrast against both white and near-black.
"""

from __future__ import annotations

import plotly.graph_objects as go

REGION_COLOURS: dict[str, str] = {
    "cervical": "#2a9d8f",
    "thoracic": "#e08e0b",
    "lumbar": "#8e6cc9",
    "sacrum": "#8d99ae",
    "disc": "#5fa8d3",
    "bone": "#8d99ae",
}
TEXT = "#7d8590"
GRID = "rgba(128, 128, 128, 0.25)"


def base_layout(**overrides: object) -> go.Layout:
    """A transparent layout with text, axes and grid in theme-neutral colours."""
    layout = go.Layout(
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"color": TEXT, "size": 13},
        margin={"l": 50, "r": 20, "t": 50, "b": 40},
        hoverlabel={"bgcolor": "#30363d", "font": {"color": "#f0f6fc"}},
        legend={"bgcolor": "rgba(0,0,0,0)"},
    )
    layout.update(**overrides)
    return layout


def rgba(hex_colour: str, alpha: float) -> str:
    """``"#rrggbb"`` and an opacity (0 to 1) as a CSS ``"rgba(r, g, b, alpha)"``."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def axis_style(title: str) -> dict[str, object]:
    """Axis settings with a title and theme-neutral grid."""
    return {
        "title": {"text": title},
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "linecolor": GRID,
        "tickcolor": GRID,
    }
