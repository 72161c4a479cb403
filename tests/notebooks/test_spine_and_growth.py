"""The spine sandbox: each worked experiment's folded answer agrees with the model.

The expected numbers are worked out here from the published formula and from a first-order
lever argument, independently of how the model computes them; the notebook's answers must
state them as rounded here.
"""

import math
import re
from pathlib import Path

import numpy as np
import pytest

from tests.notebooks.folded_answers import (
    answers,
    assert_headings_in_order,
    assert_questions_then_answers,
    cells,
)
from widgets.data import value
from widgets.model import experiments
from widgets.model.adult_ranges import adult_range
from widgets.model.spine import build_spine
from widgets.model.spine_params import preset

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "spine-and-growth.ipynb"


def test_each_experiment_ends_with_a_question_and_one_folded_answer():
    assert_questions_then_answers(NOTEBOOK, 2)


def test_headings_are_in_order_with_one_title():
    assert_headings_in_order(NOTEBOOK)


def test_links_have_meaningful_text():
    for text in re.findall(r"\[([^\]]+)\]\(", "\n".join(cells(NOTEBOOK))):
        assert text.lower() not in {"here", "this", "link", "click here"}, text


# Hasegawa 2016: LL = 32.9 + 0.60 PI - 0.23 age; Mac-Thiong 2011: PI 32-74 deg; mean age 39.4.
LOW = 32.9 + 0.60 * 32 - 0.23 * 39.4  # 43.038
HIGH = 32.9 + 0.60 * 74 - 0.23 * 39.4  # 68.238


def test_the_fitting_lordosis_is_the_published_formula_over_the_normal_range():
    assert experiments.PI_NORMAL_RANGE == (32.0, 74.0)
    assert experiments.fitting_lordosis(32) == pytest.approx(LOW)
    assert experiments.fitting_lordosis(74) == pytest.approx(HIGH)
    assert experiments.fitting_lordosis(53, age_years=60) == pytest.approx(
        32.9 + 0.60 * 53 - 0.23 * 60
    )
    sweep = experiments.lordosis_sweep(points=8)
    assert sweep.pelvic_incidence[[0, -1]] == pytest.approx([32, 74])
    assert sweep.span == pytest.approx(0.60 * (74 - 32))  # 25.2 deg at any age


def test_answer_a_states_the_sweep_as_the_model_computes_it():
    sweep = experiments.lordosis_sweep()
    low, high = experiments.fitting_lordosis(32), experiments.fitting_lordosis(74)
    assert (round(low, 1), round(high, 1), round(sweep.span)) == (43.0, 68.2, 25)
    groups = experiments.group_means()
    slope = (groups["high"][1] - groups["low"][1]) / (groups["high"][0] - groups["low"][0])
    assert round(slope, 2) == 0.62  # (57.7 - 42.3) / (63.3 - 38.3), Sci Rep 2022
    sd = adult_range("lumbar_lordosis").half_width
    assert sweep.span > 2 * sd  # "more than twice the standard deviation" (10.3 deg)
    answer = answers(NOTEBOOK)[0]
    for text in (
        f"{low:.1f}°",
        f"{high:.1f}°",
        f"about {sweep.span:.0f}°",
        f"{slope:.2f}°",
        f"{sd:.1f}°",
    ):
        assert text in answer, f"answer (a) should say {text!r}: {answer}"


def test_one_lordosis_for_all_puts_the_head_further_off_than_the_fitting_one():
    # The answer says so; the notebook's table shows it at both ends of the range.
    for pi in experiments.PI_NORMAL_RANGE:
        one = experiments.with_angle("adult-mean", pelvic_incidence=pi)
        fit = experiments.with_angle(one, lumbar_lordosis=experiments.fitting_lordosis(pi))
        base = experiments.head_offset(build_spine("adult-mean"))
        assert abs(experiments.head_offset(build_spine(one)) - base) > abs(
            experiments.head_offset(build_spine(fit)) - base
        )


def lever_estimate_mm(change_deg: float) -> float:
    """First-order head shift: each lumbar disc turns everything above it by its share.

    A small turn by a about a point h below the ear moves the ear back by a x h. The shares
    are the sourced split of lumbar lordosis (Sci Rep 2022), read from the table here.
    """
    share = value("geometry", "l4_s1_share_of_lumbar_lordosis")
    upper = [value("geometry", f"lumbar_weight_l{i}_l{i + 1}") for i in (1, 2, 3)]
    lower = [value("geometry", "lumbar_weight_l4_l5"), value("geometry", "lumbar_weight_l5_s1")]
    shares = [(1 - share) * w / sum(upper) for w in upper] + [share * w / sum(lower) for w in lower]
    geom = build_spine("adult-mean")
    discs = geom.disc_corners[-5:].mean(axis=1)  # L1-L2 ... L5-S1 centres
    levers = geom.landmarks["porion"][1] - discs[:, 1]
    return -math.radians(change_deg) * float(np.dot(shares, levers))


def test_answer_b_head_shift_matches_a_lever_estimate_and_the_text():
    more, less = experiments.head_shift(10.0), experiments.head_shift(-10.0)
    assert more == pytest.approx(lever_estimate_mm(10.0), rel=0.05)
    assert less == pytest.approx(lever_estimate_mm(-10.0), rel=0.05)
    assert (round(more), round(less)) == (-100, 99)  # more lordosis: the head goes back
    lever_m = -lever_estimate_mm(10.0) / math.radians(10.0) / 1000
    assert round(lever_m, 2) == 0.57
    answer = answers(NOTEBOOK)[1]
    for text in (
        f"about {-more:.0f} mm back",
        f"about {less:.0f} mm forward",
        f"0.17 × {lever_m:.2f} m ≈ 10 cm",
    ):
        assert text in answer, f"answer (b) should say {text!r}: {answer}"


def test_level_changes_put_the_whole_change_above_l1():
    before = build_spine("adult-mean")
    more = preset("adult-mean").lumbar_lordosis + 10.0
    after = build_spine(experiments.with_angle("adult-mean", lumbar_lordosis=more))
    moved = experiments.level_changes(before, after)
    above = [i for i, lv in enumerate(moved.levels) if lv[0] != "L" or lv == "L1"]
    assert moved.tilt[above] == pytest.approx(-10.0)  # leans back by the full change
    assert moved.tilt[moved.levels.index("L5")] == pytest.approx(
        -10.0
        * value("geometry", "l4_s1_share_of_lumbar_lordosis")
        * value("geometry", "lumbar_weight_l5_s1")
        / (value("geometry", "lumbar_weight_l4_l5") + value("geometry", "lumbar_weight_l5_s1"))
    )
    assert np.all(np.diff(moved.forward) > 0)  # travel grows with height (levels top down)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: experiments.fitting_lordosis(20), "pelvic_incidence"),
        (lambda: experiments.fitting_lordosis(True), "pelvic_incidence"),
        (lambda: experiments.fitting_lordosis(50, age_years=80), "age_years"),
        (lambda: experiments.lordosis_sweep(points=1), "points"),
        (lambda: experiments.head_shift(45), "change_deg"),
        (lambda: experiments.head_shift(10, base="nope"), "preset"),
        (lambda: experiments.head_shift(40, base="roussouly-4"), "lumbar_lordosis"),
        (lambda: experiments.head_offset("adult-mean"), "geom"),
        (lambda: experiments.with_angle("adult-mean", spine=3), "unknown angle"),
        (lambda: experiments.with_angle(3), "base"),
        (lambda: experiments.level_changes(build_spine("adult-mean"), None), "after"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_it(call, match):
    with pytest.raises(ValueError, match=match):
        call()
