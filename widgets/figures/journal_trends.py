"""Plotly trends of the practice journal: pain before and after by day, minutes per week.

Top panel: for each calendar day with a rating, the mean pain before and the mean pain
after that day's sessions (0–10 numeric rating scale); the hover lists the day's notes.
Bottom panel: minutes practised in each week (Monday to Sunday). Days and weeks are the
learner's own: each session counts on its date in the UTC offset it was recorded with.

Readable in JupyterLab's light and dark themes: transparent background, theme-neutral text
(:mod:`widgets.figures.theme`), mid-tone colours of at least 3:1 contrast on white and on
the dark theme's ``#111111``, and the two pain lines differ in dash and marker as well as
colour. Notes are user text: each is shown as typed (:func:`~widgets.figures.theme.plotly_text`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import axis_style, base_layout, check_px, plotly_text
from widgets.journal.session import PAIN_RANGE, Session
from widgets.validation import check_instance, check_items, check_text

#: Colours of pain before, pain after and the weekly minutes: 3:1 contrast or more on
#: white and on ``#111111``.
COLOURS: dict[str, str] = {"before": "#d9730d", "after": "#1f9e89", "minutes": "#8e6cc9"}
#: Most notes shown in one day's hover, and most characters of each.
HOVER_NOTES, HOVER_NOTE_CHARS = 3, 80


def _note_lines(notes: list[str]) -> str:
    shown = [
        plotly_text(n if len(n) <= HOVER_NOTE_CHARS else n[: HOVER_NOTE_CHARS - 1] + "…")
        .replace("\r", " ")
        .replace("\n", " ")
        for n in notes[:HOVER_NOTES]
    ]
    if len(notes) > HOVER_NOTES:
        shown.append(f"(and {len(notes) - HOVER_NOTES} more)")
    return "".join(f"<br>• {line}" for line in shown)


def daily_pain(sessions: Sequence[Session]) -> dict[date, tuple[float | None, float | None]]:
    """Mean pain before and after on each day with at least one rating, by local date.

    Returns
    -------
    dict
        ``{day: (mean before, mean after)}``, days in order; a mean is ``None`` when no
        session of that day recorded it.
    """
    sums: dict[date, list[int]] = {}
    for s in _checked(sessions):
        if s.pain_before is None and s.pain_after is None:
            continue
        acc = sums.setdefault(s.start.date(), [0, 0, 0, 0])
        if s.pain_before is not None:
            acc[0] += s.pain_before
            acc[1] += 1
        if s.pain_after is not None:
            acc[2] += s.pain_after
            acc[3] += 1
    return {
        day: (b / nb if nb else None, a / na if na else None)
        for day, (b, nb, a, na) in sorted(sums.items())
    }


def weekly_minutes(sessions: Sequence[Session]) -> dict[date, float]:
    """Minutes practised in each week with a session, keyed by the week's Monday (local date)."""
    weeks: dict[date, float] = {}
    for s in _checked(sessions):
        day = s.start.date()
        monday = day - timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0.0) + s.duration_s / 60.0
    return dict(sorted(weeks.items()))


def _checked(sessions: object) -> tuple[Session, ...]:
    if isinstance(sessions, list | tuple) and all(type(s) is Session for s in sessions):
        return tuple(sessions)  # the common case, checked fast
    return check_items(
        "sessions",
        sessions,
        lambda name, s: check_instance(name, s, Session, "a Session (widgets.journal)"),
        what="Session records",
    )


def journal_trends(
    sessions: Sequence[Session], *, title: str = "Your practice", height: float = 560.0
) -> go.Figure:
    """Pain before and after by day (top) and minutes practised per week (bottom).

    Parameters
    ----------
    sessions : list of Session
        The journal's sessions, any order (``Journal.sessions()``).
    title : str, optional
        Figure title, shown as typed.
    height : float, optional
        Figure height, px.

    Returns
    -------
    go.Figure
        Traces ``"pain before"``, ``"pain after"`` (y 0–10) and ``"minutes per week"``;
        with no sessions, empty panels and a note saying so.

    Raises
    ------
    ValueError
        If ``sessions`` is not a list of Session, ``title`` not a str, or ``height`` out of
        range.
    """
    items = _checked(sessions)
    title = check_text("title", title, allow_empty=True)
    height = check_px("height", height)
    days = daily_pain(items)
    weeks = weekly_minutes(items)
    notes: dict[date, list[str]] = {}
    counts: dict[date, int] = {}
    for s in items:
        day = s.start.date()
        counts[day] = counts.get(day, 0) + 1
        if s.note.strip():
            notes.setdefault(day, []).append(s.note)

    fig = go.Figure(layout=_layout(title, height))
    for key, index, dash, symbol in (
        ("before", 0, "dot", "circle-open"),
        ("after", 1, None, "diamond"),
    ):
        pairs = [(d, v[index]) for d, v in days.items() if v[index] is not None]
        x = np.array([d for d, _ in pairs], dtype="datetime64[D]")
        y = np.array([v for _, v in pairs], dtype=float)
        hover = [
            f"{d.isoformat()}: pain {key} {v:.3g} (mean of the day's ratings), "
            f"{counts[d]} session(s){_note_lines(notes.get(d, []))}"
            for d, v in pairs
        ]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=y,
                name=f"pain {key}",
                mode="lines+markers",
                line={"color": COLOURS[key], "width": 1.5, "dash": dash},
                marker={"color": COLOURS[key], "symbol": symbol, "size": 6},
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                xaxis="x",
                yaxis="y",
            )
        )
    fig.add_trace(
        go.Bar(
            x=np.array(list(weeks), dtype="datetime64[D]"),
            y=np.array(list(weeks.values()), dtype=float),
            name="minutes per week",
            marker={"color": COLOURS["minutes"]},
            hovertemplate="week of %{x|%Y-%m-%d}: %{y:.0f} min<extra></extra>",
            xaxis="x2",
            yaxis="y2",
        )
    )
    if not items:
        fig.add_annotation(
            text="No sessions yet: each finished session adds a point here.",
            xref="paper",
            yref="paper",
            x=0.5,
            y=0.5,
            showarrow=False,
        )
    return fig


def _layout(title: str, height: float) -> go.Layout:
    low, high = PAIN_RANGE
    return base_layout(
        title={"text": plotly_text(title)},
        height=height,
        hovermode="closest",
        legend={"orientation": "h", "x": 0.0, "y": -0.12, "bgcolor": "rgba(0,0,0,0)"},
        xaxis={**axis_style(""), "type": "date", "anchor": "y", "domain": [0.0, 1.0]},
        yaxis={
            **axis_style("pain (0–10)"),
            "range": [low - 0.5, high + 0.5],
            "domain": [0.45, 1.0],
            "dtick": 2,
        },
        xaxis2={**axis_style("day"), "type": "date", "anchor": "y2", "matches": "x"},
        yaxis2={**axis_style("minutes per week"), "domain": [0.0, 0.33], "rangemode": "tozero"},
        bargap=0.1,
    )
