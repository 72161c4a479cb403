"""Lesson 05 quotes the trunk model and the sourced table, so its text cannot go stale."""

import re

from widgets.content.lesson_text import segments
from widgets.data import value
from widgets.model.trunk_lying import lying_effort


def markdown() -> str:
    text = "\n".join(s.text for s in segments("05") if s.markdown)
    return text.replace("**", "")


def test_the_lesson_quotes_the_lying_models_efforts():
    text = markdown()
    lift, bridge = lying_effort("waist-lift").effort, lying_effort("bridge").effort
    assert f"the waist lift asks about {lift:.1f} % of maximal" in text
    assert f"the bridge about {bridge:.0f} %" in text
    assert f"about {2 * lift:.0f} % of maximal" in text  # "even if it asked twice"


def test_about_half_the_measured_emg_and_below_the_threshold():
    low = value("trunk", "emg", "bridge_multifidus_low")
    high = value("trunk", "emg", "bridge_multifidus_high")
    threshold = value("trunk", "emg", "strength_threshold")
    bridge = lying_effort("bridge").effort
    assert 0.4 < bridge / ((low + high) / 2) < 0.6
    text = markdown()
    assert "bridge comes out at about half the EMG measured in people" in text
    assert f"{low:.0f}–{high:.0f} % of maximal (Lehecka et al. 2015)" in text
    assert f"about {threshold:.0f} % that EMG studies link with strength training" in text
    assert high < threshold


def test_the_model_inputs_quoted_are_the_tables():
    text = markdown()
    arm_cm = value("trunk", "muscle", "extensor_moment_arm") * 100
    strength = value("trunk", "muscle", "extensor_strength_20deg")
    assert f"pull about {arm_cm:.0f} cm behind" in text
    assert f"about {strength:.0f} newton-metres" in text


def test_the_question_on_the_lift_has_the_models_range():
    from widgets.views.question import ask

    q = ask("05", "waist-lift-effort")
    low, high = (float(x) for x in re.findall(r"\d+", q.answer))
    assert low <= lying_effort("waist-lift").effort <= high
