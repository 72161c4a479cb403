"""Every lesson's text and outputs pass axe-core with no critical or serious violation.

Runs in real JupyterLab, light and dark theme, after Run All. The audit covers what the course
renders (Markdown cells and cell outputs), not JupyterLab's own chrome or code editors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .lab import Lab

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(
    p.relative_to(ROOT).as_posix()
    for folder in ("lessons", "notebooks")
    for p in (ROOT / folder).glob("*.ipynb")
)
#: What the course renders: rendered Markdown and every cell output.
CONTEXT = {"include": [[".jp-Notebook .jp-MarkdownOutput"], [".jp-Notebook .jp-OutputArea-output"]]}
BLOCKING = ("critical", "serious")
#: The axe-core engine the audit runs: vendored, because axe-playwright-python ships an older one.
AXE_VERSION = "4.14.1"
AXE_SCRIPT = (Path(__file__).with_name("vendor") / "axe-core" / "axe.min.js").read_text()


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = [" ".join(map(str, n["target"])) for n in v["nodes"][:3]]
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ")[:200]
        lines.append(
            f"{v['impact']} {v['id']} x{len(v['nodes'])}: {v['help']} :: {targets} :: {summary}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_serious_accessibility_violations(lab: Lab, notebook: str, theme: str) -> None:
    lab.open_notebook(notebook, theme=theme)
    summary = lab.run_all(timeout=240)
    assert summary.errors == [], summary.errors
    # JupyterLab renders cells lazily: bring each into view once so that all are in the DOM.
    cells = lab.page.locator(".jp-Notebook .jp-Cell")
    for k in range(cells.count()):
        cells.nth(k).scroll_into_view_if_needed()
    lab.page.wait_for_timeout(1000)  # let widgets finish their first paint
    # "passes" in full too, so that the test can tell that the audit found the content.
    options = {"resultTypes": ["violations", "passes"]}
    results = Axe(axe_script=AXE_SCRIPT).run(lab.page, context=CONTEXT, options=options)
    assert results.response["testEngine"]["version"] == AXE_VERSION
    checked = sum(len(p["nodes"]) for p in results.response["passes"])
    assert checked > 20, f"the audit found almost nothing to check in {notebook}: {checked} nodes"
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], f"{notebook} ({theme}):\n{describe(blocking)}"
