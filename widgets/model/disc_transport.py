"""Can a breath-paced waist lift pump fluid and nutrients into a disc? The numbers, from the model.

Teaching computation on :mod:`widgets.model.disc`. Assumptions:

- **The lift's pressure is not measured.** Lying supine the L4-L5 pressure is 0.10 MPa; lying
  face down with the back extended on the elbows it is 0.25 MPa (Wilke 1999). A small lift of
  the waist while lying on the back is taken to raise the pressure somewhere between the two:
  the low bound is no change at all (the session is then lying still), the high bound is the
  extended posture's 0.25 MPa during the lifted part of every breath.
- **The session** is one lift per breath at ``lift_breath_rate`` (6 a minute) for
  ``lift_minutes`` (10), the waist lifted for ``lift_duty`` (half) of each breath, starting
  from the reference evening state (``disc.evening_state``). Lying still and a night (8 h)
  start from the same state, lying supine.
- **Fluid exchanged** counts every mm3 that crosses the disc's boundary, out and in
  (gross); the net gain is what stays.
- **Péclet number** ``Pe = v L / D`` compares carriage by the flow with diffusion: ``v`` is the
  mean speed of the flow the lifts themselves drive across the two endplates (the fluid that
  moves differently from lying still, summed over every lift and release, / duration / twice
  the area; :func:`lift_flow_speed`), ``L`` the distance from an endplate to the middle of the disc,
  ``D`` a solute's diffusivity in disc tissue (glucose and oxygen in bovine annulus, fluorescein
  in human annulus; no measured value for a large molecule in disc was found, so its row is
  illustrative). ``Pe`` much below 1 means diffusion does the carrying.
- **Oscillating flow.** The lift's flow changes every half breath, so
  :func:`oscillating_flow` compares, per lift cycle, the distance the lift moves the fluid at
  an endplate with the distance a solute diffuses in half a cycle, ``sqrt(2 D t)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from widgets.data import value
from widgets.model.disc import DiscHistory, DiscParams, DiscState, simulate
from widgets.model.disc_loads import posture_pressure
from widgets.validation import check_choice, check_in_range, check_instance

#: Pressure lying on the back (the lift's low bound), MPa (Wilke 1999).
SUPINE_PRESSURE: float = posture_pressure("lying_supine", "wilke1999")
#: Pressure lying face down with the back extended (the lift's high bound), MPa (Wilke 1999).
EXTENDED_PRESSURE: float = posture_pressure("lying_prone_extended", "wilke1999")
#: Session defaults, from ``disc.csv`` (illustrative).
LIFT_BREATH_RATE: float = value("disc", "lift_breath_rate")
LIFT_DUTY: float = value("disc", "lift_duty")
LIFT_MINUTES: float = value("disc", "lift_minutes")
#: Solutes of the Péclet comparison, with their diffusivities in disc tissue, cm2/s.
SOLUTES: tuple[str, ...] = ("oxygen", "glucose", "fluorescein", "large")
DIFFUSIVITY: MappingProxyType[str, float] = MappingProxyType(
    {s: value("disc", f"diffusivity_{s}") for s in SOLUTES}
)
#: Distance from an endplate to the middle of the disc, mm.
TRANSPORT_LENGTH: float = value("disc", "transport_length")


def _params(params: object) -> DiscParams:
    if params is None:
        return DiscParams()
    return check_instance("params", params, DiscParams, "a DiscParams (or None)")


def _start(start: object) -> DiscState | None:
    if start is None:
        return None
    return check_instance("start", start, DiscState, "a DiscState (or None)")


def lift_session(
    lift_pressure: float = EXTENDED_PRESSURE,
    minutes: float = LIFT_MINUTES,
    breaths_per_minute: float = LIFT_BREATH_RATE,
    duty: float = LIFT_DUTY,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> DiscHistory:
    """A session of breath-paced waist lifts lying on the back.

    Parameters
    ----------
    lift_pressure : float
        Pressure while the waist is lifted, MPa, from the supine 0.10 (low bound: no change)
        to the extended-posture 0.25 (high bound), both Wilke 1999.
    minutes : float
        Session length, min, 0.5 to 120.
    breaths_per_minute : float
        One lift per breath, 3 to 30 breaths/min.
    duty : float
        Share of each breath with the waist lifted, 0.05 to 0.95.
    params : DiscParams, optional
        The disc.
    start : DiscState, optional
        State at the start (default: the reference evening).

    Returns
    -------
    DiscHistory
        Sampled at every lift and every release (the exchange it reports is exact).

    Raises
    ------
    ValueError
        For a value out of range, NaN, a bool or a wrong type (naming it and the range).
    """
    high = check_in_range("lift_pressure", lift_pressure, SUPINE_PRESSURE, EXTENDED_PRESSURE, "MPa")
    length = check_in_range("minutes", minutes, 0.5, 120.0, "min")
    rate = check_in_range("breaths_per_minute", breaths_per_minute, 3.0, 30.0, "breaths/min")
    share = check_in_range("duty", duty, 0.05, 0.95)
    disc, state = _params(params), _start(start)
    period = 1.0 / (rate * 60.0)  # h
    n = int(np.floor(length / 60.0 / period + 1e-9))
    starts = np.arange(n) * period
    times = np.empty(2 * n + 1)
    times[0:-1:2] = starts
    times[1:-1:2] = starts + share * period
    times[-1] = n * period
    loads = np.tile([high, SUPINE_PRESSURE], n)
    return simulate(times, loads, disc, state)


def lying_still(
    minutes: float = LIFT_MINUTES,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> DiscHistory:
    """Lying on the back without moving for ``minutes`` (0.5 to 1440 min).

    Raises
    ------
    ValueError
        For a bad value (naming it and the range).
    """
    length = check_in_range("minutes", minutes, 0.5, 1440.0, "min")
    disc, state = _params(params), _start(start)
    times = np.linspace(0.0, length / 60.0, 61)
    return simulate(times, np.full(60, SUPINE_PRESSURE), disc, state)


def night(
    hours: float = 8.0, params: DiscParams | None = None, start: DiscState | None = None
) -> DiscHistory:
    """A night lying on the back for ``hours`` (1 to 14 h) from the reference evening.

    Raises
    ------
    ValueError
        For a bad value (naming it and the range).
    """
    length = check_in_range("hours", hours, 1.0, 14.0, "h")
    return lying_still(length * 60.0, params, start)


@dataclass(frozen=True)
class FluidComparison:
    """Fluid moved by a lift session, by lying still as long, and by a night, mm3.

    Attributes
    ----------
    lift_exchanged_low, lift_exchanged_high : float
        Gross exchange (out and in) of the session at the low and high bound of the lift's
        pressure, mm3.
    lift_net_low, lift_net_high : float
        Net fluid gained by the session at each bound, mm3.
    still_exchanged, still_net : float
        Gross exchange and net gain of lying still as long, mm3.
    night_net : float
        Net fluid gained by the night, mm3.
    """

    lift_exchanged_low: float
    lift_exchanged_high: float
    lift_net_low: float
    lift_net_high: float
    still_exchanged: float
    still_net: float
    night_net: float

    @property
    def night_per_session(self) -> float:
        """How many times more fluid a night brings in than the session (high bound)."""
        return self.night_net / self.lift_net_high if self.lift_net_high > 0 else float("inf")


def compare_fluid(
    minutes: float = LIFT_MINUTES,
    night_hours: float = 8.0,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> FluidComparison:
    """The key comparison: a session of lifts vs lying still as long vs a night.

    Parameters
    ----------
    minutes : float
        Session length, min (0.5 to 120).
    night_hours : float
        Length of the night, h (1 to 14).
    params : DiscParams, optional
        The disc.
    start : DiscState, optional
        State at the start of all three (default: the reference evening).

    Raises
    ------
    ValueError
        For a bad value (naming it and the range).
    """
    length = check_in_range("minutes", minutes, 0.5, 120.0, "min")
    hours = check_in_range("night_hours", night_hours, 1.0, 14.0, "h")
    disc, state = _params(params), _start(start)
    low = lift_session(SUPINE_PRESSURE, length, params=disc, start=state)
    high = lift_session(EXTENDED_PRESSURE, length, params=disc, start=state)
    still = lying_still(length, disc, state)
    rest = night(hours, disc, state)
    return FluidComparison(
        lift_exchanged_low=low.exchanged,
        lift_exchanged_high=high.exchanged,
        lift_net_low=low.net_gain,
        lift_net_high=high.net_gain,
        still_exchanged=still.exchanged,
        still_net=still.net_gain,
        night_net=rest.net_gain,
    )


def flow_speed(history: DiscHistory, params: DiscParams | None = None) -> float:
    """Mean speed of fluid across the two endplates during a history, m/s.

    Gross exchange / duration / (2 x area): the fluid is taken to cross both endplates evenly.

    Raises
    ------
    ValueError
        If ``history`` is not a :class:`DiscHistory` or ``params`` not a :class:`DiscParams`.
    """
    check_instance("history", history, DiscHistory, "a DiscHistory (from simulate)")
    disc = _params(params)
    seconds = float(history.time[-1] - history.time[0]) * 3600.0
    return history.exchanged / seconds / (2.0 * disc.area) * 1e-3  # mm/s -> m/s


def lift_flow_speed(
    lift_pressure: float = EXTENDED_PRESSURE,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> float:
    """Mean speed of the flow the lifts themselves drive across the endplates, m/s.

    The default session is compared with lying still over the same times; the fluid that
    moves differently (summed over every lift and release, both compartments) divided by the
    duration and twice the area is the lift's own flow: what a "pump" could add.

    Raises
    ------
    ValueError
        For a bad pressure (see :func:`lift_session`) or wrong types.
    """
    disc, state = _params(params), _start(start)
    session = lift_session(lift_pressure, params=disc, start=state)
    still = simulate(session.time, np.full(session.time.size - 1, SUPINE_PRESSURE), disc, state)
    moved = np.abs(np.diff(session.fast - still.fast)).sum()
    moved += np.abs(np.diff(session.slow - still.slow)).sum()
    seconds = float(session.time[-1] - session.time[0]) * 3600.0
    return float(moved) / seconds / (2.0 * disc.area) * 1e-3


def peclet(solute: str, speed: float, length: float = TRANSPORT_LENGTH) -> float:
    """Péclet number ``v L / D`` of a solute: carriage by flow over diffusion (dimensionless).

    Parameters
    ----------
    solute : str
        One of :data:`SOLUTES` (its diffusivity from ``disc.csv``).
    speed : float
        Fluid speed, m/s, 0 to 1e-3.
    length : float
        Transport distance, mm, 0.01 to 100 (default: endplate to mid-disc).

    Raises
    ------
    ValueError
        For an unknown solute or a value out of range (naming it and what is allowed).
    """
    name = check_choice("solute", solute, SOLUTES)
    v = check_in_range("speed", speed, 0.0, 1e-3, "m/s")
    size = check_in_range("length", length, 0.01, 100.0, "mm")
    return v * size * 1e-3 / (DIFFUSIVITY[name] * 1e-4)


def lift_peclet_numbers(
    params: DiscParams | None = None, start: DiscState | None = None
) -> MappingProxyType[str, float]:
    """Péclet number of every solute at the lift's own flow speed.

    The speed is :func:`lift_flow_speed` at the high bound of the lift's pressure.

    Raises
    ------
    ValueError
        If ``params`` or ``start`` has the wrong type.
    """
    speed = lift_flow_speed(EXTENDED_PRESSURE, params, start)
    return MappingProxyType({s: peclet(s, speed) for s in SOLUTES})


@dataclass(frozen=True)
class OscillatingFlow:
    """Per lift cycle: how far the lift moves the fluid, and how far each solute diffuses.

    Attributes
    ----------
    period_s : float
        One lift cycle (one breath), s.
    displacement_um : float
        Fluid displacement at each endplate that the lift adds to lying still, per cycle, µm.
    diffusion_um : mapping of str to float
        Distance each solute of :data:`SOLUTES` diffuses in half a cycle, ``sqrt(2 D t)``, µm.
    """

    period_s: float
    displacement_um: float
    diffusion_um: MappingProxyType[str, float]

    @property
    def ratio(self) -> MappingProxyType[str, float]:
        """Displacement per cycle / diffusion distance in half a cycle, for each solute."""
        return MappingProxyType({s: self.displacement_um / d for s, d in self.diffusion_um.items()})


def oscillating_flow(
    lift_pressure: float = EXTENDED_PRESSURE,
    breaths_per_minute: float = LIFT_BREATH_RATE,
    params: DiscParams | None = None,
    start: DiscState | None = None,
) -> OscillatingFlow:
    """Fluid moved by one lift against the distance a solute diffuses in half a cycle.

    The displacement is the fluid that the default session (:func:`lift_session`) moves
    differently from lying still, per cycle, spread over both endplates (volume / (2 x
    area)): the stroke of the "pump" at the endplate. The diffusion distance is
    ``sqrt(2 D t)`` with ``t`` half a cycle and ``D`` each solute's diffusivity.

    Why a steady-flow Péclet number (:func:`peclet`) overstates what this flow carries:
    ``v L / D`` assumes the flow keeps going one way over the whole transport distance ``L``
    (endplate to mid-disc, 5.6 mm). The lift's flow changes every half breath (in this model
    the lifted half slows the inflow of lying down and the lowered half lets it resume), so
    in one cycle the lift moves the fluid only ``v t`` (a fraction of a µm) before the next
    half halts or reverses it; a to-and-fro flow carries no solute on balance, only the net
    flow does. In the same half cycle diffusion spreads a solute over ``sqrt(2 D t)``, tens of µm.
    The fair comparison for an oscillating flow is therefore stroke against diffusion distance
    over the same time; when the ratio is far below 1, the flow is a ripple on diffusion, even
    for a large, slow molecule whose steady Péclet number is above 1.

    Parameters
    ----------
    lift_pressure : float
        Pressure while the waist is lifted, MPa (0.10 to 0.25, see :func:`lift_session`).
    breaths_per_minute : float
        One lift per breath, 3 to 30 breaths/min.
    params : DiscParams, optional
        The disc.
    start : DiscState, optional
        State at the start (default: the reference evening).

    Raises
    ------
    ValueError
        For a value out of range, NaN, a bool or a wrong type (naming it and the range).
    """
    rate = check_in_range("breaths_per_minute", breaths_per_minute, 3.0, 30.0, "breaths/min")
    disc, state = _params(params), _start(start)
    session = lift_session(lift_pressure, breaths_per_minute=rate, params=disc, start=state)
    still = simulate(session.time, np.full(session.time.size - 1, SUPINE_PRESSURE), disc, state)
    moved = np.abs(np.diff(session.fast - still.fast)).sum()
    moved += np.abs(np.diff(session.slow - still.slow)).sum()
    cycles = (session.time.size - 1) // 2
    period = 60.0 / rate  # s
    displacement = float(moved) / cycles / (2.0 * disc.area) * 1e3  # mm -> µm
    half = period / 2.0
    diffusion = {s: math.sqrt(2.0 * DIFFUSIVITY[s] * 1e-4 * half) * 1e6 for s in SOLUTES}
    return OscillatingFlow(period, displacement, MappingProxyType(diffusion))
