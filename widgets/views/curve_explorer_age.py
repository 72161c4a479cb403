"""The curve explorer's age slider: a native range input over the model's age stops.

An anywidget (``curve_explorer_age.js``, ``.css``) rather than an ipywidgets slider, so that
the slider has an accessible name (its label) and speaks the age (``aria-valuetext``
"3 years 6 months", not the index of a stop), shows the age at once as its readout, and
keeps the arrow keys from JupyterLab's shortcuts (which would otherwise take them). The
``value`` trait is the single source of truth.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.model.ages import age_label, age_stops, check_age
from widgets.validation import Checked, check_text, checked_trait


class AgeSlider(anywidget.AnyWidget):
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

    _esm = Path(__file__).with_name("curve_explorer_age.js")
    _css = Path(__file__).with_name("curve_explorer_age.css")

    value = Checked(0.0).tag(sync=True)  # checked by _valid_value
    stops = traitlets.List(traitlets.Float(), read_only=True).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)
    description = Checked("Age").tag(sync=True)  # checked by _valid_description

    def __init__(self, value: float = 0.0, description: str = "Age") -> None:
        super().__init__(description=description)
        stops = list(age_stops())
        self.set_trait("stops", stops)
        self.set_trait("labels", [age_label(a) for a in stops])
        self.value = value

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> float:
        try:
            age = check_age(proposal["value"])
        except ValueError as err:  # the trait's name first: the check speaks of the quantity
            raise traitlets.TraitError(f"value: {err}") from None
        if age not in self.stops:
            raise traitlets.TraitError(
                f"value: age_months = {age:g} is not a stop of the slider; the stops run from 0 to "
                "240 months: monthly to 2 years, then every 3 months to 5 years, then every 6"
            )
        return age

    @traitlets.validate("description")
    def _valid_description(self, proposal: dict[str, Any]) -> str:
        return checked_trait(proposal, check_text)

    @property
    def label(self) -> str:
        """The age shown, e.g. ``"3 years 6 months"``."""
        return age_label(self.value)
