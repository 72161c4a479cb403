import math
from pathlib import Path

import pytest
import traitlets

from widgets.model.breath import BREATH_ONLY_CUES, CUES, MODES
from widgets.views.breath_lift import SPEEDS, BreathLiftAnimator

WIDGETS = Path(__file__).resolve().parents[2] / "widgets" / "views"


def test_defaults_and_scene_sent_once():
    w = BreathLiftAnimator()
    assert w.tempo == 6.0
    assert w.mode == "lift-with-breath"
    assert w.playing is True
    assert w.sound is False
    scene = w.scene
    assert next(m["name"] for m in scene["shapes"] if m["kind"] == "vertebra") == "C1"
    assert len(scene["coords"]) == len(scene["lift"])
    assert len(scene["coords"][0]) == len(scene["breath"])
    n = sum(m["n"] for m in scene["shapes"])
    assert len(scene["coords"][0][0]) == 2 * n
    assert w.cues == {"lift": CUES, "breath": BREATH_ONLY_CUES}


def test_tempo_changes_do_not_recompute_the_scene():
    w = BreathLiftAnimator()
    before = w.scene
    w.tempo = 12
    w.exhale_ratio = 2
    w.mode = "breath-only"
    assert w.scene is before


def test_model_changes_recompute_the_scene():
    w = BreathLiftAnimator()
    before = w.scene["readouts"]["lumbar_lordosis"]
    w.lift_range = 15
    after = w.scene["readouts"]["lumbar_lordosis"]
    assert after[-1][0] - after[0][0] == pytest.approx(15, abs=1e-3)
    assert after != before


@pytest.mark.parametrize(
    ("trait", "bad", "message"),
    [
        ("tempo", 0, "tempo = 0 breaths/min is out of range; allowed range is 3 to 30 breaths/min"),
        ("tempo", math.nan, "tempo must be a finite number, got nan; allowed range is 3 to 30"),
        ("tempo", 31, "allowed range is 3 to 30"),
        ("exhale_ratio", 0.5, "exhale_ratio = 0.5 is out of range; allowed range is 1 to 3"),
        ("hold_in", 11, "hold_in = 11 s is out of range; allowed range is 0 to 10 s"),
        ("hold_out", -1, "hold_out = -1 s is out of range"),
        (
            "mode",
            "sideways",
            "unknown mode 'sideways'; valid modes: lift-with-breath, breath-only, lift-independent",
        ),
        ("legs", "up", "unknown legs 'up'; valid legs: bent, straight"),
        ("speed", 2.0, "speed = 2.0 is not offered; allowed speeds: 0.25, 0.5, 1"),
        ("lift_range", 20, "lift_range = 20 deg is out of range; allowed range is 0 to 15 deg"),
        ("breath_depth", math.inf, "breath_depth must be a finite number"),
        ("pillow", -5, "pillow = -5 mm is out of range"),
    ],
)
def test_bad_values_raise_a_clear_trait_error_and_keep_the_old_value(trait, bad, message):
    w = BreathLiftAnimator()
    before = getattr(w, trait)
    with pytest.raises(traitlets.TraitError, match=message.replace("(", r"\(").replace(")", r"\)")):
        setattr(w, trait, bad)
    assert getattr(w, trait) == before


def test_every_mode_and_speed_is_accepted():
    w = BreathLiftAnimator()
    for mode in MODES:
        w.mode = mode
    for speed in SPEEDS:
        w.speed = speed
    assert w.speed == SPEEDS[-1]


def test_front_end_files_exist_and_export_render():
    js = (WIDGETS / "breath_lift.js").read_text()
    assert "export default { render }" in js
    assert "requestAnimationFrame" in js
    assert "cancelAnimationFrame" in js
    assert "prefers-reduced-motion" in js
    assert "aria-live" in js
    assert "http" not in js.replace("http://www.w3.org/2000/svg", "")  # no network requests
    css = (WIDGETS / "breath_lift.css").read_text()
    assert "var(--jp-" in css
