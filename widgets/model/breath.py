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
  change changes how fast ``u`` advances, never ``u`` itself, so the picture never jumps
  (:mod:`widgets.model.breath_tracking` moves ``u`` on in time).
* In the lesson the waist lifts on the inhale and lowers on the exhale ("lift-with-breath");
  that pairing is a course choice for pacing, not a physiological claim. In the
  Feldenkrais-style variation ("lift-independent", Feldenkrais 1972) the pelvis keeps its
  own slower rhythm, :data:`LIFT_INDEPENDENT_PERIOD_FACTOR` times the breath period.

Times are in seconds, tempos in breaths per minute. Functions that take a phase accept
a float or a numpy array and are vectorised over it.

Every public function checks its input at the call, before any work, and raises a
``ValueError`` naming the parameter, the value and what is allowed: a pattern that is not a
:class:`BreathPattern`, a phase outside ``[0, 1]`` or a bool where a number is due (numpy
would read ``True`` as 1).

This module and :mod:`widgets.model.breath_tracking` are the reference for the breath in the
browser: ``widgets/views/breath_cycle.js`` (inlined into the animator's and the session
player's ES modules) exports the same cycle bounds, profile, phase index and lift-per-mode
functions as this module and the same ``advance`` as
:func:`widgets.model.breath_tracking.advance` (frame by frame, its ``advance`` at each frame's
tempo is :func:`~widgets.model.breath_tracking.phase_track`), and
``tests/browser/test_breath_spec.py`` holds the two equal to 1e-9 over a property-based grid of
tempos, ratios, holds, modes and phases. Change both together.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from widgets.validation import check_choice, check_in_range, check_instance, check_values

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


def check_phase(name: str, u: object) -> np.ndarray:
    """Cycle phase ``u`` as a float array in ``[0, 1)``; ``1`` is the same point as ``0``.

    Raises
    ------
    ValueError
        If any ``u`` is not a finite number in ``[0, 1]`` (bools refused); the message names
        ``name`` and the bad element's index.
    """
    arr = check_values(name, u, 0.0, 1.0)
    return np.where(arr >= 1.0, 0.0, arr)


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
    uu = check_phase("u", u)
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
    uu = check_phase("u", u)
    rising = 0.5 - 0.5 * np.cos(np.pi * np.clip(uu / a, 0.0, 1.0))
    falling = 0.5 + 0.5 * np.cos(np.pi * np.clip((uu - b) / (c - b), 0.0, 1.0))
    out = np.select([uu < a, uu < b, uu < c], [rising, 1.0, falling], 0.0)
    return out[()]


def lift_and_breath(
    mode: str, pattern: BreathPattern, u: Floats, lift_u: Floats | None = None
) -> tuple[Floats, Floats]:
    """Waist-lift fraction and breath fraction (each 0–1) in exercise ``mode``.

    * "lift-with-breath": both equal :func:`profile` at ``u`` (lift on the inhale).
    * "breath-only": lift 0, breath :func:`profile` at ``u``.
    * "lift-independent" (Feldenkrais 1972): breath :func:`profile` at ``u``; the lift
      follows its own cycle phase ``lift_u``: ``0.5 - 0.5 * cos(2 * pi * lift_u)``
      (down at 0, up at 0.5). Track ``lift_u`` with
      :func:`~widgets.model.breath_tracking.phase_track` and ``period_factor =``
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
        check_phase("lift_u", lift_u)
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
        lift = 0.5 - 0.5 * np.cos(2.0 * np.pi * check_phase("lift_u", lift_u))
        lift, breath = np.broadcast_arrays(lift, breath)
    return np.array(lift, dtype=float)[()], np.array(breath, dtype=float)[()]
