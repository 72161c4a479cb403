"""The disc sandbox: each worked experiment's folded answer agrees with the model.

Where possible the expected numbers are reasoned here independently of how the model
computes them (the time constants' 1 / permeability scaling, a time-averaged pressure bound
for the breaks); the notebook's answers must state the model's numbers as rounded here.
"""

from pathlib import Path

import pytest

from tests.notebooks.folded_answers import (
    answers,
    assert_headings_in_order,
    assert_questions_then_answers,
    says,
)
from widgets.data import value
from widgets.model import disc_experiments as ex
from widgets.model.disc_loads import posture_pressure

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "discs.ipynb"


def test_each_experiment_ends_with_a_question_and_one_folded_answer():
    assert_questions_then_answers(NOTEBOOK, 3)


def test_headings_are_in_order_with_one_title():
    assert_headings_in_order(NOTEBOOK)


def test_answer_a_degenerate_permeability():
    healthy, leaky = ex.reference_day(), ex.reference_day(ex.degenerate_permeability())
    # time constants scale with 1 / permeability: 0.9 / 1.4 (Johannessen & Elliott 2005)
    scale = value("disc", "permeability") / value("disc", "permeability_degenerate")
    assert leaky.tau_fast_h == pytest.approx(healthy.tau_fast_h * scale)
    assert leaky.tau_slow_h == pytest.approx(healthy.tau_slow_h * scale)
    # a settled cycle gives back at night what it lost by day
    assert leaky.night_regain_mm == pytest.approx(leaky.day_loss_mm, rel=1e-3)
    # neither day nor night reaches equilibrium, so faster exchange swings further
    assert leaky.day_loss_mm > healthy.day_loss_mm
    assert leaky.first_half_night_share > healthy.first_half_night_share
    says(
        answers(NOTEBOOK)[0],
        f"{scale:.2f} of the healthy",
        f"{leaky.tau_fast_h:.2f} h instead of {healthy.tau_fast_h:.2f} h",
        f"{leaky.tau_slow_h:.2f} h instead of {healthy.tau_slow_h:.1f} h",
        f"loses {leaky.day_loss_mm:.2f} mm by the evening instead of {healthy.day_loss_mm:.2f} mm",
        f"{100 * leaky.first_half_night_share:.0f} % in the first half of the night instead of "
        f"{100 * healthy.first_half_night_share:.0f} %",
    )


def test_answer_b_sitting_with_and_without_breaks():
    wilke, nachemson = ex.sitting_breaks("wilke1999"), ex.sitting_breaks("nachemson")
    lying = ex.sitting_breaks(break_posture="lying_supine")
    # Wilke: standing (0.50) is above sitting (0.46), so a standing break cannot save height
    assert posture_pressure("standing") > posture_pressure("sitting")
    assert wilke.saved_by_breaks_mm < 0
    # breaks of 1 min in 15 lower the mean pressure by 1/15 of the gap between sitting and
    # the break; the fluid's height can at most follow that to its new equilibrium, which is
    # (share_fast + share_slow) x compliance per MPa (disc.csv)
    per_mpa = (value("disc", "share_fast") + value("disc", "share_slow")) * value(
        "disc", "compliance"
    )
    for run, table, posture in (
        (nachemson, "nachemson", "standing"),
        (lying, "wilke1999", "lying_supine"),
    ):
        gap = posture_pressure("sitting", table) - posture_pressure(posture, table)
        assert 0 < run.saved_by_breaks_mm < per_mpa * gap / 15
    # measured (Billy 2014): 12.01 -> 11.73 mm
    assert round(ex.MEASURED_SITTING_LOSS, 2) == 0.28
    assert abs(wilke.continuous_mm - 0.28) < abs(nachemson.continuous_mm - 0.28)
    says(
        answers(NOTEBOOK)[1],
        f"loses {wilke.continuous_mm:.2f} mm in 4 h",
        "against the 0.28 mm measured",
        f"it loses {nachemson.continuous_mm:.2f} mm",
        f"the breaks cost {-wilke.saved_by_breaks_mm:.3f} mm",
        f"only {nachemson.saved_by_breaks_mm:.3f} mm with Nachemson",
        f"would save only {lying.saved_by_breaks_mm:.3f} mm",
    )


def test_answer_c_two_tables_for_the_desk_worker():
    both = ex.compare_tables("desk_worker")
    wilke, nachemson = both["wilke1999"], both["nachemson"]
    # the desk worker's day in hours by posture, from disc_days.csv: 8 h of sitting
    hours = {"lying_supine": 8.0, "standing": 4.0, "sitting": 8.0, "reclined_sitting": 4.0}
    for table, day in both.items():
        mean = sum(h * posture_pressure(p, table) for p, h in hours.items()) / 24.0
        assert day.mean_load == pytest.approx(mean, rel=1e-6)
    assert nachemson.swing_mm > wilke.swing_mm
    says(
        answers(NOTEBOOK)[2],
        f"{wilke.mean_load:.2f} MPa with Wilke",
        f"{nachemson.mean_load:.2f} MPa with Nachemson",
        f"{wilke.swing_mm:.2f} mm against {nachemson.swing_mm:.2f} mm",
    )


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: ex.reference_day("disc"), "params"),
        (lambda: ex.degenerate_permeability(3), "params"),
        (lambda: ex.sitting_breaks("wilke"), "table"),
        (lambda: ex.sitting_breaks(break_minutes=0), "break_minutes"),
        (lambda: ex.sitting_breaks(break_minutes=True), "break_minutes"),
        (lambda: ex.sitting_breaks(break_posture="hanging"), "posture"),
        (lambda: ex.sitting_breaks(start=0.5), "start"),
        (lambda: ex.compare_tables("astronaut"), "preset day"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_it(call, match):
    with pytest.raises(ValueError, match=match):
        call()
