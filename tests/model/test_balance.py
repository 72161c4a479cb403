"""Global balance measures (widgets.model.balance) and the presets' standing balance.

The normal ranges come from widgets/data/balance.csv (each row sourced); the checks on the
measures themselves use geometry worked out by hand, not the code's own output.
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.data import lookup, value
from widgets.model import balance, measure
from widgets.model.adult_ranges import adult_range
from widgets.model.spine import build_spine
from widgets.model.spine_params import RANGES, SACRAL_SLOPE_RANGE, SpineParams, preset

SVA_LOW = value("balance", "sva", "low")
SVA_HIGH = value("balance", "sva", "high")
TPA_HIGH = value("balance", "t1_pelvic_angle", "high")
T1SPI_LOW = value("balance", "t1_spinopelvic_inclination", "low")
T1SPI_HIGH = value("balance", "t1_spinopelvic_inclination", "high")
PT_HIGH = value("balance", "pelvic_tilt", "high")

HEALTHY = ("adult-mean", "roussouly-1", "roussouly-2", "roussouly-3", "roussouly-4")
#: Known failure, reported rather than hidden. The types' lumbar lordosis is Sci Rep 2022's
#: (its PI groups) scaled by 60.2 / 50.5 onto the adult mean's cohort (presets.csv); so
#: placed, types 1-3 stand within SVA 40 mm (the model gives about 3-6 mm), but type 4
#: (PI 62, PT 12, LL 68.0 deg) stands about 45 mm forward, just beyond the bound, with TPA
#: and T1SPI inside theirs. No per-type SVA of healthy adults was found to say whether a real
#: type 4 stands so (the laouissat2018 abstract gives the C7 plumb line for its whole cohort).
KNOWN_FORWARD = ("roussouly-4",)


def straight(pi: float = 40.0) -> SpineParams:
    """No curves and a level S1 plate: the column stands straight up from the S1 plate."""
    return SpineParams(0.0, 0.0, 0.0, pi, pi)


def test_normal_ranges_are_sourced_and_ordered():
    assert SVA_LOW < value("balance", "sva", "mean") < SVA_HIGH
    assert value("balance", "t1_pelvic_angle", "mean_young") < TPA_HIGH
    assert T1SPI_LOW < 0.0 < T1SPI_HIGH
    assert lookup("balance", "sva", "high").source == "terran2013"
    assert lookup("balance", "t1_pelvic_angle", "high").source == "protopsaltis2014"


def test_straight_column_sva_is_half_the_sacral_plate():
    # A straight vertical column rises from the middle of a level S1 plate, so the C7 plumb
    # line falls half a plate depth in front of the plate's posterior corner.
    geom = build_spine(straight())
    half_plate = value("segments", "sacrum", "depth") / 2.0
    assert balance.sagittal_vertical_axis(geom) == pytest.approx(half_plate, abs=1e-6)


def test_straight_column_angles_follow_from_the_pelvis():
    # With the column straight above the S1 plate middle, T1 lies directly above it: T1SPI is
    # the (negative) angle of T1 behind the hip axis, atan(x_S1 / height of T1).
    geom = build_spine(straight(30.0))
    s1 = geom.s1_endplate.mean(axis=0)
    t1 = geom.body("T1").mean(axis=0)
    assert t1[0] == pytest.approx(s1[0], abs=1e-6)
    expected = math.degrees(math.atan2(s1[0], t1[1]))
    assert balance.t1_spinopelvic_inclination(geom) == pytest.approx(expected, abs=1e-6)
    assert balance.t1_slope(geom) == pytest.approx(0.0, abs=1e-6)


def params():
    return st.fixed_dictionaries(
        {k: st.floats(lo, hi, allow_nan=False) for k, (lo, hi) in RANGES.items()}
    ).filter(
        lambda d: (
            SACRAL_SLOPE_RANGE[0]
            <= d["pelvic_incidence"] - d["pelvic_tilt"]
            <= SACRAL_SLOPE_RANGE[1]
        )
    )


@settings(max_examples=60, deadline=None)
@given(params())
def test_tpa_is_t1spi_plus_pelvic_tilt(d):
    # Protopsaltis 2014: TPA = T1 spinopelvic inclination + pelvic tilt.
    geom = build_spine(SpineParams(**d))
    expected = balance.t1_spinopelvic_inclination(geom) + measure.pelvic_tilt(geom)
    assert balance.t1_pelvic_angle(geom) == pytest.approx(expected, abs=1e-6)


@settings(max_examples=60, deadline=None)
@given(params())
def test_t1_slope_adds_the_curves_to_the_sacral_slope(d):
    # The model keeps T12-L1 and T1-T4 straight, so T1's plate leans SS - LL + TK.
    p = SpineParams(**d)
    geom = build_spine(p)
    expected = p.sacral_slope - p.lumbar_lordosis + p.thoracic_kyphosis
    assert balance.t1_slope(geom) == pytest.approx(expected, abs=1e-6)


def test_more_lordosis_moves_c7_back():
    base = preset("adult-mean")
    svas = [
        balance.sagittal_vertical_axis(
            build_spine(SpineParams(**{**base.as_dict(), "lumbar_lordosis": ll}))
        )
        for ll in (45.0, 55.0, 65.0)
    ]
    assert svas[0] > svas[1] > svas[2]


def test_sva_does_not_depend_on_the_length_of_up():
    geom = build_spine("adult-mean")
    assert balance.sagittal_vertical_axis(geom, np.array([0.0, 5.0])) == pytest.approx(
        balance.sagittal_vertical_axis(geom)
    )


@pytest.mark.parametrize(
    "fn",
    [
        balance.sagittal_vertical_axis,
        balance.t1_spinopelvic_inclination,
        balance.t1_pelvic_angle,
        balance.t1_slope,
        balance.global_balance,
    ],
)
@pytest.mark.parametrize("bad", [None, "adult-mean", 3.0, True])
def test_bad_geometry_is_refused(fn, bad):
    with pytest.raises(ValueError, match="geom must be a SpineGeometry"):
        fn(bad)


@pytest.mark.parametrize("bad", [[0.0, 0.0], [1.0], "up", [math.nan, 1.0]])
def test_bad_up_is_refused(bad):
    geom = build_spine("adult-mean")
    with pytest.raises(ValueError, match="up"):
        balance.sagittal_vertical_axis(geom, bad)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=pytest.mark.xfail(
                strict=True,
                reason="type 4 stands about 45 mm forward (SVA bound 40 mm); see KNOWN_FORWARD",
            ),
        )
        if n in KNOWN_FORWARD
        else n
        for n in HEALTHY
    ],
)
def test_healthy_presets_stand_balanced(name):
    b = balance.global_balance(build_spine(name))
    assert SVA_LOW <= b["sva"] <= SVA_HIGH, f"{name}: SVA {b['sva']:.1f} mm"
    assert b["t1_pelvic_angle"] < TPA_HIGH, f"{name}: TPA {b['t1_pelvic_angle']:.1f} deg"
    assert T1SPI_LOW <= b["t1_spinopelvic_inclination"] <= T1SPI_HIGH, name


@pytest.mark.parametrize("name", ["flat-back", "sway-back", "hyperkyphosis"])
def test_abnormal_presets_are_out_of_balance_as_described(name):
    # Each is described with the pelvis tilted back (PT 20-25 deg, SRS-Schwab's "+" grade
    # from 20 deg) and stands with its trunk forward: outside the healthy SVA and TPA ranges.
    b = balance.global_balance(build_spine(name))
    assert b["pelvic_tilt"] >= PT_HIGH
    assert b["sva"] > SVA_HIGH
    assert b["t1_pelvic_angle"] > TPA_HIGH


def test_hyperkyphosis_leans_furthest_forward():
    svas = {
        n: balance.sagittal_vertical_axis(build_spine(n))
        for n in ("adult-mean", "flat-back", "sway-back", "hyperkyphosis")
    }
    assert max(svas, key=svas.__getitem__) == "hyperkyphosis"


def test_the_adult_mean_agrees_with_an_independent_cohort_at_its_own_pelvis():
    # The preset's means (Vialle 2005, 300 adults) are quoted from memory; a second cohort
    # (Le Huec 2016: 268 adults, EOS, abstract read) predicts LL, PT and SS from PI. At the
    # preset's PI they must agree within a third of the SD of lumbar lordosis among people
    # (adult_ranges), a small part of the normal spread: the former mixed preset (LL 49.8
    # T12-S1 with PI 53, SVA 97 mm) missed its LL prediction by 6.4 deg.
    p = preset("adult-mean")
    tolerance = adult_range("lumbar_lordosis").half_width / 3.0
    for name, measured in (
        ("lumbar_lordosis", p.lumbar_lordosis),
        ("pelvic_tilt", p.pelvic_tilt),
        ("sacral_slope", p.sacral_slope),
    ):
        row = f"{name}_from_pi"
        predicted = value("balance", row, "slope") * p.pelvic_incidence + value(
            "balance", row, "intercept"
        )
        assert lookup("balance", row, "slope").source == "lehuec2016"
        assert abs(measured - predicted) <= tolerance, f"{name}: {measured} vs {predicted:.1f}"
    assert tolerance < 0.54 * 53.0 + 27.6 - 49.8  # the check would have caught the old preset
