"""One practice session as the journal records it: a validated, immutable record.

A session holds when it started (a timezone-aware time, kept with its UTC offset, so the
day it belongs to is the learner's own calendar day), how long it lasted and how many
rounds were done, the breath it followed (tempo, inhale:exhale ratio, mode), the pain
before and after on the 0–10 numeric rating scale (either may be missing) and a free note.

Every field is checked when the record is made and a bad value raises a ``ValueError`` that
names the field, the value and what is allowed: a naive time, a negative or NaN duration,
pain 11, a bool where a number is due, an unknown mode.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta, timezone
from numbers import Integral

import numpy as np

from widgets.model.breath import EXHALE_RATIO_RANGE, MODES, TEMPO_RANGE
from widgets.validation import (
    check_choice,
    check_in_range,
    check_int_in_range,
    check_text,
    describe,
)

#: Allowed session length, s: up to one day.
DURATION_RANGE: tuple[float, float] = (0.0, 86_400.0)
#: Allowed number of rounds (breaths or lifts) in one session.
ROUNDS_RANGE: tuple[int, int] = (0, 100_000)
#: Pain on the 0–10 numeric rating scale (0 = no pain, 10 = worst imaginable), whole numbers.
PAIN_RANGE: tuple[int, int] = (0, 10)
#: Longest note, characters.
NOTE_MAX_CHARS = 10_000
#: Earliest and latest accepted start (UTC): the journal records practice, not history.
START_RANGE: tuple[datetime, datetime] = (
    datetime(2000, 1, 1, tzinfo=UTC),
    datetime(2200, 1, 1, tzinfo=UTC),
)


def check_start(name: str, value: object) -> datetime:
    """Return ``value`` as a plain ``datetime`` in a fixed-offset timezone.

    The time is kept as given (wall clock and UTC offset); a named zone such as
    ``ZoneInfo("Europe/Paris")`` becomes its offset at that moment, which is what the
    journal stores (ISO 8601 with offset).

    Raises
    ------
    ValueError
        If ``value`` is not a ``datetime``, is naive (no timezone), or lies outside
        :data:`START_RANGE`; the message names it.
    """
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a timezone-aware datetime, got {describe(value)}")
    offset = value.utcoffset()
    if offset is None:
        raise ValueError(
            f"{name} must be timezone-aware, got the naive time {value.isoformat()!r}; "
            "give it a timezone, e.g. datetime.now().astimezone()"
        )
    low, high = START_RANGE
    if not low <= value < high:
        raise ValueError(
            f"{name} = {value.isoformat()!r} is out of range; allowed from "
            f"{low.date().isoformat()} to before {high.date().isoformat()}"
        )
    return datetime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        tzinfo=UTC if offset == timedelta(0) else timezone(offset),
    )


def check_pain(name: str, value: object) -> int | None:
    """Return a pain rating (an int 0 to 10) or ``None`` (not recorded).

    Raises
    ------
    ValueError
        If ``value`` is not ``None`` or a whole number 0 to 10 (floats and bools are refused).
    """
    if value is None:
        return None
    low, high = PAIN_RANGE
    allowed = f"allowed: a whole number {low} to {high} (numeric rating scale), or None"
    if not isinstance(value, Integral) or isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be a whole number (int), got {describe(value)}; {allowed}")
    if not low <= int(value) <= high:
        raise ValueError(f"{name} = {int(value)} is out of range; {allowed}")
    return int(value)


def check_note(name: str, value: object) -> str:
    """Return a note: any text up to :data:`NOTE_MAX_CHARS` characters that can be saved.

    Raises
    ------
    ValueError
        If ``value`` is not a str, is too long, or holds a NUL character or a lone surrogate
        (neither can be written to the journal's file or a UTF-8 CSV file).
    """
    text = check_text(name, value, allow_empty=True)
    if len(text) > NOTE_MAX_CHARS:
        raise ValueError(
            f"{name} is {len(text)} characters long; at most {NOTE_MAX_CHARS} are allowed"
        )
    if "\x00" in text:
        raise ValueError(
            f"{name} must not contain a NUL character (\\x00), at {text.index(chr(0))}"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise ValueError(
            f"{name} holds a character that is not valid text ({text[err.start]!r} at "
            f"{err.start}, a lone surrogate)"
        ) from None
    return text


@dataclass(frozen=True, slots=True)
class Session:
    """One practice session.

    Attributes
    ----------
    start : datetime
        When the session began; timezone-aware (a naive time is refused). Kept as a
        fixed UTC offset, e.g. ``2025-03-01T07:30:00+01:00``.
    duration_s : float
        How long it lasted, s, 0 to 86,400 (a day).
    rounds : int
        Rounds done (breaths or lifts), 0 to 100,000.
    tempo : float
        Breaths per minute, in :data:`widgets.model.breath.TEMPO_RANGE`.
    exhale_ratio : float
        ``k`` of inhale:exhale = 1:k, in :data:`widgets.model.breath.EXHALE_RATIO_RANGE`.
    mode : str
        One of :data:`widgets.model.breath.MODES`.
    pain_before, pain_after : int or None
        Pain 0 to 10 on the numeric rating scale before and after; ``None`` if not recorded.
    note : str
        Free text (may be empty), at most :data:`NOTE_MAX_CHARS` characters.

    Raises
    ------
    ValueError
        If any field is not as above; the message names the field, the value and what is
        allowed.
    """

    start: datetime
    duration_s: float
    rounds: int
    tempo: float
    exhale_ratio: float
    mode: str
    pain_before: int | None = None
    pain_after: int | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if _plainly_valid(self):  # the common case (a row read back), checked fast
            return
        checked = {
            "start": check_start("start", self.start),
            "duration_s": check_in_range("duration_s", self.duration_s, *DURATION_RANGE, "s"),
            "rounds": check_int_in_range("rounds", self.rounds, *ROUNDS_RANGE),
            "tempo": check_in_range("tempo", self.tempo, *TEMPO_RANGE, "breaths/min"),
            "exhale_ratio": check_in_range(
                "exhale_ratio", self.exhale_ratio, *EXHALE_RATIO_RANGE, "(inhale:exhale = 1:k)"
            ),
            "mode": check_choice("mode", self.mode, MODES),
            "pain_before": check_pain("pain_before", self.pain_before),
            "pain_after": check_pain("pain_after", self.pain_after),
            "note": check_note("note", self.note),
        }
        for name, value in checked.items():
            object.__setattr__(self, name, value)


_MODES = frozenset(MODES)
_START_LOW, _START_HIGH = START_RANGE
_DURATION_LOW, _DURATION_HIGH = DURATION_RANGE
_TEMPO_LOW, _TEMPO_HIGH = TEMPO_RANGE
_RATIO_LOW, _RATIO_HIGH = EXHALE_RATIO_RANGE


def _plainly_valid(s: Session) -> bool:
    """True if every field already has its checked type and lies in range (no conversion due).

    Anything else (an int where a float is due, a named zone, NaN, a numpy number...) goes
    through the full checks, which convert it or name what is wrong.
    """
    start, pain_before, pain_after, note = s.start, s.pain_before, s.pain_after, s.note
    return (
        type(start) is datetime
        and type(start.tzinfo) is timezone
        and _START_LOW <= start < _START_HIGH
        and type(s.duration_s) is float
        and _DURATION_LOW <= s.duration_s <= _DURATION_HIGH
        and type(s.rounds) is int
        and ROUNDS_RANGE[0] <= s.rounds <= ROUNDS_RANGE[1]
        and type(s.tempo) is float
        and _TEMPO_LOW <= s.tempo <= _TEMPO_HIGH
        and type(s.exhale_ratio) is float
        and _RATIO_LOW <= s.exhale_ratio <= _RATIO_HIGH
        and type(s.mode) is str
        and s.mode in _MODES
        and (pain_before is None or (type(pain_before) is int and 0 <= pain_before <= 10))
        and (pain_after is None or (type(pain_after) is int and 0 <= pain_after <= 10))
        and type(note) is str
        and len(note) <= NOTE_MAX_CHARS
        and note.isascii()
        and "\x00" not in note
    )


#: The fields of a session, in the order of the journal's columns and the CSV file.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Session))
