"""A printable practice card: one A4 page to keep by the bed.

The card holds the movement in five steps, the tempo and the plan, the pain rules (when to
keep going, when to stop), a bad-day line, the red flags and a table for a week's ticks. Its
text comes from the same files as the lessons: the ``[card]`` section of
``data/lessons/07-guided-practice.toml`` and ``data/red_flags.toml``; the numbers carry the
sources lesson 07 gives for them (listed on the card). Every piece of text is HTML-escaped.

Use :func:`practice_card_html` for a standalone page (print CSS: ``@page`` A4, black on white),
:func:`show_practice_card` for a preview in a notebook (with a link that downloads the page),
or the command line::

    uv run python -m widgets.content.practice_card card.html
"""

from __future__ import annotations

import base64
import html
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from widgets.content.lesson_content import content
from widgets.content.page_style import show_html
from widgets.content.red_flags import URGENCY_TEXT, red_flags
from widgets.content.references import reference
from widgets.validation import check_flag, check_text, check_text_list, describe

#: The lesson whose content file holds the card's ``[card]`` section.
LESSON = "07"
#: How many steps the movement has on the card.
STEP_COUNT = 5
#: Short headings of the red-flag urgency tiers on the card (the full text is in each tier).
TIER_HEADINGS = {
    "emergency": "Emergency care now",
    "today": "A doctor today",
    "soon": "A doctor within a few days",
    "mention": "Mention to your doctor",
}

