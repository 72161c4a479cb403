"""Worked experiments of the spine sandbox (``notebooks/spine-and-growth.ipynb``), computed.

The notebook quotes these numbers in its folded answers; ``tests/notebooks`` checks them, so
the notebook and the model cannot disagree.

Teaching model. Assumptions:

- **Lordosis that fits a pelvis.** The model itself has no rule tying lumbar lordosis to
  pelvic incidence (PI); the spine builder takes both as inputs. The experiments use a
  published one, from ``data/lordosis_relations.csv``: the least-squares formula of healthy
  standing adults LL = 32.9 + 0.60 x PI - 0.23 x age (Hasegawa 2016, 126 Japanese
  volunteers aged 20 to 69). It is applied only over the normal range of PI (mean +/- 2 SD,
  32 to 74 deg, Mac-Thiong 2011) and the cohort's ages. The mean lordosis of three PI groups
  of another study (Sci Rep 2022) is given beside it as an independent check. The formula
  describes how healthy people are, on average; it is not a target for one person.
- **Head over the pelvis.** The head's position is the porion (the ear-hole landmark of the
  skull outline) measured forward of the hip axis, mm, in the standing frame of
  :mod:`widgets.model.spine`. Changing one angle changes only that angle: the pelvis, the
  other curves and the skull-on-C1 angle stay as they were, so nothing compensates (a person
  would tilt the pelvis, change the upper-back curve or bend the knees to keep the gaze level
  and the head over the feet). The skull outline's size is illustrative.
- **Where a change goes.** A change of a regional angle is shared among its wedges as
  :func:`widgets.model.spine.build_spine` shares it; every level above turns with the levels
  below it. :func:`level_changes` measures that on the two geometries, from coordinates alone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from widgets.data import value
from widgets.model import measure
from widgets.model.spine import SpineGeometry, build_spine
from widgets.model.spine_params import PRESETS, RANGES, SpineParams, preset
from widgets.validation import check_choice, check_in_range, check_instance, check_int_in_range


def _row(quantity: str) -> float:
    return value("lordosis_relations", quantity)


#: Normal range of adult pelvic incidence, deg: mean +/- 2 SD of 709 adults (Mac-Thiong 2011).
PI_NORMAL_RANGE: tuple[float, float] = (
    _row("pelvic_incidence_low"),
    _row("pelvic_incidence_high"),
)
#: Ages of the cohort behind the lordosis formula, years (Hasegawa 2016).
FIT_AGE_RANGE: tuple[float, float] = (_row("fit_age_low"), _row("fit_age_high"))
#: Mean age of that cohort, years (Hasegawa 2016): the default age of the formula.
FIT_MEAN_AGE: float = _row("fit_mean_age")
#: The PI groups of Sci Rep 2022 (Table 2), low to high.
GROUPS: tuple[str, ...] = ("low", "mid", "high")
#: Largest change of one angle the experiments accept, deg (a course limit).
MAX_CHANGE_DEG = 40.0


def fitting_lordosis(pelvic_incidence: float, age_years: float = FIT_MEAN_AGE) -> float:
    """Lumbar lordosis of healthy standing adults with this pelvic incidence, deg.

    LL = 32.9 + 0.60 x PI - 0.23 x age (Hasegawa 2016), coefficients from
    ``data/lordosis_relations.csv``.

    Parameters
    ----------
    pelvic_incidence : float
        Pelvic incidence, deg, in :data:`PI_NORMAL_RANGE` (32 to 74).
    age_years : float, optional
        Age, years, in :data:`FIT_AGE_RANGE` (20 to 69); default the cohort's mean age, 39.4.

    Returns
    -------
    float
        Lumbar lordosis, deg.

    Raises
    ------
    ValueError
        If either argument is not a number in its range; the message names it.
    """
    pi = check_in_range("pelvic_incidence", pelvic_incidence, *PI_NORMAL_RANGE, "deg")
    age = check_in_range("age_years", age_years, *FIT_AGE_RANGE, "years")
    return (
        _row("fit_intercept") + _row("fit_per_pelvic_incidence") * pi + _row("fit_per_year") * age
    )


@dataclass(frozen=True, eq=False)
class LordosisSweep:
    """The fitting lordosis over the normal range of pelvic incidence.

    Attributes
    ----------
    pelvic_incidence : ndarray
        Pelvic incidence, deg, evenly from 32 to 74.
    lordosis : ndarray
        :func:`fitting_lordosis` at each, deg.
    age_years : float
        The age used, years.
    """

    pelvic_incidence: np.ndarray
    lordosis: np.ndarray
    age_years: float

    @property
    def span(self) -> float:
        """Highest minus lowest fitting lordosis over the sweep, deg."""
        return float(self.lordosis.max() - self.lordosis.min())


def lordosis_sweep(points: int = 8, age_years: float = FIT_MEAN_AGE) -> LordosisSweep:
    """:func:`fitting_lordosis` at ``points`` pelvic incidences spread evenly over 32 to 74 deg.

    Raises
    ------
    ValueError
        If ``points`` is not a whole number from 2 to 1000, or ``age_years`` is out of range.
    """
    n = check_int_in_range("points", points, 2, 1000)
    age = check_in_range("age_years", age_years, *FIT_AGE_RANGE, "years")
    pis = np.linspace(*PI_NORMAL_RANGE, n)
    lordosis = np.array([fitting_lordosis(float(pi), age) for pi in pis])
    pis.setflags(write=False)
    lordosis.setflags(write=False)
    return LordosisSweep(pis, lordosis, age)


def group_means() -> dict[str, tuple[float, float]]:
    """Mean (pelvic incidence, L1-S1 lordosis) of each PI group of Sci Rep 2022, deg."""
    return {
        g: (_row(f"group_{g}_pelvic_incidence"), _row(f"group_{g}_lumbar_lordosis")) for g in GROUPS
    }


def head_offset(geom: SpineGeometry) -> float:
    """How far the porion lies forward of the hip axis, mm (negative: behind it).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    g = check_instance("geom", geom, SpineGeometry, "a SpineGeometry (from build_spine)")
    return float(g.landmarks["porion"][0] - g.hip_axis[0])


