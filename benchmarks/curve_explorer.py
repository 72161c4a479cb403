"""Print how long the curve explorer takes to react to a slider change, in-process.

Run: ``uv run python benchmarks/curve_explorer.py``. Prints figures; asserts nothing.

Each change sets the slider's value and measures the time until the observer (model,
geometry, figure and readout updates) returns. Outside a kernel the widget messages go
nowhere, so this is the Python side only; the browser's redraw comes on top.
"""

from __future__ import annotations

import time

import numpy as np

from widgets.views.curve_explorer import CurveExplorer, slider_ages


def main(n: int = 400, seed: int = 2026) -> None:
    view = CurveExplorer()
    stops = np.asarray(slider_ages())
    rng = np.random.default_rng(seed)
    # random jumps, never to the current value (which would not fire the observer)
    targets = []
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
    ms = np.array(times) * 1e3
    print(f"slider changes          : {n} (random ages from {len(stops)} stops)")
    print(f"median                  : {np.median(ms):.1f} ms")
    print(f"p95                     : {np.percentile(ms, 95):.1f} ms")
    print(f"max                     : {ms.max():.1f} ms")
    print("budget                  : 50 ms of kernel time per change")


if __name__ == "__main__":
    main()
