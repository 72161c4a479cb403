import re

from widgets.content.lesson_text import segments
from widgets.content.red_flags import URGENCY_TEXT, red_flags, red_flags_html
from widgets.content.references import bibliography

TIERS = tuple(URGENCY_TEXT)
AGE_THRESHOLD = re.compile(
    r"\b(?:age|aged)\b[^.;]*\b\d{2}\b|\b(?:under|over|before|after) (?:age )?\d{2}\b"
)


def signs_in(urgency: str) -> list[str]:
    return [s for g in red_flags() if g.urgency == urgency for s in g.signs]


def group(title_part: str):
    (found,) = [g for g in red_flags() if title_part in g.title]
    return found


def test_every_group_is_sourced_and_has_a_known_urgency():
    groups = red_flags()
    assert len(groups) >= 3
    for g in groups:
        assert g.sources
        assert all(k in bibliography() for k in g.sources)
        assert g.urgency in URGENCY_TEXT
        assert g.signs


def test_the_tiers_run_from_the_most_urgent_down_and_groups_follow_them():
    assert TIERS == ("emergency", "today", "soon", "mention")
    order = [TIERS.index(g.urgency) for g in red_flags()]
    assert order == sorted(order)
    assert "now" in URGENCY_TEXT["emergency"] and "today" in URGENCY_TEXT["today"]
    assert "no urgent visit" in URGENCY_TEXT["mention"]


def test_cauda_equina_signs_are_an_emergency():
    ces = group("cauda equina")
    assert ces.urgency == "emergency"
    assert any("both legs" in s for s in ces.signs)
    assert any("unsteadiness when you walk" in s for s in ces.signs)


def test_cancer_history_with_new_nerve_symptoms_is_an_emergency():
    sign = " ".join(group("from cancer").signs)
    assert group("from cancer").urgency == "emergency"
    assert "had cancer" in sign
    for symptom in ("weakness", "numbness", "difficulty walking", "bladder"):
        assert symptom in sign


def test_one_sided_worsening_weakness_and_fracture_signs_are_same_day():
    one_leg = group("one leg")
    assert one_leg.urgency == "today"
    assert any("foot drop" in s for s in one_leg.signs)
    fracture = " ".join(group("fracture").signs)
    assert group("fracture").urgency == "today"
    assert "Sudden, severe pain" in fracture and "steroid tablets" in fracture


def test_an_age_threshold_alone_asks_for_no_visit():
    # Finucane et al. 2020; Downie et al. 2013: a single sign such as age is a weak signal.
    aged = [(g.urgency, s) for g in red_flags() for s in g.signs if AGE_THRESHOLD.search(s)]
    assert aged, "the list still names the age threshold"
    assert all(urgency == "mention" for urgency, _ in aged), aged


def test_the_international_framework_is_a_source():
    cited = {k for g in red_flags() for k in g.sources}
    assert {"finucane2020", "downie2013", "gcare-red-flags", "nice-mscc"} <= cited


def test_lesson_02_quotes_the_night_pain_sign_of_lesson_00():
    lesson_02 = "\n".join(s.text for s in segments("02") if s.markdown)
    quoted = re.findall(r"severe pain at night[^,.;:]*", lesson_02)
    assert quoted, "lesson 02 names the night-pain warning sign"
    signs = " ".join(signs_in("soon")).lower()
    for phrase in quoted:
        assert phrase.lower() in signs, phrase
    assert "worse when you lie down" in lesson_02
    assert "worse when you lie down" in signs


def test_html_shows_every_sign_and_the_disclaimer():
    page = red_flags_html()
    for g in red_flags():
        assert g.title.replace("'", "&#x27;") in page
        for s in g.signs:
            assert s.replace("'", "&#x27;") in page
    for text in URGENCY_TEXT.values():
        assert text in page
    assert "not medical advice" in page
    assert "var(--jp-" in page
