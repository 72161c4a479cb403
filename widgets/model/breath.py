"""A paced-breathing cycle and the waist lift that can follow it: a teaching model.

Assumptions (it is a teaching model, not respiratory physiology):

* The breath is one number, the *breath fraction*: 0 = fully out, 1 = fully in. No lung
  volumes, no tidal volume, no flow rates.
* The breath is paced, not measured: tempo, inhale:exhale ratio and holds are set by the
  learner. One cycle is inhale, hold after inhale, exhale, hold after exhale; a hold of
  zero length is skipped.
* Inhale and exhale follow a raised cosine (half a cosine wave), so the breath is
  smooth and has zero speed at each turning point. Real breathing is not this symmetric
  (the exhale is largely passive); the shape is chosen because it is gentle to follow
  and simple to mirror exactly in the browser.
* The cycle phase ``u`` in ``[0, 1)`` is the fraction of one period elapsed. A tempo
  change changes how fast ``u`` advances, never ``u`` itself, so the picture never jumps.
* In the lesson the waist lifts on the inhale and lowers on the exhale ("lift-with-breath");
  that pairing is a course choice for pacing, not a physiological claim. In the
  Feldenkrais-style variation ("lift-independent", Feldenkrais 1972) the pelvis keeps its
  own slower rhythm, :data:`LIFT_INDEPENDENT_PERIOD_FACTOR` times the breath period.

Times are in seconds, tempos in breaths per minute. Functions that take a phase accept
a float or a numpy array and are vectorised over it.

Every public function checks its input at the call, before any work, and raises a
``ValueError`` naming the parameter, the value and what is allowed: a pattern that is not a
:class:`BreathPattern`, a phase outside ``[0, 1]``, a bool where a number is due (numpy would
read ``True`` as 1), or a time step beyond :data:`MAX_STEP_SECONDS` (one day).

This module is the reference for the breath in the browser: ``widgets/views/breath_cycle.js``
(inlined into the animator's and the session player's ES modules) exports the same cycle bounds,
profile, phase index, ``advance`` and lift-per-mode functions (frame by frame, its ``advance`` at
each frame's tempo is :func:`phase_track`), and ``tests/browser/test_breath_spec.py`` holds the two
equal to 1e-9 over a property-based grid of tempos, ratios, holds, modes and phases. Change both
together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from widgets.validation import check_choice, check_in_range, check_instance, describe

#: A float or an array of floats. Scalar inputs give numpy scalars (``np.float64``).
Floats = float | npt.NDArray[np.float64]

#: Allowed tempo, breaths/min. Slow breathing is 4–10/min (Russo 2017), resting adults
#: breathe 12–20/min (clinical-rr); 3–30 covers both with a margin.
TEMPO_RANGE: tuple[float, float] = (3.0, 30.0)
#: Allowed exhale ratio k of inhale:exhale = 1:k (dimensionless).
EXHALE_RATIO_RANGE: tuple[float, float] = (1.0, 3.0)
#: Allowed length of each hold, s.
HOLD_RANGE: tuple[float, float] = (0.0, 10.0)

#: Citation keys (``widgets/data/references.toml``) behind each default of :class:`BreathPattern`.
DEFAULT_SOURCES: dict[str, tuple[str, ...]] = {
    "tempo": ("rf-breathing2017", "shaffer2020"),
    "exhale_ratio": ("lin2014",),
    "hold_after_inhale": ("course-assumption",),
    "hold_after_exhale": ("course-assumption",),
}

#: Phases of one breath cycle, in order.
PHASES: tuple[str, ...] = ("inhale", "hold-in", "exhale", "hold-out")

#: Spoken cues when the waist lifts with the breath.
CUES: dict[str, str] = {
    "inhale": "Breathe in, lift the waist",
    "hold-in": "Hold gently",
    "exhale": "Breathe out, relax",
    "hold-out": "Rest",
}
#: Spoken cues when only the breath is paced (modes "breath-only" and "lift-independent").
BREATH_ONLY_CUES: dict[str, str] = {
    "inhale": "Breathe in",
    "hold-in": "Hold gently",
    "exhale": "Breathe out",
    "hold-out": "Rest",
}

#: Exercise modes: waist lift paced by the breath, breath alone, or lift on its own rhythm.
MODES: tuple[str, ...] = ("lift-with-breath", "breath-only", "lift-independent")

#: In "lift-independent" mode the lift cycle lasts this many breath periods, so lift and
#: breath drift in and out of step (8 breaths = 5 lifts). A teaching choice
#: (course-assumption), not a published value.
LIFT_INDEPENDENT_PERIOD_FACTOR: float = 1.6

#: Allowed ``period_factor`` of :func:`advance` and :func:`phase_track` (dimensionless).
PERIOD_FACTOR_RANGE: tuple[float, float] = (0.1, 10.0)

#: Longest time step of :func:`advance`, and between two times of :func:`phase_track`, s:
#: one day (86 400 s). A course choice (course-assumption), not a physiological value: the
#: animation asks for one frame (about 1/60 s) at a time, and after a pause of more than a
#: day the phase it would resume at carries no meaning, while a step of 1e308 s leaves
#: nothing of the phase but rounding error.
MAX_STEP_SECONDS: float = 86_400.0


@dataclass(frozen=True)
class BreathPattern:
    """A paced breath: tempo, inhale:exhale ratio and the two holds.

    Parameters
    ----------
    tempo : float
        Breaths per minute, in :data:`TEMPO_RANGE`. Default 6/min, the "resonance" rate of
        slow paced breathing (rf-breathing2017, shaffer2020).
    exhale_ratio : float
        k in inhale:exhale = 1:k, in :data:`EXHALE_RATIO_RANGE`. Default 1 (equal inhale and
        exhale; Lin 2014 found 1:1 at 5.5/min raised heart-rate variability most).
    hold_after_inhale : float
        Hold at the top of the breath, s, in :data:`HOLD_RANGE`. Default 0.
    hold_after_exhale : float
        Rest at the bottom of the breath, s, in :data:`HOLD_RANGE`. Default 0.

    Raises
    ------
    ValueError
        If a field is not a finite real number (bools excluded) or lies outside its range;
        the message names the field, the value and the allowed range.

    Notes
    -----
    The tempo counts inhale + exhale only: holds make the cycle longer than ``60/tempo``.
    """

    tempo: float = 6.0
    exhale_ratio: float = 1.0
    hold_after_inhale: float = 0.0
    hold_after_exhale: float = 0.0

    def __post_init__(self) -> None:
        ranges = {
            "tempo": (*TEMPO_RANGE, "breaths/min"),
            "exhale_ratio": (*EXHALE_RATIO_RANGE, ""),
            "hold_after_inhale": (*HOLD_RANGE, "s"),
            "hold_after_exhale": (*HOLD_RANGE, "s"),
        }
        for f in fields(self):
            low, high, unit = ranges[f.name]
            checked = check_in_range(f.name, getattr(self, f.name), low, high, unit)
            object.__setattr__(self, f.name, checked)

    @property
    def breath_seconds(self) -> float:
        """Inhale + exhale time, s: ``60 / tempo``."""
        return 60.0 / self.tempo

    @property
    def inhale_seconds(self) -> float:
        """Inhale time, s: ``breath_seconds / (1 + k)``."""
        return self.breath_seconds / (1.0 + self.exhale_ratio)

    @property
    def exhale_seconds(self) -> float:
        """Exhale time, s: ``breath_seconds * k / (1 + k)``."""
        return self.breath_seconds * self.exhale_ratio / (1.0 + self.exhale_ratio)

    @property
    def period(self) -> float:
        """Length of one full cycle, s: ``breath_seconds`` plus both holds."""
        return self.breath_seconds + self.hold_after_inhale + self.hold_after_exhale


def _check_pattern(name: str, value: object) -> BreathPattern:
    """Return ``value`` if it is a :class:`BreathPattern`, else raise a ``ValueError``."""
    return check_instance(name, value, BreathPattern, "a BreathPattern (from widgets.model.breath)")


def _holds_bool(values: object) -> bool:
    """True if ``values``, or a list or tuple nested in it, holds a bool."""
    if isinstance(values, bool | np.bool_):
        return True
    return isinstance(values, list | tuple) and any(_holds_bool(v) for v in values)


def _check_values(name: str, values: object, low: float, high: float, unit: str = "") -> np.ndarray:
    """Return ``values`` as a float array after :func:`check_in_range` on each element.

    Bools are refused (numpy would read ``True`` among numbers as 1), and so is a ragged
    nesting numpy cannot turn into an array.
    """
    try:
        arr = np.asarray(values)
    except (TypeError, ValueError):  # ragged nesting
        raise ValueError(
            f"{name} must be a number or an array of numbers, got {describe(values)}"
        ) from None
    if arr.dtype.kind in "iuf":
        if isinstance(values, list | tuple) and _holds_bool(values):
            raise ValueError(f"{name} must hold numbers, not booleans, got {describe(values)}")
        arr = arr.astype(float)
        bad = ~(np.isfinite(arr) & (arr >= low) & (arr <= high))
        if bad.any():
            where = tuple(int(i) for i in np.unravel_index(np.argmax(bad), bad.shape))
            label = f"{name}[{', '.join(map(str, where))}]" if where else name
            check_in_range(label, float(arr[where]), low, high, unit)
        return arr
    if arr.ndim == 0 and not isinstance(values, np.ndarray):  # shown as given: numpy drops NULs
        check_in_range(name, values, low, high, unit)
    for where, item in np.ndenumerate(arr):
        label = f"{name}[{', '.join(map(str, where))}]" if where else name
        value = item.item() if isinstance(item, np.generic) else item
        check_in_range(label, value, low, high, unit)
    return arr.astype(float)


def _phase(name: str, u: object) -> np.ndarray:
    """Checked cycle phase as a float array in ``[0, 1)``; ``1`` is the same point as ``0``."""
    arr = _check_values(name, u, 0.0, 1.0)
    return np.where(arr >= 1.0, 0.0, arr)


def _wrap_phase(u: np.ndarray) -> np.ndarray:
    """``u mod 1`` in ``[0, 1)`` (``np.mod`` can round a tiny negative up to exactly 1)."""
    w = np.mod(u, 1.0)
    return np.where(w >= 1.0, 0.0, w)


def _bounds(pattern: BreathPattern) -> tuple[float, float, float]:
    """Ends of inhale, hold-in and exhale as fractions of the period: ``(a, b, c)``."""
    p = pattern.period
    a = pattern.inhale_seconds / p
    b = (pattern.inhale_seconds + pattern.hold_after_inhale) / p
    c = 1.0 - pattern.hold_after_exhale / p
    return a, b, c


def phase_bounds(pattern: BreathPattern) -> dict[str, tuple[float, float]]:
    """Start and end of each phase as fractions of the period, in cycle order.

    Phases of zero length (a hold of 0 s) are left out. Each phase covers ``[start, end)``;
    the bounds are ``a = Ti / P``, ``b = (Ti + Hin) / P`` and ``c = 1 - Hout / P`` with
    ``Ti`` the inhale time, ``Hin`` and ``Hout`` the holds and ``P`` the period (all s).

    Raises
    ------
    ValueError
        If ``pattern`` is not a :class:`BreathPattern`.
    """
    a, b, c = _bounds(_check_pattern("pattern", pattern))
    spans = dict(zip(PHASES, [(0.0, a), (a, b), (b, c), (c, 1.0)], strict=True))
    return {name: span for name, span in spans.items() if span[1] > span[0]}


def phase_index(pattern: BreathPattern, u: Floats) -> npt.NDArray[np.int_]:
    """Index into :data:`PHASES` of the phase at cycle phase ``u`` (vectorised).

    ``u`` must lie in ``[0, 1]`` (``1`` counts as ``0``). Zero-length holds never appear.

    Raises
    ------
    ValueError
        If ``pattern`` is not a :class:`BreathPattern` or any ``u`` is not a finite number
        in ``[0, 1]``.
    """
    bounds = np.array(_bounds(_check_pattern("pattern", pattern)))
    uu = _phase("u", u)
    return np.searchsorted(bounds, uu, side="right")


def phase_name(pattern: BreathPattern, u: Floats) -> str | npt.NDArray[np.str_]:
    """Name of the phase at cycle phase ``u``: a ``str`` for a scalar, else an array.

    Raises
    ------
    ValueError
        As :func:`phase_index`.
    """
    names = np.array(PHASES)[phase_index(pattern, u)]
    return str(names) if names.ndim == 0 else names


def cue(mode: str, phase: str) -> str:
    """Spoken cue for ``phase`` in exercise ``mode``.

    "lift-with-breath" uses :data:`CUES`; the other modes use :data:`BREATH_ONLY_CUES`
    (the breath cue does not mention the lift).

    Raises
    ------
    ValueError
        If ``mode`` or ``phase`` is unknown; the message lists the valid ones.
    """
    check_choice("mode", mode, MODES)
    check_choice("phase", phase, PHASES)
    return (CUES if mode == "lift-with-breath" else BREATH_ONLY_CUES)[phase]


def profile(pattern: BreathPattern, u: Floats) -> Floats:
    """Breath fraction (0 = fully out, 1 = fully in) at cycle phase ``u`` (vectorised).

    With ``a, b, c`` from :func:`phase_bounds` (``a = Ti/P``, ``b = (Ti + Hin)/P``,
    ``c = 1 - Hout/P``)::

        u <  a        inhale    0.5 - 0.5 * cos(pi * u / a)
        a <= u < b    hold-in   1
        b <= u < c    exhale    0.5 + 0.5 * cos(pi * (u - b) / (c - b))
        c <= u        hold-out  0

    Continuous, zero slope at every turning point, non-decreasing over the inhale.

    Parameters
    ----------
    pattern : BreathPattern
        The breath.
    u : float or array
        Cycle phase, fraction of the period, in ``[0, 1]`` (``1`` counts as ``0``).

    Raises
    ------
    ValueError
        If ``pattern`` is not a :class:`BreathPattern` or any ``u`` is not a finite number
        in ``[0, 1]``.
    """
    a, b, c = _bounds(_check_pattern("pattern", pattern))
    uu = _phase("u", u)
    rising = 0.5 - 0.5 * np.cos(np.pi * np.clip(uu / a, 0.0, 1.0))
    falling = 0.5 + 0.5 * np.cos(np.pi * np.clip((uu - b) / (c - b), 0.0, 1.0))
    out = np.select([uu < a, uu < b, uu < c], [rising, 1.0, falling], 0.0)
    return out[()]


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
        :data:`LIFT_INDEPENDENT_PERIOD_FACTOR` for the independent lift).

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
    checked = _check_pattern("pattern", pattern)
    uu = _phase("u", u)
    step = _check_values("dt", dt, 0.0, MAX_STEP_SECONDS, "s")
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
    t = _check_values("times", times, -math.inf, math.inf, "s")
    if t.ndim != 1:
        raise ValueError(f"times must be 1-D, got shape {t.shape}")
    tempo = _check_values("tempos", tempos, *TEMPO_RANGE, "breaths/min")
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
    u_start = _phase("u0", u0)
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


def lift_and_breath(
    mode: str, pattern: BreathPattern, u: Floats, lift_u: Floats | None = None
) -> tuple[Floats, Floats]:
    """Waist-lift fraction and breath fraction (each 0–1) in exercise ``mode``.

    * "lift-with-breath": both equal :func:`profile` at ``u`` (lift on the inhale).
    * "breath-only": lift 0, breath :func:`profile` at ``u``.
    * "lift-independent" (Feldenkrais 1972): breath :func:`profile` at ``u``; the lift
      follows its own cycle phase ``lift_u``: ``0.5 - 0.5 * cos(2 * pi * lift_u)``
      (down at 0, up at 0.5). Track ``lift_u`` with ``period_factor =``
      :data:`LIFT_INDEPENDENT_PERIOD_FACTOR`.

    Parameters
    ----------
    mode : str
        One of :data:`MODES`.
    pattern : BreathPattern
        The breath.
    u : float or array
        Breath cycle phase, in ``[0, 1]``.
    lift_u : float or array, optional
        Lift cycle phase, in ``[0, 1]``; required in "lift-independent", ignored otherwise.

    Returns
    -------
    (lift, breath) : tuple of float or array
        Broadcast to a common shape.

    Raises
    ------
    ValueError
        For an unknown mode (the message lists :data:`MODES`), a missing ``lift_u`` in
        "lift-independent", a ``pattern`` that is not a :class:`BreathPattern`, or a phase
        outside ``[0, 1]``.
    """
    check_choice("mode", mode, MODES)
    _check_pattern("pattern", pattern)
    if lift_u is not None:
        _phase("lift_u", lift_u)
    breath = np.asarray(profile(pattern, u))
    if mode == "lift-with-breath":
        lift = breath.copy()
    elif mode == "breath-only":
        lift = np.zeros_like(breath)
    else:
        if lift_u is None:
            raise ValueError(
                "mode 'lift-independent' needs lift_u, the lift's own cycle phase in [0, 1]"
            )
        lift = 0.5 - 0.5 * np.cos(2.0 * np.pi * _phase("lift_u", lift_u))
        lift, breath = np.broadcast_arrays(lift, breath)
    return np.array(lift, dtype=float)[()], np.array(breath, dtype=float)[()]
