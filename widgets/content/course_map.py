"""The map of the course: lessons in teaching order, with links to those that exist."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from widgets.content.page_style import show_html
from widgets.validation import check_folder, check_int_in_range, check_text

#: Longest lesson, minutes.
MAX_MINUTES = 240


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course.

    Attributes
    ----------
    number : str
        Two digits, e.g. ``"02"``.
    title : str
        The lesson's title.
    file : str
        The notebook's file name in ``lessons/`` (``NN-name.ipynb``).
    minutes : int
        Time it takes, minutes (1 to :data:`MAX_MINUTES`).
    about : str
        What it is about, in a few words.

    Raises
    ------
    ValueError
        If a field is not as above; the message names it.
    """

    number: str
    title: str
    file: str
    minutes: int
    about: str

    def __post_init__(self) -> None:
        number = check_text("number", self.number)
        if not (len(number) == 2 and number.isdigit()):
            raise ValueError(f"number must be two digits such as '02', got {number!r}")
        check_text("title", self.title)
        file = check_text("file", self.file)
        if not (file.startswith(f"{number}-") and file.endswith(".ipynb") and "/" not in file):
            raise ValueError(
                f"file must be a notebook name '{number}-<name>.ipynb' in lessons/, got {file!r}"
            )
        check_int_in_range("minutes", self.minutes, 1, MAX_MINUTES, "min")
        check_text("about", self.about)


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        "00",
        "Start here",
        "00-start-here.ipynb",
        15,
        "how to use the course, safety and red flags, the spine to scale",
    ),
    Lesson(
        "01",
        "The natural curves",
        "01-natural-curves.ipynb",
        25,
        "the newborn's C, how the curves grow, no single ideal curve",
    ),
    Lesson(
        "02",
        "The waist lift",
        "02-waist-lift.ipynb",
        25,
        "the core movement, paced by the breath; the evidence for its claims",
    ),
    Lesson(
        "03",
        "Breathing and the chin",
        "03-breathing-and-the-chin.ipynb",
        20,
        "what moves when you breathe; tempo; a paced practice",
    ),
    Lesson(
        "04",
        "Discs and fluid",
        "04-discs-and-fluid.ipynb",
        25,
        "what the 'pump' idea can and cannot do",
    ),
    Lesson(
        "05",
        "Active muscles, passive devices",
        "05-active-vs-passive.ipynb",
        25,
        "why doing beats being moved",
    ),
    Lesson(
        "06", "What loads the low back", "06-loads.ipynb", 25, "sitting, twisting, tilting, lifting"
    ),
    Lesson(
        "07",
        "A guided practice session",
        "07-guided-practice.ipynb",
        25,
        "putting it together, safely",
    ),
)


def lessons_dir() -> Path:
    """The folder that holds the lesson notebooks (the working folder if it has them)."""
    here = Path.cwd()
    if (here / LESSONS[0].file).exists():
        return here
    return Path(__file__).resolve().parents[2] / "lessons"


def course_map_html(folder: Path | None = None) -> str:
    """HTML table of the lessons; a lesson that is not written yet says so.

    Raises
    ------
    ValueError
        If ``folder`` is given and is not an existing folder.
    """
    folder = lessons_dir() if folder is None else check_folder("folder", folder)
    rows = []
    for lesson in LESSONS:
        exists = (folder / lesson.file).exists()
        name = f"{lesson.number} · {html.escape(lesson.title)}"
        href = html.escape(lesson.file)
        cell = f"<a href='{href}'>{name}</a>" if exists else f"{name} <i>(in preparation)</i>"
        about = html.escape(lesson.about)
        rows.append(f"<tr><td>{cell}</td><td>{about}</td><td>{lesson.minutes} min</td></tr>")
    head = "<tr><th>lesson</th><th>what it is about</th><th>time</th></tr>"
    return f"<table class='gs-course-map'>{head}{''.join(rows)}</table>"


def course_map_markdown(folder: Path | None = None, prefix: str = "lessons/") -> str:
    """The lesson table of the README, in Markdown: a link and "ready" for each written lesson.

    ``prefix`` is the path from the README to the lessons folder.

    Raises
    ------
    ValueError
        If ``folder`` is given and is not an existing folder, or ``prefix`` is not a str.
    """
    folder = lessons_dir() if folder is None else check_folder("folder", folder)
    check_text("prefix", prefix, allow_empty=True)
    rows = ["| lesson | what it is about | time | status |", "|---|---|---|---|"]
    for lesson in LESSONS:
        name = f"{lesson.number} · {lesson.title}"
        ready = (folder / lesson.file).exists()
        cell = f"[{name}]({prefix}{lesson.file})" if ready else name
        status = "ready" if ready else "in preparation"
        rows.append(f"| {cell} | {lesson.about} | {lesson.minutes} min | {status} |")
    return "\n".join(rows)


def show_course_map() -> None:
    """Display the course map in a notebook."""
    show_html(course_map_html())
