"""The shared range control: its two kinds, their checks, and what the views' sliders share."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import ipywidgets
import pytest
import traitlets
from hypothesis import given
from hypothesis import strategies as st

from tests.bad_values import NOT_A_NUMBER, NOT_TEXT, outside
from widgets.figures import range_control
from widgets.figures.range_control import VARIANTS, StepControl, StopsControl
from widgets.views.curve_explorer_age import AgeSlider
from widgets.views.disc_day_hour import HourSlider
from widgets.views.posture_explorer_slider import PostureSlider

#: The views' sliders (each a subclass of a range control).
VIEW_SLIDERS = (AgeSlider, HourSlider, PostureSlider)

CSS = Path(range_control.__file__).with_name("range_control.css").read_text()
JS = Path(range_control.__file__).with_name("range_control.js").read_text()


def every_control_class() -> list[type]:
    """The range controls and every subclass the package defines.

    (traitlets' ``add_traits`` makes a subclass of the same name per widget at run time: only
    the class its module names is kept.)
    """
    found, todo = [], [StopsControl, StepControl]
    while todo:
        cls = todo.pop()
        defined = getattr(sys.modules[cls.__module__], cls.__qualname__, None) is cls
        if defined and cls not in found:
            found.append(cls)
            todo.extend(cls.__subclasses__())
    return found


def stops_control(value: float = 1.0) -> StopsControl:
    return StopsControl(value, [0.0, 1.0, 2.5], ["none", "one", "two and a half"], "Count")


# --- the kind over listed stops ---------------------------------------------------------


def test_a_stops_control_shows_the_text_of_its_value():
    control = stops_control()
    assert control.stops == [0.0, 1.0, 2.5]
    assert control.label == "one" and control.description == "Count"
    control.value = 2.5
    assert control.label == "two and a half"


@given(bad=st.one_of(NOT_A_NUMBER, st.sampled_from([0.5, 2.0, 3.0, -1.0])))
def test_a_stops_control_takes_its_stops_only(bad):
    control = stops_control()
    with pytest.raises(traitlets.TraitError, match="value"):
        control.value = bad
    assert control.value == 1.0


def test_a_stops_control_says_what_its_stops_are():
    control = stops_control()
    with pytest.raises(traitlets.TraitError) as err:
        control.value = 0.5
    assert str(err.value) == "value: 0.5 is not a stop of the slider; the stops run from 0 to 2.5"
    with pytest.raises(traitlets.TraitError, match=r"^value must be a finite number, got str 'a'"):
        control.value = "a"


@pytest.mark.parametrize(
    ("stops", "labels", "message"),
    [
        ([0.0], ["a"], "stops needs at least 2"),
        ([0.0, 0.0], ["a", "b"], "stops must increase"),
        ([1.0, 0.0], ["a", "b"], "stops must increase"),
        ([0.0, True], ["a", "b"], r"stops\[1\] must be a finite number"),
        ("01", ["a", "b"], "stops must be a list"),
        ([0.0, 1.0], ["a"], "labels needs at least 2"),
        ([0.0, 1.0], ["a", "b", "c"], "one text for each of the 2 stops, got 3"),
        ([0.0, 1.0], ["a", ""], r"labels\[1\]"),
        ([0.0, 1.0], "ab", "labels must be a list"),
    ],
)
def test_a_stops_control_needs_increasing_stops_each_with_a_text(stops, labels, message):
    with pytest.raises(ValueError, match=message):
        StopsControl(0.0, stops, labels)


# --- the kind over a stepped range ------------------------------------------------------


def test_a_step_control_keeps_its_range_and_unit():
    control = StepControl("Distance", 0.16, 0.0, 0.6, 0.05, "m", 2)
    assert (control.low, control.high, control.step, control.unit, control.digits) == (
        0.0,
        0.6,
        0.05,
        "m",
        2,
    )
    assert control.value == 0.16  # a value between steps (a preset's) is kept as given


@given(bad=st.one_of(NOT_A_NUMBER, outside(0.0, 90.0)))
def test_a_step_control_refuses_a_value_out_of_its_range(bad):
    control = StepControl("Bend", 10.0, 0.0, 90.0, 5.0, "°")
    with pytest.raises(traitlets.TraitError, match="value"):
        control.value = bad
    assert control.value == 10.0


@pytest.mark.parametrize(
    ("changes", "name"),
    [
        ({"low": 2e6}, "low"),
        ({"high": -1.0}, "high"),
        ({"step": 0.0}, "step"),
        ({"step": 100.0}, "step"),
        ({"unit": ""}, "unit"),
        ({"digits": 7}, "digits"),
        ({"digits": 1.5}, "digits"),
    ],
)
def test_a_step_control_names_a_bad_range(changes, name):
    args = {"description": "Bend", "value": 10.0, "low": 0.0, "high": 90.0, "step": 5.0}
    with pytest.raises(ValueError, match=name):
        StepControl(**{**args, "unit": "°", **changes})


# --- what both kinds, and the views' sliders, share -------------------------------------


@given(bad=st.one_of(NOT_TEXT, st.just(""), st.just("  ")))
def test_every_control_needs_a_label_for_screen_readers(bad):
    for control in (stops_control(), StepControl("Bend", 10.0, 0.0, 90.0, 5.0, "°")):
        with pytest.raises(traitlets.TraitError, match="description must"):
            control.description = bad


@pytest.mark.parametrize("name", ["stops", "labels", "css_class", "variant"])
def test_the_shape_of_a_control_is_read_only(name):
    control = stops_control()
    with pytest.raises(traitlets.TraitError, match="read-only"):
        setattr(control, name, getattr(control, name))


def test_no_control_redefines_a_trait_of_a_dom_widget():
    # ipywidgets' front end reads `layout` as a child widget (its Layout): a text trait of that
    # name broke every render with "Cannot read properties of undefined (reading 'then')".
    dom = ipywidgets.DOMWidget.class_traits()
    public = [n for n in dom if not n.startswith("_")]
    assert "layout" in public
    for cls in every_control_class():
        mine = cls.class_traits()
        redefined = [n for n in public if mine[n] is not dom[n]]
        assert redefined == [], f"{cls.__name__} redefines {redefined}"


def test_the_views_sliders_are_range_controls_with_their_own_classes():
    classes = {cls.__name__: cls for cls in every_control_class()}
    assert set(VIEW_SLIDERS) <= set(classes.values())
    css_classes = [cls.class_traits()["css_class"].default_value for cls in VIEW_SLIDERS]
    assert len(set(css_classes)) == len(css_classes), "each view's slider has its own class"
    assert [AgeSlider().css_class, HourSlider().css_class] == ["gs-age", "gs-hour"]
    for cls in classes.values():
        assert str(cls._esm) == JS and str(cls._css) == CSS, f"{cls.__name__} has its own copy"
        assert cls.class_traits()["variant"].default_value in VARIANTS


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_is_styled(variant):
    assert f".gs-range-{variant} " in CSS
    assert 'gs-range-${model.get("variant")}' in JS


def test_the_focus_ring_and_target_size_are_in_the_style():
    rule = re.search(r'\.gs-range input\[type="range"\] \{([^}]*)\}', CSS)
    assert rule and "height: 24px" in rule.group(1)  # a target of at least 24 px
    assert re.search(r":focus-visible \{[^}]*outline: 3px solid", CSS)
