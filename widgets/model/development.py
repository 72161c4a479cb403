"""How the sagittal spine curves develop from birth to adulthood (0 to 20 years).

Teaching model. Assumptions:

- **Anchors.** Each of the five angles of :class:`~widgets.model.spine_params.SpineParams`
  has its own anchor ages in ``data/development.csv`` (always including 0 and 240 months).
  Between two anchors the angle changes **linearly** with age; there is no smoothing and no
  growth curve fitted to the data. The sacral slope (PI - PT) is therefore piecewise linear
  too, and every anchor age is checked when this module loads, so every age in
  :data:`AGE_RANGE_MONTHS` gives a valid spine.
- **Newborn.** The newborn spine is one C-shaped primary (kyphotic) curve; the neck and
  low-back lordoses are secondary curves (Gray's Anatomy). The neck curve already begins in
  the fetus (Bagnall 1977) and some lumbosacral lordosis is present in utero (Choufani 2009),
  but no measured newborn angles were found: the newborn values are the illustrative
  ``newborn`` preset, drawing a kyphotic neck and low back.
- **Neck.** No cervical lordosis angles by age were found. The model *assumes* the neck
  curve turns lordotic by the time the head is held steady (by 4 months, CDC 2022); the
  angles up to adulthood are illustrative, the adult value is Guo 2018.
- **Low back.** The lumbar curve changes from primary to secondary once the child walks
  unaided (Taylor 1975; walking alone 8.2-17.6 months, WHO MGRS 2006). The 12-month value
  is illustrative; from 2 years on the anchors are measured means: CT at 2-4 and 17-20
  years (Shefi 2013), standing adults (vialle2005: 300 asymptomatic adults, L1-S1 assumed,
  mean from memory), and between them the MRI mean of
  96 children aged 5.7 +/- 3.0 years (Ren 2024), a mean pooled over ages that the model
  places at the mean age (status ``derived``, not a value measured at 68 months). These
  methods and cohorts differ, so the last rise from 18.5 to 20 years partly
  reflects the change of method and cohort; the adult value is reached only at the end of
  adolescence, as the CT data are still rising at 17-20 years.
- **Upper back.** The childhood thoracic kyphosis anchors (5 and 10 years) come from Giglio
  & Volpon 2007: **surface pantograph angles, not radiographic Cobb angles**. The model runs
  a straight line from them to the adult Cobb value (40.6 deg, Vialle 2005, from memory; a
  2019 table lists the same value) at 20 years; read the slope
  over 10-20 years as a join between two methods, not a measured growth rate. The 0- and
  12-month values are illustrative. The further rise of kyphosis in older adults is not
  modelled (the model stops at 20 years).
- **Pelvis.** No pelvic incidence or pelvic tilt data for children were found: every value
  before adulthood is illustrative (the course presets); the adult values are Vialle 2005's
  means (from memory), inside Mac-Thiong 2011's normal ranges.
- **Size.** The angles do not depend on size; :func:`geometry_at_age` draws each age at its own
  size (:mod:`widgets.model.growth`: whole-column length by age from popular pages that name
  no study, head size by head circumference).
- At 0, 12 and 240 months the model equals the ``newborn``, ``1-year`` and ``adult-mean``
  presets.

Each anchor row carries its source and status (``confirmed``, ``derived``, ``illustrative``
...); :func:`anchors` gives them for plotting. The gross motor milestones of the first two
years are in :data:`MILESTONES` (``data/milestones.csv``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from widgets.data import STATUSES, Row, load_table
from widgets.model.growth import SIZE_PARAMETERS
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import RANGES, SpineParams
from widgets.validation import check_choice, check_in_range, check_text, describe

#: Ages the model covers, in months (birth to 20 years).
AGE_RANGE_MONTHS: tuple[float, float] = (0.0, 240.0)

#: The five angles of :class:`SpineParams`, in order.
PARAMETERS: tuple[str, ...] = tuple(RANGES)

#: Standard-deviation rows of the table (``<angle>_sd``), where a source gives one.
SPREADS: tuple[str, ...] = ("lumbar_lordosis_sd",)

_MILESTONE_LABELS: dict[str, str] = {
    "head_steady": "holds head steady",
    "sitting_without_support": "sits without support",
    "standing_with_assistance": "stands with assistance",
    "hands_and_knees_crawling": "crawls on hands and knees",
    "walking_with_assistance": "walks with assistance",
    "standing_alone": "stands alone",
    "walking_alone": "walks alone",
}


@dataclass(frozen=True)
class Anchor:
    """One sourced (or illustrative) value of an angle at an age.

    Attributes
    ----------
    parameter : str
        Angle name (one of :data:`PARAMETERS`) or a spread (one of :data:`SPREADS`).
    age_months : float
        Age, months.
    value : float
        The angle (or its standard deviation), deg.
    source : str
        Citation key in the course bibliography.
    status : str
        One of :data:`widgets.data.STATUSES`.
    note : str
        What the number is and how it was placed at this age.
    """

    parameter: str
    age_months: float
    value: float
    source: str
    status: str
    note: str

    def __post_init__(self) -> None:
        check_choice("parameter", self.parameter, (*PARAMETERS, *SPREADS))
        object.__setattr__(self, "age_months", _check_age(self.age_months))
        object.__setattr__(self, "value", check_in_range("value", self.value, -180, 180, "deg"))
        check_text("source", self.source)
        check_choice("status", self.status, tuple(STATUSES))
        check_text("note", self.note)


@dataclass(frozen=True)
class Milestone:
    """A gross motor milestone and its age window.

    Attributes
    ----------
    name : str
        Identifier, e.g. ``"walking_alone"``.
    label : str
        Plain-language label, e.g. ``"walks alone"``.
    start_months, end_months : float
        The window, months. For the WHO milestones: the 1st and 99th percentiles of the
        window of achievement. For ``head_steady`` the CDC gives one age (reached by at
        least 75 % of babies by 4 months), so start = end.
    source : str
        Citation key in the course bibliography.
    note : str
        What the window means (from the table).
    """

    name: str
    label: str
    start_months: float
    end_months: float
    source: str
    note: str = ""

    def __post_init__(self) -> None:
        check_text("name", self.name)
        check_text("label", self.label)
        start = check_in_range("start_months", self.start_months, *AGE_RANGE_MONTHS, "months")
        end = check_in_range("end_months", self.end_months, *AGE_RANGE_MONTHS, "months")
        if start > end:
            raise ValueError(
                f"start_months must not be after end_months, got {start:g} and {end:g} months"
            )
        object.__setattr__(self, "start_months", start)
        object.__setattr__(self, "end_months", end)
        check_text("source", self.source)
        check_text("note", self.note, allow_empty=True)


def _check_age(age_months: object) -> float:
    return check_in_range("age_months", age_months, *AGE_RANGE_MONTHS, "months")


def _load_anchors() -> MappingProxyType[str, tuple[Anchor, ...]]:
    known = (*PARAMETERS, *SPREADS)
    by_parameter: dict[str, list[Anchor]] = {}
    for row in load_table("development"):
        parameter, age = row.key
        if parameter in SIZE_PARAMETERS:  # sizes in mm: read by widgets.model.growth
            continue
        check_choice("development parameter", parameter, known)
        try:
            anchor = Anchor(parameter, float(age), row.value, row.source, row.status, row.note)
        except ValueError as err:
            raise ValueError(f"development.csv {parameter} at {age} months: {err}") from None
        if parameter in RANGES:
            check_in_range(f"{parameter} at {age} months", row.value, *RANGES[parameter], "deg")
        by_parameter.setdefault(parameter, []).append(anchor)
    result: dict[str, tuple[Anchor, ...]] = {}
    for parameter in known:
        rows = sorted(by_parameter.get(parameter, []), key=lambda a: a.age_months)
        ages = [a.age_months for a in rows]
        if len(set(ages)) != len(ages):
            raise ValueError(f"development.csv: {parameter} has two anchors at the same age")
        if parameter in RANGES and (not ages or ages[0] != 0.0 or ages[-1] != 240.0):
            raise ValueError(f"development.csv: {parameter} needs anchors at 0 and 240 months")
        result[parameter] = tuple(rows)
    return MappingProxyType(result)


_ANCHORS = _load_anchors()
_AGES = {p: np.array([a.age_months for a in _ANCHORS[p]]) for p in PARAMETERS}
_VALUES = {p: np.array([a.value for a in _ANCHORS[p]]) for p in PARAMETERS}


def anchors(parameter: str) -> tuple[Anchor, ...]:
    """The anchor rows of one angle (or spread), sorted by age.

    Parameters
    ----------
    parameter : str
        One of :data:`PARAMETERS` or :data:`SPREADS`.

    Raises
    ------
    ValueError
        If ``parameter`` is unknown; the message lists the valid names.
    """
    check_choice("parameter", parameter, (*PARAMETERS, *SPREADS))
    return _ANCHORS[parameter]


def _holds_bool(values: object) -> bool:
    """True if ``values``, or a list or tuple nested in it, holds a bool."""
    if isinstance(values, bool | np.bool_):
        return True
    return isinstance(values, list | tuple) and any(_holds_bool(v) for v in values)


def check_ages(ages: Iterable[float] | np.ndarray | float) -> np.ndarray:
    """Return ``ages`` (one age or many, months) as a float array, each in 0 to 240.

    Raises
    ------
    ValueError
        If ``ages`` holds anything but real numbers (bools included), or an age that is not
        finite or lies outside 0 to 240 months; the message names ``ages`` (``ages[i]`` for
        one age of many), the value and the allowed range.
    """
    low, high = AGE_RANGE_MONTHS
    allowed = f"numbers of months from {low:g} to {high:g}"
    try:
        raw = np.asarray(ages)
    except (TypeError, ValueError):  # ragged nesting
        raw = np.asarray(None)
    if _holds_bool(ages):  # numpy would read True as 1
        raise ValueError(f"ages must be {allowed}, not booleans, got {describe(ages)}")
    if raw.dtype.kind == "O" and raw.ndim == 1:  # a list numpy could not type: check each age
        checked = [
            check_in_range(f"ages[{i}]", age, low, high, "months") for i, age in enumerate(raw)
        ]
        return np.array(checked, dtype=float)
    if raw.dtype.kind not in "iuf":
        raise ValueError(f"ages must be {allowed}, got {describe(ages)}")
    arr = raw.astype(float)
    bad = ~np.isfinite(arr) | (arr < low) | (arr > high)
    if np.any(bad):  # raise with the clear message for the first bad age
        first = tuple(int(i) for i in np.argwhere(bad)[0])
        where = "".join(f"[{i}]" for i in first)
        check_in_range(f"ages{where}", float(arr[first]), low, high, "months")
    return arr


def curve_table(ages: Iterable[float] | np.ndarray) -> dict[str, np.ndarray]:
    """Each angle over many ages at once, for plotting.

    Parameters
    ----------
    ages : array_like of float
        Ages, months, each in :data:`AGE_RANGE_MONTHS`.

    Returns
    -------
    dict of str to numpy.ndarray
        One array per name of :data:`PARAMETERS` plus ``"sacral_slope"``, deg, each of the
        shape of ``ages``.

    Raises
    ------
    ValueError
        If any age is not finite or lies outside 0 to 240 months (the message names
        ``age_months``, the value and the allowed range).
    """
    arr = check_ages(ages)
    table = {p: np.interp(arr, _AGES[p], _VALUES[p]) for p in PARAMETERS}
    table["sacral_slope"] = table["pelvic_incidence"] - table["pelvic_tilt"]
    return table


def at_age(months: float) -> SpineParams:
    """The model's regional angles at one age.

    Parameters
    ----------
    months : float
        Age, months, 0 to 240 (birth to 20 years).

    Returns
    -------
    SpineParams
        Each angle linearly interpolated between its two nearest anchors.

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240; the message names ``age_months``,
        the value and the allowed range.
    """
    age = _check_age(months)
    return SpineParams(**{p: float(np.interp(age, _AGES[p], _VALUES[p])) for p in PARAMETERS})


def geometry_at_age(months: float) -> SpineGeometry:
    """The to-scale spine geometry at one age, drawn at the size of a spine of that age.

    The angles are those of :func:`at_age`; the size is from :mod:`widgets.model.growth`
    (a newborn is 0.31 of the adult length).

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240 (the message names ``age_months``).
    """
    return build_spine(at_age(months), age_months=months)


def _check_every_breakpoint() -> None:
    """Raise if any anchor age gives an invalid spine.

    All five angles, and so the sacral slope, are linear between consecutive anchor ages of
    any angle, and the allowed ranges are intervals: valid at every anchor age means valid at
    every age in between.
    """
    breakpoints = sorted({float(a) for p in PARAMETERS for a in _AGES[p]})
    for age in breakpoints:
        try:
            at_age(age)  # SpineParams checks each angle and the sacral slope
        except ValueError as err:
            raise ValueError(
                f"development.csv gives an invalid spine at {age:g} months: {err}"
            ) from err


_check_every_breakpoint()


def _load_milestones() -> tuple[Milestone, ...]:
    bounds: dict[str, dict[str, Row]] = {}
    for row in load_table("milestones"):
        name, bound = row.key
        check_choice("milestone", name, tuple(_MILESTONE_LABELS))
        check_choice("milestone bound", bound, ("start", "end"))
        bounds.setdefault(name, {})[bound] = row
    result = []
    for name, b in bounds.items():
        start, end = b["start"], b["end"]
        note = start.note if start.note == end.note else f"{start.note}; {end.note}"
        label = _MILESTONE_LABELS[name]
        try:
            result.append(Milestone(name, label, start.value, end.value, start.source, note))
        except ValueError as err:
            raise ValueError(f"milestones.csv: {name}: {err}") from None
    return tuple(result)


#: Gross motor milestones, in table order (CDC 2022 head control; WHO MGRS 2006 windows).
MILESTONES: tuple[Milestone, ...] = _load_milestones()
