"""Worked experiments of the breath-and-lying sandbox (``notebooks/breath-and-lying.ipynb``).

Small functions over :mod:`widgets.model.breath` and :mod:`widgets.model.supine`: each runs
the models and returns what the notebook plots and what its answers quote. They add no
physiology of their own. Units: s, breaths/min, deg, mm; phases and fractions are 0 to 1.
Assumptions, beyond the two models' own:

- **Time grid.** Traces are sampled every ``step`` seconds from 0 and start at phase 0 (the
  bottom of the breath, the waist down). Quantities read off a trace (the share of time the
  waist and the breath move in opposite directions) are as fine as the grid.
- **"Naive" tempo change.** :func:`tempo_change` also gives the phase a program would show if
  it computed the phase afresh from the clock at the new tempo (``t / period mod 1``), to show
  the jump that :func:`widgets.model.breath.phase_track` avoids. Nobody uses it; it is the
  mistake the model is built not to make.
- **Sweeps.** :func:`chin_sweep` changes one setting of
  :class:`~widgets.model.supine.SupineParams` and keeps the others; its spread is the one of
  :func:`~widgets.model.supine.chin_range` (neck shares and tissue thicknesses).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from fractions import Fraction

import numpy as np

from widgets.data import value
from widgets.model.breath import (
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    TEMPO_RANGE,
    BreathPattern,
    lift_and_breath,
    phase_track,
)
from widgets.model.spine_params import PRESETS
from widgets.model.supine import (
    LEGS,
    LIMITS,
    READOUTS,
    SETTINGS,
    UNITS,
    SupineParams,
    chin_changes,
    chin_range,
    resting_pelvic_tilt,
    supine_pose,
    upper_back_gap,
)
from widgets.validation import (
    check_choice,
    check_in_range,
    check_instance,
    check_items,
)

#: Allowed length of a trace, s (a course limit: ten minutes).
SECONDS_RANGE: tuple[float, float] = (1.0, 600.0)
#: Allowed sampling step of a trace, s (a course limit).
STEP_RANGE: tuple[float, float] = (0.001, 1.0)
#: Largest gap (mm) between the scalp and the pillow top that still counts as resting on it;
#: the model settles the head to 1e-5 mm, so anything below -0.01 mm is out of reach.
HEAD_GAP_TOLERANCE = 0.01


def _pattern(pattern: object) -> BreathPattern:
    if pattern is None:
        return BreathPattern()
    return check_instance("pattern", pattern, BreathPattern, "a BreathPattern or None")


def _params(params: object) -> SupineParams:
    if params is None:
        return SupineParams()
    return check_instance("params", params, SupineParams, "SupineParams or None")


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
        Phase from :func:`~widgets.model.breath.phase_track`: the tempo changes its speed.
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


#: Most values one sweep accepts.
MAX_SWEEP = 21


def _sweep_args(
    setting: object, values: object, params: object, lift: object, breath: object
) -> tuple[str, tuple[float, ...], SupineParams, float, float]:
    """Checked arguments of a sweep: setting, values, params, lift and breath fractions."""
    name = check_choice("setting", setting, SETTINGS)
    low, high = LIMITS[name]

    def one(label: str, v: object) -> float:
        return check_in_range(label, v, low, high, UNITS[name])

    swept = check_items("values", values, one, 1, f"{name} values in {UNITS[name]}")
    if len(swept) > MAX_SWEEP:
        raise ValueError(
            f"values holds {len(swept)} {name} values; at most {MAX_SWEEP} are allowed"
        )
    base = _params(params)
    at_lift = check_in_range("lift", lift, 0.0, 1.0)
    at_breath = check_in_range("breath", breath, 0.0, 1.0)
    return name, swept, base, at_lift, at_breath


def readout_sweep(
    setting: str,
    values: object,
    params: SupineParams | None = None,
    lift: float = 0.0,
    breath: float = 0.0,
) -> dict[str, np.ndarray]:
    """Every readout of :func:`~widgets.model.supine.supine_pose` while one setting changes.

    One pose per value (a few ms each); no spread (see :func:`chin_sweep` for the chin's).

    Parameters
    ----------
    setting, values, params, lift, breath
        As :func:`chin_sweep`.

    Returns
    -------
    dict
        ``{readout: array}`` for each of :data:`widgets.model.supine.READOUTS` (deg, or mm
        for ``waist_height``), one value per swept value.

    Raises
    ------
    ValueError
        As :func:`chin_sweep`.
    """
    name, swept, base, at_lift, at_breath = _sweep_args(setting, values, params, lift, breath)
    poses = [supine_pose(_with(base, name, v), at_lift, at_breath) for v in swept]
    return {k: np.array([p.readouts[k] for p in poses]) for k in READOUTS}


def _with(params: SupineParams, setting: str, v: float) -> SupineParams:
    """``params`` with one numeric setting changed (checked by ``SupineParams``)."""
    if setting == "pillow":
        return replace(params, pillow=v)
    if setting == "lift_range":
        return replace(params, lift_range=v)
    return replace(params, breath_depth=v)


@dataclass(frozen=True, eq=False)
class ChinSweep:
    """The chin angle and the pelvis while one setting of the lying model changes.

    Attributes
    ----------
    setting : str
        The setting swept: one of :data:`widgets.model.supine.SETTINGS`.
    values : ndarray
        Its values, in its unit (``UNITS[setting]``).
    lift, breath : float
        The moment: lift and breath fractions (0 to 1).
    chin, low, high : ndarray
        :func:`~widgets.model.supine.chin_range` at each value, deg (chin up positive).
    pelvic_tilt : ndarray
        Pelvic tilt lying down at each value, deg (positive = rolled back).
    head_gap : ndarray
        Lowest scalp point above the pillow top, mm: 0 when the head rests on the pillow,
        negative when the neck cannot reach and the head sinks into the pillow top.
    """

    setting: str
    values: np.ndarray
    lift: float
    breath: float
    chin: np.ndarray
    low: np.ndarray
    high: np.ndarray
    pelvic_tilt: np.ndarray
    head_gap: np.ndarray


def chin_sweep(
    setting: str,
    values: object,
    params: SupineParams | None = None,
    lift: float = 0.0,
    breath: float = 0.0,
) -> ChinSweep:
    """Sweep one numeric setting of the lying model and read the chin and the pelvis.

    Each value costs one :func:`~widgets.model.supine.chin_range` (12 poses), so keep the
    sweep short (a handful of values).

    Parameters
    ----------
    setting : str
        ``"lift_range"``, ``"breath_depth"`` or ``"pillow"``.
    values : list of float
        Values of the setting, each in ``LIMITS[setting]``; 1 to :data:`MAX_SWEEP` of them.
    params : SupineParams, optional
        The other settings; default ``SupineParams()``.
    lift, breath : float
        Lift and breath fractions of the moment read, each 0 to 1.

    Raises
    ------
    ValueError
        For an unknown setting, a value out of range, more than 21 values, bad ``params``
        or a fraction outside 0 to 1 (the message names it).
    """
    name, swept, base, at_lift, at_breath = _sweep_args(setting, values, params, lift, breath)
    rows, tilt, gap = [], [], []
    for v in swept:
        p = _with(base, name, v)
        rows.append(chin_range(p, at_lift, at_breath))
        pose = supine_pose(p, at_lift, at_breath)
        tilt.append(pose.readouts["pelvic_tilt"])
        gap.append(pose.contacts["head"])
    table = np.array(rows)
    return ChinSweep(
        setting=name,
        values=np.array(swept),
        lift=at_lift,
        breath=at_breath,
        chin=table[:, 0],
        low=table[:, 1],
        high=table[:, 2],
        pelvic_tilt=np.array(tilt),
        head_gap=np.array(gap),
    )


def head_gaps(
    pillows: object, params: SupineParams | None = None, breath: float = 1.0
) -> np.ndarray:
    """Lowest scalp point above the pillow top, mm, for each pillow height, lift 0.

    0 means the head rests on the pillow; below ``-HEAD_GAP_TOLERANCE`` the neck chain has
    reached a joint limit before the head reached the pillow top (a known gap of the model).

    Raises
    ------
    ValueError
        If a pillow height is outside ``LIMITS["pillow"]``, ``params`` is not
        ``SupineParams`` or ``None``, or ``breath`` is outside 0 to 1.
    """
    low_, high_ = LIMITS["pillow"]
    heights = check_items(
        "pillows",
        pillows,
        lambda label, v: check_in_range(label, v, low_, high_, "mm"),
        1,
        "pillow heights in mm",
    )
    base = _params(params)
    at_breath = check_in_range("breath", breath, 0.0, 1.0)
    return np.array(
        [supine_pose(replace(base, pillow=h), 0.0, at_breath).contacts["head"] for h in heights]
    )


def pillow_effect(
    pillows: object = (50.0, 100.0), params: SupineParams | None = None
) -> dict[float, dict[str, tuple[float, float, float]]]:
    """:func:`~widgets.model.supine.chin_changes` for each pillow height (mm).

    Returns ``{pillow: {moment: (value, low, high)}}`` in deg: the chin at rest and its change
    for a quiet breath, the deepest breath and the lift (each with its spread).

    Raises
    ------
    ValueError
        If a pillow height is outside ``LIMITS["pillow"]`` or ``params`` is not
        ``SupineParams`` or ``None``.
    """
    low_, high_ = LIMITS["pillow"]
    heights = check_items(
        "pillows",
        pillows,
        lambda label, v: check_in_range(label, v, low_, high_, "mm"),
        1,
        "pillow heights in mm",
    )
    base = _params(params)
    return {h: chin_changes(replace(base, pillow=h)) for h in heights}


@dataclass(frozen=True)
class PelvisCheck:
    """The resting pelvis lying down: the model against its measured target.

    Attributes
    ----------
    model : float
        Pelvic tilt of the resting pose, deg (positive = rolled back).
    target : float
        Standing tilt of the preset plus the legs' change, deg
        (:func:`~widgets.model.supine.resting_pelvic_tilt`).
    low, high : float or None
        Target plus the smallest and largest individual change measured with legs straight
        (Pierrepont 2017, deg); ``None`` with knees bent (not measured).
    upper_back_extension : float
        Extra upper-back extension that would bring the model to the target, deg
        (:func:`~widgets.model.supine.upper_back_gap`).
    """

    model: float
    target: float
    low: float | None
    high: float | None
    upper_back_extension: float

    @property
    def gap(self) -> float:
        """Model minus target, deg (positive: the model's pelvis lies further back)."""
        return self.model - self.target


def pelvis_check(spine: str = "adult-mean") -> dict[str, PelvisCheck]:
    """The resting pelvic tilt of ``spine`` for each leg position, against its target.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset; the message names ``spine`` and lists the valid names.
    """
    if not isinstance(spine, str) or spine not in PRESETS:
        raise ValueError(f"spine = {spine!r} is not a preset; valid presets: {', '.join(PRESETS)}")
    out: dict[str, PelvisCheck] = {}
    for legs in LEGS:
        target = resting_pelvic_tilt(spine, legs)
        low = high = None
        if legs == "straight":
            change = value("supine", "legs_straight_pelvic_tilt_change")
            low = target - change + value("supine", "legs_straight_pelvic_tilt_change_low")
            high = target - change + value("supine", "legs_straight_pelvic_tilt_change_high")
        out[legs] = PelvisCheck(
            model=supine_pose(SupineParams(spine=spine, legs=legs)).readouts["pelvic_tilt"],
            target=target,
            low=low,
            high=high,
            upper_back_extension=upper_back_gap(spine, legs),
        )
    return out
