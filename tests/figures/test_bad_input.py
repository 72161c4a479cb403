"""Bad input to the figure builders is refused at the call with a ValueError naming it, and text
that reaches plotly or HTML is shown as typed (no markup, no ``%{...}`` template).
"""

import html
import math
import re
import sys

import numpy as np
import plotly.graph_objects as go
import pytest
import traitlets
from hypothesis import given, settings
from hypothesis import strategies as st
from plotly.subplots import make_subplots

from widgets.figures import curves_by_age_milestones as milestones
from widgets.figures import curves_by_age_traces as traces
from widgets.figures.angle_tables import age_readout_html, angle_status, preset_table_html
from widgets.figures.breath_vs_lift import (
    breath_vs_lift_figure,
    movement_changes,
    resting_chin,
    resting_chin_note,
)
from widgets.figures.curves_by_age import age_marker, curves_chart_json, curves_figure
from widgets.figures.curves_by_age_scale import (
    age_axis,
    check_chart,
    curve_colour,
    hover_paragraph,
)
from widgets.figures.spine_drawing import SpineDrawing, spine_frame, spine_scene
from widgets.figures.spine_figure import spine_figure, spine_traces
from widgets.figures.spine_parts import (
    AngleLabel,
    Outline,
    angle_labels,
    angles_sentence,
    outlines,
    side_by_side,
    x_extent,
)
from widgets.figures.supine_figure import supine_figure
from widgets.figures.theme import axis_style, base_layout, check_px, plotly_text, rgba
from widgets.model.development import PARAMETERS
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS, preset
from widgets.model.supine import LIMITS, SupineParams, supine_pose

NOT_A_NUMBER = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.lists(st.floats(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.builds(object),
)
NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
NOT_TEXT = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(max_size=2), max_size=2)
)
#: Text that plotly or a browser would read as markup or a template if it were not escaped.
HEX = re.compile(r"#[0-9a-fA-F]{6}")
NASTY = "%{x} </extra> <b>bold</b> <script>alert(1)</script> & 50 %"

GEOM = build_spine("adult-mean")
FRAME = spine_frame([(GEOM,)], 380)
POSE = supine_pose(SupineParams(), 0.0, 0.0)


def outside(low: float, high: float) -> st.SearchStrategy:
    finite = {"allow_nan": False, "allow_infinity": False}
    return st.one_of(
        st.floats(max_value=low, exclude_max=True, **finite),
        st.floats(min_value=high, exclude_min=True, **finite),
        st.integers(max_value=math.ceil(low) - 1),
        st.integers(min_value=math.floor(high) + 1),
        st.sampled_from([-(2**64), 2**64, 10**400]),  # beyond int64 and beyond a float
    )


def bad_number(low: float, high: float) -> st.SearchStrategy:
    return st.one_of(NOT_A_NUMBER, NOT_FINITE, outside(low, high))


def not_one_of(choices) -> st.SearchStrategy:
    return st.one_of(NOT_TEXT, st.text(max_size=12).filter(lambda s: s not in choices))


#: Values that are not a SpineGeometry (a preset name or the angles are not one either).
NOT_A_GEOMETRY = st.one_of(
    NOT_A_NUMBER, st.just("adult-mean"), st.just(preset("adult-mean")), st.just(POSE)
)


def assert_names(message: str, name: str, bad: object) -> None:
    """The message names the parameter and shows the value (its repr, type or number)."""
    assert name in message, message
    shown = {type(bad).__name__, repr(bad)[:15]}
    if isinstance(bad, int | float) and not isinstance(bad, bool):
        shown.add(f"{float(bad):g}" if abs(bad) <= sys.float_info.max else repr(bad)[:15])
    assert any(s in message for s in shown), message


# --- theme ----------------------------------------------------------------------------------


@given(bad=bad_number(100, 4000))
def test_figure_sizes_are_refused_outside_100_to_4000_px(bad):
    for call, name in (
        (lambda v: check_px("height", v), "height"),
        (lambda v: base_layout(height=v), "height"),
        (lambda v: base_layout(width=v), "width"),
        (lambda v: spine_figure("adult-mean", height=v), "height"),
        (lambda v: supine_figure([("rest", POSE)], height=v), "height"),
        (lambda v: breath_vs_lift_figure(height=v), "height"),
    ):
        with pytest.raises(ValueError, match="allowed range is 100 to 4000 px") as err:
            call(bad)
        assert_names(str(err.value), name, bad)


