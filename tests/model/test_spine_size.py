"""Each preset and age is drawn at its own size; size never changes an angle."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from widgets.data import load_table
from widgets.model import growth, measure
from widgets.model.development import at_age, geometry_at_age
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS, RANGES, SACRAL_SLOPE_RANGE, SpineParams


def table(parameter):
    return {float(r.key[1]): r.value for r in load_table("development") if r.key[0] == parameter}


ADULT = build_spine("adult-mean")


def test_every_size_row_names_a_known_source_and_status():
    for parameter in growth.SIZE_PARAMETERS:
        rows = [r for r in load_table("development") if r.key[0] == parameter]
        assert {float(r.key[1]) for r in rows} >= {0.0, 240.0}
        assert all(r.unit == "mm" and r.status in {"secondary", "derived"} for r in rows)


def test_the_newborn_spine_is_about_a_third_of_the_adults():
    lengths = table("spine_length")
    newborn = build_spine("newborn")
    assert newborn.chain_length / ADULT.chain_length == pytest.approx(lengths[0] / lengths[240])
    assert 0.25 < newborn.chain_length / ADULT.chain_length < 0.4  # "roughly a third"


@pytest.mark.parametrize(("name", "months"), [("newborn", 0), ("1-year", 12), ("5-years", 60)])
def test_child_presets_take_the_size_of_their_age(name, months):
    lengths, heads = table("spine_length"), table("head_circumference")
    geom = build_spine(name)
    assert geom.age_months == months
    assert geom.scale == pytest.approx(lengths[months] / lengths[240])
    assert geom.head_scale == pytest.approx(heads[months] / heads[240])
    # every part shrinks with the spine: a body, a disc, the sacrum's endplate, the pelvis
    full = build_spine(geom.params)  # the same angles at adult size
    for part in ("body_corners", "disc_corners"):
        a, b = getattr(full, part), getattr(geom, part)
        edge = np.linalg.norm(b[:, 2] - b[:, 1], axis=1) / np.linalg.norm(a[:, 2] - a[:, 1], axis=1)
        np.testing.assert_allclose(edge, geom.scale, rtol=1e-9)
    s1 = np.linalg.norm(np.diff(geom.s1_endplate, axis=0)) / np.linalg.norm(
        np.diff(full.s1_endplate, axis=0)
    )
    assert s1 == pytest.approx(geom.scale)
    assert np.ptp(geom.pelvis[:, 1]) == pytest.approx(geom.scale * np.ptp(full.pelvis[:, 1]))


def test_a_babys_head_is_large_for_its_spine():
    newborn = build_spine("newborn")
    head = np.linalg.norm(newborn.landmarks["vertex"] - newborn.landmarks["gonion"])
    adult_head = np.linalg.norm(ADULT.landmarks["vertex"] - ADULT.landmarks["gonion"])
    assert head / adult_head == pytest.approx(newborn.head_scale)
    assert newborn.head_scale > 1.5 * newborn.scale


@pytest.mark.parametrize("name", [p for p in PRESETS if p not in growth.PRESET_AGES])
def test_adult_presets_and_plain_angles_are_adult_size(name):
    geom = build_spine(name)
    assert (geom.scale, geom.head_scale, geom.age_months) == (1.0, 1.0, 240.0)
    assert build_spine(geom.params).chain_length == pytest.approx(ADULT.chain_length)


def test_size_grows_with_age():
    ages = np.linspace(0, 240, 41)
    scales = [growth.spine_scale(a) for a in ages]
    heads = [growth.head_scale(a) for a in ages]
    assert all(b > a for a, b in itertools.pairwise(scales))
    assert all(b >= a for a, b in itertools.pairwise(heads))
    assert scales[-1] == heads[-1] == 1.0


@settings(max_examples=120, deadline=None)
@given(
    st.fixed_dictionaries(
        {k: st.floats(lo, hi, allow_nan=False) for k, (lo, hi) in RANGES.items()}
    ),
    st.floats(0, 240),
)
def test_size_never_changes_a_measured_angle(d, months):
    ss = d["pelvic_incidence"] - d["pelvic_tilt"]
    assume(SACRAL_SLOPE_RANGE[0] <= ss <= SACRAL_SLOPE_RANGE[1])
    params = SpineParams(**d)
    small, full = build_spine(params, age_months=months), build_spine(params)
    for key, angle in measure.regional_angles(small).items():
        assert angle == pytest.approx(measure.regional_angles(full)[key], abs=1e-6), key
    assert small.chain_length == pytest.approx(full.chain_length * small.scale)


def test_geometry_at_age_is_drawn_at_that_age():
    geom = geometry_at_age(68)
    assert geom.params == at_age(68) and geom.age_months == 68
    assert geom.scale == pytest.approx(growth.spine_scale(68))


@pytest.mark.parametrize("bad", [-1.0, 241.0, math.nan, "12", True])
def test_bad_age_names_parameter_value_and_range(bad):
    with pytest.raises(ValueError, match="age_months") as err:
        build_spine("adult-mean", age_months=bad)
    assert "240" in str(err.value)


def test_preset_age_lists_the_presets_for_an_unknown_name():
    with pytest.raises(ValueError, match="adult-mean"):
        growth.preset_age("giant")
