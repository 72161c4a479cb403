import numpy as np
import pytest

from widgets.figures.spine_parts import side_by_side
from widgets.model.spine import build_spine
from widgets.views.spine_comparison import SpineComparison, compare_spines


def right_vertebra(view, level):
    right = view.drawing.scene["spines"][1]
    return np.array(next(s for s in right["shapes"] if s["name"] == level)["points"]).reshape(-1, 2)


def test_draws_both_presets_with_every_vertebra():
    view = compare_spines("adult-mean", "newborn")
    left, right = view.drawing.scene["spines"]
    assert [left["title"], right["title"]] == [
        "Adult (mean)",
        "Newborn C-curve (illustrative) · 31 % of adult size",
    ]
    vertebrae = [s["name"] for s in right["shapes"] if s["kind"] == "vertebra"]
    assert len(vertebrae) == 24 and vertebrae[0] == "C1" and vertebrae[-1] == "L5"


def test_the_newborn_is_drawn_at_about_a_third_of_the_adult_length():
    # One shared mm frame: the newborn's vertebral bodies (summed back-edge heights, in the
    # SVG's own coordinates) are 240 / 785 of the adult's, the whole-column lengths of the
    # growth table at birth and in adults (development.csv, spine_length).
    view = compare_spines("adult-mean", "newborn")

    def body_heights(spine):
        total = 0.0
        for shape in spine["shapes"]:
            if shape["kind"] == "vertebra":
                corners = np.array(shape["points"]).reshape(-1, 2)
                total += float(np.linalg.norm(corners[2] - corners[1]))  # posterior edge
        return total

    left, right = view.drawing.scene["spines"]
    assert body_heights(right) / body_heights(left) == pytest.approx(240 / 785, rel=0.01)


def test_picker_redraws_the_right_spine_and_its_table():
    view = compare_spines()
    before = right_vertebra(view, "L4")
    view.picker.value = "roussouly-4"
    geoms = [build_spine("adult-mean"), build_spine("roussouly-4")]
    dx = side_by_side(geoms)[1]
    expected = (geoms[1].body("L4") + np.array([dx, 0.0])) * [1, -1]
    assert right_vertebra(view, "L4") == pytest.approx(expected, abs=0.051)
    assert not np.allclose(before, right_vertebra(view, "L4"))
    assert view.right == "roussouly-4"
    assert "Roussouly type 4" in view.table.value
    assert "Laouissat" in view.table.value
    assert "PI 62°" in view.drawing.scene["label"]


def test_the_frame_stays_put_whatever_is_picked():
    view = SpineComparison()
    box = view.drawing.scene["viewBox"]
    for name in ("newborn", "1-year", "roussouly-1", "hyperkyphosis"):
        view.show(name)
        assert view.drawing.scene["viewBox"] == box


def test_show_keeps_picker_in_step():
    view = SpineComparison()
    view.show("flat-back")
    assert view.picker.value == "flat-back"
    assert view.drawing.scene["spines"][1]["title"] == "Flat back (illustrative)"


def test_unknown_preset_is_rejected_with_the_valid_names():
    with pytest.raises(ValueError, match="valid presets: adult-mean"):
        compare_spines(right="baby")
    with pytest.raises(ValueError, match="valid presets: adult-mean"):
        compare_spines(left="baby")
    with pytest.raises(ValueError, match="name = 'baby' is not a preset"):
        SpineComparison().show("baby")
