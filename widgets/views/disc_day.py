"""A day in the life of a disc: pick a preset day, a pressure table and a time of day.

The chart (:func:`widgets.figures.disc_day.disc_day_chart_json`) shows the lumbar disc to
scale at the chosen time, its height and pressure over 24 h, and the first hour in bed with
a 10-minute session of waist lifts. It is a static plotly chart in an ``Output``, redrawn on
every change (no ``FigureWidget``): the model runs of a day are cached, so a change costs a
few ms in the kernel (``benchmarks/disc_day.py``). Below it, a readout of the chosen time and
the day's postures in both pressure tables, which disagree.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.content.page_style import show_html
from widgets.figures.disc_day import (
    CHART_HEIGHT,
    CHART_WIDTH,
    PLOTLY_MIME,
    disc_day_chart_json,
)
from widgets.figures.disc_day_run import DAY_TITLES, TABLE_TITLES, check_day, check_table
from widgets.figures.disc_day_tables import (
    fluid_table_html,
    pressure_tables_html,
    readout_html,
    solute_table_html,
)
from widgets.model.disc_loads import PRESET_DAYS, PRESSURE_TABLES
from widgets.validation import check_keywords
from widgets.views.disc_day_hour import HourSlider, nearest_hour_stop


class DiscDay(ipw.VBox):
    """The disc through a preset day, with a time-of-day slider.

    Parameters
    ----------
    day : str
        ``"desk_worker"``, ``"night_shift"`` or ``"bed_rest"``.
    table : str
        Pressure table, ``"wilke1999"`` or ``"nachemson"``.
    hour : float
        Time of day first shown, h, 0 to 24 (rounded to the nearest quarter hour).

    Raises
    ------
    ValueError
        For an unknown day or table (listing the valid names) or an hour outside 0 to 24.
    """

    def __init__(
        self, day: str = "desk_worker", table: str = "wilke1999", hour: float = 18.0
    ) -> None:
        day, table, hour = check_day(day), check_table(table), nearest_hour_stop(hour)
        style = {"description_width": "initial"}
        self.day_picker = ipw.Dropdown(
            options=[(DAY_TITLES[d], d) for d in PRESET_DAYS],
            value=day,
            description="Day",
            style=style,
        )
        self.table_picker = ipw.Dropdown(
            options=[(TABLE_TITLES[t], t) for t in PRESSURE_TABLES],
            value=table,
            description="Pressure table",
            style=style,
            layout={"width": "max-content"},
        )
        self.slider = HourSlider(hour)
        self.chart = ipw.Output(
            layout={"width": f"{CHART_WIDTH}px", "min_height": f"{CHART_HEIGHT}px"}
        )
        self.readout = ipw.HTML()
        self.pressures = ipw.HTML()
        self.redraw()
        for control in (self.day_picker, self.table_picker, self.slider):
            control.observe(self._on_change, names="value")
        controls = ipw.Box(
            [self.day_picker, self.table_picker],
            layout={"display": "flex", "flex_flow": "row wrap", "grid_gap": "0.5em 2em"},
        )
        super().__init__([controls, self.slider, self.readout, self.chart, self.pressures])
        self.add_class("gs-disc-day")

    @property
    def day(self) -> str:
        """The preset day shown."""
        return str(self.day_picker.value)

    @property
    def table(self) -> str:
        """The pressure table in use."""
        return str(self.table_picker.value)

    @property
    def hour(self) -> float:
        """The time of day shown, h."""
        return float(self.slider.value)

    def show(self, **settings: object) -> None:
        """Set any of ``day``, ``table``, ``hour`` (checked as in the constructor); redraw once.

        Raises
        ------
        ValueError
            For an unknown setting (listing the valid ones) or a bad value; nothing changes.
        """
        check_keywords("DiscDay.show", settings, ("day", "table", "hour"))
        day = check_day(settings.get("day", self.day))
        table = check_table(settings.get("table", self.table))
        hour = nearest_hour_stop(settings.get("hour", self.hour))
        controls = (self.day_picker, self.table_picker, self.slider)
        for control in controls:
            control.unobserve(self._on_change, names="value")
        try:
            self.day_picker.value, self.table_picker.value = day, table
            self.slider.value = hour
        finally:
            for control in controls:
                control.observe(self._on_change, names="value")
        self.redraw()

    def _on_change(self, change: dict[str, object]) -> None:
        self.redraw()

    def redraw(self) -> None:
        """Draw the chart, the readout and the pressure tables for the current settings."""
        chart = disc_day_chart_json(self.day, self.table, self.hour)
        data = {PLOTLY_MIME: chart, "text/plain": "A day in the life of a disc"}
        self.chart.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)
        self.readout.value = readout_html(self.day, self.table, self.hour)
        self.pressures.value = pressure_tables_html(self.day)


def disc_day(day: str = "desk_worker", table: str = "wilke1999", hour: float = 18.0) -> DiscDay:
    """A day in the life of a disc (see :class:`DiscDay`)."""
    return DiscDay(day, table, hour)


def show_disc_fluid(start: str = "evening") -> None:
    """Display the key comparison: water brought in by lifts, lying still and a night.

    ``start``: ``"evening"`` or ``"morning"`` (see ``fluid_table_html``).

    Raises
    ------
    ValueError
        If ``start`` is not ``"evening"`` or ``"morning"``.
    """
    show_html(fluid_table_html(start))


def show_disc_solutes(start: str = "evening") -> None:
    """Display the Péclet numbers and one lift's flow against diffusion.

    See ``solute_table_html``.

    Raises
    ------
    ValueError
        If ``start`` is not ``"evening"`` or ``"morning"``.
    """
    show_html(solute_table_html(start))
