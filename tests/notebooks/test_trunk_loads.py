"""The trunk-loads sandbox: each worked experiment's folded answer agrees with the model.

Where possible the expected numbers are also worked out here independently of the model's
code: from de Leva's segment fractions (deleva1996, Table 4, male), the sine law of a lever,
Chaffin's published effort table (chaffin1999) and the 5 cm moment arm (gungor2013). The
notebook must state them as rounded here.
"""

import math
import re
from pathlib import Path

import pytest

from tests.notebooks.folded_answers import (
    answers,
    assert_headings_in_order,
    assert_questions_then_answers,
    cells,
    says,
)
from widgets.model import trunk_experiments as tx
from widgets.model.trunk import (
    NIOSH_COMPRESSION_LIMIT,
    TrunkPosture,
    preset,
    preset_load,
    trunk_load,
)
from widgets.model.trunk_segments import G

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "trunk-loads.ipynb"

# de Leva 1996, male mass fractions (the trunk.csv rows, copied from the source here)
HEAD, UPPER, MIDDLE = 0.0694, 0.1596, 0.1633
ARM_PARTS = ((0.0271, 0.5772, 0.2817), (0.0162, 0.4574, 0.2689), (0.0061, 0.7900, 0.0862))
ARM = 0.05  # m, gungor2013
BODY = 70.0  # kg


def test_each_experiment_ends_with_a_question_and_one_folded_answer():
    assert_questions_then_answers(NOTEBOOK, 3)


def test_headings_are_in_order_with_one_title():
    assert_headings_in_order(NOTEBOOK)


def test_links_have_meaningful_text_and_lead_to_existing_files():
    for text, target in re.findall(r"\[([^\]]+)\]\(([^)#]+)", "\n".join(cells(NOTEBOOK))):
        assert text.lower() not in {"here", "this", "link", "click here"}, text
        assert (NOTEBOOK.parent / target).exists(), target


# --- experiment 1: the upper body alone ----------------------------------------------------


def test_answer_1_the_moment_follows_the_sine_law():
    m20, m45, m90 = (x.moment for x in tx.upper_body_alone((20.0, 45.0, 90.0)))
    # M(a) = A sin a + B cos a: B is the trunk's weight 2 cm in front of the disc upright
    # (woodhull1985, derived), the arms hang from the shoulders so they add to A only.
    b = BODY * (HEAD + UPPER + MIDDLE) * G * 0.02
    assert preset_load("standing").moment == pytest.approx(b)
    s20, c20 = math.sin(math.radians(20)), math.cos(math.radians(20))
    assert m20 == pytest.approx(m90 * s20 + b * c20)
    assert m45 == pytest.approx((m90 + b) * math.sin(math.radians(45)))
    sine_ratio = 1 / s20
    assert m90 / m20 < sine_ratio < 4.5  # grows less than the sine, far less than the angle
    says(answers(NOTEBOOK)[0], f"{m20:.1f} to {m90:.1f} N·m", f"about {m90 / m20:.1f} times")
    says(answers(NOTEBOOK)[0], f"sin 90° / sin 20° ≈ {sine_ratio:.1f}")


def test_answer_1_force_effort_and_body_weights():
    low, high = tx.upper_body_alone((20.0, 90.0))
    assert low.extensor_force == pytest.approx(low.moment / ARM)
    weights = high.extensor_force / (BODY * G)
    assert tx.times_body_weight(high.extensor_force) == pytest.approx(weights)
    says(
        answers(NOTEBOOK)[0],
        f"{low.extensor_force:.0f} N at 20°",
        f"{high.extensor_force:.0f} N at 90°",
        f"about {weights:.1f} times the weight of the whole {BODY:.0f} kg body",
        f"at 90°, {high.effort:.1f} %",
    )
    assert high.effort > 45.0  # above Ekstrom's level, as the answer says


def test_answer_1_compares_with_chaffins_table():
    chaffin = {20: 6.3, 40: 14.9, 60: 27.4}  # chaffin1999: % MVC to hold the trunk, 60 kg man
    model = {a: trunk_load(TrunkPosture(flexion=a, body_mass=60)).effort for a in chaffin}
    ratios = [model[a] / chaffin[a] for a in chaffin]
    assert all(r > 1 for r in ratios), "the model errs high"
    answer = answers(NOTEBOOK)[0]
    says(answer, "6.3, 14.9 and 27.4 % at 20°, 40° and 60° for a 60 kg man")
    says(answer, f"{model[20]:.1f}, {model[40]:.1f} and {model[60]:.1f} %")
    says(answer, f"{min(ratios):.1f} to {max(ratios):.1f} times")


