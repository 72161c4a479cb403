import pytest

from widgets.figures.angle_tables import age_readout_html, angle_status, preset_table_html


def test_preset_table_links_every_source_and_marks_illustrative_values():
    table = preset_table_html("roussouly-4")
    assert "Roussouly type 4" in table and "Laouissat" in table
    assert table.count("<a href=") == 5
    assert "illustrative" in preset_table_html("newborn")


def test_unknown_preset_lists_the_valid_names():
    with pytest.raises(ValueError, match="valid presets: adult-mean"):
        preset_table_html("baby")


def test_readout_marks_illustrative_and_sourced_values():
    newborn = age_readout_html(0)
    assert newborn.count("illustrative") >= 5
    assert "bends forward" in newborn
    three = age_readout_html(36)
    assert "The model at 3 years" in three
    assert "Shefi et al. 2013" in three and "confirmed" in three


def test_angle_status_between_two_sourced_anchors_names_both():
    status, text = angle_status("lumbar_lordosis", 50)
    assert status == "interpolated"
    assert "Shefi et al. 2013" in text and "Ren et al. 2024" in text
    assert angle_status("lumbar_lordosis", 6)[0] == "illustrative"
    # the adult anchor is Vialle 2005's mean, quoted from memory (presets.csv)
    assert angle_status("lumbar_lordosis", 240)[0] == "from-memory"


@pytest.mark.parametrize("bad", [-1, 241, "ten"])
def test_bad_age_names_the_value_and_the_range(bad):
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        age_readout_html(bad)
    with pytest.raises(ValueError, match=r"age_months.*0 to 240 months"):
        angle_status("lumbar_lordosis", bad)
