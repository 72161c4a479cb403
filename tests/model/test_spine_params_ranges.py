"""The allowed ranges of the regional angles hold the adult data their comment cites."""

import inspect
import re

import pytest

from widgets.content.references import bibliography
from widgets.model import spine_params
from widgets.model.adult_ranges import ADULT_RANGES
from widgets.model.spine_params import RANGES, preset_sources


def ranges_comment() -> str:
    source = inspect.getsource(spine_params)
    start = source.index("#: Allowed range of each regional angle")
    return source[start : source.index("RANGES:", start)]


@pytest.mark.parametrize("parameter", list(ADULT_RANGES))
def test_ranges_hold_the_adult_mean_plus_or_minus_3_sd(parameter):
    band = ADULT_RANGES[parameter]
    low, high = RANGES[parameter]
    if band.is_sd:
        assert low <= band.centre - 3 * band.half_width
        assert band.centre + 3 * band.half_width <= high
    else:  # a confidence interval of the mean: the range holds it, with room for people
        assert low < band.low < band.high < high


def test_the_comment_cites_the_keys_of_the_data_tables_and_no_untraced_source():
    comment = ranges_comment()
    keys = set(re.findall(r"\[([a-z0-9-]+)\]", comment))
    assert keys <= set(bibliography()), keys - set(bibliography())
    expected = {band.source for band in ADULT_RANGES.values()}
    expected.add(preset_sources("adult-mean")["pelvic_incidence"].source)
    assert expected <= keys, expected - keys
    # The upper back's 41 +/- 12 deg comes from a reference page, not from Fon 1980.
    assert "Fon" not in comment
