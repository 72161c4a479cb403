"""The text a learner reads in a lesson, in reading order: for checks on its words and sources.

A lesson's text is its Markdown cells plus what its content calls show: the questions of
``widgets.ask``, the graded claims of ``widgets.show_evidence`` (with their sources, as
rendered) and the red flags of ``widgets.show_red_flags``. Figures and tables drawn by the
views carry their own sources and are not included.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from widgets.content.course_map import LESSONS, lessons_dir
from widgets.content.glossary_first_use import Segment
from widgets.content.lesson_content import claims, content
from widgets.content.red_flags import red_flags
from widgets.content.references import bibliography, reference
from widgets.validation import check_choice, check_folder

_CALL = re.compile(r"widgets\.(ask|show_evidence|show_red_flags)\(([^)]*)\)")
_ARG = re.compile(r"\"([^\"]*)\"|'([^']*)'")


def notebook_path(lesson: str, folder: Path | None = None) -> Path:
    """The notebook of ``lesson`` (a number such as ``"01"``).

    Raises
    ------
    ValueError
        If ``lesson`` is not on the course map (the message lists the lesson numbers), or
        ``folder`` is given and is not an existing folder.
    """
    where = lessons_dir() if folder is None else check_folder("folder", folder)
    for entry in LESSONS:
        if entry.number == lesson:
            return where / entry.file
    valid = ", ".join(entry.number for entry in LESSONS)
    raise ValueError(f"unknown lesson {lesson!r}; valid lessons: {valid}")


def _question_text(lesson: str, question_id: str) -> str:
    """The prompt, options and feedback of ``widgets.ask(lesson, question_id)``, one a line."""
    questions = {q["id"]: q for q in content(lesson).get("question", [])}
    what = f"question of lesson {lesson}"
    q = questions[
        check_choice("question_id", question_id, questions, what=what, plural="questions")
    ]
    parts = [q["prompt"]]
    for option, feedback in q["options"].items():
        parts += [option, feedback]
    return "\n".join(parts)


def _claims_text(lesson: str) -> str:
    parts = []
    for c in claims(lesson):
        cites = "; ".join(reference(k).short() for k in c.sources)
        parts.append(f"Claim: {c.claim}\n{c.finding} ({cites})")
    return "\n".join(parts)


def _red_flags_text() -> str:
    parts = []
    for group in red_flags():
        cites = "; ".join(reference(k).short() for k in group.sources)
        parts.append("\n".join([group.title, *group.signs, f"Sources: {cites}"]))
    return "\n".join(parts)


def segments(lesson: str, folder: Path | None = None) -> list[Segment]:
    """The text of ``lesson`` in reading order, one segment per Markdown cell or content call.

    Raises
    ------
    ValueError
        If ``lesson`` is not on the course map, its notebook is not written yet, or ``folder``
        is not an existing folder; the message names the lesson and lists the written ones.
    """
    path = notebook_path(lesson, folder)
    if not path.is_file():
        written = [e.number for e in LESSONS if (path.parent / e.file).is_file()]
        raise ValueError(
            f"lesson {lesson!r} has no notebook yet ({path.name} is in preparation); "
            f"written lessons: {', '.join(written) or 'none'}"
        )
    nb = json.loads(path.read_text("utf-8"))
    out: list[Segment] = []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        where = str(cell.get("id", "?"))
        if cell["cell_type"] == "markdown":
            out.append(Segment(source, f"cell {where}"))
            continue
        if cell["cell_type"] != "code":
            continue
        for call in _CALL.finditer(source):
            name = call.group(1)
            args = [a or b for a, b in _ARG.findall(call.group(2))]
            if name == "ask":
                text = _question_text(args[0], args[1])
                out.append(Segment(text, f"question {args[1]!r}", markdown=False))
            elif name == "show_evidence":
                out.append(Segment(_claims_text(args[0]), "claims", markdown=False))
            else:
                out.append(Segment(_red_flags_text(), "red flags", markdown=False))
    return out


def cited_keys(lesson: str, folder: Path | None = None) -> set[str]:
    """Citation keys whose short citation appears in the text of ``lesson``.

    Raises as :func:`segments` does.
    """
    text = "\n".join(s.text for s in segments(lesson, folder))
    return {key for key, ref in bibliography().items() if ref.short() in text}
