"""Measure ``BreathLiftAnimator`` against ipywidgets ``Play`` + plotly ``FigureWidget``.

Run from the repository root: ``uv run python -m benchmarks.animator`` (about one minute).
Prints a Markdown table and writes ``benchmarks/results/animator.json``. Prints figures;
asserts nothing. Exits with status 2 and a message when it cannot measure (no Chromium,
Playwright or psutil missing, JupyterLab does not start, a notebook cell raises, the widget
never appears or never moves).

Set-up. One run, one private JupyterLab server (``running_jupyter_lab`` from
``tests/browser/server.py``: free port, random token, throw-away settings, autosave off), one
headless Chromium with one page. The script writes one notebook per approach into
``benchmarks/results/`` and runs them one after the other in that page (the harness's
``Lab``: open, Run All, check for errors), so only one kernel is alive while an approach is
measured:

* **ours**: ``BreathLiftAnimator(tempo=12)``; the browser interpolates the key poses in a
  ``requestAnimationFrame`` loop; the kernel does no per-frame work.
* **baseline** ("the usual way"): ``ipw.Play(interval=16)`` stepping a ``go.FigureWidget`` of
  the same lying geometry: the same 5 x 5 ``key_poses(SupineParams())`` grid and the same 54
  outlines (torso, neck, legs, pelvis, femoral head, sacrum, discs, vertebrae, skull), one
  scatter trace per outline as in ``widgets/figures/spine_figure.py``, fixed axis ranges. The
  ``value`` observer advances the cycle phase by ``steps * interval / period`` with the tempo
  of a ``FloatSlider``, takes the breath fraction from ``widgets.model.breath.profile``,
  interpolates the pose as the widget does (lift = breath) and sets every trace's x/y inside
  ``fig.batch_update()``. In the same batch it stores ``[frame, phase]`` in the L3 trace's
  ``meta`` (same restyle call, no extra redraw) so that the page can tell which phase is drawn.

Chromium is started by this script with a DevTools port (flags as in the harness, plus no
background throttling). Playwright connects over CDP to open the notebook, run it, scroll the
widget to the middle of the page (checked: fully in view) and press Play (baseline); it then
installs a page probe and a page script that does the rest, and *disconnects*. The widget
animates for 2 s of warm-up plus 1 s, then the 10 s window and the tempo changes run with
nothing attached to the page; Playwright reconnects afterwards to read the results.
(While connected, Playwright records every kernel websocket frame, and the harness's
``block_non_local_network`` even relays them through Playwright: on a 2-core machine that took
20-30 % of a core and the baseline drew 8-13 instead of 15 redraws/s. Browser-level blocking
of non-loopback hosts, ``--host-resolver-rules``, replaces that routing here.)

How each figure is measured:

redraws/s, frame interval p50/p95 (ms)
    The probe runs its own ``requestAnimationFrame`` loop and, every frame, reads a
    fingerprint of what is on screen: ours, the ``points`` of every outline in
    ``.gs-bla-world`` plus the pacer ring's radius; baseline, the ``d`` of every trace's line
    path in the plotly SVG. A frame whose fingerprint differs from the previous frame's is a
    redraw. redraws/s = redraws / window; intervals = differences between the frame
    timestamps (the rAF argument) of consecutive redraws. The page's own rAF rate is the
    ceiling. Within about a frame of each turning point of the breath nothing moves by the
    displayed resolution, so ours repaints an identical picture in about 2 frames per turning
    point; those are not counted. Cross-checks printed below the table: the widget's own frame
    counter (``gsDebug.frames``); the rate counting only the L3 outline (as first suggested;
    L3 moves less than its 0.1 mm resolution in some frames, so it undercounts ours); intervals
    from ``performance.now()`` in the probe callbacks.
tempo change visible after (ms), approximate
    The page script switches the tempo between 12 and 24 breaths/min ``--trials`` times,
    1.3 s apart, as a learner would. Ours: the ``<input type=range>`` labelled Tempo in
    ``.gs-bla`` gets the value and an ``input`` event. Baseline: the ``FloatSlider``'s editable
    readout gets the value and an Enter ``keydown`` (what ipywidgets listens to). t0 =
    ``performance.now()`` just before the event. The change is visible at the first probed
    frame after t0 whose fingerprint changed and whose phase step since the previous changed
    frame matches the new tempo within 15 %: ours ``du / dt`` (``gsDebug.u`` and the rAF
    timestamps the widget itself uses); baseline ``du / dframe`` from the trace ``meta``,
    converted with the nominal 16 ms Play interval. Latency = ``performance.now()`` in that
    frame's probe callback - t0; the median over the trials is reported. It ends at the DOM
    of the frame about to be painted: compositing and display add about one frame for both
    approaches, and the resolution is one frame (about 17 ms at 60 Hz).
kernel CPU (%)
    The kernel of the notebook's session (``/api/sessions`` gives the kernel id; the process
    whose command line contains it, found with psutil): CPU time (user + system) used during
    the 10 s window / wall time, in % of one core. The Jupyter server's, Chromium's (all its
    processes) and this script's + Playwright's CPU over the same window are printed below the
    table and written to the JSON.

Also reported: the breathing speed on screen relative to the set tempo (phase advance per
wall-clock second / (tempo / 60)); the baseline falls behind when the Play steps cannot keep
their 16 ms interval.
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

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"

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
TEMPO = 12.0
TEMPO_ALT = 24.0
PLAY_INTERVAL_MS = 16
MATCH_TOLERANCE = 0.15
WARMUP_S = 2.0  # animating before anything is recorded, s
LEAD_S = 1.0  # after Playwright has disconnected, before the window, s
TRIAL_GAP_S = 1.3  # between tempo changes, s
#: Targets for ours: (limit, higher is better). "ratio" is ours / baseline redraws/s.
TARGETS: dict[str, tuple[float, bool]] = {
    "redraws_per_s": (58.0, True),
    "interval_p95_ms": (20.0, False),
    "tempo_latency_ms": (50.0, False),
    "kernel_cpu_percent": (2.0, False),
    "ratio": (3.0, True),
}

OURS_SOURCE = """\
from widgets.views.breath_lift import BreathLiftAnimator

