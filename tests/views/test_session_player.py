"""The session player's Python side: traits checked, one finished session = one journal row."""

import math
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import traitlets
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import NOT_A_FLAG, assert_names, bad_number, not_one_of
from widgets.journal import ENV_VAR, open_journal
from widgets.model.breath import (
    EXHALE_RATIO_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    TEMPO_RANGE,
    BreathPattern,
)
from widgets.views.session_player import SessionPlayer, session_player
from widgets.views.session_player_plan import (
    LENGTH_BY,
    MINUTES_RANGE,
    ROUNDS_RANGE,
    SESSION_KEYS,
    planned_rounds,
    session_from_message,
)

WIDGETS = Path(__file__).resolve().parents[2] / "widgets" / "views"
PARIS = timezone(timedelta(hours=1))


def finished(**changes: object) -> dict:
    """A message as the browser sends it after 2 rounds at 30/min (2 s each) with defaults."""
    start = datetime.now(PARIS) - timedelta(seconds=30)
    session = {
        "start": start.isoformat(timespec="milliseconds"),
        "duration_s": 4.0,
        "rounds": 2,
        "tempo": 30.0,
        "exhale_ratio": 1.0,
        "mode": "lift-with-breath",
        "pain_before": 4,
        "pain_after": 3,
        "note": 'before: stiff, "quoted"\nafter: easier — ça va',
    }
    session.update(changes)
    return {"type": "finish", "session": session}


@pytest.fixture
def player(tmp_path: Path) -> SessionPlayer:
    return SessionPlayer(tmp_path / "journal.sqlite3", tempo=30.0, length_by="rounds", rounds=2)


def rows(path: Path) -> list[tuple]:
    if not path.exists():
        return []
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM sessions").fetchall()


# --- settings ----------------------------------------------------------------------------------


def test_defaults_come_from_the_breath_model_and_nothing_is_opened(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "journal.sqlite3"
    w = SessionPlayer(target)
    assert (w.tempo, w.exhale_ratio) == (BreathPattern().tempo, BreathPattern().exhale_ratio)
    assert w.mode == MODES[0]
    assert w.journal_file == target
    assert not target.parent.exists(), "making the player opens no journal, makes no folder"
    assert w.modes == [[m, label] for m, label in w.modes] and [m for m, _ in w.modes] == list(
        MODES
    )
    assert w.limits["tempo"]["min"] == TEMPO_RANGE[0]
    assert w.limits["rounds"]["max"] == ROUNDS_RANGE[1]


def test_default_journal_is_the_journals_own_location(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert session_player().journal_file == tmp_path / "env.sqlite3"


def test_unknown_keyword_is_refused_listing_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="tempo"):
        SessionPlayer(tempi=6)
    with pytest.raises(ValueError, match=r"^journal = 3 is not usable: .*file path"):
        SessionPlayer(journal=3)
    with pytest.raises(ValueError, match=r"^journal = .* is not usable: .* is a folder"):
        session_player(journal=tmp_path)


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(*TEMPO_RANGE))
def test_bad_tempo_names_value_and_range(bad: object) -> None:
    with pytest.raises(traitlets.TraitError) as err:
        SessionPlayer(tempo=bad)
    assert_names(str(err.value), "tempo", bad)


@settings(max_examples=30, deadline=None)
@given(
    name=st.sampled_from(["exhale_ratio", "minutes", "rounds"]),
    data=st.data(),
)
def test_bad_numbers_name_value_and_range(name: str, data: st.DataObject) -> None:
    low, high = {
        "exhale_ratio": EXHALE_RATIO_RANGE,
        "minutes": MINUTES_RANGE,
        "rounds": ROUNDS_RANGE,
    }[name]
    bad = data.draw(bad_number(low, high))
    w = SessionPlayer()
    with pytest.raises(traitlets.TraitError) as err:
        setattr(w, name, bad)
    assert_names(str(err.value), name, bad)


def test_rounds_must_be_whole_and_the_range_is_in_the_message() -> None:
    with pytest.raises(traitlets.TraitError, match="rounds"):
        SessionPlayer(rounds=2.5)
    with pytest.raises(traitlets.TraitError, match="600"):
        SessionPlayer(rounds=601)


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(["mode", "length_by"]), data=st.data())
def test_bad_choices_list_the_valid_ones(name: str, data: st.DataObject) -> None:
    choices = MODES if name == "mode" else LENGTH_BY
    bad = data.draw(not_one_of(choices))
    with pytest.raises(traitlets.TraitError) as err:
        SessionPlayer(**{name: bad})
    assert choices[0] in str(err.value)


