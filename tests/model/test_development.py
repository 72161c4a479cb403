import itertools
import math
from typing import Any, cast

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.content.references import bibliography
from widgets.data import TABLES, value
from widgets.model import development, measure
from widgets.model.development import (
    AGE_RANGE_MONTHS,
    MILESTONES,
    PARAMETERS,
    SPREADS,
    Milestone,
    anchors,
    at_age,
    curve_table,
    geometry_at_age,
)
from widgets.model.spine import SpineGeometry
from widgets.model.spine_params import RANGES, SACRAL_SLOPE_RANGE, SpineParams, preset

ages = st.floats(*AGE_RANGE_MONTHS, allow_nan=False)


def milestone(name: str) -> Milestone:
    (found,) = [m for m in MILESTONES if m.name == name]
    return found


def test_the_tables_are_checked_by_the_table_tests():
    assert "development" in TABLES
    assert "milestones" in TABLES


# --- lumbar lordosis against the sources -------------------------------------------------


@pytest.mark.parametrize(
    ("months", "mean", "sd", "source", "status"),
    [
        (36, 30.0, 6.0, "shefi2013", "confirmed"),  # 2-4 years, CT: an age group's mean
        (68, 33.2, 8.7, "ren2024", "derived"),  # MRI, 5.7 +/- 3 years: pooled over ages
        (222, 44.0, 9.0, "shefi2013", "confirmed"),  # 17-20 years, CT: an age group's mean
    ],
)
def test_lumbar_lordosis_matches_the_sources_within_their_sd(months, mean, sd, source, status):
    assert abs(at_age(months).lumbar_lordosis - mean) <= sd
    assert value("development", "lumbar_lordosis_sd", str(months)) == sd
    (row,) = [a for a in anchors("lumbar_lordosis_sd") if a.age_months == months]
    assert row.source == source
    assert row.status == status


def test_the_pooled_ren_mean_is_not_passed_off_as_a_measurement_at_its_age():
    # Ren 2024: one mean over 96 children aged 5.7 +/- 3.0 years (MRI), not a value at 68 months.
    (row,) = [a for a in anchors("lumbar_lordosis") if a.source == "ren2024"]
    assert row.status != "confirmed"
    assert "pooled over ages" in row.note and "not a value measured at 68 months" in row.note
    # It sits between the CT group means on either side of it, so it bends no trend.
    shefi = {a.age_months: a.value for a in anchors("lumbar_lordosis") if a.source == "shefi2013"}
    assert shefi[36] < row.value < shefi[222]


def test_lumbar_lordosis_sd_rows_sit_on_lumbar_anchors_of_the_same_source():
    lumbar = {a.age_months: a for a in anchors("lumbar_lordosis")}
    for sd in anchors("lumbar_lordosis_sd"):
        assert lumbar[sd.age_months].source == sd.source
        assert lumbar[sd.age_months].status == sd.status


def test_lumbar_lordosis_never_falls_from_one_year_to_adulthood():
    grid = np.linspace(12.0, 240.0, 2281)
    lumbar = curve_table(grid)["lumbar_lordosis"]
    assert np.all(np.diff(lumbar) >= 0.0)
    assert lumbar[-1] > value("development", "lumbar_lordosis", "222")  # still rising at 17-20 y


@settings(max_examples=200, deadline=None)
@given(st.floats(12.0, 240.0), st.floats(12.0, 240.0))
def test_lumbar_lordosis_is_monotonic_for_any_two_ages_after_one_year(a, b):
    young, old = sorted((a, b))
    assert at_age(young).lumbar_lordosis <= at_age(old).lumbar_lordosis


def test_the_low_back_is_lordotic_once_children_walk_alone():
    # Taylor 1975: the lumbar curve becomes secondary once the child walks unaided, normally
    # before age 2; WHO MGRS 2006: walking alone by 17.6 months (99th percentile).
    assert at_age(milestone("walking_alone").end_months).lumbar_lordosis > 0
    assert at_age(24).lumbar_lordosis > 0


# --- newborn and neck -----------------------------------------------------------------------


def test_the_newborn_is_one_c_curve():
    newborn = at_age(0)
    assert newborn.lumbar_lordosis < 0  # low back bends the primary (kyphotic) way
    assert newborn.cervical_lordosis < 0  # so does the neck
    assert newborn.thoracic_kyphosis > 0


def test_model_assumption_the_neck_is_lordotic_once_the_head_is_steady():
    # An illustrative anchor, not a measured angle: the model assumes the neck curve has
    # turned lordotic by the CDC head-control age (4 months).
    head = milestone("head_steady")
    row = next(a for a in anchors("cervical_lordosis") if a.age_months == head.end_months)
    assert row.status == "illustrative"
    assert at_age(head.end_months).cervical_lordosis > 0
    later = curve_table(np.linspace(head.end_months, 240.0, 500))["cervical_lordosis"]
    assert np.all(later > 0)


# --- presets and validity -------------------------------------------------------------------


@pytest.mark.parametrize(("months", "name"), [(0, "newborn"), (12, "1-year"), (240, "adult-mean")])
def test_anchor_ages_equal_the_course_presets(months, name):
    assert at_age(months) == preset(name)


def test_five_years_is_close_to_the_five_year_preset():
    five, model = preset("5-years"), at_age(60)
    for p in PARAMETERS:
        assert getattr(model, p) == pytest.approx(getattr(five, p), abs=1.0), p


@settings(max_examples=150, deadline=None)
@given(ages)
def test_every_age_gives_a_valid_spine_geometry(months):
    params = at_age(months)
    assert isinstance(params, SpineParams)
    low, high = SACRAL_SLOPE_RANGE
    assert low <= params.sacral_slope <= high
    geom = geometry_at_age(months)
    assert isinstance(geom, SpineGeometry)
    measured = measure.regional_angles(geom)
    for p in PARAMETERS:
        assert measured[p] == pytest.approx(getattr(params, p), abs=0.5), p


