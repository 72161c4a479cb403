"""Input checks shared by the models: clear errors that name the value and the allowed range."""

from __future__ import annotations

import math
from numbers import Real


def check_in_range(name: str, value: object, low: float, high: float, unit: str = "") -> float:
    """Return ``value`` as a float if it is a finite number in ``[low, high]``.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : object
        The value to check.
    low, high : float
        Inclusive bounds, in ``unit``.
    unit : str, optional
        Unit shown in the message (``"deg"``, ``"breaths/min"`` ...).

    Raises
    ------
    ValueError
        If ``value`` is not a real number, is NaN or infinite, or lies outside the range.
        The message names the parameter, the value and the allowed range.
    """
    u = f" {unit}" if unit else ""
    allowed = f"allowed range is {low:g} to {high:g}{u}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ValueError(f"{name} must be a number, got {value!r}; {allowed}")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {number!r}; {allowed}")
    if not low <= number <= high:
        raise ValueError(f"{name} = {number:g}{u} is out of range; {allowed}")
    return number


def check_choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise a ``ValueError`` listing them."""
    if value not in choices:
        plural = name if name.endswith("s") else f"{name}s"
        raise ValueError(f"unknown {name} {value!r}; valid {plural}: {', '.join(choices)}")
    return str(value)