@settings(max_examples=20, deadline=None)
@given(name=st.sampled_from(["voice", "tones", "eyes_closed"]), bad=NOT_A_FLAG)
def test_flags_are_true_or_false_only(name: str, bad: object) -> None:
    with pytest.raises(traitlets.TraitError, match=name):
        SessionPlayer(**{name: bad})


# --- the plan ----------------------------------------------------------------------------------


def test_planned_rounds_by_hand() -> None:
    six = BreathPattern(6.0)  # 10 s a round
    assert planned_rounds("minutes", 5.0, 1, six) == 30  # 300 s / 10 s
    assert planned_rounds("minutes", 0.5, 1, BreathPattern(3.0)) == 2  # 30 s / 20 s = 1.5: up
    assert planned_rounds("minutes", 0.5, 1, BreathPattern(5.0)) == 3  # 30 s / 12 s = 2.5: up
    assert planned_rounds("minutes", 1.0, 1, BreathPattern(7.0)) == 7  # 60 s / 8.57 s = 7.0
    assert planned_rounds("minutes", 1.0, 1, BreathPattern(6.5)) == 7  # 60 s / 9.23 s = 6.5: up
    assert planned_rounds("rounds", 60.0, 7, six) == 7
    with pytest.raises(ValueError, match="length_by"):
        planned_rounds("hours", 5.0, 1, six)
    with pytest.raises(ValueError, match="rounds must be a whole number"):
        planned_rounds("rounds", 5.0, 1.5, six)


# --- finishing ---------------------------------------------------------------------------------


def test_finishing_writes_exactly_one_row_with_the_fields(player: SessionPlayer) -> None:
    message = finished()
    row = player.handle_message(message)
    assert row is not None and player.last_error == ""
    assert len(rows(player.journal_file)) == 1
    with open_journal(player.journal_file) as journal:
        (s,) = journal.sessions()
    sent = message["session"]
    assert s.start == datetime.fromisoformat(sent["start"])
    assert s.start.utcoffset() == timedelta(hours=1), "the learner's own offset is kept"
    assert (s.duration_s, s.rounds, s.tempo, s.exhale_ratio) == (4.0, 2, 30.0, 1.0)
    assert (s.mode, s.pain_before, s.pain_after) == ("lift-with-breath", 4, 3)
    assert s.note == sent["note"]
    assert player.saved == [row]


def test_unrecorded_pain_is_kept_as_none(player: SessionPlayer) -> None:
    assert player.handle_message(finished(pain_before=None, pain_after=None, note="")) is not None
    with open_journal(player.journal_file) as journal:
        (s,) = journal.sessions()
    assert s.pain_before is None and s.pain_after is None


BAD_MESSAGES = {
    "not a dict": "finish",
    "another type": {"type": "start", "session": finished()["session"]},
    "extra key at the top": {**finished(), "more": 1},
    "session not a dict": {"type": "finish", "session": [1, 2]},
    "pain 11": finished(pain_after=11),
    "pain as text": finished(pain_before="4"),
    "pain a bool": finished(pain_before=True),
    "negative duration": finished(duration_s=-1.0),
    "NaN duration": finished(duration_s=math.nan),
    "naive start": finished(start="2025-03-01T07:30:00"),
    "start not a time": finished(start="yesterday"),
    "start a number": finished(start=1_700_000_000),
    "unknown mode": finished(mode="stretch"),
    "other tempo": finished(tempo=6.0),
    "other ratio": finished(exhale_ratio=2.0),
    "other mode": finished(mode="breath-only"),
    "more rounds than the time holds": finished(rounds=3),
    "ends in the future": finished(start=(datetime.now(PARIS) + timedelta(hours=1)).isoformat()),
    "NUL in the note": finished(note="a\x00b"),
}


@pytest.mark.parametrize("message", BAD_MESSAGES.values(), ids=BAD_MESSAGES.keys())
def test_bad_messages_are_refused_and_nothing_is_written(
    player: SessionPlayer, message: object
) -> None:
    assert player.handle_message(message) is None
    assert player.last_error, "the refusal says why"
    assert not player.journal_file.exists(), "a refused message does not even create the file"
    assert player.saved == []


