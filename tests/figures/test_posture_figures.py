"""The posture drawings and charts: geometry from the model, references from the tables."""

import math
import xml.etree.ElementTree as ET

import pytest

from widgets.data import value
from widgets.figures.posture_bars import bars_svg
from widgets.figures.posture_check import check_table_html, overshoot_range
from widgets.figures.posture_person import (
    BOX,
    SCALE,
    X_RANGE,
    Y_RANGE,
    describe_posture,
    person_points,
    person_svg,
)
from widgets.figures.posture_pressures import pressure_by_posture_figure
from widgets.model.disc_loads import posture_pressure
from widgets.model.trunk import PRESETS, UPPER_BODY_OFFSET, TrunkPosture, preset, trunk_load
from widgets.model.trunk_segments import G, body


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


def test_check_table_quotes_the_range_and_its_verdict():
    low, high = overshoot_range()
    assert 0.75 < low < high < 1.25  # the loaded postures agree within a quarter
    table = check_table_html()
    assert f"{low:.1f} to {high:.1f} times" in table
    assert "within a quarter of it" in table and "overshoots" not in table


# --- sitting and standing -------------------------------------------------------------------

SITTING = [n for n in PRESETS if n.startswith("sitting-")]
STANDING = [n for n in PRESETS if n not in SITTING]


def _segment(name):
    """A de Leva length from trunk.csv at the default height (1.741 m, the reference)."""
    return value("trunk", name, "length")


