"""Evidence badges: one fixed vocabulary for how strong the evidence is for a claim."""

from __future__ import annotations

import html
from collections.abc import Sequence

from widgets.content.page_style import show_html
from widgets.content.references import reference
from widgets.validation import check_choice, check_text, check_text_list

#: Grade -> (meaning, colour). The one wording of each grade: the badge's tooltip, lesson
#: 00's list of grades and the glossary use it. Colours are mid-tones that read on light and
#: dark themes.
GRADES: dict[str, tuple[str, str]] = {
    "strong": ("consistent guidelines or systematic reviews", "#2e7d32"),
    "moderate": ("some trials or reviews, with uncertainty", "#1f77b4"),
    "weak": (
        "only small, indirect or mechanism-only studies, or trials of low certainty, "
        "which may point for or against the claim",
        "#b26a00",
    ),
    "not studied": ("we found no study that tested the claim itself, for or against", "#6e7781"),
    "contradicted": (
        "studies that tested the claim itself, in people, found the opposite",
        "#c62828",
    ),
}

#: How the grades that are easy to mix up differ, added to their tooltips.
GRADE_CONTRASTS: dict[str, str] = {
    "not studied": (
        "Unlike contradicted, this does not say the claim is wrong: nobody has tested it."
    ),
    "contradicted": "Unlike not studied, the claim was tested, and the tests went against it.",
    "weak": "Indirect evidence against a claim earns weak, not contradicted.",
}


def grade_explanation(grade: str) -> str:
    """What ``grade`` (one of :data:`GRADES`) means, in a sentence or two: the badge's tooltip.

    Raises
    ------
    ValueError
        If ``grade`` is not one of :data:`GRADES`; the message lists them.
    """
    check_choice("grade", grade, tuple(GRADES))
    meaning = GRADES[grade][0]
    contrast = GRADE_CONTRASTS.get(grade)
    sentence = f"{grade.capitalize()}: {meaning}."
    return f"{sentence} {contrast}" if contrast else sentence


def badge_html(grade: str) -> str:
    """A small coloured badge for ``grade`` (one of :data:`GRADES`); its tooltip explains it."""
    check_choice("grade", grade, tuple(GRADES))
    colour = GRADES[grade][1]
    return (
        f"<span class='gs-badge' title='{html.escape(grade_explanation(grade))}' "
        f"style='background:{colour};"
        "color:#fff;border-radius:0.8em;padding:0.1em 0.6em;font-size:0.85em;"
        f"white-space:nowrap'>evidence: {html.escape(grade)}</span>"
    )


def claim_html(claim: str, grade: str, finding: str, sources: Sequence[str]) -> str:
    """A claim, its evidence badge, what the evidence says, and its sources."""
    check_text("claim", claim)
    check_text("finding", finding)
    check_choice("grade", grade, tuple(GRADES))
    keys = check_text_list("sources (citation keys of a graded claim)", sources)
    cites = "; ".join(html.escape(reference(k).short()) for k in keys)
    return (
        "<div class='gs-claim' style='margin:0.4em 0 0.8em 0'>"
        f"<div><b>Claim:</b> {html.escape(claim)} {badge_html(grade)}</div>"
        f"<div>{html.escape(finding)} <span style='opacity:0.8'>({cites})</span></div></div>"
    )


def show_claim(claim: str, grade: str, finding: str, sources: Sequence[str]) -> None:
    """Display :func:`claim_html` in a notebook."""
    show_html(claim_html(claim, grade, finding, sources))
