"""Durability: a writer killed at random moments loses no committed session and leaves no
partial row; two processes writing at once both keep their rows.

The kill test forks writer processes from the test process (it has the package imported
already, so a round costs milliseconds, not the second a fresh interpreter takes to import
numpy) and kills each with SIGKILL after a random delay; the two-writer test starts two fresh
interpreters, as two notebook kernels would be.
"""

import itertools
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.journal.journal_writer import note, session, write
from widgets.journal import SCHEMA_VERSION, open_journal

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL (POSIX)")

ROOT = Path(__file__).resolve().parents[2]
KILLS = 100
#: Rounds that share one file before the next round starts a new one (so some kills land
#: while a new file is being created and migrated).
ROUNDS_PER_FILE = 10
MAX_DELAY_S = 0.08


def read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode()


def kill_one_writer(path: Path, tag: str, delay: float) -> tuple[bool, int]:
    """Fork a writer, SIGKILL it after ``delay`` s; return (it had opened, commits it reported)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer
        os.close(read_end)
        try:
            write(str(path), tag, None, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    lines = read_all(read_end).split()
    os.close(read_end)
    opened = bool(lines) and lines[0] == "open"
    reported = [int(x) for x in lines[1:]]
    assert reported == list(range(len(reported)))
    return opened, len(reported)


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))


def test_a_writer_killed_at_random_moments_loses_no_committed_session(tmp_path):
    rng = random.Random(20250301)
    reported_total = found_total = in_flight = killed_before_open = 0
    integrity_ok = 0
    started = time.perf_counter()
    for round_ in range(KILLS):
        path = tmp_path / f"journal-{round_ // ROUNDS_PER_FILE}.sqlite3"
        tag = f"r{round_}"
        opened, reported = kill_one_writer(path, tag, rng.uniform(0.0, MAX_DELAY_S))
        killed_before_open += not opened
        check = integrity(path)
        assert check == "ok", f"round {round_}: {check}"
        integrity_ok += 1
        with open_journal(path) as journal:  # every row is read back and checked
            mine = [s for s in journal.sessions() if s.note.startswith(f"{tag} #")]
        assert [s.note for s in mine] == [note(tag, i) for i in range(len(mine))]
        assert all(s == session(tag, i) for i, s in enumerate(mine)), "a row differs"
        # every reported commit is there; at most one more (committed, killed before reporting)
        assert reported <= len(mine) <= reported + 1, (round_, reported, len(mine))
        reported_total += reported
        found_total += len(mine)
        in_flight += len(mine) - reported
    elapsed = time.perf_counter() - started
    files = sorted(tmp_path.glob("journal-*.sqlite3"))
    versions = set()
    for path in files:
        with sqlite3.connect(path) as conn:
            versions.add(conn.execute("PRAGMA user_version").fetchone()[0])
    assert versions == {SCHEMA_VERSION}
    print(
        f"\nkill test: {KILLS} writers killed (SIGKILL) after 0-{MAX_DELAY_S * 1e3:.0f} ms, "
        f"{killed_before_open} before the journal was open; {len(files)} files; "
        f"rows reported committed {reported_total}, found {found_total} "
        f"({in_flight} committed but killed before reporting); "
        f"integrity_check ok {integrity_ok}/{KILLS}; {elapsed:.1f} s"
    )
    assert reported_total > KILLS  # the kills did land among the writes, not only before them


def test_two_processes_writing_at_once_both_keep_their_rows(tmp_path):
    path = tmp_path / "shared.sqlite3"
    count = 150
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = str(Path(__file__).with_name("journal_writer.py"))
    writers = [
        subprocess.Popen(
            [sys.executable, script, str(path), tag, str(count), "0.002"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        for tag in ("kernel-A", "kernel-B")
    ]
    for w in writers:  # both open (the second may wait for the first's migration)
        assert w.stdout is not None and w.stdout.readline().strip() == "ready"
    for w in writers:  # then both write at once
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    outputs = [w.communicate(timeout=180) for w in writers]
    for w, (out, err) in zip(writers, outputs, strict=True):
        assert w.returncode == 0, err
        assert out.split("\n")[-2] == f"committed {count - 1}"
    with open_journal(path) as journal:
        sessions = journal.sessions()
    assert len(sessions) == 2 * count
    for tag in ("kernel-A", "kernel-B"):
        notes = {s.note for s in sessions if s.note.startswith(tag)}
        assert notes == {note(tag, i) for i in range(count)}
    assert integrity(path) == "ok"
    with sqlite3.connect(path) as conn:
        order = [r[0].split(" #")[0] for r in conn.execute("SELECT note FROM sessions ORDER BY id")]
    switches = sum(a != b for a, b in itertools.pairwise(order))
    print(f"\ntwo writers: {len(sessions)} of {2 * count} rows kept; {switches} turns between them")
    # they wrote at the same time: their rows interleave, not one block after the other
    assert switches >= 10


def test_two_programs_creating_one_new_journal_at_once_both_open_it(tmp_path):
    # Two kernels opening a journal that does not exist yet: one creates and migrates it while
    # the other checks it. The check once read the file's id, version and tables one by one
    # and could see the other's migration land in between (a "foreign database"), and the
    # switch to write-ahead logging answered "locked" at once. 25 fresh files, two at a time.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = str(Path(__file__).with_name("journal_writer.py"))
    for trial in range(25):
        path = tmp_path / f"new-{trial}.sqlite3"
        writers = [
            subprocess.Popen(
                [sys.executable, script, str(path), tag, "1", "0"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                cwd=ROOT,
                env=env,
            )
            for tag in ("kernel-A", "kernel-B")
        ]
        outputs = [w.communicate("go\n", timeout=120) for w in writers]
        for w, (out, err) in zip(writers, outputs, strict=True):
            assert w.returncode == 0, f"trial {trial}: {err[-800:]}"
            assert out.startswith("ready"), (trial, out)
        with open_journal(path) as journal:
            assert len(journal.sessions()) == 2
