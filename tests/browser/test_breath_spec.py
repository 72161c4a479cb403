"""One breath spec: the functions the animator's ES module exports equal the Python reference.

``widgets.model.breath`` (the breath cycle, the lift per mode) and
``widgets.figures.supine_scene_interpolation`` (the key-pose interpolation) are the reference; the ES
module (``breath_cycle.js``, the breath cycle every pacing view shares, ``breath_figure.js``, the
lying figure the animator and the session player draw, then ``breath_lift.js``, joined as
``BreathLiftAnimator._esm`` serves them) is imported as is into a blank page of headless
Chromium (no JupyterLab) and both sides are evaluated on the same property-based cases, to 1e-9.
"""

from __future__ import annotations

import base64
import itertools
import math
from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.figures.supine_scene import scene_payload
from widgets.figures.supine_scene_interpolation import interpolate, pose_points
from widgets.model.breath import (
    EXHALE_RATIO_RANGE,
    HOLD_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    PHASES,
    TEMPO_RANGE,
    BreathPattern,
    lift_and_breath,
    phase_bounds,
    phase_index,
    phase_name,
    profile,
)
from widgets.model.breath_tracking import advance, phase_track
from widgets.model.supine import READOUTS, SupineParams, key_poses
from widgets.views.breath_lift import BreathLiftAnimator

pytestmark = pytest.mark.browser

MODULE = BreathLiftAnimator._esm.encode()  # breath_cycle, breath_figure, breath_lift: as served
TOLERANCE = 1e-9
CASES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

holds = st.one_of(st.just(0.0), st.floats(*HOLD_RANGE, allow_nan=False))
patterns = st.fixed_dictionaries(
    {
        "tempo": st.floats(*TEMPO_RANGE, allow_nan=False),
        "exhale_ratio": st.floats(*EXHALE_RATIO_RANGE, allow_nan=False),
        "hold_in": holds,
        "hold_out": holds,
    }
)
phases = st.floats(0.0, 1.0, allow_nan=False, exclude_max=True)


def pattern_of(p: dict[str, float]) -> BreathPattern:
    return BreathPattern(p["tempo"], p["exhale_ratio"], p["hold_in"], p["hold_out"])


def circular_gap(a: float, b: float) -> float:
    """Distance between two cycle phases on the circle (0.999... and 0 are close)."""
    d = abs(a - b) % 1.0
    return min(d, 1.0 - d)


