"""Time each lesson's Run All and each interactive view's first answer, in real JupyterLab.

Run from the repository root: ``uv run python -m benchmarks.lessons`` (about 3 minutes per
run). Prints a Markdown table and writes ``benchmarks/results/lessons.json``. Prints figures;
asserts nothing. Exits with status 2 and a message when it cannot measure (no Chromium, a
cell raises, JupyterLab does not start, ...). ``--runs N`` repeats everything N times;
``--root DIR`` measures another checkout (for example a ``git worktree`` of an older commit):
its lessons are served and its ``widgets`` is put first on the kernels' ``PYTHONPATH``; the
script checks which ``widgets`` a kernel imports and prints it.

What is measured. The lessons are those of the course map (``widgets.content.course_map``)
whose notebook exists in ``<root>/lessons/``, so a new lesson is measured as soon as its
notebook is there, then every exploration notebook in ``<root>/notebooks/``.
One private JupyterLab server (``tests/browser/server.py``), one headless
Chromium (``/usr/bin/chromium`` or ``$GENTLE_SPINE_CHROMIUM``), light theme, viewport
1280 x 900 px, JupyterLab's default settings otherwise. Each lesson is opened twice, each
time in a fresh browser context (empty cache: the widgets' JavaScript is fetched as on a
learner's first visit) and with a fresh kernel, and the harness's ``Lab`` waits until the
kernel is idle before anything is timed. All times come from ``performance.now()`` in the
page, recorded by ``benchmarks/lessons_probe.js`` (a ``MutationObserver`` on the notebook that
knows JupyterLab's cells, prompts and output areas, and nothing of our views):

Run All (s)
    From the pointer press on Run > Run All Cells until every cell has finished and every
    output has rendered: the later of (a) the moment the last code cell's prompt shows its
    execution count (JupyterLab writes it when the kernel's ``execute_reply`` arrives) and
    (b) the last time an element was added to or removed from any cell's output area, once
    none has been for 2 s (an animation that changes attributes or text does not count).
    "cells done" is (a) alone.

Interactive views, second opening: the code cells are run one at a time from the top, as a
learner does (scroll the cell to the top of the page, click its prompt, Ctrl+Enter, wait).
A cell is an *interactive view* when, once shown, its output holds a drawing (an ``svg`` or
``canvas`` of at least 100 x 50 px) and a control: the first slider (``input[type=range]``
or ``[role=slider]``) in it, or else its first ``select``. Today these are the curve
explorer (its age slider), the spine comparison (its preset dropdown) and every
``BreathLiftAnimator`` (its tempo slider). As soon as a control appears it is scrolled to
the middle of the page.

shown (s)
    From the cell's execution finishing (its prompt shows the count) until the last element
    was added to or removed from its output area, once none has been for 1 s (0 if that was
    before the execution finished).
response (s)
    The control is moved as soon as the view is shown (after the 1 s check). A ``select``
    gets its next option (the first if the last is chosen). A slider is focused and gets
    one ArrowRight key press (real keyboard input through Playwright); if its value has not
    changed 0.3 s later (JupyterLab took the key; reported as "arrow key: no"), its thumb is
    dragged by the mouse, an eighth of the track. The response runs from the key press,
    pointer press or ``input`` event that moved it until the view's drawing first changes:
    a mutation inside a drawing of the cell's output, outside the control and outside the
    control's row (the smallest ancestor of the control that also holds a ``<label>``: its
    name and, for ipywidgets, its readout, which the slider updates by itself). A view whose
    drawing was already changing in the 1 s before the move (an animation) cannot show an
    answer that way; for it ("animated") the answer is the first change in the control's row,
    outside the control, of a node that did not change in that 1 s: the view's own readout
    of the new value (for the animator, "7.0/min · 8.6 s").
first answer (s)
    shown + response: how long after its cell has finished a view answers a learner who
    moves its control as soon as the view is there (the 1 s check is left out).
from Ctrl+Enter (s)
    The same measured from the Ctrl+Enter key press that ran the cell: the kernel's work and
    the messages that reach the page before the execution count are included. A view that
    ships much to the browser (a plotly ``FigureWidget``) spends most of its time here.

Remote hosts are blocked by Chromium's ``--host-resolver-rules`` rather than by routing every
request through Playwright (which costs CPU); the harness still records the kernel messages
(to notice errors). Other processes on the machine add noise: run it several times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version as version_of
from pathlib import Path
from typing import Any

import nbformat

from tests.browser.chromium import CHROMIUM_ARGS, chromium_executable, new_page
from tests.browser.lab import Lab
from tests.browser.notebooks import write_notebook
from tests.browser.server import JupyterServer, running_jupyter_lab

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PROBE_JS = (Path(__file__).with_name("lessons_probe.js")).read_text()
EXTRA_CHROMIUM_ARGS = [
    "--no-proxy-server",
    # Loopback only: any other host name fails to resolve (the server is offline anyway).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
RUN_ALL_QUIET_MS = 2000.0  # no element added/removed in any output for this long: rendered
VIEW_QUIET_MS = 1000.0  # the same for one cell's output: shown
RUN_ALL_TIMEOUT_S = 300.0
CELL_TIMEOUT_S = 120.0
ANSWER_TIMEOUT_S = 30.0


class BenchmarkError(RuntimeError):
    """The benchmark cannot measure (no browser, a cell raised, a view never answered...)."""


@dataclass(frozen=True)
class LessonFile:
    """A lesson of the course map whose notebook exists."""

    number: str
    title: str
    path: Path


COURSE_MAP_PY = """\
import json
from widgets.content.course_map import LESSONS
print(json.dumps([[lesson.number, lesson.title, lesson.file] for lesson in LESSONS]))
"""


def lessons_present(root: Path, pythonpath: str) -> list[LessonFile]:
    """Course-map lessons present in ``root/lessons``, then the exploration notebooks.

    Lessons come in course order; the notebooks of ``root/notebooks`` follow, each "numbered"
    by its file name's stem.

    The course map is read from ``root``'s own ``widgets`` (the one the kernels import), in a
    separate Python process.
    """
    done = subprocess.run(
        [sys.executable, "-c", COURSE_MAP_PY],
        cwd=root,
        env={**os.environ, "PYTHONPATH": pythonpath},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise BenchmarkError(f"cannot read the course map of {root}:\n{done.stderr[-2000:]}")
    found = [
        LessonFile(number, title, root / "lessons" / file)
        for number, title, file in json.loads(done.stdout)
    ]
    lessons = [lesson for lesson in found if lesson.path.is_file()]
    # The exploration notebooks come after the lessons, numbered by their file name.
    sandboxes = [
        LessonFile(path.stem, "(exploration notebook)", path)
        for path in sorted((root / "notebooks").glob("*.ipynb"))
    ]
    return lessons + sandboxes


def code_cells(path: Path) -> list[tuple[int, str]]:
    """(notebook cell index, source) of every non-empty code cell."""
    nb = nbformat.read(path, as_version=4)
    return [
        (index, cell.source)
        for index, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and cell.source.strip()
    ]


# --------------------------------------------------------------------------- page


@contextmanager
def lesson_page(browser: Any, server: JupyterServer, path: Path) -> Iterator[Lab]:
    """A fresh context and page with ``path`` open (light theme, idle kernel) and the probe."""
    page = new_page(browser, block_network=False)
    lab = Lab(page, server)
    try:
        lab.open_notebook(path, theme="light", timeout=CELL_TIMEOUT_S)
        page.evaluate(PROBE_JS)
        yield lab
    finally:
        try:
            lab.close_notebook()
        finally:
            page.context.close()


def check_no_errors(lab: Lab, what: str) -> None:
    if lab.kernel_errors:
        detail = "\n\n".join(e.traceback for e in lab.kernel_errors)
        raise BenchmarkError(f"{what} raised:\n{detail}")
    if lab.page.page_errors:
        raise BenchmarkError(f"{what}: errors in the page: {lab.page.page_errors}")


def wait_until(lab: Lab, check: Any, timeout: float, what: str) -> Any:
    """Poll ``check()`` every 50 ms until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        lab.page.wait_for_timeout(50)
    raise BenchmarkError(f"{what} (waited {timeout:.0f} s)")


