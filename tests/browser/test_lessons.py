"""Every lesson runs in real JupyterLab, in the light and the dark theme, without errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from .lab import Lab

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "lessons").glob("*.ipynb"))

PLOT_TRACES_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(el => ({
  vertebrae: (el.data || []).filter(t => t.meta && t.meta.kind === 'vertebra').map(t => t.name),
  drawn: el.querySelectorAll('.scatterlayer .trace').length,
}))"""


def screenshot_views(lab: Lab, name: str) -> list[Path]:
    """Screenshots of the top of the lesson and of each interactive view in it."""
    page = lab.page
    shots = []
    page.locator(".jp-Cell").first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    shots.append(lab.screenshot(f"{name}-top", full_page=False))
    views = page.locator(".gs-bla, .gs-spine-comparison, .js-plotly-plot, .gs-curve-explorer")
    for k in range(min(views.count(), 6)):
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
    lab.page.locator(".gs-spine-comparison .js-plotly-plot").first.scroll_into_view_if_needed()
    lab.page.wait_for_function(
        "() => document.querySelectorAll('.gs-spine-comparison .js-plotly-plot .scatterlayer .trace').length > 0"
    )
    plots = lab.page.evaluate(PLOT_TRACES_JS)
    spine = next(p for p in plots if p["vertebrae"])
    levels = [
        *(f"C{i}" for i in range(1, 8)),
        *(f"T{i}" for i in range(1, 13)),
        *(f"L{i}" for i in range(1, 6)),
    ]
    assert spine["vertebrae"] == levels * 2  # the adult and the newborn
    assert spine["drawn"] >= 2 * len(levels)


def test_start_here_preset_picker_redraws_the_spine(lab: Lab) -> None:
    lab.open_notebook("lessons/00-start-here.ipynb", theme="light")
    lab.run_all(timeout=240)
    view = lab.page.locator(".gs-spine-comparison").first
    view.scroll_into_view_if_needed()
    before = lab.page.evaluate(
        "() => document.querySelector('.gs-spine-comparison .js-plotly-plot').data.map(t => t.x[0])"
    )
    view.locator("select").select_option(label="Roussouly type 4")
    lab.page.wait_for_function(
        "(before) => { const d = document.querySelector('.gs-spine-comparison .js-plotly-plot').data;"
        " return d.some((t, i) => t.x[0] !== before[i]); }",
        arg=before,
        timeout=15_000,
    )
    assert "Roussouly type 4" in view.inner_text()
