"""Measure ``BreathLiftAnimator`` against ``Play`` + plotly ``FigureWidget``, CPU at 1x and 4x.

Run from the repository root: ``uv run python -m benchmarks.animator`` (about two minutes).
Prints a Markdown table and writes ``benchmarks/results/animator.json``; asserts nothing. Exits
with status 2 and a message when it cannot measure (no Chromium, Playwright or psutil, a cell
raises, the widget never appears or never moves).

Set-up: one private JupyterLab (the test harness's ``running_jupyter_lab``), one headless
Chromium started here with a DevTools port. For each CPU speed (``--rates``, default 1 and 4:
the page's main thread slowed 4x with ``Emulation.setCPUThrottlingRate``, a school laptop) and
each approach, one notebook runs in that page, so one kernel is alive at a time:

* **ours**: ``BreathLiftAnimator(tempo=12)``, animated in the browser, no per-frame kernel work;
* **baseline**: ``benchmarks/animator_baseline.py``, the usual way: ``ipw.Play(interval=16)``
  stepping a ``go.FigureWidget`` of the same scene (the animator's ``scene_payload`` and its
  Python interpolation reference ``pose_points``), every trace set in one ``batch_update``.

Playwright opens the notebook, runs it, scrolls the view to the middle of the page, presses Play
(baseline), installs the page scripts ``benchmarks/probes/animator_probe.js`` and
``animator_runner.js``, and disconnects: the warm-up, the window and the tempo changes run with
nothing attached but, for a slowed CPU, a bare DevTools socket that holds the throttling (its
only traffic is that one command). Playwright reconnects afterwards to read the results.

redraws/s, frame interval p50/p95 (ms)
    Every frame, the probe reads what is on screen (ours: sixteen pixel columns across the
    figure's canvas; baseline: every trace's SVG path); a frame that differs from the one
    before is a redraw. Intervals are between the rAF timestamps of consecutive redraws. The
    page's rAF rate (at most 60/s headless) is the ceiling; a frame that would draw the same
    picture (near a turning point of the breath) is not a redraw. For ours, ``canvas
    repaints/s`` (the widget's own count of figure repaints) is printed beside it.
tempo change visible after (ms)
    The runner switches the tempo between 12 and 24/min ``--trials`` times, 1.3 s apart, as a
    learner would (ours: an ``input`` event on the Tempo slider; baseline: Enter in the
    FloatSlider's readout). Latency = from just before the event to the first redraw whose
    phase step matches the new tempo within 15 %; the median is reported. Resolution one frame.
kernel CPU (%)
    CPU time of the notebook's kernel process (psutil) over the window, % of one core; the
    Jupyter server's, Chromium's (all processes) and this script's are in the JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import sys
import time
import traceback
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.browser.chromium import (
    CHROMIUM_ARGS,
    ChromiumProcess,
    attach_page_recorders,
    chromium_executable,
)
from tests.browser.lab import Lab
from tests.browser.notebooks import write_notebook
from tests.browser.server import running_jupyter_lab

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
PROBES = HERE / "probes"

WINDOW_SIZE = (1280, 1500)
EXTRA_CHROMIUM_ARGS = [
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--hide-scrollbars",
    "--mute-audio",
    "--no-proxy-server",
    # Loopback only: any other host name fails to resolve (the server is offline anyway).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
TEMPO, TEMPO_ALT = 12.0, 24.0  # breaths/min
PLAY_INTERVAL_MS = 16  # the baseline's Play interval (animator_baseline.py)
MATCH_TOLERANCE = 0.15
WARMUP_S = 2.0  # animating before anything is recorded, s
LEAD_S = 1.0  # after Playwright has disconnected, before the window, s
TRIAL_GAP_S = 1.3  # between tempo changes, s
#: Targets for ours at each CPU slow-down: (limit, higher is better). "ratio" is ours /
#: baseline redraws/s. 4x: issue 9 (a school laptop).
TARGETS: dict[float, dict[str, tuple[float, bool]]] = {
    1.0: {
        "redraws_per_s": (58.0, True),
        "interval_p95_ms": (20.0, False),
        "tempo_latency_ms": (50.0, False),
        "kernel_cpu_percent": (2.0, False),
        "ratio": (3.0, True),
    },
    4.0: {"redraws_per_s": (55.0, True), "interval_p95_ms": (20.0, False)},
}
OURS_SOURCE = (
    "from widgets.views.breath_lift import BreathLiftAnimator\n\nBreathLiftAnimator(tempo=12)"
)


class BenchmarkError(RuntimeError):
    """The benchmark cannot measure (missing browser, failing cell, widget not shown...)."""


def probe(name: str) -> str:
    """The page script ``benchmarks/probes/<name>.js`` (a function for ``page.evaluate``)."""
    return (PROBES / f"{name}.js").read_text()


@dataclass
class Approach:
    """One approach: its notebook cell and how to find it on the page."""

    mode: str  # "ours" or "baseline": how the probes read it and set the tempo
    title: str
    source: str
    selector: str

    @property
    def notebook(self) -> Path:
        """The notebook this script writes for the approach."""
        return RESULTS / f"animator_{self.mode}.ipynb"


APPROACHES = (
    Approach("ours", "BreathLiftAnimator (ours)", OURS_SOURCE, ".gs-bla"),
    Approach(
        "baseline",
        "Play + FigureWidget (baseline)",
        (HERE / "animator_baseline.py").read_text(),
        ".gs-baseline",
    ),
)


@dataclass
class Case:
    """One approach at one CPU slow-down, and what was measured."""

    approach: Approach
    rate: float
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``"<mode> <rate>x"``, for the table."""
        return f"{self.approach.mode} {self.rate:g}x"


