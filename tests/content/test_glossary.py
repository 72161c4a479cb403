import json
import re
from pathlib import Path

import pytest

from widgets.content import glossary
from widgets.content.course_map import LESSONS
from widgets.content.evidence import GRADES
from widgets.content.glossary import (
    PAGE,
    Segment,
    entries,
    entry,
    first_use_problems,
    first_uses,
    link_problems,
    notebook_text,
)
from widgets.content.lesson_text import segments
from widgets.content.references import bibliography
from widgets.data import STATUSES

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = [lesson for lesson in LESSONS if (ROOT / "lessons" / lesson.file).exists()]

#: Terms the issue asks the glossary to cover (name of the entry that covers each).
REQUIRED = {
    "systematic review": "Systematic review",
    "Cochrane review": "Cochrane review",
    "guideline": "Guideline",
    "SD": "Standard deviation",
    "CI": "Confidence interval",
    "MPa": "Megapascal",
    "Cobb angle": "Cobb angle",
    "PI": "Pelvic incidence",
    "PT": "Pelvic tilt",
    "SS": "Sacral slope",
    "lordosis": "Lordosis",
    "kyphosis": "Kyphosis",
}


def covering(word: str) -> str:
    """Name of the entry whose name or forms include ``word``."""
    for e in entries():
        if word.casefold() in {e.name.casefold(), *(f.casefold() for f in e.forms)}:
            return e.name
    raise AssertionError(f"no glossary entry covers {word!r}")


# --- the content file and the page ---------------------------------------------------------


def test_the_glossary_page_is_made_from_the_content_file():
    stored = (ROOT / "lessons" / PAGE).read_text("utf-8")
    assert stored == notebook_text(), (
        "lessons/glossary.ipynb differs from widgets/data/glossary.toml; "
        "run `uv run python -m widgets.content.glossary`"
    )


def test_the_page_has_one_markdown_cell_per_entry_under_its_anchor_heading():
    nb = json.loads((ROOT / "lessons" / PAGE).read_text("utf-8"))
    cells = nb["cells"]
    assert [c["cell_type"] for c in cells[-2:]] == ["markdown", "code"], "ends with the map"
    assert all(c["cell_type"] == "markdown" for c in cells[:-1])
    headings = ["".join(c["source"]).splitlines()[0].removeprefix("## ") for c in cells[1:-2]]
    assert headings == [e.name for e in entries()]
    anchors = [e.anchor for e in entries()]
    assert len(set(anchors)) == len(anchors)
    # JupyterLab makes a heading's anchor by writing its spaces as "-": keep names plain.
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z-]*", a) for a in anchors), anchors
    ids = [c["id"] for c in nb["cells"]]
    assert len(set(ids)) == len(ids)
    assert ids[1:-2] == [e.cell_id for e in entries()], "lessons link the entries by cell id"


def test_the_issue_terms_status_words_and_evidence_grades_have_entries():
    for word, name in REQUIRED.items():
        assert covering(word) == name
    for status in STATUSES:
        covering(status)
    for grade in GRADES:
        covering(grade)


def test_definitions_cite_only_their_own_source():
    shorts = {ref.short(): key for key, ref in bibliography().items()}
    for e in entries():
        cited = {s for s in shorts if f"({s})" in e.definition}
        assert all(shorts[s] == e.source for s in cited), e.name
        if e.source:
            assert bibliography()[e.source]


def test_entry_names_a_missing_entry_and_lists_the_valid_ones():
    assert entry("Lordosis").anchor == "Lordosis"
    assert entry("Pelvic tilt").link() == f"[pelvic tilt]({PAGE}#cell-id=glossary-pelvic-tilt)"
    with pytest.raises(
        ValueError, match=r"name = 'lordosis' is not a glossary entry; valid entries: .*Lordos"
    ):
        entry("lordosis")


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
        "(Thoracic kyphosis & age study)."
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


def test_the_module_can_rewrite_the_page(tmp_path):
    path = glossary.write_notebook(tmp_path)
    assert path.read_text("utf-8") == notebook_text()
