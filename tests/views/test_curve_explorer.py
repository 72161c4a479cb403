import itertools

import numpy as np
import pytest

import widgets
from widgets.figures.spine_figure import spine_figure
from widgets.model.development import AGE_RANGE_MONTHS, anchors, at_age, geometry_at_age
from widgets.views.curve_explorer import (
    ADULT_RANGES,
    ADULT_TYPES,
    CurveExplorer,
    age_label,
    angle_status,
    curve_explorer,
    curves_figure,
    readout_html,
    slider_ages,
    spine_xy,
)


def coordinates(fig):
    return [np.asarray(t.x, dtype=float).copy() for t in fig.data]


def traces(fig, kind):
    return [t for t in fig.data if t.meta and t.meta.get("kind") == kind]


# --- the slider redraws the figures in place --------------------------------------------


def test_slider_change_moves_the_spine_and_the_age_marker():
    view = curve_explorer()
    spine, chart = view.spine, view.chart
    before = coordinates(spine)
    view.slider.value = 36.0
    after = coordinates(spine)
    assert view.spine is spine and view.chart is chart, "the widgets are updated, not replaced"
    assert any(not np.allclose(a, b) for a, b in zip(before, after, strict=True))
    (dots,) = traces(chart, "age-dots")
    params = at_age(36)
    assert list(dots.y) == pytest.approx(
        [params.cervical_lordosis, params.thoracic_kyphosis, params.lumbar_lordosis]
    )
    marker = next(s for s in chart.layout.shapes if s.name == "age-marker")
    assert marker.x0 == pytest.approx(np.sqrt(36))
    note = next(a for a in chart.layout.annotations if a.name == "age-marker")
    assert "3 years" in note.text
    assert "3 years" in view.age_text.value
    assert "The model at 3 years" in view.readout.value


def test_redrawn_spine_equals_a_freshly_built_figure_at_that_age():
    view = CurveExplorer()
    view.slider.value = 68.0
    fresh = spine_figure(geometry_at_age(68))
    assert len(view.spine.data) == len(fresh.data)
    for mine, theirs in zip(view.spine.data, fresh.data, strict=True):
        assert list(mine.x) == pytest.approx(list(theirs.x))
        assert list(mine.y) == pytest.approx(list(theirs.y))
    labels = " ".join(a.text for a in view.spine.layout.annotations)
    assert "At 5 years 8 months" in labels
    assert "33°" in labels  # lumbar lordosis at 68 months (Ren 2024)


def test_spine_xy_has_one_entry_per_trace_of_the_spine_figure():
    geom = geometry_at_age(0)
    assert len(spine_xy(geom)) == len(spine_figure(geom).data)


def test_newborn_and_adult_spines_differ():
    first = spine_xy(geometry_at_age(0))
    last = spine_xy(geometry_at_age(240))
    assert any(not np.allclose(a[1], b[1]) for a, b in zip(first, last, strict=True))


def test_show_age_rounds_to_the_nearest_stop_and_keeps_the_slider_in_step():
    view = CurveExplorer()
    view.show_age(37)
    assert view.slider.value == 36.0
    assert view.age_months == 36.0


# --- age labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("months", "text"),
    [
        (0, "0 months (newborn)"),
        (1, "1 month"),
        (8, "8 months"),
        (8.2, "8.2 months"),
        (23, "23 months"),
        (24, "2 years"),
        (42, "3 years 6 months"),
        (61, "5 years 1 month"),
        (222, "18 years 6 months"),
        (240, "20 years (adult)"),
    ],
)
def test_age_label_is_readable(months, text):
    assert age_label(months) == text


def test_slider_stops_are_dense_early_and_include_every_anchor():
    stops = slider_ages()
    assert stops[0] == 0.0 and stops[-1] == 240.0
    assert all(b > a for a, b in itertools.pairwise(stops))
    assert set(range(25)) <= set(stops)  # monthly for the first two years
    for parameter in ("cervical_lordosis", "thoracic_kyphosis", "lumbar_lordosis"):
        assert {a.age_months for a in anchors(parameter)} <= set(stops)


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [-1, 241, 300.0, float("nan"), "ten"])
def test_age_outside_the_range_gives_a_clear_error(bad):
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        curve_explorer(bad)
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        CurveExplorer().show_age(bad)
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        age_label(bad)


