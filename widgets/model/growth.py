"""How big a spine is drawn at each age: the drawing scale of the child spines.

Teaching model. Assumptions:

- **One scale for the column.** The spine at age ``t`` is the adult model (``data/segments.csv``,
  C1-S1 604 mm) shrunk uniformly by ``spine_length(t) / spine_length(adult)``: every vertebral
  body, disc, the sacrum and the pelvis keep their adult proportions. The lengths of the whole
  spinal column by age (24 cm at birth, 36 cm at 1 year, 51 cm at 5, 61 cm at 10, 78.5 cm
  adult) are from popular pages that name no study (``spine-growth-web``, status
  ``secondary``/``derived``; they resemble Dimeglio and Canavese's growth data, whose 2012
  review gives no lengths in its abstract): so the newborn is drawn at 0.31 of the adult
  length, "about a third". Real children are not scaled adults (their discs are relatively
  thicker and the vertebral bodies flatter); the scale is for comparing sizes, not for
  measuring a child.
- **The head grows earlier.** The skull outline is scaled by head circumference by age: the
  mean of the WHO Child Growth Standards' medians for boys and girls (``who-hc2007``) at
  birth (34.2 cm), 1 year (45.5 cm) and 5 years (50.3 cm), and 57 cm for an adult (a web page
  naming no study, ``head-size-web``), assuming the head keeps its shape: the newborn head
  is 0.60 of the adult's while the spine is 0.31, as in a real baby.
- Between anchor ages both scales change linearly with age. Neither changes any angle.
- The course presets have an age: ``newborn`` 0, ``1-year`` 12 and ``5-years`` 60 months;
  every other preset is an adult (240 months, scale 1).
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

import numpy as np

from widgets.data import load_table
from widgets.model.spine_params import PRESETS
from widgets.validation import check_choice, check_in_range

#: Ages the growth tables cover, months (birth to 20 years, as the development model).
AGE_RANGE_MONTHS: tuple[float, float] = (0.0, 240.0)

#: The size rows of ``data/development.csv`` (mm), as opposed to its angle rows.
SIZE_PARAMETERS: tuple[str, ...] = ("spine_length", "head_circumference")

#: Age of each child preset, months; every other preset is an adult.
PRESET_AGES: MappingProxyType[str, float] = MappingProxyType(
    {"newborn": 0.0, "1-year": 12.0, "5-years": 60.0}
)

#: Age at which a spine counts as adult, months (scale 1).
ADULT_MONTHS: float = AGE_RANGE_MONTHS[1]


@cache
def _anchors(parameter: str) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for r in load_table("development") if r.key[0] == parameter]
    ages = np.array([float(r.key[1]) for r in rows])
    values = np.array([r.value for r in rows])
    order = np.argsort(ages)
    ages, values = ages[order], values[order]
    if len(ages) < 2 or ages[0] != AGE_RANGE_MONTHS[0] or ages[-1] != AGE_RANGE_MONTHS[1]:
        raise ValueError(f"development.csv: {parameter} needs anchors at 0 and 240 months")
    if len(set(ages.tolist())) != len(ages) or np.any(values <= 0):
        raise ValueError(f"development.csv: {parameter} needs one positive value per age")
    return ages, values


def _at(parameter: str, months: object) -> float:
    age = check_in_range("age_months", months, *AGE_RANGE_MONTHS, "months")
    ages, values = _anchors(parameter)
    return float(np.interp(age, ages, values))


def spine_length_mm(months: float) -> float:
    """Length of the whole spinal column at an age, mm (see the module notes for the source).

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240; the message names ``age_months``.
    """
    return _at("spine_length", months)


def spine_scale(months: float) -> float:
    """Size of the spine at an age as a fraction of the adult's (1 at 240 months).

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240; the message names ``age_months``.
    """
    return spine_length_mm(months) / spine_length_mm(ADULT_MONTHS)


def head_scale(months: float) -> float:
    """Size of the head at an age as a fraction of the adult's (head circumference ratio).

    Raises
    ------
    ValueError
        If ``months`` is not a finite number in 0 to 240; the message names ``age_months``.
    """
    return _at("head_circumference", months) / _at("head_circumference", ADULT_MONTHS)


def preset_age(name: str) -> float:
    """Age of preset ``name``, months: its entry of :data:`PRESET_AGES`, else adult (240).

    Raises
    ------
    ValueError
        If ``name`` is not a preset; the message names ``name`` and lists the valid names.
    """
    check_choice("name", name, PRESETS, what="preset")
    return PRESET_AGES.get(name, ADULT_MONTHS)
