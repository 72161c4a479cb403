"""The glossary's first-use rule (``widgets.content.glossary_first_use``), and the lessons."""

from pathlib import Path

import pytest

from widgets.content.course_map import LESSONS
from widgets.content.glossary import PAGE, entry
from widgets.content.glossary_first_use import (
    Segment,
    first_use_problems,
    first_uses,
    link_problems,
)
from widgets.content.lesson_text import segments

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = [lesson for lesson in LESSONS if (ROOT / "lessons" / lesson.file).exists()]


# --- the first-use rule --------------------------------------------------------------------


def problems(*texts: str | tuple[str, bool]) -> list[str]:
    segs = [
        Segment(t, f"s{i}") if isinstance(t, str) else Segment(t[0], f"s{i}", markdown=t[1])
        for i, t in enumerate(texts)
    ]
    return first_use_problems(segs)


def test_a_first_use_passes_as_a_glossary_link_or_in_bold_or_italics():
    assert problems(f"The neck has a [lordosis]({entry('Lordosis').target}).") == []
    assert problems("A backward curve is a **lordosis**.") == []
    assert problems("A backward curve is a *lordosis*.") == []


def test_a_plain_first_use_fails_even_if_defined_later():
    found = problems("The lordosis of the neck.", "A backward curve is a **lordosis**.")
    assert len(found) == 1
    assert "s0: 'Lordosis'" in found[0]


def test_a_link_to_another_entry_or_page_does_not_count():
    assert problems(f"A [lordosis]({entry('Kyphosis').target}).")
    assert problems(f"A [lordosis]({PAGE}#Lordosis).")  # by heading: see link_problems
    assert problems("A [lordosis](https://example.org).")


def test_widget_text_needs_a_gloss_in_brackets_or_an_earlier_definition():
    assert problems(("Pain in the thoracic spine.", False))
    assert problems(("Pain in the upper (thoracic) back.", False)) == []
    assert problems(("Sciatica and the lumbar (low-back) spine.", False)) == []
    assert problems("The **lumbar** spine.", ("the lumbar spine", False)) == []


def test_longer_forms_win_and_capital_forms_match_exactly():
    uses = first_uses([Segment("The secondary curves form later. Status: secondary.", "s")])
    assert [u.entry.name for u in uses] == ["Secondary curve", "Secondary"]
    assert first_uses([Segment("a classic sd card", "s")]) == []
    assert [u.form for u in first_uses([Segment("49.8 ± 11.2 SD", "s")])] == ["SD"]


def test_link_targets_code_and_citations_are_not_uses():
    text = (
        f"See [here]({PAGE}#Lordosis), `lordosis`, <b title='lordosis'>x</b> "
        "(Physiother Theory Pract n.d.)."
    )
    assert first_uses([Segment(text, "s")]) == []


def test_link_problems_find_unknown_anchors_and_wrong_link_text():
    disc = entry("Intervertebral disc").target
    assert link_problems(f"[glossary]({PAGE}) and [discs]({disc})") == []
    # By heading, JupyterLab lands on the entry only if the page is already open.
    assert link_problems(f"[lordosis]({PAGE}#Lordosis)")
    assert link_problems(f"[lordosis]({PAGE}#cell-id=glossary-lordosi)")
    assert link_problems(f"[kyphosis]({entry('Lordosis').target})")


# --- the lessons ---------------------------------------------------------------------------


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_a_lesson_links_or_defines_each_glossary_term_where_it_first_uses_it(lesson):
    found = first_use_problems(segments(lesson.number))
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lesson", WRITTEN, ids=lambda x: x.number)
def test_glossary_links_in_a_lesson_point_to_entries(lesson):
    found = [p for s in segments(lesson.number) if s.markdown for p in link_problems(s.text)]
    assert not found, "\n".join(found)


def test_lesson_00_and_the_readme_lead_to_the_glossary():
    first = "\n".join(s.text for s in segments("00") if s.markdown)
    assert f"]({PAGE})" in first
    assert f"](lessons/{PAGE})" in (ROOT / "README.md").read_text("utf-8")
