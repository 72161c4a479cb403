"""The numbers behind "a day in the life of a disc": one preset day and an evening of lifts.

Everything here comes from the disc model (:mod:`widgets.model.disc`,
:mod:`widgets.model.disc_transport`); this module only chooses what to run and where:

- **The day shown** is the second of two repeats of the preset day (from the model's evening
  state), so that the disc starts it from the state the day itself leaves, not from an
  arbitrary one. Times are hours of that day, 0 to 24.
- **Going to bed** is the start of the day's longest stretch of lying on the back (counted
  round midnight): 23:00 for the desk worker, 08:00 for the night shift, 19:00 for bed rest.
- **The session** of waist lifts (10 min, 6 a minute, the waist lifted half of each breath)
  starts at going to bed, from the disc's state at that moment. Its pressure is not measured:
  the high bound lifts it to the 0.25 MPa of lying face down with the back extended, the low
  bound leaves it at the supine 0.10 MPa, which is lying still (both Wilke 1999). The session,
  lying still and the rest of the hour use Wilke's lying pressure whatever table the day uses,
  because the bounds are Wilke's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import numpy as np

from widgets.model.disc import DiscHistory, DiscParams, DiscState, simulate_day
from widgets.model.disc_loads import PRESET_DAYS, PRESSURE_TABLES, preset_day
from widgets.model.disc_transport import (
    LIFT_MINUTES,
    FluidComparison,
    compare_fluid,
    lift_session,
    lying_still,
)
from widgets.validation import check_choice, check_in_range

#: Title of each preset day, for the controls and the figure.
DAY_TITLES: MappingProxyType[str, str] = MappingProxyType(
    {"desk_worker": "Desk worker", "night_shift": "Night shift", "bed_rest": "Bed rest"}
)
#: Title of each pressure table: the two sourced data sets, which disagree.
TABLE_TITLES: MappingProxyType[str, str] = MappingProxyType(
    {
        "wilke1999": "Wilke 1999 (one man, L4-L5, measured in MPa)",
        "nachemson": "Nachemson (L3, % of standing, scaled to 0.50 MPa)",
    }
)
#: Plain names of the postures of the preset days and tables.
POSTURE_TITLES: MappingProxyType[str, str] = MappingProxyType(
    {
        "lying_supine": "lying on the back",
        "lying_prone": "lying face down",
        "lying_side": "lying on the side",
        "lying_prone_extended": "lying face down, back extended",
        "reclined_sitting": "sitting reclined",
        "sitting": "sitting",
        "standing": "standing",
        "walking": "walking",
        "sitting_flexed": "sitting bent forward",
        "standing_flexed": "standing bent forward",
    }
)
#: Length of the zoomed window after going to bed, min.
WINDOW_MINUTES = 60.0
#: Sampling step of the 24 h day, min (posture changes are always sampled too).
STEP_MINUTES = 2.0


def check_day(day: object) -> str:
    """Return ``day`` if it names a preset day (one of ``PRESET_DAYS``), else ValueError."""
    return check_choice("day", day, PRESET_DAYS)


def check_table(table: object) -> str:
    """Return ``table`` if it names a pressure table (one of ``PRESSURE_TABLES``)."""
    return check_choice("table", table, PRESSURE_TABLES)


def check_hour(hour: object) -> float:
    """Return ``hour`` (time of day, h) as a float if it is a number from 0 to 24."""
    return check_in_range("hour", hour, 0.0, 24.0, "h")


def bedtime(day: str) -> tuple[float, float]:
    """Start (h) and length (h) of the longest stretch lying on the back in ``day``.

    A stretch that runs past midnight continues at 0 h of the day (the day repeats).

    Raises
    ------
    ValueError
        If ``day`` is not a preset day.
    """
    steps = preset_day(check_day(day))
    starts = [s for s, _ in steps] + [24.0]
    stretches = []
    for i, (start, posture) in enumerate(steps):
        if posture != "lying_supine":
            continue
        length = starts[i + 1] - start
        wraps = len(steps) > 1 and steps[0][1] == steps[-1][1] == "lying_supine"
        if wraps and i == len(steps) - 1:
            length += starts[1]
        if not (wraps and i == 0):
            stretches.append((length, start))
    if not stretches:  # a day lying on the back from midnight to midnight
        return 0.0, 24.0
    length, start = max(stretches)
    return start, length


@dataclass(frozen=True, eq=False)
class DayRun:
    """A preset day and an evening session of lifts, from the model.

    Attributes
    ----------
    day, table : str
        The preset day and the pressure table.
    history : DiscHistory
        The day, times in h from 0 to 24.
    postures : tuple of str
        Posture at each time of ``history``.
    bed, night_hours : float
        Going to bed, h of the day, and the length of that stretch lying down, h.
    rising_height : float
        Height at the end of the night (getting up), mm.
    window_still, window_lifts : DiscHistory
        The hour after going to bed lying still, and with the session of lifts (high
        bound) first; times in min from going to bed.
    comparison : FluidComparison
        The lifts (both bounds) vs lying still vs the night, from going to bed.
    area : float
        The disc's cross-section, mm2 (fluid / area = height).
    """

    day: str
    table: str
    history: DiscHistory
    postures: tuple[str, ...]
    bed: float
    night_hours: float
    rising_height: float
    window_still: DiscHistory
    window_lifts: DiscHistory
    comparison: FluidComparison
    area: float

    def at(self, hour: float) -> tuple[float, float, str]:
        """Height (mm), pressure read-out (MPa) and posture at ``hour`` (0 to 24 h).

        Raises
        ------
        ValueError
            If ``hour`` is not a number from 0 to 24.
        """
        h = check_hour(hour)
        t = self.history.time
        height = float(np.interp(h, t, self.history.height))
        pressure = float(np.interp(h, t, self.history.pressure))
        i = min(int(np.searchsorted(t, h, side="right")) - 1, len(self.postures) - 1)
        return height, pressure, self.postures[max(i, 0)]


def _state_at(history: DiscHistory, time: float) -> DiscState:
    i = int(np.argmin(np.abs(history.time - time)))
    return DiscState(float(history.fast[i]), float(history.slow[i]))


def _shifted(history: DiscHistory, offset: float, scale: float, first: int) -> DiscHistory:
    return DiscHistory(
        time=(history.time[first:] - offset) * scale,
        load=history.load[first:],
        pressure=history.pressure[first:],
        height=history.height[first:],
        fluid=history.fluid[first:],
        fast=history.fast[first:],
        slow=history.slow[first:],
    )


@lru_cache(maxsize=16)
def _run(day: str, table: str) -> DayRun:
    steps = preset_day(day)
    two = simulate_day(steps, table, step_minutes=STEP_MINUTES, days=2)
    first = int(np.searchsorted(two.time, 24.0 - 1e-9))
    history = _shifted(two, 24.0, 1.0, first)
    starts = np.array([s for s, _ in steps])
    index = np.searchsorted(starts, history.time % 24.0, side="right") - 1
    index[-1] = index[-2]
    postures = tuple(steps[i][1] for i in index)
    bed, night_hours = bedtime(day)
    state = _state_at(two, 24.0 + bed)
    rising = (bed + night_hours) % 24.0
    # the height just before getting up, still lying (the sample at ``rising`` has the load
    # of the next posture, with its instant elastic drop)
    i = int(np.argmin(np.abs(history.time - rising)))
    before = max(i - 1, 0)
    elastic = DiscParams().elastic
    rising_height = float(history.height[i] + elastic * (history.load[i] - history.load[before]))
    still = lying_still(WINDOW_MINUTES, start=state)
    lifts = lift_session(start=state)
    rest = lying_still(WINDOW_MINUTES - LIFT_MINUTES, start=lifts.end_state)
    joined = DiscHistory(
        time=np.concatenate([lifts.time, rest.time[1:] + lifts.time[-1]]) * 60.0,
        load=np.concatenate([lifts.load, rest.load[1:]]),
        pressure=np.concatenate([lifts.pressure, rest.pressure[1:]]),
        height=np.concatenate([lifts.height, rest.height[1:]]),
        fluid=np.concatenate([lifts.fluid, rest.fluid[1:]]),
        fast=np.concatenate([lifts.fast, rest.fast[1:]]),
        slow=np.concatenate([lifts.slow, rest.slow[1:]]),
    )
    comparison = compare_fluid(night_hours=min(max(night_hours, 1.0), 14.0), start=state)
    return DayRun(
        day=day,
        table=table,
        history=history,
        postures=postures,
        bed=bed,
        night_hours=night_hours,
        rising_height=rising_height,
        window_still=_shifted(still, 0.0, 60.0, 0),
        window_lifts=joined,
        comparison=comparison,
        area=DiscParams().area,
    )


def day_run(day: str = "desk_worker", table: str = "wilke1999") -> DayRun:
    """Run the disc through a preset day and an evening session of lifts (cached).

    Parameters
    ----------
    day : str
        One of ``PRESET_DAYS`` (``"desk_worker"``, ``"night_shift"``, ``"bed_rest"``).
    table : str
        Pressure table, ``"wilke1999"`` or ``"nachemson"``.

    Raises
    ------
    ValueError
        If ``day`` or ``table`` is unknown (the message lists the valid names).
    """
    return _run(check_day(day), check_table(table))
