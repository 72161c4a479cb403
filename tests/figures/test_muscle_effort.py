"""The muscle-effort chart: model bars from the lying model, references from the data table.

Independent fixture: Lehecka 2015's abstract gives lumbar multifidus 29.2-35.9 % MVIC in supine
bridge variants (26 people); Ekstrom 2007 puts the strengthening level at about 45 % MVIC.
"""

import math

import pytest

from widgets.data import load_table
from widgets.figures.muscle_effort import (
    KINDS,
    effort_bars,
    muscle_effort_figure,
    strength_threshold,
)
from widgets.model.trunk_lying import lying_effort

LEHECKA_RANGE = (29.2, 35.9)  # lehecka2015, abstract
EKSTROM_THRESHOLD = 45.0  # ekstrom2007


def trunk_row(item: str, parameter: str):
    (row,) = [r for r in load_table("trunk") if r.key == (item, parameter)]
    return row


def drawn(fig, name_start: str) -> tuple[float, float]:
    """(start, end) of the bar whose label starts with ``name_start``."""
    (trace,) = [t for t in fig.data if t.y[0].startswith(name_start)]
    return trace.base[0], trace.base[0] + trace.x[0]


def test_the_model_bars_are_the_lying_models_effort():
    fig = muscle_effort_figure()
    assert drawn(fig, "waist lift (model)") == pytest.approx((0, lying_effort("waist-lift").effort))
    assert drawn(fig, "bridge (model)") == pytest.approx((0, lying_effort("bridge").effort))


def test_the_measured_bridge_is_the_tables_row_and_the_published_range():
    low = trunk_row("emg", "bridge_multifidus_low")
    high = trunk_row("emg", "bridge_multifidus_high")
    assert (low.value, high.value) == LEHECKA_RANGE
    assert low.source == high.source == "lehecka2015"
    fig = muscle_effort_figure()
    assert drawn(fig, "bridge, measured") == pytest.approx(LEHECKA_RANGE)
    (bar,) = [b for b in effort_bars() if b.kind == "measured"]
    assert bar.source == "lehecka2015" and "Lehecka et al. 2015" in bar.name


def test_the_threshold_line_is_the_tables_row_and_says_its_source():
    row = trunk_row("emg", "strength_threshold")
    assert row.value == strength_threshold() == EKSTROM_THRESHOLD
    assert row.source == "ekstrom2007"
    fig = muscle_effort_figure()
    (line,) = [s for s in fig.layout.shapes if s.name == "strength-threshold"]
    assert line.x0 == line.x1 == EKSTROM_THRESHOLD
    (label,) = [a for a in fig.layout.annotations if a.name == "strength-threshold"]
    assert "45" in label.text and "Ekstrom et al. 2007" in label.text
    assert fig.layout.xaxis.range[1] > EKSTROM_THRESHOLD  # the line is on the chart


def test_the_passive_device_is_marked_illustrative_and_drawn_at_zero():
    (device,) = [b for b in effort_bars() if b.kind == "illustrative"]
    assert device.low == device.high == 0.0 and device.source == ""
    assert "illustrative" in device.name and "not measured" in device.name
    assert drawn(muscle_effort_figure(), "passive device") == (0.0, 0.0)


def test_what_the_lesson_reads_off_the_chart():
    lift, bridge = lying_effort("waist-lift").effort, lying_effort("bridge").effort
    middle = sum(LEHECKA_RANGE) / 2
    assert lift < 5, "the waist lift is a small fraction of the maximum"
    assert 0.35 < bridge / middle < 0.65, "the model's bridge is about half the measured EMG"
    assert max(LEHECKA_RANGE) < EKSTROM_THRESHOLD, "even the measured bridge is below it"


def test_each_bar_has_its_value_as_text_and_a_colour_by_kind():
    fig = muscle_effort_figure()
    for trace, bar in zip(fig.data, effort_bars(), strict=True):
        assert trace.marker.color == KINDS[bar.kind]
        assert trace.text[0].endswith("%")
        assert f"{bar.high:.1f}" in trace.text[0] or bar.kind == "illustrative"
        assert "%{" not in trace.hovertemplate.replace("%{x", "")
    assert fig.layout.paper_bgcolor == "rgba(0,0,0,0)"  # readable on both themes


@pytest.mark.parametrize("height", [0, -1, 99, 5000, math.nan, True, "300", None])
def test_a_bad_height_is_refused_naming_it(height):
    with pytest.raises(ValueError, match="height"):
        muscle_effort_figure(height=height)


def test_unknown_keyword_is_refused():
    with pytest.raises(TypeError):
        muscle_effort_figure(**{"width": 300})
