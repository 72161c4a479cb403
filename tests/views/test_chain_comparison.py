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
