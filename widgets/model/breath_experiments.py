"""The breath-and-lying sandbox's breath-timing experiments (``notebooks/breath-and-lying.ipynb``).

Small functions over :mod:`widgets.model.breath` and :mod:`widgets.model.breath_tracking`:
each runs the breath model over time and returns what the notebook plots and what its answers
quote (the traces per mode, a change of tempo, the independent lift against the breath). They
add no physiology of their own; the lying body's experiments are in
:mod:`widgets.model.lying_experiments`. Units: s, breaths/min; phases and fractions are 0 to 1.
Assumptions, beyond the breath model's own:

- **Time grid.** Traces are sampled every ``step`` seconds from 0 and start at phase 0 (the
  bottom of the breath, the waist down). Quantities read off a trace (the share of time the
  waist and the breath move in opposite directions) are as fine as the grid.
- **"Naive" tempo change.** :func:`tempo_change` also gives the phase a program would show if
  it computed the phase afresh from the clock at the new tempo (``t / period mod 1``), to show
  the jump that :func:`widgets.model.breath_tracking.phase_track` avoids. Nobody uses it; it is
  the mistake the model is built not to make.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from widgets.model.breath import (
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    TEMPO_RANGE,
    BreathPattern,
    lift_and_breath,
)
from widgets.model.breath_tracking import phase_track
from widgets.validation import check_choice, check_in_range, check_instance

#: Allowed length of a trace, s (a course limit: ten minutes).
SECONDS_RANGE: tuple[float, float] = (1.0, 600.0)
#: Allowed sampling step of a trace, s (a course limit).
STEP_RANGE: tuple[float, float] = (0.001, 1.0)


def _pattern(pattern: object) -> BreathPattern:
    if pattern is None:
        return BreathPattern()
    return check_instance("pattern", pattern, BreathPattern, "a BreathPattern or None")


def _times(seconds: object, step: object) -> np.ndarray:
    total = check_in_range("seconds", seconds, *SECONDS_RANGE, "s")
    dt = check_in_range("step", step, *STEP_RANGE, "s")
    n = round(total / dt)
    return np.linspace(0.0, n * dt, n + 1)


@dataclass(frozen=True, eq=False)
class BreathTrace:
    """The breath and the waist lift against time in one exercise mode.

    Attributes
    ----------
    mode : str
        One of :data:`widgets.model.breath.MODES`.
    time : ndarray
        Sample times, s.
    phase : ndarray
        Breath cycle phase (0 to 1).
    lift_phase : ndarray
        The lift's own cycle phase in "lift-independent" (its cycle lasts
        :data:`~widgets.model.breath.LIFT_INDEPENDENT_PERIOD_FACTOR` breath periods); equal to
        ``phase`` in the other modes.
    breath, lift : ndarray
        Breath fraction (0 out, 1 in) and waist-lift fraction (0 down, 1 up).
    """

    mode: str
    time: np.ndarray
    phase: np.ndarray
    lift_phase: np.ndarray
    breath: np.ndarray
    lift: np.ndarray


def breath_trace(
    mode: str = "lift-with-breath",
    pattern: BreathPattern | None = None,
    seconds: float = 60.0,
    step: float = 0.05,
) -> BreathTrace:
    """Breath and lift every ``step`` s for ``seconds`` s at a constant pattern.

    Parameters
    ----------
    mode : str
        One of :data:`~widgets.model.breath.MODES`.
    pattern : BreathPattern, optional
        Tempo, ratio and holds; default ``BreathPattern()`` (6/min, 1:1, no holds).
    seconds : float
        Length of the trace, s, in :data:`SECONDS_RANGE`.
    step : float
        Sampling step, s, in :data:`STEP_RANGE`.

    Raises
    ------
    ValueError
        For an unknown mode, a ``pattern`` that is neither a ``BreathPattern`` nor ``None``,
        or ``seconds`` or ``step`` outside its range (the message names it).
    """
    check_choice("mode", mode, MODES)
    checked = _pattern(pattern)
    t = _times(seconds, step)
    u = phase_track(t, checked.tempo, checked)
    lift_u = u
    if mode == "lift-independent":
        lift_u = phase_track(
            t, checked.tempo, checked, period_factor=LIFT_INDEPENDENT_PERIOD_FACTOR
        )
    lift, breath = lift_and_breath(mode, checked, u, lift_u)
    return BreathTrace(
        mode=mode,
        time=t,
        phase=u,
        lift_phase=lift_u,
        breath=np.asarray(breath, dtype=float),
        lift=np.asarray(lift, dtype=float),
    )


@dataclass(frozen=True, eq=False)
class TempoChange:
    """The breath phase across one change of tempo.

    Attributes
    ----------
    time, tempo : ndarray
        Sample times, s, and the tempo in force at each, breaths/min.
    phase : ndarray
        Phase from :func:`~widgets.model.breath_tracking.phase_track`: the tempo changes its speed.
    naive : ndarray
        ``t / period mod 1`` with the period of the tempo in force: the phase jumps.
    jump : float
        How far ``naive`` jumps at the change, fraction of a cycle (0 to 0.5, either way).
    breath_before, breath_after : float
        Breath fraction of the naive phase just before and just after the change.
    """

    time: np.ndarray
    tempo: np.ndarray
    phase: np.ndarray
    naive: np.ndarray
    jump: float
    breath_before: float
    breath_after: float


def tempo_change(
    before: float = 6.0,
    after: float = 12.0,
    change_at: float = 25.0,
    seconds: float = 50.0,
    step: float = 0.05,
) -> TempoChange:
    """The phase when the tempo changes from ``before`` to ``after`` at ``change_at`` s.

    The ratio is 1:1 with no holds (``BreathPattern()``), so the period is ``60 / tempo``.

    Parameters
    ----------
    before, after : float
        Tempos, breaths/min, in :data:`~widgets.model.breath.TEMPO_RANGE`.
    change_at : float
        Time of the change, s, from 0 to ``seconds``.
    seconds, step : float
        Length and sampling step of the trace, s (:data:`SECONDS_RANGE`, :data:`STEP_RANGE`).

    Raises
    ------
    ValueError
        If a tempo or time is not a number in its range (the message names it).
    """
    first = check_in_range("before", before, *TEMPO_RANGE, "breaths/min")
    second = check_in_range("after", after, *TEMPO_RANGE, "breaths/min")
    t = _times(seconds, step)
    at = check_in_range("change_at", change_at, 0.0, float(t[-1]), "s")
    tempo = np.where(t < at, first, second)
    phase = phase_track(t, tempo)
    naive = np.mod(t * tempo / 60.0, 1.0)
    u_before, u_after = math.fmod(at * first / 60.0, 1.0), math.fmod(at * second / 60.0, 1.0)
    jump = abs(u_after - u_before)
    pattern = BreathPattern()
    _, b0 = lift_and_breath("breath-only", pattern, u_before)
    _, b1 = lift_and_breath("breath-only", pattern, u_after)
    return TempoChange(
        time=t,
        tempo=tempo,
        phase=phase,
        naive=naive,
        jump=min(jump, 1.0 - jump),
        breath_before=float(b0),
        breath_after=float(b1),
    )


@dataclass(frozen=True, eq=False)
class LiftAgainstBreath:
    """The lift-independent mode over a stretch of time.

    Attributes
    ----------
    trace : BreathTrace
        The trace in "lift-independent".
    opposite_share : float
        Share of the time (0 to 1) in which the waist rises while the breath falls, or the
        other way round.
    breath_tops, lift_tops : tuple of float
        Times of the top of each breath and each lift within the trace, s.
    realign_seconds : float
        Time after which both cycles are back at their start together, s: the smallest
        whole number of breath periods that is also a whole number of lift periods.
    breaths_per_realign, lifts_per_realign : int
        Those whole numbers.
    """

    trace: BreathTrace
    opposite_share: float
    breath_tops: tuple[float, ...]
    lift_tops: tuple[float, ...]
    realign_seconds: float
    breaths_per_realign: int
    lifts_per_realign: int


def _tops(time: np.ndarray, curve: np.ndarray) -> tuple[float, ...]:
    """Times of the local maxima of a smooth 0-1 curve that reach 1 (within the grid)."""
    inner = (curve[1:-1] >= curve[:-2]) & (curve[1:-1] > curve[2:]) & (curve[1:-1] > 0.99)
    return tuple(float(x) for x in time[1:-1][inner])


def lift_against_breath(
    pattern: BreathPattern | None = None, seconds: float = 60.0, step: float = 0.01
) -> LiftAgainstBreath:
    """How the waist lift and the breath drift apart in "lift-independent" mode.

    Parameters
    ----------
    pattern : BreathPattern, optional
        The breath; default ``BreathPattern()``.
    seconds, step : float
        Length and sampling step of the trace, s (:data:`SECONDS_RANGE`, :data:`STEP_RANGE`).

    Raises
    ------
    ValueError
        As :func:`breath_trace`.
    """
    checked = _pattern(pattern)
    trace = breath_trace("lift-independent", checked, seconds, step)
    rising_breath = np.diff(trace.breath)
    rising_lift = np.diff(trace.lift)
    moving = (np.abs(rising_breath) > 1e-12) & (np.abs(rising_lift) > 1e-12)
    opposite = moving & (np.sign(rising_breath) != np.sign(rising_lift))
    factor = Fraction(LIFT_INDEPENDENT_PERIOD_FACTOR).limit_denominator(1000)
    return LiftAgainstBreath(
        trace=trace,
        opposite_share=float(opposite.mean()),
        breath_tops=_tops(trace.time, trace.breath),
        lift_tops=_tops(trace.time, trace.lift),
        realign_seconds=factor.numerator * checked.period,
        breaths_per_realign=factor.numerator,
        lifts_per_realign=factor.denominator,
    )