# --------------------------------------------------------------------------- processes


class CpuMeter:
    """CPU time of a set of processes between :meth:`start` and :meth:`stop`, % of one core."""

    def __init__(self, procs: list[Any]) -> None:
        self.procs = procs
        self._t0 = 0.0
        self._cpu0: dict[int, float] = {}

    @staticmethod
    def _cpu(proc: Any) -> float | None:
        import psutil

        try:
            times = proc.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None
        return times.user + times.system

    def start(self) -> None:
        """Take the first reading."""
        self._t0 = time.monotonic()
        self._cpu0 = {p.pid: c for p in self.procs if (c := self._cpu(p)) is not None}

    def stop(self) -> float:
        """CPU used since :meth:`start`, % of one core (processes gone meanwhile count 0)."""
        wall = time.monotonic() - self._t0
        used = sum(
            c - self._cpu0[p.pid]
            for p in self.procs
            if p.pid in self._cpu0 and (c := self._cpu(p)) is not None
        )
        return 100.0 * used / wall if wall > 0 else float("nan")


def kernel_process(server: Any, notebook: Path) -> Any:
    """The process of the kernel of ``notebook``'s session (its id is in the command line)."""
    import psutil

    sessions = server.sessions(notebook)
    if not sessions:
        raise BenchmarkError(f"no kernel session for {server.rel_path(notebook)}")
    kernel_id = sessions[0]["kernel"]["id"]
    for proc in psutil.process_iter(["cmdline"]):
        if any(kernel_id in part for part in proc.info["cmdline"] or []):
            return proc
    raise BenchmarkError(f"no process has kernel id {kernel_id} in its command line")


class Throttle:
    """Slow the page's main thread ``rate`` times over a bare DevTools socket, until closed.

    Chromium drops the emulation when the session that set it detaches, so the socket stays
    open while Playwright is away; it sends nothing else. ``rate`` 1 opens nothing.
    """

    def __init__(self, endpoint: str, rate: float) -> None:
        self.ws: Any = None
        if rate == 1:
            return
        import websocket  # websocket-client, a dependency of jupyter_server

        with urllib.request.urlopen(f"{endpoint}/json/list", timeout=10) as response:
            pages = [t for t in json.load(response) if t["type"] == "page"]
        if len(pages) != 1:
            raise BenchmarkError(f"expected one page to throttle, found {len(pages)}")
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=10)
        self._send("Emulation.setCPUThrottlingRate", {"rate": rate})

    def _send(self, method: str, params: dict[str, Any]) -> None:
        self.ws.send(json.dumps({"id": 1, "method": method, "params": params}))
        while (reply := json.loads(self.ws.recv())).get("id") != 1:
            pass
        if "error" in reply:
            raise BenchmarkError(f"{method} failed: {reply['error']}")

    def close(self) -> None:
        """Back to full speed; close the socket."""
        if self.ws is not None:
            try:
                self._send("Emulation.setCPUThrottlingRate", {"rate": 1})
            finally:
                self.ws.close()
                self.ws = None