# --------------------------------------------------------------------------- Run All


def time_run_all(browser: Any, server: JupyterServer, lesson: LessonFile) -> dict[str, Any]:
    """Run All in a fresh page; times in s (see the module docstring)."""
    with lesson_page(browser, server, lesson.path) as lab:
        summary = lab.run_all(timeout=RUN_ALL_TIMEOUT_S)
        check_no_errors(lab, f"lesson {lesson.number}")
        if summary.errors or summary.skipped:
            raise BenchmarkError(f"lesson {lesson.number}: {summary.errors or summary.skipped}")
        executed_cells = {index for index, _ in code_cells(lesson.path)}

        def rendered() -> dict[str, Any] | None:
            state = lab.page.evaluate("() => window.__gsLessons.runAll()")
            done = [state["executed"][i] for i in executed_cells]
            if any(t is None for t in done):
                return None
            end = max([*done, state["lastStructure"] or 0.0])
            return state if state["now"] - end >= RUN_ALL_QUIET_MS else None

        state = wait_until(
            lab, rendered, RUN_ALL_TIMEOUT_S, f"lesson {lesson.number}: outputs never settled"
        )
    executed = [state["executed"][i] for i in executed_cells]
    clicks = [t for t in state["runAllAt"] if t <= min(executed)]
    if not clicks:
        raise BenchmarkError(f"lesson {lesson.number}: the Run All click was not seen")
    start = clicks[-1]
    cells_done = max(executed)
    return {
        "run_all_s": (max(cells_done, state["lastStructure"] or 0.0) - start) / 1000.0,
        "cells_done_s": (cells_done - start) / 1000.0,
        "code_cells": len(executed),
        "harness_s": summary.seconds,
    }