def test_missing_and_unknown_keys_are_named(player: SessionPlayer) -> None:
    session = finished()["session"]
    del session["rounds"]
    session["extra"] = 1
    player.handle_message({"type": "finish", "session": session})
    assert "['rounds']" in player.last_error and "['extra']" in player.last_error


def test_a_refused_message_leaves_earlier_rows_alone(player: SessionPlayer) -> None:
    player.handle_message(finished())
    before = rows(player.journal_file)
    player.handle_message(finished(pain_after=11))
    assert "pain_after" in player.last_error and "11" in player.last_error
    assert rows(player.journal_file) == before


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("finish", r"^content \(the message\) must be a dict, got str 'finish'"),
        ({}, r"^content \(the message\) must be \{'type': 'finish', .*got keys \[\]"),
    ],
)
def test_session_from_message_names_content(content: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        session_from_message(
            content, tempo=6.0, exhale_ratio=1.5, mode="lift-with-breath", now=datetime.now(PARIS)
        )


def test_session_from_message_checks_before_any_write() -> None:
    now = datetime.now(PARIS)
    keys = finished()["session"].keys()
    assert tuple(keys) == SESSION_KEYS
    with pytest.raises(ValueError, match="rounds = 3 is more than 4 s holds at 30"):
        session_from_message(
            finished(rounds=3), tempo=30.0, exhale_ratio=1.0, mode="lift-with-breath", now=now
        )


def top_level_names(js: str) -> set[str]:
    """Names a JS file declares at its top level (functions and constants)."""
    declared = re.findall(r"^(?:export )?(?:function\*? |const |let |class )(\w+)", js, re.M)
    return set(declared)


def test_front_end_inlines_the_one_breath_spec_and_the_one_figure() -> None:
    """Both views' modules are breath_cycle.js, then breath_figure.js, then their own code:
    one breath spec and one drawing of the lying figure, each present once and written once."""
    from widgets.views.breath_lift import BreathLiftAnimator

    cycle = (WIDGETS / "breath_cycle.js").read_text()
    figure = (WIDGETS / "breath_figure.js").read_text()
    shared = top_level_names(cycle) | top_level_names(figure)
    assert {"cycleBounds", "liftAndBreath", "poseAt", "lyingFigure", "endPose"} <= shared
    assert "http" not in figure.replace("http://www.w3.org/2000/svg", "")  # no requests
    for view, own_file, css_file in (
        (SessionPlayer, "session_player.js", "session_player.css"),
        (BreathLiftAnimator, "breath_lift.js", "breath_lift.css"),
    ):
        own = (WIDGETS / own_file).read_text()
        assert view._esm == "\n".join([cycle, figure, own])
        assert view._esm.count(figure) == 1 and view._esm.count(cycle) == 1
        again = top_level_names(own) & shared
        assert not again, f"{own_file} declares {sorted(again)} a second time"
        for name in ("lyingFigure", "liftAndBreath", "endPose"):
            assert f"{name}(" in own, f"{own_file} uses the shared {name}"
        styles = [(WIDGETS / f).read_text() for f in ("breath_figure.css", css_file)]
        assert view._css == "\n".join(styles)
    own = (WIDGETS / "session_player.js").read_text()
    assert "export default { render }" in own
    assert "speechSynthesis" in own and "AudioContext" in own
    assert "prefers-reduced-motion" in own
    assert "aria-live" in own
    assert "http" not in own.replace("http://www.w3.org/2000/svg", "")
    css = (WIDGETS / "session_player.css").read_text()
    assert "--jp-" in css and "prefers-reduced-motion" in css and "focus-visible" in css


def test_the_figure_is_the_lying_models_at_its_defaults(player: SessionPlayer) -> None:
    """The player draws the animator's figure at the lying model's defaults (knees bent, the
    default lift, breath and pillow), computed once: every player holds the same scene."""
    from widgets.figures.supine_scene import scene_payload
    from widgets.model.supine import SupineParams, key_poses
    from widgets.views.breath_lift import BreathLiftAnimator

    assert SupineParams().legs == "bent"
    assert player.scene == scene_payload(key_poses(SupineParams()))
    assert player.scene == BreathLiftAnimator().scene
    other = SessionPlayer(player.journal_file, mode="lift-independent", tempo=6.0)
    assert other.scene is player.scene, "computed once, not per player"
    assert player.lift_period_factor == LIFT_INDEPENDENT_PERIOD_FACTOR
    for trait in ("scene", "lift_period_factor"):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(player, trait, getattr(player, trait))
    assert not player.journal_file.exists(), "drawing the figure writes nothing"
