"""The disc day chart and tables draw the disc model's numbers, not numbers of their own."""

import math
import re

import numpy as np
import plotly.graph_objects as go
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bad_values import assert_names, bad_number, not_one_of
from widgets.figures.disc_day import clock, disc_day_chart_json, disc_day_figure
from widgets.figures.disc_day_drawing import disc_width, drawing_shapes
from widgets.figures.disc_day_run import bedtime, day_run
from widgets.figures.disc_day_tables import (
    fluid_table_html,
    pressure_tables_html,
    readout_html,
    solute_table_html,
)
from widgets.model.disc import DiscParams, DiscState, simulate_day
from widgets.model.disc_loads import PRESET_DAYS, PRESSURE_TABLES, posture_pressure, preset_day
from widgets.model.disc_transport import compare_fluid, lift_peclet_numbers, lift_session


def trace(chart, kind):
    return next(t for t in chart["data"] if (t.get("meta") or {}).get("kind") == kind)


def shape(chart, name):
    return next(s for s in chart["layout"]["shapes"] if s.get("name") == name)


# --- which stretch is the night: read off the preset days in disc_days.csv ------------------


def test_going_to_bed_is_the_start_of_the_longest_stretch_lying_down():
    # desk worker: lies down at 23:00 and gets up at 07:00; night shift: 08:00 to 16:00;
    # bed rest: back in bed at 19:00 until breakfast at 08:00 (13 h)
    assert bedtime("desk_worker") == (23.0, 8.0)
    assert bedtime("night_shift") == (8.0, 8.0)
    assert bedtime("bed_rest") == (19.0, 13.0)


# --- the chart's traces are the model's ------------------------------------------------------


@pytest.mark.parametrize("day", PRESET_DAYS)
@pytest.mark.parametrize("table", PRESSURE_TABLES)
def test_the_day_traces_are_the_second_of_two_simulated_days(day, table):
    chart = disc_day_chart_json(day, table, 12.0)
    two = simulate_day(preset_day(day), table, step_minutes=2.0, days=2)
    second = two.time >= 24.0 - 1e-9
    height = trace(chart, "day-height")
    assert height["x"] == pytest.approx(two.time[second] - 24.0, abs=1e-4)
    assert height["y"] == pytest.approx(two.height[second], abs=1e-4)
    assert trace(chart, "day-pressure")["y"] == pytest.approx(two.pressure[second], abs=1e-4)
    # the dotted line is the table's pressure of each posture
    loads = set(np.round(trace(chart, "day-load")["y"], 4))
    assert loads == {posture_pressure(p, table) for _, p in preset_day(day)}


def test_the_zoomed_hour_starts_with_the_session_of_lifts_from_the_state_at_bedtime():
    chart = disc_day_chart_json("desk_worker", "wilke1999", 18.0)
    two = simulate_day(preset_day("desk_worker"), "wilke1999", step_minutes=2.0, days=2)
    i = int(np.argmin(np.abs(two.time - 47.0)))  # 23:00 of the second day
    session = lift_session(start=DiscState(float(two.fast[i]), float(two.slow[i])))
    lifts = trace(chart, "window-lifts")
    n = session.time.size
    assert lifts["x"][:n] == pytest.approx(session.time * 60.0, abs=1e-3)
    assert lifts["y"][:n] == pytest.approx(session.height, abs=1e-4)
    still = trace(chart, "window-still")
    assert still["x"][-1] == pytest.approx(60.0)
    # lifted, the waist presses the disc: the lifts never leave it taller than lying still
    assert lifts["y"][-1] <= still["y"][-1] + 1e-4


def test_the_hour_marker_and_the_drawing_show_the_model_at_that_hour():
    run = day_run("desk_worker", "wilke1999")
    chart = disc_day_chart_json("desk_worker", "wilke1999", 18.0)
    expected = float(np.interp(18.0, run.history.time, run.history.height))
    dot = next(t for t in chart["data"] if (t.get("meta") or {}).get("kind") == "hour-dot")
    assert dot["x"] == [18.0] and dot["y"] == pytest.approx([expected])
    assert shape(chart, "hour-marker")["x0"] == 18.0
    upper = shape(chart, "upper vertebra")
    assert upper["y0"] == pytest.approx(expected)  # the disc is as tall as the model says
    assert shape(chart, "lower vertebra")["y1"] == 0.0
    # on rising the disc is at its tallest of the day (the night has just ended)
    rising = shape(chart, "rising-line")["y0"]
    assert rising == pytest.approx(run.history.height.max(), abs=0.01)
    assert "The disc at 18:00" in str(chart["layout"]["annotations"])