# --------------------------------------------------------------------------- views


def run_cell(lab: Lab, index: int) -> None:
    """Scroll cell ``index`` to the top, select it by its prompt, Ctrl+Enter."""
    cell = lab.page.locator(
        ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Notebook-cell"
    ).nth(index)
    cell.evaluate("c => c.scrollIntoView({block: 'start'})")
    cell.locator(".jp-InputArea-prompt").click()
    lab.page.keyboard.press("Control+Enter")


def move_control(lab: Lab, kind: str) -> bool | None:
    """Move the marked control once; for a slider, whether the arrow key worked.

    A ``select`` gets its next option. A slider is focused and gets ArrowRight; if its value
    has not changed 0.3 s later (JupyterLab took the key), the move is forgotten and the
    thumb is dragged by the mouse instead, an eighth of the track to the right (to the left
    when it is near the right end).
    """
    page = lab.page
    control = page.locator("[data-gs-control]").first
    if kind != "slider":
        values = control.evaluate("s => [...s.options].map(o => o.value)")
        current = control.evaluate("s => s.value")
        following = values[(values.index(current) + 1) % len(values)] if current in values else 0
        control.select_option(value=following)
        return None
    before = page.evaluate("() => window.__gsLessons.value()")
    control.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    if page.evaluate("() => window.__gsLessons.value()") != before:
        return True
    page.evaluate("() => window.__gsLessons.rearm()")
    thumb = page.evaluate("() => window.__gsLessons.thumb()")
    page.mouse.move(thumb["x"], thumb["y"])
    page.mouse.down()
    page.mouse.move(thumb["x"] + thumb["dx"], thumb["y"], steps=4)
    page.mouse.up()
    page.wait_for_timeout(300)
    if page.evaluate("() => window.__gsLessons.value()") == before:
        raise BenchmarkError("neither an arrow key nor a drag moved the slider")
    return False


def wait_shown(lab: Lab, index: int, what: str) -> dict[str, Any]:
    """Wait until cell ``index`` has run and its outputs have settled; the probe's state.

    Once a control appears, it is scrolled to the middle of the page (so the view is on
    screen, as for a learner about to use it); the quiet period counts from then too.
    """
    revealed: list[float] = []

    def shown() -> dict[str, Any] | None:
        state: dict[str, Any] = lab.page.evaluate("(i) => window.__gsLessons.cell(i)", index)
        if state["executed"] is None:
            return None
        if state["control"] and not revealed:
            revealed.append(lab.page.evaluate("(i) => window.__gsLessons.reveal(i)", index))
        last = max(state["executed"], state["structure"] or 0.0, *revealed)
        return state if state["now"] - last >= VIEW_QUIET_MS else None

    state: dict[str, Any] = wait_until(
        lab, shown, CELL_TIMEOUT_S, f"{what}: not run or never settled"
    )
    return state


def wait_answer(lab: Lab, what: str) -> dict[str, Any]:
    def answered() -> dict[str, Any] | None:
        answer: dict[str, Any] = lab.page.evaluate("() => window.__gsLessons.answer()")
        return answer if answer["answeredAt"] is not None else None

    answer: dict[str, Any] = wait_until(lab, answered, ANSWER_TIMEOUT_S, what)
    return answer


