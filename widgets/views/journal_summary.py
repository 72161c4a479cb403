"""Your journal at a glance: the table of sessions and the trends chart, read-only.

If the journal's file does not exist yet, nothing is created: the learner is told where it
will be and, with ``example=True``, shown a made-up example journal (labelled as such) so a
lesson can teach how to read the table and the chart before there is any data. The example
is illustrative: its numbers are invented, not measured.
"""

from __future__ import annotations

import html
import os
from datetime import datetime, timedelta, timezone

from IPython.display import HTML, display

from widgets.figures.journal_table import journal_table_html
from widgets.figures.journal_trends import journal_trends
from widgets.journal import Session, journal_path, open_journal
from widgets.validation import check_flag


def example_sessions() -> list[Session]:
    """Three made-up weeks of practice: five sessions a week, pain easing slowly (invented)."""
    zone = timezone(timedelta(hours=1))
    out = []
    day = datetime(2025, 3, 3, 7, 30, tzinfo=zone)
    for k in range(21):
        if k % 7 in (2, 6):  # two rest days a week
            continue
        minutes = 5 + 2 * (k // 7)  # 5, 7, 9 min: a week at each, as lesson 07's plan adds 1-2
        before = max(1, 5 - k // 6 - (1 if k == 10 else 0))
        after = max(0, before - 1 - (k % 3 == 0))
        note = "stiff after a long drive" if k == 8 else ""
        out.append(
            Session(
                start=day + timedelta(days=k),
                duration_s=60.0 * minutes,
                rounds=6 * minutes,
                tempo=6.0,
                exhale_ratio=1.0,
                mode="lift-with-breath",
                pain_before=before,
                pain_after=after,
                note=note,
            )
        )
    return out


def show_journal(path: str | os.PathLike[str] | None = None, *, example: bool = True) -> None:
    """Show the journal's sessions (newest first) and its trends, without writing anything.

    Parameters
    ----------
    path : str or Path, optional
        The journal file; default :func:`widgets.journal.journal_path` (your own journal).
    example : bool
        When the journal has no file or no sessions yet, show a made-up example instead.

    Raises
    ------
    ValueError
        If ``path`` is not a file path, ``example`` not a bool, or the file is not a journal.
    """
    file = journal_path(path)
    show_example = check_flag("example", example)
    sessions: list[Session] = []
    if file.exists():
        with open_journal(file) as journal:
            sessions = journal.sessions()
    where = html.escape(str(file))
    if sessions:
        display(HTML(f"<p>Your journal: <code>{where}</code></p>"))
        display(HTML(journal_table_html(sessions, last=20, caption="Your last sessions")))
        display(journal_trends(sessions))
        return
    display(
        HTML(
            "<p>Your journal has no sessions yet. It will be kept in "
            f"<code>{where}</code> when you save your first one.</p>"
        )
    )
    if show_example:
        made_up = example_sessions()
        display(
            HTML(
                "<p><strong>An example journal, made up to show how to read it:</strong> "
                "these are not real data.</p>"
            )
        )
        display(HTML(journal_table_html(made_up, last=6, caption="Example: the last 6 sessions")))
        display(journal_trends(made_up, title="Example: three made-up weeks"))