w = BreathLiftAnimator(tempo=12)
w"""

BASELINE_SOURCE = f"""\
# The usual way: ipywidgets Play stepping a plotly FigureWidget of the same lying geometry.
import ipywidgets as ipw
import numpy as np
import plotly.graph_objects as go

from widgets.figures.theme import REGION_COLOURS, axis_style, base_layout
from widgets.model.breath import BreathPattern, profile
from widgets.model.supine import SupineParams, key_poses

INTERVAL_MS = {PLAY_INTERVAL_MS}
kp = key_poses(SupineParams())  # the same 5 x 5 lift x breath grid the animator gets


def outlines(pose):
    \"\"\"(name, colour, filled, points) of every shape the animator draws.\"\"\"
    g = pose.geometry
    bone = REGION_COLOURS["bone"]
    neck = np.array([g.body(f"C{{i}}").mean(axis=0) for i in range(7, 0, -1)])
    torso = np.vstack([pose.back_surface, pose.front_surface[::-1]])
    shapes = [
        ("torso", "#9aa5b1", False, np.vstack([torso, torso[:1]])),
        ("neck", "#9aa5b1", False, neck),
        ("legs", "#9aa5b1", False, pose.legs),
        ("pelvis", bone, True, g.pelvis),
        ("femoral head", bone, True, g.femoral_head + g.hip_axis),
        ("sacrum", REGION_COLOURS["sacrum"], True, g.sacrum),
    ]
    for name, corners in zip(g.disc_names, g.disc_corners, strict=True):
        shapes.append((f"disc {{name}}", REGION_COLOURS["disc"], True, corners))
    for level, region, corners in zip(g.levels, g.regions, g.body_corners, strict=True):
        shapes.append((level, REGION_COLOURS[region], True, corners))
    shapes.append(("skull", bone, True, g.skull))
    return [(n, c, f, np.vstack([p, p[:1]]) if f else np.asarray(p)) for n, c, f, p in shapes]


