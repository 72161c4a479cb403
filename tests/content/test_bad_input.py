"""Bad input to the content functions is refused at the call with a ValueError that names it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.content.evidence import badge_html, claim_html
from widgets.content.lesson_content import claims, content, evidence_html, lessons_with_content
from widgets.content.references import cite, reference, references_markdown
from widgets.views.question import ask

#: Values of the wrong type for a text parameter.
NOT_TEXT = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@given(NOT_TEXT)
def test_a_citation_key_must_be_text(bad):
    with pytest.raises(ValueError, match="must be text"):
        reference(bad)
    with pytest.raises(ValueError, match="must be text"):
        cite(bad)


@given(NOT_TEXT)
def test_a_lesson_must_be_text(bad):
    for call in (content, claims, evidence_html):
        with pytest.raises(ValueError, match="lesson must be text"):
            call(bad)


def test_cite_needs_a_key_and_a_string_is_not_a_list_of_keys():
    with pytest.raises(ValueError, match="at least 1"):
        cite()
    with pytest.raises(ValueError, match=r"single string 'guo2018'; write \['guo2018'\]"):
        references_markdown("guo2018")
    with pytest.raises(ValueError, match="unknown citation key 'nobody'"):
        references_markdown(["guo2018", "nobody"])


def test_a_lesson_in_preparation_says_so_and_lists_the_ready_ones():
    ready = lessons_with_content()
    assert ready[:4] == ("00", "01", "02", "03")
    missing = [n for n in ("04", "05", "06", "07") if n not in ready]
    for number in missing:
        with pytest.raises(ValueError, match=f"lesson '{number}' has no content yet.*00, 01"):
            ask(number, "anything")


@given(NOT_TEXT)
def test_a_question_id_must_be_text(bad):
    with pytest.raises(ValueError, match=r"^question_id = .* is not a question of lesson 00"):
        ask("00", bad)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((None, "weak", "y", ["dahm2010"]), "claim must be text"),
        (("x", "weak", 3, ["dahm2010"]), "finding must be text"),
        (("x", "medium", "y", ["dahm2010"]), "valid grades"),
        (("x", "weak", "y", "dahm2010"), "single string 'dahm2010'"),
        (("x", "weak", "y", [1]), "must be text"),
    ],
)
def test_bad_claims_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        claim_html(*args)


@given(NOT_TEXT)
def test_a_grade_must_be_one_of_the_vocabulary(bad):
    with pytest.raises(ValueError, match="valid grades"):
        badge_html(bad)
