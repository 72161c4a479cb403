"""The breath-and-lying sandbox's breath-timing experiments: behaviour and bad input."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings

from tests.bad_values import assert_names, bad_number
from widgets.model import breath_experiments as bx
from widgets.model.breath import BreathPattern, profile


def test_lift_with_breath_lifts_as_the_breath_and_breath_only_never_lifts():
    with_breath = bx.breath_trace("lift-with-breath", seconds=20, step=0.5)
    assert with_breath.lift == pytest.approx(with_breath.breath)
    assert bx.breath_trace("breath-only", seconds=20).lift == pytest.approx(0.0)


def test_the_trace_is_the_breath_profile_at_time_over_period():
    pattern = BreathPattern(tempo=8, exhale_ratio=2, hold_after_inhale=1, hold_after_exhale=0.5)
    trace = bx.breath_trace("breath-only", pattern, seconds=30, step=0.25)
    assert trace.time[[0, -1]] == pytest.approx([0, 30])
    assert np.diff(trace.time) == pytest.approx(0.25)
    expected = np.mod(trace.time / pattern.period, 1.0)  # constant tempo: u = t / P
    apart = np.abs(trace.phase - expected)
    assert np.minimum(apart, 1.0 - apart) == pytest.approx(0.0, abs=1e-9)  # 0 and 1 meet
    assert trace.breath == pytest.approx(profile(pattern, expected), abs=1e-9)


def test_the_independent_lift_has_its_own_slower_cycle():
    # 6/min: a 10 s breath; the lift lasts 1.6 breaths, 16 s: down at 0 and 16 s, up at 8 s
    trace = bx.breath_trace("lift-independent", seconds=32, step=0.5)
    at = {float(t): float(v) for t, v in zip(trace.time, trace.lift, strict=True)}
    assert (at[0.0], at[8.0], at[16.0], at[24.0]) == pytest.approx((0, 1, 0, 1), abs=1e-12)
    assert at[4.0] == pytest.approx(0.5)  # 0.5 - 0.5 cos(pi / 2)


def test_a_tempo_change_changes_the_speed_not_the_phase():
    change = bx.tempo_change(6, 12, change_at=25, seconds=50, step=0.05)
    steps = np.diff(change.phase)
    steps = np.where(steps < -0.5, steps + 1.0, steps)  # a wrap from 1 to 0 is no jump
    assert steps[change.time[1:] <= 25].max() == pytest.approx(0.05 / 10)  # 10 s period
    assert steps[change.time[:-1] >= 25].max() == pytest.approx(0.05 / 5)  # 5 s period
    # by hand: 25 s is 2.5 cycles at 6/min (phase 0.5, top of the breath) and 5 cycles at
    # 12/min (phase 0, fully out): recomputing the phase from the clock jumps half a cycle
    assert change.jump == pytest.approx(0.5)
    assert (change.breath_before, change.breath_after) == pytest.approx((1.0, 0.0))
    # the tracked phase continues from 0.5: 25 s later at 12/min that is 0.5 + 5 cycles
    assert change.phase[-1] == pytest.approx(0.5, abs=1e-9)


def test_a_tempo_change_at_a_whole_cycle_does_not_jump():
    assert bx.tempo_change(6, 12, change_at=20, seconds=40).jump == pytest.approx(0.0, abs=1e-12)


def opposite_seconds(breath_period: float, lift_period: float, seconds: float) -> float:
    """Time in [0, seconds) when one of two raised-cosine cycles rises and the other falls.

    Each rises for the first half of its own period (1:1, no holds): worked out on a fine
    grid from that rule alone, not from the model.
    """
    t = np.linspace(0.0, seconds, 600_001)[:-1] + seconds / 1_200_000
    rising_b = np.mod(t, breath_period) < breath_period / 2
    rising_l = np.mod(t, lift_period) < lift_period / 2
    return float(np.mean(rising_b != rising_l) * seconds)


def test_lift_against_breath_over_a_minute():
    minute = bx.lift_against_breath()
    assert minute.opposite_share * 60 == pytest.approx(opposite_seconds(10, 16, 60), abs=0.05)
    assert minute.breath_tops == pytest.approx([5, 15, 25, 35, 45, 55])
    assert minute.lift_tops == pytest.approx([8, 24, 40, 56])
    # 16 s and 10 s: both at their start again after lcm(10, 16) = 80 s
    assert minute.realign_seconds == pytest.approx(math.lcm(10, 16))
    assert (minute.breaths_per_realign, minute.lifts_per_realign) == (8, 5)


def test_at_another_tempo_the_share_follows_the_periods():
    minute = bx.lift_against_breath(BreathPattern(tempo=10), seconds=90)
    assert minute.opposite_share * 90 == pytest.approx(opposite_seconds(6, 9.6, 90), abs=0.05)
    assert minute.realign_seconds == pytest.approx(48.0)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: bx.breath_trace("lift"), "mode"),
        (lambda: bx.breath_trace(pattern="slow"), "pattern"),
        (lambda: bx.breath_trace(seconds=0.5), "seconds"),
        (lambda: bx.breath_trace(seconds=True), "seconds"),
        (lambda: bx.breath_trace(step=2), "step"),
        (lambda: bx.tempo_change(before=40), "before"),
        (lambda: bx.tempo_change(after="12"), "after"),
        (lambda: bx.tempo_change(change_at=60, seconds=50), "change_at"),
        (lambda: bx.lift_against_breath(step=0), "step"),
        (lambda: bx.lift_against_breath(BreathPattern, 60), "pattern"),
    ],
)
def test_bad_input_is_refused_naming_it(call, name):
    with pytest.raises(ValueError, match=re.escape(name)):
        call()


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(*bx.SECONDS_RANGE))
def test_any_bad_length_is_refused(bad):
    with pytest.raises(ValueError, match="seconds") as err:
        bx.breath_trace(seconds=bad)
    assert_names(str(err.value), "seconds", bad)


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(*bx.STEP_RANGE))
def test_any_bad_step_is_refused(bad):
    with pytest.raises(ValueError, match="step") as err:
        bx.lift_against_breath(step=bad)
    assert_names(str(err.value), "step", bad)
