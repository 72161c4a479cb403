import pytest

from widgets.figures.breath_vs_lift import MEASURES, breath_vs_lift_figure, movement_changes
from widgets.model.supine import SupineParams


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
    assert [t.name for t in fig.data] == [
        "quiet breath (3°)",
        "deepest breath (16°)",
        "waist lift (8°)",
    ]
    for trace in fig.data:
        assert list(trace.x) == list(MEASURES.values())
        assert all(y >= 0 for y in trace.y)
        assert [abs(c) for c in trace.customdata] == pytest.approx(list(trace.y))