def with_angle(base: SpineParams | str, **angles: float) -> SpineParams:
    """``base`` (angles or a preset name) with some angles replaced, deg.

    Raises
    ------
    ValueError
        If ``base`` is not a preset name or :class:`SpineParams`, an angle name is unknown,
        or the new spine is out of range (the message names the angle).
    """
    if isinstance(base, str):
        check_choice("base", base, PRESETS, what="preset")
    params = preset(base) if isinstance(base, str) else base
    check_instance("base", params, SpineParams, "SpineParams or a preset name")
    unknown = sorted(set(angles) - set(RANGES))
    if unknown:
        raise ValueError(f"unknown angle(s) {unknown}; valid names: {', '.join(RANGES)}")
    return dataclasses.replace(params, **angles)


def head_shift(change_deg: float, base: SpineParams | str = "adult-mean") -> float:
    """How far the head moves forward when lumbar lordosis changes by ``change_deg``, mm.

    Only the lumbar lordosis changes (see the module's assumptions): the result is the change
    of :func:`head_offset`; negative means the head moves back.

    Parameters
    ----------
    change_deg : float
        Change of lumbar lordosis, deg, within +/- :data:`MAX_CHANGE_DEG`.
    base : SpineParams or str, optional
        The spine before the change, or a preset name; default ``"adult-mean"``.

    Raises
    ------
    ValueError
        If ``change_deg`` is out of range, ``base`` is not a spine, or the changed lordosis
        leaves its allowed range.
    """
    change = check_in_range("change_deg", change_deg, -MAX_CHANGE_DEG, MAX_CHANGE_DEG, "deg")
    params = with_angle(base)
    changed = with_angle(params, lumbar_lordosis=params.lumbar_lordosis + change)
    return head_offset(build_spine(changed)) - head_offset(build_spine(params))


@dataclass(frozen=True, eq=False)
class LevelChanges:
    """What changed at each vertebra between two spines (C1 to L5, top to bottom).

    Attributes
    ----------
    levels : tuple of str
        ``C1`` ... ``L5``.
    tilt : ndarray
        Change of the forward lean of each body's upper endplate, deg (positive: leans
        further forward).
    forward : ndarray
        Change of each body's centre, forward, mm.
    up : ndarray
        Change of each body's centre, upward, mm.
    """

    levels: tuple[str, ...]
    tilt: np.ndarray
    forward: np.ndarray
    up: np.ndarray


def level_changes(before: SpineGeometry, after: SpineGeometry) -> LevelChanges:
    """Measure, level by level, how ``after`` differs from ``before``.

    Raises
    ------
    ValueError
        If either is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    b = check_instance("before", before, SpineGeometry, "a SpineGeometry (from build_spine)")
    a = check_instance("after", after, SpineGeometry, "a SpineGeometry (from build_spine)")
    tilt = np.array(
        [measure.superior_tilt(a, lv) - measure.superior_tilt(b, lv) for lv in b.levels]
    )
    moved = a.body_corners.mean(axis=1) - b.body_corners.mean(axis=1)
    for arr in (tilt, moved):
        arr.setflags(write=False)
    return LevelChanges(b.levels, tilt, moved[:, 0], moved[:, 1])
