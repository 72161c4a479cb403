"""Two spines side by side, to scale, with a preset picker for the right-hand one."""

from __future__ import annotations

import html

import ipywidgets as ipw
import plotly.graph_objects as go

from widgets.content.references import reference
from widgets.data import STATUSES
from widgets.figures.spine_figure import PRESET_TITLES, spine_figure
from widgets.model.spine_params import LABELS, PRESETS, preset_sources
from widgets.validation import check_choice


def preset_table_html(name: str) -> str:
    """HTML table of a preset's angles with value, source and status of each."""
    rows = []
    for parameter, row in preset_sources(name).items():
        ref = reference(row.source)
        link = f'<a href="{ref.link}" target="_blank" rel="noopener">{html.escape(ref.short())}</a>'
        rows.append(
            f"<tr><td>{html.escape(LABELS[parameter])}</td><td>{row.value:g}°</td>"
            f"<td>{link}</td><td title='{html.escape(STATUSES[row.status])}'>{row.status}</td>"
            f"<td>{html.escape(row.note)}</td></tr>"
        )
    head = "<tr><th>angle</th><th>value</th><th>source</th><th>status</th><th>note</th></tr>"
    return (
        f"<table class='gs-preset-table'><caption>{html.escape(PRESET_TITLES[name])}</caption>"
        f"{head}{''.join(rows)}</table>"
    )


class SpineComparison(ipw.VBox):
    """A fixed reference spine beside a spine chosen from the presets.

    Parameters
    ----------
    left : str
        Preset drawn on the left (fixed).
    right : str
        Preset first shown on the right; the picker changes it.
    """

    def __init__(self, left: str = "adult-mean", right: str = "newborn") -> None:
        check_choice("preset", left, PRESETS)
        check_choice("preset", right, PRESETS)
        self.left = left
        self.picker = ipw.Dropdown(
            options=[(PRESET_TITLES[p], p) for p in PRESETS],
            value=right,
            description="Compare with",
            style={"description_width": "initial"},
        )
        self.figure = go.FigureWidget(spine_figure(left, right))
        self.table = ipw.HTML(preset_table_html(right))
        self.picker.observe(self._on_pick, names="value")
        super().__init__([self.picker, self.figure, self.table])
        self.add_class("gs-spine-comparison")

    def show(self, name: str) -> None:
        """Draw preset ``name`` on the right.

        Raises
        ------
        ValueError
            If ``name`` is not a preset; the message lists the valid names.
        """
        check_choice("preset", name, PRESETS)
        fresh = spine_figure(self.left, name)
        with self.figure.batch_update():
            for trace, new in zip(self.figure.data, fresh.data, strict=True):
                trace.x, trace.y = new.x, new.y
                trace.hovertemplate = new.hovertemplate
            self.figure.layout.annotations = fresh.layout.annotations
        self.table.value = preset_table_html(name)
        if self.picker.value != name:
            self.picker.value = name

    def _on_pick(self, change: dict[str, object]) -> None:
        self.show(str(change["new"]))


def compare_spines(left: str = "adult-mean", right: str = "newborn") -> SpineComparison:
    """Show presets ``left`` and ``right`` side by side, with a picker for ``right``."""
    return SpineComparison(left, right)
