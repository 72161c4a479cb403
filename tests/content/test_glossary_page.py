"""The glossary page (``widgets.content.glossary_page``): made from the entries, as stored."""

import json
import re
from pathlib import Path

from widgets.content import glossary_page
from widgets.content.glossary import PAGE, entries
from widgets.content.glossary_page import notebook_text

ROOT = Path(__file__).resolve().parents[2]


def test_the_glossary_page_is_made_from_the_content_file():
    stored = (ROOT / "lessons" / PAGE).read_text("utf-8")
    assert stored == notebook_text(), (
        "lessons/glossary.ipynb differs from widgets/data/glossary.toml; "
        "run `uv run python -m widgets.content.glossary_page`"
    )


def test_the_page_has_one_markdown_cell_per_entry_under_its_anchor_heading():
    nb = json.loads((ROOT / "lessons" / PAGE).read_text("utf-8"))
    cells = nb["cells"]
    assert [c["cell_type"] for c in cells[-2:]] == ["markdown", "code"], "ends with the map"
    assert all(c["cell_type"] == "markdown" for c in cells[:-1])
    headings = ["".join(c["source"]).splitlines()[0].removeprefix("## ") for c in cells[1:-2]]
    assert headings == [e.name for e in entries()]
    anchors = [e.anchor for e in entries()]
    assert len(set(anchors)) == len(anchors)
    # JupyterLab makes a heading's anchor by writing its spaces as "-": keep names plain.
    assert all(re.fullmatch(r"[A-Za-z][A-Za-z-]*", a) for a in anchors), anchors
    ids = [c["id"] for c in nb["cells"]]
    assert len(set(ids)) == len(ids)
    assert ids[1:-2] == [e.cell_id for e in entries()], "lessons link the entries by cell id"


def test_the_module_can_rewrite_the_page(tmp_path):
    path = glossary_page.write_notebook(tmp_path)
    assert path.read_text("utf-8") == notebook_text()
