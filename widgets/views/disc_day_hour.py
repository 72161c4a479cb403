"""The disc day view's time-of-day slider: the shared range control over quarter hours.

A :class:`~widgets.figures.range_control.StopsControl` (a labelled native range input that
keeps the arrow keys from JupyterLab's shortcuts), like the curve explorer's age slider, whose
texts are clock times: the slider speaks "18:15" (``aria-valuetext``). The ``value`` trait
(hours, 0 to 24) is the single source of truth.
"""

from __future__ import annotations

import traitlets

from widgets.figures.disc_day import clock
from widgets.figures.disc_day_run import check_hour
from widgets.figures.range_control import StopsControl

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


class HourSlider(StopsControl):
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

    css_class = traitlets.Unicode("gs-hour", read_only=True).tag(sync=True)

    def __init__(self, value: float = 18.0, description: str = "Time of day") -> None:
        super().__init__(value, HOUR_STOPS, [clock(h) for h in HOUR_STOPS], description)

    def _check_value(self, value: object) -> float:
        return check_hour(value)

    def _not_a_stop(self, value: float) -> str:
        return (
            f"hour = {value:g} h is not a stop of the slider; the stops are every quarter hour "
            "from 0 to 24 h"
        )
