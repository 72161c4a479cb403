"""Lesson content kept outside the notebooks: questions, graded claims and references.

Each lesson ``NN-name.ipynb`` has ``data/lessons/NN-name.toml`` so that its code cells stay
one line long and teachers can edit questions and claims without touching code.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from widgets.content.course_map import LESSONS
from widgets.content.evidence import claim_html
from widgets.content.page_style import show_html
from widgets.content.references import references_markdown
from widgets.validation import check_text


@dataclass(frozen=True)
class Claim:
    """A claim with its evidence grade, what the evidence says, and its sources."""

    claim: str
    grade: str
    finding: str
    sources: tuple[str, ...]


def _file_for(lesson: str) -> str:
    check_text("lesson", lesson)
    for entry in LESSONS:
        if lesson in (entry.number, entry.file, entry.file.removesuffix(".ipynb")):
            return entry.file.replace(".ipynb", ".toml")
    valid = ", ".join(entry.number for entry in LESSONS)
    raise ValueError(f"unknown lesson {lesson!r}; valid lessons: {valid}")


def _folder() -> Traversable:
    return resources.files("widgets.data").joinpath("lessons")


def lessons_with_content() -> tuple[str, ...]:
    """Numbers of the lessons that have a content file, in course order."""
    return tuple(
        e.number for e in LESSONS if _folder().joinpath(e.file.replace(".ipynb", ".toml")).is_file()
    )


def content(lesson: str) -> dict[str, Any]:
    """The parsed content file of ``lesson`` (a number such as ``"00"`` or a file name).

    Raises
    ------
    ValueError
        If ``lesson`` is not text, not on the course map, or has no content file yet.
    """
    name = _file_for(lesson)
    if not _folder().joinpath(name).is_file():
        ready = ", ".join(lessons_with_content())
        raise ValueError(
            f"lesson {lesson!r} has no content yet (it is in preparation); "
            f"lessons with content: {ready}"
        )
    return _parsed(name)


@cache
def _parsed(name: str) -> dict[str, Any]:
    return tomllib.loads(_folder().joinpath(name).read_text("utf-8"))


def claims(lesson: str) -> tuple[Claim, ...]:
    """The graded claims of ``lesson``, in order."""
    return tuple(
        Claim(c["claim"], c["grade"], c["finding"], tuple(c["sources"]))
        for c in content(lesson).get("claim", [])
    )


def evidence_html(lesson: str) -> str:
    """All graded claims of ``lesson`` as HTML."""
    return "".join(claim_html(c.claim, c.grade, c.finding, c.sources) for c in claims(lesson))


def show_evidence(lesson: str) -> None:
    """Display the graded claims of ``lesson``."""
    show_html(evidence_html(lesson))


def show_lesson_references(lesson: str) -> None:
    """Display the full references of ``lesson``."""
    from IPython.display import Markdown, display

    display(Markdown(references_markdown(content(lesson)["references"])))
