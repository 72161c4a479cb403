import json
import re
from pathlib import Path

import pytest

from widgets.content.course_map import LESSONS
from widgets.content.evidence import GRADES
from widgets.content.lesson_content import claims, content, evidence_html
from widgets.content.references import bibliography
from widgets.views.question import ask

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = [lesson for lesson in LESSONS if (ROOT / "lessons" / lesson.file).exists()]
CITATION = re.compile(r"\(([^()]*?(?:\d{4}|n\.d\.)[^()]*?)\)")


def cited_short_forms(text: str) -> set[str]:
    """Short citations written in text, e.g. '(Guo et al. 2018; Fon et al. 1980)'."""
    found = set()
    for group in CITATION.findall(text):
        for part in group.split(";"):
            part = part.strip()
            if re.search(r"[A-Z].*(\d{4}|n\.d\.)$", part):
                found.add(part)
    return found


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_every_citation_in_a_lesson_is_in_its_reference_list(lesson):
    keys = content(lesson.number)["references"]
    assert all(k in bibliography() for k in keys)
    shorts = {bibliography()[k].short() for k in keys}
    nb = json.loads((ROOT / "lessons" / lesson.file).read_text())
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    text += (
        "\n" + (ROOT / "widgets/data/lessons" / lesson.file.replace(".ipynb", ".toml")).read_text()
    )
    cited = cited_short_forms(text)
    assert cited, "a lesson cites its sources"
    missing = sorted(c for c in cited if c not in shorts)
    assert not missing, f"cited but not in the lesson's references: {missing}"


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_claims_are_graded_and_sourced_and_listed(lesson):
    refs = set(content(lesson.number)["references"])
    for c in claims(lesson.number):
        assert c.grade in GRADES
        assert c.sources
        assert set(c.sources) <= refs
    assert "evidence:" in evidence_html(lesson.number)


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_every_question_used_by_the_notebook_exists_and_has_a_right_answer(lesson):
    nb = json.loads((ROOT / "lessons" / lesson.file).read_text())
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    used = re.findall(r'ask\("(\d\d)", "([\w-]+)"\)', code)
    assert used, "each lesson has predict-then-check questions"
    for number, qid in used:
        assert number == lesson.number
        q = ask(number, qid)
        q.choice.value = q.answer
        assert q.reveal() is True


def test_unknown_lesson_and_question_give_clear_errors():
    with pytest.raises(ValueError, match="valid lessons: 00, 01"):
        content("99")
    with pytest.raises(ValueError, match="valid questions: newborn-low-back"):
        ask("00", "nope")
