"""The practice-journal notebook: Run All never creates or touches the learner's journal.

The notebook is executed in a fresh kernel whose ``GENTLE_SPINE_JOURNAL`` points to a path in
a temporary folder, whose data folder (``XDG_DATA_HOME``, where the default journal would go on
Linux) is empty, and whose ``TMPDIR`` is a folder of its own. After Run All none of the three
may hold a file, so every write the notebook made went to its own temporary folder and was
removed; and its worked CSV example must have round-tripped every field.
"""

import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "notebooks" / "practice-journal.ipynb"


def printed(nb: nbformat.NotebookNode) -> str:
    return "".join(
        out.get("text", "")
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "stream"
    )


def test_run_all_writes_nothing_outside_its_own_temporary_folder(tmp_path, monkeypatch):
    journal = tmp_path / "journal" / "journal.sqlite3"
    journal.parent.mkdir()
    data, scratch = tmp_path / "data", tmp_path / "tmp"
    data.mkdir()
    scratch.mkdir()
    monkeypatch.setenv("GENTLE_SPINE_JOURNAL", str(journal))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("TMPDIR", str(scratch))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    assert list(journal.parent.iterdir()) == [], "the learner's journal was created"
    assert list(data.iterdir()) == [], "something was written to the data folder"
    assert list(scratch.iterdir()) == [], "the worked example left files behind"
    text = printed(nb)
    assert f"Your journal: {journal}" in text
    assert "It exists yet: False" in text
    assert "imported: 16" in text and "imported again: 0" in text
    assert "every field equal: True" in text
    assert "removed: True" in text


def test_the_notebook_says_where_the_journal_is_and_how_to_back_up_and_delete():
    nb = json.loads(NOTEBOOK.read_text())
    md = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    md = " ".join(md.split())
    for text in ("GENTLE_SPINE_JOURNAL", "~/.local/share/gentle-spine", "Back up", "Delete",
                 "never writes to your journal", "export_csv", "import_csv"):  # fmt: skip
        assert text in md, text


@pytest.mark.parametrize(
    "cell", [c for c in nbformat.read(NOTEBOOK, 4).cells if c.cell_type == "code"]
)
def test_no_code_cell_opens_the_default_journal(cell):
    # open_journal() with no path would make the learner's journal: only temporary paths here.
    assert "open_journal()" not in cell.source
    assert "session_player(" not in cell.source
