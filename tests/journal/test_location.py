"""Where the journal lives: argument, then GENTLE_SPINE_JOURNAL, then the user's data folder."""

from pathlib import Path

import platformdirs
import pytest

from tests.journal.journal_strategies import session
from widgets.journal import ENV_VAR, default_journal_path, journal_path, open_journal


def test_the_default_is_in_the_users_data_folder(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    expected = Path(platformdirs.user_data_dir("gentle-spine", appauthor=False)) / "journal.sqlite3"
    assert default_journal_path() == expected == journal_path()
    assert ENV_VAR == "GENTLE_SPINE_JOURNAL"


def test_the_environment_variable_overrides_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert journal_path() == tmp_path / "env.sqlite3"
    with open_journal() as journal:
        journal.add(session())
    assert (tmp_path / "env.sqlite3").is_file()


def test_an_argument_overrides_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite3"))
    assert journal_path(tmp_path / "arg.sqlite3") == tmp_path / "arg.sqlite3"
    assert journal_path(str(tmp_path / "arg.sqlite3")) == tmp_path / "arg.sqlite3"
    with open_journal(tmp_path / "arg.sqlite3"):
        pass
    assert not (tmp_path / "env.sqlite3").exists()


def test_an_empty_environment_variable_counts_as_unset(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "  ")
    assert journal_path() == default_journal_path()


def test_home_is_expanded(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert journal_path("~/j.sqlite3") == tmp_path / "j.sqlite3"


@pytest.mark.parametrize("bad", [3, b"/tmp/j.sqlite3", ["j.sqlite3"], True, ""])
def test_a_path_that_is_not_a_file_path_is_refused(bad):
    with pytest.raises(ValueError, match="path must be a file path"):
        journal_path(bad)


def test_a_folder_is_refused_naming_it(tmp_path, monkeypatch):
    with pytest.raises(ValueError, match="is a folder; add a file name"):
        journal_path(tmp_path)
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    with pytest.raises(ValueError, match="GENTLE_SPINE_JOURNAL must name a file"):
        open_journal()