def test_base_layout_refuses_unknown_properties():
    with pytest.raises(ValueError, match="heigth"):
        base_layout(heigth=300)


@given(
    bad=st.one_of(
        NOT_TEXT, st.text(max_size=8).filter(lambda s: not re.fullmatch(r"#[0-9a-fA-F]{6}", s))
    )
)
def test_rgba_needs_a_hex_colour(bad):
    with pytest.raises(ValueError, match="hex_colour must be '#rrggbb'"):
        rgba(bad, 0.5)


@given(bad=bad_number(0, 1))
def test_rgba_needs_an_opacity_from_0_to_1(bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 1") as err:
        rgba("#2a9d8f", bad)
    assert_names(str(err.value), "alpha", bad)


@given(bad=NOT_TEXT)
def test_axis_titles_and_plotly_text_must_be_text(bad):
    with pytest.raises(ValueError, match="title must be text"):
        axis_style(bad)
    with pytest.raises(ValueError, match="text must be text"):
        plotly_text(bad)


@given(text=st.text())
def test_plotly_text_reads_back_as_typed_and_holds_no_markup_or_template(text):
    safe = plotly_text(text)
    assert "<" not in safe and ">" not in safe and "%" not in safe
    assert html.unescape(safe) == text


# --- spines ---------------------------------------------------------------------------------


@given(bad=NOT_A_GEOMETRY.filter(lambda v: v != "adult-mean"))
def test_spine_figure_takes_geometries_or_preset_names(bad):
    with pytest.raises(
        ValueError, match=r"must be a SpineGeometry .* or a preset name, got"
    ) as err:
        spine_figure(GEOM, bad)
    assert "spines[1]" in str(err.value)
    assert "valid presets: adult-mean" in str(err.value)


@given(
    bad=st.one_of(
        st.booleans(),
        st.integers(),
        st.text(max_size=3),
        st.lists(st.integers(), min_size=1, max_size=2),
        st.just([]),
        st.just(["a", "b"]),
        st.just([" "]),
    )
)
def test_spine_figure_titles_are_one_text_per_spine(bad):
    with pytest.raises(ValueError, match="titles"):
        spine_figure("adult-mean", titles=bad)


GEOM_CALLS = [
    (outlines, "geom"),
    (x_extent, "geom"),
    (angle_labels, "geom"),
    (angles_sentence, "geom"),
    (lambda g: spine_traces(g, 0.0, "tag"), "geom"),
    (lambda g: side_by_side([GEOM, g]), "geoms[1]"),
    (lambda g: spine_frame([(g,)], 380), "spines[0][0]"),
    (lambda g: spine_scene([g], ["t"], FRAME, 380), "geoms[0]"),
    (lambda g: SpineDrawing(FRAME).draw([g], ["t"]), "geoms[0]"),
]


@pytest.mark.parametrize(("call", "name"), GEOM_CALLS)
@given(bad=NOT_A_GEOMETRY)
def test_a_spine_drawing_needs_a_geometry(call, name, bad):
    with pytest.raises(
        ValueError, match=r"must be a SpineGeometry \(from widgets.build_spine\)"
    ) as err:
        call(bad)
    assert_names(str(err.value), name, bad)


@given(bad=bad_number(-1e5, 1e5))
def test_spine_traces_refuse_a_bad_shift(bad):
    with pytest.raises(ValueError, match="allowed range is -100000 to 100000 mm") as err:
        spine_traces(GEOM, bad, "tag")
    assert_names(str(err.value), "dx", bad)


@given(bad=st.one_of(NOT_TEXT, st.just(" ")))
def test_spine_traces_need_a_tag(bad):
    with pytest.raises(ValueError, match="tag must"):
        spine_traces(GEOM, 0.0, bad)


GOOD_OUTLINE = {
    "name": "L4",
    "kind": "vertebra",
    "region": "lumbar",
    "points": np.zeros((4, 2)),
    "opacity": 0.5,
    "line_width": 1.0,
}


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("name", "", "name must not be empty"),
        ("kind", "muscle", "unknown outline kind 'muscle'; valid outline kinds: bone"),
        ("region", "sacral", "unknown region 'sacral'; valid regions: , cervical"),
        ("points", [[0, 0]], r"points must be a float array of shape \(n, 2\)"),
        ("points", np.zeros((4, 3)), r"points must be a float array of shape \(n, 2\)"),
        ("points", np.array([[0.0, np.nan]]), "of finite mm"),
        ("opacity", 1.5, "opacity = 1.5 is out of range; allowed range is 0 to 1"),
        ("line_width", True, "line_width must be a number, got True"),
    ],
)
def test_an_outline_refuses_each_bad_field(field, bad, message):
    with pytest.raises(ValueError, match=message):
        Outline(**{**GOOD_OUTLINE, field: bad})


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("x", math.nan, "x must be a finite number"),
        ("y", 1e308, "y = 1e[+]308 mm is out of range"),
        ("lines", "57°", "lines must be a list of str, got str '57°'"),
        ("lines", (), "lines needs at least 1 of str"),
        ("region", "neck", "unknown region 'neck'"),
        ("anchor", "left", "unknown anchor 'left'; valid anchors: start, middle, end"),
    ],
)
def test_an_angle_label_refuses_each_bad_field(field, bad, message):
    good = {"x": 0.0, "y": 0.0, "lines": ("a",), "region": "", "anchor": "end"}
    with pytest.raises(ValueError, match=message):
        AngleLabel(**{**good, field: bad})


