"""The journal file's schema, its version and the migrations between versions.

The version lives in SQLite's ``PRAGMA user_version`` and the file is marked as a Gentle
Spine journal by ``PRAGMA application_id`` (:data:`APPLICATION_ID`), so a foreign SQLite
file is recognised and left alone. ``MIGRATIONS[i]`` takes a file from version ``i`` to
``i + 1``; a new, empty file is version 0. A migration runs in the same transaction as the
version bump, so a file is always at exactly one version.

Version 1: the ``sessions`` table, one row per session; ``start`` is ISO 8601 with its UTC
offset, ``start_utc_us`` the same instant in microseconds since 1970-01-01 UTC (for order).
Version 2: an index on ``start_utc_us``, so a long journal reads in order without sorting.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: Marks a file as a Gentle Spine journal: the bytes "GSjn" as a 32-bit integer.
APPLICATION_ID = int.from_bytes(b"GSjn", "big")

#: SQL statements of each migration; ``MIGRATIONS[i]`` goes from version ``i`` to ``i + 1``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            start TEXT NOT NULL,
            start_utc_us INTEGER NOT NULL,
            duration_s REAL NOT NULL CHECK (duration_s >= 0 AND duration_s <= 86400),
            rounds INTEGER NOT NULL CHECK (rounds >= 0),
            tempo REAL NOT NULL CHECK (tempo > 0),
            exhale_ratio REAL NOT NULL CHECK (exhale_ratio > 0),
            mode TEXT NOT NULL,
            pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),
            note TEXT NOT NULL DEFAULT ''
        ) STRICT
        """,
    ),
    ("CREATE INDEX sessions_by_start ON sessions (start_utc_us, id)",),
)

#: The schema version this code writes and reads.
SCHEMA_VERSION = len(MIGRATIONS)

#: What to do when a file cannot be used, appended to every such error.
START_NEW = (
    "The file was not changed. To start a new journal, pass another path "
    "(open_journal(path=...)) or set GENTLE_SPINE_JOURNAL, or move this file away."
)


def file_state(conn: sqlite3.Connection, path: Path) -> int:
    """Check an open file is a journal this code can use; return its schema version.

    Reads only (the file is never written here): the application id, the schema version
    and SQLite's ``quick_check`` of every page.

    Returns
    -------
    int
        The schema version, 0 for a new, empty file.

    Raises
    ------
    ValueError
        Naming ``path``, if the file is not an SQLite database or is damaged, is another
        program's SQLite file, or has a newer schema than :data:`SCHEMA_VERSION`.
    """
    # one read transaction, so the four reads see one state of the file: read one by one,
    # another program's migration committing in between looked like a foreign database
    own = not conn.in_transaction
    try:
        if own:
            conn.execute("BEGIN")
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            if own and conn.in_transaction:
                conn.execute("COMMIT")  # nothing was written: this only ends the read
    except sqlite3.DatabaseError as err:
        raise ValueError(
            f"the journal file {str(path)!r} is damaged or is not a journal "
            f"(SQLite says: {err}). {START_NEW}"
        ) from err
    if problems != ["ok"]:
        raise ValueError(
            f"the journal file {str(path)!r} is damaged (SQLite's check found: "
            f"{'; '.join(problems)}). {START_NEW}"
        )
    if app_id == 0 and version == 0 and tables == 0:
        return 0
    if app_id != APPLICATION_ID:
        raise ValueError(
            f"the file {str(path)!r} is an SQLite database of another program "
            f"(application id {app_id}, not {APPLICATION_ID}), not a practice journal. "
            f"{START_NEW}"
        )
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"the journal file {str(path)!r} has schema version {version}, newer than this "
            f"code knows (up to {SCHEMA_VERSION}); update the course (git pull, then uv sync) "
            "to open it. The file was not changed."
        )
    return int(version)


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the file to :data:`SCHEMA_VERSION`, in one transaction; return the old version.

    Takes the write lock first (``BEGIN IMMEDIATE``) and reads the version again under it, so
    two programs opening the same new file migrate it once. ``conn`` must be in autocommit
    mode (``isolation_level=None``).

    Raises
    ------
    ValueError
        As :func:`file_state`.
    """
    if file_state(conn, path) == SCHEMA_VERSION:
        return SCHEMA_VERSION
    conn.execute("BEGIN IMMEDIATE")
    try:
        old = file_state(conn, path)
        for version in range(old, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return old