meta = outlines(kp.poses[0][0])
sizes = [len(p) for *_, p in meta]
edges = np.cumsum([0, *sizes])
grid = np.array([[np.vstack([p for *_, p in outlines(pose)]) for pose in row] for row in kp.poses])
lo, hi = grid.reshape(-1, 2).min(axis=0), grid.reshape(-1, 2).max(axis=0)


def cell(values, x):
    n = len(values) - 1
    f = min(max(x, 0.0), 1.0) * n
    i = min(int(f), n - 1)
    return i, f - i


def pose_at(lift, breath):
    \"\"\"Bilinear interpolation of the key poses, as the animator does it.\"\"\"
    i, fi = cell(kp.lift, lift)
    j, fj = cell(kp.breath, breath)
    return (
        (1 - fi) * (1 - fj) * grid[i, j]
        + (1 - fi) * fj * grid[i, j + 1]
        + fi * (1 - fj) * grid[i + 1, j]
        + fi * fj * grid[i + 1, j + 1]
    )


first = pose_at(0.0, 0.0)
traces = []
for k, (name, colour, filled, _) in enumerate(meta):
    pts = first[edges[k] : edges[k + 1]]
    traces.append(
        go.Scatter(
            x=pts[:, 0],
            y=pts[:, 1],
            mode="lines",
            fill="toself" if filled else None,
            name=name,
            line={{"color": colour, "width": 1}},
            fillcolor=colour if filled else None,
            opacity=0.8,
            hoveron="fills" if filled else None,
            hovertemplate=f"{{name}}<extra></extra>",
            showlegend=False,
        )
    )
L3 = next(k for k, m in enumerate(meta) if m[0] == "L3")
layout = base_layout(width=900, height=420, margin={{"l": 50, "r": 20, "t": 20, "b": 40}})
layout.update(
    xaxis={{**axis_style("along the bed, mm"), "range": [lo[0] - 40, hi[0] + 40]}},
    yaxis={{
        **axis_style("height above the bed, mm"),
        "range": [min(lo[1], 0) - 20, hi[1] + 40],
        "scaleanchor": "x",
        "scaleratio": 1,
    }},
)
fig = go.FigureWidget(data=traces, layout=layout)

play = ipw.Play(value=0, min=0, max=10**7, step=1, interval=INTERVAL_MS, description="Play")
tempo = ipw.FloatSlider(value=12.0, min=3.0, max=30.0, step=0.5, description="Tempo")
state = {{"frame": 0, "u": 0.0}}


def on_frame(change):
    frame = change["new"]
    steps = max(frame - state["frame"], 0)
    state["frame"] = frame
    pattern = BreathPattern(tempo=tempo.value)  # the slider's tempo, read at every step
    state["u"] = (state["u"] + steps * INTERVAL_MS / 1000.0 / pattern.period) % 1.0
    breath = float(profile(pattern, state["u"]))
    pts = pose_at(breath, breath)  # lift with the breath
    with fig.batch_update():
        for k, trace in enumerate(fig.data):
            trace.x = pts[edges[k] : edges[k + 1], 0]
            trace.y = pts[edges[k] : edges[k + 1], 1]
        fig.data[L3].meta = [frame, state["u"]]


