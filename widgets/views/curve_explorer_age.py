"""The curve explorer's age slider: the shared range control over the model's age stops.

A :class:`~widgets.figures.range_control.StopsControl` (a labelled native range input that
keeps the arrow keys from JupyterLab's shortcuts) whose stops are
:func:`~widgets.model.ages.age_stops` and whose texts are readable ages: the slider speaks
"3 years 6 months" (``aria-valuetext``), not the index of a stop. The ``value`` trait is the
single source of truth.
"""

from __future__ import annotations

import traitlets

from widgets.figures.range_control import StopsControl
from widgets.model.ages import age_label, age_stops, check_age


class AgeSlider(StopsControl):
    """A slider over :func:`~widgets.model.ages.age_stops`, labelled with readable ages.

    Parameters (traits)
    -------------------
    value : float
        The age, months: one of :attr:`stops`.
    stops, labels : list
        The ages offered, months, and their labels (read-only).
    description : str
        The slider's label, its accessible name (default ``"Age"``; not blank).

    A value that is not a stop, or a description that is not text, raises
    ``traitlets.TraitError`` naming the value and what is allowed.
    """

    css_class = traitlets.Unicode("gs-age", read_only=True).tag(sync=True)

    def __init__(self, value: float = 0.0, description: str = "Age") -> None:
        stops = age_stops()
        super().__init__(value, stops, [age_label(a) for a in stops], description)

    def _check_value(self, value: object) -> float:
        return check_age(value)

    def _not_a_stop(self, value: float) -> str:
        return (
            f"age_months = {value:g} is not a stop of the slider; the stops run from 0 to 240 "
            "months: monthly to 2 years, then every 3 months to 5 years, then every 6"
        )
