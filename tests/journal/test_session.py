"""The Session record: what it keeps, and the clear errors for bad values."""

import math
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import assert_names, bad_number, not_one_of
from tests.journal.journal_strategies import SESSIONS, session
from widgets.journal.session import DURATION_RANGE, START_RANGE
from widgets.model.breath import EXHALE_RATIO_RANGE, MODES, TEMPO_RANGE


def test_a_session_keeps_its_fields():
    s = session(note="stiff, then easier")
    assert s.duration_s == 600.0 and s.rounds == 60 and s.tempo == 6.0
    assert s.exhale_ratio == 1.5 and s.mode == "lift-with-breath"
    assert (s.pain_before, s.pain_after, s.note) == (4, 3, "stiff, then easier")
    assert s.start.isoformat() == "2025-03-01T07:30:00+01:00"


def test_numbers_of_other_types_become_plain_ones():
    s = session(duration_s=600, tempo=np.float64(6.0), exhale_ratio=np.int64(2), rounds=np.int32(5))
    assert type(s.duration_s) is float and s.duration_s == 600.0
    assert type(s.tempo) is float and type(s.exhale_ratio) is float and s.exhale_ratio == 2.0
    assert type(s.rounds) is int and s.rounds == 5
    s = session(pain_before=np.int64(7))
    assert type(s.pain_before) is int and s.pain_before == 7


def test_a_named_zone_is_kept_as_its_offset_at_that_moment():
    paris = ZoneInfo("Europe/Paris")
    winter = session(start=datetime(2025, 1, 15, 7, 0, tzinfo=paris))
    summer = session(start=datetime(2025, 7, 15, 7, 0, tzinfo=paris))
    assert winter.start.isoformat() == "2025-01-15T07:00:00+01:00"
    assert summer.start.isoformat() == "2025-07-15T07:00:00+02:00"
    # the same instant and wall clock as given
    assert winter.start == datetime(2025, 1, 15, 6, 0, tzinfo=UTC)
    assert summer.start.hour == 7


def test_missing_pain_and_empty_note_are_allowed():
    s = session(pain_before=None, pain_after=None, note="")
    assert s.pain_before is None and s.pain_after is None and s.note == ""


def test_the_limits_are_inclusive():
    session(duration_s=DURATION_RANGE[0], pain_before=0, pain_after=10, rounds=0)
    session(duration_s=DURATION_RANGE[1], tempo=TEMPO_RANGE[1], exhale_ratio=EXHALE_RATIO_RANGE[0])


def test_a_naive_time_is_refused_with_a_hint():
    with pytest.raises(
        ValueError, match=r"start must be timezone-aware.*2025-03-01T07:30:00.*astimezone"
    ):
        session(start=datetime(2025, 3, 1, 7, 30))


@pytest.mark.parametrize(
    "bad", ["2025-03-01T07:30:00+01:00", date(2025, 3, 1), 1_740_000_000, None, True]
)
def test_a_start_that_is_not_a_datetime_is_refused(bad):
    with pytest.raises(ValueError, match="start must be a timezone-aware datetime") as err:
        session(start=bad)
    assert_names(str(err.value), "start", bad)


def test_a_start_outside_the_range_is_refused():
    low, high = START_RANGE
    with pytest.raises(ValueError, match=r"start = '1999-12-31T23:59:59\.999999"):
        session(start=low - timedelta(microseconds=1))
    with pytest.raises(ValueError, match="out of range"):
        session(start=high)


@pytest.mark.parametrize("field", ["pain_before", "pain_after"])
@pytest.mark.parametrize("bad", [11, -1, 100, 5.0, 5.5, True, False, "5", math.nan])
def test_bad_pain_is_refused_naming_field_and_value(field, bad):
    with pytest.raises(ValueError, match=field) as err:
        session(**{field: bad})
    message = str(err.value)
    assert_names(message, field, bad)
    assert "0 to 10" in message


@pytest.mark.parametrize(
    ("field", "low", "high"),
    [
        ("duration_s", *DURATION_RANGE),
        ("tempo", *TEMPO_RANGE),
        ("exhale_ratio", *EXHALE_RATIO_RANGE),
    ],
)
@settings(deadline=None)  # a loaded machine must not fail it
@given(data=st.data())
def test_bad_numbers_are_refused(field, low, high, data):
    bad = data.draw(bad_number(low, high))
    with pytest.raises(ValueError, match=field) as err:
        session(**{field: bad})
    assert_names(str(err.value), field, bad)


@pytest.mark.parametrize("bad", [-1.0, -1e-9, math.nan, math.inf, -math.inf, True])
def test_negative_nan_infinite_and_bool_durations_are_refused(bad):
    with pytest.raises(ValueError, match="duration_s") as err:
        session(duration_s=bad)
    assert_names(str(err.value), "duration_s", bad)


@pytest.mark.parametrize("bad", [-1, 100_001, 1.0, True, None, "60"])
def test_bad_rounds_are_refused(bad):
    with pytest.raises(ValueError, match="rounds") as err:
        session(rounds=bad)
    assert_names(str(err.value), "rounds", bad)


@settings(deadline=None)  # a loaded machine must not fail it
@given(bad=not_one_of(MODES))
def test_an_unknown_mode_is_refused_listing_the_modes(bad):
    with pytest.raises(ValueError, match="mode") as err:
        session(mode=bad)
    for mode in MODES:
        assert mode in str(err.value)


@pytest.mark.parametrize("bad", [None, 3, b"bytes", ["a"]])
def test_a_note_that_is_not_text_is_refused(bad):
    with pytest.raises(ValueError, match="note must be text") as err:
        session(note=bad)
    assert_names(str(err.value), "note", bad)


def test_notes_that_cannot_be_saved_are_refused():
    with pytest.raises(ValueError, match="NUL"):
        session(note="a\x00b")
    with pytest.raises(ValueError, match="lone surrogate"):
        session(note="a\ud800b")
    with pytest.raises(ValueError, match="10001 characters long; at most 10000"):
        session(note="x" * 10_001)
    assert session(note="x" * 10_000).note == "x" * 10_000


def test_unknown_fields_are_errors():
    with pytest.raises(TypeError, match="pain"):
        session(pain=3)


def test_a_session_is_read_only():
    s = session()
    with pytest.raises(AttributeError):
        s.rounds = 5


@settings(deadline=None)  # a loaded machine must not fail it
@given(SESSIONS)
def test_rebuilding_a_session_from_its_fields_changes_nothing(s):
    # the fast check (plain types) and the full checks keep the same values
    again = replace(s)
    assert again == s and again.start.isoformat() == s.start.isoformat()
    wider = replace(s, duration_s=np.float64(s.duration_s), rounds=np.int64(s.rounds))
    assert wider == s


def test_offset_zero_is_utc():
    s = session(start=datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(0))))
    assert s.start.tzinfo is UTC and s.start.isoformat().endswith("+00:00")
