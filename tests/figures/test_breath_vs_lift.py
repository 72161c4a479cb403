import pytest

from widgets.data import value
from widgets.figures.breath_vs_lift import (
    MEASURES,
    breath_vs_lift_figure,
    movement_changes,
    resting_chin,
    resting_chin_note,
)
from widgets.model.supine import SupineParams, supine_pose


def test_breath_changes_the_chin_but_not_the_low_back():
    changes = movement_changes(SupineParams())
    assert changes["breath only"]["lumbar_lordosis"] == pytest.approx(0.0, abs=1e-9)
    assert abs(changes["breath only"]["head_pitch"]) > 0.5
    assert changes["waist lift"]["lumbar_lordosis"] == pytest.approx(8.0)


def test_deeper_breaths_move_the_chin_more():
    quiet = movement_changes(SupineParams(breath_depth=3))["breath only"]["head_pitch"]
    deep = movement_changes(SupineParams(breath_depth=16))["breath only"]["head_pitch"]
    assert abs(deep) > abs(quiet)


def test_figure_has_three_groups_with_sizes_and_signed_hover():
    fig = breath_vs_lift_figure()
    assert len(fig.data) == 3
    for trace in fig.data:
        assert list(trace.x) == list(MEASURES.values())
        assert all(y >= 0 for y in trace.y)
        assert [abs(c) for c in trace.customdata] == pytest.approx(list(trace.y))


@pytest.mark.parametrize(("quiet", "deep", "lift"), [(3, 16, 8), (1.5, 12, 15)])
def test_each_legend_label_says_what_its_angle_measures(quiet, deep, lift):
    # The breaths are set as upper-back straightening, the lift as extra low-back curve:
    # three different angles, so each label names its part of the spine, its value and unit.
    names = [t.name for t in breath_vs_lift_figure(quiet, deep, lift).data]
    quiet_name, deep_name, lift_name = names
    assert (
        quiet_name.startswith("quiet breath") and f"upper back straightens {quiet:g}°" in quiet_name
    )
    assert (
        deep_name.startswith("deepest breath") and f"upper back straightens {deep:g}°" in deep_name
    )
    assert lift_name.startswith("waist lift") and f"low back curves {lift:g}° more" in lift_name


def test_default_settings_are_the_sourced_rows_of_the_lying_model():
    names = [t.name for t in breath_vs_lift_figure().data]
    assert f"{value('supine', 'breath_depth_default'):g}°" in names[0]
    assert f"{value('supine', 'breath_depth_max'):g}°" in names[1]  # Burgos 2021: 16 deg
    assert f"{value('supine', 'lift_range_default'):g}°" in names[2]


@pytest.mark.parametrize("pillow", [0.0, 50.0, 100.0])
def test_resting_chin_is_the_chin_of_the_resting_pose(pillow):
    params = SupineParams(pillow=pillow)
    assert resting_chin(params) == supine_pose(params, 0.0, 0.0).readouts["head_pitch"]


def test_a_dashed_line_marks_the_whole_resting_chin_angle_over_the_chin_bars():
    fig = breath_vs_lift_figure()
    rest = resting_chin(SupineParams())
    (line,) = [s for s in fig.layout.shapes if s.name == "resting-chin"]
    assert line.y0 == line.y1 == pytest.approx(abs(rest))
    chin_slot = list(MEASURES).index("head_pitch")
    assert line.x0 < chin_slot < line.x1 < chin_slot + 0.5, "across the chin bars only"
    (label,) = [a for a in fig.layout.annotations if a.name == "resting-chin"]
    deepest = fig.data[1].customdata[chin_slot]
    assert label.text == resting_chin_note(rest, deepest)
    assert f"{abs(rest):.1f}°" in label.text


@pytest.mark.parametrize(
    ("rest", "deepest", "passes", "end"),
    [
        (21.5, -26.0, True, "4.5° chin down"),  # tipped back, turned past straight up
        (21.5, -4.0, False, None),  # a small change stays on the same side
        (21.5, 26.0, False, None),  # further back: never through straight up
        (-10.0, 14.0, True, "4.0° chin up"),  # tucked, turned past straight up the other way
        (-10.0, -20.0, False, None),
    ],
)
def test_the_note_says_when_the_deepest_breath_turns_the_face_past_straight_up(
    rest, deepest, passes, end
):
    note = resting_chin_note(rest, deepest)
    side = "up" if rest >= 0 else "down"
    assert f"{abs(rest):.1f}° chin {side}" in note
    assert ("past looking straight up" in note) is passes
    if passes:
        assert end in note
