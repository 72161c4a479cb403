"""The journal file: schema, WAL, transactions, migrations and refusal of files it cannot use."""

import hashlib
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.journal.journal_strategies import same, session
from widgets.journal import SCHEMA_VERSION, open_journal
from widgets.journal.schema import APPLICATION_ID, MIGRATIONS


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pragma(path: Path, name: str) -> object:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_a_new_journal_is_marked_versioned_and_in_wal_mode(tmp_path):
    path = tmp_path / "sub" / "folder" / "journal.sqlite3"  # missing folders are made
    with open_journal(path) as journal:
        assert journal.path == path and journal.migrated_from == 0 and len(journal) == 0
        journal.add(session())
    # closed, the journal is one file: the write-ahead log was folded back in
    assert [p.name for p in path.parent.iterdir()] == ["journal.sqlite3"]
    assert pragma(path, "application_id") == APPLICATION_ID
    assert pragma(path, "user_version") == SCHEMA_VERSION == len(MIGRATIONS)
    assert pragma(path, "journal_mode") == "wal"  # WAL is a property of the file, kept
    assert pragma(path, "integrity_check") == "ok"
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert {"sessions", "sessions_by_start"} <= names


def test_sessions_come_back_exactly_oldest_first(tmp_path):
    plus2, minus5 = timezone(timedelta(hours=2)), timezone(timedelta(hours=-5))
    # 08:00+02:00 is 06:00 UTC, before 07:00+00:00; 02:00-05:00 is 07:00 UTC, a tie
    late = session(start=datetime(2025, 3, 1, 7, 0, tzinfo=UTC), note="late")
    early = session(start=datetime(2025, 3, 1, 8, 0, tzinfo=plus2), note='early, "quoted"\nline 2')
    tie = session(start=datetime(2025, 3, 1, 2, 0, tzinfo=minus5), pain_before=None, note="日本語")
    with open_journal(tmp_path / "j.sqlite3") as journal:
        ids = [journal.add(s) for s in (late, early, tie)]
        assert ids == [1, 2, 3]
        got = journal.sessions()
    assert [s.note for s in got] == ['early, "quoted"\nline 2', "late", "日本語"]
    assert all(same(a, b) for a, b in zip(got, [early, late, tie], strict=True))
    assert got[0].start.isoformat() == "2025-03-01T08:00:00+02:00"


def test_the_start_is_stored_as_iso_8601_with_its_offset(tmp_path):
    path = tmp_path / "j.sqlite3"
    start = datetime(2025, 3, 1, 7, 30, 15, 250, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    with open_journal(path) as journal:
        journal.add(session(start=start))
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT start, start_utc_us FROM sessions").fetchone()
    assert row[0] == "2025-03-01T07:30:15.000250+05:30"
    assert row[1] == int(start.timestamp()) * 1_000_000 + 250


def test_a_reopened_journal_keeps_its_sessions(tmp_path):
    path = tmp_path / "j.sqlite3"
    sessions = [session(start=session().start + timedelta(days=i), rounds=i) for i in range(5)]
    with open_journal(path) as journal:
        journal.add_many(sessions)
    with open_journal(path) as journal:
        assert journal.migrated_from == SCHEMA_VERSION
        assert journal.sessions() == sessions


def test_add_many_is_one_transaction(tmp_path):
    good = session(note="good")
    broken = session(note="broken")
    object.__setattr__(broken, "duration_s", -5.0)  # past the record's checks: the table refuses it
    with open_journal(tmp_path / "j.sqlite3") as journal:
        with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint"):
            journal.add_many([good, broken])
        assert len(journal) == 0  # the good row went back with the failed transaction
        journal.add(good)
        assert journal.sessions() == [good]


def test_add_checks_its_argument_before_writing(tmp_path):
    with open_journal(tmp_path / "j.sqlite3") as journal:
        with pytest.raises(ValueError, match="session must be a Session, got dict"):
            journal.add({"duration_s": 600})
        with pytest.raises(ValueError, match=r"sessions\[1\] must be a Session, got str"):
            journal.add_many([session(), "not a session"])
        with pytest.raises(ValueError, match="sessions must be a list"):
            journal.add_many("text")
        assert len(journal) == 0


def test_a_closed_journal_says_so(tmp_path):
    journal = open_journal(tmp_path / "j.sqlite3")
    journal.close()
    journal.close()  # twice is fine
    assert "closed" in repr(journal)
    with pytest.raises(ValueError, match="is closed; open it again"):
        journal.add(session())
    with pytest.raises(ValueError, match="is closed"):
        journal.sessions()


@pytest.mark.parametrize("bad", [-1.0, 601.0, True, "10", float("nan")])
def test_a_bad_timeout_is_refused(tmp_path, bad):
    with pytest.raises(ValueError, match="timeout_s"):
        open_journal(tmp_path / "j.sqlite3", timeout_s=bad)
    assert not (tmp_path / "j.sqlite3").exists()


def test_a_version_1_file_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.sqlite3"
    s = session(note="from version 1")
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[0]:
            conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO sessions (start, start_utc_us, duration_s, rounds, tempo, exhale_ratio, "
            "mode, pain_before, pain_after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s.start.isoformat(),
                int(s.start.timestamp() * 1e6),
                600.0,
                60,
                6.0,
                1.5,
                "lift-with-breath",
                4,
                3,
                "from version 1",
            ),
        )
    with open_journal(path) as journal:
        assert journal.migrated_from == 1
        assert journal.sessions() == [s]
    assert pragma(path, "user_version") == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        assert conn.execute(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_by_start'"
        ).fetchone() == (1,)