@given(
    bad=st.one_of(
        NOT_A_NUMBER, st.floats(), st.integers(max_value=199), st.integers(min_value=4001)
    )
)
def test_drawing_widths_are_whole_px_from_200_to_4000(bad):
    for call in (
        lambda v: spine_frame([(GEOM,)], v),
        lambda v: spine_scene([GEOM], ["t"], FRAME, v),
        lambda v: SpineDrawing(FRAME, v),
    ):
        with pytest.raises(ValueError, match="allowed range is 200 to 4000 px") as err:
            call(bad)
        assert_names(str(err.value), "width_px", bad)


@given(
    bad=st.one_of(
        NOT_A_NUMBER.filter(lambda v: not isinstance(v, list)),
        st.lists(st.floats(-100, 100), max_size=6).filter(lambda v: len(v) != 4),
        st.tuples(NOT_FINITE, st.floats(0, 1), st.floats(0, 1), st.floats(0, 1)),
        st.just((10.0, 0.0, 0.0, 10.0)),
        st.just((0.0, 10.0, 5.0, 5.0)),
    )
)
def test_a_drawing_frame_is_four_finite_numbers_with_room(bad):
    for call in (lambda f: spine_scene([GEOM], ["t"], f, 380), SpineDrawing):
        with pytest.raises(ValueError, match="frame"):
            call(bad)


def test_scene_titles_and_description_are_text_one_title_per_spine():
    with pytest.raises(ValueError, match="titles must be a list of str, got str 'Adult'"):
        spine_scene([GEOM], "Adult", FRAME, 380)
    with pytest.raises(ValueError, match="titles: got 2 titles for 1 spines"):
        spine_scene([GEOM], ["a", "b"], FRAME, 380)
    with pytest.raises(ValueError, match=r"titles\[0\] must be text"):
        SpineDrawing(FRAME).draw([GEOM], [None])
    with pytest.raises(ValueError, match="description must be text"):
        SpineDrawing(FRAME, 380, None)
    with pytest.raises(ValueError, match="geoms needs at least 1"):
        spine_scene([], [], FRAME, 380)


def test_the_scene_is_computed_and_cannot_be_set_from_python():
    drawing = SpineDrawing(FRAME)
    drawing.draw([GEOM], ["Adult"])
    with pytest.raises(traitlets.TraitError, match="read-only"):
        drawing.scene = {}
    assert drawing.scene["spines"][0]["title"] == "Adult"
    with pytest.raises(TypeError, match="unexpected keyword argument 'layout'"):
        SpineDrawing(FRAME, layout={})


