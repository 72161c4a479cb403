"""Behaviour of the disc model, its loads and the lift comparison; bad input is refused."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model.disc import (
    LIMITS,
    PRESSURE_RANGE,
    SETTINGS,
    DiscHistory,
    DiscParams,
    DiscState,
    evening_state,
    hours_to_recover,
    simulate,
    simulate_day,
)
from widgets.model.disc_experiments import sitting_breaks
from widgets.model.disc_loads import (
    POSTURES,
    PRESET_DAYS,
    PRESSURE_TABLES,
    check_schedule,
    posture_pressure,
    preset_day,
    schedule_load,
)
from widgets.model.disc_transport import (
    DIFFUSIVITY,
    EXTENDED_PRESSURE,
    SOLUTES,
    SUPINE_PRESSURE,
    compare_fluid,
    flow_speed,
    lift_flow_speed,
    lift_peclet_numbers,
    lift_session,
    lying_still,
    night,
    oscillating_flow,
    peclet,
)

# --- behaviour ------------------------------------------------------------------------------


def test_at_the_swelling_pressure_a_hydrated_disc_stays_as_it_is():
    disc = DiscParams()
    h = simulate([0.0, 5.0, 10.0], [disc.swelling_pressure] * 2, disc, DiscState(0.0, 0.0))
    assert np.allclose(h.fluid, disc.water)
    assert h.exchanged == pytest.approx(0.0, abs=1e-9)


def test_fluid_leaves_above_the_swelling_pressure_and_returns_below_it():
    h = simulate([0.0, 4.0, 12.0], [0.5, 0.1], start=DiscState(0.0, 0.0))
    assert h.fluid[1] < h.fluid[0]
    assert h.fluid[2] > h.fluid[1]
    assert h.height[1] < h.height[0]


def test_the_exact_step_does_not_depend_on_the_step_size():
    fine = np.linspace(0.0, 6.0, 6 * 60 + 1)
    coarse = np.array([0.0, 2.0, 6.0])
    load = lambda t: np.where(t[:-1] < 2.0, 0.8, 0.1)  # noqa: E731
    a = simulate(fine, load(fine))
    b = simulate(coarse, load(coarse))
    assert a.fluid[-1] == pytest.approx(b.fluid[-1], rel=1e-9)
    assert a.fluid[120] == pytest.approx(b.fluid[1], rel=1e-9)


def test_huge_steps_stay_stable_and_reach_equilibrium():
    disc = DiscParams()
    h = simulate([0.0, 300.0], [0.5], disc, DiscState(0.0, 0.0))
    fast, slow = disc.capacities()
    assert h.fast[-1] == pytest.approx(fast * (0.5 - disc.swelling_pressure))
    assert h.slow[-1] == pytest.approx(slow * (0.5 - disc.swelling_pressure))


def test_recovery_is_slower_than_loading_by_the_ratio():
    disc = DiscParams(share_fast=0.0, share_slow=0.8)
    _, slow = disc.capacities()
    full = slow * (0.5 - disc.swelling_pressure)
    out = simulate([0.0, disc.tau_slow], [0.5], disc, DiscState(0.0, 0.0))
    back = simulate([0.0, disc.tau_slow], [disc.swelling_pressure], disc, DiscState(0.0, full))
    assert out.slow[-1] / full == pytest.approx(1 - math.exp(-1))
    assert 1 - back.slow[-1] / full == pytest.approx(1 - math.exp(-1 / disc.recovery_ratio))


def test_a_more_permeable_degenerate_disc_exchanges_faster():
    healthy = DiscParams()
    leaky = DiscParams(permeability=1.4e-15)
    a = simulate([0.0, 1.0], [0.5], healthy, DiscState(0.0, 0.0))
    b = simulate([0.0, 1.0], [0.5], leaky, DiscState(0.0, 0.0))
    assert b.fluid[-1] < a.fluid[-1]


def test_sitting_day_sampling_includes_posture_changes():
    h = simulate_day(preset_day("desk_worker"), step_minutes=60.0)
    assert 7.0 in h.time and 8.5 in h.time and h.time[-1] == 24.0
    assert isinstance(h, DiscHistory)


def test_bed_rest_keeps_the_disc_taller_than_a_desk_day():
    rest = simulate_day(preset_day("bed_rest"), days=2)
    desk = simulate_day(preset_day("desk_worker"), days=2)
    assert rest.height.min() > desk.height.min()


def test_every_preset_day_runs_on_both_tables():
    for day in PRESET_DAYS:
        for table in PRESSURE_TABLES:
            h = simulate_day(preset_day(day), table)
            assert np.isfinite(h.height).all()


def test_the_two_tables_disagree_where_the_sources_do():
    # Nachemson: sitting 140 % and side-lying 75 % of standing; Wilke: both close to it / supine
    assert posture_pressure("sitting", "nachemson") > posture_pressure("sitting", "wilke1999")
    assert posture_pressure("lying_side", "nachemson") > 3 * posture_pressure("lying_side")


def test_schedule_load_is_piecewise_constant():
    t, p = schedule_load([(0.0, "standing"), (2.0, "lying_supine")], "wilke1999", 5.0)
    assert t.tolist() == [0.0, 2.0, 5.0]
    assert p.tolist() == [0.5, 0.1]


def test_the_lift_moves_less_fluid_than_lying_still_and_far_less_than_a_night():
    c = compare_fluid()
    # the low bound (no pressure change) is lying still
    assert c.lift_net_low == pytest.approx(c.still_net)
    # a raised pressure slows the evening's inflow
    assert c.lift_net_high < c.still_net
    assert c.night_net > 10 * c.still_net
    assert c.night_per_session > 10


def test_a_rested_disc_loses_fluid_to_the_lifts():
    morning = night(8.0).end_state
    c = compare_fluid(start=morning)
    assert c.lift_net_high < 0 < c.still_net
    assert c.lift_exchanged_high > c.still_exchanged


def test_the_session_is_sampled_at_every_lift():
    h = lift_session(minutes=1.0, breaths_per_minute=6.0)
    assert h.time.size == 2 * 6 + 1
    assert h.time[-1] == pytest.approx(1 / 60)


def test_peclet_is_speed_times_length_over_diffusivity():
    # 1 um/s over 1 mm with D = 1e-5 cm2/s = 1e-9 m2/s: Pe = 1e-6 * 1e-3 / 1e-9 = 1
    assert peclet("oxygen", 1e-6, 1.0) == pytest.approx(1e-9 / (DIFFUSIVITY["oxygen"] * 1e-4))


def test_larger_molecules_have_larger_peclet_numbers():
    pe = lift_peclet_numbers()
    assert list(pe) == list(SOLUTES)
    order = sorted(SOLUTES, key=lambda s: DIFFUSIVITY[s], reverse=True)
    assert [pe[s] for s in order] == sorted(pe.values())
    assert pe["oxygen"] < 0.1


def test_flow_speeds_are_positive_and_small():
    assert 0 < lift_flow_speed() < flow_speed(lying_still()) < 1e-6


def test_hours_to_recover_inf_when_never_reached():
    h = simulate([0.0, 1.0], [0.5])
    assert hours_to_recover(h, float(h.height[0]) + 5.0) == math.inf


# --- bad input ------------------------------------------------------------------------------

NOT_A_NUMBER = st.one_of(
    st.none(), st.booleans(), st.text(max_size=3), st.lists(st.floats(), max_size=2)
)
NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])


def bad_number(low: float, high: float) -> st.SearchStrategy:
    finite = {"allow_nan": False, "allow_infinity": False}
    return st.one_of(
        NOT_A_NUMBER,
        NOT_FINITE,
        st.floats(max_value=low, exclude_max=True, **finite),
        st.floats(min_value=high, exclude_min=True, **finite),
    )


def not_one_of(choices) -> st.SearchStrategy:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.text(max_size=8).filter(lambda s: s not in choices),
    )


NOT_PARAMS = st.one_of(st.integers(), st.text(max_size=3), st.booleans(), st.just(DiscState()))
NOT_STATE = st.one_of(st.integers(), st.text(max_size=3), st.booleans(), st.just(DiscParams()))


@given(st.sampled_from(SETTINGS), st.data())
def test_bad_settings_are_refused_naming_them(name, data):
    bad = data.draw(bad_number(*LIMITS[name]))
    with pytest.raises(ValueError, match=name):
        DiscParams(**{name: bad})


def test_shares_above_one_are_refused():
    with pytest.raises(ValueError, match="share_fast \\+ share_slow"):
        DiscParams(share_fast=0.6, share_slow=0.6)


@given(st.one_of(NOT_A_NUMBER, NOT_FINITE))
def test_bad_state_is_refused(bad):
    with pytest.raises(ValueError, match="fast"):
        DiscState(fast=bad)


@given(bad_number(*PRESSURE_RANGE), st.integers(0, 2))
def test_a_pressure_outside_the_range_is_refused_naming_it(bad, where):
    loads = [0.5, 0.5, 0.5]
    loads[where] = bad
    with pytest.raises(ValueError, match=rf"loads\[{where}\]"):
        simulate([0.0, 1.0, 2.0, 3.0], loads)


@given(st.one_of(NOT_FINITE, st.floats(max_value=-1e-9, allow_nan=False), st.booleans()))
def test_negative_nan_or_bool_times_are_refused(bad):
    with pytest.raises(ValueError, match=r"times\[1\]"):
        simulate([0.0, bad, 3.0], [0.5, 0.5])


@pytest.mark.parametrize("times", [[0.0, 2.0, 1.0], [0.0, 1.0, 1.0], [5.0, 1.0, 9.0]])
def test_a_time_axis_that_does_not_increase_is_refused(times):
    with pytest.raises(ValueError, match="increase strictly"):
        simulate(times, [0.5, 0.5])


@pytest.mark.parametrize(
    ("times", "loads", "match"),
    [
        ([0.0], [], "at least 2"),
        ([0.0, 1.0], [0.5, 0.5], "one pressure per interval"),
        ("0,1", [0.5], "times must be a list"),
        ([0.0, 1.0], 0.5, "loads must be a list"),
        ({0.0: 1}, [0.5], "times must be a list"),
        (np.array([[0.0, 1.0]]), [0.5], r"times\[0\]"),
        (np.array([0.0, 400.0]), [0.5], "out of range"),
        (np.array([True, False]), [0.5], "times"),
    ],
)
def test_malformed_histories_are_refused(times, loads, match):
    with pytest.raises(ValueError, match=match):
        simulate(times, loads)


@given(NOT_PARAMS)
def test_wrong_params_are_refused_by_every_function(bad):
    calls = [
        lambda: simulate([0.0, 1.0], [0.5], bad),
        lambda: simulate_day(preset_day("bed_rest"), params=bad),
        lambda: lift_session(params=bad),
        lambda: lying_still(params=bad),
        lambda: night(params=bad),
        lambda: compare_fluid(params=bad),
        lambda: lift_flow_speed(params=bad),
        lambda: lift_peclet_numbers(params=bad),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="params must be a DiscParams"):
            call()


@given(NOT_STATE)
def test_wrong_start_states_are_refused_by_every_function(bad):
    calls = [
        lambda: simulate([0.0, 1.0], [0.5], None, bad),
        lambda: simulate_day(preset_day("bed_rest"), start=bad),
        lambda: lift_session(start=bad),
        lambda: lying_still(start=bad),
        lambda: night(start=bad),
        lambda: compare_fluid(start=bad),
        lambda: lift_flow_speed(start=bad),
        lambda: lift_peclet_numbers(start=bad),
    ]
    for call in calls:
        with pytest.raises(ValueError, match="start must be a DiscState"):
            call()


@given(not_one_of(PRESSURE_TABLES))
def test_unknown_tables_are_refused_listing_the_valid_ones(bad):
    for call in (
        lambda: posture_pressure("standing", bad),
        lambda: schedule_load([(0.0, "standing")], bad),
        lambda: simulate_day(preset_day("bed_rest"), bad),
    ):
        with pytest.raises(ValueError, match="valid tables: wilke1999, nachemson"):
            call()


@given(st.sampled_from(PRESSURE_TABLES), st.data())
def test_postures_outside_a_table_are_refused_listing_its_postures(table, data):
    bad = data.draw(not_one_of(POSTURES[table]))
    with pytest.raises(ValueError, match="valid postures"):
        posture_pressure(bad, table)


def test_a_posture_only_one_source_measured_is_refused_in_the_other():
    with pytest.raises(ValueError, match="'lying_prone_extended'; valid"):
        simulate_day([(0.0, "lying_prone_extended")], "nachemson")


@given(not_one_of(PRESET_DAYS))
def test_unknown_preset_days_are_refused(bad):
    with pytest.raises(ValueError, match=r"^name = .* is not a preset day; valid preset days: d"):
        preset_day(bad)


@pytest.mark.parametrize("bad", ["sitting_slouched", "lying_prone_extended", 3, None])
def test_sitting_breaks_name_an_unknown_break_posture(bad):
    # "lying_prone_extended" is a posture of Wilke's table but not of Nachemson's
    with pytest.raises(ValueError, match=r"^break_posture = .* is not a posture of table 'nach"):
        sitting_breaks(break_posture=bad, table="nachemson")


@pytest.mark.parametrize(
    ("schedule", "match"),
    [
        ([], "at least one"),
        ("standing", "must be a list"),
        ([(1.0, "standing")], "must start at 0 h"),
        ([(0.0, "standing"), (0.0, "sitting")], r"schedule\[1\] start = 0 h must be after"),
        ([(0.0, "standing"), (30.0, "sitting")], r"schedule\[1\] start = 30 h is out of range"),
        ([(0.0, "standing"), (-1.0, "sitting")], "out of range"),
        ([(0.0, "standing"), (math.nan, "sitting")], "finite"),
        ([(True, "standing")], r"schedule\[0\] start must be a number"),
        ([[0.0, "standing"]], r"schedule\[0\] must be a \(start hour, posture\) pair"),
        ([(0.0, "standing", 1)], "pair"),
        ([(0.0, 3)], r"schedule\[0\] posture must be text"),
        ([(0.0, "flying")], "valid"),
    ],
)
def test_bad_schedules_are_refused_naming_the_step(schedule, match):
    with pytest.raises(ValueError, match=match):
        simulate_day(schedule)


@pytest.mark.parametrize(
    ("table", "end_hours", "match"),
    [
        ("wilke", 24.0, r"unknown table 'wilke'; valid tables: wilke1999, nachemson"),
        (None, 24.0, "unknown table None"),
        ("wilke1999", 0.0, r"end_hours = 0 h is out of range"),  # no step starts before 0 h
        ("wilke1999", 400.0, r"end_hours = 400 h is out of range; allowed range is 1e-06 to 336"),
        ("wilke1999", True, "end_hours must be a number, got True"),
    ],
)
def test_check_schedule_names_its_table_and_end(table, end_hours, match):
    with pytest.raises(ValueError, match=match):
        check_schedule("schedule", [(0.0, "standing")], table, end_hours)


@given(bad_number(0.1, 60.0))
def test_bad_step_minutes_are_refused(bad):
    with pytest.raises(ValueError, match="step_minutes"):
        simulate_day(preset_day("bed_rest"), step_minutes=bad)


@pytest.mark.parametrize("bad", [0, 15, True, 1.5, "2", None])
def test_bad_day_counts_are_refused(bad):
    with pytest.raises(ValueError, match="days must be a whole number from 1 to 14"):
        simulate_day(preset_day("bed_rest"), days=bad)


@given(bad_number(0.10, 0.25))
def test_lift_pressures_outside_the_sourced_bounds_are_refused(bad):
    with pytest.raises(ValueError, match="lift_pressure"):
        lift_session(bad)
    with pytest.raises(ValueError, match="lift_pressure"):
        lift_flow_speed(bad)


@settings(max_examples=30)
@given(
    st.sampled_from(
        [
            ("minutes", 0.5, 120.0),
            ("breaths_per_minute", 3.0, 30.0),
            ("duty", 0.05, 0.95),
        ]
    ),
    st.data(),
)
def test_bad_session_settings_are_refused(setting, data):
    name, low, high = setting
    with pytest.raises(ValueError, match=name):
        lift_session(**{name: data.draw(bad_number(low, high))})


@given(bad_number(0.5, 1440.0))
def test_bad_lying_minutes_are_refused(bad):
    with pytest.raises(ValueError, match="minutes"):
        lying_still(bad)


@given(bad_number(1.0, 14.0))
def test_bad_night_hours_are_refused(bad):
    with pytest.raises(ValueError, match="hours"):
        night(bad)
    with pytest.raises(ValueError, match="night_hours"):
        compare_fluid(night_hours=bad)


@given(bad_number(0.5, 120.0))
def test_bad_comparison_minutes_are_refused(bad):
    with pytest.raises(ValueError, match="minutes"):
        compare_fluid(bad)


@given(not_one_of(SOLUTES))
def test_unknown_solutes_are_refused(bad):
    with pytest.raises(ValueError, match="valid solutes: oxygen, glucose"):
        peclet(bad, 1e-8)


@given(bad_number(0.0, 1e-3))
def test_bad_speeds_are_refused(bad):
    with pytest.raises(ValueError, match="speed"):
        peclet("glucose", bad)


@given(bad_number(0.01, 100.0))
def test_bad_lengths_are_refused(bad):
    with pytest.raises(ValueError, match="length"):
        peclet("glucose", 1e-8, bad)


@pytest.mark.parametrize("bad", [None, 3, "history", DiscParams()])
def test_wrong_histories_are_refused(bad):
    with pytest.raises(ValueError, match="history must be a DiscHistory"):
        flow_speed(bad)
    with pytest.raises(ValueError, match="history must be a DiscHistory"):
        hours_to_recover(bad, 10.0)


@given(st.one_of(NOT_A_NUMBER, NOT_FINITE))
def test_bad_recovery_references_are_refused(bad):
    with pytest.raises(ValueError, match="reference"):
        hours_to_recover(lying_still(), bad)


@given(bad_number(1e-9, 1.0))
def test_bad_recovery_fractions_are_refused(bad):
    with pytest.raises(ValueError, match="fraction"):
        hours_to_recover(lying_still(), 10.0, bad)


def test_unknown_keywords_are_errors():
    with pytest.raises(TypeError):
        simulate([0.0, 1.0], [0.5], **{"colour": "red"})
    assert evening_state().total > 0


# --- oscillating flow per lift ---------------------------------------------------------------


def test_the_lift_stroke_matches_a_hand_estimate_and_diffusion_is_sqrt_2dt():
    # While the waist is up, each compartment's inflow slows by cap * (p_lift - p_supine) /
    # (recovery_ratio * tau) (the evening disc takes fluid in at both pressures); over the
    # lifted half of a 10 s breath, spread over two endplates, that is the stroke.
    disc = DiscParams()
    caps, taus = disc.capacities(), disc.time_constants()
    dp = EXTENDED_PRESSURE - SUPINE_PRESSURE
    per_hour = sum(c * dp / (disc.recovery_ratio * t) for c, t in zip(caps, taus, strict=True))
    stroke_um = per_hour * (5.0 / 3600.0) / (2 * disc.area) * 1e3
    flow = oscillating_flow()
    assert flow.period_s == pytest.approx(10.0)
    assert flow.displacement_um == pytest.approx(stroke_um, rel=0.02)
    # glucose: D = 1.38e-6 cm2/s = 1.38e-10 m2/s over 5 s -> sqrt(1.38e-9) m = 37 µm
    assert flow.diffusion_um["glucose"] == pytest.approx(math.sqrt(2 * 1.38e-10 * 5) * 1e6)
    assert flow.ratio["glucose"] == pytest.approx(flow.displacement_um / 37.148, rel=1e-3)


def test_the_oscillating_view_is_far_below_the_steady_peclet_number():
    flow = oscillating_flow()
    steady = lift_peclet_numbers()
    assert steady["large"] > 1  # the steady number says the flow would carry a large molecule
    assert all(r < 0.01 for r in flow.ratio.values())  # each stroke is a ripple on diffusion
    assert oscillating_flow(SUPINE_PRESSURE).displacement_um == pytest.approx(0.0, abs=1e-12)


def test_a_faster_breath_moves_less_fluid_per_lift():
    assert oscillating_flow(breaths_per_minute=12).displacement_um < (
        oscillating_flow().displacement_um
    )


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"lift_pressure": 0.5}, "lift_pressure"),
        ({"breaths_per_minute": 60}, "breaths_per_minute"),
        ({"breaths_per_minute": True}, "breaths_per_minute"),
        ({"params": "disc"}, "params"),
        ({"start": 3}, "start"),
    ],
)
def test_oscillating_flow_refuses_bad_input(kwargs, name):
    with pytest.raises(ValueError, match=name):
        oscillating_flow(**kwargs)
