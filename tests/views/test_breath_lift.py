import dataclasses
import math
from pathlib import Path

import pytest
import traitlets

from widgets.data import load_table, value
from widgets.model.breath import (
    BREATH_ONLY_CUES,
    CUES,
    EXHALE_RATIO_RANGE,
    HOLD_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    PHASES,
    TEMPO_RANGE,
    BreathPattern,
)
from widgets.model.supine import DEFAULTS, LIMITS, SupineParams
from widgets.views.breath_lift import MODE_LABELS, SPEEDS, STEPS, BreathLiftAnimator

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
    free = sum(m["n"] for m in scene["shapes"] if not m["rigid"])
    rigid = sum(1 for m in scene["shapes"] if m["rigid"])
    assert len(scene["coords"][0][0]) == 2 * free
    assert len(scene["transforms"][0][0]) == 6 * rigid
    assert w.cues == {
        "lift-with-breath": CUES,
        "breath-only": BREATH_ONLY_CUES,
        "lift-independent": BREATH_ONLY_CUES,
    }


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


def test_the_spine_trait_lays_another_preset_down():
    w = BreathLiftAnimator(pillow=0)
    assert not any(any(g > 0.5 for g in row) for row in w.scene["head_gap"])
    w.spine = "hyperkyphosis"  # a rounded upper back: with no pillow the head stays up
    gaps = w.scene["head_gap"]
    assert gaps[0][0] > 10.0  # mm above the bed at rest
    assert any("pillow would support it" in " ".join(cell) for cell in w.scene["limits"][0])
    with pytest.raises(traitlets.TraitError, match="valid presets"):
        BreathLiftAnimator(spine="s-curve")


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
        ("speed", 2.0, "speed = 2 is out of range; .*; allowed speeds: 0.25, 0.5, 1$"),
        ("speed", 0.3, "speed = 0.3 is not offered; allowed speeds: 0.25, 0.5, 1$"),
        ("lift_range", 20, "lift_range = 20 deg is out of range; allowed range is 0 to 15 deg"),
        ("breath_depth", math.inf, "breath_depth must be a finite number"),
        ("pillow", -5, "pillow = -5 mm is out of range"),
        ("spine", "banana", "spine = 'banana' is not a preset; valid presets: adult-mean, newborn"),
        ("spine", 3, "spine = 3 is not a preset"),
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
    assert w.speed == list(SPEEDS)[-1]
    for trait in ("speed", "hold_in", "tempo"):
        with pytest.raises(traitlets.TraitError, match=f"{trait} must be a number, got True"):
            setattr(w, trait, True)


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


# --- defaults and limits are written once: in the models (and the data table they read) -----


def test_every_default_is_the_models_default():
    w = BreathLiftAnimator()
    breath, supine = BreathPattern(), SupineParams()
    assert (w.tempo, w.exhale_ratio) == (breath.tempo, breath.exhale_ratio)
    assert (w.hold_in, w.hold_out) == (breath.hold_after_inhale, breath.hold_after_exhale)
    assert (w.lift_range, w.breath_depth, w.pillow, w.legs) == (
        supine.lift_range,
        supine.breath_depth,
        supine.pillow,
        supine.legs,
    )
    assert w.mode == MODES[0]
    assert w.speed in SPEEDS


def test_the_lying_models_defaults_and_limits_are_the_data_tables_rows():
    rows = {row.key[0] for row in load_table("supine")}
    defaults = {name.removesuffix("_default") for name in rows if name.endswith("_default")}
    assert defaults == set(DEFAULTS), "every *_default row is read, and only those"
    for name in DEFAULTS:
        assert DEFAULTS[name] == value("supine", f"{name}_default")
        assert getattr(SupineParams(), name) == DEFAULTS[name]
        assert LIMITS[name] == (0.0, value("supine", f"{name}_max"))
    fields = {f.name: f.default for f in dataclasses.fields(SupineParams)}
    assert {name: fields[name] for name in DEFAULTS} == DEFAULTS


SOURCE_RANGES = {
    "tempo": TEMPO_RANGE,
    "exhale_ratio": EXHALE_RATIO_RANGE,
    "hold_in": HOLD_RANGE,
    "hold_out": HOLD_RANGE,
    **LIMITS,
}


@pytest.mark.parametrize("trait", sorted(SOURCE_RANGES))
def test_each_trait_accepts_exactly_its_sources_range(trait):
    low, high = SOURCE_RANGES[trait]
    w = BreathLiftAnimator()
    for ok in (low, high):
        setattr(w, trait, ok)
        assert getattr(w, trait) == ok
    for bad in (low - 0.01, high + 0.01):
        with pytest.raises(traitlets.TraitError, match=f"allowed range is {low:g} to {high:g}"):
            setattr(w, trait, bad)


def test_the_front_end_gets_limits_steps_speeds_modes_phases_and_cues_as_traits():
    w = BreathLiftAnimator()
    for key, trait in (("tempo", "tempo"), ("exhale_ratio", "exhale_ratio"), ("hold", "hold_in")):
        assert (w.limits[key]["min"], w.limits[key]["max"]) == SOURCE_RANGES[trait]
        assert w.limits[key]["step"] == STEPS[key]
    for name in LIMITS:
        assert (w.limits[name]["min"], w.limits[name]["max"]) == LIMITS[name]
    assert w.speeds == [[speed, label] for speed, label in SPEEDS.items()]
    assert w.modes == [[mode, MODE_LABELS[mode]] for mode in MODES]
    assert set(MODE_LABELS) == set(MODES)
    assert w.phases == list(PHASES)
    assert w.lift_period_factor == LIFT_INDEPENDENT_PERIOD_FACTOR
    for trait in ("limits", "speeds", "modes", "phases", "cues", "lift_period_factor"):
        with pytest.raises(traitlets.TraitError, match="read-only"):
            setattr(w, trait, getattr(w, trait))


def test_the_front_end_writes_no_phase_name_mode_label_or_speed_itself():
    js = (WIDGETS / "breath_lift.js").read_text()
    for phase in PHASES:
        assert f'"{phase}"' not in js, phase
    for label in [*MODE_LABELS.values(), *SPEEDS.values()]:
        assert label not in js, label
