"""Self-test of the browser harness on a tiny throw-away notebook."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import expect

from .lab import Lab
from .notebooks import write_notebook


def test_run_errors_theme_and_screenshots(lab: Lab, tmp_notebook_dir: Path) -> None:
    nb_path = write_notebook(tmp_notebook_dir / "tiny.ipynb", ["print(1 + 1)", "1/0"])
    on_disk = nb_path.read_bytes()

    lab.open_notebook(nb_path, theme="light")
    assert lab.theme()["jpThemeLight"] == "true"

    summary = lab.run_all(timeout=120)
    assert summary.executed == [0, 1]
    assert summary.skipped == []

    errors = lab.cell_errors()
    assert len(errors) == 1, errors
    assert "ZeroDivisionError" in errors[0]
    assert [e.ename for e in lab.kernel_errors] == ["ZeroDivisionError"]

    stdout = lab.page.locator(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]'
    )
    expect(stdout).to_have_count(1)
    expect(stdout.first).to_be_visible()
    expect(stdout.first).to_have_text(re.compile(r"^\s*2\s*$"))

    light_png = lab.screenshot("harness-light")
    lab.set_theme("dark")
    assert lab.theme()["jpThemeLight"] == "false"
    assert lab.theme()["jpThemeName"] == "JupyterLab Dark"
    dark_png = lab.screenshot("harness-dark")
    for png in (light_png, dark_png):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert light_png.read_bytes() != dark_png.read_bytes()

    assert lab.page.page_errors == []
    assert lab.page.console_errors == []
    assert lab.page.blocked_requests == []

    assert lab.server.sessions(nb_path), "the notebook should have a kernel session"
    lab.close_notebook()
    assert lab.server.sessions(nb_path) == []
    assert nb_path.read_bytes() == on_disk, "running in the browser must not modify the file"


def test_stderr_is_not_an_error_and_kernel_dialog(lab: Lab, tmp_notebook_dir: Path) -> None:
    nb_path = write_notebook(
        tmp_notebook_dir / "nokernel.ipynb",
        [
            "import sys\nprint(sys.prefix)",
            "import sys, warnings\nprint('just a note', file=sys.stderr)\nwarnings.warn('careful')",
            "",
            "def f():\n    raise ValueError('bad value')\nf()",
            "print('never runs')",
        ],
        kernelspec=False,  # JupyterLab asks "Select Kernel"; the harness accepts it
    )
    lab.open_notebook(nb_path, theme="dark")
    assert lab.theme()["jpThemeLight"] == "false"
    assert lab.kernel_dialogs_accepted == 1

    summary = lab.run_all(timeout=120)
    assert summary.executed == [0, 1, 3]
    assert summary.skipped == [4]
    # The kernel runs in this very environment.
    assert lab.output_texts()[0] == [sys.prefix]
    errors = lab.cell_errors()
    assert len(errors) == 1, errors
    assert errors[0].splitlines()[-1] == "ValueError: bad value"


def test_non_local_network_is_blocked_and_recorded(page: Any) -> None:
    page.goto("about:blank")
    page.evaluate(
        """async () => {
            await fetch('https://example.invalid/track.js').catch(() => null);
            const ws = new WebSocket('wss://example.invalid/socket');
            await new Promise(resolve => { ws.onclose = resolve; ws.onerror = resolve; });
        }"""
    )
    assert "https://example.invalid/track.js" in page.blocked_requests
    assert "wss://example.invalid/socket" in page.blocked_requests
