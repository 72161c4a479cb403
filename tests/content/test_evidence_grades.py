"""The evidence grades say what they mean, and the lessons use them that way."""

import html

import pytest

from widgets.content.evidence import GRADES, badge_html, grade_explanation
from widgets.content.glossary import entries
from widgets.content.lesson_content import claims, lessons_with_content
from widgets.content.lesson_text import segments

ALL_CLAIMS = [(lesson, c) for lesson in lessons_with_content() for c in claims(lesson)]
UNTESTED = ("no study has tested", "no study tested", "no study has measured", "indirect")


def definition(name: str) -> str:
    (entry,) = [e for e in entries() if e.name == name]
    return entry.definition.lower()


def test_the_glossary_says_how_contradicted_differs_from_not_studied_and_weak():
    contradicted, not_studied, weak = (
        definition(n) for n in ("Contradicted", "Not studied", "Weak")
    )
    assert "tested the claim" in contradicted and "not studied" in contradicted
    assert "contradicted" in not_studied
    assert "against" in weak and "indirect" in weak
    assert "contradicted means" in definition("Evidence grade")


@pytest.mark.parametrize(("lesson", "claim"), ALL_CLAIMS, ids=lambda x: getattr(x, "claim", x))
def test_contradicted_is_kept_for_claims_that_were_tested(lesson, claim):
    if claim.grade == "contradicted":
        finding = claim.finding.lower()
        assert not any(word in finding for word in UNTESTED), (lesson, claim.claim)


@pytest.mark.parametrize("topic", ["hydrates", "strengthens"])
def test_lesson_02_disc_and_strength_claims_are_weak_indirect_and_point_against(topic):
    (claim,) = [c for c in claims("02") if topic in c.claim]
    assert claim.grade == "weak"
    assert "indirect" in claim.finding and "points against the claim" in claim.finding
    assert "no study has tested this movement" in claim.finding


def test_lesson_03_grades_breathing_for_back_pain_on_the_meta_analyses():
    (claim,) = [c for c in claims("03") if c.claim == "Breathing exercises ease low-back pain."]
    assert claim.grade == "weak"
    assert {"bmr2023", "shi2023", "seyedhoseinpoor2026"} <= set(claim.sources)
    assert "low certainty" in claim.finding
    (mechanism,) = [c for c in claims("03") if "relaxing the back muscles" in c.claim]
    assert mechanism.grade == "not studied"


def test_contradicted_and_not_studied_each_say_how_they_differ():
    # The two grades both concern studies of the claim itself: none found, or some that found
    # the opposite. Each tooltip names the other grade, so a reader can tell them apart.
    contradicted, not_studied = grade_explanation("contradicted"), grade_explanation("not studied")
    assert "tested the claim itself" in contradicted and "found the opposite" in contradicted
    assert "no study that tested the claim itself" in not_studied
    assert "not studied" in contradicted.lower() and "contradicted" in not_studied.lower()
    assert "not say the claim is wrong" in not_studied
    assert "contradicted" in grade_explanation("weak") and "indirect" in grade_explanation("weak")


@pytest.mark.parametrize("grade", GRADES)
def test_the_badge_tooltip_is_the_grade_explanation(grade):
    assert f"title='{html.escape(grade_explanation(grade))}'" in badge_html(grade)


@pytest.mark.parametrize("grade", GRADES)
def test_lesson_00_lists_each_grade_in_the_one_wording_of_the_badges(grade):
    text = "\n".join(s.text for s in segments("00") if s.markdown)
    assert f"**{grade}** ({GRADES[grade][0]}" in text


@pytest.mark.parametrize(
    ("entry", "grade"), [("Contradicted", "contradicted"), ("Not studied", "not studied")]
)
def test_the_glossary_defines_the_grades_in_the_same_words(entry, grade):
    assert GRADES[grade][0] in definition(entry)
