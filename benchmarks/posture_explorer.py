"""Print how long the posture explorer takes, kernel side, to redraw after a slider move.

Run: ``uv run python -m benchmarks.posture_explorer``. Prints figures; asserts nothing. The
design asks for a redraw within 50 ms of a slider move. Measured here: setting a slider's
``value`` trait (its validation, the observer, one model evaluation, both SVG strings and the
HTML readout assigned to their widgets), with no front end attached, so the figures are the
kernel's share only; the browser then replaces two small SVGs.
"""

from __future__ import annotations

import statistics
import time

from widgets.views.posture_explorer import PostureExplorer


def summary(name: str, ms: list[float]) -> None:
    print(
        f"{name:<40} min {min(ms):7.3f} ms   median {statistics.median(ms):7.3f} ms   "
        f"max {max(ms):7.3f} ms   (n = {len(ms)})"
    )


def main() -> None:
    view = PostureExplorer("lift-round-back")
    slider = view.sliders["flexion"]
    values = [v for v in range(-20, 101, 5)]
    moves: list[float] = []
    for _ in range(20):
        for v in values:
            start = time.perf_counter()
            slider.value = float(v)
            moves.append((time.perf_counter() - start) * 1e3)
    summary("slider move -> redraw", moves)
    presets: list[float] = []
    for _ in range(50):
        for name in ("lift-far", "twist-and-tilt", "sitting-slumped", "lift-round-back"):
            start = time.perf_counter()
            view.show(name)
            presets.append((time.perf_counter() - start) * 1e3)
    summary("preset pick -> five sliders + redraw", presets)
    start = time.perf_counter()
    PostureExplorer("standing")
    print(f"{'build the view':<40} {(time.perf_counter() - start) * 1e3:7.3f} ms")


if __name__ == "__main__":
    main()
