"""Where a frame of the animator goes, in real JupyterLab with the page's CPU slowed.

Run from the repository root: ``uv run python -m benchmarks.animator_profile`` (about a
minute). Prints tables; asserts nothing; writes ``benchmarks/results/animator_profile.json``
(and, with ``--save-trace``, the raw trace ``animator_trace.json``, which DevTools'
Performance panel opens). Exits with status 2 and a message when it cannot measure.

Set-up as ``benchmarks/animator.py``: one private JupyterLab, one headless Chromium with a
DevTools port; the notebook ``BreathLiftAnimator(tempo=12)`` runs, the view is scrolled to the
middle of the page, Playwright disconnects. Then, over a bare DevTools socket to the page (the
only one attached), the CPU is slowed ``--rate`` times (``Emulation.setCPUThrottlingRate``)
and, after ``--warmup`` s:

1. **trace** (``--seconds`` s, ``Tracing.start`` with the DevTools timeline categories): the
   renderer main thread's time by kind of work (self time of each trace event, the way the
   DevTools Performance panel sums it), per page frame, as wall time and as the thread's own
   CPU time (the throttle suspends the thread: wall time is about ``rate`` x CPU time); every
   script entry point (animation-frame callbacks, timers, events, observers) by function and
   file, so what JupyterLab runs per frame shows beside ours; other threads' busy time;
   frames drawn and dropped by the compositor.
2. **profile** (``--seconds`` s, ``Profiler.start``, sampling every 100 us): the JavaScript
   functions with the most self time, by file.

``--probe`` also installs ``benchmarks/probes/animator_probe.js`` (what ``benchmarks.animator``
reads every frame) so that its cost shows too. ``--source`` profiles another cell (for
example ``widgets.session_player()`` with ``--selector .gs-sp``).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
import traceback
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.animator import (
    APPROACHES,
    EXTRA_CHROMIUM_ARGS,
    RESULTS,
    WINDOW_SIZE,
    Approach,
    BenchmarkError,
    probe,
    show_and_start,
)
from tests.browser.chromium import (
    CHROMIUM_ARGS,
    ChromiumProcess,
    attach_page_recorders,
    chromium_executable,
)
from tests.browser.lab import Lab
from tests.browser.notebooks import write_notebook
from tests.browser.server import running_jupyter_lab

CATEGORIES = [
    "devtools.timeline",
    "disabled-by-default-devtools.timeline",
    "disabled-by-default-devtools.timeline.frame",
    "toplevel",
    "v8.execute",
    "blink.user_timing",
]

#: What invalidated style, layout and paint, and where (costs time itself: only on request).
INVALIDATIONS = "disabled-by-default-devtools.timeline.invalidationTracking"

#: Kind of work of a trace event on the renderer main thread, by event name (after the
#: DevTools Performance panel's grouping, a little finer).
KINDS = {
    "scripting": {
        "FunctionCall",
        "EvaluateScript",
        "FireAnimationFrame",
        "TimerFire",
        "EventDispatch",
        "RunMicrotasks",
        "FireIdleCallback",
        "XHRReadyStateChange",
        "XHRLoad",
        "v8.compile",
        "v8.compileModule",
        "v8.evaluateModule",
        "v8.produceCache",
        "v8.callFunction",
        "v8.run",
        "V8.Execute",
        "V8.ScriptCompiler",
        "CompileScript",
        "CompileCode",
        "OptimizeCode",
        "CacheScript",
        "ParseHTML",
        "WebSocketReceive",
        "WebSocketReceiveHandshakeResponse",
        "ResourceReceivedData",
        "ResourceFinish",
        "ResourceReceiveResponse",
        "ResourceSendRequest",
        "ResourceWillSendRequest",
        "TimerInstall",
        "TimerRemove",
        "RequestAnimationFrame",
        "CancelAnimationFrame",
        "v8.parseOnBackground",
        "PerformanceObserverCallback",
    },
    "gc": {
        "MinorGC",
        "MajorGC",
        "V8.GCScavenger",
        "V8.GCIncrementalMarking",
        "BlinkGC.AtomicPhase",
        "V8.GCFinalizeMC",
        "V8.GCCompactor",
        "BlinkGC.AtomicPauseMarkEpilogue",
        "CppGC.AtomicPhase",
        "V8.GC_MC_BACKGROUND_MARKING",
        "GCEvent",
        "V8.GCFinalizeMCReduceMemory",
        "V8.GCIncrementalMarkingStart",
        "V8.GCIncrementalMarkingFinalize",
        "ThreadState::performIdleLazySweep",
        "BlinkGC.IncrementalMarkingStep",
        "V8.GCMinorMS",
    },
    "style": {
        "UpdateLayoutTree",
        "RecalculateStyles",
        "ParseAuthorStyleSheet",
        "ScheduleStyleRecalculation",
        "InvalidateLayout",
        "StyleInvalidatorInvalidationTracking",
        "StyleRecalcInvalidationTracking",
    },
    "layout": {"Layout", "LayoutInvalidationTracking", "UpdateLayer"},
    "intersection observers": {
        "IntersectionObserverController::computeIntersections",
        "ComputeIntersections",
    },
    "hit test": {"HitTest"},
    "prepaint and layerize": {"PrePaint", "Layerize", "UpdateLayerTree", "ScrollLayer"},
    "paint": {
        "Paint",
        "PaintImage",
        "PaintSetup",
        "Decode Image",
        "Draw LazyPixelRef",
        "Decode LazyPixelRef",
        "RasterTask",
    },
    "commit and composite": {"Commit", "CompositeLayers", "Animation"},
}
KIND_OF = {name: kind for kind, names in KINDS.items() for name in names}
#: Script entry points: the events whose args say which function or file ran.
ENTRY_EVENTS = {
    "FunctionCall",
    "FireAnimationFrame",
    "TimerFire",
    "EventDispatch",
    "EvaluateScript",
    "FireIdleCallback",
    "XHRReadyStateChange",
    "RunMicrotasks",
}


class Cdp:
    """A bare DevTools websocket to the page: commands by id, events kept in order."""

    def __init__(self, endpoint: str) -> None:
        import websocket  # websocket-client, a dependency of jupyter_server

        with urllib.request.urlopen(f"{endpoint}/json/list", timeout=10) as response:
            pages = [t for t in json.load(response) if t["type"] == "page"]
        if len(pages) != 1:
            raise BenchmarkError(f"expected one page to profile, found {len(pages)}")
        self.ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=120)
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a command; return its result (events meanwhile go to ``events``)."""
        self.next_id += 1
        mine = self.next_id
        self.ws.send(json.dumps({"id": mine, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == mine:
                if "error" in message:
                    raise BenchmarkError(f"{method} failed: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method: str) -> dict[str, Any]:
        """Events until ``method`` arrives (kept in ``events``); return its params."""
        while True:
            message = json.loads(self.ws.recv())
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message.get("params", {})

    def close(self) -> None:
        """Close the socket."""
        self.ws.close()


# --------------------------------------------------------------------------- trace


def record_trace(cdp: Cdp, seconds: float, extra: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Trace events of ``seconds`` s with :data:`CATEGORIES` and ``extra``."""
    cdp.events.clear()
    categories = [*CATEGORIES, *extra]
    cdp.send(
        "Tracing.start",
        {"traceConfig": {"includedCategories": categories}, "transferMode": "ReportEvents"},
    )
    time.sleep(seconds)
    cdp.send("Tracing.end")
    cdp.wait_event("Tracing.tracingComplete")
    events: list[dict[str, Any]] = []
    for message in cdp.events:
        if message["method"] == "Tracing.dataCollected":
            events.extend(message["params"]["value"])
    cdp.events.clear()
    return events


def thread_names(events: list[dict[str, Any]]) -> dict[tuple[int, int], str]:
    """(pid, tid) -> thread name, from the trace's metadata events."""
    return {
        (e["pid"], e["tid"]): e["args"]["name"]
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name"
    }


def spans(events: list[dict[str, Any]], key: tuple[int, int]) -> list[dict[str, Any]]:
    """Complete events (``X``, and ``B``/``E`` pairs) of one thread: name, ts, dur, tdur, args."""
    out: list[dict[str, Any]] = []
    open_: list[dict[str, Any]] = []
    for e in sorted(
        (e for e in events if (e.get("pid"), e.get("tid")) == key and e.get("ph") in "XBE"),
        key=lambda e: e["ts"],
    ):
        if e["ph"] == "X" and "dur" in e:
            out.append(
                {
                    "name": e["name"],
                    "ts": e["ts"],
                    "dur": e["dur"],
                    "tdur": e.get("tdur", e["dur"]),
                    "args": e.get("args", {}),
                }
            )
        elif e["ph"] == "B":
            open_.append(e)
        elif e["ph"] == "E" and open_:
            b = open_.pop()
            out.append(
                {
                    "name": b["name"],
                    "ts": b["ts"],
                    "dur": e["ts"] - b["ts"],
                    "tdur": e.get("tts", 0) - b.get("tts", 0) if "tts" in b else e["ts"] - b["ts"],
                    "args": {**b.get("args", {}), **e.get("args", {})},
                }
            )
    out.sort(key=lambda s: (s["ts"], -s["dur"]))
    return out


def self_times(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each span its self time, its parent's name and its script entry point.

    ``self`` and ``tself`` (wall and thread time) are its time minus its direct children's;
    ``parent`` the nearest enclosing span's name; ``entry`` the script entry point it runs under.
    """
    stack: list[dict[str, Any]] = []
    for s in items:
        while stack and s["ts"] >= stack[-1]["ts"] + stack[-1]["dur"]:
            stack.pop()
        s["self"], s["tself"] = s["dur"], s["tdur"]
        s["parent"] = stack[-1]["name"] if stack else None
        s["entry"] = next((p for p in reversed(stack) if p["name"] in ENTRY_EVENTS), None)
        if stack:
            stack[-1]["self"] -= s["dur"]
            stack[-1]["tself"] -= s["tdur"]
        stack.append(s)
    return items


def entry_label(s: dict[str, Any]) -> str:
    """What a script entry point ran: its kind, function and file (as short as it says)."""
    data = s["args"].get("data", {}) or {}
    fn = data.get("functionName") or ""
    url = data.get("url") or data.get("scriptName") or ""
    if url:
        url = url.rsplit("/", 1)[-1][:40]
    extra = data.get("type") or ""
    parts = [s["name"]]
    if extra:
        parts.append(str(extra))
    if fn:
        parts.append(fn)
    if url:
        parts.append(f"({url}:{data.get('lineNumber', '?')})")
    return " ".join(parts)


def analyse_trace(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Main-thread time by kind, per frame; entry points; other threads; frames."""
    names = thread_names(events)
    mains = [k for k, n in names.items() if n == "CrRendererMain"]
    if not mains:
        raise BenchmarkError("no renderer main thread in the trace")
    counts = collections.Counter((e.get("pid"), e.get("tid")) for e in events)
    main = max(mains, key=lambda k: counts[k])
    items = self_times(spans(events, main))
    ts = [e["ts"] for e in events if e.get("ts") and e.get("ph") != "M"]
    wall_us = max(ts) - min(ts) if ts else 0
    # frames: the main thread's BeginMainThreadFrame, the compositor's DrawFrame / DroppedFrame
    frame_names = collections.Counter(
        e["name"] for e in events if e.get("cat", "").endswith("timeline.frame")
    )
    main_frames = sum(
        1
        for e in events
        if (e.get("pid"), e.get("tid")) == main and e["name"] == "BeginMainThreadFrame"
    )
    animation_frames = sum(1 for s in items if s["name"] == "FireAnimationFrame")
    frames = max(main_frames, 1)
    by_kind: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    by_name: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for s in items:
        kind = KIND_OF.get(s["name"], "other")
        if s["name"] in ("RunTask", "ThreadControllerImpl::RunTask"):
            kind = "task overhead"
        by_kind[kind][0] += s["self"]
        by_kind[kind][1] += s["tself"]
        n = by_name[s["name"]]
        n[0] += s["self"]
        n[1] += s["tself"]
        n[2] += 1
    # script entry points: total time (children included) by what ran
    entries: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for s in items:
        if s["name"] in ENTRY_EVENTS and s["entry"] is None:
            label = entry_label(s)
            # a rAF callback's function is in its FunctionCall child: name it by that
            if s["name"] in (
                "FireAnimationFrame",
                "TimerFire",
                "EventDispatch",
                "FireIdleCallback",
            ):
                child = next(
                    (c for c in items if c["entry"] is s and c["name"] == "FunctionCall"), None
                )
                if child is not None:
                    label = f"{label} -> {entry_label(child)}"
            e = entries[label]
            e[0] += s["dur"]
            e[1] += s["tdur"]
            e[2] += 1
    others: dict[str, list[float]] = collections.defaultdict(lambda: [0.0, 0.0])
    for key, name in names.items():
        if key == main:
            continue
        top = [s for s in spans(events, key)]
        self_times(top)
        busy = sum(s["dur"] for s in top if s["parent"] is None)
        tbusy = sum(s["tdur"] for s in top if s["parent"] is None)
        if busy:
            label = f"{name} (pid {key[0]})"
            others[label][0] += busy
            others[label][1] += tbusy
    invalidations: dict[str, int] = collections.Counter()
    for e in events:
        if (e.get("pid"), e.get("tid")) == main and "InvalidationTracking" in e.get("name", ""):
            data = (e.get("args") or {}).get("data", {}) or {}
            what = data.get("nodeName") or data.get("reason") or ""
            why = data.get("reason") or data.get("invalidatedSelectorId") or ""
            invalidations[f"{e['name']}: {str(what)[:60]} ({str(why)[:40]})"] += 1
    main_busy = sum(s["dur"] for s in items if s["parent"] is None)
    main_tbusy = sum(s["tdur"] for s in items if s["parent"] is None)
    ms = 1e-3
    return {
        "wall_s": wall_us / 1e6,
        "main_thread_frames": main_frames,
        "animation_frame_callbacks": animation_frames,
        "frame_events": dict(frame_names),
        "main_busy_ms_per_frame": main_busy * ms / frames,
        "main_cpu_ms_per_frame": main_tbusy * ms / frames,
        "main_busy_percent": 100 * main_busy / wall_us if wall_us else None,
        "by_kind_ms_per_frame": {
            k: {"wall": v[0] * ms / frames, "cpu": v[1] * ms / frames}
            for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1][0])
        },
        "by_event_ms_per_frame": {
            k: {"wall": v[0] * ms / frames, "cpu": v[1] * ms / frames, "count": v[2]}
            for k, v in sorted(by_name.items(), key=lambda kv: -kv[1][0])[:25]
        },
        "entries_ms_per_frame": {
            k: {"wall": v[0] * ms / frames, "cpu": v[1] * ms / frames, "count": v[2]}
            for k, v in sorted(entries.items(), key=lambda kv: -kv[1][0])[:25]
        },
        "invalidations_per_frame": {k: v / frames for k, v in invalidations.most_common(25)},
        "layout_roots": collections.Counter(
            str(
                [r.get("nodeName") for r in (s["args"].get("endData") or {}).get("layoutRoots", [])]
            )
            for s in items
            if s["name"] == "Layout"
        ).most_common(8),
        "paints": collections.Counter(
            str((s["args"].get("data") or {}).get("nodeName"))[:60]
            for s in items
            if s["name"] == "Paint"
        ).most_common(8),
        "other_threads_busy_percent": {
            k: {"wall": 100 * v[0] / wall_us, "cpu": 100 * v[1] / wall_us}
            for k, v in sorted(others.items(), key=lambda kv: -kv[1][0])[:12]
        },
    }


# --------------------------------------------------------------------------- profile


def record_profile(cdp: Cdp, seconds: float) -> dict[str, Any]:
    """A V8 CPU profile of ``seconds`` s, sampled every 100 us."""
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 100})
    cdp.send("Profiler.start")
    time.sleep(seconds)
    profile = cdp.send("Profiler.stop")["profile"]
    cdp.send("Profiler.disable")
    return profile


def analyse_profile(profile: dict[str, Any], frames: float) -> dict[str, Any]:
    """Self time by function (name, file, line) and by file, ms per second and per frame."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    self_us: dict[int, float] = collections.Counter()
    for node_id, delta in zip(profile["samples"][1:], profile["timeDeltas"][1:], strict=True):
        self_us[node_id] += delta
    span_s = (profile["endTime"] - profile["startTime"]) / 1e6
    by_fn: dict[str, float] = collections.Counter()
    by_file: dict[str, float] = collections.Counter()
    for node_id, us in self_us.items():
        cf = nodes[node_id]["callFrame"]
        url = (cf.get("url") or "").rsplit("/", 1)[-1][:50]
        fn = cf.get("functionName") or "(anonymous)"
        label = fn if not url else f"{fn}  {url}:{cf.get('lineNumber', -1) + 1}"
        by_fn[label] += us
        by_file[url or fn] += us
    per_frame = 1e-3 / max(frames, 1)
    return {
        "span_s": span_s,
        "top_functions_ms_per_frame": {k: v * per_frame for k, v in by_fn.most_common(30)},
        "by_file_ms_per_frame": {k: v * per_frame for k, v in by_file.most_common(15)},
        "frames_assumed": frames,
    }


# --------------------------------------------------------------------------- main


def print_report(result: dict[str, Any]) -> None:
    t = result["trace"]
    p = result["profile"]
    print(f"load average before/after: {result['load_before']} / {result['load_after']}")
    print(
        f"trace {t['wall_s']:.1f} s at {result['rate']:g}x CPU: main-thread frames "
        f"{t['main_thread_frames']} ({t['main_thread_frames'] / t['wall_s']:.1f}/s), "
        f"rAF callbacks {t['animation_frame_callbacks']}; frame events {t['frame_events']}"
    )
    print(
        f"renderer main thread busy {t['main_busy_percent']:.0f} % of wall time; per frame "
        f"{t['main_busy_ms_per_frame']:.2f} ms wall, {t['main_cpu_ms_per_frame']:.2f} ms CPU"
    )
    print("\nMain thread self time per frame by kind (ms wall / ms CPU):")
    for k, v in t["by_kind_ms_per_frame"].items():
        print(f"  {k:28s} {v['wall']:7.3f} {v['cpu']:7.3f}")
    print("\nMain thread self time per frame by event (ms wall / CPU, count):")
    for k, v in t["by_event_ms_per_frame"].items():
        print(f"  {k:40s} {v['wall']:7.3f} {v['cpu']:7.3f} {v['count']:6d}")
    print("\nScript entry points, total per frame (ms wall / CPU, count):")
    for k, v in t["entries_ms_per_frame"].items():
        print(f"  {v['wall']:7.3f} {v['cpu']:7.3f} {v['count']:6d}  {k[:110]}")
    print("\nLayout roots (count):", t["layout_roots"])
    print("Paint events (count):", t["paints"])
    if t["invalidations_per_frame"]:
        print("\nInvalidations per frame:")
        for k, v in t["invalidations_per_frame"].items():
            print(f"  {v:6.2f}  {k}")
    print("\nOther threads, busy % of wall time (wall / CPU):")
    for k, v in t["other_threads_busy_percent"].items():
        print(f"  {k:40s} {v['wall']:6.1f} {v['cpu']:6.1f}")
    print(f"\nJS self time per frame, {p['span_s']:.1f} s profile (ms per main-thread frame):")
    for k, v in p["top_functions_ms_per_frame"].items():
        print(f"  {v:7.3f}  {k[:110]}")
    print("\nJS self time per frame by file:")
    for k, v in p["by_file_ms_per_frame"].items():
        print(f"  {v:7.3f}  {k}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=4.0, help="CPU slow-down")
    parser.add_argument("--seconds", type=float, default=4.0, help="trace and profile length, s")
    parser.add_argument("--warmup", type=float, default=3.0, help="animating first, s")
    parser.add_argument("--probe", action="store_true", help="install the benchmark's probe")
    parser.add_argument("--source", default=None, help="the cell to profile (default: ours)")
    parser.add_argument("--selector", default=".gs-bla", help="the view's root, with --source")
    parser.add_argument("--save-trace", action="store_true")
    parser.add_argument(
        "--invalidations", action="store_true", help="also trace what invalidates style/layout"
    )
    parser.add_argument("--inject", default=None, help="JS run in the page before recording")
    parser.add_argument("--screenshot", type=Path, default=None, help="PNG of the view")
    parser.add_argument("--json", type=Path, default=RESULTS / "animator_profile.json")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise BenchmarkError(f"Playwright for Python is needed: {exc}") from exc
    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        raise BenchmarkError(f"Chromium not found: {executable} (set GENTLE_SPINE_CHROMIUM)")
    approach = APPROACHES[0]
    if args.source:
        approach = Approach("profile", "profiled cell", args.source, args.selector)
    write_notebook(approach.notebook, approach.source)
    chromium = ChromiumProcess(
        executable, [*CHROMIUM_ARGS, *EXTRA_CHROMIUM_ARGS], window_size=WINDOW_SIZE
    )
    result: dict[str, Any] = {"rate": args.rate, "seconds": args.seconds, "probe": args.probe}
    try:
        with sync_playwright() as pw, running_jupyter_lab() as server:
            browser = pw.chromium.connect_over_cdp(chromium.endpoint)
            page = browser.contexts[0].pages[0]
            attach_page_recorders(page)
            lab = Lab(page, server)
            if approach.mode == "profile":
                lab.open_notebook(approach.notebook)
                lab.run_all(timeout=120)
                page.wait_for_selector(approach.selector, timeout=30_000)
                page.evaluate(probe("scroll_into_view"), approach.selector)
                page.mouse.move(5, 5)
            else:
                show_and_start(lab, approach)
                if args.probe:
                    page.evaluate(probe("animator_probe"), approach.mode)
            if args.inject:
                page.evaluate(args.inject)
            if args.screenshot:
                page.wait_for_timeout(500)
                page.locator(approach.selector).first.screenshot(path=str(args.screenshot))
                problems = [*page.console_errors, *page.page_errors]
                if problems:
                    print("page problems:", *problems, sep="\n  ")
            browser.close()  # disconnect: nothing but our socket is attached while recording
            cdp = Cdp(chromium.endpoint)
            try:
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": args.rate})
                time.sleep(args.warmup)
                result["load_before"] = os.getloadavg()
                extra = (INVALIDATIONS,) if args.invalidations else ()
                events = record_trace(cdp, args.seconds, extra)
                profile = record_profile(cdp, args.seconds)
                result["load_after"] = os.getloadavg()
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
            finally:
                cdp.close()
            browser = pw.chromium.connect_over_cdp(chromium.endpoint)
            page = browser.contexts[0].pages[0]
            attach_page_recorders(page)
            page.goto("about:blank")
            server.shutdown_sessions(approach.notebook)
            browser.close()
    finally:
        chromium.stop()
    result["trace"] = analyse_trace(events)
    frames_per_s = result["trace"]["main_thread_frames"] / max(result["trace"]["wall_s"], 1e-9)
    result["profile"] = analyse_profile(profile, frames_per_s * args.seconds)
    print_report(result)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    if args.save_trace:
        (RESULTS / "animator_trace.json").write_text(json.dumps({"traceEvents": events}))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchmarkError as err:
        print(f"animator profile: cannot measure: {err}", file=sys.stderr)
        sys.exit(2)
    except Exception as err:
        traceback.print_exc()
        print(f"animator profile: cannot measure: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(2)
