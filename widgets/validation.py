"""Input checks shared by every layer: clear errors that name the value and what is allowed."""

from __future__ import annotations

import math
from collections.abc import Iterable
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
    if not isinstance(value, str) or value not in choices:
        plural = name if name.endswith("s") else f"{name}s"
        raise ValueError(f"unknown {name} {value!r}; valid {plural}: {', '.join(choices)}")
    return str(value)


def check_text(name: str, value: object) -> str:
    """Return ``value`` if it is a non-blank string, else raise a ``ValueError`` naming it."""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text (a str), got {type(value).__name__} {value!r}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty, got {value!r}")
    return value


def check_text_list(name: str, values: object, minimum: int = 1) -> tuple[str, ...]:
    """Return ``values`` as a tuple of non-blank strings; a single string is refused.

    A lone string would otherwise be read letter by letter, so ``"guo2018"`` must be given as
    ``["guo2018"]``.
    """
    if isinstance(values, str):
        raise ValueError(
            f"{name} must be a list of strings, got the single string {values!r}; "
            f"write [{values!r}]"
        )
    if not isinstance(values, Iterable):
        raise ValueError(
            f"{name} must be a list of strings, got {type(values).__name__} {values!r}"
        )
    items = tuple(values)
    for item in items:
        check_text(f"each item of {name}", item)
    if len(items) < minimum:
        raise ValueError(f"{name} needs at least {minimum} item(s), got {len(items)}")
    return items