def test_the_drawing_is_to_scale_in_mm():
    shapes = {s["name"]: s for s in drawing_shapes(10.0, 11.0, 1600.0)}
    width = 2 * math.sqrt(1600.0 / math.pi)  # a circle of 1600 mm2 is 45.1 mm across
    assert disc_width(1600.0) == pytest.approx(width)
    assert shapes["upper vertebra"]["x1"] - shapes["upper vertebra"]["x0"] == pytest.approx(width)
    assert shapes["upper endplate"]["y0"] == 10.0
    assert shapes["rising-line"]["y0"] == 11.0
    chart = disc_day_chart_json()
    assert chart["layout"]["yaxis"]["scaleanchor"] == "x"
    assert chart["layout"]["yaxis"]["scaleratio"] == 1


def test_the_figure_is_a_static_plotly_figure():
    fig = disc_day_figure("bed_rest", "nachemson", 3.0)
    assert type(fig) is go.Figure
    assert "Bed rest" in fig.layout.title.text and "Nachemson" in fig.layout.title.text


@pytest.mark.parametrize(("hour", "text"), [(0.0, "00:00"), (7.5, "07:30"), (24.0, "24:00")])
def test_clock_times(hour, text):
    assert clock(hour) == text


# --- the tables quote the model --------------------------------------------------------------


def numbers(html: str) -> list[float]:
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    return [float(c.replace(" %", "")) for c in cells if c.strip()]


def test_the_fluid_table_quotes_compare_fluid():
    c = compare_fluid()
    area = DiscParams().area
    values = numbers(fluid_table_html("evening"))
    assert values[0:3] == pytest.approx(
        [c.lift_net_high, c.lift_exchanged_high, c.lift_net_high / area], abs=0.51
    )
    assert values[4:6] == pytest.approx([c.lift_net_low, c.lift_exchanged_low], abs=0.51)
    assert values[8:10] == pytest.approx([c.still_net, c.still_exchanged], abs=0.51)
    assert values[12] == pytest.approx(c.night_net, abs=0.51)
    assert values[-1] == 100.0
    # the point of the lesson: a night brings in many times what the session brings in
    assert c.night_net > 10 * max(c.lift_net_high, c.lift_net_low)


def test_the_solute_table_quotes_the_peclet_numbers_and_diffusion_outruns_the_flow():
    html = solute_table_html()
    rows = re.findall(r"<tr><th scope='row'[^>]*>([^<]*)</th>(.*?)</tr>", html)
    pe = lift_peclet_numbers()
    assert len(rows) == len(pe)
    for (_, cells), (solute, value) in zip(rows, pe.items(), strict=True):
        _, peclet, stroke, spread = numbers(cells)
        assert peclet == pytest.approx(value, rel=0.05), solute
        # a lift moves the fluid by under a micrometre; diffusion spreads a solute over
        # micrometres to tens of micrometres in the same 10 s
        assert stroke < 1.0 and spread > 10 * stroke


def test_the_readout_and_the_pressure_tables():
    text = readout_html("desk_worker", "wilke1999", 10.0)
    assert "At 10:00" in text and "sitting" in text and "0.46 MPa in the table" in text
    table = pressure_tables_html("desk_worker")
    assert "Wilke 1999" in table and "Nachemson" in table and "<caption" in table
    assert "scope='col'" in table and "scope='row'" in table
    assert "0.46" in table and "0.7" in table  # sitting: the two sources disagree


# --- bad input -------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(bad=bad_number(0.0, 24.0))
def test_the_hour_is_0_to_24(bad):
    with pytest.raises(ValueError, match="hour") as err:
        disc_day_chart_json(hour=bad)
    assert_names(str(err.value), "hour", bad)


@settings(max_examples=30, deadline=None)
@given(bad=not_one_of(PRESET_DAYS), which=st.sampled_from(["day", "table"]))
def test_days_and_tables_are_listed(bad, which):
    with pytest.raises(ValueError, match=which) as err:
        disc_day_chart_json(**{which: bad})
    assert which in str(err.value)
    assert ("desk_worker" if which == "day" else "wilke1999") in str(err.value)


@pytest.mark.parametrize("call", [fluid_table_html, solute_table_html])
def test_a_comparison_starts_in_the_evening_or_the_morning(call):
    with pytest.raises(ValueError, match=r"start.*evening"):
        call("noon")
