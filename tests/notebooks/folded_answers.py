"""Reading a sandbox notebook's Markdown and its folded answers, for the notebook tests.

Each sandbox notebook (``notebooks/*.ipynb``) ends every worked experiment with a question
("### Your turn") and one folded answer (``<details><summary>One answer</summary>``); the
tests hold the numbers in those answers to the models.
"""

import itertools
import json
import re
from pathlib import Path

_ANSWER = re.compile(r"<details><summary>One answer</summary>(.*?)</details>", re.S)


def cells(notebook: Path, kind: str = "markdown") -> list[str]:
    """The source of each cell of ``kind`` ("markdown" or "code") of ``notebook``, in order."""
    nb = json.loads(notebook.read_text("utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


def answers(notebook: Path) -> list[str]:
    """The folded answers, in order, with whitespace and bold marks flattened."""
    found = _ANSWER.findall("\n".join(cells(notebook)))
    return [" ".join(a.replace("**", "").split()) for a in found]


def says(answer: str, *texts: str) -> None:
    """Assert that ``answer`` holds each of ``texts``, word for word."""
    for text in texts:
        assert text in answer, f"the answer should say {text!r}: {answer}"


def assert_questions_then_answers(notebook: Path, count: int) -> None:
    """``count`` experiments, each a "Your turn" question ("?") before one folded answer."""
    text = "\n".join(cells(notebook))
    assert len(answers(notebook)) == count
    assert text.count("### Your turn") == count
    for block in text.split("### Your turn")[1:]:
        assert "?" in block.split("<details>")[0], "a question comes before the answer"


def assert_headings_in_order(notebook: Path) -> None:
    """One title (``#``), and no heading more than one level below the one before it."""
    levels = [
        len(m.group(1)) for cell in cells(notebook) for m in re.finditer(r"^(#+) ", cell, re.M)
    ]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), levels