def time_views(browser: Any, server: JupyterServer, lesson: LessonFile) -> list[dict[str, Any]]:
    """Run the cells one by one; time each interactive view's first answer (s)."""
    views = []
    with lesson_page(browser, server, lesson.path) as lab:
        for index, source in code_cells(lesson.path):
            what = f"lesson {lesson.number} cell {index}"
            run_cell(lab, index)
            state = wait_shown(lab, index, what)
            check_no_errors(lab, what)
            if not (state["control"] and state["drawing"]):
                continue
            view = lab.page.evaluate(
                "([i, q]) => window.__gsLessons.prepare(i, q)", [index, VIEW_QUIET_MS]
            )
            arrow_key = move_control(lab, view["kind"])
            answer = wait_answer(lab, f"{what}: the view did not answer its {view['kind']}")
            shown_s = max(0.0, (state["structure"] or 0.0) - state["executed"]) / 1000.0
            response_s = (answer["answeredAt"] - answer["movedAt"]) / 1000.0
            run_to_done_s = (state["executed"] - state["runKeyAt"]) / 1000.0
            views.append(
                {
                    "lesson": lesson.number,
                    "cell": index,
                    "call": source.strip().splitlines()[-1],
                    "control": view["kind"],
                    "control_label": view["label"],
                    "arrow_key_worked": arrow_key,
                    "animated": view["animated"],
                    "answered_by": answer["answer"],
                    "shown_s": shown_s,
                    "response_s": response_s,
                    "first_answer_s": shown_s + response_s,
                    "run_to_done_s": run_to_done_s,
                    "from_run_key_s": run_to_done_s + shown_s + response_s,
                }
            )
    return views


# --------------------------------------------------------------------------- set-up


def kernel_widgets_file(browser: Any, server: JupyterServer, root: Path) -> str:
    """``widgets.__file__`` as a kernel of this server imports it."""
    folder = root / "screenshots" / "tmp_nb" / f"bench-{secrets.token_hex(4)}"
    path = write_notebook(folder / "which.ipynb", "import widgets\nprint(widgets.__file__)")
    page = new_page(browser, block_network=False)
    lab = Lab(page, server)
    try:
        lab.open_notebook(path, theme="light", timeout=CELL_TIMEOUT_S)
        lab.run_all(timeout=CELL_TIMEOUT_S)
        check_no_errors(lab, "import widgets")
        texts = lab.output_texts()[0]
    finally:
        lab.close_notebook()
        page.context.close()
        shutil.rmtree(folder, ignore_errors=True)
    if not texts:
        raise BenchmarkError("the kernel printed no widgets.__file__")
    return texts[0]


def git_describe(root: Path) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%h %s"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(root), "status", "--porcelain", "--", "widgets", "lessons"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return out + (" (+ uncommitted changes in widgets/ or lessons/)" if dirty else "")


# --------------------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 1) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def spread(values: list[float], digits: int = 1) -> str:
    """``"a, b, c (median m)"`` of one figure over the runs."""
    text = ", ".join(fmt(v, digits) for v in values)
    median = fmt(statistics.median(values), digits) if values else "n/a"
    return text if len(values) < 2 else f"{text} (median {median})"


def report(runs: list[dict[str, Any]], info: dict[str, Any]) -> None:
    lines = [
        f"Measured: {info['root']} at {info['commit']}; kernels import {info['widgets_file']}.",
        f"Machine: {info['cores']} cores; {info['browser']}; JupyterLab {info['jupyterlab']}; "
        f"ipywidgets {info['ipywidgets']}; plotly {info['plotly']}; {len(runs)} run(s); "
        f"load average {info['load_before']:.1f} before, {info['load_after']:.1f} after.",
        "",
        "| lesson | Run All (s) | cells done (s) |",
        "|---|---:|---:|",
    ]
    for k, lesson in enumerate(runs[0]["lessons"]):
        cells = [run["lessons"][k] for run in runs]
        lines.append(
            f"| {lesson['lesson']} {lesson['title']} | "
            f"{spread([c['run_all_s'] for c in cells])} | "
            f"{spread([c['cells_done_s'] for c in cells])} |"
        )
    lines += [
        "",
        "| lesson | cell | view | control | shown (s) | response (s) | first answer (s) "
        "| from Ctrl+Enter (s) |",
        "|---|---:|---|---|---:|---:|---:|---:|",
    ]
    for k, view in enumerate(runs[0]["views"]):
        same = [run["views"][k] for run in runs]
        notes = [
            *(["animated"] if view["animated"] else []),
            *(["arrow key: no"] if view["arrow_key_worked"] is False else []),
        ]
        note = f" ({', '.join(notes)})" if notes else ""
        lines.append(
            f"| {view['lesson']} | {view['cell']} | `{view['call']}` | {view['control']}{note} | "
            f"{spread([v['shown_s'] for v in same], 2)} | "
            f"{spread([v['response_s'] for v in same], 2)} | "
            f"{spread([v['first_answer_s'] for v in same], 2)} | "
            f"{spread([v['from_run_key_s'] for v in same])} |"
        )
    print("\n".join(lines))


