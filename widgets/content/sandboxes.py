"""The map of the sandboxes: open notebooks in ``notebooks/`` that go further than the lessons.

``notebooks/README.md`` holds the index table :func:`sandboxes_markdown` renders;
``tests/content/test_sandboxes.py`` checks that the two agree, so the index cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.content.course_map import LESSONS, lessons_dir
from widgets.validation import check_choice, check_folder, check_items, check_text

#: A sandbox is ``ready`` (its notebook exists) or ``planned``.
STATUSES: tuple[str, ...] = ("ready", "planned")

_LESSON_NUMBERS: tuple[str, ...] = tuple(lesson.number for lesson in LESSONS)


@dataclass(frozen=True)
class Sandbox:
    """One open notebook of ``notebooks/``.

    Attributes
    ----------
    file : str
        The notebook's file name in ``notebooks/`` (``name.ipynb``).
    title : str
        Its title.
    explores : str
        What it explores, in a few words.
    deepens : tuple of str
        The numbers of the lessons it goes further from (e.g. ``("02", "03")``), in order.
    status : str
        ``"ready"`` or ``"planned"``.

    Raises
    ------
    ValueError
        If a field is not as above (a lesson number not on the course map included); the
        message names it.
    """

    file: str
    title: str
    explores: str
    deepens: tuple[str, ...]
    status: str

    def __post_init__(self) -> None:
        file = check_text("file", self.file)
        if not (file.endswith(".ipynb") and "/" not in file and len(file) > len(".ipynb")):
            raise ValueError(f"file must be a notebook name '<name>.ipynb', got {file!r}")
        check_text("title", self.title)
        check_text("explores", self.explores)
        deepens = check_items(
            "deepens",
            self.deepens,
            lambda name, v: check_choice(name, v, _LESSON_NUMBERS),
            1,
            "lesson number",
        )
        if list(deepens) != sorted(set(deepens)):
            raise ValueError(f"deepens must list each lesson once, in order, got {deepens!r}")
        object.__setattr__(self, "deepens", tuple(deepens))
        check_choice("status", self.status, STATUSES)


SANDBOXES: tuple[Sandbox, ...] = (
    Sandbox(
        "spine-and-growth.ipynb",
        "The spine and its growth",
        "build a spine from its angles or a preset and measure it back; how the curves grow "
        "with age; why there is no single ideal lordosis",
        ("00", "01"),
        "ready",
    ),
    Sandbox(
        "breath-and-lying.ipynb",
        "The breath and the lying body",
        "the breath model against time in its three modes and across a tempo change; the lying "
        "model's key poses; how the chin and the pelvis depend on pillow, lift size, breath "
        "depth, neck shares and legs, with the model's spread and its known gaps; how the "
        "animator blends the key poses",
        ("02", "03"),
        "ready",
    ),
    Sandbox(
        "discs.ipynb",
        "Discs",
        "the disc model in plain Python: your own load histories, a degenerated disc, sitting "
        "breaks against a study, Nachemson's and Wilke's pressures, and what a lift can move",
        ("04",),
        "ready",
    ),
    Sandbox(
        "trunk-loads.ipynb",
        "Trunk loads",
        "pose the trunk model and read every output; the upper body alone at 20, 45 and 90°; "
        "how far the load is held; how the answer depends on the assumed 5 cm moment arm",
        ("05", "06"),
        "ready",
    ),
    Sandbox(
        "practice-journal.ipynb",
        "Practice journal",
        "your own journal: where it is kept, its table and trends, CSV export and import, "
        "how to back it up or delete it",
        ("07",),
        "ready",
    ),
    Sandbox(
        "practice.ipynb",
        "Practice app",
        "the session player and its check-in with no code showing; open it as an app with "
        "`uv run voila notebooks/practice.ipynb`",
        ("07",),
        "ready",
    ),
)


def sandboxes_dir() -> Path:
    """The folder that holds the sandbox notebooks (``notebooks/`` of the repository)."""
    return Path(__file__).resolve().parents[2] / "notebooks"


def _lesson_cell(number: str, folder: Path, prefix: str) -> str:
    lesson = next(lesson for lesson in LESSONS if lesson.number == number)
    name = f"{lesson.number} · {lesson.title}"
    return f"[{name}]({prefix}{lesson.file})" if (folder / lesson.file).exists() else name


def sandboxes_markdown(lessons: Path | None = None, prefix: str = "../lessons/") -> str:
    """The index table of ``notebooks/README.md``, in Markdown.

    A ready sandbox links to its notebook; each lesson it deepens links to the lesson if the
    lesson is written (as on the course map), else is named.

    Parameters
    ----------
    lessons : Path, optional
        The lessons folder; default :func:`widgets.content.course_map.lessons_dir`.
    prefix : str, optional
        The path from the README to the lessons folder.

    Raises
    ------
    ValueError
        If ``lessons`` is given and is not an existing folder, or ``prefix`` is not a str.
    """
    folder = lessons_dir() if lessons is None else check_folder("lessons", lessons)
    check_text("prefix", prefix, allow_empty=True)
    rows = ["| sandbox | what it explores | deepens | status |", "|---|---|---|---|"]
    for box in SANDBOXES:
        name = f"[{box.title}]({box.file})" if box.status == "ready" else box.title
        deepens = "; ".join(_lesson_cell(n, folder, prefix) for n in box.deepens)
        rows.append(f"| {name} | {box.explores} | {deepens} | {box.status} |")
    return "\n".join(rows)


if __name__ == "__main__":  # print the table to paste into notebooks/README.md
    print(sandboxes_markdown())
