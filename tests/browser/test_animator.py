"""The breath-lift animator in real JupyterLab: it renders, advances, keeps time and listens."""

from __future__ import annotations

import itertools
import statistics
from pathlib import Path

import pytest

from .lab import Lab
from .notebooks import write_notebook

SOURCE = (
    "from widgets.views.breath_lift import BreathLiftAnimator\nw = BreathLiftAnimator(tempo=12)\nw"
)


@pytest.fixture
def animator(lab: Lab, tmp_notebook_dir: Path) -> Lab:
    lab.open_notebook(write_notebook(tmp_notebook_dir / "animator.ipynb", SOURCE), theme="light")
    summary = lab.run_all(timeout=120)
    assert summary.errors == []
    root = lab.page.locator(".gs-bla").first
    root.wait_for(state="visible", timeout=30_000)
    root.scroll_into_view_if_needed()
    return lab


def debug(lab: Lab) -> dict:
    return lab.page.evaluate(
        "() => { const d = document.querySelector('.gs-bla').gsDebug; return {...d, wraps: [...d.wraps]}; }"
    )


def vertebra_points(lab: Lab) -> str:
    """What the figure shows: its canvas (the body is painted there) as an image."""
    return lab.page.evaluate("() => document.querySelector('.gs-bla .gs-bla-canvas').toDataURL()")


def bar_image(lab: Lab) -> str:
    """The breath bar's fill: its canvas as an image."""
    return lab.page.evaluate(
        "() => document.querySelector('.gs-bla .gs-bla-bar-canvas').toDataURL()"
    )


#: How much of the figure's canvas is painted, and in how many colours (a sample of pixels).
INK_JS = """() => {
  const c = document.querySelector('.gs-bla .gs-bla-canvas');
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let inked = 0; const colours = new Set();
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] === 0) continue;
    inked++;
    if (px[i + 3] === 255) colours.add(`${px[i] >> 4},${px[i + 1] >> 4},${px[i + 2] >> 4}`);
  }
  return { share: inked / (px.length / 4), colours: colours.size, width: c.width, height: c.height };
}"""


def test_renders_every_vertebra_and_advances(animator: Lab) -> None:
    page = animator.page
    # every vertebra is painted and named under the pointer by an invisible target
    assert page.locator(".gs-bla-hover polygon.gs-bla-vertebra").count() == 24
    assert page.locator(".gs-bla-hover polygon.gs-bla-vertebra title").first.text_content()
    ink = page.evaluate(INK_JS)
    assert ink["width"] > 300 and ink["height"] > 100, ink
    assert 0.1 < ink["share"] < 0.9, "the body covers part of the picture"
    assert ink["colours"] >= 5, "bones, discs, skin, tissue and the regions' colours"
    first, shape1, bar1 = debug(animator), vertebra_points(animator), bar_image(animator)
    page.wait_for_timeout(1000)
    second, shape2, bar2 = debug(animator), vertebra_points(animator), bar_image(animator)
    assert second["frames"] - first["frames"] > 20, "the loop runs at display rate"
    assert shape1 != shape2, "the vertebrae move"
    assert bar1 != bar2, "the breath bar fills and empties"
    assert page.locator(".gs-bla-cue").inner_text().strip() != ""
    assert animator.problems()["blocked_requests"] == []


def set_tempo(lab: Lab, value: float) -> None:
    lab.page.evaluate(
        """(v) => { const i = document.querySelector('.gs-bla input[type=range]');
        i.value = v; i.dispatchEvent(new Event('input', {bubbles: true})); }""",
        value,
    )


def test_cycle_length_follows_a_tempo_change(animator: Lab) -> None:
    set_tempo(animator, 20)  # 3 s per breath
    animator.page.wait_for_timeout(10_500)
    wraps = debug(animator)["wraps"]
    intervals = [b - a for a, b in itertools.pairwise(wraps)][-2:]
    assert len(intervals) == 2, wraps
    for interval in intervals:
        assert interval == pytest.approx(3000, rel=0.05)
    label = animator.page.locator(".gs-bla output").first.inner_text()
    assert "20.0/min" in label
    assert "3.0 s" in label


