"""CSV export and import of the journal: every field round-trips exactly.

The file is UTF-8 (with a byte-order mark, so spreadsheet programs read non-Latin text
right), one header row of :data:`COLUMNS`, then one row per session. The start time is ISO
8601 with its UTC offset; numbers are written in Python's shortest exact form (``repr``), so
reading them back gives the same float; a pain not recorded is an empty cell. Notes may hold
commas, quotes and line breaks: the ``csv`` module quotes them.

Reading checks the header and every cell and raises a ``ValueError`` naming the file, the
line and the column of the first bad one.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from widgets.journal.session import FIELDS, Session
from widgets.journal.store import Journal
from widgets.validation import check_flag, check_instance, check_items, describe

#: The CSV header, in order: the fields of :class:`~widgets.journal.session.Session`.
COLUMNS: tuple[str, ...] = FIELDS
#: Encoding of written files; reading accepts UTF-8 with or without the byte-order mark.
ENCODING = "utf-8-sig"


def _file(name: str, value: object) -> Path:
    if isinstance(value, bytes) or not isinstance(value, str | os.PathLike) or not str(value):
        raise ValueError(
            f"{name} must be a file path (a str or pathlib.Path), got {describe(value)}"
        )
    path = Path(value).expanduser()
    if path.is_dir():
        raise ValueError(f"{name} must name a file, but {str(path)!r} is a folder")
    return path


def _cells(session: Session) -> list[str]:
    def number(value: float | int | None) -> str:
        return "" if value is None else repr(value)

    return [
        session.start.isoformat(),
        number(session.duration_s),
        number(session.rounds),
        number(session.tempo),
        number(session.exhale_ratio),
        session.mode,
        number(session.pain_before),
        number(session.pain_after),
        session.note,
    ]


def write_csv(sessions: Iterable[Session], path: str | os.PathLike[str]) -> int:
    """Write ``sessions`` to the CSV file ``path`` (replacing it); return how many were written.

    Raises
    ------
    ValueError
        If ``sessions`` is not a list of :class:`~widgets.journal.session.Session` or
        ``path`` is not a file path.
    """
    items = check_items(
        "sessions",
        sessions,
        lambda name, s: check_instance(name, s, Session, "a Session"),
        what="Session records",
    )
    file = _file("path", path)
    with file.open("w", encoding=ENCODING, newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(_cells(s) for s in items)
    return len(items)


def _parse(column: str, text: str) -> object:
    if column == "start":
        return datetime.fromisoformat(text)
    if column in ("mode", "note"):
        return text
    if column in ("pain_before", "pain_after") and text == "":
        return None
    if column in ("rounds", "pain_before", "pain_after"):
        if not text.lstrip("-").isdigit() or not text.isascii():
            raise ValueError(f"{column} must be a whole number, got {text!r}")
        return int(text)
    return float(text)


def read_csv(path: str | os.PathLike[str]) -> list[Session]:
    """Read sessions from a CSV file written by :func:`write_csv` (or by hand, same columns).

    Raises
    ------
    ValueError
        If the file is missing, not UTF-8 text, its header is not :data:`COLUMNS`, or a
        cell is not valid; the message names the file, the line and the column.
    """
    file = _file("path", path)
    try:
        with file.open(encoding=ENCODING, newline="") as f:
            reader = csv.reader(f, strict=True)
            header = next(reader, None)
            if header is None or tuple(header) != COLUMNS:
                raise ValueError(
                    f"{str(file)!r} is not a journal CSV file: its first line must be "
                    f"{','.join(COLUMNS)!r}, got {','.join(header or [])!r:.120}"
                )
            sessions = []
            for cells in reader:
                line = reader.line_num
                if not cells:
                    continue
                if len(cells) != len(COLUMNS):
                    raise ValueError(
                        f"{str(file)!r} line {line}: expected {len(COLUMNS)} cells, "
                        f"got {len(cells)}"
                    )
                values: dict[str, Any] = {}
                for column, text in zip(COLUMNS, cells, strict=True):
                    try:
                        values[column] = _parse(column, text)
                    except ValueError as err:
                        raise ValueError(
                            f"{str(file)!r} line {line}, column {column}: cannot read "
                            f"{text!r:.60} ({err})"
                        ) from None
                try:
                    sessions.append(Session(**values))
                except ValueError as err:
                    raise ValueError(f"{str(file)!r} line {line}: {err}") from None
    except FileNotFoundError:
        raise ValueError(f"no such CSV file: {str(file)!r}") from None
    except UnicodeDecodeError as err:
        raise ValueError(
            f"{str(file)!r} is not UTF-8 text ({err.reason} at byte {err.start})"
        ) from None
    except csv.Error as err:
        raise ValueError(f"{str(file)!r} is not a valid CSV file: {err}") from None
    return sessions


def export_csv(journal: Journal, path: str | os.PathLike[str]) -> int:
    """Write every session of ``journal`` to the CSV file ``path``; return how many.

    Raises
    ------
    ValueError
        If ``journal`` is not an open :class:`~widgets.journal.store.Journal` or ``path`` is
        not a file path.
    """
    check_instance("journal", journal, Journal, "an open Journal (from open_journal)")
    return write_csv(journal.sessions(), path)


def import_csv(
    journal: Journal, path: str | os.PathLike[str], *, skip_existing: bool = True
) -> int:
    """Add the sessions of the CSV file ``path`` to ``journal`` in one transaction; return how many.

    The whole file is read and checked first: a bad cell adds nothing. With
    ``skip_existing`` (the default) a session equal in every field to one already in the
    journal is not added again, so importing a backup twice changes nothing.

    Raises
    ------
    ValueError
        As :func:`read_csv`, or if ``journal`` is not a Journal or ``skip_existing`` not a bool.
    """
    check_instance("journal", journal, Journal, "an open Journal (from open_journal)")
    skip = check_flag("skip_existing", skip_existing)
    sessions = read_csv(path)
    if skip:
        have = {_key(s) for s in journal.sessions()}
        sessions = [s for s in sessions if _key(s) not in have]
    journal.add_many(sessions)
    return len(sessions)


def _key(session: Session) -> tuple[object, ...]:
    """Every field, the start with its offset (equal instants in two offsets differ)."""
    return (session.start.isoformat(), *_cells(session)[1:])
