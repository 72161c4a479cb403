"""The posture drawings and charts: geometry from the model, references from the tables."""

import math
import xml.etree.ElementTree as ET

import pytest

from widgets.figures.posture_bars import bars_svg
from widgets.figures.posture_check import check_table_html, overshoot_range
from widgets.figures.posture_person import person_points, person_svg
from widgets.figures.posture_pressures import pressure_by_posture_figure
from widgets.model.disc_loads import posture_pressure
from widgets.model.trunk import PRESETS, TrunkPosture, preset, trunk_load
from widgets.model.trunk_segments import body


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_draws_a_well_formed_labelled_svg(name):
    posture = preset(name)
    load = trunk_load(posture)
    for svg in (person_svg(posture, load), bars_svg(load)):
        root = ET.fromstring(svg)
        assert root.get("role") == "img" and root.get("aria-label")


def test_the_drawing_puts_the_load_at_the_models_lever_and_keeps_lengths():
    posture = TrunkPosture(flexion=40, knee_bend=90, load=20, load_distance=0.1)
    load = trunk_load(posture)
    p = person_points(posture, load.load_lever)
    assert p.load is not None and p.load[0] == pytest.approx(load.load_lever)
    assert math.dist(p.disc, p.shoulder) == pytest.approx(body().shoulder)
    assert math.dist(p.ankle, p.knee) == pytest.approx(body().shank)
    assert p.hip[0] == p.ankle[0] == 0.0  # hips above the ankles
    # the trunk leans 40 deg from vertical
    dx, dy = p.shoulder[0] - p.disc[0], p.shoulder[1] - p.disc[1]
    assert math.degrees(math.atan2(dx, dy)) == pytest.approx(40)


def test_bars_name_the_niosh_limit_and_wilkes_measured_value():
    load = trunk_load(preset("lift-round-back"))
    svg = bars_svg(load, 2.3)
    assert "NIOSH limit 3,400 N" in svg and "measured 2.30 MPa" in svg
    assert f"{load.compression:,.0f} N" in svg
    with pytest.raises(ValueError, match="load"):
        bars_svg("heavy")


def test_pressure_chart_shows_both_tables_with_their_values():
    fig = pressure_by_posture_figure()
    wilke, nachemson = fig.data
    assert "Wilke" in wilke.name and "Nachemson" in nachemson.name
    sitting = list(wilke.y).index("sitting, no backrest")
    assert wilke.x[sitting] == posture_pressure("sitting", "wilke1999")
    assert nachemson.x[sitting] == pytest.approx(1.4 * 0.5)  # 140 % of standing
    assert "not measured" in nachemson.text


def test_check_table_quotes_the_overshoot_range():
    low, high = overshoot_range()
    assert 1.0 < low < high < 2.0
    assert f"{low:.1f} to {high:.1f} times" in check_table_html()