# --------------------------------------------------------------------------- analysis


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile ``q`` (0-100) of ``values``, None if empty."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def redraw_stats(log: dict[str, list[Any]], tempo: float) -> dict[str, Any]:
    """Redraw rate and intervals from one probe log (see the module docstring)."""
    n = len(log["now"])
    if n < 10:
        raise BenchmarkError(f"the page probe recorded only {n} frames")
    span_ms = log["t"][-1] - log["t"][0]
    changed = [i for i in range(1, n) if log["changed"][i]]
    by_t = [log["t"][b] - log["t"][a] for a, b in itertools.pairwise(changed)]
    steps = [x for x in log["n"] if isinstance(x, (int, float))]
    phases = [x for x in log["u"] if isinstance(x, (int, float))]
    advance = sum((b - a) % 1.0 for a, b in itertools.pairwise(phases))
    paints = [x for x in log.get("p", []) if isinstance(x, (int, float))]
    return {
        "window_s": span_ms / 1000.0,
        "canvas_repaints_per_s": (
            (paints[-1] - paints[0]) / span_ms * 1000.0 if len(paints) > 1 else None
        ),
        "page_frames_per_s": (n - 1) / span_ms * 1000.0,
        "redraws": len(changed),
        "redraws_per_s": len(changed) / span_ms * 1000.0,
        "redraws_l3_only_per_s": (
            sum(x for x in log["changedL3"][1:] if x) / span_ms * 1000.0
            if any(x is not None for x in log["changedL3"][1:])
            else None  # ours paints on a canvas: L3 alone is not told apart
        ),
        "interval_p50_ms": percentile(by_t, 50),
        "interval_p95_ms": percentile(by_t, 95),
        "interval_max_ms": max(by_t) if by_t else None,
        "source_steps_per_s": (steps[-1] - steps[0]) / span_ms * 1000.0 if len(steps) > 1 else None,
        "motion_speed_vs_wall_clock": advance / (span_ms / 1000.0) / (tempo / 60.0),
    }


def first_matching_frame(
    log: dict[str, list[Any]], t0: float, until: float, tempo: float, mode: str
) -> tuple[float, int] | None:
    """First redraw after ``t0`` moving at ``tempo``: (ms after t0, page frames after t0).

    The phase step is taken from the previous redraw, which may precede ``t0``.
    """
    last_u = last_x = None
    after = 0
    for i in range(len(log["now"])):
        if log["now"][i] >= until:
            break
        u, x = log["u"][i], log["t"][i] if mode == "ours" else log["n"][i]
        after += log["now"][i] > t0
        if not log["changed"][i] or u is None or x is None:
            continue
        if log["now"][i] > t0 and last_u is not None and x > last_x:
            du = (u - last_u) % 1.0
            per_ms = x - last_x if mode == "ours" else (x - last_x) * PLAY_INTERVAL_MS
            if abs(du / per_ms * 60_000.0 / tempo - 1.0) <= MATCH_TOLERANCE:
                return log["now"][i] - t0, after
        last_u, last_x = u, x
    return None


# --------------------------------------------------------------------------- measuring


def show_and_start(lab: Lab, approach: Approach) -> dict[str, Any]:
    """Run the notebook, scroll the view into the middle, start it; return its box on screen."""
    page = lab.page
    lab.open_notebook(approach.notebook)
    summary = lab.run_all(timeout=120)
    if summary.errors or lab.kernel_errors:
        detail = "\n".join(summary.errors) or "\n".join(e.traceback for e in lab.kernel_errors)
        raise BenchmarkError(f"{approach.notebook.name} raised:\n{detail}")
    try:
        page.wait_for_function(probe("animator_ready"), arg=approach.mode, timeout=30_000)
    except Exception as exc:
        raise BenchmarkError(f"{approach.title}: the view did not appear in 30 s") from exc
    page.evaluate(probe("scroll_into_view"), approach.selector)
    page.wait_for_timeout(300)  # let JupyterLab settle, then check again
    box = page.evaluate(probe("scroll_into_view"), approach.selector)
    if approach.mode == "baseline":
        page.locator(".gs-baseline .widget-play button").first.click()  # Play
    page.mouse.move(5, 5)  # no hover labels over the figure
    return box