# --- lying figures --------------------------------------------------------------------------


@given(
    bad=st.one_of(
        NOT_A_NUMBER,
        st.just([]),
        st.just([POSE]),
        st.just([("rest", GEOM)]),
        st.just([(3, POSE)]),
        st.just([("", POSE)]),
        st.just(go.Figure()),
    )
)
@settings(max_examples=40)
def test_supine_figure_takes_labelled_poses(bad):
    with pytest.raises(ValueError, match="poses"):
        supine_figure(bad)


@given(bad=st.one_of(NOT_A_NUMBER, st.just(preset("adult-mean"))))
def test_movement_changes_need_lying_settings(bad):
    with pytest.raises(ValueError, match=r"params must be SupineParams") as err:
        movement_changes(bad)
    assert_names(str(err.value), "params", bad)


@given(bad=st.one_of(NOT_A_NUMBER, st.just(preset("adult-mean"))))
def test_resting_chin_needs_lying_settings(bad):
    with pytest.raises(ValueError, match=r"params must be SupineParams") as err:
        resting_chin(bad)
    assert_names(str(err.value), "params", bad)


@pytest.mark.parametrize("name", ["rest", "deepest"])
@given(data=st.data())
@settings(max_examples=40)
def test_resting_chin_note_refuses_angles_outside_a_half_turn(name, data):
    bad = data.draw(bad_number(-90, 90))
    angles = {"rest": 20.0, "deepest": -5.0, name: bad}
    with pytest.raises(ValueError, match="allowed range is -90 to 90 deg") as err:
        resting_chin_note(**angles)
    assert_names(str(err.value), name, bad)


@pytest.mark.parametrize(
    ("name", "limit"),
    [("quiet", "breath_depth"), ("deep", "breath_depth"), ("lift", "lift_range")],
)
@given(data=st.data())
@settings(max_examples=40)
def test_breath_vs_lift_refuses_angles_outside_the_model(name, limit, data):
    low, high = LIMITS[limit]
    bad = data.draw(bad_number(low, high))
    with pytest.raises(ValueError, match=f"allowed range is {low:g} to {high:g} deg") as err:
        breath_vs_lift_figure(**{name: bad})
    assert_names(str(err.value), name, bad)


# --- the curves by age ----------------------------------------------------------------------


@pytest.mark.parametrize("call", [age_marker, curves_figure, curves_chart_json, age_axis])
@given(bad=bad_number(0, 240).filter(lambda v: not isinstance(v, list)))
@settings(max_examples=40)
def test_chart_ages_are_0_to_240_months(call, bad):
    with pytest.raises(ValueError, match="0 to 240") as err:
        call(bad)
    assert "age" in str(err.value)


def test_age_axis_takes_arrays_and_names_a_bad_age():
    assert age_axis(np.array([0.0, 4.0])).tolist() == [0.0, 2.0]
    assert isinstance(age_axis(16), float)
    with pytest.raises(ValueError, match=r"ages\[1\] = -1 months is out of range"):
        age_axis(np.array([4.0, -1.0]))


@given(bad=not_one_of(("cervical_lordosis", "thoracic_kyphosis", "lumbar_lordosis")))
def test_curve_colour_lists_the_curves(bad):
    with pytest.raises(ValueError, match=r"^parameter = .* is not a curve; valid curves: cervical"):
        curve_colour(bad)


@given(bad=st.one_of(NOT_A_NUMBER, st.floats(), st.integers(max_value=9), st.integers(1001)))
def test_hover_paragraph_width_is_a_whole_number_of_characters(bad):
    with pytest.raises(ValueError, match="allowed range is 10 to 1000 characters") as err:
        hover_paragraph("some text", bad)
    assert_names(str(err.value), "width", bad)


@given(text=st.text(max_size=200))
def test_hover_paragraph_shows_any_text_as_typed(text):
    safe = hover_paragraph(text, 20)
    lines = safe.split("<br>")
    assert all("<" not in line and "%" not in line for line in lines)
    shown = "".join(html.unescape(line) for line in lines)
    assert "".join(shown.split()) == "".join(text.split())


