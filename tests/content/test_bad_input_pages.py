"""Bad input to the course map, glossary, red flags, lesson text and page style is refused at
the call with a ValueError naming it; text from elsewhere is escaped in HTML.

(``test_bad_input.py`` covers references, evidence, lesson content and the questions.)
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.content import (
    course_map,
    glossary,
    glossary_first_use,
    glossary_page,
    lesson_text,
    page_style,
    red_flags,
)
from widgets.content.course_map import LESSONS, Lesson, course_map_html, course_map_markdown
from widgets.content.glossary import Entry
from widgets.content.glossary_first_use import FirstUse, Segment
from widgets.content.lesson_content import content
from widgets.content.red_flags import RedFlagGroup

NOT_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
#: Not a folder: wrong types, and paths that do not exist.
NOT_A_FOLDER = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(),
    st.lists(st.text(max_size=3), max_size=2),
    st.text(alphabet="abcxyz", min_size=1, max_size=8).map(lambda s: f"/no/such/{s}"),
)
ENTRY = glossary.entries()[0]
SEGMENT = Segment("Lordosis is a curve.", "cell 1")
#: Every lesson number on the course map (written or not).
NUMBERS = {e.number for e in LESSONS}


# --- course map and lesson text -------------------------------------------------------------


@given(bad=NOT_A_FOLDER)
def test_a_lessons_folder_must_exist(bad):
    for call in (
        course_map_html,
        course_map_markdown,
        lambda f: lesson_text.notebook_path("00", f),
        lambda f: lesson_text.segments("00", f),
        lambda f: lesson_text.cited_keys("00", f),
        glossary_page.write_notebook,
    ):
        with pytest.raises(ValueError, match="folder must be"):
            call(bad)


@given(bad=NOT_TEXT)
def test_the_readme_prefix_must_be_text(bad):
    with pytest.raises(ValueError, match="prefix must be text"):
        course_map_markdown(None, bad)


@given(bad=st.one_of(NOT_TEXT, st.text(max_size=4).filter(lambda s: s not in NUMBERS)))
def test_an_unknown_lesson_lists_the_lessons(bad):
    for call in (lesson_text.notebook_path, lesson_text.segments, lesson_text.cited_keys):
        with pytest.raises(ValueError, match=r"unknown lesson .*; valid lessons: 00, 01, 02"):
            call(bad)


def test_a_question_the_lesson_content_lacks_is_named_as_question_id(tmp_path):
    first = LESSONS[0]
    cell = {"cell_type": "code", "id": "c1", "metadata": {}, "outputs": [], "execution_count": None}
    cell["source"] = [f'widgets.ask("{first.number}", "no-such-question")']
    nb = {"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / first.file).write_text(json.dumps(nb), "utf-8")
    with pytest.raises(ValueError, match="question_id") as err:
        lesson_text.segments(first.number, tmp_path)
    message = str(err.value)
    assert message.startswith(
        f"question_id = 'no-such-question' is not a question of lesson {first.number}; "
        "valid questions: "
    )
    listed = message.split("valid questions: ")[1].split(", ")
    assert listed == [q["id"] for q in content(first.number)["question"]]


def test_a_lesson_in_preparation_has_no_text_yet():
    missing = [e.number for e in LESSONS if not (course_map.lessons_dir() / e.file).exists()]
    for number in missing:
        with pytest.raises(ValueError, match=f"lesson '{number}' has no notebook yet.*00, 01"):
            lesson_text.segments(number)


GOOD_LESSON = {
    "number": "08",
    "title": "Extra",
    "file": "08-extra.ipynb",
    "minutes": 10,
    "about": "more",
}


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("number", 8, "number must be text"),
        ("number", "8", "number must be two digits such as '02', got '8'"),
        ("title", "", "title must not be empty"),
        ("file", "extra.ipynb", "file must be a notebook name '08-<name>.ipynb'"),
        ("file", "08-x/../y.ipynb", "file must be a notebook name"),
        ("minutes", 10.5, r"minutes must be a whole number \(int\), got float 10.5"),
        ("minutes", True, r"minutes must be a whole number \(int\), got bool True"),
        ("minutes", 0, "minutes = 0 min is out of range; allowed range is 1 to 240 min"),
        ("about", None, "about must be text"),
    ],
)
def test_a_lesson_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        Lesson(**{**GOOD_LESSON, field: bad})


def test_lesson_titles_and_links_are_escaped_in_the_map(tmp_path, monkeypatch):
    nasty = Lesson("00", "<script>x</script>", "00-a'b.ipynb", 5, "a <b>b</b> & c")
    (tmp_path / nasty.file).write_text("{}")
    monkeypatch.setattr(course_map, "LESSONS", (nasty,))
    table = course_map_html(tmp_path)
    assert "<script>" not in table and "<b>b</b>" not in table
    assert "&lt;script&gt;" in table and "href='00-a&#x27;b.ipynb'" in table


# --- glossary -------------------------------------------------------------------------------


@given(bad=st.one_of(NOT_TEXT, st.just("  ")))
def test_glossary_names_must_be_text(bad):
    with pytest.raises(ValueError, match="name must"):
        glossary.anchor(bad)
    with pytest.raises(ValueError, match=r"^name = .* is not a glossary entry; valid entries"):
        glossary.entry(bad)


@given(bad=st.one_of(NOT_TEXT, st.just(" ")))
def test_a_link_text_is_none_or_text(bad):
    if bad is None:
        assert ENTRY.link(bad).startswith(f"[{ENTRY.name.lower()}]")
        return
    with pytest.raises(ValueError, match="text must"):
        ENTRY.link(bad)


@given(bad=st.one_of(NOT_TEXT, st.just(SEGMENT)))
def test_entry_markdown_needs_an_entry(bad):
    with pytest.raises(ValueError, match="e must be a glossary Entry"):
        glossary_page.entry_markdown(bad)


@given(bad=st.one_of(NOT_TEXT.filter(lambda v: not isinstance(v, list)), st.just("lesson text")))
def test_first_use_checks_need_a_list_of_segments(bad):
    for call in (glossary_first_use.first_uses, glossary_first_use.first_use_problems):
        with pytest.raises(ValueError, match="segments must be a list of Segment"):
            call(bad)


@given(bad=st.one_of(NOT_TEXT, st.just(ENTRY)))
def test_first_use_checks_refuse_items_that_are_not_segments(bad):
    with pytest.raises(ValueError, match=r"segments\[1\] must be a Segment"):
        glossary_first_use.first_uses([SEGMENT, bad])


@given(bad=NOT_TEXT)
def test_link_problems_need_markdown_text(bad):
    with pytest.raises(ValueError, match="markdown must be text"):
        glossary_first_use.link_problems(bad)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "name must not be empty"),
        ({"definition": None}, "definition must be text"),
        ({"forms": "SD"}, r"forms must be a list of strings, got the single string 'SD'"),
        ({"forms": ("SD", 1)}, "each item of forms must be text"),
        ({"source": "nobody"}, "unknown citation key 'nobody'"),
        ({"see": "Lordosis"}, "see must be a list of strings"),
    ],
)
def test_an_entry_refuses_each_bad_field(fields, message):
    with pytest.raises(ValueError, match=message):
        Entry(**{"name": "X", "definition": "d", **fields})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": None}, "text must be text"),
        ({"where": ""}, "where must not be empty"),
        ({"markdown": 1}, "markdown must be True or False, got int 1"),
    ],
)
def test_a_segment_refuses_each_bad_field(fields, message):
    with pytest.raises(ValueError, match=message):
        Segment(**{"text": "t", "where": "w", **fields})


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"entry": "Lordosis"}, "entry must be a glossary Entry"),
        ({"form": ""}, "form must not be empty"),
        ({"how": "bold"}, "unknown how 'bold'"),
        ({"problem": None}, "problem must be text"),
    ],
)
def test_a_first_use_refuses_each_bad_field(fields, message):
    good = {"entry": ENTRY, "form": "f", "where": "w", "context": "c", "how": ""}
    with pytest.raises(ValueError, match=message):
        FirstUse(**{**good, **fields})


# --- red flags and page style ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": 3}, "title must be text"),
        ({"urgency": "later"}, "unknown urgency level 'later'; valid urgency levels: emergency"),
        ({"sources": "nice2016"}, "sources must be a list of strings, got the single string"),
        ({"sources": ()}, r"sources needs at least 1 item\(s\)"),
        ({"sources": ("nobody",)}, "unknown citation key 'nobody'"),
        ({"signs": ("a", "")}, "each item of signs must not be empty"),
    ],
)
def test_a_red_flag_group_refuses_each_bad_field(fields, message):
    sources = red_flags.red_flags()[0].sources
    good = {"title": "t", "urgency": "soon", "sources": sources, "signs": ("s",)}
    with pytest.raises(ValueError, match=message):
        RedFlagGroup(**{**good, **fields})


@given(bad=NOT_TEXT)
def test_page_html_must_be_text(bad):
    for call in (page_style.styled, page_style.show_html):
        with pytest.raises(ValueError, match="html must be text"):
            call(bad)
