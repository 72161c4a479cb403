"""Ranges of motion of the lying model's joints: flexion and extension from standing.

Teaching model. Assumptions:

- Range of motion: the ``rom_<joint>`` rows of ``supine.csv`` give each level's combined
  flexion-plus-extension range, the ``rom_extension_<joint>`` rows the part of it that is
  extension (the rest is flexion). The split is sourced for skull-C1 and C1-C2 (Panjabi et
  al. 1989: 3.5 deg flexion + 21.0 extension and 11.5 + 10.9, cadaveric, from the unloaded
  position); for every other level no per-level split was retrieved and the rows give half
  to each side (illustrative, as each row says). A joint may change from its standing angle
  by at most its flexion range one way and its extension range the other
  (:func:`joint_limits`): the standing angle is taken as the neutral the split is measured
  from, which is not known per level (an assumption). The ranges and splits were measured
  in adults (or adult specimens) and a child's spine bends more, so the child presets keep
  the weak bound of the whole range either way (with the split, the newborn's low back could
  not settle onto the bed, nor a 5-year-old's sag back onto it under a propping pillow).
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType

from widgets.data import value
from widgets.model.growth import ADULT_MONTHS, AGE_RANGE_MONTHS
from widgets.model.supine_joints import JOINTS, TURN_MAX
from widgets.validation import check_choice, check_in_range

#: Tolerance (deg) within which a joint counts as at its limit.
LIMIT_TOLERANCE = 0.05


@cache
def rom(joint: str) -> float:
    """Combined flexion-plus-extension range of ``joint``, deg (``rom_<joint>`` row).

    Raises
    ------
    ValueError
        If ``joint`` is not one of :data:`JOINTS`.
    """
    return value("supine", f"rom_{check_choice('joint', joint, JOINTS)}")


def extension_range(joint: str) -> float:
    """Extension part of ``joint``'s range, deg (``rom_extension_<joint>`` row).

    Raises
    ------
    ValueError
        If ``joint`` is not one of :data:`JOINTS`.
    """
    return value("supine", f"rom_extension_{check_choice('joint', joint, JOINTS)}")


def flexion_range(joint: str) -> float:
    """Flexion part of ``joint``'s range, deg: :func:`rom` minus :func:`extension_range`.

    Raises
    ------
    ValueError
        If ``joint`` is not one of :data:`JOINTS`.
    """
    joint = check_choice("joint", joint, JOINTS)
    return rom(joint) - extension_range(joint)


@cache
def _limits(adult: bool) -> MappingProxyType[str, tuple[float, float]]:
    if not adult:
        return MappingProxyType({j: (-rom(j), rom(j)) for j in JOINTS})
    return MappingProxyType({j: (-flexion_range(j), extension_range(j)) for j in JOINTS})


def joint_limits(age_months: float = ADULT_MONTHS) -> MappingProxyType[str, tuple[float, float]]:
    """Allowed change of each joint from its standing angle at ``age_months``, deg.

    Each joint maps to ``(low, high)``: ``low`` is minus its flexion range (the most it may
    flex), ``high`` its extension range (the most it may extend); extension is positive,
    as everywhere in this module. For a child (younger than
    :data:`widgets.model.growth.ADULT_MONTHS`; see the module docstring) both are the whole
    range.

    Raises
    ------
    ValueError
        If ``age_months`` is not a finite number within the course's ages
        (:data:`widgets.model.growth.AGE_RANGE_MONTHS`).
    """
    age_months = check_in_range("age_months", age_months, *AGE_RANGE_MONTHS, "months")
    return _limits(age_months >= ADULT_MONTHS)


def at_limit(joint: str, change: float, age_months: float = ADULT_MONTHS) -> bool:
    """Whether a ``change`` (deg, from standing) of ``joint`` is at or beyond a limit.

    Within :data:`LIMIT_TOLERANCE` of either end of :func:`joint_limits` at ``age_months``
    counts as at it.

    Raises
    ------
    ValueError
        If ``joint`` is not one of :data:`JOINTS`, ``change`` is not a finite number within
        :data:`TURN_MAX` either way or ``age_months`` not within the course's ages.
    """
    joint = check_choice("joint", joint, JOINTS)
    change = check_in_range("change", change, -TURN_MAX, TURN_MAX, "deg")
    low, high = joint_limits(age_months)[joint]
    return change <= low + LIMIT_TOLERANCE or change >= high - LIMIT_TOLERANCE