def measure(pw: Any, chromium: ChromiumProcess, server: Any, case: Case, args: Any) -> None:
    """Measure one case (see the module docstring); fill ``case.results``."""
    import psutil

    approach = case.approach
    browser = pw.chromium.connect_over_cdp(chromium.endpoint)
    page = browser.contexts[0].pages[0]
    attach_page_recorders(page)
    box = show_and_start(Lab(page, server), approach)
    me = psutil.Process()
    others = {chromium.process.pid, server.process.pid}  # also children of this process
    browser_root = psutil.Process(chromium.process.pid)
    meters = {
        "kernel": CpuMeter([kernel_process(server, approach.notebook)]),
        "server": CpuMeter([psutil.Process(server.process.pid)]),
        "browser": CpuMeter([browser_root, *browser_root.children(recursive=True)]),
        "harness": CpuMeter([me, *(p for p in me.children() if p.pid not in others)]),
    }
    tempos = [TEMPO_ALT if k % 2 == 0 else TEMPO for k in range(args.trials)]
    if not page.evaluate(probe("animator_probe"), approach.mode):
        raise BenchmarkError(f"{approach.title}: {approach.selector} not found for the probe")
    lead_s = WARMUP_S + LEAD_S
    cfg = {
        "mode": approach.mode,
        "lead": lead_s * 1000,
        "window": args.window * 1000,
        "gap": TRIAL_GAP_S * 1000,
        "tempos": tempos,
    }
    page.evaluate(probe("animator_runner"), cfg)
    t_start = time.monotonic()
    browser.close()  # disconnect only: the page keeps running, unobserved
    throttle = Throttle(chromium.endpoint, case.rate)
    try:
        time.sleep(max(0.0, t_start + lead_s - time.monotonic()))
        for meter in meters.values():
            meter.start()
        time.sleep(args.window)
        cpu = {name: meter.stop() for name, meter in meters.items()}
        time.sleep(max(0.0, t_start + lead_s + args.window - time.monotonic()))
        time.sleep(TRIAL_GAP_S * (len(tempos) + 1))
    finally:
        throttle.close()

    browser = pw.chromium.connect_over_cdp(chromium.endpoint)
    page = browser.contexts[0].pages[0]
    attach_page_recorders(page)
    try:
        page.wait_for_function("() => window.__gsRun && window.__gsRun.done", timeout=30_000)
        run = page.evaluate("() => window.__gsRun")
        if run["error"]:
            raise BenchmarkError(f"{approach.title}: the page script failed: {run['error']}")
        if approach.mode == "baseline":
            page.locator(".gs-baseline .widget-play button").nth(1).click()  # stop
    finally:
        page.goto("about:blank")  # leave JupyterLab ("leave page?" is accepted)
        server.shutdown_sessions(approach.notebook)
        browser.close()

    stats = redraw_stats(run["windowLog"], TEMPO)
    if stats["redraws"] == 0:
        raise BenchmarkError(f"{case.label}: nothing moved on screen during the window")
    matches = []
    t0s = run["t0s"]
    for k, (t0, tempo) in enumerate(zip(t0s, run["tempos"], strict=True)):
        until = t0s[k + 1] if k + 1 < len(t0s) else float("inf")
        matches.append(first_matching_frame(run["trialLog"], t0, until, tempo, approach.mode))
    found = [m[0] for m in matches if m]
    case.results = {
        **stats,
        **{f"{name}_cpu_percent": value for name, value in cpu.items()},
        "tempo_latency_ms": statistics.median(found) if found else None,
        "tempo_latency_trials_ms": [m[0] if m else None for m in matches],
        "tempo_latency_trials_page_frames": [m[1] if m else None for m in matches],
        "widget_box": box,
    }


# --------------------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def targets_met(cases: list[Case]) -> dict[str, dict[str, Any]]:
    """Each target of ours at each rate: value, limit, met."""
    out: dict[str, dict[str, Any]] = {}
    for rate, targets in TARGETS.items():
        ours = next((c for c in cases if c.approach.mode == "ours" and c.rate == rate), None)
        base = next((c for c in cases if c.approach.mode == "baseline" and c.rate == rate), None)
        if ours is None:
            continue
        for key, (limit, higher) in targets.items():
            if key == "ratio":
                both = base and base.results["redraws_per_s"]
                value = ours.results["redraws_per_s"] / both if both else None
            else:
                value = ours.results[key]
            met = None if value is None else (value >= limit if higher else value <= limit)
            out[f"{key} at {rate:g}x"] = {
                "value": value,
                "target": limit,
                "higher": higher,
                "met": met,
            }
    return out