play.observe(on_frame, names="value")
ui = ipw.VBox([ipw.HBox([play, tempo]), fig])
ui.add_class("gs-baseline")
ui"""

# Page script: a rAF loop recording, per frame, the timestamps, whether the on-screen
# fingerprint changed, and the phase (and frame number) that is drawn.
PROBE_JS = """
(mode) => {
  if (window.__gsProbe) window.__gsProbe.stop();
  const fresh = () => ({now: [], t: [], changed: [], changedL3: [], u: [], n: []});
  let log = fresh();
  let prev = null, prevL3 = null, raf = 0, running = true, l3 = null;
  const root = document.querySelector(mode === 'ours' ? '.gs-bla' : '.gs-baseline');
  const readOurs = () => {
    if (!l3 || !l3.isConnected) {
      l3 = Array.from(root.querySelectorAll('.gs-bla-world polygon')).find(
        (p) => (p.querySelector('title') || {}).textContent === 'L3') || null;
    }
    const shapes = root.querySelectorAll('.gs-bla-world polygon, .gs-bla-world polyline');
    let all = '';
    for (const s of shapes) all += s.getAttribute('points') + '|';
    const ring = root.querySelector('.gs-bla-pacer-ring');
    all += ring ? ring.getAttribute('r') : '';
    const d = root.gsDebug;
    return {all, l3: l3 ? l3.getAttribute('points') : null, u: d.u, n: d.frames};
  };
  const readBaseline = () => {
    const gd = root.querySelector('.js-plotly-plot');
    const trace = gd && gd.data && gd.data.find((tr) => tr.name === 'L3');
    const path = trace && gd.querySelector(`.scatterlayer .trace${trace.uid} path.js-line`);
    let all = '';
    if (gd) for (const p of gd.querySelectorAll('.scatterlayer path.js-line')) {
      all += p.getAttribute('d') + '|';
    }
    const m = trace && Array.isArray(trace.meta) ? trace.meta : [null, null];
    return {all, l3: path ? path.getAttribute('d') : null, u: m[1], n: m[0]};
  };
  const read = mode === 'ours' ? readOurs : readBaseline;
  const differs = (a, b) => a !== null && b !== null && a !== '' && a !== b ? 1 : 0;
  function tick(t) {
    if (!running) return;
    raf = requestAnimationFrame(tick);
    const now = performance.now();
    const r = read();
    log.now.push(now);
    log.t.push(t);
    log.changed.push(differs(r.all, prev));
    log.changedL3.push(differs(r.l3, prevL3));
    log.u.push(r.u);
    log.n.push(r.n);
    prev = r.all;
    prevL3 = r.l3;
  }
  raf = requestAnimationFrame(tick);
  window.__gsProbe = {
    take() {
      const out = log;
      log = fresh();
      return out;
    },
    stop() { running = false; cancelAnimationFrame(raf); },
  };
  return !!root;
}
"""

# Page script: after ``lead`` ms, keep the probe log of a ``window`` ms redraw window, then
# change the tempo ``tempos.length`` times, ``gap`` ms apart, the way a learner would (an
# ``input`` event on our range input; Enter in the FloatSlider's editable readout), noting
# t0 = performance.now() just before each event. Runs unobserved; the result is read later.
RUNNER_JS = """
(cfg) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const setOurs = (value) => {
    const root = document.querySelector('.gs-bla');
    const label = Array.from(root.querySelectorAll('label')).find(
      (l) => l.textContent.trim() === 'Tempo');
    const input = label && document.getElementById(label.htmlFor);
    if (!input || input.type !== 'range') throw new Error('no range input labelled Tempo');
    input.value = String(value);
    const t0 = performance.now();
    input.dispatchEvent(new Event('input', {bubbles: true}));
    return t0;
  };
  const setBaseline = (value) => {
    const readout = document.querySelector('.gs-baseline .widget-slider .widget-readout');
    if (!readout) throw new Error('no FloatSlider readout');
    readout.textContent = String(value);
    const ev = new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', bubbles: true,
                                             cancelable: true});
    Object.defineProperty(ev, 'keyCode', {get: () => 13});
    const t0 = performance.now();
    readout.dispatchEvent(ev);
    return t0;
  };
  const setTempo = cfg.mode === 'ours' ? setOurs : setBaseline;
  window.__gsRun = {done: false, error: null};
  (async () => {
    try {
      await sleep(cfg.lead);
      window.__gsProbe.take();
      await sleep(cfg.window);
      const windowLog = window.__gsProbe.take();
      const t0s = [];
      for (const tempo of cfg.tempos) {
        await sleep(cfg.gap);
        t0s.push(setTempo(tempo));
      }
      await sleep(cfg.gap);
      window.__gsProbe.stop();
      window.__gsRun = {done: true, error: null, windowLog, trialLog: window.__gsProbe.take(),
                        t0s, tempos: cfg.tempos};
    } catch (err) {
      window.__gsRun = {done: true, error: String(err)};
    }
  })();
  return true;
}
"""

VISIBLE_JS = """
(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  el.scrollIntoView({block: 'center'});
  const r = el.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          width: window.innerWidth, height: window.innerHeight,
          fully: r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight
                 && r.right <= window.innerWidth};
}
"""


class BenchmarkError(RuntimeError):
    """The benchmark cannot measure (missing browser, failing cell, widget not shown...)."""


@dataclass
class Approach:
    """One approach: its notebook, how to find it on the page, and what was measured."""

    key: str
    mode: str  # "ours" or "baseline": how the page probe reads it and how the tempo is set
    title: str
    source: str
    selector: str
    ready_js: str
    results: dict[str, Any] = field(default_factory=dict)

    @property
    def notebook(self) -> Path:
        """The notebook this script writes for the approach."""
        return RESULTS / f"animator_{self.key}.ipynb"


APPROACHES = (
    Approach(
        "ours",
        "ours",
        "BreathLiftAnimator (ours)",
        OURS_SOURCE,
        ".gs-bla",
        "() => { const r = document.querySelector('.gs-bla');"
        " return !!(r && r.gsDebug && r.gsDebug.frames > 2"
        " && r.querySelector('.gs-bla-world polygon')); }",
    ),
    Approach(
        "baseline",
        "baseline",
        "Play + FigureWidget (baseline)",
        BASELINE_SOURCE,
        ".gs-baseline",
        "() => { const gd = document.querySelector('.gs-baseline .js-plotly-plot');"
        " const tr = gd && gd.data && gd.data.find((t) => t.name === 'L3');"
        " return !!(tr && gd.querySelector(`.scatterlayer .trace${tr.uid} path.js-line`)); }",
    ),
)


# --------------------------------------------------------------------------- helpers


def percentile(values: list[float], q: float) -> float | None:
    """Linear-interpolated percentile ``q`` (0-100) of ``values``, None if empty."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


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
        used = 0.0
        for p in self.procs:
            c = self._cpu(p)
            if c is not None and p.pid in self._cpu0:
                used += c - self._cpu0[p.pid]
        return 100.0 * used / wall if wall > 0 else float("nan")


