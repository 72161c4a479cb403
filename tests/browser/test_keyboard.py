"""Every slider of the course's views moves with the arrow keys inside real JupyterLab.

JupyterLab binds the arrow keys to moving between cells in command mode, so a slider that
lets the key event bubble up never sees it. Each slider is focused and pressed, with the
notebook in command mode and in edit mode.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .lab import Lab
from .notebooks import write_notebook

SOURCES = [
    "import widgets\n\nanimation = widgets.breath_lift()\nanimation",
    "widgets.teacher_panel(animation)",
    "widgets.curve_explorer()",
    "widgets.posture_explorer()",
    "widgets.disc_day()",
]
#: Each slider's accessible name and value, in page order.
SLIDERS_JS = """() => [...document.querySelectorAll('.jp-OutputArea input[type=range]')].map(i => ({
  name: (i.labels && i.labels[0] ? i.labels[0].textContent : i.getAttribute('aria-label')) || '',
  id: i.id, value: Number(i.value), min: Number(i.min), max: Number(i.max)}))"""


def press_on_slider(lab: Lab, index: int, key: str) -> float:
    slider = lab.page.locator(".jp-OutputArea input[type=range]").nth(index)
    slider.scroll_into_view_if_needed()
    slider.focus()
    lab.page.keyboard.press(key)
    lab.page.wait_for_timeout(150)
    return float(slider.input_value())


@pytest.mark.parametrize("mode", ["command", "edit"])
def test_arrow_keys_move_every_slider(lab: Lab, tmp_notebook_dir: Path, mode: str) -> None:
    path = write_notebook(tmp_notebook_dir / "keys.ipynb", SOURCES)
    lab.open_notebook(path, theme="light")
    assert lab.run_all(timeout=180).errors == []
    sliders = lab.page.evaluate(SLIDERS_JS)
    # animator (5), panel (2), age (1), posture explorer (5), disc day's hour (1)
    assert len(sliders) >= 14, sliders
    assert all(s["name"].strip() for s in sliders), f"every slider has a name: {sliders}"
    ids = [s["id"] for s in sliders]
    assert len(set(ids)) == len(ids), f"slider ids repeat (labels would name the wrong one): {ids}"
    failures = []
    for index, slider in enumerate(sliders):
        if mode == "edit":
            lab.page.locator(".jp-Cell .cm-content").first.click()  # the editor has focus
        key = "ArrowLeft" if slider["value"] >= slider["max"] else "ArrowRight"
        after = press_on_slider(lab, index, key)
        if after == slider["value"]:
            failures.append(f"{slider['name']!r} stayed at {after} after {key}")
    assert failures == []


def test_the_panel_drives_the_animation_by_keyboard(lab: Lab, tmp_notebook_dir: Path) -> None:
    path = write_notebook(tmp_notebook_dir / "panel.ipynb", SOURCES[:2])
    lab.open_notebook(path, theme="light")
    assert lab.run_all(timeout=180).errors == []
    panel = lab.page.locator(".gs-tp input[type=range]").first
    animator = lab.page.locator(".gs-bla input[type=range]").first
    before = float(animator.input_value())
    panel.focus()
    lab.page.keyboard.press("ArrowRight")
    lab.page.wait_for_function(
        "(v) => Number(document.querySelector('.gs-bla input[type=range]').value) !== v", arg=before
    )
    assert float(animator.input_value()) == float(panel.input_value()) > before
