"""Print how long the lying model takes to answer a change of a model setting.

Run: ``uv run python benchmarks/model_updates.py``. Prints figures; asserts nothing.
A change of lift size, breath depth, legs or pillow recomputes the key poses in Python and
sends them to the browser; the design asks for an answer within 50 ms.
"""

from __future__ import annotations

import json
import statistics
import time

from widgets.figures.supine_scene import scene_payload
from widgets.model.supine import SupineParams, key_poses
from widgets.views.breath_lift import BreathLiftAnimator


def timed(fn, repeats: int = 20) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1e3)
    return out


def summary(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[int(0.95 * (len(ms) - 1))]
    print(f"{name:<44} median {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms")


def main() -> None:
    params = SupineParams()
    key_poses(params)  # warm caches
    summary("key poses (5 x 5 grid)", timed(lambda: key_poses(params)))
    kp = key_poses(params)
    summary("scene payload (to JSON-ready dict)", timed(lambda: scene_payload(kp)))
    summary("JSON encoding of the scene", timed(lambda: json.dumps(scene_payload(kp))))
    widget = BreathLiftAnimator()
    sizes = iter([4.0, 12.0] * 50)
    summary(
        "widget: lift_range change, end to end",
        timed(lambda: setattr(widget, "lift_range", next(sizes))),
    )
    print(f"scene size sent to the browser: {len(json.dumps(widget.scene)) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
