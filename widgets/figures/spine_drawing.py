"""``SpineDrawing``: one or more spines side by side, to scale, drawn in SVG in the browser.

The interactive views use this instead of a plotly ``FigureWidget`` (which ships a 5 MB
bundle to the browser per widget): one Python class, one ES module (``spine_drawing.js``)
and one stylesheet (``spine_drawing.css``), in the anywidget way. The ``scene`` trait is
the single source of truth: plain JSON made by :func:`spine_scene` from the outlines and
labels of :mod:`widgets.figures.spine_parts` (the same parts as the plotly
:func:`~widgets.figures.spine_figure.spine_figure`), in SVG coordinates (mm, y down).
The drawing has no controls of its own; a view changes it by calling :meth:`SpineDrawing.draw`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import anywidget
import numpy as np
import traitlets

from widgets.figures.spine_parts import (
    PELVIS_LABEL_Y,
    angle_labels,
    angles_sentence,
    check_geometry,
    outlines,
    side_by_side,
    titled,
    x_extent,
)
from widgets.figures.theme import REGION_COLOURS
from widgets.model.spine import SpineGeometry
from widgets.validation import (
    check_int_in_range,
    check_items,
    check_number,
    check_text,
    describe,
)

#: Decimal places kept in the coordinates sent to the browser (0.1 mm).
PRECISION = 1

#: Text size of the labels, px (at the drawing's full width).
FONT_PX = 12.5

#: Length of the scale bar, mm.
SCALE_BAR_MM = 100.0

#: Room kept left of the leftmost vertebra for a curve label, in font sizes.
_LABEL_EMS = 9.0

#: Accepted widths of a drawing on screen, px: room for the labels at the narrow end.
WIDTH_RANGE_PX: tuple[int, int] = (200, 4000)

Frame = tuple[float, float, float, float]  # x0, x1, y0, y1 in mm, y up


def check_width(name: str, value: object) -> int:
    """Return a drawing width ``value`` (px) if it is a whole number in :data:`WIDTH_RANGE_PX`."""
    return check_int_in_range(name, value, *WIDTH_RANGE_PX, "px")


def check_frame(name: str, frame: object) -> Frame:
    """Return ``frame`` as four floats ``(x0, x1, y0, y1)``, mm, with ``x0 < x1`` and ``y0 < y1``.

    Raises
    ------
    ValueError
        If ``frame`` is not four finite numbers or a side has no length; the message names it.
    """
    what = "four numbers (x0, x1, y0, y1) in mm, as from spine_frame()"
    values = check_items(name, frame, lambda n, v: check_number(n, v, "mm"), 0, what)
    if len(values) != 4:
        raise ValueError(f"{name} must be a list of {what}, got {describe(frame)}")
    x0, x1, y0, y1 = values
    if not (x0 < x1 and y0 < y1):
        raise ValueError(f"{name} must have x0 < x1 and y0 < y1 (mm), got {(x0, x1, y0, y1)!r}")
    return (x0, x1, y0, y1)


def _layout(name: str, layout: object) -> tuple[SpineGeometry, ...]:
    return check_items(name, layout, check_geometry, 1, "SpineGeometry")


def _flat(points: np.ndarray, dx: float) -> list[float]:
    """Corners as a flat ``[x0, y0, x1, y1, ...]`` in SVG coordinates (y down), mm."""
    svg = np.column_stack([points[:, 0] + dx, -points[:, 1]])
    return [float(v) for v in np.round(svg, PRECISION).ravel()]


def spine_frame(spines: Iterable[Sequence[SpineGeometry]], width_px: int) -> Frame:
    """The smallest frame (mm, y up) that holds every layout in ``spines`` with its labels.

    Parameters
    ----------
    spines : iterable of sequences of SpineGeometry
        Each item is one set of spines drawn side by side; the frame fits them all, so a
        drawing that switches between them keeps its scale and does not jump.
    width_px : int
        Width of the drawing on screen, px (labels take a fixed number of px).

    Returns
    -------
    tuple of float
        ``(x0, x1, y0, y1)``, mm.

    Raises
    ------
    ValueError
        If ``spines`` is not a non-empty list of non-empty lists of geometries, or
        ``width_px`` is not a whole number in :data:`WIDTH_RANGE_PX`.
    """
    spines = check_items("spines", spines, _layout, 1, "lists of SpineGeometry")
    width_px = check_width("width_px", width_px)
    label_left, outline_left, right, top = np.inf, np.inf, -np.inf, -np.inf
    for layout in spines:
        geoms = list(layout)
        for geom, dx in zip(geoms, side_by_side(geoms), strict=True):
            low, high = x_extent(geom)
            label_x = min(label.x for label in angle_labels(geom) if label.region)
            label_left = min(label_left, label_x + dx)
            outline_left = min(outline_left, low + dx)
            right = max(right, high + dx)
            top = max(top, float(geom.skull[:, 1].max()), float(geom.body_corners[..., 1].max()))
    # the labels' room grows with the frame: width = content / (1 - ems * font / width)
    right += 20.0
    width = (right - label_left) / (1.0 - _LABEL_EMS * FONT_PX / width_px)
    font = FONT_PX * width / width_px
    x0 = min(right - width, outline_left - 20.0)
    return (x0, right, PELVIS_LABEL_Y - 3.2 * font, top + 2.4 * font)


def spine_scene(
    geoms: Sequence[SpineGeometry],
    titles: Sequence[str],
    frame: Frame,
    width_px: int,
    description: str = "",
) -> dict[str, Any]:
    """The JSON scene that ``spine_drawing.js`` draws.

    Parameters
    ----------
    geoms : sequence of SpineGeometry
        Spines drawn side by side (:func:`~widgets.figures.spine_parts.side_by_side`).
    titles : sequence of str
        A heading above each spine.
    frame : tuple of float
        ``(x0, x1, y0, y1)``, mm, y up (see :func:`spine_frame`).
    width_px : int
        Width of the drawing on screen, px.
    description : str, optional
        What the drawing shows, for screen readers; the measured angles of each spine are
        added to it.

    Returns
    -------
    dict
        ``viewBox`` (SVG, mm), ``width`` (px), ``fontSize`` (mm), ``label`` (for
        ``aria-label``), ``palette`` (colour by region or kind), ``scaleBar`` and
        ``spines``: per spine its ``title``, ``titleX``, ``titleY``, ``shapes`` (name,
        hover, kind, colour key, fill opacity, line width and flat ``points``), ``labels``
        and ``hip``.

    Raises
    ------
    ValueError
        If ``geoms`` is not a non-empty list of geometries, ``titles`` not one text per spine,
        ``frame`` not a frame (see :func:`check_frame`), ``width_px`` out of
        :data:`WIDTH_RANGE_PX` or ``description`` not text.
    """
    geoms = _layout("geoms", geoms)
    titles = check_items("titles", titles, check_text, 0, "str")
    if len(titles) != len(geoms):
        raise ValueError(
            f"titles: got {len(titles)} titles for {len(geoms)} spines; give one per spine"
        )
    x0, x1, y0, y1 = check_frame("frame", frame)
    width_px = check_width("width_px", width_px)
    check_text("description", description, allow_empty=True)
    font = FONT_PX * (x1 - x0) / width_px
    spines = []
    sentences = []
    for geom, plain_title, dx in zip(geoms, titles, side_by_side(geoms), strict=True):
        title = titled(plain_title, geom)
        shapes = [
            {
                "name": part.name,
                "hover": part.hover,
                "kind": part.kind,
                "colour": part.region or ("disc" if part.kind == "disc" else "bone"),
                "opacity": part.opacity,
                "width": part.line_width,
                "points": _flat(part.points, dx),
            }
            for part in outlines(geom)
        ]
        labels = [
            {
                "x": round(label.x + dx, PRECISION),
                "y": round(-label.y, PRECISION),
                "lines": list(label.lines),
                "colour": label.region,
                "anchor": label.anchor,
            }
            for label in angle_labels(geom)
        ]
        hip = [round(float(geom.hip_axis[0]) + dx, PRECISION), round(-float(geom.hip_axis[1]), 1)]
        spines.append(
            {
                "title": title,
                "titleX": round(dx, 1),
                "titleY": round(1.3 * font - y1, 1),
                "shapes": shapes,
                "labels": labels,
                "hip": hip,
            }
        )
        sentences.append(f"{title}: {angles_sentence(geom)}")
    intro = description or "Side view of the spine, to scale, facing right"
    if any(geom.scale < 1.0 for geom in geoms):
        intro += (
            "; a child's spine is drawn at its own size, from the spine length by age on web "
            "pages that name no study"
        )
    return {
        "viewBox": [round(x0, 1), round(-y1, 1), round(x1 - x0, 1), round(y1 - y0, 1)],
        "width": width_px,
        "fontSize": round(font, 2),
        "label": f"{intro}. {'. '.join(sentences)}.",
        "palette": dict(REGION_COLOURS),
        "spines": spines,
        "scaleBar": {
            "x": round(x1 - SCALE_BAR_MM - font, 1),
            "y": round(-y0 - font, 1),
            "mm": SCALE_BAR_MM,
        },
    }


class SpineDrawing(anywidget.AnyWidget):
    """Spines side by side, to scale, drawn in SVG (no controls; see :meth:`draw`).

    Parameters
    ----------
    frame : tuple of float
        ``(x0, x1, y0, y1)``, mm, y up: from :func:`spine_frame`.
    width_px : int, optional
        Width on screen, px, in :data:`WIDTH_RANGE_PX`.
    description : str, optional
        What the drawing shows, for screen readers.

    Traits
    ------
    scene : dict
        What to draw, from :func:`spine_scene`; the single source of truth. Read-only: it is
        computed by :meth:`draw`, so setting it from Python raises ``traitlets.TraitError``.

    Raises
    ------
    ValueError
        If ``frame``, ``width_px`` or ``description`` is not as above.
    """

    _esm = Path(__file__).with_name("spine_drawing.js")
    _css = Path(__file__).with_name("spine_drawing.css")

    scene = traitlets.Dict(read_only=True).tag(sync=True)

    def __init__(self, frame: Frame, width_px: int = 380, description: str = "") -> None:
        self.frame = check_frame("frame", frame)
        self.width_px = check_width("width_px", width_px)
        self.description = check_text("description", description, allow_empty=True)
        super().__init__()

    def draw(self, geoms: Sequence[SpineGeometry], titles: Sequence[str]) -> None:
        """Draw ``geoms`` with ``titles`` in the drawing's frame (one ``scene`` update).

        Raises
        ------
        ValueError
            As :func:`spine_scene` does, for geometries or titles that are not as documented.
        """
        scene = spine_scene(geoms, titles, self.frame, self.width_px, self.description)
        self.set_trait("scene", scene)
