"""Print how long the disc day view takes in the kernel per control change.

Run: ``uv run python -m benchmarks.disc_day``. Prints figures; asserts nothing.

Each change sets a control's value and measures the time until the observer returns: the
chart's JSON, the readout and the pressure tables (the aim is at most 50 ms). Widget messages
go nowhere here: this is the Python side only; the browser's redraw comes on top.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import numpy as np

from widgets.figures.disc_day import disc_day_chart_json
from widgets.model.disc_loads import PRESET_DAYS, PRESSURE_TABLES
from widgets.views.disc_day import DiscDay


def summary(name: str, seconds: list[float]) -> None:
    ms = np.array(seconds) * 1e3
    print(
        f"{name:38s}: median {np.median(ms):6.2f} ms, p95 {np.percentile(ms, 95):6.2f} ms, "
        f"max {ms.max():6.2f} ms"
    )


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(n: int = 200, seed: int = 2026) -> None:
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    view = DiscDay()
    print(f"first DiscDay() in a process          : {(time.perf_counter() - start) * 1e3:.0f} ms")
    # every day and table once: fills the cache of model runs
    first = [
        timed(lambda d=d, t=t: disc_day_chart_json(d, t))
        for d, t in itertools.product(PRESET_DAYS, PRESSURE_TABLES)
    ]
    summary("first chart of each day and table", first)
    hours = rng.choice(np.arange(97) / 4.0, n)
    summary(
        "time-of-day change (chart + readout)",
        [timed(lambda h=h: view.show(hour=h)) for h in hours],
    )
    days = rng.choice(PRESET_DAYS, n)
    summary("day change (cached run)", [timed(lambda d=d: view.show(day=str(d))) for d in days])
    tables = itertools.islice(itertools.cycle(PRESSURE_TABLES), n)
    summary("table change (cached run)", [timed(lambda t=t: view.show(table=t)) for t in tables])


if __name__ == "__main__":
    main()
