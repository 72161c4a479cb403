from pathlib import Path

from widgets.content.course_map import LESSONS, course_map_html, lessons_dir

ROOT = Path(__file__).resolve().parents[2]


def test_existing_lessons_are_links_and_missing_ones_say_so(tmp_path):
    (tmp_path / LESSONS[0].file).write_text("{}")
    page = course_map_html(tmp_path)
    assert f"<a href='{LESSONS[0].file}'>" in page
    assert page.count("(in preparation)") == len(LESSONS) - 1


def test_the_map_matches_the_lessons_folder():
    assert lessons_dir() == ROOT / "lessons"
    on_disk = sorted(p.name for p in (ROOT / "lessons").glob("*.ipynb"))
    listed = [lesson.file for lesson in LESSONS]
    assert set(on_disk) <= set(listed), "every lesson notebook must be on the course map"
    assert [lesson.number for lesson in LESSONS] == [f"{i:02d}" for i in range(len(LESSONS))]
