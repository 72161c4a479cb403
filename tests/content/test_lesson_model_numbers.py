"""Model outputs quoted in the lessons' text match the model, so the text cannot go stale."""

import re
from pathlib import Path

import widgets
from widgets.content.lesson_text import segments
from widgets.data import value
from widgets.model.supine import SupineParams, supine_pose


def markdown(lesson: str) -> str:
    return "\n".join(s.text for s in segments(lesson) if s.markdown)


def readouts(lift: float = 0.0, breath: float = 0.0, **settings: float) -> dict[str, float]:
    return dict(supine_pose(SupineParams(**settings), lift, breath).readouts)


def test_lesson_02_quotes_the_lift_in_mm_and_the_resting_readouts():
    text = markdown("02")
    rest = readouts()
    top = readouts(lift=1.0)
    biggest = value("supine", "lift_range_max")
    top_max = readouts(lift=1.0, lift_range=biggest)
    rise = top["waist_height"] - rest["waist_height"]
    rise_max = top_max["waist_height"] - readouts(lift_range=biggest)["waist_height"]
    assert f"8° lifts the waist by about {rise:.0f} mm" in text
    assert f"{biggest:g}°, by about {rise_max:.0f} mm" in text
    assert f"about {rest['pelvic_tilt']:.0f}° in the model" in text
    assert f"about {rest['head_pitch']:.0f}° with the model's 5 cm pillow" in text
    # The table's changes are differences of its rounded numbers (tests/views), so the lesson
    # no longer needs a note on rounding.
    assert "unrounded" not in text


def test_lesson_03_reads_the_deepest_breath_off_the_figure_and_calls_it_an_upper_bound():
    # The chin numbers of the deepest breath come from the figure at run time (its dashed
    # resting-chin line and label, tests/figures), so the lesson quotes only the sourced 16°.
    text = markdown("03")
    start = text.index("**The deepest breath.**")
    note = text[start : text.index("\n", start)]
    assert re.findall(r"(\d+(?:\.\d+)?)°", note) == ["16"]
    assert f"{value('supine', 'breath_depth_max'):g}° was measured" in note
    assert "dashed line" in note and "upper bound" in note
    assert "No study has measured how far the chin moves during a breath" in note


def test_lesson_01_quotes_labels_that_the_curve_chart_still_draws():
    # The chart is being reworked; a search of the package source keeps this test independent
    # of how it is built. It fails when a quoted label is renamed, so the lesson is updated too.
    source = "\n".join(p.read_text("utf-8") for p in Path(widgets.__file__).parent.rglob("*.py"))
    text = markdown("01")
    labels = (
        "neck and low back: below 0° they bend forward, the newborn way",
        "upper back: counted the other way, above 0° it bends forward",
        "95 % CI of the mean (not the spread of people)",
    )
    for label in labels:
        assert f'"{label}' in text, f"lesson 01 no longer quotes {label!r}"
        assert label in source, f"no figure draws {label!r} any more: update lesson 01"


def test_lesson_00_quotes_the_newborn_labels_of_the_spine_model():
    from widgets.model import measure
    from widgets.model.spine import build_spine

    text = markdown("00")
    newborn = build_spine("newborn")

    def signed(angle: float) -> str:
        return f"{angle:.0f}°".replace("-", "−")

    neck, low_back = measure.cervical_lordosis(newborn), measure.lumbar_lordosis(newborn)
    slope = measure.sacral_slope(newborn)
    assert neck < 0 and low_back < 0 and slope < 0, "the text explains three minus signs"
    assert f"{signed(neck)} at the neck and {signed(low_back)} at the low back" in text
    assert f"Its sacral slope is {signed(slope)}" in text
