"""The disc day view: its controls redraw the chart and the readouts from the model."""

import numpy as np
import pytest
import traitlets
from hypothesis import given, settings

import widgets
from tests.bad_values import NOT_TEXT, assert_names, bad_number
from widgets.figures.disc_day import PLOTLY_MIME
from widgets.figures.disc_day_run import day_run
from widgets.model.disc_loads import posture_pressure
from widgets.views.disc_day import DiscDay
from widgets.views.disc_day_hour import HOUR_STOPS, HourSlider, nearest_hour_stop


def chart(view):
    (output,) = view.chart.outputs
    return output["data"][PLOTLY_MIME]


def trace(view, kind):
    return next(t for t in chart(view)["data"] if (t.get("meta") or {}).get("kind") == kind)


def test_the_controls_have_accessible_names():
    view = widgets.disc_day()
    assert view.day_picker.description == "Day"
    assert view.table_picker.description == "Pressure table"
    assert view.slider.description == "Time of day"
    assert view.slider.labels[view.slider.stops.index(18.0)] == "18:00"


def test_each_control_redraws_the_same_output_from_the_model():
    view = DiscDay()
    output = view.chart
    view.day_picker.value = "night_shift"
    assert view.chart is output
    run = day_run("night_shift", "wilke1999")
    assert trace(view, "day-height")["y"] == pytest.approx(run.history.height, abs=1e-4)
    assert "Night shift" in chart(view)["layout"]["title"]["text"]

    view.table_picker.value = "nachemson"
    loads = set(np.round(trace(view, "day-load")["y"], 4))
    assert posture_pressure("sitting", "nachemson") in loads
    assert posture_pressure("sitting", "wilke1999") not in loads

    view.slider.value = 9.25
    run = day_run("night_shift", "nachemson")
    dot = next(t for t in chart(view)["data"] if t["meta"]["kind"] == "hour-dot")
    assert dot["y"] == pytest.approx([np.interp(9.25, run.history.time, run.history.height)])
    assert "At 09:15" in view.readout.value and "lying on the back" in view.readout.value
    assert "Nachemson" in view.pressures.value


def test_show_sets_several_controls_at_once_and_rounds_the_hour():
    view = DiscDay()
    view.show(day="bed_rest", hour=13.1)
    assert (view.day, view.table, view.hour) == ("bed_rest", "wilke1999", 13.0)
    assert "At 13:00" in view.readout.value


# --- bad input -------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(0.0, 24.0))
def test_the_view_refuses_a_bad_hour_and_keeps_its_settings(bad):
    view = DiscDay()
    with pytest.raises(ValueError, match="hour") as err:
        view.show(day="night_shift", hour=bad)
    assert_names(str(err.value), "hour", bad)
    assert (view.day, view.hour) == ("desk_worker", 18.0)
    with pytest.raises(ValueError, match="hour"):
        DiscDay(hour=bad)


def test_unknown_settings_and_names_are_listed():
    view = DiscDay()
    with pytest.raises(
        ValueError, match=r"unknown argument.*tempo.*valid arguments: day, table, hour"
    ):
        view.show(tempo=6)
    with pytest.raises(ValueError, match="desk_worker"):
        DiscDay(day="weekend")
    with pytest.raises(ValueError, match="wilke1999"):
        widgets.disc_day(table="sato1999")


@settings(max_examples=30, deadline=None)
@given(bad=bad_number(0.0, 24.0))
def test_the_hour_slider_takes_quarter_hours_only(bad):
    slider = HourSlider()
    with pytest.raises(traitlets.TraitError):
        slider.value = bad
    with pytest.raises(traitlets.TraitError, match="quarter hour"):
        slider.value = 7.1
    assert slider.value == 18.0


@settings(max_examples=20, deadline=None)
@given(bad=NOT_TEXT)
def test_the_hour_slider_needs_a_text_label(bad):
    with pytest.raises(traitlets.TraitError):
        HourSlider(description=bad)


def test_hour_stops():
    assert HOUR_STOPS[0] == 0.0 and HOUR_STOPS[-1] == 24.0 and len(HOUR_STOPS) == 97
    assert nearest_hour_stop(7.13) == 7.25 and nearest_hour_stop(7.1) == 7.0
    assert nearest_hour_stop(23.9) == 24.0
