import asyncio
import concurrent.futures

import numpy as np
import pytest
import traitlets

import widgets
from widgets.figures.curves_by_age import PLOTLY_MIME
from widgets.figures.spine_drawing import spine_scene
from widgets.model.ages import age_label, age_stops
from widgets.model.development import at_age, geometry_at_age
from widgets.model.spine import build_spine
from widgets.views.curve_explorer import (
    ADULT_TYPES,
    AfterPause,
    CurveExplorer,
    curve_explorer,
)


def chart(view):
    (output,) = view.chart.outputs
    return output["data"][PLOTLY_MIME]


def marker(view):
    fig = chart(view)
    dots = next(t for t in fig["data"] if (t.get("meta") or {}).get("kind") == "age-dots")
    line = next(s for s in fig["layout"]["shapes"] if s.get("name") == "age-marker")
    note = next(a for a in fig["layout"]["annotations"] if a.get("name") == "age-marker")
    return dots, line, note


def vertebra(scene, level):
    shapes = scene["spines"][0]["shapes"]
    return np.array(next(s for s in shapes if s["name"] == level)["points"]).reshape(-1, 2)


# --- the slider redraws the spine, the chart's marker and the readout ------------------


def test_slider_change_morphs_the_spine_and_moves_the_marker():
    view = curve_explorer()
    spine, output = view.spine, view.chart
    before = vertebra(view.spine.scene, "L3")
    view.slider.value = 36.0
    assert view.spine is spine and view.chart is output, "the widgets are updated, not replaced"
    after = vertebra(view.spine.scene, "L3")
    assert not np.allclose(before, after)
    assert after == pytest.approx(geometry_at_age(36).body("L3") * [1, -1], abs=0.051)
    dots, line, note = marker(view)
    params = at_age(36)
    assert dots["y"] == pytest.approx(
        [params.cervical_lordosis, params.thoracic_kyphosis, params.lumbar_lordosis]
    )
    assert line["x0"] == pytest.approx(np.sqrt(36))
    assert "3 years" in note["text"]
    assert view.slider.label == "3 years"
    assert "The model at 3 years" in view.readout.value


def test_redrawn_spine_equals_a_fresh_scene_at_that_age():
    view = CurveExplorer()
    view.slider.value = 68.0
    fresh = spine_scene(
        [geometry_at_age(68)], ["At 5 years 8 months"], view.spine.frame, view.spine.width_px
    )
    assert view.spine.scene["spines"] == fresh["spines"]
    labels = [line for label in view.spine.scene["spines"][0]["labels"] for line in label["lines"]]
    assert "33°" in labels  # lumbar lordosis at 68 months (Ren 2024)
    assert view.spine.scene["spines"][0]["title"] == "At 5 years 8 months · 67 % of adult size"


def test_the_spine_keeps_its_frame_from_birth_to_adulthood():
    view = CurveExplorer()
    box = view.spine.scene["viewBox"]
    for age in (0.0, 12.0, 240.0):
        view.slider.value = age
        assert view.spine.scene["viewBox"] == box


def test_show_age_rounds_to_the_nearest_stop_and_keeps_the_slider_in_step():
    view = CurveExplorer()
    view.show_age(37)
    assert view.slider.value == 36.0
    assert view.age_months == 36.0
    assert marker(view)[1]["x0"] == pytest.approx(6.0)


# --- the chart follows a move at once, a drag when it stops ------------------------------


def in_a_fresh_thread(run):
    # A thread of its own has no running event loop, whatever ran before in this process
    # (Playwright's sync API leaves one running in the main thread after browser tests).
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(run).result()


def test_the_chart_follows_a_single_move_at_once_and_a_drag_when_it_stops():
    seen = []

    async def moves():
        chart = AfterPause(seen.append, 0.05)
        chart(1.0)  # after a pause: at once
        assert seen == [1.0]
        for value in (2.0, 3.0, 4.0):  # a drag: moves closer together than the pause
            chart(value)
            await asyncio.sleep(0.01)
        assert seen == [1.0]
        await asyncio.sleep(0.3)
        assert seen == [1.0, 4.0]  # once, with the newest value
        chart(5.0)  # a new move after a pause: at once
        assert seen == [1.0, 4.0, 5.0]

    in_a_fresh_thread(lambda: asyncio.run(moves()))


