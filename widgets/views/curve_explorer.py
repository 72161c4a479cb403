"""The curve explorer: how the three curves of the spine grow from birth to 20 years.

An age slider morphs a to-scale spine (:func:`widgets.model.development.geometry_at_age`);
beside it, a chart shows the neck, upper-back and low-back curves against age with their
sourced anchor points, the gross motor milestones and the adult ranges. Below, a readout
gives the current angles and where each number comes from, and a picker shows the adult
types (Roussouly types 1-4 and three postures) with their sourced angles.

Speed: the spines are SVG drawings (:class:`~widgets.figures.spine_drawing.SpineDrawing`)
and the chart is a static plotly chart in an ``Output`` (no ``FigureWidget``, whose 5 MB
bundle took seconds to reach the browser). A slider change builds one geometry and sends
its scene at once; the chart, which the browser takes a few hundred ms to redraw, follows
a single move at once and a drag once it stops (:data:`CHART_PAUSE_S`), so that redrawing
it never holds up the spine (see ``benchmarks/curve_explorer.py``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import cache

import ipywidgets as ipw

from widgets.figures.angle_tables import age_readout_html, preset_table_html
from widgets.figures.curves_by_age import (
    CHART_HEIGHT,
    CHART_WIDTH,
    PLOTLY_MIME,
    curves_chart_json,
)
from widgets.figures.spine_drawing import Frame, SpineDrawing, spine_frame
from widgets.figures.spine_parts import PRESET_TITLES
from widgets.model.ages import age_label, age_stops, nearest_age_stop
from widgets.model.development import geometry_at_age
from widgets.model.spine import build_spine
from widgets.validation import check_choice, check_in_range, check_number, describe
from widgets.views.curve_explorer_age import AgeSlider

#: The adult types offered by the preset picker (adult mean first).
ADULT_TYPES: tuple[str, ...] = (
    "adult-mean",
    "roussouly-1",
    "roussouly-2",
    "roussouly-3",
    "roussouly-4",
    "flat-back",
    "sway-back",
    "hyperkyphosis",
)

#: Width of each spine drawing, px (a spine and the chart sit side by side in 960 px).
SPINE_WIDTH = 380

#: While the age keeps moving faster than this, s, the chart waits for it to stop.
CHART_PAUSE_S = 0.3
#: Accepted pauses of :class:`AfterPause`, s.
PAUSE_RANGE_S: tuple[float, float] = (0.0, 60.0)


@cache
def _growing_frame() -> Frame:
    """One frame for the spine at every age, so that it morphs without rescaling."""
    return spine_frame([(geometry_at_age(a),) for a in age_stops()], SPINE_WIDTH)


@cache
def _adult_frame() -> Frame:
    return spine_frame([(build_spine(t),) for t in ADULT_TYPES], SPINE_WIDTH)


class AfterPause:
    """Call ``action`` with the latest value: at once after a pause, else once moves stop.

    A request that comes more than ``pause`` s after the one before runs at once (a click,
    a key press). Requests closer together (a drag, a held arrow key) only run once the
    requests stop for ``pause`` s, with the newest value. Outside a running event loop
    (tests, scripts) every request runs at once.

    Raises
    ------
    ValueError
        If ``action`` is not callable or ``pause`` is not a number in :data:`PAUSE_RANGE_S`;
        a call with a value that is not a finite number also raises it.
    """

    def __init__(self, action: Callable[[float], None], pause: float) -> None:
        if not callable(action):
            raise ValueError(f"action must be a function of one number, got {describe(action)}")
        self.action = action
        self.pause = check_in_range("pause", pause, *PAUSE_RANGE_S, "s")
        self._value = 0.0
        self._last_request = -float("inf")
        self._waiting: asyncio.TimerHandle | None = None

    def __call__(self, value: float) -> None:
        """Ask for ``action(value)``: now after a pause, else when the requests stop."""
        value = check_number("value", value)
        self._value = value
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.action(value)
            return
        now = loop.time()
        moving = now - self._last_request <= self.pause
        self._last_request = now
        if self._waiting is not None:
            self._waiting.cancel()
            self._waiting = None
        if moving:
            self._waiting = loop.call_later(self.pause, self._run)
        else:
            self.action(value)

    def _run(self) -> None:
        self._waiting = None
        self.action(self._value)


class CurveExplorer(ipw.VBox):
    """Move an age slider and watch the spine's curves grow, beside a chart of the curves.

    Parameters
    ----------
    age_months : float, optional
        Starting age, months (0 to 240); rounded to the nearest slider stop
        (:func:`~widgets.model.ages.age_stops`: monthly to 2 years, then every 3, then
        every 6 months). The slider is :class:`~widgets.views.curve_explorer_age.AgeSlider`.
    adult_type : str, optional
        Adult type first shown by the picker, one of :data:`ADULT_TYPES`.

    Raises
    ------
    ValueError
        If ``age_months`` is not a number in 0 to 240, or ``adult_type`` is unknown.
    """

    def __init__(self, age_months: float = 0.0, adult_type: str = "adult-mean") -> None:
        age = nearest_age_stop(age_months)
        check_choice("adult type", adult_type, ADULT_TYPES)
        self.slider = AgeSlider(age)
        self.spine = SpineDrawing(
            _growing_frame(), SPINE_WIDTH, "The model spine at the chosen age, to scale"
        )
        self.chart = ipw.Output(
            layout={"width": f"{CHART_WIDTH}px", "min_height": f"{CHART_HEIGHT}px"}
        )
        self.readout = ipw.HTML()
        self.picker = ipw.Dropdown(
            options=[(PRESET_TITLES[p], p) for p in ADULT_TYPES],
            value=adult_type,
            description="Adult type",
            style={"description_width": "initial"},
        )
        self.preset_spine = SpineDrawing(_adult_frame(), SPINE_WIDTH, "An adult spine type")
        self.preset_table = ipw.HTML()
        self._chart_updates = AfterPause(self._draw_chart, CHART_PAUSE_S)
        self._draw_spine_at(age)
        self._draw_chart(age)  # at once: the first move must not wait for this one
        self._draw_type(adult_type)
        self.slider.observe(self._on_age, names="value")
        self.picker.observe(self._on_pick, names="value")
        super().__init__(self._layout())
        self.add_class("gs-curve-explorer")

    def _layout(self) -> list[ipw.Widget]:
        row = {"display": "flex", "flex_flow": "row wrap", "align_items": "flex-start"}
        spine = ipw.Box([self.spine], layout={"width": f"{SPINE_WIDTH}px"})
        adult_spine = ipw.Box([self.preset_spine], layout={"width": f"{SPINE_WIDTH}px"})
        adult_head = ipw.HTML(
            "<b>Adult types.</b> Healthy adults differ: pick a type to see its spine and "
            "its angles with their sources."
        )
        picker = ipw.VBox(
            [self.picker, self.preset_table], layout={"flex": "1 1 360px", "max_width": "620px"}
        )
        return [
            self.slider,
            ipw.Box([spine, self.chart], layout=row),
            self.readout,
            adult_head,
            ipw.Box([adult_spine, picker], layout=row),
        ]

    @property
    def age_months(self) -> float:
        """The age shown, months."""
        return float(self.slider.value)

    def show_age(self, age_months: float) -> None:
        """Move the slider to ``age_months`` (rounded to the nearest stop) and redraw.

        Raises
        ------
        ValueError
            If ``age_months`` is not a number in 0 to 240 months.
        """
        self.slider.value = nearest_age_stop(age_months)

    def show_type(self, name: str) -> None:
        """Show adult type ``name`` (one of :data:`ADULT_TYPES`) below the chart.

        Raises
        ------
        ValueError
            If ``name`` is not an adult type; the message lists the valid names.
        """
        check_choice("adult type", name, ADULT_TYPES)
        if self.picker.value != name:
            self.picker.value = name  # the observer redraws
        else:
            self._draw_type(name)

    def _on_age(self, change: dict[str, object]) -> None:
        self._draw_age(float(str(change["new"])))

    def _on_pick(self, change: dict[str, object]) -> None:
        self._draw_type(str(change["new"]))

    def _draw_age(self, months: float) -> None:
        self._draw_spine_at(months)
        self._chart_updates(months)

    def _draw_spine_at(self, months: float) -> None:
        self.spine.draw([geometry_at_age(months)], [f"At {age_label(months)}"])
        self.readout.value = age_readout_html(months)

    def _draw_chart(self, months: float) -> None:
        chart = {PLOTLY_MIME: curves_chart_json(months), "text/plain": "Curves by age"}
        self.chart.outputs = ({"output_type": "display_data", "data": chart, "metadata": {}},)

    def _draw_type(self, name: str) -> None:
        self.preset_spine.draw([build_spine(name)], [PRESET_TITLES[name]])
        self.preset_table.value = preset_table_html(name)


def curve_explorer(age_months: float = 0.0, adult_type: str = "adult-mean") -> CurveExplorer:
    """Explore how the curves of the spine grow from birth to 20 years (see CurveExplorer)."""
    return CurveExplorer(age_months, adult_type)
