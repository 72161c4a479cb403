"""A journal writer for the durability tests: adds sessions and reports each commit.

As a script (a fresh interpreter, like a second notebook kernel)::

    python tests/journal/journal_writer.py PATH TAG COUNT PAUSE

opens the journal at PATH, prints ``ready``, waits for a line on stdin, then adds COUNT
sessions, each in its own transaction, and prints ``committed I`` after each one returns,
then rests PAUSE seconds (a kernel does other work between sessions; without a rest SQLite's
busy wait lets one tight writer run ahead until it is done).
:func:`write` does the same into a file descriptor, for a forked child that is killed.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timedelta, timezone

from widgets.journal import Session, open_journal

START = datetime(2025, 1, 1, 7, 0, tzinfo=timezone(timedelta(hours=1)))


def note(tag: str, i: int) -> str:
    """The note of session ``i`` of writer ``tag``: it identifies the row, with tricky text."""
    return f'{tag} #{i}, "quoted"\nsecond line: ünïcødé 日本'


def session(tag: str, i: int) -> Session:
    return Session(
        start=START + timedelta(minutes=i),
        duration_s=600.0 + i,
        rounds=60,
        tempo=6.0,
        exhale_ratio=1.5,
        mode="lift-with-breath",
        pain_before=i % 11,
        pain_after=(i + 5) % 11,
        note=note(tag, i),
    )


def write(path: str, tag: str, count: int | None, report: int) -> None:
    """Add sessions to the journal at ``path`` (``count`` of them, or forever); after each
    commit write ``"I\\n"`` to the file descriptor ``report``."""
    journal = open_journal(path, timeout_s=30.0)
    os.write(report, b"open\n")
    i = 0
    while count is None or i < count:
        journal.add(session(tag, i))
        os.write(report, f"{i}\n".encode())
        i += 1
    journal.close()


def main() -> None:
    path, tag, count, pause = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    journal = open_journal(path, timeout_s=30.0)
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(count):
        journal.add(session(tag, i))
        print(f"committed {i}", flush=True)
        time.sleep(pause)
    journal.close()


if __name__ == "__main__":
    main()
