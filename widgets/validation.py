"""Input checks shared by every layer: clear errors that name the value and what is allowed.

Every check takes the parameter's name first and raises a ``ValueError`` whose message names
the parameter, the value and what is allowed; it returns the value, converted where that is
safe (``check_in_range`` gives a float). Bools are never numbers (``True`` is refused where a
number is due) and numbers are never bools. :func:`checked_trait` turns a check into the
``traitlets.TraitError`` a widget trait must raise.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence, Set
from numbers import Integral, Real
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

import numpy as np
import traitlets

T = TypeVar("T")

#: Longest text of a value quoted in a message, characters.
_SHOWN = 60


def shown(value: object) -> str:
    """A value's ``repr`` for an error message, shortened to 60 characters."""
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ must not hide the real error
        text = f"<{type(value).__name__} without a repr>"
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def describe(value: object) -> str:
    """A value for an error message: its type and its shortened ``repr``."""
    return f"{type(value).__name__} {shown(value)}"


def _is_number(value: object) -> TypeGuard[Real]:
    return isinstance(value, Real) and not isinstance(value, bool | np.bool_)


def _as_float(value: Real) -> float:
    """``float(value)``, with an int too large for a float as infinity (its sign kept)."""
    try:
        return float(value)
    except OverflowError:
        return -math.inf if value < 0 else math.inf


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
    # the common case, checked fast: a plain float or int, in range and finite
    if (
        isinstance(value, float | int)
        and not isinstance(value, bool)
        and low <= value <= high
        and value - value == 0  # finite
    ):
        return float(value)
    u = f" {unit}" if unit else ""
    allowed = f"allowed range is {low:g} to {high:g}{u}"
    if not _is_number(value):
        raise ValueError(f"{name} must be a number, got {shown(value)}; {allowed}")
    number = _as_float(value)
    if isinstance(value, Integral) and not math.isfinite(number):
        raise ValueError(f"{name} = {shown(value)}{u} is out of range; {allowed}")
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number, got {number!r}; {allowed}")
    if not low <= number <= high:
        raise ValueError(f"{name} = {number:g}{u} is out of range; {allowed}")
    return number


def check_number(name: str, value: object, unit: str = "") -> float:
    """Return ``value`` as a float if it is a finite real number (any size; not a bool).

    Raises
    ------
    ValueError
        If ``value`` is not a real number or is NaN or infinite; the message names it.
    """
    u = f" in {unit}" if unit else ""
    if not _is_number(value):
        raise ValueError(f"{name} must be a finite number{u}, got {describe(value)}")
    number = _as_float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} must be a finite number{u}, got {shown(value)}")
    return number


def check_int_in_range(name: str, value: object, low: int, high: int, unit: str = "") -> int:
    """Return ``value`` as an int if it is a whole number (an int, not a bool) in ``[low, high]``.

    Raises
    ------
    ValueError
        If ``value`` is not an int or lies outside the range; the message names the
        parameter, the value and the range.
    """
    u = f" {unit}" if unit else ""
    allowed = f"allowed range is {low} to {high}{u}"
    if not isinstance(value, Integral) or isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a whole number (int), got {describe(value)}; {allowed}")
    number = int(value)
    if not low <= number <= high:
        raise ValueError(f"{name} = {number}{u} is out of range; {allowed}")
    return number


