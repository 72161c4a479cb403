"""An HTML table of the journal's sessions, every text escaped.

One row per session, newest first: date and time as recorded (with the UTC offset),
minutes, rounds, tempo, inhale:exhale ratio, mode, pain before and after (0–10 numeric
rating scale; a dash when not recorded) and the note. Notes are user text: each is
HTML-escaped and its line breaks shown as breaks, so no note can add markup or script.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from widgets.journal.session import Session
from widgets.validation import check_instance, check_int_in_range, check_items, check_text

#: Header of each column, in order.
HEADERS: tuple[str, ...] = (
    "date and time",
    "minutes",
    "rounds",
    "tempo (breaths/min)",
    "inhale:exhale",
    "mode",
    "pain before (0–10)",
    "pain after (0–10)",
    "note",
)
#: Shown in a pain cell with no rating.
NOT_RECORDED = "<span title='not recorded' aria-label='not recorded'>–</span>"


def _offset(session: Session) -> str:
    offset = session.start.strftime("%z")  # e.g. +0130
    return "UTC" if offset in ("+0000", "") else f"UTC{offset[:3]}:{offset[3:5]}"


def _pain(value: int | None) -> str:
    return NOT_RECORDED if value is None else str(value)


def _row(s: Session) -> str:
    note = html.escape(s.note).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")
    cells = (
        f"<time datetime='{html.escape(s.start.isoformat())}'>"
        f"{s.start.strftime('%Y-%m-%d %H:%M')} {_offset(s)}</time>",
        f"{s.duration_s / 60:.1f}",
        str(s.rounds),
        f"{s.tempo:g}",
        f"1:{s.exhale_ratio:g}",
        html.escape(s.mode),
        _pain(s.pain_before),
        _pain(s.pain_after),
        note,
    )
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def journal_table_html(
    sessions: Sequence[Session], *, caption: str = "Your sessions", last: int | None = None
) -> str:
    """An HTML table of ``sessions``, newest first.

    Parameters
    ----------
    sessions : list of Session
        The journal's sessions, any order.
    caption : str, optional
        The table's caption (escaped).
    last : int, optional
        Show only the newest ``last`` sessions (1 to 100,000); all by default.

    Raises
    ------
    ValueError
        If ``sessions`` is not a list of Session, ``caption`` not a str or ``last`` not a
        whole number in range.
    """
    items = check_items(
        "sessions",
        sessions,
        lambda name, s: check_instance(name, s, Session, "a Session (widgets.journal)"),
        what="Session records",
    )
    caption = check_text("caption", caption, allow_empty=True)
    if last is not None:
        last = check_int_in_range("last", last, 1, 100_000)
    ordered = sorted(items, key=lambda s: s.start, reverse=True)[:last]
    head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in HEADERS)
    body = "".join(_row(s) for s in ordered)
    if not ordered:
        body = f"<tr><td colspan='{len(HEADERS)}'>No sessions yet.</td></tr>"
    return (
        f"<table class='gs-journal-table'><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
