"""Ages of the development model: readable labels and the ages offered for exploring it."""

from __future__ import annotations

from functools import cache

import numpy as np

from widgets.model.development import AGE_RANGE_MONTHS, anchors
from widgets.validation import check_in_range

#: The curves whose anchor ages are always offered (neck, upper back, low back).
_CURVES = ("cervical_lordosis", "thoracic_kyphosis", "lumbar_lordosis")


def check_age(months: object) -> float:
    """Return ``months`` as a float if it is an age the model covers (0 to 240 months).

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240; the message names
        ``age_months``, the value and the allowed range.
    """
    return check_in_range("age_months", months, *AGE_RANGE_MONTHS, "months")


def age_label(months: float) -> str:
    """A readable age: ``"8 months"``, ``"3 years 6 months"``, ``"20 years (adult)"``.

    Parameters
    ----------
    months : float
        Age, months, 0 to 240; shown to 0.1 month.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    age = round(check_age(months), 1)
    if age == 0:
        return "0 months (newborn)"
    if age >= AGE_RANGE_MONTHS[1]:
        return "20 years (adult)"

    def count(n: float, word: str) -> str:
        return f"{n:g} {word}" + ("" if n == 1 else "s")

    if age < 24:
        return count(age, "month")
    years, rest = divmod(age, 12)
    rest = round(rest, 1)
    text = count(years, "year")
    return f"{text} {count(rest, 'month')}" if rest else text


@cache
def age_stops() -> tuple[float, ...]:
    """The ages offered for exploring the model, months, ascending.

    Monthly to 2 years, then every 3 months to 5 years and every 6 months to 20 years:
    denser at the start, where the milestones are, and always including every anchor age
    of the neck, upper-back and low-back curves.
    """
    stops = {*range(25), *range(27, 61, 3), *range(66, 241, 6)}
    for parameter in _CURVES:
        stops.update(a.age_months for a in anchors(parameter))
    return tuple(float(s) for s in sorted(stops))


def nearest_age_stop(months: float) -> float:
    """The stop of :func:`age_stops` nearest to ``months`` (the lower one on a tie).

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    stops = np.asarray(age_stops())
    return float(stops[np.argmin(np.abs(stops - check_age(months)))])
