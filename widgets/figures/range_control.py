"""The range control: a labelled, keyboard-safe native range input, shared by the views' sliders.

An anywidget (``range_control.js``, ``.css``) rather than an ipywidgets slider, so that the
slider has an accessible name (its label), speaks its value in words (``aria-valuetext``
"3 years 6 months", "18:15", "0.30 m" rather than a bare number or the index of a stop), shows
that text at once as its readout, keeps the arrow keys from JupyterLab's shortcuts (which would
otherwise take them) and gets an id of its own on every render (so that two copies of a view
on one page never share a label). The ``value`` trait is the single source of truth.

Two kinds:

- :class:`StopsControl`: the value is one of a list of ``stops``, each with its text in
  ``labels`` (ages, clock times);
- :class:`StepControl`: the value runs from ``low`` to ``high`` in steps of ``step``; its text
  is the number with ``digits`` decimals and its ``unit``.

A view's slider subclasses one of them and declares again, with its own default, the read-only
traits ``css_class`` (its class on the page; its readout's class is that with ``-value`` added)
and ``variant`` (one of :data:`VARIANTS`: ``"wide"``, one long slider with a large readout, or
``"row"``, a row of a form of several sliders, labels in one column).

No trait may take the name of a trait of ``ipywidgets.DOMWidget``: its front end reads
``layout`` (and, on many widgets, ``style``) as a child widget, so a text there breaks every
render (a ``TypeError`` reading ``then`` of undefined in the widget manager's ``create_view``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.validation import (
    Checked,
    check_in_range,
    check_int_in_range,
    check_items,
    check_number,
    check_text,
    checked_trait,
    describe,
)

#: Looks of the control on the page (see the module docstring).
VARIANTS: tuple[str, ...] = ("wide", "row")


class _RangeControl(anywidget.AnyWidget):
    """What every kind of range control shares: its module, its style, its label and its class.

    Parameters (traits)
    -------------------
    value : float
        The setting; the subclass checks it.
    description : str
        The label: the slider's accessible name (not blank).
    css_class : str
        The control's class on the page (read-only; a subclass sets its default).
    variant : str
        One of :data:`VARIANTS` (read-only; a subclass sets its default).

    A description that is not text raises ``traitlets.TraitError`` naming it.
    """

    _esm = Path(__file__).with_name("range_control.js")
    _css = Path(__file__).with_name("range_control.css")

    value = Checked(0.0).tag(sync=True)  # checked by the subclass's _valid_value
    description = Checked("Setting").tag(sync=True)  # checked by _valid_description
    css_class = traitlets.Unicode("gs-range-control", read_only=True).tag(sync=True)
    variant = traitlets.Unicode("wide", read_only=True).tag(sync=True)

    @traitlets.validate("description")
    def _valid_description(self, proposal: dict[str, Any]) -> str:
        return checked_trait(proposal, check_text)


class StopsControl(_RangeControl):
    """A range control over listed ``stops``, each shown by its text in ``labels``.

    Parameters
    ----------
    value : float
        The first value: one of ``stops``.
    stops : sequence of float
        The values offered, increasing (at least two).
    labels : sequence of str
        The text of each stop, as many as ``stops``.
    description : str
        The label, the slider's accessible name (not blank).

    Raises
    ------
    ValueError
        If ``stops`` are not at least two increasing numbers, or ``labels`` are not one text per
        stop; the message names the parameter. A ``value`` that is not a stop, or a description
        that is not text, raises ``traitlets.TraitError``.

    A subclass over a quantity of its own overrides ``_check_value`` (the check of the quantity,
    whose error names it) and ``_not_a_stop`` (the stops in words).
    """

    stops = traitlets.List(traitlets.Float(), read_only=True).tag(sync=True)
    labels = traitlets.List(traitlets.Unicode(), read_only=True).tag(sync=True)

    def __init__(
        self,
        value: float,
        stops: Sequence[float],
        labels: Sequence[str],
        description: str = "Setting",
    ) -> None:
        values = check_items("stops", stops, check_number, 2, "numbers")
        if any(b <= a for a, b in itertools.pairwise(values)):
            raise ValueError(f"stops must increase, got {describe(stops)}")
        texts = check_items("labels", labels, check_text, len(values), "texts")
        if len(texts) != len(values):
            raise ValueError(
                f"labels must give one text for each of the {len(values)} stops, got {len(texts)}"
            )
        super().__init__(description=description)
        self.set_trait("stops", list(values))
        self.set_trait("labels", list(texts))
        self.value = value

    def _check_value(self, value: object) -> float:
        """``value`` as a float if it is a number; a subclass checks its own quantity here."""
        return check_number("value", value)

    def _not_a_stop(self, value: float) -> str:
        """Why ``value``, a number that is not a stop, is refused: what the stops are."""
        return (
            f"{value:g} is not a stop of the slider; the stops run from "
            f"{self.stops[0]:g} to {self.stops[-1]:g}"
        )

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> float:
        try:
            value = self._check_value(proposal["value"])
        except ValueError as err:  # the trait's name first: a check may speak of its quantity
            text = str(err)
            raise traitlets.TraitError(
                text if text.startswith("value") else f"value: {text}"
            ) from None
        if value not in self.stops:
            raise traitlets.TraitError(f"value: {self._not_a_stop(value)}")
        return value

    @property
    def label(self) -> str:
        """The text of the value shown."""
        return self.labels[self.stops.index(self.value)]


class StepControl(_RangeControl):
    """A range control from ``low`` to ``high`` in steps of ``step``, shown with its ``unit``.

    Parameters
    ----------
    description : str
        The label, the slider's accessible name (not blank).
    value : float
        The first value, in ``unit``, from ``low`` to ``high``.
    low, high : float
        The range, ``unit`` (-1e6 to 1e6; ``high`` not below ``low``).
    step : float
        The step of the slider, ``unit`` (above 0, at most ``high - low``).
    unit : str
        Shown after the value ("°", "kg", "m").
    digits : int, optional
        Decimals shown (0 to 6).

    Raises
    ------
    ValueError
        If a range, step, unit or digits is out of its range; the message names it. A ``value``
        out of range, or a description that is not text, raises ``traitlets.TraitError``.
    """

    low = traitlets.Float(read_only=True).tag(sync=True)
    high = traitlets.Float(read_only=True).tag(sync=True)
    step = traitlets.Float(read_only=True).tag(sync=True)
    unit = traitlets.Unicode(read_only=True).tag(sync=True)
    digits = traitlets.Int(read_only=True).tag(sync=True)

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
        low = check_in_range("low", low, -1e6, 1e6)
        high = check_in_range("high", high, low, 1e6)
        step = check_in_range("step", step, 1e-6, high - low)
        unit = check_text("unit", unit)
        digits = check_int_in_range("digits", digits, 0, 6)
        super().__init__(description=description)
        self.set_trait("low", low)
        self.set_trait("high", high)
        self.set_trait("step", step)
        self.set_trait("unit", unit)
        self.set_trait("digits", digits)
        self.value = value

    @traitlets.validate("value")
    def _valid_value(self, proposal: dict[str, Any]) -> float:
        return checked_trait(
            proposal, lambda name, v: check_in_range(name, v, self.low, self.high, self.unit)
        )
