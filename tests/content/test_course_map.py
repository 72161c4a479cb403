from pathlib import Path

from widgets.content.course_map import LESSONS, course_map_html, course_map_markdown, lessons_dir

ROOT = Path(__file__).resolve().parents[2]


def test_existing_lessons_are_links_and_missing_ones_say_so(tmp_path):
    (tmp_path / LESSONS[0].file).write_text("{}")
    page = course_map_html(tmp_path)
    assert f"<a href='{LESSONS[0].file}'>" in page
    assert page.count("(in preparation)") == len(LESSONS) - 1


def test_the_map_matches_the_lessons_folder():
    assert lessons_dir() == ROOT / "lessons"
    # Numbered notebooks are lessons; the glossary page beside them is not on the map.
    on_disk = sorted(p.name for p in (ROOT / "lessons").glob("[0-9][0-9]-*.ipynb"))
    listed = [lesson.file for lesson in LESSONS]
    assert set(on_disk) <= set(listed), "every lesson notebook must be on the course map"
    assert [lesson.number for lesson in LESSONS] == [f"{i:02d}" for i in range(len(LESSONS))]


def test_the_readme_lesson_table_is_the_course_map():
    # The README's table is generated from LESSONS: change the map, then paste the new table.
    readme = (ROOT / "README.md").read_text()
    table = course_map_markdown(ROOT / "lessons")
    assert table in readme, "README lesson table differs from the course map; expected:\n" + table


def test_the_readme_table_says_which_lessons_are_ready(tmp_path):
    (tmp_path / LESSONS[1].file).write_text("{}")
    rows = course_map_markdown(tmp_path).splitlines()[2:]
    assert rows[1].startswith(f"| [{LESSONS[1].number} · {LESSONS[1].title}](lessons/")
    assert rows[1].endswith("| ready |")
    assert all(r.endswith("| in preparation |") for i, r in enumerate(rows) if i != 1)
