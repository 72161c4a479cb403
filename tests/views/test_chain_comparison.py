import re
from dataclasses import replace
from decimal import Decimal
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.model.supine import READOUTS
from widgets.views.chain_comparison import CASES, chain_figure, chain_poses, chain_table_html


def test_table_shows_each_case_with_changes_from_rest():
    poses = chain_poses()
    assert list(poses) == list(CASES)
    page = chain_table_html(poses)
    for label in CASES:
        assert label in page
    assert "(+8.0°)" in page  # the lift adds its 8 deg to the low-back curve
    assert "Chin angle" in page


def test_figure_draws_every_case_and_the_bed():
    fig = chain_figure()
    names = {t.name for t in fig.data}
    assert set(CASES) <= names
    assert "bed" in names


_CELL = re.compile(
    r"<td>(-?\d+(?:\.\d+)?)(?:°| mm)(?: <small>\(([+-]\d+(?:\.\d+)?)(?:°|mm)\)</small>)?</td>"
)
_READOUT = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_READOUT, _READOUT, _READOUT, _READOUT), min_size=2, max_size=4))
def test_every_shown_change_is_the_difference_of_the_shown_numbers(values):
    # A reader who subtracts the two numbers shown must get the change shown beside them,
    # whatever the unrounded numbers were (20.0 -> 14.8 reads -5.2, never -5.3).
    rest = chain_poses()[next(iter(CASES))]
    poses = {
        f"pose {i}": replace(rest, readouts=MappingProxyType(dict(zip(READOUTS, row, strict=True))))
        for i, row in enumerate(values)
    }
    page = chain_table_html(poses)
    rows = re.findall(r"<tr><th scope='row'>.*?</tr>", page)
    assert len(rows) == len(READOUTS)
    for row in rows:
        cells = _CELL.findall(row)
        assert len(cells) == len(poses), row
        before = Decimal(cells[0][0])
        assert cells[0][1] == "", "the first pose is the reference and shows no change"
        for shown, change in cells[1:]:
            assert Decimal(change) == Decimal(shown) - before, row
        assert not re.search(r"(<td>|\()-0(\.0)?(°| mm|mm)", row), f"minus zero in {row}"


def test_a_change_of_rounded_readouts_is_not_the_rounded_change():
    # 20.04 -> 14.76 shows 20.0 -> 14.8; the unrounded change -5.28 would round to -5.3.
    rest = chain_poses()[next(iter(CASES))]
    readouts = dict(rest.readouts)
    poses = {
        "before": replace(rest, readouts=MappingProxyType({**readouts, "head_pitch": 20.04})),
        "after": replace(rest, readouts=MappingProxyType({**readouts, "head_pitch": 14.76})),
    }
    page = chain_table_html(poses)
    assert "<td>14.8° <small>(-5.2°)</small></td>" in page
