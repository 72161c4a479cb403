import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.model.angles import angle_from, frankfort_pitch, plate_tilt, wrap_degrees


@given(st.floats(min_value=-1e6, max_value=1e6))
def test_wrap_degrees_lands_in_the_half_open_circle_and_keeps_the_direction(deg):
    wrapped = wrap_degrees(deg)
    assert -180.0 < wrapped <= 180.0
    turns = (deg - wrapped) / 360.0
    assert abs(turns - round(turns)) < 1e-6


@pytest.mark.parametrize("bad", [math.nan, math.inf, None, "10", True])
def test_wrap_degrees_refuses_what_is_not_a_finite_angle(bad):
    with pytest.raises(ValueError, match="deg must be a finite number"):
        wrap_degrees(bad)


def test_angles_turn_counter_clockwise_and_plates_lean_forward():
    assert angle_from(np.array([1.0, 0.0]), np.array([0.0, 1.0])) == pytest.approx(90.0)
    # A plate rising toward the front (anterior higher) leans its normal backward.
    assert plate_tilt(np.array([0.0, 0.0]), np.array([1.0, 1.0])) == pytest.approx(-45.0)
    assert frankfort_pitch(np.array([0.0, 0.0]), np.array([1.0, 0.0])) == pytest.approx(0.0)
    assert frankfort_pitch(np.array([0.0, 0.0]), np.array([1.0, 1.0])) == pytest.approx(45.0)