@settings(max_examples=200, deadline=None)
@given(ages)
def test_at_age_interpolates_linearly_between_neighbouring_anchors(months):
    params = at_age(months)
    for p in PARAMETERS:
        rows = anchors(p)
        below = max((a for a in rows if a.age_months <= months), key=lambda a: a.age_months)
        above = min((a for a in rows if a.age_months >= months), key=lambda a: a.age_months)
        if above.age_months == below.age_months:
            expected = below.value
        else:
            t = (months - below.age_months) / (above.age_months - below.age_months)
            expected = below.value + t * (above.value - below.value)
        assert getattr(params, p) == pytest.approx(expected, abs=1e-9), p
        assert min(below.value, above.value) - 1e-9 <= getattr(params, p)
        assert getattr(params, p) <= max(below.value, above.value) + 1e-9


def test_anchors_cover_the_whole_range_and_stay_inside_the_allowed_ranges():
    for p in PARAMETERS:
        rows = anchors(p)
        assert rows[0].age_months == AGE_RANGE_MONTHS[0]
        assert rows[-1].age_months == AGE_RANGE_MONTHS[1]
        assert all(a.age_months < b.age_months for a, b in itertools.pairwise(rows))
        low, high = RANGES[p]
        assert all(low <= a.value <= high for a in rows)


def test_no_child_pelvis_or_neck_value_claims_to_be_measured():
    for p in ("pelvic_incidence", "pelvic_tilt", "cervical_lordosis"):
        for a in anchors(p):
            if a.age_months < AGE_RANGE_MONTHS[1]:
                assert a.status == "illustrative", (p, a)


def test_surface_angles_say_so():
    for p in PARAMETERS:
        for a in anchors(p):
            if a.source == "giglio2007":
                assert "not radiographic Cobb" in a.note
    assert "not radiographic Cobb" in development.__doc__


def test_curve_table_is_vectorised_and_matches_at_age():
    grid = np.array([[0.0, 4.0, 36.0], [68.0, 150.5, 240.0]])
    table = curve_table(grid)
    assert set(table) == {*PARAMETERS, "sacral_slope"}
    for p, arr in table.items():
        assert arr.shape == grid.shape, p
    for months, i in zip(grid.flat, itertools.count(), strict=False):
        params = at_age(months)
        for p in PARAMETERS:
            assert table[p].flat[i] == pytest.approx(getattr(params, p))
        assert table["sacral_slope"].flat[i] == pytest.approx(params.sacral_slope)


# --- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [-1.0, -0.001, 240.5, 1000.0, math.nan, math.inf, -math.inf])
def test_bad_ages_raise_a_clear_error(bad):
    calls = [
        ("age_months", at_age),
        ("age_months", geometry_at_age),
        (r"ages\[1\]", lambda m: curve_table([12.0, m])),  # the parameter and the bad age's index
    ]
    for name, call in calls:
        with pytest.raises(ValueError, match=rf"^{name}.*0 to 240 months") as err:
            call(bad)
        assert repr(bad) in str(err.value) or f"{bad:g}" in str(err.value)


@pytest.mark.parametrize("bad", ["12", None, True])
def test_non_numbers_raise_a_clear_error(bad):
    with pytest.raises(ValueError, match=r"age_months must be a number.*0 to 240 months"):
        at_age(bad)


def test_unknown_anchor_parameter_lists_the_valid_ones():
    with pytest.raises(ValueError, match="lumbar_lordosis"):
        anchors("sacral_slope")
    assert SPREADS == ("lumbar_lordosis_sd",)


# --- milestones -----------------------------------------------------------------------------


def test_walking_alone_window_is_the_who_window():
    walk = milestone("walking_alone")
    assert (walk.start_months, walk.end_months) == (8.2, 17.6)
    assert walk.source == "who-mgrs2006"
    assert walk.label


def test_the_who_windows_are_as_published():
    expected = {
        "sitting_without_support": (3.8, 9.2),
        "standing_with_assistance": (4.8, 11.4),
        "hands_and_knees_crawling": (5.2, 13.5),
        "walking_with_assistance": (5.9, 13.7),
        "standing_alone": (6.9, 16.9),
        "walking_alone": (8.2, 17.6),
    }
    got = {m.name: (m.start_months, m.end_months) for m in MILESTONES if m.source == "who-mgrs2006"}
    assert got == expected


def test_head_steady_is_a_single_cdc_age():
    head = milestone("head_steady")
    assert head.start_months == head.end_months == 4.0
    assert head.source == "cdc-milestones"
    assert "75%" in head.note


def test_every_milestone_is_a_well_formed_window_with_a_resolving_source():
    bib = bibliography()
    assert len(MILESTONES) == 7
    assert len({m.name for m in MILESTONES}) == len(MILESTONES)
    for m in MILESTONES:
        assert 0.0 <= m.start_months <= m.end_months <= AGE_RANGE_MONTHS[1], m
        assert m.source in bib, m
        assert m.label and m.note, m
    with pytest.raises(AttributeError):
        cast(Any, MILESTONES[0]).start_months = 1.0


def test_every_anchor_source_resolves():
    bib = bibliography()
    for p in (*PARAMETERS, *SPREADS):
        for a in anchors(p):
            assert a.source in bib, a
            if a.source == "course-assumption":
                assert a.status == "illustrative", a


@pytest.mark.parametrize("bad", [[True, False], "x", {}, [1, "a"], None])
def test_curve_table_names_bad_ages(bad):
    with pytest.raises(ValueError, match="ages must be numbers of months from 0 to 240"):
        curve_table(bad)