def kernel_process(server: Any, notebook: Path) -> Any:
    import psutil

    sessions = server.sessions(notebook)
    if not sessions:
        raise BenchmarkError(f"no kernel session for {server.rel_path(notebook)}")
    kernel_id = sessions[0]["kernel"]["id"]
    for proc in psutil.process_iter(["cmdline"]):
        if any(kernel_id in part for part in proc.info["cmdline"] or []):
            return proc
    raise BenchmarkError(f"no process has kernel id {kernel_id} in its command line")


def browser_processes(chromium: ChromiumProcess) -> list[Any]:
    import psutil

    root = psutil.Process(chromium.process.pid)
    return [root, *root.children(recursive=True)]


# --------------------------------------------------------------------------- analysis


def redraw_stats(log: dict[str, list[Any]], tempo: float) -> dict[str, Any]:
    """Redraw rate and intervals from one probe log (see the module docstring)."""
    n = len(log["now"])
    if n < 10:
        raise BenchmarkError(f"the page probe recorded only {n} frames")
    span_ms = log["t"][-1] - log["t"][0]
    changed = [i for i in range(1, n) if log["changed"][i]]
    pairs = list(itertools.pairwise(changed))
    by_t = [log["t"][b] - log["t"][a] for a, b in pairs]
    by_now = [log["now"][b] - log["now"][a] for a, b in pairs]
    steps = [x for x in log["n"] if isinstance(x, (int, float))]
    phases = [x for x in log["u"] if isinstance(x, (int, float))]
    advance = sum((b - a) % 1.0 for a, b in itertools.pairwise(phases))
    return {
        "window_s": span_ms / 1000.0,
        "page_frames_per_s": (n - 1) / span_ms * 1000.0,
        "redraws": len(changed),
        "redraws_per_s": len(changed) / span_ms * 1000.0,
        "redraws_l3_only_per_s": sum(log["changedL3"][1:]) / span_ms * 1000.0,
        "interval_p50_ms": percentile(by_t, 50),
        "interval_p95_ms": percentile(by_t, 95),
        "interval_max_ms": max(by_t) if by_t else None,
        "interval_now_p50_ms": percentile(by_now, 50),
        "interval_now_p95_ms": percentile(by_now, 95),
        "source_steps_per_s": (
            (steps[-1] - steps[0]) / span_ms * 1000.0 if len(steps) > 1 else None
        ),
        "motion_speed_vs_wall_clock": advance / (span_ms / 1000.0) / (tempo / 60.0),
    }


