import re

import pytest

from widgets.content import references
from widgets.content.references import bibliography, cite, reference, references_markdown


def test_every_entry_is_complete():
    for key, ref in bibliography().items():
        assert ref.authors and ref.title and ref.venue, key
        assert ref.year is None or 1900 < ref.year <= 2026, key
        if ref.year is None:
            assert "Year not retrieved" in ref.note, f"{key}: no year and no note saying so"
        if not (ref.doi or ref.url):
            assert "No link" in ref.note, f"{key}: no DOI/URL and no note saying so"
        if ref.doi:
            assert re.fullmatch(r"10\.\d{4,9}/\S+", ref.doi), f"{key}: bad DOI {ref.doi}"


def test_cite_gives_short_author_year():
    assert cite("guo2018") == "(Guo et al. 2018)"
    assert cite("fon1980", "levine1996") == "(Fon et al. 1980; Levine & Whittle 1996)"
    assert cite("taylor1975") == "(Taylor 1975)"


def test_cite_unknown_key_suggests_close_keys():
    with pytest.raises(ValueError, match="guo2018"):
        reference("guo")


def test_references_markdown_lists_each_key_once_with_its_link():
    md = references_markdown(["guo2018", "fon1980", "guo2018"])
    assert md.count("\n") == 1
    assert "https://doi.org/10.1186/s13018-018-0854-6" in md


def test_show_references_renders_markdown(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj))
    references.show_references(["guo2018"])
    assert "Guo" in shown[0].data
