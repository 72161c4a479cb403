"""show_journal reads the journal and never writes: no file appears when there is none."""

import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from widgets.journal import Session, open_journal
from widgets.views.journal_summary import example_sessions, show_journal


def shown(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_no_journal_yet_creates_nothing_and_shows_a_labelled_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "folder" / "journal.sqlite3"
    show_journal(target)
    assert not target.parent.exists()
    out = shown(capsys)
    assert "Figure" in out  # the example's trends chart
    show_journal(target, example=False)
    assert "Figure" not in shown(capsys)


def test_an_existing_journal_is_shown_and_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "journal.sqlite3"
    with open_journal(target) as journal:
        journal.add(
            Session(
                start=datetime(2025, 3, 1, 7, 30, tzinfo=timezone(timedelta(hours=1))),
                duration_s=300.0,
                rounds=30,
                tempo=6.0,
                exhale_ratio=1.0,
                mode="breath-only",
                pain_before=4,
                pain_after=2,
            )
        )
    show_journal(target)
    assert "pain before" in shown(capsys)
    with open_journal(target) as journal:
        assert len(journal) == 1


def test_example_is_made_up_but_valid_and_says_so() -> None:
    sessions = example_sessions()
    assert len(sessions) == 15  # three weeks, five days each
    assert [s.duration_s for s in sessions[:1] + sessions[-1:]] == [300.0, 540.0]
    # it follows lesson 07's plan: at most 1-2 minutes more each week
    steps = {b.duration_s - a.duration_s for a, b in itertools.pairwise(sessions)}
    assert steps <= {0.0, 60.0, 120.0}


def test_bad_arguments_are_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="example"):
        show_journal(tmp_path / "j.sqlite3", example=1)
    with pytest.raises(ValueError, match="path"):
        show_journal(3)
