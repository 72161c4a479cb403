"""Print how long a ten-year practice journal takes to load and to build its trends.

Run: ``uv run python -m benchmarks.journal``. Prints figures; asserts nothing. The issue asks
that a journal of ten years, two sessions a day (7,300 rows), loads and draws its trends in
at most 200 ms. Timed here: opening the file (checks, WAL, schema), reading every session,
building the plotly trends figure, and the three together; also the sessions table.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from widgets.figures.journal_table import journal_table_html
from widgets.figures.journal_trends import journal_trends
from widgets.journal import Session, open_journal

DAYS = 3650
REPEATS = 20


def ten_years() -> list[Session]:
    """Two sessions a day for ten years, notes and pain varied, some pain missing."""
    start = datetime(2015, 1, 5, 7, 0, tzinfo=timezone(timedelta(hours=1)))
    return [
        Session(
            start=start + timedelta(days=i // 2, hours=12 * (i % 2)),
            duration_s=300.0 + (i % 7) * 60.0,
            rounds=30 + i % 20,
            tempo=6.0,
            exhale_ratio=1.5,
            mode="lift-with-breath" if i % 2 else "breath-only",
            pain_before=i % 11,
            pain_after=None if i % 5 == 0 else max(i % 11 - 2, 0),
            note=f"session {i}: stiff, then easier" if i % 3 else "",
        )
        for i in range(2 * DAYS)
    ]


def timed(fn: Callable[[], object], repeats: int = REPEATS) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU times of ``repeats`` calls, ms."""
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - start_cpu) * 1e3)
    return wall, cpu


def summary(name: str, times: tuple[list[float], list[float]]) -> None:
    wall, cpu = times
    print(
        f"{name:<44} wall min {min(wall):6.1f}  median {statistics.median(wall):6.1f}  "
        f"max {max(wall):6.1f} ms | CPU median {statistics.median(cpu):6.1f} ms"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ten-years.sqlite3"
        sessions = ten_years()
        with open_journal(path) as journal:
            journal.add_many(sessions)
        print(
            f"journal: {len(sessions)} sessions, {path.stat().st_size / 1e6:.2f} MB; "
            f"{REPEATS} repeats; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
            "(wall times grow with the load, CPU times much less)"
        )

        def load() -> list[Session]:
            with open_journal(path) as journal:
                return journal.sessions()

        def everything() -> None:
            journal_trends(load())

        loaded = load()
        journal_trends(loaded)  # warm imports and plotly's validators
        summary("open + read all sessions", timed(load))
        summary("build the trends figure (7,300 sessions)", timed(lambda: journal_trends(loaded)))
        summary("open + read + trends (the 200 ms target)", timed(everything))
        summary("sessions table, all rows (HTML)", timed(lambda: journal_table_html(loaded)))


if __name__ == "__main__":
    main()