@pytest.fixture(scope="module")
def spec(browser: Any) -> Iterator[Any]:
    """A blank page with ``window.spec`` = the animator's ES module, ``window.scene`` a scene."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto("about:blank")
    url = "data:text/javascript;base64," + base64.b64encode(MODULE).decode()
    exported = page.evaluate(
        "async (url) => { window.spec = await import(url); return Object.keys(window.spec); }",
        url,
    )
    assert {"cycleBounds", "profile", "advance", "interpolate"} <= set(exported)
    page.evaluate("(scenes) => { window.scenes = scenes; window.scene = scenes.default; }", SCENES)
    try:
        yield page
    finally:
        context.close()
    assert errors == []


SCENE = scene_payload(key_poses(SupineParams()))
# Extreme settings: fewer shapes stay rigid (the thoracic bodies wedge with a deep breath).
SCENES = {
    "default": SCENE,
    # A pillow the neck cannot reach props the shoulders: the upper back rests on the pillow.
    "propped": scene_payload(key_poses(SupineParams(lift_range=15, breath_depth=16, pillow=150))),
    "extreme": scene_payload(
        key_poses(SupineParams(legs="straight", lift_range=15, breath_depth=16, pillow=0))
    ),
}


# --- the breath cycle ------------------------------------------------------------------------

CYCLE_JS = """
({cases, phases}) => cases.map(({p, us, dt, factor, liftU, mode}) => {
  const bd = spec.cycleBounds(p);
  return {
    bd,
    bounds: spec.phaseBounds(bd, phases),
    profile: us.map((u) => spec.profile(u, bd)),
    index: us.map((u) => spec.phaseIndex(u, bd)),
    advance: us.map((u) => spec.advance(u, dt, bd.period)),
    advanceFactor: us.map((u) => spec.advance(u, dt, bd.period, factor)),
    liftAndBreath: us.map((u) => spec.liftAndBreath(mode, u, liftU, bd)),
  };
})
"""


@st.composite
def cycle_cases(draw: st.DrawFn) -> dict[str, Any]:
    p = draw(patterns)
    pattern = pattern_of(p)
    edges = [u for span in phase_bounds(pattern).values() for u in span if u < 1.0]
    us = draw(st.lists(phases, min_size=1, max_size=12)) + edges
    return {
        "p": p,
        "us": us,
        "dt": draw(st.floats(0.0, 30.0, allow_nan=False)),
        "factor": draw(st.sampled_from([1.0, LIFT_INDEPENDENT_PERIOD_FACTOR, 0.1, 10.0])),
        "liftU": draw(phases),
        "mode": draw(st.sampled_from(MODES)),
    }


@CASES
@given(cases=st.lists(cycle_cases(), min_size=1, max_size=25))
def test_breath_cycle_equals_the_python_model(spec: Any, cases: list[dict[str, Any]]) -> None:
    results = spec.evaluate(CYCLE_JS, {"cases": cases, "phases": list(PHASES)})
    for case, js in zip(cases, results, strict=True):
        pattern = pattern_of(case["p"])
        assert js["bd"]["period"] == pytest.approx(pattern.period, abs=TOLERANCE)
        bounds = phase_bounds(pattern)
        assert list(js["bounds"]) == list(bounds), "the same phases, in the same order"
        for name, (start, end) in bounds.items():
            assert js["bounds"][name] == pytest.approx([start, end], abs=TOLERANCE)
        us = np.array(case["us"])
        assert js["profile"] == pytest.approx(profile(pattern, us).tolist(), abs=TOLERANCE)
        assert js["index"] == phase_index(pattern, us).tolist(), "phase boundaries agree exactly"
        assert [PHASES[k] for k in js["index"]] == phase_name(pattern, us).tolist()
        for key, factor in (("advance", 1.0), ("advanceFactor", case["factor"])):
            expected = advance(us, case["dt"], pattern, factor)
            for got, want in zip(js[key], np.atleast_1d(expected), strict=True):
                assert 0.0 <= got < 1.0
                assert circular_gap(got, float(want)) <= TOLERANCE
        lift, breath = lift_and_breath(case["mode"], pattern, us, case["liftU"])
        got_lift, got_breath = zip(*js["liftAndBreath"], strict=True)
        assert list(got_breath) == pytest.approx(np.atleast_1d(breath).tolist(), abs=TOLERANCE)
        assert list(got_lift) == pytest.approx(np.atleast_1d(lift).tolist(), abs=TOLERANCE)


TRACK_JS = """
({p, steps, u0, factor}) => {
  let u = u0;
  const out = [u];
  for (const [dt, tempo] of steps) {
    u = spec.advance(u, dt, spec.cycleBounds({...p, tempo}).period, factor);
    out.push(u);
  }
  return out;
}
"""


@CASES
@given(
    p=patterns,
    steps=st.lists(
        st.tuples(st.floats(0.0, 0.25, allow_nan=False), st.floats(*TEMPO_RANGE)),
        min_size=1,
        max_size=120,
    ),
    u0=phases,
    factor=st.sampled_from([1.0, LIFT_INDEPENDENT_PERIOD_FACTOR]),
)
def test_frame_by_frame_advance_is_the_phase_track_of_a_changing_tempo(
    spec: Any, p: dict[str, float], steps: list[tuple[float, float]], u0: float, factor: float
) -> None:
    """The browser advances frame by frame at each frame's tempo: that is ``phase_track``."""
    got = spec.evaluate(TRACK_JS, {"p": p, "steps": steps, "u0": u0, "factor": factor})
    times = np.concatenate([[0.0], np.cumsum([dt for dt, _ in steps])])
    tempos = [tempo for _, tempo in steps] + [steps[-1][1]]
    want = phase_track(times, tempos, pattern_of(p), u0=u0, period_factor=factor)
    for g, w in zip(got, want, strict=True):
        assert circular_gap(g, float(w)) <= TOLERANCE


