"""Worked experiments of the disc sandbox (``notebooks/discs.ipynb``), computed.

The notebook quotes these numbers in its folded answers; ``tests/notebooks/test_discs.py``
checks them, so the notebook and the model cannot disagree.

Teaching model on :mod:`widgets.model.disc`. Assumptions:

- **The reference day** is 16 h standing (0.50 MPa) and 8 h lying on the back (0.10 MPa,
  Wilke 1999), repeated from a fully hydrated disc until the cycle settles (7 days); the
  last day is measured. Its times are whole minutes.
- **A degenerated disc** here differs from the healthy one in its permeability only
  (1.4 instead of 0.9 x 10^-15 m4/(N s), Johannessen & Elliott 2005), so its time constants
  are 0.9 / 1.4 times the fitted ones. A real degenerated disc also has a lower swelling
  pressure, less water and a lower height; change those in :class:`DiscParams` to see them.
- **Sitting for 4 h** (Billy 2014): the disc starts from the reference night, stands for
  ``up_before_sitting`` (1 h, illustrative) and then sits for 4 h, either without a break or
  standing for ``sitting_break_minutes`` (1 min, illustrative) every 15 minutes. The study's
  breaks were stretches, bending forward, back and to the sides; the model has no pressure
  for them, so a break is standing. Its pressure tables decide whether a break unloads the
  disc at all: Wilke 1999 put sitting (0.46 MPa) below standing (0.50 MPa), Nachemson put it
  above (0.70 MPa).
- **The same day with both tables**: a preset day of :mod:`widgets.model.disc_loads`,
  repeated until it settles (3 days), the last day measured.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np

from widgets.data import value
from widgets.model.disc import DiscHistory, simulate, simulate_day
from widgets.model.disc_loads import (
    POSTURES,
    PRESSURE_TABLES,
    check_table,
    posture_pressure,
    preset_day,
)
from widgets.model.disc_params import DiscParams, DiscState, as_params
from widgets.validation import check_in_range, check_instance

#: Hours of the reference day standing, and lying (Wilke 1999's pressures).
DAY_HOURS: float = 16.0
NIGHT_HOURS: float = 8.0
#: Days run before the measured one, so that the cycle has settled.
SETTLE_DAYS: int = 6
#: The permeability of the degenerate nucleus, m4/(N s) (Johannessen & Elliott 2005).
DEGENERATE_PERMEABILITY: float = value("disc", "permeability_degenerate")
#: The sitting study (Billy 2014) and the model's illustrative choices around it.
SITTING_HOURS: float = value("disc", "sitting_hours")
BREAK_INTERVAL_MIN: float = value("disc", "sitting_break_interval")
BREAK_MINUTES: float = value("disc", "sitting_break_minutes")
UP_BEFORE_SITTING: float = value("disc", "up_before_sitting")
#: Measured mean L4-L5 height loss after 4 h of continuous sitting, mm (Billy 2014).
MEASURED_SITTING_LOSS: float = value("disc", "sitting_height_before") - value(
    "disc", "sitting_height_after"
)


@dataclass(frozen=True)
class DayNight:
    """What the reference day does to one disc (the settled cycle).

    Attributes
    ----------
    tau_fast_h, tau_slow_h : float
        Time constants of the two compartments while losing fluid, h.
    recovery_fast_h, recovery_slow_h : float
        The same while regaining fluid, h.
    day_loss_mm : float
        Height lost from rising to the evening, mm.
    first_hour_share : float
        Share of that loss in the first hour after rising.
    night_regain_mm : float
        Height regained over the night, mm (equal to the day loss in a settled cycle).
    first_half_night_share : float
        Share of the night's regain in its first half.
    history : DiscHistory
        The measured day, 0 h at rising.
    """

    tau_fast_h: float
    tau_slow_h: float
    recovery_fast_h: float
    recovery_slow_h: float
    day_loss_mm: float
    first_hour_share: float
    night_regain_mm: float
    first_half_night_share: float
    history: DiscHistory


def reference_day(params: DiscParams | None = None) -> DayNight:
    """Run the reference day until it settles and measure the last day.

    Parameters
    ----------
    params : DiscParams, optional
        The disc (default: the sourced and fitted defaults).

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`DiscParams` (or None).
    """
    disc = as_params(params)
    step = 1.0 / 60.0
    days = SETTLE_DAYS + 1
    t = np.round(np.arange(0.0, 24.0 * days + step / 2, step), 9)
    loads = np.where(
        t[:-1] % 24.0 < DAY_HOURS - 1e-9,
        posture_pressure("standing"),
        posture_pressure("lying_supine"),
    )
    whole = simulate(t, loads, disc, DiscState(0.0, 0.0))
    first = round(24.0 * SETTLE_DAYS / step)
    day = _slice(whole, first, t.size, 24.0 * SETTLE_DAYS)

    # height from the fluid alone, as MRI measures it lying at both times (Martin 2022)
    lost = day.fast + day.slow

    def fluid_height(hours: float) -> float:
        return float(lost[round(hours / step)]) / disc.area

    day_loss = fluid_height(DAY_HOURS) - fluid_height(0.0)
    night = fluid_height(DAY_HOURS) - fluid_height(24.0)
    half = fluid_height(DAY_HOURS) - fluid_height(DAY_HOURS + NIGHT_HOURS / 2)
    tau_f, tau_s = disc.time_constants()
    return DayNight(
        tau_fast_h=tau_f,
        tau_slow_h=tau_s,
        recovery_fast_h=tau_f * disc.recovery_ratio,
        recovery_slow_h=tau_s * disc.recovery_ratio,
        day_loss_mm=day_loss,
        first_hour_share=(fluid_height(1.0) - fluid_height(0.0)) / day_loss,
        night_regain_mm=night,
        first_half_night_share=half / night,
        history=day,
    )


def _slice(history: DiscHistory, a: int, b: int, t0: float) -> DiscHistory:
    return DiscHistory(
        time=history.time[a:b] - t0,
        load=history.load[a:b],
        pressure=history.pressure[a:b],
        height=history.height[a:b],
        fluid=history.fluid[a:b],
        fast=history.fast[a:b],
        slow=history.slow[a:b],
    )


def degenerate_permeability(params: DiscParams | None = None) -> DiscParams:
    """``params`` (default: the healthy disc) with the degenerate nucleus's permeability.

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`DiscParams` (or None).
    """
    return replace(as_params(params), permeability=DEGENERATE_PERMEABILITY)


def morning_state(params: DiscParams | None = None) -> DiscState:
    """The disc at rising, after the reference night of the settled cycle.

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`DiscParams` (or None).
    """
    return reference_day(params).history.end_state


@dataclass(frozen=True)
class Sitting:
    """Height lost by sitting 4 h, without and with breaks, mm.

    Attributes
    ----------
    table : str
        The pressure table used.
    continuous_mm, with_breaks_mm : float
        Height lost from the start to the end of the sitting, mm (the end is sampled while
        sitting, as the study scanned after the session).
    measured_mm : float
        The study's mean L4-L5 loss after continuous sitting, mm (Billy 2014).
    continuous, with_breaks : DiscHistory
        The two sessions, 0 h at the start of sitting.
    """

    table: str
    continuous_mm: float
    with_breaks_mm: float
    measured_mm: float
    continuous: DiscHistory
    with_breaks: DiscHistory

    @property
    def saved_by_breaks_mm(self) -> float:
        """Height the breaks save, mm (negative: the breaks cost height)."""
        return self.continuous_mm - self.with_breaks_mm


def sitting_breaks(
    table: str = "wilke1999",
    break_minutes: float = BREAK_MINUTES,
    params: DiscParams | None = None,
    start: DiscState | None = None,
    break_posture: str = "standing",
) -> Sitting:
    """Sit for 4 h, once without a break and once with a break every 15 minutes.

    Parameters
    ----------
    table : str
        Pressure table, ``"wilke1999"`` or ``"nachemson"``.
    break_minutes : float
        Length of each break, min, 0.1 to 10.
    params : DiscParams, optional
        The disc.
    start : DiscState, optional
        State at the start of sitting (default: :func:`morning_state` after
        ``UP_BEFORE_SITTING`` hours standing).
    break_posture : str
        Posture of the breaks, one of ``POSTURES[table]`` (default standing; try
        ``"lying_supine"`` for the most a break could unload).

    Raises
    ------
    ValueError
        For an unknown table, a value out of range or a wrong type (naming it).
    """
    name = check_table("table", table)
    if not isinstance(break_posture, str) or break_posture not in POSTURES[name]:
        raise ValueError(
            f"break_posture = {break_posture!r} is not a posture of table {name!r}; "
            f"valid postures: {', '.join(POSTURES[name])}"
        )
    minutes = check_in_range("break_minutes", break_minutes, 0.1, 10.0, "min")
    disc = as_params(params)
    if start is None:
        rising = morning_state(disc)
        up = simulate([0.0, UP_BEFORE_SITTING], [posture_pressure("standing")], disc, rising)
        state = up.end_state
    else:
        state = check_instance("start", start, DiscState, "a DiscState (or None)")
    sit, stand = posture_pressure("sitting", name), posture_pressure(break_posture, name)
    interval = BREAK_INTERVAL_MIN / 60.0
    brk = minutes / 60.0
    n = round(SITTING_HOURS / interval)
    # breaks at the end of every interval but the last (the scan follows the last sitting)
    edges = [0.0]
    loads: list[float] = []
    for i in range(n):
        end = (i + 1) * interval
        if i < n - 1:
            edges += [end - brk, end]
            loads += [sit, stand]
        else:
            edges.append(end)
            loads.append(sit)
    with_breaks = simulate(edges, loads, disc, state)
    grid = np.linspace(0.0, SITTING_HOURS, 241)
    continuous = simulate(grid, np.full(grid.size - 1, sit), disc, state)
    return Sitting(
        table=name,
        continuous_mm=float(continuous.height[0] - continuous.height[-1]),
        with_breaks_mm=float(with_breaks.height[0] - with_breaks.height[-1]),
        measured_mm=MEASURED_SITTING_LOSS,
        continuous=continuous,
        with_breaks=with_breaks,
    )


@dataclass(frozen=True)
class TableDay:
    """One preset day with one pressure table (the settled last day).

    Attributes
    ----------
    table : str
        The pressure table.
    mean_load : float
        Mean applied pressure over the day, MPa.
    lowest_mm, highest_mm : float
        Lowest and highest disc height of the day, mm.
    history : DiscHistory
        The day, 0 h at midnight.
    """

    table: str
    mean_load: float
    lowest_mm: float
    highest_mm: float
    history: DiscHistory

    @property
    def swing_mm(self) -> float:
        """Highest minus lowest height of the day, mm."""
        return self.highest_mm - self.lowest_mm


def compare_tables(
    day: str = "desk_worker", params: DiscParams | None = None
) -> MappingProxyType[str, TableDay]:
    """The same preset day with Wilke's and with Nachemson's pressures.

    Parameters
    ----------
    day : str
        A preset day of :mod:`widgets.model.disc_loads` (``"desk_worker"``, ...).
    params : DiscParams, optional
        The disc.

    Raises
    ------
    ValueError
        For an unknown day or a wrong type (naming it and the valid days).
    """
    schedule = preset_day(day)
    disc = as_params(params)
    out = {}
    for table in PRESSURE_TABLES:
        run = simulate_day(schedule, table, disc, days=3)
        last = np.flatnonzero(run.time >= 48.0 - 1e-9)
        d = _slice(run, int(last[0]), run.time.size, 48.0)
        dt = np.diff(d.time)
        out[table] = TableDay(
            table=table,
            mean_load=float(np.sum(d.load[:-1] * dt) / np.sum(dt)),
            lowest_mm=float(d.height.min()),
            highest_mm=float(d.height.max()),
            history=d,
        )
    return MappingProxyType(out)