def test_outside_an_event_loop_the_chart_follows_every_change():
    def moves():
        view = CurveExplorer()
        for age in (1.0, 2.0, 3.0):
            view.slider.value = age
            assert marker(view)[1]["x0"] == pytest.approx(np.sqrt(age))

    in_a_fresh_thread(moves)


# --- the age slider -----------------------------------------------------------------------


def test_the_slider_offers_every_stop_with_a_readable_label():
    view = CurveExplorer(age_months=42)
    slider = view.slider
    assert slider.stops == list(age_stops())
    assert slider.labels == [age_label(a) for a in age_stops()]
    assert slider.value == 42.0 and slider.label == "3 years 6 months"
    assert slider.description == "Age"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (37.0, r"age_months = 37 is not a stop of the slider.*0 to 240 months"),
        (300.0, r"age_months = 300 months is out of range; allowed range is 0 to 240 months"),
        ("ten", r"age_months must be a number, got 'ten'"),
    ],
)
def test_the_slider_refuses_an_age_that_is_not_a_stop(bad, message):
    view = CurveExplorer()
    with pytest.raises(traitlets.TraitError, match=message):
        view.slider.value = bad
    assert view.slider.value == 0.0


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [-1, 241, 300.0, float("nan"), "ten"])
def test_age_outside_the_range_gives_a_clear_error(bad):
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        curve_explorer(bad)
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        CurveExplorer().show_age(bad)


def test_unknown_adult_type_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid adult types: adult-mean, roussouly-1"):
        curve_explorer(adult_type="newborn")
    with pytest.raises(ValueError, match="unknown adult type"):
        CurveExplorer().show_type("baby")


# --- the preset picker ----------------------------------------------------------------------


def test_picker_offers_the_adult_types_and_redraws_their_spine_and_table():
    view = CurveExplorer()
    assert [value for _, value in view.picker.options] == list(ADULT_TYPES)
    drawing = view.preset_spine
    before = vertebra(drawing.scene, "L5")
    view.picker.value = "roussouly-4"
    assert view.preset_spine is drawing
    assert vertebra(drawing.scene, "L5") == pytest.approx(
        build_spine("roussouly-4").body("L5") * [1, -1], abs=0.051
    )
    assert not np.allclose(before, vertebra(drawing.scene, "L5"))
    assert "Roussouly type 4" in view.preset_table.value
    assert "Laouissat" in view.preset_table.value
    assert drawing.scene["spines"][0]["title"] == "Roussouly type 4"
    assert "PI 62° = PT 12° + SS 50°" in drawing.scene["label"]


def test_show_type_keeps_the_picker_in_step():
    view = CurveExplorer()
    view.show_type("hyperkyphosis")
    assert view.picker.value == "hyperkyphosis"
    assert "Physiother Theory Pract" in view.preset_table.value
    assert view.preset_spine.scene["spines"][0]["title"] == "Hyperkyphosis"


def test_age_and_picker_are_independent():
    view = CurveExplorer(age_months=12, adult_type="flat-back")
    view.slider.value = 24.0
    assert view.picker.value == "flat-back"
    assert "Flat back" in view.preset_table.value
    assert view.preset_spine.scene["spines"][0]["title"] == "Flat back (illustrative)"


def test_no_figure_widget_is_left():
    view = CurveExplorer()
    kinds = {type(w).__name__ for w in (view.slider, view.spine, view.preset_spine, view.chart)}
    assert kinds == {"AgeSlider", "SpineDrawing", "Output"}


def test_exported_from_the_package():
    assert widgets.curve_explorer is curve_explorer
    assert "curve_explorer" in widgets.__all__
