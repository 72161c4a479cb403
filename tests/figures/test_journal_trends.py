"""The journal's trends figure: days and weeks as the learner lived them, text shown as typed."""

from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest

from tests.journal.journal_strategies import session
from widgets.figures.journal_trends import COLOURS, daily_pain, journal_trends, weekly_minutes

PLUS2 = timezone(timedelta(hours=2))


def contrast(hex_a: str, hex_b: str) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""

    def luminance(h: str) -> float:
        channels = [int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(hex_a), luminance(hex_b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_pain_is_averaged_per_local_day():
    # 00:30 at +02:00 is 22:30 UTC the day before: it counts on the learner's own day
    sessions = [
        session(start=datetime(2025, 3, 2, 0, 30, tzinfo=PLUS2), pain_before=6, pain_after=4),
        session(start=datetime(2025, 3, 2, 19, 0, tzinfo=PLUS2), pain_before=3, pain_after=None),
        session(start=datetime(2025, 3, 3, 8, 0, tzinfo=PLUS2), pain_before=None, pain_after=None),
        session(start=datetime(2025, 3, 1, 8, 0, tzinfo=PLUS2), pain_before=None, pain_after=2),
    ]
    assert daily_pain(sessions) == {
        date(2025, 3, 1): (None, 2.0),
        date(2025, 3, 2): (4.5, 4.0),
    }


def test_minutes_are_summed_per_week_from_monday():
    # 2025-03-02 is a Sunday, 2025-03-03 a Monday
    sessions = [
        session(start=datetime(2025, 3, 2, 20, 0, tzinfo=PLUS2), duration_s=600.0),
        session(start=datetime(2025, 2, 24, 7, 0, tzinfo=PLUS2), duration_s=300.0),
        session(start=datetime(2025, 3, 3, 7, 0, tzinfo=PLUS2), duration_s=90.0),
    ]
    assert weekly_minutes(sessions) == {date(2025, 2, 24): 15.0, date(2025, 3, 3): 1.5}


def test_the_figure_holds_the_daily_and_weekly_series():
    start = datetime(2025, 3, 3, 7, 0, tzinfo=PLUS2)  # a Monday
    sessions = [
        session(start=start + timedelta(days=d), pain_before=5, pain_after=5 - d % 3)
        for d in range(14)
    ]
    fig = journal_trends(sessions)
    before, after, minutes = fig.data
    assert (before.name, after.name, minutes.name) == (
        "pain before",
        "pain after",
        "minutes per week",
    )
    assert len(before.x) == len(after.x) == 14
    assert list(after.y) == [5 - d % 3 for d in range(14)]
    assert list(minutes.y) == [70.0, 70.0]  # seven 10-minute sessions a week
    assert np.datetime64(minutes.x[0], "D") == np.datetime64("2025-03-03")
    assert fig.layout.yaxis.range == (-0.5, 10.5)


def test_notes_and_title_are_shown_as_typed():
    evil = "<b>bold</b> <a href='x'>link</a> %{y} 50% & more"
    fig = journal_trends([session(note=evil)], title="<i>mine</i> 100%")
    hover = fig.data[0].text[0]
    assert "<b>bold" not in hover and "<a " not in hover and "%{y}" not in hover
    assert "&lt;b&gt;bold&lt;/b&gt;" in hover and "&#37;{y}" in hover and "&amp; more" in hover
    assert fig.layout.title.text == "&lt;i&gt;mine&lt;/i&gt; 100&#37;"


def test_long_and_many_notes_are_shortened_in_the_hover():
    start = datetime(2025, 3, 3, 7, 0, tzinfo=PLUS2)
    sessions = [
        session(start=start + timedelta(minutes=i), note=f"note {i} " + "x" * 200) for i in range(5)
    ]
    hover = journal_trends(sessions).data[1].text[0]
    assert hover.count("<br>• ") == 4 and "(and 2 more)" in hover and "…" in hover
    assert "5 session(s)" in hover and "note 3" not in hover


def test_an_empty_journal_says_so():
    fig = journal_trends([])
    assert all(len(t.x) == 0 for t in fig.data)
    assert "No sessions yet" in fig.layout.annotations[0].text


def test_readable_in_both_themes():
    fig = journal_trends([session()])
    assert fig.layout.paper_bgcolor == fig.layout.plot_bgcolor == "rgba(0,0,0,0)"
    for colour in COLOURS.values():
        assert contrast(colour, "#ffffff") >= 3.0, colour
        assert contrast(colour, "#111111") >= 3.0, colour
    before, after, _ = fig.data
    # the two pain lines differ by more than colour
    assert before.line.dash != after.line.dash and before.marker.symbol != after.marker.symbol


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"sessions": "x"}, "sessions must be a list"),
        ({"sessions": [{"note": "x"}]}, r"sessions\[0\] must be a Session"),
        ({"sessions": [], "title": 3}, "title must be text"),
        ({"sessions": [], "height": 5}, "height = 5 px is out of range"),
        ({"sessions": [], "height": True}, "height must be a number"),
    ],
)
def test_bad_input_is_named(kwargs, expected):
    with pytest.raises(ValueError, match=expected):
        journal_trends(**kwargs)
