import plotly.graph_objects as go
import pytest

from widgets.figures.spine_figure import PRESET_TITLES, spine_figure
from widgets.model.spine import LEVELS, build_spine
from widgets.model.spine_params import PRESETS


def vertebra_traces(fig, spine):
    return [
        t for t in fig.data if t.meta and t.meta["kind"] == "vertebra" and t.meta["spine"] == spine
    ]


def test_every_vertebra_is_a_named_polygon_with_hover():
    fig = spine_figure("adult-mean")
    traces = vertebra_traces(fig, "Adult (mean)")
    assert [t.name for t in traces] == list(LEVELS)
    for t in traces:
        assert t.fill == "toself"
        assert len(t.x) == 5  # four corners, closed
        assert t.name in t.hovertemplate


def test_figure_is_to_scale_and_transparent():
    fig = spine_figure("adult-mean")
    assert fig.layout.yaxis.scaleanchor == "x"
    assert fig.layout.yaxis.scaleratio == 1
    assert fig.layout.paper_bgcolor == "rgba(0,0,0,0)"
    assert fig.layout.plot_bgcolor == "rgba(0,0,0,0)"


def test_vertebra_coordinates_are_the_model_in_mm():
    fig = spine_figure("adult-mean")
    l5 = build_spine("adult-mean").body("L5")
    trace = next(t for t in vertebra_traces(fig, "Adult (mean)") if t.name == "L5")
    assert trace.x[:4] == pytest.approx(list(l5[:, 0]))
    assert trace.y[:4] == pytest.approx(list(l5[:, 1]))


def test_regional_angles_are_labelled():
    fig = spine_figure("roussouly-4")
    text = " ".join(a.text for a in fig.layout.annotations)
    assert "L1–S1 lordosis<br><b>68°</b>" in text
    assert "T4–T12 kyphosis" in text
    assert "C2–C7 lordosis" in text
    assert "PI 62° = PT 12° + SS 50°" in text


def test_side_by_side_spines_do_not_overlap():
    fig = spine_figure("adult-mean", "newborn")
    left = max(
        max(t.x) for t in fig.data if t.meta and t.meta["spine"] == PRESET_TITLES["adult-mean"]
    )
    right = min(
        min(t.x) for t in fig.data if t.meta and t.meta["spine"] == PRESET_TITLES["newborn"]
    )
    assert right > left


def test_titles_must_match_the_spines():
    with pytest.raises(ValueError, match="2 titles for 1 spines"):
        spine_figure("adult-mean", titles=["a", "b"])


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_draws(name):
    fig = spine_figure(name)
    assert isinstance(fig, go.Figure)
    assert len(vertebra_traces(fig, PRESET_TITLES[name])) == 24
