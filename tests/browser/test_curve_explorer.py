"""The curve explorer in real JupyterLab: the keyboard moves the age, the spine and the chart
follow, the picker redraws the adult spine, and hovering names a vertebra."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.figures.spine_parts import titled
from widgets.model.development import geometry_at_age

from .lab import Lab
from .notebooks import write_notebook

SOURCE = "import widgets\nwidgets.curve_explorer()"

#: Titles as drawn: a child's spine is drawn at its own size, and its title says how big.
NEWBORN_TITLE = titled("At 0 months (newborn)", geometry_at_age(0))
AT_12_TITLE = titled("At 12 months", geometry_at_age(12))
TITLES_JS = "() => [...document.querySelectorAll('.gs-curve-explorer .gs-spd-title')].map(t => t.textContent)"
MARKER_JS = """() => [...document.querySelectorAll('.gs-curve-explorer .js-plotly-plot .annotation-text')]
  .map(t => t.textContent).filter(t => /month|year/.test(t))"""


@pytest.fixture
def explorer(lab: Lab, tmp_notebook_dir: Path) -> Lab:
    lab.open_notebook(write_notebook(tmp_notebook_dir / "explorer.ipynb", SOURCE), theme="light")
    assert lab.run_all(timeout=120).errors == []
    root = lab.page.locator(".gs-curve-explorer").first
    root.wait_for(state="visible", timeout=30_000)
    lab.page.wait_for_function(
        "() => document.querySelectorAll('.gs-curve-explorer .gs-spd-vertebra').length === 48"
        " && document.querySelector('.gs-curve-explorer .js-plotly-plot .annotation-text')",
        timeout=30_000,
    )
    return lab


def test_arrow_keys_move_the_age_and_the_spine_and_chart_follow(explorer: Lab) -> None:
    page = explorer.page
    assert page.evaluate(TITLES_JS) == [NEWBORN_TITLE, "Adult (mean)"]
    assert page.evaluate(MARKER_JS) == ["0 months (newborn)"]
    lumbar = "() => document.querySelector('.gs-curve-explorer .gs-spd-vertebra:last-of-type').getAttribute('points')"
    before = page.evaluate(lumbar)
    slider = page.locator(".gs-curve-explorer input[type=range]").first
    assert slider.get_attribute("aria-valuetext") == "0 months (newborn)"
    slider.focus()
    for _ in range(12):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        f"() => document.querySelector('.gs-curve-explorer .gs-spd-title').textContent === {AT_12_TITLE!r}",
        timeout=10_000,
    )
    page.wait_for_function(f"() => ({MARKER_JS})().includes('12 months')", timeout=10_000)
    assert page.evaluate(lumbar) != before, "the spine morphs"
    assert slider.get_attribute("aria-valuetext") == "12 months"
    assert page.get_by_label("Age", exact=True).input_value() == "12"  # the label names the slider
    assert "The model at 12 months" in page.locator(".gs-curve-explorer").inner_text()
    assert explorer.problems()["console_errors"] == []


def test_picker_redraws_the_adult_spine(explorer: Lab) -> None:
    page = explorer.page
    page.locator(".gs-curve-explorer select").first.select_option(label="Roussouly type 4")
    page.wait_for_function(f"() => ({TITLES_JS})()[1] === 'Roussouly type 4'", timeout=10_000)
    label = page.locator(".gs-curve-explorer .gs-spd-svg").nth(1).get_attribute("aria-label")
    assert "PI 62° = PT 12° + SS 50°" in label


def test_hovering_a_vertebra_names_it(explorer: Lab) -> None:
    page = explorer.page
    drawing = page.locator(".gs-curve-explorer .gs-spd").first
    drawing.locator(".gs-spd-vertebra").nth(21).hover()  # L3
    tip = drawing.locator(".gs-spd-tip")
    tip.wait_for(state="visible", timeout=5_000)
    assert tip.inner_text() == f"L3 (lumbar) · {NEWBORN_TITLE}"