def report(cases: list[Case], info: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Print the table and the details; return the targets."""
    targets = targets_met(cases)
    rows = [
        ("redraws/s", "redraws_per_s", 1),
        ("frame interval p50 (ms)", "interval_p50_ms", 1),
        ("frame interval p95 (ms)", "interval_p95_ms", 1),
        ("tempo change visible after (ms, median)", "tempo_latency_ms", 0),
        ("kernel CPU (% of one core)", "kernel_cpu_percent", 1),
        ("page frames/s (the ceiling)", "page_frames_per_s", 1),
        ("canvas repaints/s (ours)", "canvas_repaints_per_s", 1),
        ("Chromium CPU (% of one core)", "browser_cpu_percent", 0),
    ]
    lines = [
        f"Machine: {info['cores']} cores ({info['platform']}); {info['browser']}; JupyterLab "
        f"{info['jupyterlab']}; ipywidgets {info['ipywidgets']}; plotly {info['plotly']}; "
        f"anywidget {info['anywidget']}. CPU slowed Nx: Emulation.setCPUThrottlingRate N.",
        "",
        "| | " + " | ".join(c.label for c in cases) + " |",
        "|---|" + "---:|" * len(cases),
    ]
    for title, key, digits in rows:
        cells = [fmt(c.results.get(key), digits) for c in cases]
        lines.append(f"| {title} | " + " | ".join(cells) + " |")
    lines += ["", "Targets for ours:"]
    for name, t in targets.items():
        sign = ">=" if t["higher"] else "<="
        verdict = "n/a" if t["met"] is None else ("met" if t["met"] else "MISSED")
        lines.append(f"- {name}: {fmt(t['value'], 2)} (target {sign} {t['target']:g}): {verdict}")
    lines += ["", "Details per case:"]
    for c in cases:
        r = c.results
        trials = ", ".join(fmt(x, 0) for x in r["tempo_latency_trials_ms"])
        lines.append(
            f"- {c.label}: tempo trials {trials} ms; redraws/s counting L3 only "
            f"{fmt(r['redraws_l3_only_per_s'])}; source steps/s {fmt(r['source_steps_per_s'])}; "
            f"breathing speed / set tempo {fmt(r['motion_speed_vs_wall_clock'], 2)}; in view "
            f"{'yes' if r['widget_box'] and r['widget_box']['fully'] else 'NO'}; CPU % server "
            f"{fmt(r['server_cpu_percent'])}, this script {fmt(r['harness_cpu_percent'])}"
        )
    print("\n".join(lines))
    return targets


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=float, default=10.0, help="measuring window, s")
    parser.add_argument("--trials", type=int, default=5, help="tempo changes per case")
    parser.add_argument("--rates", default="1,4", help="CPU slow-downs, comma-separated")
    parser.add_argument("--approaches", default="ours,baseline", help="which, comma-separated")
    parser.add_argument("--json", type=Path, default=RESULTS / "animator.json")
    args = parser.parse_args()
    rates = [float(r) for r in args.rates.split(",")]
    approaches = [a for a in APPROACHES if a.mode in args.approaches.split(",")]
    try:
        import psutil  # noqa: F401
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BenchmarkError(f"Playwright for Python and psutil are needed: {exc}") from exc
    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        raise BenchmarkError(f"Chromium not found: {executable} (set GENTLE_SPINE_CHROMIUM)")
    for approach in approaches:
        write_notebook(approach.notebook, approach.source)

    import anywidget
    import ipywidgets
    import jupyterlab
    import plotly

    started = time.monotonic()
    cases = [Case(approach, rate) for rate in rates for approach in approaches]
    chromium_args = [*CHROMIUM_ARGS, *EXTRA_CHROMIUM_ARGS]
    chromium = ChromiumProcess(executable, chromium_args, window_size=WINDOW_SIZE)
    try:
        with sync_playwright() as pw, running_jupyter_lab() as server:
            browser = pw.chromium.connect_over_cdp(chromium.endpoint)
            version = browser.version
            browser.close()
            for case in cases:
                measure(pw, chromium, server, case, args)
    finally:
        chromium.stop()
    info = {
        "cores": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "browser": f"Chromium {version} (headless)",
        "jupyterlab": jupyterlab.__version__,
        "ipywidgets": ipywidgets.__version__,
        "plotly": plotly.__version__,
        "anywidget": anywidget.__version__,
        "python": platform.python_version(),
    }
    targets = report(cases, info)
    payload = {
        "benchmark": "benchmarks/animator.py",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "run_seconds": time.monotonic() - started,
        "machine": info,
        "settings": {
            "window_s": args.window,
            "trials": args.trials,
            "rates": rates,
            "window_size": WINDOW_SIZE,
            "tempo": TEMPO,
            "tempo_alt": TEMPO_ALT,
            "play_interval_ms": PLAY_INTERVAL_MS,
            "match_tolerance": MATCH_TOLERANCE,
            "chromium_args": chromium_args,
        },
        "results": {
            c.label: {"title": c.approach.title, "rate": c.rate, **c.results} for c in cases
        },
        "targets": targets,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"\nWrote {args.json} in {payload['run_seconds']:.0f} s.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchmarkError, AssertionError) as err:  # the harness raises AssertionError
        print(f"animator benchmark: cannot measure: {err}", file=sys.stderr)
        sys.exit(2)
    except Exception as err:  # Playwright, the server, ...: show where, then the same message
        traceback.print_exc()
        print(f"animator benchmark: cannot measure: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(2)
