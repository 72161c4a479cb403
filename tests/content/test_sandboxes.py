from pathlib import Path

import pytest

from widgets.content.course_map import LESSONS
from widgets.content.sandboxes import SANDBOXES, Sandbox, sandboxes_dir, sandboxes_markdown

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = [lesson.number for lesson in LESSONS]


def test_the_readme_index_is_the_sandbox_map():
    # notebooks/README.md's table is generated from SANDBOXES: change the map, then paste the
    # table that `uv run python -m widgets.content.sandboxes` prints.
    readme = (ROOT / "notebooks" / "README.md").read_text()
    table = sandboxes_markdown(ROOT / "lessons")
    assert table in readme, (
        "notebooks/README.md index differs from the sandbox map; expected:\n" + table
    )


def test_ready_means_the_notebook_exists_and_every_notebook_is_listed():
    assert sandboxes_dir() == ROOT / "notebooks"
    on_disk = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}
    ready = {box.file for box in SANDBOXES if box.status == "ready"}
    assert ready == on_disk
    assert "spine-and-growth.ipynb" in ready


def test_every_lesson_from_01_is_deepened_by_some_sandbox():
    deepened = {n for box in SANDBOXES for n in box.deepens}
    assert deepened <= set(NUMBERS)
    assert {"01", "02", "03", "04", "05", "06", "07"} <= deepened
    files = [box.file for box in SANDBOXES]
    assert len(files) == len(set(files))


def test_links_go_to_ready_sandboxes_and_written_lessons_only(tmp_path):
    (tmp_path / LESSONS[2].file).write_text("{}")
    rows = sandboxes_markdown(tmp_path, prefix="L/").splitlines()[2:]
    assert len(rows) == len(SANDBOXES)
    for row, box in zip(rows, SANDBOXES, strict=True):
        assert row.startswith(
            f"| [{box.title}]({box.file})" if box.status == "ready" else f"| {box.title} |"
        )
        assert row.endswith(f"| {box.status} |")
    linked = [r for r in rows if "](L/" in r]
    assert linked == [r for r in rows if f"{LESSONS[2].number} · " in r]
    assert f"[{LESSONS[2].number} · {LESSONS[2].title}](L/{LESSONS[2].file})" in linked[0]


@pytest.mark.parametrize(
    ("fields", "match"),
    [
        ({"file": "a/b.ipynb"}, "file"),
        ({"file": "notes.md"}, "file"),
        ({"title": ""}, "title"),
        ({"explores": 3}, "explores"),
        ({"deepens": ("09",)}, "deepens"),
        ({"deepens": "02"}, "deepens"),
        ({"deepens": ()}, "deepens"),
        ({"deepens": ("03", "02")}, "deepens"),
        ({"status": "soon"}, "status"),
    ],
)
def test_a_sandbox_refuses_bad_fields(fields, match):
    good = {
        "file": "x.ipynb",
        "title": "X",
        "explores": "x",
        "deepens": ("02",),
        "status": "planned",
    }
    with pytest.raises(ValueError, match=match):
        Sandbox(**{**good, **fields})


def test_bad_arguments_are_refused(tmp_path):
    with pytest.raises(ValueError, match="lessons"):
        sandboxes_markdown(tmp_path / "missing")
    with pytest.raises(ValueError, match="prefix"):
        sandboxes_markdown(tmp_path, prefix=None)