#: The card's stylesheet, scoped to ``.gs-card``. Colours use JupyterLab's variables with
#: print fallbacks, so the preview reads in both themes and the page prints black on white.
CARD_CSS = """
.gs-card{--gs-ink:var(--jp-ui-font-color1,#111);--gs-rule:var(--jp-border-color1,#555);
 --gs-warn:var(--jp-error-color1,#b71c1c);color:var(--gs-ink);
 background:var(--jp-layout-color0,#fff);font-family:system-ui,'DejaVu Sans',Arial,sans-serif;
 font-size:8.4pt;line-height:1.25;max-width:190mm;box-sizing:border-box;padding:0}
.gs-card h1{font-size:14pt;margin:0 0 1.5mm}
.gs-card h2{font-size:10pt;margin:2.2mm 0 0.8mm}
.gs-card h3{font-size:8.8pt;margin:1.6mm 0 0.4mm;color:var(--gs-warn)}
.gs-card p{margin:0.6mm 0}
.gs-card ol,.gs-card ul{margin:0.4mm 0;padding-left:5mm}
.gs-card li{margin:0.3mm 0}
.gs-card .gs-card-cols{display:grid;grid-template-columns:1fr 1fr;gap:6mm}
.gs-card .gs-card-flags{border-left:1.2mm solid var(--gs-warn);padding-left:3mm}
.gs-card .gs-card-small{font-size:7.6pt}
.gs-card table{border-collapse:collapse;width:100%;margin-top:3mm;font-size:7.8pt;
 table-layout:fixed}
.gs-card thead td{width:24mm}
.gs-card th,.gs-card td{border:0.3mm solid var(--gs-rule);padding:0.6mm 0.8mm;text-align:left}
.gs-card tbody td{height:7mm}
.gs-card caption{text-align:left;font-weight:bold;font-size:10pt;padding-bottom:0.8mm}
"""
#: Print rules of the standalone page: one A4 sheet, no browser margins on top of ours.
PRINT_CSS = """
@page{size:A4;margin:11mm 12mm}
html,body{margin:0;padding:0;background:#fff}
@media print{.gs-card{max-width:none}}
@media screen{body{padding:10mm}}
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _items(tag: str, values: Sequence[str]) -> str:
    return f"<{tag}>" + "".join(f"<li>{_esc(v)}</li>" for v in values) + f"</{tag}>"


def card_content() -> dict[str, Any]:
    """The ``[card]`` section of lesson 07's content file, checked.

    Raises
    ------
    ValueError
        If the section is missing, a field is not text (or a list of text), ``steps`` does
        not hold exactly :data:`STEP_COUNT` steps, a day row is empty, or a source key is not
        in the bibliography.
    """
    section = content(LESSON).get("card")
    if not isinstance(section, dict):
        raise ValueError(f"lesson {LESSON}'s content file has no [card] section")
    card: dict[str, Any] = {}
    for name in ("title", "tempo", "bad_day", "caveat"):
        card[name] = check_text(f"card.{name}", section.get(name))
    for name in ("plan", "keep_going", "stop", "rows", "sources"):
        card[name] = check_text_list(f"card.{name}", section.get(name))
    card["steps"] = check_text_list("card.steps", section.get("steps"))
    if len(card["steps"]) != STEP_COUNT:
        raise ValueError(
            f"card.steps must hold exactly {STEP_COUNT} steps, got {len(card['steps'])}"
        )
    card["week"] = check_text_list("card.week", section.get("week"), minimum=7)
    for key in card["sources"]:
        reference(key)  # an unknown key raises, naming it
    return card


def practice_card_fragment() -> str:
    """The card as one ``<div class="gs-card">`` (no stylesheet), every text escaped."""
    card = card_content()
    flags = []
    for tier, heading in TIER_HEADINGS.items():
        signs = [s for g in red_flags() if g.urgency == tier for s in g.signs]
        if signs:
            flags.append(
                f"<h3>{_esc(heading)}</h3><p class='gs-card-small'>{_esc(URGENCY_TEXT[tier])}</p>"
                + _items("ul", signs)
            )
    cites = "; ".join(_esc(reference(k).short()) for k in card["sources"])
    flag_cites = sorted({k for g in red_flags() for k in g.sources})
    flag_refs = "; ".join(_esc(reference(k).short()) for k in flag_cites)
    head = "".join(f"<th scope='col'>{_esc(day)}</th>" for day in card["week"])
    body = "".join(
        f"<tr><th scope='row'>{_esc(row)}</th>" + "<td></td>" * len(card["week"]) + "</tr>"
        for row in card["rows"]
    )
    left = (
        "<section aria-label='The movement'><h2>The movement in five steps</h2>"
        + _items("ol", card["steps"])
        + f"<h2>Tempo</h2><p>{_esc(card['tempo'])}</p>"
        + "<h2>A plan</h2>"
        + _items("ul", card["plan"])
        + "<h2>Keep going if</h2>"
        + _items("ul", card["keep_going"])
        + "<h2>Stop, and do not simply repeat it the next day, if</h2>"
        + _items("ul", card["stop"])
        + f"<p>{_esc(card['bad_day'])}</p>"
        + f"<p class='gs-card-small'>{_esc(card['caveat'])} Sources: {cites}.</p>"
        + "<table><caption>My week (write the dates, tick each day)</caption>"
        + f"<thead><tr><td></td>{head}</tr></thead><tbody>{body}</tbody></table></section>"
    )
    right = (
        "<section class='gs-card-flags' aria-label='Red flags'>"
        "<h2>Warning signs: get medical help</h2>"
        + "".join(flags)
        + f"<p class='gs-card-small'>Sources: {flag_refs}.</p></section>"
    )
    return (
        f"<div class='gs-card'><h1>{_esc(card['title'])}</h1>"
        f"<div class='gs-card-cols'>{left}{right}</div></div>"
    )


def practice_card_html(*, standalone: bool = True) -> str:
    """The practice card as HTML.

    Parameters
    ----------
    standalone : bool
        ``True``: a whole page (``<!doctype html>``) with print rules for one A4 sheet.
        ``False``: the card with its stylesheet, to show inside a notebook.

    Raises
    ------
    ValueError
        If ``standalone`` is not a bool, or the card's content is not as
        :func:`card_content` requires.
    """
    whole = check_flag("standalone", standalone)
    fragment = practice_card_fragment()
    if not whole:
        return f"<style>{CARD_CSS}</style>{fragment}"
    title = _esc(card_content()["title"])
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><style>{PRINT_CSS}{CARD_CSS}</style></head>"
        f"<body>{fragment}</body></html>"
    )


def write_practice_card(path: str | os.PathLike[str]) -> Path:
    """Write the standalone card to ``path`` (UTF-8, replacing the file); return the path.

    Raises
    ------
    ValueError
        If ``path`` is not a file path or names a folder.
    """
    if isinstance(path, bytes) or not isinstance(path, str | os.PathLike) or not str(path):
        raise ValueError(f"path must be a file path (a str or pathlib.Path), got {describe(path)}")
    file = Path(path).expanduser()
    if file.is_dir():
        raise ValueError(f"path must name a file, but {str(file)!r} is a folder")
    file.write_text(practice_card_html(), encoding="utf-8")
    return file


def show_practice_card() -> None:
    """Show the card in a notebook, with a link that downloads it as a page to print."""
    page = base64.b64encode(practice_card_html().encode("utf-8")).decode("ascii")
    link = (
        "<p><a download='practice-card.html' "
        f"href='data:text/html;charset=utf-8;base64,{page}'>Download the practice card</a> "
        "(an HTML page: open it in your browser and print it on one A4 sheet).</p>"
    )
    show_html(link + practice_card_html(standalone=False))


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m widgets.content.practice_card OUT.html``: write the card; 2 on bad usage."""
    args = list(sys.argv[1:] if argv is None else check_text_list("argv", argv, minimum=0))
    if len(args) != 1 or args[0].startswith("-"):
        print(
            "usage: python -m widgets.content.practice_card OUT.html\n"
            "Writes the one-page practice card (HTML, print it on A4).",
            file=sys.stderr,
        )
        return 2
    try:
        file = write_practice_card(args[0])
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    print(f"wrote {file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
