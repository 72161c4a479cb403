"""Print how long the curve explorer takes in the kernel: to build, and per slider change.

Run: ``uv run python benchmarks/curve_explorer.py``. Prints figures; asserts nothing.

Each change sets the slider's value and measures the time until the observer returns: the
new spine scene, the readout and the chart's JSON with the marker moved. Outside a running
event loop the chart follows every change (in a kernel a drag redraws it once, when the
age stops moving for ``CHART_PAUSE_S``), so this is the worst case. Widget messages go
nowhere here: this is the Python side only; the browser's redraw comes on top
(``benchmarks/lessons.py``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import numpy as np

from widgets.figures.angle_tables import age_readout_html
from widgets.figures.curves_by_age import curves_chart_json
from widgets.model.ages import age_stops
from widgets.model.development import geometry_at_age
from widgets.views.curve_explorer import CurveExplorer
from widgets.views.spine_comparison import SpineComparison


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of ``fn`` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def summary(name: str, seconds: list[float]) -> None:
    ms = np.array(seconds) * 1e3
    print(
        f"{name:34s}: median {np.median(ms):6.2f} ms, p95 {np.percentile(ms, 95):6.2f} ms, "
        f"max {ms.max():6.2f} ms"
    )


def main(n: int = 400, seed: int = 2026) -> None:
    print(
        f"first CurveExplorer() in a process : {timed(CurveExplorer) * 1e3:.0f} ms (fills caches)"
    )
    summary("CurveExplorer() again", [timed(CurveExplorer) for _ in range(20)])
    print(f"first SpineComparison()            : {timed(SpineComparison) * 1e3:.0f} ms")
    summary("SpineComparison() again", [timed(SpineComparison) for _ in range(20)])

    view = CurveExplorer()
    stops = np.asarray(age_stops())
    rng = np.random.default_rng(seed)
    targets: list[float] = []  # random jumps, never to the current value (no event)
    current = view.slider.value
    while len(targets) < n + 10:
        age = float(rng.choice(stops))
        if age != current:
            targets.append(age)
            current = age
    for age in targets[:10]:  # warm up
        view.slider.value = age
    times = []
    for age in targets[10:]:
        start = time.perf_counter()
        view.slider.value = age
        times.append(time.perf_counter() - start)
    print(f"\nslider changes: {n} (random ages from {len(stops)} stops)")
    summary("whole change (spine, readout, chart)", times)
    ages = targets[10:110]
    summary(
        "  spine scene",
        [timed(lambda a=a: view.spine.draw([geometry_at_age(a)], ["x"])) for a in ages],
    )
    summary("  readout table", [timed(lambda a=a: age_readout_html(a)) for a in ages])
    summary(
        "  chart JSON with the marker moved",
        [timed(lambda a=a: curves_chart_json(a)) for a in ages],
    )
    scene = len(json.dumps(view.spine.scene))
    chart = len(json.dumps(curves_chart_json(36.0)))
    print(f"sent per change: spine scene {scene / 1e3:.1f} kB; chart {chart / 1e3:.1f} kB")
    print("budget: 50 ms of kernel time per change")


if __name__ == "__main__":
    main()