def first_matching_frame(
    log: dict[str, list[Any]], t0: float, until: float, tempo: float, mode: str
) -> tuple[float, int] | None:
    """First changed frame after ``t0`` moving at ``tempo``: (ms after t0, page frames after t0).

    The phase step is taken from the previous changed frame, which may precede ``t0``.
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
            if mode == "ours":  # phase per ms -> breaths per minute
                rate = du / (x - last_x) * 60_000.0
            else:  # phase per Play step of PLAY_INTERVAL_MS
                rate = du / (x - last_x) * 60_000.0 / PLAY_INTERVAL_MS
            if abs(rate / tempo - 1.0) <= MATCH_TOLERANCE:
                return log["now"][i] - t0, after
        last_u, last_x = u, x
    return None


# --------------------------------------------------------------------------- measuring


def show_and_start(lab: Any, approach: Approach) -> dict[str, Any]:
    """Run the notebook, scroll the widget into view, start it; return its box on screen."""
    page = lab.page
    lab.open_notebook(approach.notebook)
    summary = lab.run_all(timeout=120)
    if summary.errors or lab.kernel_errors:
        detail = "\n".join(summary.errors) or "\n".join(e.traceback for e in lab.kernel_errors)
        raise BenchmarkError(f"{approach.notebook.name} raised:\n{detail}")
    try:
        page.wait_for_function(approach.ready_js, timeout=30_000)
    except Exception as exc:
        raise BenchmarkError(f"{approach.title}: the widget did not appear in 30 s") from exc
    page.evaluate(VISIBLE_JS, approach.selector)
    page.wait_for_timeout(300)  # let JupyterLab settle, then check again
    box = page.evaluate(VISIBLE_JS, approach.selector)
    if approach.mode == "baseline":
        page.locator(".gs-baseline .widget-play button").first.click()  # the Play button
    page.mouse.move(5, 5)  # no hover labels over the figure
    return box


def measure(pw: Any, chromium: ChromiumProcess, server: Any, approach: Approach, args: Any) -> None:
    import psutil

    browser = pw.chromium.connect_over_cdp(chromium.endpoint)
    page = browser.contexts[0].pages[0]
    attach_page_recorders(page)
    lab = Lab(page, server)
    box = show_and_start(lab, approach)
    kernel = kernel_process(server, approach.notebook)
    me = psutil.Process()
    others = {chromium.process.pid, server.process.pid}  # also children of this process
    meters = {
        "kernel": CpuMeter([kernel]),
        "server": CpuMeter([psutil.Process(server.process.pid)]),
        "browser": CpuMeter(browser_processes(chromium)),
        "harness": CpuMeter([me, *(p for p in me.children() if p.pid not in others)]),
    }
    tempos = [TEMPO_ALT if k % 2 == 0 else TEMPO for k in range(args.trials)]
    if not page.evaluate(PROBE_JS, approach.mode):
        raise BenchmarkError(f"{approach.title}: {approach.selector} not found for the probe")
    cfg = {
        "mode": approach.mode,
        "lead": (WARMUP_S + LEAD_S) * 1000,
        "window": args.window * 1000,
        "gap": TRIAL_GAP_S * 1000,
        "tempos": tempos,
    }
    page.evaluate(RUNNER_JS, cfg)
    t_start = time.monotonic()
    browser.close()  # disconnect only: the page keeps running, unobserved
    time.sleep(max(0.0, t_start + WARMUP_S + LEAD_S - time.monotonic()))
    for meter in meters.values():
        meter.start()
    time.sleep(args.window)
    cpu = {name: meter.stop() for name, meter in meters.items()}
    time.sleep(max(0.0, t_start + cfg["lead"] / 1000 + args.window - time.monotonic()))
    time.sleep(TRIAL_GAP_S * (len(tempos) + 1))

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
        raise BenchmarkError(f"{approach.title}: nothing moved on screen during the window")
    latencies: list[float | None] = []
    frames_after: list[int | None] = []
    t0s = run["t0s"]
    for k, (t0, tempo) in enumerate(zip(t0s, run["tempos"], strict=True)):
        until = t0s[k + 1] if k + 1 < len(t0s) else float("inf")
        match = first_matching_frame(run["trialLog"], t0, until, tempo, approach.mode)
        latencies.append(match[0] if match else None)
        frames_after.append(match[1] if match else None)
    found = [x for x in latencies if x is not None]
    approach.results = {
        **stats,
        "kernel_cpu_percent": cpu["kernel"],
        "server_cpu_percent": cpu["server"],
        "browser_cpu_percent": cpu["browser"],
        "harness_cpu_percent": cpu["harness"],
        "tempo_latency_ms": statistics.median(found) if found else None,
        "tempo_latency_trials_ms": latencies,
        "tempo_latency_trials_page_frames": frames_after,
        "widget_box": box,
    }


# --------------------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def check_targets(ours: dict[str, Any], ratio: float | None) -> dict[str, dict[str, Any]]:
    out = {}
    for key, (limit, higher) in TARGETS.items():
        value = ratio if key == "ratio" else ours[key]
        met = None if value is None else (value >= limit if higher else value <= limit)
        out[key] = {"value": value, "target": limit, "higher_is_better": higher, "met": met}
    return out


def yes_no(box: dict[str, Any] | None) -> str:
    return "n/a" if not box else ("yes" if box["fully"] else "NO")


def latency_cell(r: dict[str, Any]) -> str:
    trials = r["tempo_latency_trials_ms"]
    found = sum(x is not None for x in trials)
    return f"{fmt(r['tempo_latency_ms'], 0)} (median of {found}/{len(trials)})"


def report(ours: dict[str, Any], base: dict[str, Any], info: dict[str, Any]) -> dict[str, Any]:
    ratio = ours["redraws_per_s"] / base["redraws_per_s"] if base["redraws_per_s"] else None
    targets = check_targets(ours, ratio)

    def target(key: str) -> tuple[str, str]:
        if key not in targets:
            return "", ""
        t = targets[key]
        sign = ">=" if t["higher_is_better"] else "<="
        unit = "x" if key == "ratio" else ""
        met = "n/a" if t["met"] is None else ("met" if t["met"] else "**missed**")
        return f"{sign} {t['target']:g}{unit}", met

    rows = [
        ("redraws/s", "redraws_per_s"),
        ("frame interval p50 (ms)", "interval_p50_ms"),
        ("frame interval p95 (ms)", "interval_p95_ms"),
        ("tempo change visible after (ms) *", "tempo_latency_ms"),
        ("kernel CPU (%)", "kernel_cpu_percent"),
    ]
    head = ["", APPROACHES[0].title, APPROACHES[1].title, "target (ours)", "ours vs target"]
    lines = [
        f"Machine: {info['cores']} cores ({info['platform']}); {info['browser']}; "
        f"JupyterLab {info['jupyterlab']}; ipywidgets {info['ipywidgets']}; "
        f"plotly {info['plotly']}; anywidget {info['anywidget']}.",
        f"Window {fmt(ours['window_s'])} s / {fmt(base['window_s'])} s; page rAF rate "
        f"{fmt(ours['page_frames_per_s'])} / {fmt(base['page_frames_per_s'])} frames/s "
        "(the ceiling for redraws/s), ours / baseline.",
        "",
        "| " + " | ".join(head) + " |",
        "|---|---:|---:|---|---|",
    ]
    for label, key in rows:
        cells = [latency_cell(r) if "latency" in key else fmt(r[key]) for r in (ours, base)]
        lines.append("| " + " | ".join([label, *cells, *target(key)]) + " |")
    ratio_cells = ["redraws/s ratio, ours / baseline", f"{fmt(ratio, 2)}x", "", *target("ratio")]
    lines.append("| " + " | ".join(ratio_cells) + " |")

    def trials(key: str, digits: int = 0) -> str:
        return (
            ", ".join(fmt(x, digits) for x in ours[key])
            + " / "
            + ", ".join(fmt(x, digits) for x in base[key])
        )

    lines += [
        "",
        "* from the input event in the page to the first frame whose DOM moves at the new tempo;"
        " resolution one frame (~17 ms); compositing/display (about one more frame for both)"
        " not included. Approximate.",
        "",
        "Details (ours / baseline):",
        f"- tempo-change trials, ms: {trials('tempo_latency_trials_ms')}; in page frames after "
        f"the change: {trials('tempo_latency_trials_page_frames')} "
        f"(n/a = not seen within {TRIAL_GAP_S:g} s)",
        f"- frames drawn by the source: widget frames (gsDebug.frames) "
        f"{fmt(ours['source_steps_per_s'])}/s / Play steps applied "
        f"{fmt(base['source_steps_per_s'])}/s (nominal {1000 / PLAY_INTERVAL_MS:.1f}/s)",
        f"- redraws/s counting the L3 outline only: {fmt(ours['redraws_l3_only_per_s'])} / "
        f"{fmt(base['redraws_l3_only_per_s'])} (L3 moves < 0.1 mm in some frames)",
        f"- breathing speed on screen / set tempo: {fmt(ours['motion_speed_vs_wall_clock'], 2)}"
        f" / {fmt(base['motion_speed_vs_wall_clock'], 2)} (below 1 = slow motion)",
        f"- widget fully in view: {yes_no(ours['widget_box'])} / {yes_no(base['widget_box'])}",
        f"- frame interval p95 from performance.now() instead of rAF timestamps: "
        f"{fmt(ours['interval_now_p95_ms'])} / {fmt(base['interval_now_p95_ms'])} ms",
        f"- CPU over the window, % of one core: Jupyter server {fmt(ours['server_cpu_percent'])}"
        f" / {fmt(base['server_cpu_percent'])}; Chromium, all processes "
        f"{fmt(ours['browser_cpu_percent'])} / {fmt(base['browser_cpu_percent'])}; "
        f"this script + Playwright {fmt(ours['harness_cpu_percent'])} / "
        f"{fmt(base['harness_cpu_percent'])}",
    ]
    print("\n".join(lines))
    return {"ratio_redraws_per_s": ratio, "targets": targets}


# --------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--window", type=float, default=10.0, help="measuring window, s")
    parser.add_argument("--trials", type=int, default=5, help="tempo changes per approach")
    parser.add_argument("--json", type=Path, default=RESULTS / "animator.json")
    args = parser.parse_args()

    try:
        import psutil  # noqa: F401
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BenchmarkError(f"Playwright for Python and psutil are needed: {exc}") from exc

    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        raise BenchmarkError(
            f"Chromium executable not found: {executable} (set GENTLE_SPINE_CHROMIUM)"
        )
    for approach in APPROACHES:
        write_notebook(approach.notebook, approach.source)

    import anywidget
    import ipywidgets
    import jupyterlab
    import plotly

    started = time.monotonic()
    chromium_args = [*CHROMIUM_ARGS, *EXTRA_CHROMIUM_ARGS]
    chromium = ChromiumProcess(executable, chromium_args, window_size=WINDOW_SIZE)
    try:
        with sync_playwright() as pw, running_jupyter_lab() as server:
            browser = pw.chromium.connect_over_cdp(chromium.endpoint)
            version = browser.version
            browser.close()
            for approach in APPROACHES:
                measure(pw, chromium, server, approach, args)
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

    ours, base = (a.results for a in APPROACHES)
    summary = report(ours, base, info)
    payload = {
        "benchmark": "benchmarks/animator.py",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "run_seconds": time.monotonic() - started,
        "machine": info,
        "settings": {
            "window_s": args.window,
            "trials": args.trials,
            "window_size": WINDOW_SIZE,
            "tempo": TEMPO,
            "tempo_alt": TEMPO_ALT,
            "play_interval_ms": PLAY_INTERVAL_MS,
            "match_tolerance": MATCH_TOLERANCE,
            "chromium_args": chromium_args,
        },
        "results": {a.key: {"title": a.title, **a.results} for a in APPROACHES},
        **summary,
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
