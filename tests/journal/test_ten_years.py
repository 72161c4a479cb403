"""A ten-year journal (two sessions a day, 7,300 rows) loads whole and its trends are right.

Speed is measured by ``benchmarks/journal.py`` (the target: load and trends within 200 ms);
this test checks only correctness, against sums worked out from the pattern below.
"""

from datetime import date, datetime, timedelta, timezone

from widgets.figures.journal_trends import daily_pain, journal_trends, weekly_minutes
from widgets.journal import Session, open_journal

DAYS = 3650
FIRST = date(2015, 1, 5)  # a Monday
TZ = timezone(timedelta(hours=1))


def ten_years() -> list[Session]:
    """Mornings: 10 min, pain d % 11 before and one less after (not below 0); evenings:
    5 min, pain (d + 1) % 11 before and none recorded after."""
    out = []
    for d in range(DAYS):
        day = FIRST + timedelta(days=d)
        for hour, minutes, before, after in (
            (7, 10, d % 11, max(d % 11 - 1, 0)),
            (19, 5, (d + 1) % 11, None),
        ):
            out.append(
                Session(
                    start=datetime(day.year, day.month, day.day, hour, tzinfo=TZ),
                    duration_s=60.0 * minutes,
                    rounds=6 * minutes,
                    tempo=6.0,
                    exhale_ratio=1.5,
                    mode="breath-only" if hour == 19 else "lift-with-breath",
                    pain_before=before,
                    pain_after=after,
                    note=f"day {d}, {'evening' if hour == 19 else 'morning'}",
                )
            )
    return out


def test_a_ten_year_journal_loads_whole_and_its_trends_are_right(tmp_path):
    sessions = ten_years()
    assert len(sessions) == 7300
    with open_journal(tmp_path / "ten-years.sqlite3") as journal:
        journal.add_many(sessions)
    with open_journal(tmp_path / "ten-years.sqlite3") as journal:
        loaded = journal.sessions()
    assert loaded == sessions

    days = daily_pain(loaded)
    assert len(days) == DAYS
    for d in range(DAYS):
        before, after = days[FIRST + timedelta(days=d)]
        assert before == (d % 11 + (d + 1) % 11) / 2
        assert after == max(d % 11 - 1, 0)

    weeks = weekly_minutes(loaded)
    full, rest = divmod(DAYS, 7)  # 521 full weeks and 3 days
    assert len(weeks) == full + 1
    assert list(weeks.values()) == [7 * 15.0] * full + [rest * 15.0]
    assert all(monday.weekday() == 0 for monday in weeks)

    before, after, minutes = journal_trends(loaded).data
    assert len(before.x) == len(after.x) == DAYS and len(minutes.x) == full + 1
    assert sum(minutes.y) == DAYS * 15.0