def test_a_newer_schema_is_refused_and_the_file_left_alone(tmp_path):
    path = tmp_path / "future.sqlite3"
    with open_journal(path) as journal:
        journal.add(session())
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = digest(path)
    with pytest.raises(ValueError, match="newer than this code knows") as err:
        open_journal(path)
    message = str(err.value)
    assert str(path) in message and f"schema version {SCHEMA_VERSION + 1}" in message
    assert f"up to {SCHEMA_VERSION}" in message and "not changed" in message
    assert digest(path) == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('Ada')")
    before = digest(path)
    with pytest.raises(ValueError, match="another program") as err:
        open_journal(path)
    message = str(err.value)
    assert str(path) in message and "not changed" in message and "another path" in message
    assert digest(path) == before


@pytest.mark.parametrize(
    "content",
    [b"name,age\nAda,36\n", b"SQLite format 3\x00" + b"\xff" * 2000, bytes(range(256)) * 40],
    ids=["csv text", "broken header", "binary"],
)
def test_a_file_that_is_not_a_journal_is_never_overwritten(tmp_path, content):
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(content)
    with pytest.raises(ValueError, match="journal") as err:
        open_journal(path)
    message = str(err.value)
    assert str(path) in message
    assert "damaged or is not a journal" in message or "another program" in message
    assert "The file was not changed" in message
    assert "pass another path" in message and "move this file away" in message
    assert path.read_bytes() == content


def test_a_damaged_page_is_found_and_the_file_left_alone(tmp_path):
    path = tmp_path / "journal.sqlite3"
    start = session().start
    with open_journal(path) as journal:
        journal.add_many(
            [session(start=start + timedelta(hours=i), note="x" * 200) for i in range(200)]
        )
    data = bytearray(path.read_bytes())
    page = pragma(path, "page_size")
    assert len(data) > 5 * page
    data[3 * page + 100 : 3 * page + 400] = b"\xa5" * 300  # scribble over a table page
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="damaged") as err:
        open_journal(path)
    assert "The file was not changed" in str(err.value)
    assert path.read_bytes() == bytes(data)


def test_a_row_written_by_another_program_is_named_when_read(tmp_path):
    path = tmp_path / "j.sqlite3"
    with open_journal(path) as journal:
        journal.add(session())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE sessions SET mode = 'cartwheel'")
    with open_journal(path) as journal, pytest.raises(ValueError, match="bad session") as err:
        journal.sessions()
    message = str(err.value)
    assert str(path) in message and "row id 1" in message and "cartwheel" in message


def test_a_session_equal_in_value_is_a_new_row(tmp_path):
    # the journal records what happened; two equal sessions are two rows
    s = session()
    with open_journal(tmp_path / "j.sqlite3") as journal:
        journal.add(s)
        journal.add(replace(s))
        assert len(journal) == 2
