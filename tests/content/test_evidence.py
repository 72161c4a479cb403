import pytest

from widgets.content.evidence import GRADES, badge_html, claim_html, grade_explanation


@pytest.mark.parametrize("grade", GRADES)
def test_every_grade_has_a_badge(grade):
    assert f"evidence: {grade}" in badge_html(grade)


def test_unknown_grade_lists_the_vocabulary():
    with pytest.raises(
        ValueError, match="valid grades: strong, moderate, weak, not studied, contradicted"
    ):
        badge_html("medium")


def test_claim_names_its_sources():
    out = claim_html("Staying active helps.", "moderate", "Trials favour it.", ["dahm2010"])
    assert "Dahm et al. 2010" in out
    with pytest.raises(ValueError, match="source"):
        claim_html("x", "weak", "y", [])
    with pytest.raises(ValueError, match="nobody2099"):
        claim_html("x", "weak", "y", ["nobody2099"])


def test_grade_explanation_refuses_an_unknown_grade():
    with pytest.raises(ValueError, match=r"grade.*'medium'.*valid grades: strong"):
        grade_explanation("medium")
