"""The disc day view's time-of-day slider: a native range input over quarter hours.

An anywidget (``disc_day_hour.js``, ``.css``), like the curve explorer's age slider, so that
the slider has an accessible name (its label), speaks the clock time (``aria-valuetext``
"18:15") and keeps the arrow keys from JupyterLab's shortcuts. The ``value`` trait (hours,
0 to 24) is the single source of truth.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.figures.disc_day import clock
from widgets.figures.disc_day_run import check_hour
from widgets.validation import Checked, check_text, checked_trait

#: Hours the slider offers: every quarter hour from 0 to 24 h.
HOUR_STOPS: tuple[float, ...] = tuple(q / 4.0 for q in range(97))


def nearest_hour_stop(hour: object) -> float:
    """The stop of :data:`HOUR_STOPS` nearest to ``hour`` (0 to 24 h).

    Raises
    ------
    ValueError
        If ``hour`` is not a number from 0 to 24.
    """
    return round(check_hour(hour) * 4.0) / 4.0


class HourSlider(anywidget.AnyWidget):
    """A slider over the quarter hours of a day, labelled with clock times.

    Parameters (traits)
    -------------------
    value : float
        Time of day, h: one of :data:`HOUR_STOPS`.
    stops, labels : list
        The hours offered and their clock times (read-only).
    description : str
        The slider's label, its accessible name (default ``"Time of day"``; not blank).

    A value that is not a stop, or a description that is not text, raises
    ``traitlets.TraitError`` naming the value and what is allowed.
    """

    _esm = Path(__file__).with_name("disc_day_hour.js")
    _css = Path(__file__).with_name("disc_day_hour.css")

    value = Checked(0.0).tag(sync=True)  # checked by _valid_value
    stops = traitlets.List(traitlets.Float(), read_only=True).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)
    description = Checked("Time of day").tag(sync=True)  # checked by _valid_description

    def __init__(self, value: float = 18.0, description: str = "Time of day") -> None:
        super().__init__(description=description)
        self.set_trait("stops", list(HOUR_STOPS))
        self.set_trait("labels", [clock(h) for h in HOUR_STOPS])
        self.value = value

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> float:
        try:
            hour = check_hour(proposal["value"])
        except ValueError as err:  # the trait's name first: the check speaks of the quantity
            raise traitlets.TraitError(f"value: {err}") from None
        if hour * 4.0 != round(hour * 4.0):
            raise traitlets.TraitError(
                f"value: hour = {hour:g} h is not a stop of the slider; the stops are every "
                "quarter hour from 0 to 24 h"
            )
        return hour

    @traitlets.validate("description")
    def _valid_description(self, proposal: dict[str, Any]) -> str:
        return checked_trait(proposal, check_text)

    @property
    def label(self) -> str:
        """The time shown, e.g. ``"18:15"``."""
        return clock(self.value)
