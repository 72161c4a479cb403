"""Print how long the spine model takes and how well the measured angles round-trip.

Run: ``uv run python benchmarks/spine_geometry.py``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import time

import numpy as np

from widgets.model import measure
from widgets.model.spine import build_spine
from widgets.model.spine_params import RANGES, SACRAL_SLOPE_RANGE, SpineParams


def random_params(rng: np.random.Generator, n: int) -> list[SpineParams]:
    out: list[SpineParams] = []
    while len(out) < n:
        d = {k: float(rng.uniform(lo, hi)) for k, (lo, hi) in RANGES.items()}
        ss = d["pelvic_incidence"] - d["pelvic_tilt"]
        if SACRAL_SLOPE_RANGE[0] <= ss <= SACRAL_SLOPE_RANGE[1]:
            out.append(SpineParams(**d))
    return out


def main(n: int = 1000, repeats: int = 5) -> None:
    params = random_params(np.random.default_rng(2026), n)
    build_spine(params[0])  # warm the caches (data tables, calibration)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        geoms = [build_spine(p) for p in params]
        times.append(time.perf_counter() - start)
    worst = 0.0
    worst_name = ""
    for p, g in zip(params, geoms, strict=True):
        for k, v in measure.regional_angles(g).items():
            err = abs(v - getattr(p, k))
            if err > worst:
                worst, worst_name = err, k
        pi_err = abs(measure.pelvic_incidence(g) - measure.pelvic_tilt(g) - measure.sacral_slope(g))
        if pi_err > worst:
            worst, worst_name = pi_err, "PI - (PT + SS)"
    best = min(times)
    print(f"geometries built        : {n} (random angles across the allowed ranges)")
    median = float(np.median(times))
    print(f"time for {n} geometries : best {best * 1e3:.1f} ms, median {median * 1e3:.1f} ms")
    print(f"per geometry            : {best / n * 1e6:.0f} µs")
    print(f"worst angle round trip  : {worst:.2e} deg ({worst_name})")


if __name__ == "__main__":
    main()