# --- experiment 2: how far the load is held ------------------------------------------------


def arm_centre_share() -> float:
    """Where the centre of an outstretched arm lies, share of its length (de Leva parts)."""
    start, weighted = 0.0, 0.0
    for mass, com, length in ARM_PARTS:
        weighted += mass * (start + com * length)
        start += length
    return weighted / sum(m for m, _, _ in ARM_PARTS) / start


def test_answer_2_moment_per_distance_is_the_load_plus_the_arms_share():
    arms = BODY * 2 * sum(m for m, _, _ in ARM_PARTS)
    share = arm_centre_share()
    expected = (10.0 + arms * share) * G  # N·m per metre of reach
    slope = tx.moment_per_metre(load=10.0, flexion=45.0)
    assert slope == pytest.approx(expected)
    says(
        answers(NOTEBOOK)[1],
        f"about {slope / 10:.1f} N·m of moment",
        f"10 kg × 9.81 m/s² = {10 * G:.0f} N",
        f"0.1 m is {10 * G * 0.1:.1f} N·m",
        f"({arms:.1f} kg, de Leva 1996)",
        f"about {share * 100:.0f} %",
        f"costs {1 / ARM:.0f} N of muscle force",
    )


def test_answer_2_close_and_far():
    near, far = tx.load_at_distances((0.1, 0.5), load=10.0, flexion=45.0)
    assert (near.posture, far.posture) == (preset("lift-close"), preset("lift-far"))
    extra = far.extensor_force - near.extensor_force
    assert extra == pytest.approx(tx.moment_per_metre() * 0.4 / ARM)
    assert far.compression - near.compression == pytest.approx(extra)
    assert near.compression < NIOSH_COMPRESSION_LIMIT < far.compression
    says(
        answers(NOTEBOOK)[1],
        f"from {near.extensor_force:.0f} N to {far.extensor_force:.0f} N",
        f"{extra:.0f} N more, {100 * extra / near.extensor_force:.0f} %",
        f"from {near.compression:.0f} N to {far.compression:.0f} N",
        f"from {near.effort:.1f} % to {far.effort:.1f} %",
        "3,400 N",
    )


# --- experiment 3: the moment arm ----------------------------------------------------------


def test_answer_3_force_scales_inversely_and_effort_stays():
    posture = preset("lift-close")
    c4, c5, c6 = (tx.with_moment_arm(posture, a) for a in (0.04, 0.05, 0.06))
    base = trunk_load(posture)
    assert c5.extensor_force == pytest.approx(base.extensor_force)
    assert c5.compression == pytest.approx(base.compression)
    assert c4.extensor_force / c5.extensor_force == pytest.approx(5 / 4)
    assert c6.extensor_force / c5.extensor_force == pytest.approx(5 / 6)
    assert c4.effort == c5.effort == c6.effort == base.effort
    # the weights' part of the compression: upper body and load along a trunk bent 45 deg
    upper = BODY * (HEAD + UPPER + MIDDLE + 2 * sum(m for m, _, _ in ARM_PARTS))
    along = (upper + 10.0) * G * math.cos(math.radians(45))
    assert c5.compression - c5.extensor_force == pytest.approx(along)
    up, down = c4.compression / c5.compression - 1, c6.compression / c5.compression - 1
    says(
        answers(NOTEBOOK)[2],
        f"1.25 times as large ({c4.extensor_force:.0f} N)",
        f"0.83 times ({c6.extensor_force:.0f} N)",
        f"+{100 * up:.0f} % and −{-100 * down:.0f} %",
        f"({c4.compression:.0f} N and {c6.compression:.0f} N against {c5.compression:.0f} N)",
        f"{along:.0f} N, is the weight",
        f"({c5.effort:.1f} %)",
    )


def test_answer_3_one_centimetre_is_like_twenty_centimetres_of_reach():
    posture = preset("lift-close")
    by_arm = tx.with_moment_arm(posture, 0.04).compression - trunk_load(posture).compression
    near, further = tx.load_at_distances((0.1, 0.3))
    by_reach = further.compression - near.compression
    assert by_reach == pytest.approx(by_arm, rel=0.15)
    says(answers(NOTEBOOK)[2], f"(+{by_reach:.0f} N, experiment 5)")
