"""The session player's plan and its finished-session message: pure functions, no widget.

A session is a whole number of breath cycles of one :class:`widgets.model.breath.BreathPattern`
(no holds): the learner asks for a length in rounds, or in minutes, which becomes the nearest
whole number of rounds (at least one), so every session ends at the end of an exhale.

When the learner finishes, the browser sends one message, ``{"type": "finish", "session":
{...}}``, whose ``session`` holds exactly the journal's fields (:data:`SESSION_KEYS`), the start
as ISO 8601 text with its UTC offset. :func:`session_from_message` turns it into a checked
:class:`widgets.journal.Session` or raises a ``ValueError`` naming what is wrong, before
anything is written. Besides the journal's own checks it refuses a session that does not match
the player (another tempo, ratio or mode), claims more rounds than its duration holds at that
tempo, or starts or ends in the future.

``session_player.js`` mirrors :func:`planned_rounds` (``planRounds``) and reads the breath
phase with the shared breath cycle (``breath_cycle.js``); ``tests/browser/
test_session_player.py`` holds them equal to this module and :mod:`widgets.model.breath`.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from widgets.journal import Session
from widgets.model.breath import BreathPattern
from widgets.validation import check_choice, check_in_range, check_instance, describe

#: How a session's length is given.
LENGTH_BY: tuple[str, ...] = ("minutes", "rounds")
#: Allowed length in minutes (half a minute to an hour), min.
MINUTES_RANGE: tuple[float, float] = (0.5, 60.0)
#: Allowed length in rounds (breath cycles).
ROUNDS_RANGE: tuple[int, int] = (1, 600)
#: Step of the minutes control, min.
MINUTES_STEP = 0.5
#: The keys of a finished session in the browser's message: the journal's fields.
SESSION_KEYS: tuple[str, ...] = (
    "start",
    "duration_s",
    "rounds",
    "tempo",
    "exhale_ratio",
    "mode",
    "pain_before",
    "pain_after",
    "note",
)
#: How far the browser's clock may run ahead of the kernel's, s (two clocks of one computer).
CLOCK_SLACK_S = 120.0
#: Rounds a duration may hold beyond ``duration / period`` (rounding in the browser).
ROUNDS_SLACK = 1e-6


def planned_rounds(length_by: str, minutes: float, rounds: int, pattern: BreathPattern) -> int:
    """Rounds in a session: ``rounds``, or ``max(1, round(60 * minutes / period))``.

    Parameters
    ----------
    length_by : str
        ``"minutes"`` or ``"rounds"`` (:data:`LENGTH_BY`).
    minutes : float
        Asked length, min, in :data:`MINUTES_RANGE` (used when ``length_by == "minutes"``).
    rounds : int
        Asked rounds, in :data:`ROUNDS_RANGE` (used when ``length_by == "rounds"``).
    pattern : BreathPattern
        The breath; one round lasts ``pattern.period`` s.

    Raises
    ------
    ValueError
        For an unknown ``length_by``, a length out of range or a ``pattern`` that is not a
        :class:`BreathPattern`.
    """
    by = check_choice("length_by", length_by, LENGTH_BY)
    mins = check_in_range("minutes", minutes, *MINUTES_RANGE, "min")
    asked = check_in_range("rounds", rounds, *ROUNDS_RANGE)
    if asked != int(asked):
        raise ValueError(f"rounds must be a whole number, got {describe(rounds)}")
    checked = check_instance("pattern", pattern, BreathPattern, "a BreathPattern")
    if by == "rounds":
        return int(asked)
    # Math.round in the browser rounds halves up: floor(x + 0.5) does the same here
    return max(1, math.floor(60.0 * mins / checked.period + 0.5))


def session_from_message(
    content: object, *, tempo: float, exhale_ratio: float, mode: str, now: datetime
) -> Session:
    """The checked session in a ``{"type": "finish", "session": {...}}`` message.

    Parameters
    ----------
    content : object
        The message as received from the browser.
    tempo, exhale_ratio, mode
        The player's settings: the session must have been run with them.
    now : datetime
        The kernel's time, timezone-aware.

    Raises
    ------
    ValueError
        Naming the key and value: not a dict, another type of message, missing or unknown
        keys, a start that is not ISO 8601 text with an offset, any field the journal
        refuses (:class:`widgets.journal.Session`), settings that differ from the player's,
        more rounds than the duration holds, or a start or end in the future.
    """
    check_instance("now", now, datetime, "a timezone-aware datetime")
    if now.tzinfo is None:
        raise ValueError(f"now must be timezone-aware, got the naive time {now.isoformat()!r}")
    if not isinstance(content, dict):
        raise ValueError(f"content (the message) must be a dict, got {describe(content)}")
    if set(content) != {"type", "session"} or content.get("type") != "finish":
        raise ValueError(
            "content (the message) must be {'type': 'finish', 'session': {...}}, got keys "
            f"{sorted(map(str, content))} and type {describe(content.get('type'))}"
        )
    fields: Any = content["session"]
    if not isinstance(fields, dict):
        raise ValueError(f"session must be a dict, got {describe(fields)}")
    missing = [k for k in SESSION_KEYS if k not in fields]
    unknown = sorted(str(k) for k in fields if k not in SESSION_KEYS)
    if missing or unknown:
        raise ValueError(
            f"session has missing keys {missing} and unknown keys {unknown}; "
            f"expected exactly {list(SESSION_KEYS)}"
        )
    start_text = fields["start"]
    if not isinstance(start_text, str):
        raise ValueError(f"start must be ISO 8601 text, got {describe(start_text)}")
    try:
        start = datetime.fromisoformat(start_text)
    except ValueError:
        raise ValueError(
            f"start = {start_text[:60]!r} is not an ISO 8601 time (e.g. "
            "'2025-03-01T07:30:00+01:00')"
        ) from None
    session = Session(**{**fields, "start": start})
    for name, want in (("tempo", tempo), ("exhale_ratio", exhale_ratio), ("mode", mode)):
        got = getattr(session, name)
        if got != want:
            raise ValueError(f"{name} = {got!r} is not the player's setting ({want!r})")
    period = BreathPattern(tempo, exhale_ratio).period
    most = session.duration_s / period + ROUNDS_SLACK
    if session.rounds > most:
        raise ValueError(
            f"rounds = {session.rounds} is more than {session.duration_s:g} s holds at "
            f"{tempo:g} breaths/min (at most {math.floor(most)})"
        )
    latest = now + timedelta(seconds=CLOCK_SLACK_S)
    end = session.start + timedelta(seconds=session.duration_s)
    if end > latest:
        raise ValueError(
            f"start = {start_text!r} with duration_s = {session.duration_s:g} ends after now "
            f"({now.isoformat(timespec='seconds')}); a finished session lies in the past"
        )
    return session
