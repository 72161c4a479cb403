"""Colours and layout that read on both JupyterLab's light and dark themes.

Plotly does not follow the JupyterLab theme, so figures use transparent backgrounds and
mid-tone colours with enough contrast against both white and near-black.
"""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go

from widgets.validation import check_in_range, check_text

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

#: Accepted figure heights and widths, px: a course limit (plotly itself takes 10 px up).
PX_RANGE: tuple[float, float] = (100.0, 4000.0)

_HEX = re.compile(r"#[0-9a-fA-F]{6}")


def check_px(name: str, value: object) -> float:
    """Return a figure size ``value`` (px) if it is a number in :data:`PX_RANGE`.

    Raises
    ------
    ValueError
        Naming ``name``, the value and the range.
    """
    return check_in_range(name, value, *PX_RANGE, "px")


def plotly_text(text: str) -> str:
    """``text`` made safe to show in a plotly title, label, legend or hover template.

    Plotly reads a subset of HTML in all of these (``<b>``, ``<br>``, ``<a href>`` ...) and, in
    a hover template, ``%{x}`` as a variable and ``<extra>...</extra>`` as the hover's side box.
    The text is HTML-escaped and its ``%`` written as the entity ``&#37;``: plotly shows the
    characters as typed and reads no markup or template from them.

    Raises
    ------
    ValueError
        If ``text`` is not a str.
    """
    return html.escape(check_text("text", text, allow_empty=True), quote=False).replace(
        "%", "&#37;"
    )


def base_layout(**overrides: object) -> go.Layout:
    """A transparent layout with text, axes and grid in theme-neutral colours.

    ``overrides`` are plotly layout properties; plotly refuses unknown names with a
    ``ValueError`` naming them, and ``height`` and ``width`` must lie in :data:`PX_RANGE`.
    """
    for name in ("height", "width"):
        if name in overrides:
            check_px(name, overrides[name])
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
    """``"#rrggbb"`` and an opacity (0 to 1) as a CSS ``"rgba(r, g, b, alpha)"``.

    Raises
    ------
    ValueError
        If ``hex_colour`` is not ``#`` and six hex digits, or ``alpha`` is not in 0 to 1.
    """
    if not isinstance(hex_colour, str) or not _HEX.fullmatch(hex_colour):
        raise ValueError(f"hex_colour must be '#rrggbb' (six hex digits), got {hex_colour!r:.60}")
    alpha = check_in_range("alpha", alpha, 0.0, 1.0)
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha:g})"


def axis_style(title: str) -> dict[str, object]:
    """Axis settings with a title (shown as typed, see :func:`plotly_text`) and theme-neutral grid.

    Raises
    ------
    ValueError
        If ``title`` is not a str.
    """
    return {
        "title": {"text": plotly_text(check_text("title", title, allow_empty=True))},
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "linecolor": GRID,
        "tickcolor": GRID,
    }
