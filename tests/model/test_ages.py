import itertools

import pytest

from widgets.model.ages import age_label, age_stops, check_age, nearest_age_stop
from widgets.model.development import anchors


@pytest.mark.parametrize(
    ("months", "text"),
    [
        (0, "0 months (newborn)"),
        (1, "1 month"),
        (8, "8 months"),
        (8.2, "8.2 months"),
        (23, "23 months"),
        (24, "2 years"),
        (42, "3 years 6 months"),
        (61, "5 years 1 month"),
        (222, "18 years 6 months"),
        (240, "20 years (adult)"),
    ],
)
def test_age_label_is_readable(months, text):
    assert age_label(months) == text


def test_stops_are_dense_early_and_include_every_anchor():
    stops = age_stops()
    assert stops[0] == 0.0 and stops[-1] == 240.0
    assert all(b > a for a, b in itertools.pairwise(stops))
    assert set(range(25)) <= set(stops)  # monthly for the first two years
    for parameter in ("cervical_lordosis", "thoracic_kyphosis", "lumbar_lordosis"):
        assert {a.age_months for a in anchors(parameter)} <= set(stops)


@pytest.mark.parametrize(("months", "stop"), [(37, 36.0), (0.4, 0.0), (239, 240.0), (68, 68.0)])
def test_nearest_stop(months, stop):
    assert nearest_age_stop(months) == stop


@pytest.mark.parametrize("bad", [-1, 241, 300.0, float("nan"), "ten", True])
def test_bad_ages_name_the_value_and_the_range(bad):
    for fn in (check_age, age_label, nearest_age_stop):
        with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
            fn(bad)