def test_unknown_adult_type_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid adult types: adult-mean, roussouly-1"):
        curve_explorer(adult_type="newborn")
    with pytest.raises(ValueError, match="unknown adult type"):
        CurveExplorer().show_type("baby")


# --- the preset picker ----------------------------------------------------------------------


def test_picker_offers_the_adult_types_and_redraws_their_spine_and_table():
    view = CurveExplorer()
    assert [value for _, value in view.picker.options] == list(ADULT_TYPES)
    figure = view.preset_spine
    before = coordinates(figure)
    view.picker.value = "roussouly-4"
    assert view.preset_spine is figure
    assert any(not np.allclose(a, b) for a, b in zip(before, coordinates(figure), strict=True))
    assert "Roussouly type 4" in view.preset_table.value
    assert "Laouissat" in view.preset_table.value
    notes = " ".join(a.text for a in figure.layout.annotations)
    assert "PI 62°" in notes and "Roussouly type 4" in notes


def test_show_type_keeps_the_picker_in_step():
    view = CurveExplorer()
    view.show_type("hyperkyphosis")
    assert view.picker.value == "hyperkyphosis"
    assert "Thoracic kyphosis" in view.preset_table.value


def test_age_and_picker_are_independent():
    view = CurveExplorer(age_months=12, adult_type="flat-back")
    view.slider.value = 24.0
    assert view.picker.value == "flat-back"
    assert "Flat back" in view.preset_table.value


# --- the chart ------------------------------------------------------------------------------


def test_chart_shows_sourced_anchors_with_their_source_and_the_lumbar_sd():
    fig = curves_figure(0)
    sourced = [t for t in traces(fig, "anchors") if t.meta["sourced"]]
    lumbar = next(t for t in sourced if t.meta["parameter"] == "lumbar_lordosis")
    assert any("Shefi et al. 2013" in text for text in lumbar.text)
    assert any("Ren et al. 2024" in text for text in lumbar.text)
    assert lumbar.error_y.array is not None
    errors = dict(zip(np.round(np.square(lumbar.x)), lumbar.error_y.array, strict=True))
    assert errors[36] == 6.0 and errors[68] == 8.7 and errors[222] == 9.0


def test_illustrative_anchors_are_marked_as_such():
    fig = curves_figure(0)
    open_dots = [t for t in traces(fig, "anchors") if not t.meta["sourced"]]
    assert open_dots
    for t in open_dots:
        assert t.marker.symbol == "circle-open"
        assert all("illustrative" in text for text in t.text)


def test_chart_has_the_milestones_and_the_adult_bands():
    fig = curves_figure(0)
    names = {t.meta["name"] for t in traces(fig, "milestone")}
    assert {"head_steady", "walking_alone", "sitting_without_support"} <= names
    bands = {t.meta["parameter"]: t for t in traces(fig, "adult-range")}
    assert set(bands) == set(ADULT_RANGES)
    lumbar = bands["lumbar_lordosis"]
    assert min(lumbar.y) == pytest.approx(49.8 - 11.2)
    assert max(lumbar.y) == pytest.approx(49.8 + 11.2)
    assert "confidence interval" in bands["cervical_lordosis"].hovertemplate
    assert "SD" in bands["thoracic_kyphosis"].hovertemplate


# --- the readout ----------------------------------------------------------------------------


def test_readout_marks_illustrative_and_sourced_values():
    newborn = readout_html(0)
    assert newborn.count("illustrative") >= 5
    assert "bends forward" in newborn
    three = readout_html(36)
    assert "Shefi et al. 2013" in three and "confirmed" in three


def test_angle_status_between_two_sourced_anchors_names_both():
    status, text = angle_status("lumbar_lordosis", 50)
    assert status == "interpolated"
    assert "Shefi et al. 2013" in text and "Ren et al. 2024" in text
    assert angle_status("lumbar_lordosis", 6)[0] == "illustrative"
    assert angle_status("lumbar_lordosis", 240)[0] == "confirmed"


def test_exported_from_the_package():
    assert widgets.curve_explorer is curve_explorer
    assert "curve_explorer" in widgets.__all__
    assert AGE_RANGE_MONTHS == (0.0, 240.0)
