"""One lumbar disc as a poroelastic, osmotic body: height, fluid and pressure through a day.

Teaching model (L4-L5 disc of a young adult). Assumptions:

- **Load** is a piecewise-constant intradiscal pressure ``p`` (MPa): a posture's pressure from
  a table of :mod:`widgets.model.disc_loads` (Wilke 1999 or Nachemson), or any history.
- **Swelling pressure.** The disc's proteoglycans draw water in with a swelling (osmotic)
  pressure of 0.138 MPa at full hydration (Johannessen & Elliott 2005). The swelling pressure
  rises linearly as fluid is lost (the fixed charges grow more concentrated), so fluid leaves
  while ``p`` exceeds it and comes back while ``p`` is lower, until the two are equal.
- **Two fluid compartments**, because measured creep has two time scales (O'Connell 2011): a
  fast one (nucleus and endplate) and a slow one (annulus). Each holds, at equilibrium, the
  fluid loss ``share * compliance * area * (p - swelling_pressure)`` (mm3); it relaxes toward
  it exponentially with time constant ``tau`` while losing fluid and ``recovery_ratio * tau``
  while regaining it (recovery is 3-4 times slower than loading, O'Connell 2011). The rest of
  the equilibrium displacement, ``1 - share_fast - share_slow``, is an instant elastic part.
  Time constants scale with ``1 / permeability`` (a more permeable, degenerate disc exchanges
  faster); they are fitted at the permeability of the healthy nucleus.
- **Height** (mm) = unloaded height - elastic part - fluid lost / area: all fluid lost comes
  out of the height (no bulging), as the matching height and volume changes measured by MRI
  (Martin 2022) suggest. **Fluid volume** (mm3) = water at full hydration - fluid lost.
- **Pressure read-out** (MPa) = the load's pressure + ``prestress_gain`` x fluid regained since
  the reference evening: swelling stretches the annulus and ligaments, which press on the
  nucleus; so the lying pressure rises overnight (Wilke 1999: 0.10 -> 0.24 MPa). This term is
  a read-out only; it does not feed back into the flow.
- **Fitted constants.** No time constants for human discs in vivo are published. The
  compliance, both time constants, the recovery ratio and the prestress gain are fitted to the
  reference day (16 h standing at 0.50 MPa, 8 h lying at 0.10 MPa, Wilke 1999): a daily height
  loss of 6.1-8.0 % (Martin 2022), 54 % of it in the first hour after rising and about 70 %
  regained in the first half of the night (Tyrrell 1985), recovery 3-4 times slower and more
  than 8 h to 95 % (O'Connell 2011). Their rows in ``widgets/data/disc.csv`` have the status
  ``fitted``; ``tests/model/test_disc_validation.py`` checks every target. The properties and
  the state live in :mod:`widgets.model.disc_params` (re-exported here).
- **Numerics.** Within a step of constant pressure each compartment moves monotonically toward
  its equilibrium, so the exact exponential is used: stable for any step, no integrator.

Units: time h, pressure MPa, height mm, fluid mm3 (1000 mm3 = 1 mL).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence, Set
from dataclasses import dataclass

import numpy as np

from widgets.model.disc_loads import MAX_HOURS, check_table, schedule_load
from widgets.model.disc_params import (
    DEFAULTS,
    EVENING_FLUID_LOSS,
    EVENING_LOSS,
    LIMITS,
    REFERENCE_PERMEABILITY,
    SETTINGS,
    UNITS,
    DiscParams,
    DiscState,
    as_params,
    as_state,
    evening_state,
)
from widgets.validation import check_in_range, check_instance, check_number, describe

#: Public names of the disc model; the parameters live in :mod:`widgets.model.disc_params`
#: and are re-exported here, so ``from widgets.model.disc import DiscParams`` keeps working.
__all__ = [
    "DEFAULTS",
    "EVENING_FLUID_LOSS",
    "EVENING_LOSS",
    "LIMITS",
    "PRESSURE_RANGE",
    "REFERENCE_PERMEABILITY",
    "SETTINGS",
    "UNITS",
    "DiscHistory",
    "DiscParams",
    "DiscState",
    "as_params",
    "as_state",
    "check_history",
    "evening_state",
    "hours_to_recover",
    "simulate",
    "simulate_day",
]

#: Allowed intradiscal pressure of a load history, MPa: from no load to above the largest
#: pressure measured in daily life (2.3 MPa lifting 20 kg with a round back, Wilke 1999).
PRESSURE_RANGE: tuple[float, float] = (0.0, 3.0)


@dataclass(frozen=True, eq=False)
class DiscHistory:
    """The disc through a load history; arrays of the same length, one entry per time.

    Attributes
    ----------
    time : ndarray
        h.
    load : ndarray
        Applied intradiscal pressure from that time to the next, MPa (the last repeats).
    pressure : ndarray
        Pressure read-out with the swelling prestress, MPa.
    height : ndarray
        Disc height, mm.
    fluid : ndarray
        Water in the disc, mm3.
    fast, slow : ndarray
        Fluid lost by each compartment, mm3.
    """

    time: np.ndarray
    load: np.ndarray
    pressure: np.ndarray
    height: np.ndarray
    fluid: np.ndarray
    fast: np.ndarray
    slow: np.ndarray

    @property
    def end_state(self) -> DiscState:
        """The state at the last time (start the next history from it)."""
        return DiscState(float(self.fast[-1]), float(self.slow[-1]))

    @property
    def exchanged(self) -> float:
        """Fluid that crossed the disc's boundary, in and out together, mm3.

        Exact when the history's times include every change of load (the compartments move
        monotonically in between).
        """
        return float(np.abs(np.diff(self.fast)).sum() + np.abs(np.diff(self.slow)).sum())

    @property
    def net_gain(self) -> float:
        """Fluid gained from the first to the last time, mm3 (negative: lost)."""
        return float(self.fluid[-1] - self.fluid[0])


def _series(name: str, values: object, low: float, high: float, unit: str) -> np.ndarray:
    """``values`` as a float array if it is a list or array of finite numbers in range."""
    if isinstance(values, str | bytes) or not isinstance(values, Sequence | Set | np.ndarray):
        raise ValueError(
            f"{name} must be a list or array of numbers in {unit}, got {describe(values)}"
        )
    array = np.asarray(values) if isinstance(values, np.ndarray) else None
    if array is None or array.dtype.kind not in "fiu" or array.ndim != 1:
        # slow path, exact messages: every item through the scalar check
        items = [check_in_range(f"{name}[{i}]", v, low, high, unit) for i, v in enumerate(values)]
        return np.array(items, dtype=float)
    out = array.astype(float)
    bad = ~(np.isfinite(out) & (out >= low) & (out <= high))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        check_in_range(f"{name}[{i}]", float(out[i]), low, high, unit)
    return out


def check_history(times: object, loads: object) -> tuple[np.ndarray, np.ndarray]:
    """Check a load history and return it as float arrays.

    Parameters
    ----------
    times : sequence of float
        At least two times, h, from 0 to ``MAX_HOURS``, strictly increasing.
    loads : sequence of float
        One pressure per interval (``len(times) - 1``), MPa, in :data:`PRESSURE_RANGE`.

    Raises
    ------
    ValueError
        Naming the first bad item, its value and the allowed range, or the lengths.
    """
    t = _series("times", times, 0.0, MAX_HOURS, "h")
    p = _series("loads", loads, *PRESSURE_RANGE, "MPa")
    if t.size < 2:
        raise ValueError(f"times needs at least 2 values (start and end), got {t.size}")
    steps = np.diff(t)
    if (steps <= 0).any():
        i = int(np.flatnonzero(steps <= 0)[0]) + 1
        raise ValueError(
            f"times must increase strictly: times[{i}] = {t[i]:g} h follows "
            f"times[{i - 1}] = {t[i - 1]:g} h"
        )
    if p.size != t.size - 1:
        raise ValueError(
            f"loads needs one pressure per interval, {t.size - 1} for {t.size} times, got {p.size}"
        )
    return t, p


def simulate(
    times: object,
    loads: object,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> DiscHistory:
    """Run the disc through a piecewise-constant pressure history.

    Parameters
    ----------
    times : sequence of float
        Times, h, strictly increasing, from 0 to ``MAX_HOURS`` (336 h).
    loads : sequence of float
        ``loads[i]`` is the applied pressure from ``times[i]`` to ``times[i + 1]``, MPa, in
        :data:`PRESSURE_RANGE`.
    params : DiscParams, optional
        The disc (default: the sourced and fitted defaults).
    start : DiscState, optional
        State at ``times[0]`` (default: :func:`evening_state`).

    Returns
    -------
    DiscHistory
        The disc at every time of ``times``.

    Raises
    ------
    ValueError
        For a bad time axis, a pressure outside the range, NaN, a bool, a wrong type.
    """
    t, p = check_history(times, loads)
    disc = as_params(params)
    state = as_state(start)
    return _run(t, p, disc, state)


def _run(t: np.ndarray, p: np.ndarray, disc: DiscParams, state: DiscState) -> DiscHistory:
    cap_f, cap_s = disc.capacities()
    tau_f, tau_s = disc.time_constants()
    ratio = disc.recovery_ratio
    fast = np.empty(t.size)
    slow = np.empty(t.size)
    fast[0], slow[0] = state.fast, state.slow
    # runs of equal pressure: each compartment moves one way only, so a run is one exponential
    changes = np.flatnonzero(np.diff(p)) + 1
    bounds = np.concatenate(([0], changes, [p.size]))
    u_f, u_s = state.fast, state.slow
    for a, b in itertools.pairwise(bounds):
        pressure = float(p[a])
        drive = pressure - disc.swelling_pressure
        for cap, u, tau, out in ((cap_f, u_f, tau_f, fast), (cap_s, u_s, tau_s, slow)):
            target = cap * drive
            rate = 1.0 / (tau if target > u else tau * ratio)
            out[a + 1 : b + 1] = target + (u - target) * np.exp(-(t[a + 1 : b + 1] - t[a]) * rate)
        u_f, u_s = float(fast[b]), float(slow[b])
    load = np.append(p, p[-1])
    lost = fast + slow
    height = disc.height - disc.elastic * load - lost / disc.area
    pressure_out = load + disc.prestress_gain * (EVENING_FLUID_LOSS - lost)
    return DiscHistory(
        time=t,
        load=load,
        pressure=pressure_out,
        height=height,
        fluid=disc.water - lost,
        fast=fast,
        slow=slow,
    )


def simulate_day(
    schedule: object,
    table: str = "wilke1999",
    params: DiscParams | None = None,
    step_minutes: float = 1.0,
    days: int = 1,
    start: DiscState | None = None,
) -> DiscHistory:
    """Run the disc through a posture schedule of 24 h, sampled every ``step_minutes``.

    Parameters
    ----------
    schedule : sequence of (float, str)
        ``(start hour, posture)`` steps from 0 to 24 h (e.g. :func:`disc_loads.preset_day`).
    table : str
        Pressure table, ``"wilke1999"`` or ``"nachemson"``.
    params : DiscParams, optional
        The disc.
    step_minutes : float
        Sampling step of the output, min, 0.1 to 60; posture changes are always sampled.
    days : int
        How many times the day repeats, 1 to 14 (later days approach the day's steady cycle).
    start : DiscState, optional
        State at 0 h (default: :func:`evening_state`).

    Raises
    ------
    ValueError
        For any bad argument (naming it and what is allowed).
    """
    table = check_table("table", table)
    step = check_in_range("step_minutes", step_minutes, 0.1, 60.0, "min") / 60.0
    if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 14:
        raise ValueError(f"days must be a whole number from 1 to 14, got {describe(days)}")
    disc = as_params(params)
    state = as_state(start)
    edges, pressures = schedule_load(schedule, table, 24.0)
    grid = np.arange(0.0, 24.0 * days + step / 2, step)
    day_edges = (edges[None, :-1] + 24.0 * np.arange(days)[:, None]).ravel()
    t = np.union1d(np.round(grid, 9), np.round(day_edges, 9))
    t = t[t <= 24.0 * days]
    index = np.searchsorted(edges[:-1], t[:-1] % 24.0, side="right") - 1
    return _run(t, pressures[index], disc, state)


def hours_to_recover(history: DiscHistory, reference: float, fraction: float = 0.95) -> float:
    """First time after ``history.time[0]`` when ``fraction`` of a height deficit is regained, h.

    The deficit is ``reference - height[0]``; returns ``math.inf`` if it is never reached.

    Raises
    ------
    ValueError
        If ``history`` is not a :class:`DiscHistory`, ``reference`` is not a finite number
        or ``fraction`` is not in (0, 1].
    """
    check_instance("history", history, DiscHistory, "a DiscHistory (from simulate)")
    ref = check_number("reference", reference, "mm")
    share = check_in_range("fraction", fraction, 1e-9, 1.0)
    deficit = ref - float(history.height[0])
    reached = np.flatnonzero(ref - history.height <= (1.0 - share) * deficit)
    if not reached.size:
        return math.inf
    return float(history.time[reached[0]] - history.time[0])