FIGURE_CALLS = [
    traces.add_adult_bands,
    traces.add_model_curves,
    traces.add_anchor_dots,
    traces.add_legend,
    milestones.add_milestones,
    milestones.add_age_notes,
    lambda fig: check_chart("fig", fig),
]


@pytest.mark.parametrize("call", FIGURE_CALLS)
@given(bad=st.one_of(NOT_A_NUMBER, st.just(go.Figure()), st.just(make_subplots(rows=1, cols=2))))
@settings(max_examples=30)
def test_chart_parts_need_the_two_panel_figure(call, bad):
    with pytest.raises(ValueError, match=r"fig must be a plotly figure with two panels"):
        call(bad)


def test_chart_parts_draw_on_the_two_panel_figure():
    fig = make_subplots(rows=2, cols=1)
    for call in FIGURE_CALLS:
        call(fig)
    assert len(fig.data) > 10


@given(bad=not_one_of(PRESETS))
def test_preset_tables_list_the_presets(bad):
    with pytest.raises(ValueError, match="valid presets: adult-mean"):
        preset_table_html(bad)


@given(bad=not_one_of(PARAMETERS))
def test_angle_status_takes_the_five_angles_only(bad):
    with pytest.raises(ValueError, match=r"unknown parameter .*; valid parameters: cervical"):
        angle_status(bad, 12.0)


def test_angle_status_refuses_a_spread_which_is_not_an_angle():
    with pytest.raises(ValueError, match="unknown parameter 'lumbar_lordosis_sd'"):
        angle_status("lumbar_lordosis_sd", 30.0)


@pytest.mark.parametrize("call", [age_readout_html, lambda m: angle_status("lumbar_lordosis", m)])
@given(bad=bad_number(0, 240))
def test_readout_ages_are_0_to_240_months(call, bad):
    with pytest.raises(ValueError, match="allowed range is 0 to 240 months") as err:
        call(bad)
    assert_names(str(err.value), "age_months", bad)


# --- text is shown as typed -----------------------------------------------------------------

#: The variables our own hover templates use; any other ``%{...}`` came from text.
OUR_VARIABLES = {"%{x}", "%{y:.0f}", "%{text}", "%{customdata}", "%{customdata:+.1f}"}


def templates(fig: go.Figure) -> list[str]:
    return [t.hovertemplate for t in fig.data if t.hovertemplate]


def assert_plotly_safe(template: str) -> None:
    """Only our own variables, one ``<extra>`` box at the end, no tag but our markup."""
    assert set(re.findall(r"%\{[^}]*\}", template)) <= OUR_VARIABLES, template
    assert template.count("<extra>") == 1 and template.endswith("</extra>"), template
    tags = set(re.findall(r"</?([a-z]+)", template))
    assert tags <= {"b", "br", "extra"}, template


@given(title=st.text(min_size=1).filter(str.strip))
@settings(max_examples=30)
def test_spine_titles_reach_plotly_as_typed(title):
    fig = spine_figure("adult-mean", titles=[title])
    for template in templates(fig):
        assert_plotly_safe(template)
    heading = fig.layout.annotations[-1].text
    assert heading.startswith("<b>") and heading.endswith("</b>")
    assert html.unescape(heading[3:-4]) == title
    assert "%" not in heading and "<script" not in heading


def test_nasty_text_in_every_plotly_place_is_escaped():
    fig = spine_figure("adult-mean", titles=[NASTY])
    lying = supine_figure([(NASTY, POSE)])
    for template in templates(fig) + templates(lying):
        assert_plotly_safe(template)
    pose_trace = next(t for t in lying.data if t.legendgroup and t.showlegend is not False)
    assert pose_trace.name == plotly_text(NASTY)
    for trace in lying.data:
        assert "%" not in trace.name.replace("&#37;", "") and "<" not in trace.name
    title = axis_style(NASTY)["title"]
    assert html.unescape(title["text"]) == NASTY and "<" not in title["text"]


def test_the_curves_chart_reads_no_template_from_its_notes_and_sources():
    for template in templates(curves_figure(30.0)):
        assert_plotly_safe(template)
    for trace in curves_figure(0.0).data:
        for text in trace.text or ():
            assert "<script" not in str(text) and "%{" not in str(text)
