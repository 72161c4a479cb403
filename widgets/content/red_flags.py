"""Safety information shown by the start-here and practice notebooks: the red flags."""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.content.page_style import show_html
from widgets.content.references import reference
from widgets.validation import check_choice, check_text, check_text_list

#: What to do for each urgency tier, from the most urgent down; ``data/red_flags.toml`` lists
#: its groups in this order.
URGENCY_TEXT = {
    "emergency": "Get emergency care now (call your emergency number or go to an emergency unit).",
    "today": (
        "Contact a doctor today, or an urgent-care service if you cannot reach one, "
        "and mention these signs."
    ),
    "soon": (
        "See a doctor within a few days and mention these signs; "
        "sooner if you feel unwell or the pain gets worse."
    ),
    "mention": (
        "On their own these are weak warning signs and need no urgent visit: mention them "
        "to your doctor or physiotherapist, and act on the tiers above if any of their signs "
        "appears too."
    ),
}


@dataclass(frozen=True)
class RedFlagGroup:
    """A group of red-flag signs with its urgency and sources.

    Attributes
    ----------
    title : str
        The group's heading.
    urgency : str
        One of :data:`URGENCY_TEXT` (``"emergency"`` or ``"soon"``).
    sources : tuple of str
        Citation keys (at least one; each must be in the bibliography).
    signs : tuple of str
        The signs, one sentence each (at least one).

    Raises
    ------
    ValueError
        If a field is not as above; the message names it.
    """

    title: str
    urgency: str
    sources: tuple[str, ...]
    signs: tuple[str, ...]

    def __post_init__(self) -> None:
        check_text("title", self.title)
        check_choice("urgency level", self.urgency, tuple(URGENCY_TEXT))
        sources = check_text_list("sources", self.sources)
        for key in sources:
            reference(key)  # an unknown key raises, naming it
        object.__setattr__(self, "sources", sources)
        object.__setattr__(self, "signs", check_text_list("signs", self.signs))


@cache
def red_flags() -> tuple[RedFlagGroup, ...]:
    """Load the red-flag groups from ``data/red_flags.toml``."""
    text = resources.files("widgets.data").joinpath("red_flags.toml").read_text("utf-8")
    return tuple(
        RedFlagGroup(g["title"], g["urgency"], tuple(g["sources"]), tuple(g["signs"]))
        for g in tomllib.loads(text)["group"]
    )


def red_flags_html() -> str:
    """The red flags as an HTML block, styled with JupyterLab theme variables."""
    parts = [
        "<div class='gs-red-flags' role='note' aria-label='Red flags' style='"
        "border-left:6px solid var(--jp-error-color1,#d32f2f);padding:0.6em 1em;"
        "background:var(--jp-layout-color2,#f5f5f5);color:var(--jp-ui-font-color1,#222)'>",
        "<h3 style='margin-top:0'>⚠ Get medical help if you notice any of these</h3>",
        "<p>The signs are grouped by how quickly to act, the most urgent first.</p>",
    ]
    for group in red_flags():
        cites = "; ".join(html.escape(reference(k).short()) for k in group.sources)
        items = "".join(f"<li>{html.escape(s)}</li>" for s in group.signs)
        parts.append(
            f"<h4>{html.escape(group.title)}</h4><p><b>{URGENCY_TEXT[group.urgency]}</b></p>"
            f"<ul>{items}</ul><p style='font-size:0.85em'>Sources: {cites}</p>"
        )
    parts.append(
        "<p>This course is education, not medical advice. It does not diagnose or treat anything."
        "</p></div>"
    )
    return "".join(parts)


def show_red_flags() -> None:
    """Display the red flags in a notebook."""
    show_html(red_flags_html())