# --- the key-pose interpolation ----------------------------------------------------------------

fractions = st.one_of(
    st.floats(-0.2, 1.2, allow_nan=False),
    st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),
)

INTERPOLATE_JS = """
({points, readouts}) => points.map(([lift, breath]) => ({
  coords: Array.from(spec.interpolate(scene.coords, scene.lift, scene.breath, lift, breath,
                                      new Float64Array(scene.coords[0][0].length))),
  readouts: readouts.map((name) =>
    spec.interpolate(scene.readouts[name], scene.lift, scene.breath, lift, breath)),
}))
"""


@CASES
@given(points=st.lists(st.tuples(fractions, fractions), min_size=1, max_size=20))
def test_pose_interpolation_equals_the_python_reference(
    spec: Any, points: list[tuple[float, float]]
) -> None:
    results = spec.evaluate(INTERPOLATE_JS, {"points": points, "readouts": list(READOUTS)})
    lifts, breaths = SCENE["lift"], SCENE["breath"]
    for (lift, breath), js in zip(points, results, strict=True):
        want = interpolate(SCENE["coords"], lifts, breaths, lift, breath)
        assert np.max(np.abs(np.array(js["coords"]) - want)) <= TOLERANCE
        for name, got in zip(READOUTS, js["readouts"], strict=True):
            value = interpolate(SCENE["readouts"][name], lifts, breaths, lift, breath)
            assert abs(got - value) <= TOLERANCE


def test_interpolation_reproduces_every_key_pose(spec: Any) -> None:
    """At the grid points the interpolation is the key pose itself, on both sides."""
    lifts, breaths = SCENE["lift"], SCENE["breath"]
    points = list(itertools.product(lifts, breaths))
    results = spec.evaluate(INTERPOLATE_JS, {"points": points, "readouts": []})
    cells = itertools.product(range(len(lifts)), range(len(breaths)))
    for (i, j), js in zip(cells, results, strict=True):
        key = np.array(SCENE["coords"][i][j])
        assert np.max(np.abs(np.array(js["coords"]) - key)) <= TOLERANCE
        python = interpolate(SCENE["coords"], lifts, breaths, lifts[i], breaths[j])
        assert np.max(np.abs(python - key)) <= TOLERANCE
    assert math.isclose(lifts[-1], 1.0) and math.isclose(breaths[-1], 1.0)


POINTS_JS = """
({name, points}) => points.map(([lift, breath]) =>
  spec.posePoints(scenes[name], spec.poseAt(scenes[name], lift, breath)))
"""


@CASES
@given(
    name=st.sampled_from(sorted(SCENES)),
    points=st.lists(st.tuples(fractions, fractions), min_size=1, max_size=10),
)
def test_drawn_points_of_every_shape_equal_the_python_reference(
    spec: Any, name: str, points: list[tuple[float, float]]
) -> None:
    """Rigid shapes (local points moved by a blended transform) and the others alike."""
    scene = SCENES[name]
    assert any(shape["rigid"] for shape in scene["shapes"])
    assert not all(shape["rigid"] for shape in scene["shapes"])
    results = spec.evaluate(POINTS_JS, {"name": name, "points": points})
    for (lift, breath), js in zip(points, results, strict=True):
        want = pose_points(scene, lift, breath)
        assert len(js) == len(want) == len(scene["shapes"])
        for got, shape in zip(js, want, strict=True):
            assert np.max(np.abs(np.array(got) - shape.ravel())) <= TOLERANCE


@pytest.mark.parametrize("name", sorted(SCENES))
def test_lift_slider_shows_the_models_waist_rise_in_mm(spec: Any, name: str) -> None:
    """The lift slider's "waist up N mm" is the model's rise from rest to the top of the lift."""
    params = {
        "default": SupineParams(),
        "extreme": SupineParams(legs="straight", lift_range=15, breath_depth=16, pillow=0),
        "propped": SupineParams(lift_range=15, breath_depth=16, pillow=150),
    }[name]
    heights = key_poses(params).readout("waist_height")
    expected = round(float(heights[-1, 0] - heights[0, 0]))
    assert expected > 0
    shown = spec.evaluate("(name) => spec.waistRise(scenes[name])", name)
    assert shown == expected
    assert spec.evaluate("() => spec.waistRise({})") is None


