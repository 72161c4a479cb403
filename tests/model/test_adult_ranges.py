import pytest

from widgets.data import load_table, lookup
from widgets.model.adult_ranges import ADULT_RANGES, CURVES, adult_range
from widgets.model.spine_params import preset_sources


def test_every_curve_has_one_band_from_three_rows_of_one_source():
    assert set(ADULT_RANGES) == set(CURVES)
    for parameter, band in ADULT_RANGES.items():
        rows = [r for r in load_table("adult_ranges") if r.key[0] == parameter]
        assert {r.key[2] for r in rows} == {"low", "high", "n"}
        assert {r.source for r in rows} == {band.source}
        assert band.low < band.high


@pytest.mark.parametrize("parameter", ["lumbar_lordosis", "thoracic_kyphosis"])
def test_sd_bands_are_the_adult_preset_mean_plus_or_minus_one_sd(parameter):
    band = adult_range(parameter)
    mean = preset_sources("adult-mean")[parameter]
    assert band.is_sd
    assert band.centre == pytest.approx(mean.value)
    assert band.source == mean.source


def test_lumbar_band_is_vialle_2005_mean_60_2_sd_10_3_of_300_adults():
    band = adult_range("lumbar_lordosis")
    assert band.centre == pytest.approx(60.2) and band.half_width == pytest.approx(10.3)
    assert band.n == lookup("adult_ranges", "lumbar_lordosis", "sd", "n").value == 300
    assert "300 asymptomatic adults" in band.description
    assert "± 1 SD 10.3°" in band.description


def test_the_neck_band_is_a_confidence_interval_and_says_so():
    band = adult_range("cervical_lordosis")
    assert not band.is_sd and band.kind == "ci95"
    assert "confidence interval of the mean" in band.description
    assert "15,364" in band.description
    assert "spread of people is wider" in band.description


def test_cohort_sizes_come_from_the_table_not_the_code():
    for parameter, band in ADULT_RANGES.items():
        row = lookup("adult_ranges", parameter, band.kind, "n")
        assert band.n == int(row.value)
        assert band.cohort == row.note
        assert f"{band.n:,}" in band.description


def test_unknown_curve_lists_the_valid_ones():
    with pytest.raises(ValueError, match="parameter = 'pelvic_tilt' is not a curve; valid curves"):
        adult_range("pelvic_tilt")
