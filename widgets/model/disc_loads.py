"""Loads on a lumbar disc: intradiscal pressure by posture, and preset days as posture schedules.

Teaching data, read from ``widgets/data/disc_postures.csv`` and ``disc_days.csv``:

- Two pressure tables, because the sources disagree: ``"wilke1999"`` (one man, L4-L5,
  telemetric transducer, MPa) and ``"nachemson"`` (percentages of upright standing at L3).
  Nachemson's percentages are turned into MPa with the 0.50 MPa of relaxed standing of Wilke
  1999, so the two tables differ only in their ratios: Wilke found sitting close to standing
  and side-lying close to supine; Nachemson found sitting at 140 % and side-lying at 75 %.
  Each table has only the postures its source measured.
- A schedule is a list of ``(start hour, posture)`` steps; each posture holds until the next
  step starts, the last one until the end of the simulated time.
- Preset days (desk worker, night shift, bed rest) are illustrative schedules over 24 h.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

import numpy as np

from widgets.data import load_table
from widgets.validation import check_choice, check_in_range, check_instance, check_text

#: Names of the pressure tables.
PRESSURE_TABLES: tuple[str, ...] = ("wilke1999", "nachemson")
#: Longest simulated time, h (two weeks).
MAX_HOURS = 336.0


def _pressure_tables() -> MappingProxyType[str, MappingProxyType[str, float]]:
    rows = load_table("disc_postures")
    return MappingProxyType(
        {
            table: MappingProxyType({r.key[1]: r.value for r in rows if r.key[0] == table})
            for table in PRESSURE_TABLES
        }
    )


_PRESSURES = _pressure_tables()
#: Postures of each pressure table, in file order.
POSTURES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {table: tuple(_PRESSURES[table]) for table in PRESSURE_TABLES}
)


def check_table(name: str, table: object) -> str:
    """Return ``table`` if it names a pressure table (one of :data:`PRESSURE_TABLES`)."""
    return check_choice(name, table, PRESSURE_TABLES)


def posture_pressure(posture: str, table: str = "wilke1999") -> float:
    """Intradiscal pressure of a posture, MPa, from one pressure table.

    Parameters
    ----------
    posture : str
        One of ``POSTURES[table]``.
    table : str
        ``"wilke1999"`` or ``"nachemson"``.

    Raises
    ------
    ValueError
        If the table is unknown or the posture is not in it (the message lists its postures).
    """
    table = check_table("table", table)
    return _PRESSURES[table][check_choice("posture", posture, POSTURES[table])]


def _read_days() -> MappingProxyType[str, tuple[tuple[float, str], ...]]:
    days: dict[str, list[tuple[int, float, str]]] = {}
    for row in load_table("disc_days"):
        day, step, posture = row.key
        days.setdefault(day, []).append((int(step), row.value, posture))
    return MappingProxyType(
        {day: tuple((start, p) for _, start, p in sorted(steps)) for day, steps in days.items()}
    )


_DAYS = _read_days()
#: Names of the preset days.
PRESET_DAYS: tuple[str, ...] = tuple(_DAYS)


def preset_day(name: str) -> tuple[tuple[float, str], ...]:
    """The schedule of a preset day: ``((start hour, posture), ...)`` from 0 to 24 h.

    Every posture of a preset is in both pressure tables.

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`PRESET_DAYS`; the message names ``name`` and lists them.
    """
    check_choice("name", name, PRESET_DAYS, what="preset day")
    return _DAYS[name]


def check_schedule(
    name: str, schedule: object, table: str, end_hours: float
) -> tuple[tuple[float, str], ...]:
    """Return ``schedule`` as a tuple of ``(start hour, posture)`` pairs if it is valid.

    The first step starts at 0 h, starts increase strictly, every start lies before
    ``end_hours`` and every posture is in ``table``.

    Raises
    ------
    ValueError
        Naming the step and the value, and the allowed range or the valid postures.
    """
    check_table("table", table)
    end_hours = check_in_range("end_hours", end_hours, 1e-6, MAX_HOURS, "h")
    if isinstance(schedule, str | bytes) or not isinstance(schedule, Sequence | np.ndarray):
        raise ValueError(
            f"{name} must be a list of (start hour, posture) pairs, got {type(schedule).__name__}"
        )
    steps = tuple(schedule)
    if not steps:
        raise ValueError(f"{name} needs at least one (start hour, posture) pair, got none")
    out: list[tuple[float, str]] = []
    for i, step in enumerate(steps):
        check_instance(f"{name}[{i}]", step, tuple, "a (start hour, posture) pair (a tuple)")
        if len(step) != 2:
            raise ValueError(f"{name}[{i}] must be a (start hour, posture) pair, got {step!r}")
        low = out[-1][0] if out else 0.0
        start = check_in_range(f"{name}[{i}] start", step[0], low, end_hours, "h")
        if i == 0 and start != 0.0:
            raise ValueError(f"{name}[0] start = {start:g} h; the first step must start at 0 h")
        if i > 0 and (start <= low or start >= end_hours):
            raise ValueError(
                f"{name}[{i}] start = {start:g} h must be after the previous step "
                f"({low:g} h) and before the end ({end_hours:g} h)"
            )
        check_text(f"{name}[{i}] posture", step[1])
        posture = check_choice(f"{name}[{i}] posture", step[1], POSTURES[table])
        out.append((start, posture))
    return tuple(out)


def schedule_load(
    schedule: object, table: str = "wilke1999", end_hours: float = 24.0
) -> tuple[np.ndarray, np.ndarray]:
    """Turn a posture schedule into a piecewise-constant pressure history.

    Parameters
    ----------
    schedule : sequence of (float, str)
        ``(start hour, posture)`` steps, the first at 0 h, starts strictly increasing.
    table : str
        Pressure table, one of :data:`PRESSURE_TABLES`.
    end_hours : float
        End of the history, h, in ``(0, MAX_HOURS]``; after the last step's start.

    Returns
    -------
    times : ndarray, shape (n + 1,)
        Step starts and the end, h.
    pressures : ndarray, shape (n,)
        Pressure of each step, MPa (``pressures[i]`` holds from ``times[i]`` to ``times[i+1]``).

    Raises
    ------
    ValueError
        For an unknown table, a bad end time or a bad step (see :func:`check_schedule`).
    """
    table = check_table("table", table)
    end = check_in_range("end_hours", end_hours, 1e-6, MAX_HOURS, "h")
    steps = check_schedule("schedule", schedule, table, end)
    times = np.array([s for s, _ in steps] + [end])
    pressures = np.array([_PRESSURES[table][p] for _, p in steps])
    return times, pressures
