"""Notebooks are stored without outputs; every lesson follows the course skeleton."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted([*ROOT.glob("lessons/*.ipynb"), *ROOT.glob("notebooks/*.ipynb")])
LESSONS = sorted(ROOT.glob("lessons/[0-9][0-9]-*.ipynb"))  # not the glossary page


def test_there_are_notebooks():
    assert LESSONS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_stored_without_outputs(path):
    nb = json.loads(path.read_text())
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a cell has outputs"
            assert cell["execution_count"] is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_skeleton_and_short_code_cells(path):
    nb = json.loads(path.read_text())
    md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    first = "".join(nb["cells"][0]["source"])
    assert first.startswith("# "), "a lesson starts with its title"
    assert "minutes" in first, "the title cell says how long the lesson takes"
    for heading in ("## Summary", "## References", "Predict, then check", "evidence"):
        assert heading in md, f"{path.name}: missing {heading!r}"
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            lines = [ln for ln in "".join(cell["source"]).splitlines() if ln.strip()]
            assert len(lines) <= 3, f"{path.name}: code cell longer than 3 lines: {lines}"
            assert "import ipywidgets as widgets" not in "".join(cell["source"])
