"""The glossary's entries (``widgets.content.glossary``): coverage, sources, lookups."""

import pytest

from widgets.content.evidence import GRADES
from widgets.content.glossary import PAGE, entries, entry, form_key
from widgets.content.references import bibliography
from widgets.data import STATUSES

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


def test_form_key_keeps_capitals_exact_and_folds_the_rest():
    assert form_key("SD") == "SD"  # capitals match exactly: "sd" is another word
    assert form_key("Cobb  Angle") == "cobb angle"  # case and runs of spaces do not count
    assert form_key("") == ""
    with pytest.raises(ValueError, match="form must be text"):
        form_key(3)
