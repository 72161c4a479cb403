import dataclasses
import math
from typing import Any, cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.content.references import bibliography
from widgets.model.breath import (
    BREATH_ONLY_CUES,
    CUES,
    DEFAULT_SOURCES,
    EXHALE_RATIO_RANGE,
    HOLD_RANGE,
    MODES,
    PHASES,
    TEMPO_RANGE,
    BreathPattern,
    cue,
    lift_and_breath,
    phase_bounds,
    phase_index,
    phase_name,
    profile,
)

tempos = st.floats(*TEMPO_RANGE, allow_nan=False)
ratios = st.floats(*EXHALE_RATIO_RANGE, allow_nan=False)
holds = st.one_of(st.just(0.0), st.floats(*HOLD_RANGE, allow_nan=False))
patterns = st.builds(
    BreathPattern,
    tempo=tempos,
    exhale_ratio=ratios,
    hold_after_inhale=holds,
    hold_after_exhale=holds,
)
GRID = np.linspace(0.0, 1.0, 20_001)[:-1]  # one cycle, [0, 1)


def reference_profile(p: BreathPattern, u: float) -> float:
    """The documented closed form, written out scalar-by-scalar as the browser will."""
    period = 60 / p.tempo + p.hold_after_inhale + p.hold_after_exhale
    inhale = 60 / p.tempo / (1 + p.exhale_ratio)
    a = inhale / period
    b = (inhale + p.hold_after_inhale) / period
    c = 1 - p.hold_after_exhale / period
    if u < a:
        return 0.5 - 0.5 * math.cos(math.pi * u / a)
    if u < b:
        return 1.0
    if u < c:
        return 0.5 + 0.5 * math.cos(math.pi * (u - b) / (c - b))
    return 0.0


# --- the pattern ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(patterns)
def test_period_is_breath_time_plus_holds(p):
    assert p.breath_seconds == pytest.approx(60 / p.tempo)
    assert p.period == pytest.approx(60 / p.tempo + p.hold_after_inhale + p.hold_after_exhale)


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_inhale_and_exhale_split_the_breath_one_to_k(p):
    assert p.inhale_seconds + p.exhale_seconds == pytest.approx(p.breath_seconds)
    assert p.exhale_seconds == pytest.approx(p.exhale_ratio * p.inhale_seconds)


def test_defaults_are_resonance_breathing_with_equal_inhale_and_exhale():
    p = BreathPattern()
    assert (p.tempo, p.exhale_ratio, p.hold_after_inhale, p.hold_after_exhale) == (6, 1, 0, 0)
    assert p.period == 10.0
    assert p.inhale_seconds == p.exhale_seconds == 5.0
    assert all(isinstance(getattr(p, f.name), float) for f in dataclasses.fields(p))


def test_every_default_names_known_sources():
    assert set(DEFAULT_SOURCES) == {f.name for f in dataclasses.fields(BreathPattern)}
    assert DEFAULT_SOURCES["tempo"] == ("rf-breathing2017", "shaffer2020")
    assert DEFAULT_SOURCES["exhale_ratio"] == ("lin2014",)
    known = bibliography()
    for keys in DEFAULT_SOURCES.values():
        assert keys and all(k in known for k in keys), keys


def test_pattern_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        cast(Any, BreathPattern()).tempo = 8.0


@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf, 31, True, "6"])
def test_bad_tempo_names_the_parameter_and_the_range(bad):
    with pytest.raises(ValueError, match="tempo") as err:
        BreathPattern(tempo=bad)
    msg = str(err.value)
    assert "3" in msg and "30" in msg
    assert "allowed range is 3 to 30 breaths/min" in msg


@pytest.mark.parametrize(
    ("field", "bad", "allowed"),
    [
        ("exhale_ratio", 0.5, "allowed range is 1 to 3"),
        ("exhale_ratio", 3.5, "allowed range is 1 to 3"),
        ("hold_after_inhale", -1, "allowed range is 0 to 10 s"),
        ("hold_after_inhale", 11, "allowed range is 0 to 10 s"),
        ("hold_after_exhale", math.nan, "allowed range is 0 to 10 s"),
        ("hold_after_exhale", None, "allowed range is 0 to 10 s"),
    ],
)
def test_other_fields_are_checked(field, bad, allowed):
    with pytest.raises(ValueError, match=field) as err:
        BreathPattern(**{field: bad})
    assert allowed in str(err.value)


def test_range_edges_are_allowed():
    BreathPattern(tempo=3, exhale_ratio=3, hold_after_inhale=10, hold_after_exhale=10)
    BreathPattern(tempo=30, exhale_ratio=1, hold_after_inhale=0, hold_after_exhale=0)


