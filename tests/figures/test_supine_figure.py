"""The chain plot draws the soft tissue, the pillow and where the body rests."""

import numpy as np
import pytest

from widgets.figures.supine_figure import supine_figure
from widgets.model.supine import SupineParams, supine_pose

PARAMS = SupineParams()
POSES = [("rest", supine_pose(PARAMS)), ("top of the lift", supine_pose(PARAMS, 1.0, 0.0))]


def outlines(trace):
    """The closed outlines of a trace whose outlines are separated by None, each (n, 2)."""
    out, current = [], []
    for x, y in zip(trace.x, trace.y, strict=True):
        if x is None:
            out.append(np.array(current))
            current = []
        else:
            current.append((x, y))
    if current:
        out.append(np.array(current))
    return out


def test_each_pose_has_its_soft_tissue_filled_and_on_the_models_outlines():
    fig = supine_figure(POSES)
    for label, pose in POSES:
        trace = next(t for t in fig.data if t.name == f"{label}: soft tissue")
        assert trace.fill == "toself"
        assert trace.legendgroup == label
        drawn = outlines(trace)
        assert len(drawn) == len(pose.tissue) == 3
        for got, want in zip(drawn, pose.tissue.values(), strict=True):
            np.testing.assert_allclose(got[:-1], want)  # closed: the first point repeated
            np.testing.assert_allclose(got[-1], want[0])


def test_the_pillow_is_a_filled_block_of_the_pillow_height_under_the_head():
    fig = supine_figure(POSES)
    pillow = next(t for t in fig.data if t.name.startswith("pillow"))
    assert pillow.fill == "toself"
    assert "50 mm" in pillow.name
    assert max(pillow.y) == pytest.approx(PARAMS.pillow)
    assert min(pillow.y) == pytest.approx(0.0)
    head = POSES[0][1].tissue["scalp"]
    contact = head[np.argmin(head[:, 1]), 0]
    assert min(pillow.x) < contact < max(pillow.x)
    # no pillow: no block (the head lies on the bed)
    flat = supine_figure([("rest", supine_pose(SupineParams(pillow=0)))])
    assert not any(t.name.startswith("pillow") for t in flat.data)


def test_the_contacts_are_marked_on_the_bed_and_on_the_pillow():
    fig = supine_figure(POSES)
    marks = next(t for t in fig.data if t.name.startswith("rests on"))
    assert list(marks.customdata) == [
        "buttocks on the bed",
        "upper back on the bed",
        "scalp on the pillow",
    ]
    # within the model's 0.5 mm of the bed (y = 0) and of the pillow's top
    assert list(marks.y) == pytest.approx([0.0, 0.0, PARAMS.pillow], abs=0.5)
    x_bed = next(t for t in fig.data if t.name == "bed").x
    assert all(x_bed[0] < x < x_bed[1] for x in marks.x)


def test_a_head_the_neck_cannot_bring_down_gets_no_contact_mark():
    pose = supine_pose(SupineParams(spine="hyperkyphosis", pillow=0.0))
    assert not pose.head_supported  # the neck is at its extension limit, the head above the bed
    fig = supine_figure([("no pillow", pose)])
    marks = next(t for t in fig.data if t.name.startswith("rests on"))
    assert list(marks.customdata) == ["buttocks on the bed", "upper back on the bed"]


def test_a_propped_upper_back_is_marked_on_the_pillow_where_it_touches():
    # the adult on a 150 mm pillow with the deepest breath and the full lift: the neck cannot
    # reach the pillow, so the pillow props the shoulders and the upper back rests on it
    params = SupineParams(pillow=150.0, lift_range=15.0, breath_depth=16.0)
    pose = supine_pose(params)
    assert pose.prop == 150.0
    assert pose.rests_on["upper back"] == "pillow"
    fig = supine_figure([("propped", pose)])
    marks = next(t for t in fig.data if t.name.startswith("rests on"))
    assert list(marks.customdata) == [
        "buttocks on the bed",
        "upper back on the pillow",
        "scalp on the pillow",
    ]
    assert list(marks.y) == pytest.approx([0.0, pose.prop, pose.prop], abs=0.5)
    # the upper back's mark is over the pillow (up to its end toward the feet), on the
    # outline's edge, while its lowest point hangs well above the bed, past the pillow
    edge = pose.pillow[:, 0].max()
    back = pose.tissue["upper back"]
    assert pose.pillow[:, 0].min() < marks.x[1] <= edge + 1e-9
    a, b = back, np.roll(back, -1, axis=0)
    ab, ap = b - a, np.array([marks.x[1], marks.y[1]]) - a
    t = np.clip(np.einsum("ij,ij->i", ap, ab) / np.einsum("ij,ij->i", ab, ab), 0.0, 1.0)
    assert np.linalg.norm(a + t[:, None] * ab - [marks.x[1], marks.y[1]], axis=1).min() < 1e-6
    lowest = back[np.argmin(back[:, 1])]
    assert lowest[0] > edge
    assert lowest[1] > 10.0


def test_rests_on_follows_the_prop():
    flat = POSES[0][1]
    assert flat.prop == 0.0
    assert dict(flat.rests_on) == {"buttocks": "bed", "upper back": "bed", "scalp": "pillow"}
