"""The breath's cycle phase over time (``widgets.model.breath_tracking``): steps, tempo changes."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model.breath import (
    HOLD_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    TEMPO_RANGE,
    BreathPattern,
    lift_and_breath,
)
from widgets.model.breath_tracking import advance, phase_track

tempos = st.floats(*TEMPO_RANGE, allow_nan=False)
holds = st.one_of(st.just(0.0), st.floats(*HOLD_RANGE, allow_nan=False))


# --- phase continuity ----------------------------------------------------------------------


def test_advance_moves_by_dt_over_the_period_and_wraps():
    p = BreathPattern(hold_after_inhale=2)  # period 12 s
    assert advance(0.0, 3.0, p) == pytest.approx(0.25)
    assert advance(0.9, 2.4, p) == pytest.approx(0.1)
    assert advance(0.3, 0.0, p) == 0.3
    assert advance(0.3, 12.0, p) == pytest.approx(0.3)
    assert advance(0.0, 3.0, p, period_factor=1.5) == pytest.approx(3.0 / 18.0)
    np.testing.assert_allclose(advance(np.array([0.0, 0.5]), 6.0, p), [0.5, 0.0], atol=1e-12)
    with pytest.raises(ValueError, match="dt = -1 s is out of range"):
        advance(0.3, -1.0, p)
    with pytest.raises(ValueError, match="period_factor"):
        advance(0.3, 1.0, p, period_factor=0)


def test_constant_tempo_track_is_time_over_period_and_matches_advance():
    p = BreathPattern(tempo=8, exhale_ratio=2, hold_after_exhale=1.5)
    t = np.linspace(0.0, 60.0, 601)
    u = phase_track(t, p.tempo, p)
    stepped = [0.0]
    for dt in np.diff(t):
        stepped.append(advance(stepped[-1], dt, p))
    for other in (np.mod(t / p.period, 1.0), np.array(stepped)):
        circular = np.abs((u - other + 0.5) % 1.0 - 0.5)  # 0.99999 and 0 are 1e-5 apart
        assert circular.max() < 1e-9


def test_at_the_moment_of_a_tempo_change_u_is_the_same_before_and_after():
    # 2.5 s at 6/min (period 10 s), then the tempo doubles; 2.5 s appears twice:
    # "just before" (old tempo) and "just after" (new tempo) the change.
    u = phase_track([0.0, 2.5, 2.5, 5.0], [6, 6, 12, 12])
    np.testing.assert_allclose(u, [0.0, 0.25, 0.25, 0.75])
    assert u[1] == u[2]
    # a naive u = t / period(t) would jump at the change, which is what we avoid:
    naive = np.mod(np.array([2.5, 2.5]) * np.array([6, 12]) / 60, 1.0)
    assert naive[1] - naive[0] == pytest.approx(0.25)


@settings(max_examples=200, deadline=None)
@given(
    tempos,
    tempos,
    st.floats(0.0, 60.0),
    st.floats(0.0, 1.0, exclude_max=True),
    holds,
    holds,
)
def test_tempo_change_mid_way_never_makes_the_phase_jump(before, after, t_change, u0, hin, hout):
    base = BreathPattern(hold_after_inhale=hin, hold_after_exhale=hout)
    t = np.linspace(0.0, 120.0, 2401)  # dt = 0.05 s
    tempo = np.where(t < t_change, before, after)
    u = phase_track(t, tempo, base, u0=u0)
    assert u[0] == pytest.approx(u0)
    assert np.all((u >= 0.0) & (u < 1.0))
    dt = t[1] - t[0]
    step = np.mod(np.diff(u), 1.0)  # forward step, wrapping 0.99 -> 0.01 counts as 0.02
    step = np.where(step > 1.0 - 1e-9, 0.0, step)
    assert step.max() <= max(before, after) / 60 * dt + 1e-9
    periods = 60 / tempo[:-1] + hin + hout
    np.testing.assert_allclose(step, dt / periods, atol=1e-9)
    # the first part of the track does not depend on what comes after the change
    early = t < t_change
    if early.any():
        alone = phase_track(t[early], before, base, u0=u0)
        np.testing.assert_allclose(u[early], alone, atol=1e-12)


def test_phase_track_checks_its_inputs():
    with pytest.raises(ValueError, match=r"tempos\[1\] = 31 breaths/min.*3 to 30"):
        phase_track([0.0, 1.0, 2.0], [6, 31, 6])
    with pytest.raises(ValueError, match=r"tempos\[0\] must be a number, got '6'"):
        phase_track([0.0, 1.0], ["6", "6"])
    with pytest.raises(ValueError, match=r"times\[2\] = 1 s is out of range"):
        phase_track([0.0, 2.0, 1.0], 6)
    with pytest.raises(ValueError, match=r"times\[1\] must be a finite number"):
        phase_track([0.0, math.nan], 6)
    with pytest.raises(ValueError, match="one value or one per time"):
        phase_track([0.0, 1.0, 2.0], [6, 6])
    with pytest.raises(ValueError, match="u0"):
        phase_track([0.0, 1.0], 6, u0=1.5)
    assert phase_track([], 6).shape == (0,)


# --- the independent lift over time ---------------------------------------------------------


def test_independent_lift_drifts_in_and_out_of_step_with_the_breath():
    p = BreathPattern()  # period 10 s, lift period 16 s
    assert LIFT_INDEPENDENT_PERIOD_FACTOR == 1.6
    assert LIFT_INDEPENDENT_PERIOD_FACTOR * p.period == pytest.approx(16.0)
    t = np.array([0.0, 40.0, 80.0])
    u = phase_track(t, p.tempo, p)
    lift_u = phase_track(t, p.tempo, p, period_factor=LIFT_INDEPENDENT_PERIOD_FACTOR)
    lift, breath = lift_and_breath("lift-independent", p, u, lift_u)
    np.testing.assert_allclose(breath, [0.0, 0.0, 0.0], atol=1e-9)  # all fully out
    np.testing.assert_allclose(lift, [0.0, 1.0, 0.0], atol=1e-9)  # in, out of, in step
    # over the common cycle (8 breaths = 5 lifts) the two are uncorrelated
    t = np.linspace(0.0, 80.0, 8001)[:-1]
    lift, breath = lift_and_breath(
        "lift-independent",
        p,
        phase_track(t, p.tempo, p),
        phase_track(t, p.tempo, p, period_factor=LIFT_INDEPENDENT_PERIOD_FACTOR),
    )
    assert abs(np.corrcoef(lift, breath)[0, 1]) < 0.05
    together, _ = lift_and_breath("lift-with-breath", p, phase_track(t, p.tempo, p))
    assert np.corrcoef(together, breath)[0, 1] == pytest.approx(1.0)
