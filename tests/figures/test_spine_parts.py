import numpy as np
import pytest

from widgets.figures.spine_figure import spine_figure
from widgets.figures.spine_parts import (
    GAP_MM,
    angle_labels,
    angles_sentence,
    outlines,
    side_by_side,
    x_extent,
)
from widgets.model import measure
from widgets.model.spine import LEVELS, build_spine


def test_outlines_are_drawn_back_to_front_and_name_every_part():
    geom = build_spine("adult-mean")
    parts = outlines(geom)
    assert [p.name for p in parts[:4]] == ["pelvis", "femoral head", "skull", "sacrum"]
    assert [p.name for p in parts[4:27]] == [f"disc {d}" for d in geom.disc_names]
    assert [p.name for p in parts[27:]] == list(LEVELS)
    l4 = parts[27 + LEVELS.index("L4")]
    assert (l4.kind, l4.region, l4.hover) == ("vertebra", "lumbar", "L4 (lumbar)")
    assert np.array_equal(l4.points, geom.body("L4"))


def test_the_plotly_figure_follows_the_same_order():
    geom = build_spine("roussouly-2")
    fig = spine_figure(geom)
    names = [t.name for t in fig.data]
    assert names == [p.name for p in outlines(geom)] + ["hip axis"]


def test_angle_labels_give_the_measured_angles_left_of_their_region():
    geom = build_spine("roussouly-4")
    *curves, pelvis = angle_labels(geom)
    assert [c.lines[0] for c in curves] == ["C2–C7 lordosis", "T4–T12 kyphosis", "L1–S1 lordosis"]
    assert curves[2].lines[1] == f"{measure.lumbar_lordosis(geom):.0f}°" == "68°"
    lumbar_x = geom.body_corners[[r == "lumbar" for r in geom.regions]][..., 0]
    assert curves[2].x < lumbar_x.min() and curves[2].anchor == "end"
    assert pelvis.lines == ("PI 62° = PT 12° + SS 50°",)
    assert "L1–S1 lordosis 68°" in angles_sentence(geom)


def test_side_by_side_leaves_the_gap_between_spines():
    geoms = [build_spine("adult-mean"), build_spine("newborn"), build_spine("flat-back")]
    shifts = side_by_side(geoms)
    assert shifts[0] == 0.0
    for (a, da), (b, db) in zip(
        zip(geoms, shifts, strict=True), zip(geoms[1:], shifts[1:], strict=True), strict=False
    ):
        assert x_extent(b)[0] + db - (x_extent(a)[1] + da) == pytest.approx(GAP_MM)