TISSUE_JS = """
({name, points}) => points.map(([lift, breath]) => {
  const scene = scenes[name];
  const pose = spec.poseAt(scene, lift, breath);
  const drawn = spec.posePoints(scene, pose);
  return scene.shapes.map((shape, k) =>
    shape.kind === "tissue"
      ? {points: drawn[k], lowest: spec.lowestPoint(scene, pose, k), rest: spec.restPoint(scene, pose, k)}
      : null);
})
"""


@CASES
@given(
    name=st.sampled_from(sorted(SCENES)),
    points=st.lists(st.tuples(fractions, fractions), min_size=1, max_size=10),
)
def test_drawn_soft_tissue_and_its_contact_marks_equal_the_python_reference(
    spec: Any, name: str, points: list[tuple[float, float]]
) -> None:
    """The buttocks, upper back and scalp are drawn where the reference puts them, and each
    contact mark sits under the lowest drawn point of its outline."""
    scene = SCENES[name]
    tissue = [k for k, shape in enumerate(scene["shapes"]) if shape["kind"] == "tissue"]
    assert [scene["shapes"][k]["name"] for k in tissue] == scene["tissue"]["names"]
    assert len(tissue) == 3
    results = spec.evaluate(TISSUE_JS, {"name": name, "points": points})
    for (lift, breath), js in zip(points, results, strict=True):
        want = pose_points(scene, lift, breath)
        for k in tissue:
            got = np.array(js[k]["points"])
            assert np.max(np.abs(got - want[k].ravel())) <= TOLERANCE
            lowest = want[k][np.argmin(want[k][:, 1])]
            assert js[k]["lowest"][1] == pytest.approx(lowest[1], abs=TOLERANCE)
            assert js[k]["lowest"][0] == pytest.approx(lowest[0], abs=TOLERANCE)
            rest_x, rest_y = rest_point(scene, scene["shapes"][k], want[k])
            assert js[k]["rest"][0] == pytest.approx(rest_x, abs=1e-6)
            assert js[k]["rest"][1] == pytest.approx(rest_y, abs=1e-6)


def rest_point(
    scene: dict[str, Any], shape: dict[str, Any], points: np.ndarray
) -> tuple[float, float]:
    """Reference for the contact mark: where an outline rests and the height of what is under
    it there (the rule of widgets.figures.supine_figure's rest point, on the drawn points)."""
    block = np.array(scene["pillow_block"]).reshape(-1, 2)
    if shape.get("rests_on") != "pillow" or block.size == 0:
        return float(points[np.argmin(points[:, 1]), 0]), 0.0
    top, edge = float(block[2, 1]), float(block[:, 0].max())
    a, b = points, np.roll(points, -1, axis=0)
    crosses = (a[:, 0] - edge) * (b[:, 0] - edge) < 0.0
    t = (edge - a[crosses, 0]) / (b[crosses, 0] - a[crosses, 0])
    corner = a[crosses] + t[:, None] * (b[crosses] - a[crosses])
    corner[:, 0] = edge
    candidates = np.vstack([points, corner])
    under = np.where(candidates[:, 0] <= edge, top, 0.0)
    best = int(np.argmin(candidates[:, 1] - under))
    return float(candidates[best, 0]), float(under[best])


@pytest.mark.parametrize("name", sorted(SCENES))
def test_the_limit_line_reads_the_nearest_key_pose(spec: Any, name: str) -> None:
    scene = SCENES[name]
    lifts, breaths = scene["lift"], scene["breath"]
    for lift, breath in [(0.0, 0.0), (0.1, 0.9), (0.49, 0.51), (1.2, -0.3), (1.0, 1.0)]:
        i = round(min(max(lift, 0.0), 1.0) * (len(lifts) - 1))
        j = round(min(max(breath, 0.0), 1.0) * (len(breaths) - 1))
        got = spec.evaluate(
            "([name, l, b]) => spec.limitsAt(scenes[name], l, b)", [name, lift, breath]
        )
        assert got == scene["limits"][i][j]
    assert spec.evaluate("() => spec.limitsAt({}, 0.5, 0.5)") == []