def _angle(a, b):
    """Direction of the line a -> b, deg from horizontal (counter-clockwise, y up)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def _joint(a, b, c):
    """Angle at b between the lines b -> a and b -> c, deg (0-180)."""
    u, v = (a[0] - b[0], a[1] - b[1]), (c[0] - b[0], c[1] - b[1])
    cos = (u[0] * v[0] + u[1] * v[1]) / (math.hypot(*u) * math.hypot(*v))
    return math.degrees(math.acos(max(-1.0, min(1.0, cos))))


def test_the_three_sitting_habits_are_presets():
    assert SITTING == ["sitting-upright", "sitting-slumped", "sitting-reclined"]


@pytest.mark.parametrize("name", SITTING)
def test_a_sitting_preset_sits_on_a_stool_to_scale(name):
    posture = preset(name)
    load = trunk_load(posture)
    p = person_points(posture, load.load_lever, seated=True)
    # feet on the floor, shins and thighs keep de Leva's lengths
    assert p.ankle[1] == 0.0
    assert math.dist(p.ankle, p.knee) == pytest.approx(_segment("shank"))
    assert math.dist(p.knee, p.hip) == pytest.approx(_segment("thigh"))
    # hips on the seat: with the shins upright the seat is one shank above the floor (0.43 m,
    # a usual chair height)
    assert p.seat is not None and p.hip[1] == pytest.approx(p.seat)
    assert p.seat == pytest.approx(_segment("shank"))
    assert 0.38 < p.seat < 0.50
    # thighs level (within 3 deg) and forward of the hips; knees and hips bent about 90 deg
    assert p.knee[0] > p.hip[0]
    assert abs(_angle(p.hip, p.knee)) < 3
    assert _joint(p.hip, p.knee, p.ankle) == pytest.approx(90, abs=5)
    assert _joint(p.disc, p.hip, p.knee) == pytest.approx(90, abs=5)
    # the model has no pelvis: the lower trunk stays upright above the hips in every sitting
    assert p.disc[0] == pytest.approx(p.hip[0])
    assert p.disc[1] - p.hip[1] == pytest.approx(_segment("lower_trunk"))
    # above the disc the upper body leans by the preset's flexion, at the model's length
    assert 90 - _angle(p.disc, p.shoulder) == pytest.approx(posture.flexion)
    assert math.dist(p.disc, p.shoulder) == pytest.approx(body().shoulder)
    # every point lies in the drawn frame
    for x, y in (p.ankle, p.knee, p.hip, p.disc, p.shoulder, p.head, p.hand):
        assert X_RANGE[0] < x < X_RANGE[1] and Y_RANGE[0] < y < Y_RANGE[1]


@pytest.mark.parametrize("name", SITTING)
def test_the_sitting_picture_gives_the_models_moment(name):
    # the forward moment about the disc, summed from the drawn points, is the model's: the
    # upper body's centre along the drawn trunk (plus the 2 cm upright offset), the arms'
    # centre under the drawn hanging hands
    posture = preset(name)
    load = trunk_load(posture)
    p = person_points(posture, load.load_lever, seated=True)
    person = body(posture.body_mass, posture.height)
    tilt = math.radians(90 - _angle(p.disc, p.shoulder))
    trunk_x = person.trunk_com * math.sin(tilt) + UPPER_BODY_OFFSET * math.cos(tilt)
    drawn = G * (person.trunk_mass * trunk_x + person.arms_mass * (p.hand[0] - p.disc[0]))
    assert drawn == pytest.approx(load.moment)
    assert p.hand[0] == pytest.approx(p.shoulder[0])  # the arms hang, beside the stool


def test_slumped_and_upright_sitting_differ_only_above_the_disc():
    upright = person_points(preset("sitting-upright"), 0.0, seated=True)
    slumped = person_points(preset("sitting-slumped"), 0.0, seated=True)
    reclined = person_points(preset("sitting-reclined"), 0.0, seated=True)
    for other in (slumped, reclined):
        assert (other.ankle, other.knee, other.hip, other.disc, other.seat) == (
            upright.ankle,
            upright.knee,
            upright.hip,
            upright.disc,
            upright.seat,
        )
    assert upright.shoulder[0] == pytest.approx(0)  # straight above the disc
    assert slumped.shoulder[0] > 0 > reclined.shoulder[0]


@pytest.mark.parametrize("name", SITTING)
def test_the_sitting_svg_draws_the_stool_under_the_hips(name):
    posture = preset(name)
    load = trunk_load(posture)
    svg = person_svg(posture, load, seated=True)
    root = ET.fromstring(svg)
    label = root.get("aria-label")
    assert "sitting on a stool without a backrest" in label and "knees bent 90°" in label
    ns = {"s": "http://www.w3.org/2000/svg"}
    seat = root.find(".//s:g[@class='gs-posture-stool']/s:rect", ns)
    assert seat is not None
    p = person_points(posture, load.load_lever, seated=True)
    x, top = float(seat.get("x")), float(seat.get("y"))
    hip_x = (p.hip[0] - X_RANGE[0]) * SCALE
    hip_y = (Y_RANGE[1] - p.hip[1]) * SCALE
    assert x < hip_x < x + float(seat.get("width"))  # the seat is under the hips
    assert 0 < top - hip_y <= 6  # its top touches the thigh line (11 px wide) from below
    floor = (Y_RANGE[1] - 0.0) * SCALE
    legs = root.findall(".//s:g[@class='gs-posture-stool']/s:line", ns)
    assert len(legs) == 2 and all(float(leg.get("y2")) == pytest.approx(floor) for leg in legs)


@pytest.mark.parametrize("name", STANDING)
def test_a_standing_preset_stands_with_the_feet_under_the_hips(name):
    posture = preset(name)
    load = trunk_load(posture)
    p = person_points(posture, load.load_lever)
    assert p.seat is None and p.ankle == (0.0, 0.0)
    assert p.hip[0] == pytest.approx(p.ankle[0])  # hips above the ankles, as the model has
    assert p.hip[1] > _segment("shank")  # higher than any seat
    svg = person_svg(posture, load)
    assert "gs-posture-stool" not in svg and "sitting" not in svg
    assert f"knees bent {posture.knee_bend:.0f}°" in svg


def test_a_sitting_person_can_lift_a_load_at_the_models_lever():
    posture = TrunkPosture(flexion=30, load=10, load_distance=0.3)
    load = trunk_load(posture)
    p = person_points(posture, load.load_lever, seated=True)
    assert p.load is not None and p.load[0] == pytest.approx(load.load_lever)
    assert math.dist(p.shoulder, p.hand) == pytest.approx(
        sum(_segment(s) for s in ("upper_arm", "forearm", "hand"))
    )
    assert p.load[1] - BOX[1] / 2 > 0  # the crate is above the floor
    assert f"lever {load.load_lever:.2f} m" in person_svg(posture, load, seated=True)


@pytest.mark.parametrize("bad", [1, 0, "yes", None, 1.0])
def test_seated_must_be_true_or_false(bad):
    posture = preset("sitting-upright")
    load = trunk_load(posture)
    with pytest.raises(ValueError, match="seated must be True or False"):
        person_points(posture, 0.0, seated=bad)
    with pytest.raises(ValueError, match="seated must be True or False"):
        person_svg(posture, load, seated=bad)
    with pytest.raises(ValueError, match="seated must be True or False"):
        describe_posture(posture, load, seated=bad)
    with pytest.raises(TypeError):
        person_points(posture, 0.0, True)  # keyword only