def check_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is ``True`` or ``False``; numbers and text are refused."""
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {describe(value)}")
    return bool(value)


def check_instance(name: str, value: object, cls: type[T], what: str) -> T:
    """Return ``value`` if it is an instance of ``cls``; ``what`` says what is expected.

    For example ``check_instance("geom", g, SpineGeometry, "a SpineGeometry (from
    widgets.build_spine)")``.
    """
    if not isinstance(value, cls):
        raise ValueError(f"{name} must be {what}, got {describe(value)}")
    return value


def check_items(
    name: str,
    values: object,
    check: Callable[[str, Any], T],
    minimum: int = 0,
    what: str = "items",
) -> tuple[T, ...]:
    """Return ``values`` as a tuple, each item passed through ``check(f"{name}[i]", item)``.

    ``values`` must be a list, tuple, set, numpy array or iterator (a generator); a string,
    bytes or a mapping is refused (it would be read letter by letter, or key by key), and so is
    any other iterable object (a plotly figure, say, iterates over its property names).

    Raises
    ------
    ValueError
        If ``values`` is not a sequence, holds fewer than ``minimum`` items, or an item fails
        ``check``; the message names the parameter (and the item's index).
    """
    if isinstance(values, str | bytes | Mapping) or not isinstance(
        values, Sequence | Set | Iterator | np.ndarray
    ):
        raise ValueError(f"{name} must be a list of {what}, got {describe(values)}")
    items = tuple(values)
    if len(items) < minimum:
        raise ValueError(f"{name} needs at least {minimum} of {what}, got {len(items)}")
    return tuple(check(f"{name}[{i}]", item) for i, item in enumerate(items))


def _holds_bool(values: object) -> bool:
    """True if ``values``, or a list or tuple nested in it, holds a bool."""
    if isinstance(values, bool | np.bool_):
        return True
    return isinstance(values, list | tuple) and any(_holds_bool(v) for v in values)


def check_values(name: str, values: object, low: float, high: float, unit: str = "") -> np.ndarray:
    """Return ``values`` (a number or a nested list or array of them) as a float array.

    Each element goes through :func:`check_in_range`; the message names the first bad one by
    its index (``u[1, 0]``). Bools are refused (numpy would read ``True`` among numbers as 1),
    and so is a ragged nesting numpy cannot turn into an array.
    """
    try:
        arr = np.asarray(values)
    except (TypeError, ValueError):  # ragged nesting
        raise ValueError(
            f"{name} must be a number or an array of numbers, got {describe(values)}"
        ) from None
    if arr.dtype.kind in "iuf":
        if isinstance(values, list | tuple) and _holds_bool(values):
            raise ValueError(f"{name} must hold numbers, not booleans, got {describe(values)}")
        arr = arr.astype(float)
        bad = ~(np.isfinite(arr) & (arr >= low) & (arr <= high))
        if bad.any():
            where = tuple(int(i) for i in np.unravel_index(np.argmax(bad), bad.shape))
            label = f"{name}[{', '.join(map(str, where))}]" if where else name
            check_in_range(label, float(arr[where]), low, high, unit)
        return arr
    if arr.ndim == 0 and not isinstance(values, np.ndarray):  # shown as given: numpy drops NULs
        check_in_range(name, values, low, high, unit)
    for where, item in np.ndenumerate(arr):
        label = f"{name}[{', '.join(map(str, where))}]" if where else name
        value = item.item() if isinstance(item, np.generic) else item
        check_in_range(label, value, low, high, unit)
    return arr.astype(float)


def check_folder(name: str, value: object) -> Path:
    """Return ``value`` as a ``Path`` if it names an existing folder (a ``str`` or path)."""
    if not isinstance(value, str | os.PathLike) or isinstance(value, bytes):
        raise ValueError(f"{name} must be a folder (a str or pathlib.Path), got {describe(value)}")
    path = Path(value)
    if not path.is_dir():
        raise ValueError(f"{name} must be an existing folder, got {str(path)!r}")
    return path


def check_keywords(where: str, given: Iterable[str], allowed: Iterable[str]) -> None:
    """Refuse keyword arguments of ``where`` that are not in ``allowed``, listing the valid ones."""
    valid = tuple(allowed)
    unknown = [k for k in given if k not in valid]
    if unknown:
        raise ValueError(
            f"unknown argument(s) {', '.join(map(repr, unknown))} for {where}; "
            f"valid arguments: {', '.join(valid) or 'none'}"
        )


class Checked(traitlets.Any):
    """A widget trait that leaves every check, ``None`` included, to the widget's validator.

    ``traitlets.Float`` turns ``True`` into 1.0 and answers a string with generic text before a
    ``@traitlets.validate`` method sees the value, and ``traitlets.Any`` lets ``None`` through
    unchecked. Declare the trait as ``Checked(default)`` and check it in a
    ``@traitlets.validate`` method with :func:`checked_trait`.
    """

    allow_none = False
    info_text = "a value checked by the widget"


def checked_trait(proposal: Mapping[str, Any], check: Callable[[str, Any], T]) -> T:
    """Run ``check(trait name, proposed value)`` for a ``@traitlets.validate`` method.

    A ``ValueError`` from the check becomes the ``traitlets.TraitError`` a trait must raise,
    with the same message (the trait, the value and what is allowed).
    """
    try:
        return check(proposal["trait"].name, proposal["value"])
    except ValueError as err:
        raise traitlets.TraitError(str(err)) from None


def check_choice(
    name: str,
    value: object,
    choices: Collection[str],
    *,
    what: str = "",
    plural: str = "",
) -> str:
    """Return ``value`` if it is one of ``choices``, else raise a ``ValueError`` listing them.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : object
        The value to check: one of ``choices`` (a str).
    choices : collection of str
        The valid values, in the order the message lists them (a dict lists its keys).
    what : str, optional
        What a valid value is (``"preset"``). Without it the message reads ``unknown mode 'x';
        valid modes: ...``; with it, ``spine = 'x' is not a preset; valid presets: ...``.
    plural : str, optional
        The word before the list; default ``what`` + "s", or without ``what`` the name + "s"
        (the name itself if it ends in "s").
    """
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(choices)
        if what:
            many = plural or f"{what}s"
            raise ValueError(f"{name} = {value!r} is not a {what}; valid {many}: {listed}")
        many = plural or (name if name.endswith("s") else f"{name}s")
        raise ValueError(f"unknown {name} {value!r}; valid {many}: {listed}")
    return str(value)


def check_text(name: str, value: object, *, allow_empty: bool = False) -> str:
    """Return ``value`` if it is a non-blank string, else raise a ``ValueError`` naming it.

    With ``allow_empty`` any string, blank ones too, is accepted.
    """
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text (a str), got {describe(value)}")
    if not allow_empty and not value.strip():
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
    if isinstance(values, bytes | Mapping) or not isinstance(values, Iterable):
        raise ValueError(f"{name} must be a list of strings, got {describe(values)}")
    items = tuple(values)
    for item in items:
        check_text(f"each item of {name}", item)
    if len(items) < minimum:
        raise ValueError(f"{name} needs at least {minimum} item(s), got {len(items)}")
    return items
