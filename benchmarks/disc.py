"""Print how fast the disc model runs and the key numbers of the lift comparison.

Run: ``uv run python -m benchmarks.disc``. Prints figures; asserts nothing.
The view redraws when a slider moves, so one simulated 24 h day (1-minute samples) or one
session of lifts should take at most 20 ms.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from widgets.model.disc import DiscParams, simulate_day
from widgets.model.disc_loads import preset_day
from widgets.model.disc_transport import (
    compare_fluid,
    lift_flow_speed,
    lift_peclet_numbers,
    lift_session,
    night,
)


def timed(fn: Callable[[], object], repeats: int = 50) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1e3)
    return out


def summary(name: str, ms: list[float]) -> None:
    print(
        f"{name:<44} min {min(ms):6.2f}  median {statistics.median(ms):6.2f}  max {max(ms):6.2f} ms"
    )


def main() -> None:
    day = preset_day("desk_worker")
    simulate_day(day)  # warm up
    summary("24 h desk day, 1-min samples", timed(lambda: simulate_day(day)))
    summary("3 desk days, 1-min samples", timed(lambda: simulate_day(day, days=3)))
    summary("10-min lift session (6/min)", timed(lift_session))
    summary("full comparison (lift x2, still, night)", timed(compare_fluid))
    for label, start in (("evening", None), ("morning", night(8.0).end_state)):
        c = compare_fluid(start=start)
        print(f"\nfrom the {label} state (mm3 = uL):")
        rows = (
            ("lift, no pressure change", c.lift_exchanged_low, c.lift_net_low),
            ("lift, 0.25 MPa", c.lift_exchanged_high, c.lift_net_high),
            ("lying still 10 min", c.still_exchanged, c.still_net),
        )
        for name, exchanged, net in rows:
            print(f"  {name:<25}: exchanged {exchanged:7.1f}, net {net:+7.1f}")
        print(f"  night 8 h                :                    net {c.night_net:+7.1f}")
        print(f"  lift's own flow speed    : {lift_flow_speed(start=start):.2e} m/s")
        pe = lift_peclet_numbers(start=start)
        print("  Peclet numbers           : " + ", ".join(f"{k} {v:.3g}" for k, v in pe.items()))
    print(f"\nwater in the model disc: {DiscParams().water:.0f} mm3")


if __name__ == "__main__":
    main()
