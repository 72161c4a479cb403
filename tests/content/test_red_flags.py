from widgets.content.red_flags import URGENCY_TEXT, red_flags, red_flags_html
from widgets.content.references import bibliography


def test_every_group_is_sourced_and_has_a_known_urgency():
    groups = red_flags()
    assert len(groups) >= 3
    for g in groups:
        assert g.sources
        assert all(k in bibliography() for k in g.sources)
        assert g.urgency in URGENCY_TEXT
        assert g.signs


def test_cauda_equina_signs_are_an_emergency():
    ces = [g for g in red_flags() if "cauda equina" in g.title]
    assert len(ces) == 1
    assert ces[0].urgency == "emergency"
    assert any("both legs" in s for s in ces[0].signs)


def test_html_shows_every_sign_and_the_disclaimer():
    page = red_flags_html()
    for g in red_flags():
        assert g.title.replace("'", "&#x27;") in page
    assert "not medical advice" in page
    assert "var(--jp-" in page
