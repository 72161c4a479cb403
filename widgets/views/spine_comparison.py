"""Two spines side by side, to scale, with a preset picker for the right-hand one.

The spines are an SVG :class:`~widgets.figures.spine_drawing.SpineDrawing` (no plotly in
the browser); the table below gives every angle of the right-hand preset with its source.
"""

from __future__ import annotations

from functools import cache

import ipywidgets as ipw

from widgets.figures.angle_tables import preset_table_html
from widgets.figures.spine_drawing import Frame, SpineDrawing, spine_frame
from widgets.figures.spine_parts import PRESET_TITLES
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS
from widgets.validation import check_choice

#: Width of the drawing, px.
DRAWING_WIDTH = 760


def _check_preset(param: str, value: object) -> None:
    """Refuse ``value`` of parameter ``param`` unless it is a preset name, naming ``param``."""
    check_choice(param, value, PRESETS, what="preset")


@cache
def _frame(left: str) -> Frame:
    """One frame for ``left`` beside every preset, so that picking one never rescales."""
    fixed = build_spine(left)
    return spine_frame([(fixed, build_spine(p)) for p in PRESETS], DRAWING_WIDTH)


class SpineComparison(ipw.VBox):
    """A fixed reference spine beside a spine chosen from the presets.

    Parameters
    ----------
    left : str
        Preset drawn on the left (fixed).
    right : str
        Preset first shown on the right; the picker changes it.

    Raises
    ------
    ValueError
        If ``left`` or ``right`` is not a preset; the message names it and lists the valid
        names.
    """

    def __init__(self, left: str = "adult-mean", right: str = "newborn") -> None:
        _check_preset("left", left)
        _check_preset("right", right)
        self.left = left
        self.picker = ipw.Dropdown(
            options=[(PRESET_TITLES[p], p) for p in PRESETS],
            value=right,
            description="Compare with",
            style={"description_width": "initial"},
        )
        self.drawing = SpineDrawing(
            _frame(left), DRAWING_WIDTH, "Two spines side by side, to scale, facing right"
        )
        self.table = ipw.HTML()
        self._draw(right)
        self.picker.observe(self._on_pick, names="value")
        super().__init__([self.picker, self.drawing, self.table])
        self.add_class("gs-spine-comparison")

    @property
    def right(self) -> str:
        """The preset drawn on the right."""
        return str(self.picker.value)

    def show(self, name: str) -> None:
        """Draw preset ``name`` on the right (and move the picker to it).

        Raises
        ------
        ValueError
            If ``name`` is not a preset; the message names ``name`` and lists the valid names.
        """
        _check_preset("name", name)
        if self.picker.value != name:
            self.picker.value = name  # the observer redraws
        else:
            self._draw(name)

    def _draw(self, name: str) -> None:
        geoms = [build_spine(self.left), build_spine(name)]
        self.drawing.draw(geoms, [PRESET_TITLES[self.left], PRESET_TITLES[name]])
        self.table.value = preset_table_html(name)

    def _on_pick(self, change: dict[str, object]) -> None:
        self._draw(str(change["new"]))


def compare_spines(left: str = "adult-mean", right: str = "newborn") -> SpineComparison:
    """Show presets ``left`` and ``right`` side by side, with a picker for ``right``."""
    return SpineComparison(left, right)
