"""The posture explorer's sliders: a labelled native range input with a unit.

An anywidget (``posture_explorer_slider.js``, ``.css``) rather than an ipywidgets slider, so
that each slider has an accessible name (its label), speaks its value with the unit
(``aria-valuetext`` "45°", "0.30 m"), and keeps the arrow keys from JupyterLab's shortcuts.
The ``value`` trait is the single source of truth.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.validation import (
    Checked,
    check_in_range,
    check_int_in_range,
    check_text,
    checked_trait,
)


class PostureSlider(anywidget.AnyWidget):
    """A slider from ``low`` to ``high`` in steps of ``step``, labelled ``description``.

    Parameters (traits)
    -------------------
    value : float
        The setting, in ``unit``, within ``low`` to ``high``.
    low, high, step : float
        The range and step (read-only after creation).
    unit : str
        Shown after the value ("°", "kg", "m").
    digits : int
        Decimals shown.
    description : str
        The label: the slider's accessible name (not blank).

    A value out of range, or a description that is not text, raises ``traitlets.TraitError``
    naming the value and what is allowed.
    """

    _esm = Path(__file__).with_name("posture_explorer_slider.js")
    _css = Path(__file__).with_name("posture_explorer_slider.css")

    value = Checked(0.0).tag(sync=True)  # checked by _valid_value
    low = traitlets.Float(read_only=True).tag(sync=True)
    high = traitlets.Float(read_only=True).tag(sync=True)
    step = traitlets.Float(read_only=True).tag(sync=True)
    unit = traitlets.Unicode(read_only=True).tag(sync=True)
    digits = traitlets.Int(read_only=True).tag(sync=True)
    description = Checked("Setting").tag(sync=True)  # checked by _valid_description

    def __init__(
        self,
        description: str,
        value: float,
        low: float,
        high: float,
        step: float,
        unit: str,
        digits: int = 0,
    ) -> None:
        super().__init__(description=description)
        low = check_in_range("low", low, -1e6, 1e6)
        high = check_in_range("high", high, low, 1e6)
        self.set_trait("low", low)
        self.set_trait("high", high)
        self.set_trait("step", check_in_range("step", step, 1e-6, high - low))
        self.set_trait("unit", check_text("unit", unit))
        self.set_trait("digits", check_int_in_range("digits", digits, 0, 6))
        self.value = value

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> float:
        return checked_trait(
            proposal, lambda name, v: check_in_range(name, v, self.low, self.high, self.unit)
        )

    @traitlets.validate("description")
    def _valid_description(self, proposal: dict[str, Any]) -> str:
        return checked_trait(proposal, check_text)