def test_tempo_change_keeps_the_phase(animator: Lab) -> None:
    page = animator.page
    samples = page.evaluate(
        """async () => {
          const d = document.querySelector('.gs-bla').gsDebug;
          const i = document.querySelector('.gs-bla input[type=range]');
          const frame = () => new Promise(r => requestAnimationFrame(r));
          const out = [];
          for (let k = 0; k < 10; k++) { await frame(); out.push(d.u); }
          i.value = 30; i.dispatchEvent(new Event('input', {bubbles: true}));
          for (let k = 0; k < 10; k++) { await frame(); out.push(d.u); }
          return out;
        }"""
    )
    steps = [(b - a) % 1 for a, b in itertools.pairwise(samples)]
    before, after = statistics.median(steps[:8]), statistics.median(steps[11:])
    assert after > 2 * before, "the phase speeds up"
    assert max(steps) < 3 * after, "but never jumps"


def test_rerunning_the_cell_leaves_one_loop(animator: Lab) -> None:
    for _ in range(2):
        summary = animator.run_all(timeout=120)
        assert summary.errors == []
    page = animator.page
    page.locator(".gs-bla").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert page.locator(".gs-bla").count() == 1
    assert page.evaluate("() => globalThis.__gentleSpineLoops.size") == 1


def test_space_pauses_and_plays(animator: Lab) -> None:
    page = animator.page
    root = page.locator(".gs-bla").first
    root.focus()
    page.keyboard.press("Space")
    page.wait_for_timeout(300)
    u1 = debug(animator)["u"]
    page.wait_for_timeout(700)
    assert debug(animator)["u"] == u1
    assert page.locator(".gs-bla-play-button").get_attribute("aria-pressed") == "false"
    page.keyboard.press("Space")
    page.wait_for_timeout(500)
    assert debug(animator)["u"] != u1


def test_arrow_keys_change_the_tempo(animator: Lab) -> None:
    page = animator.page
    page.locator(".gs-bla").first.focus()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.wait_for_timeout(300)
    slider = page.locator(".gs-bla input[type=range]").first
    assert float(slider.input_value()) == 13.0
    assert "13.0 breaths per minute" in slider.get_attribute("aria-valuetext")


def test_controls_are_labelled_and_the_cue_is_live(animator: Lab) -> None:
    page = animator.page
    for control in page.locator(".gs-bla input, .gs-bla select").all():
        cid = control.get_attribute("id")
        labelled = control.get_attribute("aria-label") or (
            cid and page.locator(f"label[for='{cid}']").count()
        )
        assert labelled, control.evaluate("e => e.outerHTML")
    for slider in page.locator(".gs-bla input[type=range]").all():
        assert slider.get_attribute("aria-valuetext")
    assert page.locator(".gs-bla-cue").get_attribute("aria-live") == "polite"


def test_reduced_motion_shows_end_poses_without_continuous_motion(
    lab: Lab, tmp_notebook_dir: Path
) -> None:
    lab.page.emulate_media(reduced_motion="reduce")
    lab.open_notebook(write_notebook(tmp_notebook_dir / "reduced.ipynb", SOURCE), theme="light")
    lab.run_all(timeout=120)
    lab.page.locator(".gs-bla").first.scroll_into_view_if_needed()
    lab.page.wait_for_timeout(500)
    shape1 = vertebra_points(lab)
    bar1 = bar_image(lab)
    lab.page.wait_for_timeout(1200)
    assert vertebra_points(lab) == shape1, "no continuous motion"
    assert bar_image(lab) != bar1, "the bar still paces the breath"
    assert lab.page.locator(".gs-bla-ghost").evaluate("g => getComputedStyle(g).display") != "none"
    lab.screenshot("animator-reduced-motion", full_page=False)


def test_loop_pauses_off_screen(lab: Lab, tmp_notebook_dir: Path) -> None:
    spacer = "from IPython.display import HTML\nHTML('<div style=\"height:3000px\">spacer</div>')"
    lab.open_notebook(
        write_notebook(tmp_notebook_dir / "offscreen.ipynb", [SOURCE, spacer]), theme="light"
    )
    lab.run_all(timeout=120)
    page = lab.page
    page.locator(".gs-bla").first.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    assert page.evaluate("() => globalThis.__gentleSpineLoops.size") == 1
    page.get_by_text("spacer").last.scroll_into_view_if_needed()
    page.locator(".jp-Cell").last.evaluate("c => c.scrollIntoView({block: 'end'})")
    page.wait_for_timeout(800)
    frames = debug(lab)["frames"]
    page.wait_for_timeout(800)
    assert debug(lab)["frames"] == frames, "no frames are drawn while the widget is off-screen"
    assert page.evaluate("() => globalThis.__gentleSpineLoops.size") == 0
    page.locator(".gs-bla").first.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    assert debug(lab)["frames"] > frames, "the loop resumes when the widget is visible again"
