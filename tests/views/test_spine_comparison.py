import pytest

from widgets.views.spine_comparison import SpineComparison, compare_spines, preset_table_html


def test_picker_redraws_the_right_spine_and_its_table():
    view = compare_spines()
    before = [list(t.x) for t in view.figure.data]
    view.picker.value = "roussouly-4"
    after = [list(t.x) for t in view.figure.data]
    assert before != after
    assert "Roussouly type 4" in view.table.value
    assert "Laouissat" in view.table.value
    text = " ".join(a.text for a in view.figure.layout.annotations)
    assert "PI 62°" in text


def test_show_keeps_picker_in_step():
    view = SpineComparison()
    view.show("flat-back")
    assert view.picker.value == "flat-back"


def test_unknown_preset_is_rejected_with_the_valid_names():
    with pytest.raises(ValueError, match="valid presets: adult-mean"):
        compare_spines(right="baby")
    with pytest.raises(ValueError, match="unknown preset"):
        SpineComparison().show("baby")


def test_table_marks_illustrative_values():
    assert "illustrative" in preset_table_html("newborn")
