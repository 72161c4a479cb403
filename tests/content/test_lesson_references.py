"""A lesson's reference list holds exactly the works its text cites."""

from pathlib import Path

import pytest

from widgets.content.course_map import LESSONS
from widgets.content.lesson_content import content
from widgets.content.lesson_text import cited_keys, notebook_path, segments

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = [lesson for lesson in LESSONS if (ROOT / "lessons" / lesson.file).exists()]


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_a_lesson_lists_no_work_it_never_cites(lesson):
    listed = content(lesson.number)["references"]
    assert len(set(listed)) == len(listed), "a work is listed twice"
    never = sorted(set(listed) - cited_keys(lesson.number))
    assert not never, (
        f"lesson {lesson.number} lists works its text, questions, claims and red flags "
        f"never cite: {never}"
    )


def test_the_lesson_text_follows_the_notebook_and_its_content_calls():
    parts = segments("00")
    wheres = [s.where for s in parts]
    assert wheres[0] == "cell cell-00"
    assert "red flags" in wheres
    assert "question 'newborn-low-back'" in wheres
    assert wheres.index("question 'newborn-low-back'") < wheres.index("claims")
    assert all(s.markdown == s.where.startswith("cell") for s in parts)
    assert "(Dahm et al. 2010)" in next(s.text for s in parts if s.where == "claims")


def test_a_work_cited_only_in_a_claim_source_counts_as_cited():
    assert "hayden2021" in cited_keys("02")
    assert "backes-ces" in cited_keys("00")  # a red-flag source


def test_unknown_lesson_is_refused_with_the_valid_numbers():
    with pytest.raises(ValueError, match="unknown lesson '99'; valid lessons: 00, 01"):
        notebook_path("99")