# --- the profile ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_profile_stays_between_fully_out_and_fully_in(p):
    y = profile(p, GRID)
    assert y.shape == GRID.shape
    assert np.all((y >= 0.0) & (y <= 1.0))


@settings(max_examples=200, deadline=None)
@given(patterns, st.lists(st.floats(0.0, 1.0), min_size=1, max_size=20))
def test_profile_matches_the_documented_closed_form(p, us):
    got = profile(p, np.array(us))
    want = [reference_profile(p, u % 1.0) for u in us]
    np.testing.assert_allclose(got, want, atol=1e-12)


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_profile_rises_over_the_inhale_holds_then_falls(p):
    bounds = phase_bounds(p)
    names = phase_name(p, GRID)
    y = profile(p, GRID)
    rising = y[names == "inhale"]
    falling = y[names == "exhale"]
    assert np.all(np.diff(rising) >= 0.0)
    assert np.all(np.diff(falling) <= 0.0)
    assert np.all(y[names == "hold-in"] == 1.0)
    assert np.all(y[names == "hold-out"] == 0.0)
    a = bounds["inhale"][1]
    assert profile(p, 0.0) == 0.0
    assert profile(p, a / 2) == pytest.approx(0.5)
    assert profile(p, a) == pytest.approx(1.0)
    start, end = bounds["exhale"]
    assert profile(p, (start + end) / 2) == pytest.approx(0.5)


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_profile_is_continuous_over_the_whole_cycle_including_the_wrap(p):
    u = np.linspace(0.0, 1.0, 200_001)  # u = 1 is the same point as u = 0
    y = profile(p, u)
    a = phase_bounds(p)["inhale"][1]
    exhale = np.diff(phase_bounds(p)["exhale"])[0]
    max_slope = math.pi / (2 * min(a, exhale))  # steepest point of either half-cosine
    assert np.max(np.abs(np.diff(y))) <= max_slope * (u[1] - u[0]) * 1.001
    assert y[-1] == y[0] == 0.0


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_breath_has_zero_speed_at_the_turning_points(p):
    bounds = phase_bounds(p)
    a = bounds["inhale"][1]
    top = bounds.get("hold-in", bounds["inhale"])[1]  # end of the hold, or of the inhale
    bottom = bounds["exhale"][1]
    h = 1e-7
    peak_slope = abs(profile(p, a / 2 + h) - profile(p, a / 2 - h)) / (2 * h)
    assert peak_slope == pytest.approx(math.pi / (2 * a), rel=1e-4)
    for turn in {0.0, a, top, bottom, 1.0}:
        lo, hi = max(turn - h, 0.0), min(turn + h, 1.0)
        slope = abs(profile(p, hi) - profile(p, lo)) / (hi - lo)
        assert slope < 1e-4 * peak_slope, turn


def test_profile_of_a_scalar_is_a_scalar_and_u_one_is_u_zero():
    p = BreathPattern(hold_after_exhale=2)
    y = profile(p, 0.25)
    assert np.ndim(y) == 0 and isinstance(y, float)
    assert profile(p, 1.0) == profile(p, 0.0) == 0.0
    assert profile(p, np.array([[0.0, 0.5]])).shape == (1, 2)


@pytest.mark.parametrize("bad", [-0.1, 1.5, math.nan, math.inf, "0.5", True])
def test_phase_outside_zero_one_is_rejected(bad):
    with pytest.raises(ValueError, match=r"^u .*allowed range is 0 to 1"):
        profile(BreathPattern(), bad)
    with pytest.raises(ValueError, match=r"u\[1\]"):
        profile(BreathPattern(), np.array([0.5, bad], dtype=object))


# --- phases and cues -----------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(patterns)
def test_time_spent_inhaling_is_one_over_one_plus_k_of_the_breathing_time(p):
    names = phase_name(p, GRID)
    share_of_cycle = {ph: np.mean(names == ph) for ph in PHASES}
    tol = 2 / GRID.size * p.period / p.breath_seconds
    breathing = p.breath_seconds / p.period
    k = p.exhale_ratio
    assert share_of_cycle["inhale"] / breathing == pytest.approx(1 / (1 + k), abs=tol)
    assert share_of_cycle["exhale"] / breathing == pytest.approx(k / (1 + k), abs=tol)
    assert share_of_cycle["hold-in"] == pytest.approx(p.hold_after_inhale / p.period, abs=tol)
    assert share_of_cycle["hold-out"] == pytest.approx(p.hold_after_exhale / p.period, abs=tol)


