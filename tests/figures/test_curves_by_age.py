import json

import numpy as np
import pytest

from widgets.data import STATUSES
from widgets.figures.curves_by_age import age_marker, curves_chart_json, curves_figure
from widgets.figures.curves_by_age_milestones import SIGN_NOTE
from widgets.figures.curves_by_age_scale import CURVE_PLACES
from widgets.model.adult_ranges import ADULT_RANGES
from widgets.model.development import at_age


def traces(fig, kind):
    return [t for t in fig.data if t.meta and t.meta.get("kind") == kind]


def test_chart_shows_sourced_anchors_with_their_source_and_the_lumbar_sd():
    fig = curves_figure(0)
    sourced = [t for t in traces(fig, "anchors") if t.meta["sourced"]]
    lumbar = next(t for t in sourced if t.meta["parameter"] == "lumbar_lordosis")
    assert any("Shefi et al. 2013" in text for text in lumbar.text)
    assert any("Ren et al. 2024" in text for text in lumbar.text)
    errors = dict(zip(np.round(np.square(lumbar.x)), lumbar.error_y.array, strict=True))
    assert errors[36] == 6.0 and errors[68] == 8.7 and errors[222] == 9.0


def test_illustrative_anchors_are_marked_as_such():
    open_dots = [t for t in traces(curves_figure(0), "anchors") if not t.meta["sourced"]]
    assert open_dots
    for t in open_dots:
        assert t.marker.symbol == "circle-open"
        assert all("illustrative" in text for text in t.text)


def test_chart_has_the_milestones_and_the_adult_bands_with_their_cohorts():
    fig = curves_figure(0)
    names = {t.meta["name"] for t in traces(fig, "milestone")}
    assert {"head_steady", "walking_alone", "sitting_without_support"} <= names
    bands = {t.meta["parameter"]: t for t in traces(fig, "adult-range")}
    assert set(bands) == set(ADULT_RANGES)
    lumbar = bands["lumbar_lordosis"]
    assert min(lumbar.y) == pytest.approx(60.2 - 10.3)  # Vialle 2005 (from memory)
    assert max(lumbar.y) == pytest.approx(60.2 + 10.3)
    assert "asymptomatic adults" in lumbar.hovertemplate and "(300" in lumbar.hovertemplate
    assert "confidence interval" in bands["cervical_lordosis"].hovertemplate
    assert "SD" in bands["thoracic_kyphosis"].hovertemplate


@pytest.mark.parametrize("months", [0, 36, 68, 240])
def test_the_marker_sits_at_the_age_and_on_the_model_curves(months):
    dots, line, label = age_marker(months)
    params = at_age(months)
    assert dots["x"] == pytest.approx([np.sqrt(months)] * 3)
    expected = [params.cervical_lordosis, params.thoracic_kyphosis, params.lumbar_lordosis]
    assert dots["y"] == pytest.approx(expected)
    assert line["x0"] == line["x1"] == pytest.approx(np.sqrt(months))
    assert label["x"] == pytest.approx(np.sqrt(months))


def test_chart_json_equals_the_figure_with_only_the_marker_moved():
    fast = curves_chart_json(36)
    full = json.loads(curves_figure(36).to_json())
    assert fast["data"] == full["data"]
    assert fast["layout"] == full["layout"]
    assert "3 years" in next(a["text"] for a in fast["layout"]["annotations"] if a.get("name"))
    fast["data"][0]["y"] = []  # each call gives a fresh copy: changing one changes no other
    assert curves_chart_json(36)["data"] == full["data"]


@pytest.mark.parametrize("bad", [-1, 241, float("nan"), "ten"])
def test_bad_age_names_the_value_and_the_range(bad):
    for fn in (curves_figure, curves_chart_json, age_marker):
        with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
            fn(bad)


def test_the_note_under_zero_says_which_side_bends_forward_for_each_curve():
    # The newborn spine is one forward C (the textbook picture the model draws at birth), so
    # each curve's sign at birth is the sign of "bending forward" in its own convention.
    newborn = at_age(0)
    forward_sign = {
        "neck": np.sign(newborn.cervical_lordosis),
        "low back": np.sign(newborn.lumbar_lordosis),
        "upper back": np.sign(newborn.thoracic_kyphosis),
    }
    assert set(forward_sign) == set(CURVE_PLACES.values())
    note = next(
        a.text for a in curves_figure(0).layout.annotations if "bend" in (a.text or "")
    ).split("<br>")
    assert note == list(SIGN_NOTE)
    for place, sign in forward_sign.items():
        line = next(line for line in note if line.startswith(place) or f"and {place}" in line)
        side = "below 0°" if sign < 0 else "above 0°"
        assert side in line and "forward" in line, (place, line)


def test_the_neck_band_label_says_it_is_not_the_spread_of_people():
    labels = [a.text for a in curves_figure(0).layout.annotations if "adult" in (a.text or "")]
    for parameter, band in ADULT_RANGES.items():
        label = next(t for t in labels if f"adult {CURVE_PLACES[parameter]}:" in t)
        if band.is_sd:
            assert f"{band.centre:g} ± {band.half_width:g}°" in label
        else:
            assert "CI of the mean (not the spread of people)" in label, label


def test_anchor_hovers_explain_their_status_word():
    # "secondary" in a hover would read like a secondary curve: each status is explained.
    texts = [t for tr in traces(curves_figure(0), "anchors") for t in tr.text]
    for text in texts:
        assert any(f" · {s}: {meaning}" in text for s, meaning in STATUSES.items()), text
    # the adult anchors (Vialle 2005) are quoted from memory: the hover says what that means
    assert any("from-memory: approximate; not checked against the original" in t for t in texts)
