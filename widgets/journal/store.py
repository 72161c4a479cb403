"""The journal file: open it (checked, migrated, in WAL mode), add sessions, read them back.

One SQLite file (standard library ``sqlite3``) holds the journal. Opening it checks it
before anything is written (:func:`widgets.journal.schema.file_state`): a damaged file, another
program's database or a newer schema raises a ``ValueError`` naming the path and the file is
left as it was. A usable file is put in write-ahead-log mode (WAL: readers never wait for
the writer, and a crash mid-write leaves the last committed state) with ``synchronous=FULL``
(a commit is on disk when :meth:`Journal.add` returns), then migrated to the current schema.

Each :meth:`Journal.add` is one transaction: the row is either wholly in the file or not at
all. Two programs (two notebooks' kernels) may write at once: a writer waits up to
``timeout_s`` for the other's transaction to end (SQLite's busy timeout).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType

from widgets.journal.location import journal_path
from widgets.journal.schema import START_NEW, file_state, migrate
from widgets.journal.session import FIELDS, Session
from widgets.validation import check_in_range, check_instance, check_items

#: Allowed wait for another program's write to finish, s.
TIMEOUT_RANGE: tuple[float, float] = (0.0, 600.0)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_INSERT = (
    f"INSERT INTO sessions (start_utc_us, {', '.join(FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(FIELDS) + 1))})"
)
_SELECT = f"SELECT id, {', '.join(FIELDS)} FROM sessions ORDER BY start_utc_us, id"


def session_row(session: Session) -> tuple[object, ...]:
    """The values of one ``sessions`` row (without its id), start time as ISO 8601 with offset."""
    check_instance("session", session, Session, "a Session (widgets.journal)")
    return (
        (session.start - _EPOCH) // _MICROSECOND,
        session.start.isoformat(),
        session.duration_s,
        session.rounds,
        session.tempo,
        session.exhale_ratio,
        session.mode,
        session.pain_before,
        session.pain_after,
        session.note,
    )


class Journal:
    """An open practice journal. Make one with :func:`open_journal`; close it when done.

    Usable as a context manager (``with open_journal() as journal: ...``). Methods may be
    called from any thread; they take turns.

    Attributes
    ----------
    path : Path
        The journal's file.
    migrated_from : int
        The schema version the file had when opened (0 for a new file).
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, migrated_from: int) -> None:
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.Lock()
        self.path = path
        self.migrated_from = migrated_from

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError(f"the journal {str(self.path)!r} is closed; open it again")
        return self._conn

    def add(self, session: Session) -> int:
        """Write one session in one transaction; return its row id.

        Raises
        ------
        ValueError
            If ``session`` is not a :class:`~widgets.journal.session.Session`.
        """
        return self.add_many([check_instance("session", session, Session, "a Session")])[0]

    def add_many(self, sessions: Iterable[Session]) -> list[int]:
        """Write several sessions in one transaction (all or none); return their row ids.

        Raises
        ------
        ValueError
            If ``sessions`` is not a list of :class:`~widgets.journal.session.Session`.
        """
        items = check_items(
            "sessions",
            sessions,
            lambda name, s: check_instance(name, s, Session, "a Session"),
            what="Session records",
        )
        rows = [session_row(s) for s in items]
        with self._lock:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [int(conn.execute(_INSERT, row).lastrowid or 0) for row in rows]
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return ids

    def sessions(self) -> list[Session]:
        """Every session, oldest first (by instant; ties in the order they were added).

        Raises
        ------
        ValueError
            Naming the file and the row, if a row does not hold a valid session (the file
            was edited by another program).
        """
        with self._lock:
            rows = self._connection().execute(_SELECT).fetchall()
        out = []
        for row_id, start, *rest in rows:
            try:
                out.append(Session(datetime.fromisoformat(start), *rest))
            except (ValueError, TypeError) as err:
                raise ValueError(
                    f"the journal file {str(self.path)!r} holds a bad session (row id "
                    f"{row_id}): {err}"
                ) from err
        return out

    def __len__(self) -> int:
        with self._lock:
            return int(self._connection().execute("SELECT count(*) FROM sessions").fetchone()[0])

    def close(self) -> None:
        """Close the file (a second call does nothing)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._conn is None else "open"
        return f"Journal({str(self.path)!r}, {state})"


def open_journal(path: str | os.PathLike[str] | None = None, *, timeout_s: float = 10.0) -> Journal:
    """Open (or create) the practice journal.

    Parameters
    ----------
    path : str or Path, optional
        The journal's file. Default: ``$GENTLE_SPINE_JOURNAL`` if set, else
        ``journal.sqlite3`` in the user's data folder (see
        :func:`widgets.journal.location.journal_path`). Missing folders are created.
    timeout_s : float, optional
        How long a write waits for another program's write to finish, s, 0 to 600.

    Raises
    ------
    ValueError
        If ``path`` is not a file path; if the file is damaged, another program's database
        or of a newer schema (the message names the path, says the file was not changed and
        how to start a new journal); or if the folder cannot be created.
    """
    timeout = check_in_range("timeout_s", timeout_s, *TIMEOUT_RANGE, "s")
    file = journal_path(path)
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ValueError(f"cannot create the journal's folder {str(file.parent)!r}: {err}") from err
    try:
        conn = sqlite3.connect(file, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as err:
        raise ValueError(f"cannot open the journal file {str(file)!r}: {err}") from err
    try:
        old = _prepare(conn, file, timeout)
    except BaseException:
        conn.close()
        raise
    return Journal(conn, file, old)


def _wal(conn: sqlite3.Connection, timeout: float) -> str:
    """Set write-ahead logging; return the journal mode SQLite reports.

    Switching a new file to WAL needs the file to itself: while another program opening the
    same new file holds it, SQLite answers "database is locked" at once (its busy timeout
    does not cover this switch), so retry until ``timeout`` (s) has passed.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as err:
            busy = "locked" in str(err) or "busy" in str(err)
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


def _prepare(conn: sqlite3.Connection, file: Path, timeout: float) -> int:
    """Check the file (read only), then set WAL and full sync, then migrate."""
    file_state(conn, file)
    try:
        mode = _wal(conn, timeout)
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as err:
        raise ValueError(
            f"cannot write to the journal file {str(file)!r}: {err}. {START_NEW}"
        ) from err
    if str(mode).lower() != "wal":
        raise ValueError(
            f"the journal file {str(file)!r} cannot use write-ahead logging (journal mode "
            f"{mode!r}); keep it on a local disk"
        )
    return migrate(conn, file)
