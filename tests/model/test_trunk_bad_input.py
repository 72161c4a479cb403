"""Bad input to the trunk model is refused at the call with a ValueError naming it."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.model.trunk import (
    LIMITS,
    PRESETS,
    SETTINGS,
    TrunkPosture,
    effort_share,
    extensor_strength,
    preset,
    preset_load,
    pressure_from_compression,
    trunk_load,
)
from widgets.model.trunk_lying import EXERCISES, lying_effort
from widgets.model.trunk_segments import BODY_MASS_RANGE, HEIGHT_RANGE, body

NOT_A_NUMBER = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.lists(st.floats(), max_size=2),
    st.builds(object),
)
NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
NOT_TEXT = st.one_of(st.none(), st.booleans(), st.integers(), st.floats())
FINITE = {"allow_nan": False, "allow_infinity": False}


def outside(low: float, high: float) -> st.SearchStrategy:
    return st.one_of(
        st.floats(max_value=low, exclude_max=True, **FINITE),
        st.floats(min_value=high, exclude_min=True, **FINITE),
        st.integers(max_value=math.ceil(low) - 1),
        st.integers(min_value=math.floor(high) + 1),
        st.sampled_from([-(2**64), 10**400]),
    )


def bad_number(low: float, high: float) -> st.SearchStrategy:
    return st.one_of(NOT_A_NUMBER, NOT_FINITE, outside(low, high))


def not_one_of(choices) -> st.SearchStrategy:
    return st.one_of(NOT_TEXT, st.text(max_size=12).filter(lambda s: s not in choices))


@given(data=st.data())
def test_posture_refuses_any_bad_setting_naming_it_and_its_range(data):
    name = data.draw(st.sampled_from(SETTINGS))
    low, high = LIMITS[name]
    bad = data.draw(bad_number(low, high))
    with pytest.raises(ValueError, match=name) as err:
        TrunkPosture(**{name: bad})
    assert f"{low:g}" in str(err.value) and f"{high:g}" in str(err.value)


@given(data=st.data())
def test_posture_accepts_every_setting_in_range_and_the_model_answers_finite(data):
    settings = {name: data.draw(st.floats(*LIMITS[name], **FINITE)) for name in SETTINGS}
    load = trunk_load(TrunkPosture(**settings))
    for number in (load.extensor_force, load.compression, load.shear, load.pressure):
        assert math.isfinite(number)
    assert load.extensor_force >= 0 and load.compression >= 0 and load.effort >= 0


@given(bad=st.one_of(NOT_TEXT, st.builds(dict), st.text(max_size=3)))
def test_trunk_load_wants_a_posture(bad):
    with pytest.raises(ValueError, match="posture must be a TrunkPosture"):
        trunk_load(bad)


@given(name=not_one_of(PRESETS))
def test_unknown_preset_lists_the_valid_ones(name):
    for fn in (preset, preset_load):
        with pytest.raises(ValueError, match=r"^name = .* is not a preset; valid presets: stand"):
            fn(name)


@given(name=not_one_of(EXERCISES))
def test_unknown_exercise_lists_the_valid_ones(name):
    with pytest.raises(ValueError, match="valid exercises: waist-lift, bridge"):
        lying_effort(name)


@given(bad=bad_number(*BODY_MASS_RANGE))
def test_body_and_lying_refuse_a_bad_mass(bad):
    with pytest.raises(ValueError, match="body_mass"):
        body(bad)
    with pytest.raises(ValueError, match="body_mass"):
        lying_effort("bridge", body_mass=bad)


@given(bad=bad_number(*HEIGHT_RANGE))
def test_body_and_lying_refuse_a_bad_height(bad):
    with pytest.raises(ValueError, match="height"):
        body(70, bad)
    with pytest.raises(ValueError, match="height"):
        lying_effort("waist-lift", height=bad)


@given(bad=bad_number(*LIMITS["flexion"]))
def test_strength_refuses_a_bad_flexion(bad):
    with pytest.raises(ValueError, match="flexion"):
        extensor_strength(bad)


@given(bad=bad_number(0, 1e5))
def test_pressure_refuses_a_bad_compression(bad):
    with pytest.raises(ValueError, match="compression"):
        pressure_from_compression(bad)


@given(moment=bad_number(-1e4, 1e4), strength=bad_number(1, 1e4))
def test_effort_share_refuses_bad_numbers(moment, strength):
    with pytest.raises(ValueError, match="moment"):
        effort_share(moment, 100.0)
    with pytest.raises(ValueError, match="strength"):
        effort_share(10.0, strength)


def test_unknown_keyword_is_an_error():
    with pytest.raises(TypeError, match="tilt"):
        TrunkPosture(**{"tilt": 10})
