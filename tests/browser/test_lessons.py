"""Every lesson and exploration notebook runs in real JupyterLab, in the light and the dark theme, without errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.figures.spine_parts import titled
from widgets.model.spine import build_spine

from .lab import Lab

ROOT = Path(__file__).resolve().parents[2]
#: Every lesson and every exploration notebook.
LESSONS = sorted(
    p.relative_to(ROOT).as_posix()
    for folder in ("lessons", "notebooks")
    for p in (ROOT / folder).glob("*.ipynb")
)

SPINES_JS = """() => [...document.querySelectorAll('.gs-spine-comparison .gs-spd-spine')].map(g => ({
  title: g.querySelector('.gs-spd-title').textContent,
  vertebrae: [...g.querySelectorAll('.gs-spd-vertebra')].map(p => p.dataset.hover.split(' ')[0]),
  drawn: [...g.querySelectorAll('polygon')].filter(p => p.getBBox().width > 0).length,
  points: [...g.querySelectorAll('polygon')].map(p => p.getAttribute('points')),
}))"""


def screenshot_views(lab: Lab, name: str) -> list[Path]:
    """Screenshots of the top of the lesson and of each interactive view in it."""
    page = lab.page
    shots = []
    page.locator(".jp-Cell").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    shots.append(lab.screenshot(f"{name}-top", full_page=False))
    views = page.locator(
        ".gs-bla, .gs-spine-comparison, .js-plotly-plot, .gs-curve-explorer, .gs-spd,"
        " .gs-posture-explorer, .gs-disc-day"
    )
    for k in range(min(views.count(), 8)):
        views.nth(k).scroll_into_view_if_needed()
        page.wait_for_timeout(600)
        shots.append(lab.screenshot(f"{name}-view{k + 1}", full_page=False))
    return shots


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_cleanly_in_both_themes(lab: Lab, lesson: str, theme: str) -> None:
    lab.open_notebook(lesson, theme=theme)
    summary = lab.run_all(timeout=240)
    assert summary.errors == [], summary.errors
    assert summary.skipped == []
    assert lab.kernel_errors == []
    problems = lab.problems()
    assert problems["page_errors"] == [], problems
    assert problems["blocked_requests"] == [], "the course must make no network requests"
    console = [m for m in problems["console_errors"] if "favicon" not in m]
    assert console == [], console
    shots = screenshot_views(lab, f"{Path(lesson).stem}-{theme}")
    assert all(p.stat().st_size > 10_000 for p in shots)


def test_start_here_draws_both_spines_with_every_vertebra(lab: Lab) -> None:
    lab.open_notebook("lessons/00-start-here.ipynb", theme="light")
    lab.run_all(timeout=240)
    lab.page.locator(".gs-spine-comparison").first.scroll_into_view_if_needed()
    lab.page.wait_for_function(
        "() => document.querySelectorAll('.gs-spine-comparison .gs-spd-vertebra').length >= 48"
    )
    spines = lab.page.evaluate(SPINES_JS)
    levels = [
        *(f"C{i}" for i in range(1, 8)),
        *(f"T{i}" for i in range(1, 13)),
        *(f"L{i}" for i in range(1, 6)),
    ]
    newborn = titled("Newborn C-curve (illustrative)", build_spine("newborn"))
    assert newborn.endswith("% of adult size")  # drawn at its own size, and says so
    assert [s["title"] for s in spines] == ["Adult (mean)", newborn]
    for spine in spines:
        assert spine["vertebrae"] == levels
        assert spine["drawn"] == 4 + 23 + 24  # bones, discs, vertebrae: all with a size


def test_start_here_preset_picker_redraws_the_spine(lab: Lab) -> None:
    lab.open_notebook("lessons/00-start-here.ipynb", theme="light")
    lab.run_all(timeout=240)
    view = lab.page.locator(".gs-spine-comparison").first
    view.scroll_into_view_if_needed()
    lab.page.wait_for_function(
        "() => document.querySelectorAll('.gs-spine-comparison .gs-spd-spine').length === 2"
    )
    before = lab.page.evaluate(SPINES_JS)[1]["points"]
    view.locator("select").select_option(label="Roussouly type 4")
    lab.page.wait_for_function(
        "(before) => { const g = document.querySelectorAll('.gs-spine-comparison .gs-spd-spine')[1];"
        " return [...g.querySelectorAll('polygon')].some((p, i) => p.getAttribute('points') !== before[i]); }",
        arg=before,
        timeout=15_000,
    )
    assert lab.page.evaluate(SPINES_JS)[1]["title"] == "Roussouly type 4"
    assert "Roussouly type 4" in view.inner_text()
