"""The posture explorer's sliders: the shared range control with a unit, in a form row.

A :class:`~widgets.figures.range_control.StepControl` (a labelled native range input that keeps
the arrow keys from JupyterLab's shortcuts) that speaks its value with the unit
(``aria-valuetext`` "45°", "0.30 m"). The ``value`` trait is the single source of truth.
"""

from __future__ import annotations

import traitlets

from widgets.figures.range_control import StepControl


class PostureSlider(StepControl):
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

    css_class = traitlets.Unicode("gs-posture-slider", read_only=True).tag(sync=True)
    variant = traitlets.Unicode("row", read_only=True).tag(sync=True)
