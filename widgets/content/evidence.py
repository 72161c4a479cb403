"""Evidence badges: one fixed vocabulary for how strong the evidence is for a claim."""

from __future__ import annotations

import html
from collections.abc import Sequence

from widgets.content.page_style import show_html
from widgets.content.references import reference
from widgets.validation import check_choice, check_text, check_text_list

#: Grade -> (meaning, colour). Colours are mid-tones that read on light and dark themes.
GRADES: dict[str, tuple[str, str]] = {
    "strong": ("consistent guidelines or systematic reviews", "#2e7d32"),
    "moderate": ("some trials or reviews, with uncertainty", "#1f77b4"),
    "weak": ("small, indirect or mechanism-only studies", "#b26a00"),
    "not studied": ("no study found", "#6e7781"),
    "contradicted": ("studies point the other way", "#c62828"),
}


def badge_html(grade: str) -> str:
    """A small coloured badge for ``grade`` (one of :data:`GRADES`)."""
    check_choice("grade", grade, tuple(GRADES))
    meaning, colour = GRADES[grade]
    return (
        f"<span class='gs-badge' title='{html.escape(meaning)}' style='background:{colour};"
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