@pytest.mark.parametrize(
    ("hold_in", "hold_out", "order"),
    [
        (0, 0, ("inhale", "exhale")),
        (2, 0, ("inhale", "hold-in", "exhale")),
        (0, 2, ("inhale", "exhale", "hold-out")),
        (2, 3, ("inhale", "hold-in", "exhale", "hold-out")),
    ],
)
def test_phases_run_in_order_and_zero_length_holds_are_skipped(hold_in, hold_out, order):
    p = BreathPattern(
        tempo=12, exhale_ratio=1.5, hold_after_inhale=hold_in, hold_after_exhale=hold_out
    )
    bounds = phase_bounds(p)
    assert tuple(bounds) == order
    edges = [edge for span in bounds.values() for edge in span]
    assert edges[0] == 0.0 and edges[-1] == 1.0
    assert all(x == y for x, y in zip(edges[1:-1:2], edges[2::2], strict=True))  # they tile
    names = phase_name(p, GRID)
    runs = tuple(n for i, n in enumerate(names) if i == 0 or n != names[i - 1])
    assert runs == order
    assert bounds["inhale"][1] == pytest.approx(p.inhale_seconds / p.period)
    assert phase_name(p, 0.0) == "inhale" and isinstance(phase_name(p, 0.0), str)
    assert np.array_equal(np.array(PHASES)[phase_index(p, GRID)], names)


def test_exactly_at_a_skipped_hold_the_next_phase_starts():
    p = BreathPattern()  # no holds: the inhale ends at 0.5
    assert phase_name(p, 0.5) == "exhale"
    assert phase_name(p, 0.5 - 1e-12) == "inhale"
    assert phase_name(p, 1.0) == "inhale"


@pytest.mark.parametrize("phase", PHASES)
def test_every_phase_has_a_cue_in_every_mode(phase):
    assert cue("lift-with-breath", phase) == CUES[phase]
    assert cue("breath-only", phase) == BREATH_ONLY_CUES[phase]
    assert cue("lift-independent", phase) == BREATH_ONLY_CUES[phase]
    assert all(cue(m, phase).strip() for m in MODES)


def test_cue_wording():
    assert CUES["inhale"] == "Breathe in, lift the waist"
    assert CUES["exhale"] == "Breathe out, relax"
    assert (CUES["hold-in"], CUES["hold-out"]) == ("Hold gently", "Rest")
    assert BREATH_ONLY_CUES["inhale"] == "Breathe in"
    assert BREATH_ONLY_CUES["exhale"] == "Breathe out"
    assert not any("lift" in c for c in BREATH_ONLY_CUES.values())


def test_unknown_phase_or_mode_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid phases: inhale, hold-in, exhale, hold-out"):
        cue("breath-only", "pause")
    valid = "valid modes: lift-with-breath, breath-only, lift-independent"
    with pytest.raises(ValueError, match=valid):
        cue("yoga", "inhale")
    with pytest.raises(ValueError, match=f"unknown mode 'yoga'; {valid}"):
        lift_and_breath("yoga", BreathPattern(), 0.2)


# --- lift modes ----------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(patterns)
def test_lift_with_breath_lifts_exactly_with_the_breath(p):
    lift, breath = lift_and_breath("lift-with-breath", p, GRID)
    np.testing.assert_array_equal(breath, profile(p, GRID))
    np.testing.assert_array_equal(lift, breath)


@settings(max_examples=100, deadline=None)
@given(patterns)
def test_breath_only_keeps_the_waist_down(p):
    lift, breath = lift_and_breath("breath-only", p, GRID, lift_u=GRID)
    np.testing.assert_array_equal(breath, profile(p, GRID))
    assert lift.shape == breath.shape
    assert np.all(lift == 0.0)


@settings(max_examples=100, deadline=None)
@given(patterns, st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_lift_independent_follows_its_own_raised_cosine(p, u, lift_u):
    lift, breath = lift_and_breath("lift-independent", p, u, lift_u)
    assert breath == profile(p, u)
    assert lift == pytest.approx(0.5 - 0.5 * math.cos(2 * math.pi * lift_u), abs=1e-12)
    assert 0.0 <= lift <= 1.0


def test_lift_independent_needs_its_own_phase():
    with pytest.raises(ValueError, match=r"lift-independent.*lift_u"):
        lift_and_breath("lift-independent", BreathPattern(), 0.2)
    with pytest.raises(ValueError, match="lift_u = 2 is out of range"):
        lift_and_breath("lift-independent", BreathPattern(), 0.2, 2.0)
    lift, breath = lift_and_breath("lift-independent", BreathPattern(), 0.2, np.array([0, 0.5]))
    np.testing.assert_allclose(lift, [0.0, 1.0], atol=1e-12)
    np.testing.assert_allclose(breath, [profile(BreathPattern(), 0.2)] * 2)
