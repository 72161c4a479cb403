"""Hypothesis strategies and small helpers for the journal tests.

Import as ``from tests.journal.journal_strategies import ...``.
"""

from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from widgets.journal import Session
from widgets.model.breath import EXHALE_RATIO_RANGE, MODES, TEMPO_RANGE

#: UTC offsets, to the second (real zones use whole minutes; the journal keeps any offset).
OFFSETS = st.integers(min_value=-(24 * 3600) + 1, max_value=24 * 3600 - 1).map(
    lambda s: timezone(timedelta(seconds=s))
)
#: Aware start times inside the accepted range (a day's margin for the offsets).
STARTS = st.datetimes(
    min_value=datetime(2000, 1, 2), max_value=datetime(2199, 12, 30), timezones=OFFSETS
)
#: Text that must survive CSV and SQLite: commas, quotes, line breaks, non-Latin letters.
TRICKY = st.sampled_from(
    [
        ",",
        '"',
        "'",
        "\n",
        "\r\n",
        "\r",
        ";",
        "\t",
        "é",
        "日本語",
        "Ελληνικά",
        "שלום",
        "😀",
        "=1+1",
        " ",
    ]
)
NOTES = st.lists(
    st.one_of(
        TRICKY,
        st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20),
    ),
    max_size=8,
).map("".join)
PAIN = st.one_of(st.none(), st.integers(0, 10))


def floats_in(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False)


SESSIONS = st.builds(
    Session,
    start=STARTS,
    duration_s=floats_in(0.0, 86_400.0),
    rounds=st.integers(0, 100_000),
    tempo=floats_in(*TEMPO_RANGE),
    exhale_ratio=floats_in(*EXHALE_RATIO_RANGE),
    mode=st.sampled_from(MODES),
    pain_before=PAIN,
    pain_after=PAIN,
    note=NOTES,
)


def session(**changes: object) -> Session:
    """A valid session (10 min at 6 breaths/min on 2025-03-01 07:30+01:00), fields changed."""
    values: dict[str, object] = {
        "start": datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=1))),
        "duration_s": 600.0,
        "rounds": 60,
        "tempo": 6.0,
        "exhale_ratio": 1.5,
        "mode": "lift-with-breath",
        "pain_before": 4,
        "pain_after": 3,
        "note": "",
    }
    values.update(changes)
    return Session(**values)  # Session checks every field itself


def same(a: Session, b: Session) -> bool:
    """Equal in every field, the start's wall clock and UTC offset too (not only its instant)."""
    return a == b and a.start.isoformat() == b.start.isoformat()