# --------------------------------------------------------------------------- main


def measure_once(browser: Any, server: JupyterServer, lessons: list[LessonFile]) -> dict[str, Any]:
    run: dict[str, Any] = {"lessons": [], "views": []}
    for lesson in lessons:
        timing = time_run_all(browser, server, lesson)
        run["lessons"].append({"lesson": lesson.number, "title": lesson.title, **timing})
        print(f"  lesson {lesson.number}: Run All {timing['run_all_s']:.1f} s", flush=True)
        views = time_views(browser, server, lesson)
        for view in views:
            print(
                f"  lesson {lesson.number} cell {view['cell']}: first answer "
                f"{view['first_answer_s']:.1f} s ({view['call']})",
                flush=True,
            )
        run["views"].extend(views)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="how many times to measure all")
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument(
        "--lessons",
        nargs="*",
        help="lesson numbers or notebook stems, e.g. 04 discs (default: all present)",
    )
    parser.add_argument("--json", type=Path, default=RESULTS / "lessons.json")
    args = parser.parse_args()
    root = args.root.resolve()
    pythonpath = os.pathsep.join(p for p in (str(root), os.environ.get("PYTHONPATH")) if p)

    lessons = [
        lesson
        for lesson in lessons_present(root, pythonpath)
        if not args.lessons or lesson.number in args.lessons
    ]
    if not lessons:
        raise BenchmarkError(f"no course-map lesson notebook found in {root / 'lessons'}")
    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        raise BenchmarkError(f"Chromium not found: {executable} (set GENTLE_SPINE_CHROMIUM)")

    from playwright.sync_api import sync_playwright

    started = time.monotonic()
    load_before = os.getloadavg()[0]
    runs = []
    with (
        sync_playwright() as pw,
        running_jupyter_lab(root, env={"PYTHONPATH": pythonpath}) as server,
    ):
        browser = pw.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[*CHROMIUM_ARGS, *EXTRA_CHROMIUM_ARGS],
        )
        try:
            widgets_file = kernel_widgets_file(browser, server, root)
            if not Path(widgets_file).resolve().is_relative_to(root / "widgets"):
                raise BenchmarkError(f"the kernels import {widgets_file}, not {root}/widgets")
            print(f"Kernels import {widgets_file}", flush=True)
            for k in range(args.runs):
                print(f"Run {k + 1} of {args.runs}:", flush=True)
                runs.append(measure_once(browser, server, lessons))
            version = browser.version
        finally:
            browser.close()

    info = {
        "root": str(root),
        "commit": git_describe(root),
        "widgets_file": widgets_file,
        "cores": os.cpu_count(),
        "platform": f"{platform.system()} {platform.machine()}",
        "browser": f"Chromium {version} (headless)",
        "jupyterlab": version_of("jupyterlab"),
        "ipywidgets": version_of("ipywidgets"),
        "plotly": version_of("plotly"),
        "python": platform.python_version(),
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }
    print()
    report(runs, info)
    payload = {
        "benchmark": "benchmarks/lessons.py",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "run_seconds": time.monotonic() - started,
        "machine": info,
        "settings": {
            "run_all_quiet_ms": RUN_ALL_QUIET_MS,
            "view_quiet_ms": VIEW_QUIET_MS,
            "chromium_args": [*CHROMIUM_ARGS, *EXTRA_CHROMIUM_ARGS],
        },
        "runs": runs,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(payload, indent=2) + "\n")
    print(f"\nWrote {args.json} in {payload['run_seconds']:.0f} s.")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (BenchmarkError, AssertionError) as err:  # the harness raises AssertionError
        print(f"lessons benchmark: cannot measure: {err}", file=sys.stderr)
        sys.exit(2)
    except Exception as err:  # Playwright, the server, ...: show where, then the same message
        traceback.print_exc()
        print(f"lessons benchmark: cannot measure: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(2)
