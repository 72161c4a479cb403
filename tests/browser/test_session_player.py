"""The session player in the browser: its timing is the breath model's, and a real session in
JupyterLab (2 rounds at the fastest tempo, paused and resumed) ends as one row in the journal."""

from __future__ import annotations

import base64
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.journal import open_journal
from widgets.model.breath import (
    EXHALE_RATIO_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    TEMPO_RANGE,
    BreathPattern,
    lift_and_breath,
    phase_index,
    profile,
)
from widgets.model.breath_tracking import advance
from widgets.views.session_player import SessionPlayer
from widgets.views.session_player_plan import MINUTES_RANGE, ROUNDS_RANGE, planned_rounds

from .lab import Lab
from .notebooks import write_notebook

pytestmark = pytest.mark.browser

TOLERANCE = 1e-9
CASES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def spec(browser: Any) -> Iterator[Any]:
    """A blank page with ``window.spec`` = the player's ES module exactly as served."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto("about:blank")
    url = "data:text/javascript;base64," + base64.b64encode(SessionPlayer._esm.encode()).decode()
    exported = page.evaluate(
        "async (url) => { window.spec = await import(url); return Object.keys(window.spec); }",
        url,
    )
    assert {"planRounds", "sessionClock", "cycleBounds", "advance", "lyingFigure"} <= set(exported)
    try:
        yield page
    finally:
        context.close()
    assert errors == []


CLOCK_JS = """
({p, by, minutes, rounds, ts}) => {
  const bd = spec.cycleBounds({...p, hold_in: 0, hold_out: 0});
  const total = spec.planRounds(by, minutes, rounds, bd.period);
  return {total, clocks: ts.map((t) => spec.sessionClock(t * total * bd.period, bd, total))};
}
"""


@CASES
@given(
    tempo=st.floats(*TEMPO_RANGE, allow_nan=False),
    ratio=st.floats(*EXHALE_RATIO_RANGE, allow_nan=False),
    by=st.sampled_from(["minutes", "rounds"]),
    minutes=st.floats(*MINUTES_RANGE, allow_nan=False),
    rounds=st.integers(*ROUNDS_RANGE),
    ts=st.lists(st.floats(0.0, 1.0, allow_nan=False), min_size=1, max_size=12),
)
def test_plan_and_clock_equal_the_python_model(
    spec: Any, tempo: float, ratio: float, by: str, minutes: float, rounds: int, ts: list[float]
) -> None:
    pattern = BreathPattern(tempo, ratio)
    got = spec.evaluate(
        CLOCK_JS,
        {
            "p": {"tempo": tempo, "exhale_ratio": ratio},
            "by": by,
            "minutes": minutes,
            "rounds": rounds,
            "ts": ts,
        },
    )
    total = planned_rounds(by, minutes, rounds, pattern)
    assert got["total"] == total
    length = total * pattern.period
    for frac, clock in zip(ts, got["clocks"], strict=True):
        t = frac * length
        u = float(advance(0.0, t, pattern))
        gap = abs(clock["u"] - u) % 1.0
        assert min(gap, 1.0 - gap) <= TOLERANCE
        if min(abs(clock["u"] - b) for b in (0.0, 1.0 / (1 + ratio), 1.0)) > 1e-9:
            assert clock["phase"] == int(phase_index(pattern, u))
        assert clock["breath"] == pytest.approx(float(profile(pattern, clock["u"])), abs=1e-9)
        assert clock["left"] == pytest.approx(length - t, abs=1e-9 * max(1.0, length))
        assert clock["round"] == min(math.floor(t / pattern.period + 1e-9), total)
        assert clock["done"] == (frac == 1.0)


# --- the figure: the animator's drawing, moved by the session's breath and lift -------------

RUN_JS = """
async ({state, samples, gap}) => {
  // the player rendered in a blank page with a stand-in for the widget's model
  const handlers = {};
  const model = {
    get: (k) => state[k],
    set: (k, v) => { state[k] = v; for (const f of handlers[`change:${k}`] ?? []) f(); },
    save_changes() {},
    send() {},
    on: (e, f) => { (handlers[e] ??= []).push(f); },
    off() {},
  };
  const el = document.createElement("div");
  document.body.append(el);
  const cleanup = spec.default.render({ model, el });
  const root = el.querySelector(".gs-sp");
  // what is drawn: the figure's canvas, as an image
  const world = () => el.querySelector(".gs-sp-figure .gs-bla-canvas").toDataURL();
  const out = { vertebrae: el.querySelectorAll(".gs-sp-figure .gs-bla-hover polygon.gs-bla-vertebra").length };
  out.ready = world();
  el.querySelector(".gs-sp-start").click();
  out.runs = [];
  for (let k = 0; k < samples; k++) {
    await new Promise((r) => setTimeout(r, gap));
    const d = root.gsDebug;
    out.runs.push({ t: d.t, lift: d.lift, breath: d.breath, world: world() });
  }
  el.querySelector(".gs-sp-pause").click();
  await new Promise((r) => setTimeout(r, 50));
  out.paused = [world()];
  await new Promise((r) => setTimeout(r, 4 * gap));
  out.paused.push(world());
  cleanup();
  el.remove();
  return out;
}
"""


@pytest.mark.parametrize("mode", MODES)
def test_the_figure_is_drawn_and_moves_as_the_mode_says(
    spec: Any, mode: str, tmp_path: Path
) -> None:
    """Lift and breath of the drawn figure are the breath model's for the session's time t
    (lift_and_breath, the lift on its own rhythm in "lift-independent"); the drawing changes
    while the session runs and stands still while it is paused."""
    player = SessionPlayer(
        tmp_path / "j.sqlite3", tempo=30.0, exhale_ratio=1.0, mode=mode, voice=False, tones=False
    )
    state = {k: v for k, v in player.get_state().items() if not k.startswith("_")}
    got = spec.evaluate(RUN_JS, {"state": state, "samples": 8, "gap": 150})
    assert got["vertebrae"] == 24, "the animator's figure: 24 vertebrae (named on hover)"
    pattern = BreathPattern(30.0, 1.0)
    for run in got["runs"]:
        u = advance(0.0, run["t"], pattern)
        lift_u = advance(0.0, run["t"], pattern, LIFT_INDEPENDENT_PERIOD_FACTOR)
        lift, breath = lift_and_breath(mode, pattern, u, lift_u)
        assert run["breath"] == pytest.approx(float(breath), abs=TOLERANCE)
        assert run["lift"] == pytest.approx(float(lift), abs=TOLERANCE)
    worlds = [run["world"] for run in got["runs"]]
    assert len(set(worlds)) > len(worlds) // 2, "the figure moves while the session runs"
    assert got["ready"] != worlds[-1]
    assert got["paused"][0] == got["paused"][1], "and stands still while it is paused"
    if mode == "breath-only":
        assert all(run["lift"] == 0 for run in got["runs"])


# --- a real session in JupyterLab ------------------------------------------------------------


def debug(lab: Lab) -> dict:
    return lab.page.evaluate(
        "() => { const d = document.querySelector('.gs-sp').gsDebug; "
        "return {state: d.state, t: d.t, round: d.round, channel: d.channel, cues: d.cues}; }"
    )


def figure(lab: Lab) -> str:
    """The drawn figure: its canvas as an image."""
    return lab.page.evaluate(
        "() => document.querySelector('.gs-sp-figure .gs-bla-canvas').toDataURL()"
    )


def test_a_short_session_paused_resumed_and_saved(
    lab: Lab, tmp_notebook_dir: Path, tmp_path: Path
) -> None:
    journal = tmp_path / "journal.sqlite3"
    source = (
        "from widgets.views.session_player import SessionPlayer\n"
        f"w = SessionPlayer({str(journal)!r}, tempo=30, length_by='rounds', rounds=2, "
        "voice=False)\nw"
    )
    lab.open_notebook(write_notebook(tmp_notebook_dir / "player.ipynb", source), theme="light")
    assert lab.run_all(timeout=120).errors == []
    page = lab.page
    root = page.locator(".gs-sp").first
    root.wait_for(state="visible", timeout=30_000)
    root.scroll_into_view_if_needed()
    assert not journal.exists(), "showing the player writes nothing"
    assert "2 rounds of 2.0 s" in page.locator(".gs-sp-plan").inner_text()

    page.locator(".gs-sp-before select").select_option("5")
    page.locator(".gs-sp-before textarea").fill('stiff, "very"\nsecond line')
    page.locator(".gs-sp-start").click()
    page.wait_for_timeout(300)
    assert page.locator(".gs-sp-figure .gs-bla-hover polygon.gs-bla-vertebra").count() == 24
    early = figure(lab)
    page.wait_for_timeout(600)
    assert debug(lab)["state"] == "running"
    assert figure(lab) != early, "the figure moves with the breath and the lift"
    assert page.locator(".gs-sp-cue").get_attribute("aria-live") == "polite"
    assert page.locator(".gs-sp-cue").inner_text().strip() != ""

    root.focus()
    page.keyboard.press("Space")  # pause
    page.wait_for_timeout(200)
    paused = debug(lab)
    assert paused["state"] == "paused"
    still = figure(lab)
    page.wait_for_timeout(1500)
    assert debug(lab)["t"] == paused["t"], "the clock stands still while paused"
    assert figure(lab) == still, "and so does the figure"
    lab.screenshot("session-player-paused", full_page=False)
    assert page.locator(".gs-sp-pause").inner_text() == "Resume"
    page.locator(".gs-sp-pause").click()  # resume
    page.wait_for_timeout(300)
    assert debug(lab)["state"] == "running"
    page.wait_for_function(
        "() => document.querySelector('.gs-sp').gsDebug.state === 'after'", timeout=10_000
    )
    done = debug(lab)
    assert done["t"] == pytest.approx(4.0)
    assert done["channel"] in ("tone", "text"), "no voice asked for: tones (or text alone)"
    assert page.locator(".gs-sp-countdown").inner_text() == "0:00"

    page.locator(".gs-sp-after select").select_option("3")
    page.locator(".gs-sp-after textarea").fill("easier")
    page.locator(".gs-sp-save").click()
    page.wait_for_function(
        "() => document.querySelector('.gs-sp').dataset.saved !== undefined", timeout=15_000
    )
    assert "Saved" in page.locator(".gs-sp-status").inner_text()
    with open_journal(journal) as j:
        (s,) = j.sessions()
    assert (s.rounds, s.tempo, s.exhale_ratio, s.mode) == (2, 30.0, 1.0, "lift-with-breath")
    assert s.duration_s == pytest.approx(4.0, abs=1e-6)
    assert (s.pain_before, s.pain_after) == (5, 3)
    assert s.note == 'before: stiff, "very"\nsecond line\nafter: easier'
    assert s.start.utcoffset() is not None
    assert lab.problems()["blocked_requests"] == []
    lab.screenshot("session-player-saved", full_page=False)


def test_eyes_closed_dims_and_reduced_motion_keeps_still(
    lab: Lab, tmp_notebook_dir: Path, tmp_path: Path
) -> None:
    lab.page.emulate_media(reduced_motion="reduce")
    source = (
        "from widgets.views.session_player import SessionPlayer\n"
        f"SessionPlayer({str(tmp_path / 'j.sqlite3')!r}, tempo=6, eyes_closed=True)"
    )
    lab.open_notebook(write_notebook(tmp_notebook_dir / "dim.ipynb", source), theme="dark")
    assert lab.run_all(timeout=120).errors == []
    page = lab.page
    page.locator(".gs-sp").first.scroll_into_view_if_needed()
    ghost = page.locator(".gs-sp-figure .gs-bla-ghost")
    assert ghost.evaluate("g => getComputedStyle(g).display") != "none", "the end pose, dashed"
    lab.screenshot("session-player-dark-reduced-motion", full_page=False)
    page.locator(".gs-sp-start").click()
    page.wait_for_timeout(500)
    assert page.locator(".gs-sp.gs-sp-dim").count() == 1
    radius = page.locator(".gs-sp-breath").get_attribute("r")
    resting = figure(lab)
    page.wait_for_timeout(1000)  # still inside the 5 s inhale: no glide under reduced motion
    assert page.locator(".gs-sp-breath").get_attribute("r") == radius
    assert figure(lab) == resting, "reduced motion: the figure rests, the ghost shows the lift"
    dimmed = page.locator(".gs-sp-figure").evaluate("f => getComputedStyle(f).opacity")
    assert float(dimmed) <= 0.3 + 1e-6, "the figure dims with the screen"
    assert float(radius) == pytest.approx(38.0)
    assert debug(lab)["channel"] in ("speech", "tone"), "eyes closed: cues by sound"
    lab.screenshot("session-player-eyes-closed", full_page=False)
    page.locator(".gs-sp-end").click()
    page.locator(".gs-sp-discard").click()
    assert not (tmp_path / "j.sqlite3").exists(), "not saved: nothing written"
    assert "Not saved" in page.locator(".gs-sp-status").inner_text()
    np.testing.assert_equal(page.locator(".gs-sp.gs-sp-dim").count(), 0)
