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


class _Day:
    """One calendar day's sums: pain before and after (sum, count), sessions and notes."""

    __slots__ = ("after", "before", "n_after", "n_before", "notes", "seconds", "sessions")

    def __init__(self) -> None:
        self.before = self.n_before = self.after = self.n_after = self.sessions = 0
        self.seconds = 0.0
        self.notes: list[str] = []

    def means(self) -> tuple[float | None, float | None]:
        return (
            self.before / self.n_before if self.n_before else None,
            self.after / self.n_after if self.n_after else None,
        )


def _days(sessions: tuple[Session, ...]) -> dict[date, _Day]:
    days: dict[date, _Day] = {}
    for s in sessions:
        day = s.start.date()
        acc = days.get(day)
        if acc is None:
            acc = days[day] = _Day()
        acc.sessions += 1
        acc.seconds += s.duration_s
        if s.pain_before is not None:
            acc.before += s.pain_before
            acc.n_before += 1
        if s.pain_after is not None:
            acc.after += s.pain_after
            acc.n_after += 1
        if s.note.strip():
            acc.notes.append(s.note)
    return dict(sorted(days.items()))


def daily_pain(sessions: Sequence[Session]) -> dict[date, tuple[float | None, float | None]]:
    """Mean pain before and after on each day with at least one rating, by local date.

    Returns
    -------
    dict
        ``{day: (mean before, mean after)}``, days in order; a mean is ``None`` when no
        session of that day recorded it.
    """
    return {
        day: acc.means()
        for day, acc in _days(_checked(sessions)).items()
        if acc.n_before or acc.n_after
    }


def weekly_minutes(sessions: Sequence[Session]) -> dict[date, float]:
    """Minutes practised in each week with a session, keyed by the week's Monday (local date)."""
    return _weeks(_days(_checked(sessions)))


def _weeks(days: dict[date, _Day]) -> dict[date, float]:
    weeks: dict[date, float] = {}
    for day, acc in days.items():  # in order, so the weeks are too
        monday = day - timedelta(days=day.weekday())
        weeks[monday] = weeks.get(monday, 0.0) + acc.seconds / 60.0
    return weeks


def _mean(value: float | None) -> str:
    return "not recorded" if value is None else f"{value:.3g}"


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
    every_day = _days(items)
    weeks = _weeks(every_day)
    days = {day: acc for day, acc in every_day.items() if acc.n_before or acc.n_after}
    means = [acc.means() for acc in days.values()]
    hover = np.array(
        [
            f"{day.isoformat()}: pain before {_mean(b)}, after {_mean(a)} (means of the "
            f"day's ratings), {acc.sessions} session(s){_note_lines(acc.notes)}"
            for (day, acc), (b, a) in zip(days.items(), means, strict=True)
        ],
        dtype=object,
    )
    x_days = np.array(list(days), dtype="datetime64[D]")

    fig = go.Figure(layout=_layout(title, height))
    for key, index, dash, symbol in (
        ("before", 0, "dot", "circle-open"),
        ("after", 1, None, "diamond"),
    ):
        y = np.array([m[index] for m in means], dtype=float)  # None -> NaN
        kept = ~np.isnan(y)
        fig.add_trace(
            go.Scatter(
                x=x_days[kept],
                y=y[kept],
                name=f"pain {key}",
                mode="lines+markers",
                line={"color": COLOURS[key], "width": 1.5, "dash": dash},
                marker={"color": COLOURS[key], "symbol": symbol, "size": 6},
                text=hover[kept],
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
        legend={  # above the pain panel, right: clear of the title and of the axis titles
            "orientation": "h",
            "x": 1.0,
            "xanchor": "right",
            "y": 1.0,
            "yanchor": "bottom",
            "bgcolor": "rgba(0,0,0,0)",
        },
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
