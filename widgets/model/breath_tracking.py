"""The breath's cycle phase over time: one step at a time, or along a changing tempo.

The breath itself (:class:`~widgets.model.breath.BreathPattern`, the phases and the breath
fraction at a cycle phase) is :mod:`widgets.model.breath`; this module moves the cycle phase
``u`` on in time. Assumptions, beyond the breath model's own:

* ``u`` advances at ``1 / (f * P)`` per second, with ``P`` the period of the pattern in force
  and ``f`` the tracked cycle's length in breath periods (1 for the breath,
  :data:`~widgets.model.breath.LIFT_INDEPENDENT_PERIOD_FACTOR` for the independent lift).
* A tempo change changes that speed, never ``u`` itself, so the picture never jumps; between
  two samples the tempo is the one of the earlier sample (piecewise constant).
* A step longer than :data:`MAX_STEP_SECONDS` (one day) is refused: after a longer pause the
  phase carries no meaning.

Times are in seconds, tempos in breaths per minute; phases are fractions of a period in
``[0, 1)``. Every public function checks its input at the call, before any work, and raises a
``ValueError`` naming the parameter, the value and what is allowed.

This module is the reference for ``advance`` in ``widgets/views/breath_cycle.js`` (the
browser's copy of the breath); ``tests/browser/test_breath_spec.py`` holds the two equal to
1e-9. Change both together.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from widgets.model.breath import TEMPO_RANGE, BreathPattern, Floats, check_phase
from widgets.validation import check_in_range, check_instance, check_values, describe

#: What a pattern argument must be, for the error message.
_PATTERN = "a BreathPattern (from widgets.model.breath)"

#: Allowed ``period_factor`` of :func:`advance` and :func:`phase_track` (dimensionless).
PERIOD_FACTOR_RANGE: tuple[float, float] = (0.1, 10.0)

#: Longest time step of :func:`advance`, and between two times of :func:`phase_track`, s:
#: one day (86 400 s). A course choice (course-assumption), not a physiological value: the
#: animation asks for one frame (about 1/60 s) at a time, and after a pause of more than a
#: day the phase it would resume at carries no meaning, while a step of 1e308 s leaves
#: nothing of the phase but rounding error.
MAX_STEP_SECONDS: float = 86_400.0


def _wrap_phase(u: np.ndarray) -> np.ndarray:
    """``u mod 1`` in ``[0, 1)`` (``np.mod`` can round a tiny negative up to exactly 1)."""
    w = np.mod(u, 1.0)
    return np.where(w >= 1.0, 0.0, w)


def advance(u: Floats, dt: Floats, pattern: BreathPattern, period_factor: float = 1.0) -> Floats:
    """Cycle phase after ``dt`` seconds at a constant pattern: ``(u + dt / (f * P)) mod 1``.

    Parameters
    ----------
    u : float or array
        Current cycle phase, in ``[0, 1]``.
    dt : float or array
        Time step, s, from 0 to :data:`MAX_STEP_SECONDS` (one day).
    pattern : BreathPattern
        The breath; ``P = pattern.period`` in s.
    period_factor : float
        ``f``: the tracked cycle lasts ``f`` breath periods (1 for the breath itself,
        :data:`~widgets.model.breath.LIFT_INDEPENDENT_PERIOD_FACTOR` for the independent lift).

    Returns
    -------
    float or array
        New phase in ``[0, 1)``.

    Raises
    ------
    ValueError
        If ``pattern`` is not a :class:`BreathPattern`, any ``u`` lies outside ``[0, 1]``,
        any ``dt`` outside 0 to :data:`MAX_STEP_SECONDS`, or ``period_factor`` outside
        :data:`PERIOD_FACTOR_RANGE` (NaN, infinities and bools are refused too).
    """
    checked = check_instance("pattern", pattern, BreathPattern, _PATTERN)
    uu = check_phase("u", u)
    step = check_values("dt", dt, 0.0, MAX_STEP_SECONDS, "s")
    f = check_in_range("period_factor", period_factor, *PERIOD_FACTOR_RANGE)
    return _wrap_phase(uu + step / (f * checked.period))[()]


def phase_track(
    times: npt.ArrayLike,
    tempos: npt.ArrayLike,
    base: BreathPattern | None = None,
    *,
    u0: float = 0.0,
    period_factor: float = 1.0,
) -> npt.NDArray[np.float64]:
    """Cycle phase at each sample time while the tempo changes, without phase jumps.

    Integrates ``du/dt = 1 / (f * P(t))``: the tempo ``tempos[i]`` holds from ``times[i]``
    to ``times[i+1]`` (piecewise constant), so ``u[0] = u0`` and
    ``u[i+1] = u[i] + (times[i+1] - times[i]) / (f * P[i])``, all mod 1.

    Parameters
    ----------
    times : array
        Sample times, s, 1-D, non-decreasing (a repeated time marks "just before / just
        after" a change and gets the same ``u``), at most :data:`MAX_STEP_SECONDS` apart.
    tempos : float or array
        Tempo at each sample, breaths/min, in :data:`TEMPO_RANGE`; broadcast to ``times``.
    base : BreathPattern, optional
        Supplies the exhale ratio and holds (its tempo is ignored). Default
        ``BreathPattern()``.
    u0 : float
        Phase at ``times[0]``: one number in ``[0, 1]``.
    period_factor : float
        ``f``, as in :func:`advance`.

    Returns
    -------
    array
        Phase at each sample, in ``[0, 1)``, same shape as ``times``.

    Raises
    ------
    ValueError
        For a ``base`` that is neither a :class:`BreathPattern` nor ``None``, non-finite or
        decreasing times or two times more than :data:`MAX_STEP_SECONDS` apart, out-of-range
        tempos, ``u0`` (also when it is not one number) or ``period_factor``, bools, or if
        ``tempos`` does not broadcast to ``times``.
    """
    if base is not None:
        check_instance("base", base, BreathPattern, "a BreathPattern or None")
    base = BreathPattern() if base is None else base
    t = check_values("times", times, -math.inf, math.inf, "s")
    if t.ndim != 1:
        raise ValueError(f"times must be 1-D, got shape {t.shape}")
    tempo = check_values("tempos", tempos, *TEMPO_RANGE, "breaths/min")
    try:
        tempo = np.broadcast_to(tempo, t.shape)
    except ValueError:
        raise ValueError(
            f"tempos must be one value or one per time: got shape {tempo.shape} "
            f"for times of shape {t.shape}"
        ) from None
    for i in np.flatnonzero(np.diff(t) < 0):  # times must not go backwards
        check_in_range(f"times[{i + 1}]", float(t[i + 1]), float(t[i]), math.inf, "s")
    for i in np.flatnonzero(np.diff(t) > MAX_STEP_SECONDS):  # nor leap by more than a day
        low = float(t[i])
        check_in_range(f"times[{i + 1}]", float(t[i + 1]), low, low + MAX_STEP_SECONDS, "s")
    u_start = check_phase("u0", u0)
    if u_start.ndim != 0:
        raise ValueError(
            f"u0 must be one number from 0 to 1 (the phase at times[0]), got {describe(u0)}"
        )
    start = float(u_start)
    f = check_in_range("period_factor", period_factor, *PERIOD_FACTOR_RANGE)
    period = 60.0 / tempo + base.hold_after_inhale + base.hold_after_exhale
    if t.size == 0:
        return t
    steps = np.diff(t) / (f * period[:-1])
    return _wrap_phase(start + np.concatenate([[0.0], np.cumsum(steps)]))
