"""Print how long one evaluation of the trunk model takes.

Run: ``uv run python -m benchmarks.trunk``. Prints figures; asserts nothing. The posture
explorer redraws on every slider move and the design asks for an answer within 50 ms; the
model's share of that is one :func:`widgets.model.trunk.trunk_load` call.
"""

from __future__ import annotations

import statistics
import time

from widgets.model.trunk import TrunkPosture, preset, trunk_load
from widgets.model.trunk_lying import lying_effort


def timed(fn, repeats: int = 2000) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1e3)
    return out


def summary(name: str, ms: list[float]) -> None:
    print(
        f"{name:<44} min {min(ms):7.4f} ms   median {statistics.median(ms):7.4f} ms   "
        f"max {max(ms):7.4f} ms"
    )


def main() -> None:
    posture = preset("lift-round-back")
    trunk_load(posture)  # warm caches
    summary("trunk_load (one posture)", timed(lambda: trunk_load(posture)))
    summary(
        "TrunkPosture + trunk_load (slider move)",
        timed(lambda: trunk_load(TrunkPosture(flexion=45.0, load=10.0, load_distance=0.3))),
    )
    summary("lying_effort('bridge')", timed(lambda: lying_effort("bridge")))


if __name__ == "__main__":
    main()
