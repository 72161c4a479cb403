"""The practice app: ``voila notebooks/practice.ipynb`` in headless Chromium.

Voilà is started as the README says (from the repository root, so that ``voila.json`` is
read) on a free loopback port, with ``GENTLE_SPINE_JOURNAL`` pointing to a temporary file. The
tests drive a real session (2 rounds at the fastest tempo: start, pause, resume, finish, save)
and find its row in that file; check that no code is shown and that no request leaves the
machine (Voilà's page links a CDN icon font, which ``voila.json``'s Content-Security-Policy
refuses before any request is made); and audit the page with axe-core in both themes.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from widgets.journal import open_journal
from widgets.model.breath import TEMPO_RANGE

from .chromium import is_local_url, new_page
from .conftest import skip_or_fail
from .lab import SCREENSHOT_DIR
from .server import REPO_ROOT, free_port
from .test_accessibility import AXE_SCRIPT, AXE_VERSION, BLOCKING, describe

APP = "notebooks/practice.ipynb"
#: What Voilà's ``lab`` template links from a public CDN (voila 0.5.13); ``voila.json``'s
#: Content-Security-Policy refuses to load it, so the browser never asks for it.
CDN_STYLESHEETS = (
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/all.min.css",
    "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@%5E5/css/v4-shims.min.css",
)


@dataclass
class VoilaApp:
    base: str
    journal: Path
    process: subprocess.Popen[bytes]
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@pytest.fixture(scope="module")
def voila_app(browser: Any) -> Iterator[VoilaApp]:
    """``python -m voila notebooks/practice.ipynb`` with private Jupyter dirs and a tmp journal."""
    state = Path(tempfile.mkdtemp(prefix="gentle-spine-voila-"))
    for name in ("config", "data", "runtime", "ipython"):
        (state / name).mkdir()
    journal = state / "journal.sqlite3"
    port = free_port()
    env = dict(os.environ)
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN"):
        env.pop(var, None)
    env.update(
        JUPYTER_CONFIG_DIR=str(state / "config"),
        JUPYTER_DATA_DIR=str(state / "data"),
        JUPYTER_RUNTIME_DIR=str(state / "runtime"),
        IPYTHONDIR=str(state / "ipython"),
        JUPYTER_PLATFORM_DIRS="1",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        GENTLE_SPINE_JOURNAL=str(journal),
    )
    cmd = [sys.executable, "-m", "voila", APP, "--no-browser", "--Voila.ip=127.0.0.1"]
    cmd.append(f"--port={port}")
    log = state / "voila.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    app = VoilaApp(f"http://127.0.0.1:{port}/", journal, process, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                skip_or_fail(f"voila exited with code {process.returncode}:\n{app.log_tail()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    skip_or_fail(f"voila did not listen on {port} within 60 s:\n{app.log_tail()}")
                time.sleep(0.25)
        yield app
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture
def app_page(browser: Any) -> Iterator[Any]:
    """A fresh page that records every request and the Content-Security-Policy refusals."""
    page = new_page(browser)
    page.requests = []
    page.failures = {}
    page.csp_refused = []
    page.on("request", lambda r: page.requests.append(r.url))
    page.on("requestfailed", lambda r: page.failures.__setitem__(r.url, r.failure))
    page.on(
        "console",
        lambda m: page.csp_refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    try:
        yield page
    finally:
        page.context.close()


def open_app(page: Any, app: VoilaApp, theme: str = "light") -> Any:
    page.goto(f"{app.base}?theme={theme}", timeout=120_000)
    root = page.locator(".gs-sp").first
    root.wait_for(state="visible", timeout=120_000)
    page.wait_for_function("() => document.querySelector('.gs-sp-plan').textContent !== ''")
    return root


def assert_no_code_and_local_only(page: Any) -> None:
    assert page.locator(".jp-CodeCell .jp-InputArea:visible").count() == 0
    assert page.locator(".cm-editor, .CodeMirror, .jp-InputPrompt:visible").count() == 0
    text = page.locator("body").inner_text()
    assert "session_player" not in text and "import widgets" not in text, "code is showing"
    # Chromium reports a load that the Content-Security-Policy refused as a request that
    # failed with "csp"; it never reaches the network (nor the route that blocks remote hosts).
    remote = [u for u in page.requests if not is_local_url(u)]
    sent = [u for u in remote if page.failures.get(u) != "csp"]
    assert sent == [], f"requests left the machine: {sent}"
    assert set(remote) <= set(CDN_STYLESHEETS), remote
    assert page.blocked_requests == [], page.blocked_requests
    for message in page.csp_refused:  # refused by the browser: no request was made
        assert any(url in message for url in CDN_STYLESHEETS), message


def state_of(page: Any) -> dict:
    return page.evaluate(
        "() => { const d = document.querySelector('.gs-sp').gsDebug; "
        "return {state: d.state, t: d.t, round: d.round}; }"
    )


@pytest.mark.browser
def test_a_short_session_in_the_app_is_saved_to_the_journal(
    voila_app: VoilaApp, app_page: Any
) -> None:
    page = app_page
    root = open_app(page, voila_app)
    assert_no_code_and_local_only(page)
    assert not voila_app.journal.exists(), "opening the app writes nothing"

    page.locator(".gs-sp-before select").select_option("4")
    page.locator(".gs-sp-before textarea").fill("app test, before")
    page.locator(".gs-sp-settings select").first.select_option("rounds")
    page.get_by_label("Length", exact=True).fill("2")
    page.get_by_label("Length", exact=True).press("Tab")  # "change" commits it
    page.get_by_label("Tempo", exact=True).focus()
    page.keyboard.press("End")  # the fastest tempo, by keyboard
    page.get_by_label("Spoken cues").uncheck()
    period = 60.0 / TEMPO_RANGE[1]
    assert f"2 rounds of {period:.1f} s" in page.locator(".gs-sp-plan").inner_text()

    page.locator(".gs-sp-start").click()
    page.wait_for_timeout(700)
    assert state_of(page)["state"] == "running"
    page.locator(".gs-sp-pause").click()  # pause
    page.wait_for_timeout(200)
    paused = state_of(page)
    assert paused["state"] == "paused"
    page.wait_for_timeout(1200)
    assert state_of(page)["t"] == paused["t"], "the clock stands still while paused"
    root.focus()
    page.keyboard.press("Space")  # resume, by keyboard
    page.wait_for_timeout(200)
    assert state_of(page)["state"] == "running"
    page.wait_for_function(
        "() => document.querySelector('.gs-sp').gsDebug.state === 'after'", timeout=15_000
    )
    assert state_of(page)["t"] == pytest.approx(2 * period)

    page.locator(".gs-sp-after select").select_option("2")
    page.locator(".gs-sp-after textarea").fill("app test, after")
    page.locator(".gs-sp-save").click()
    page.wait_for_function(
        "() => document.querySelector('.gs-sp').dataset.saved !== undefined", timeout=20_000
    )
    assert "Saved" in page.locator(".gs-sp-status").inner_text()
    with open_journal(voila_app.journal) as journal:
        (session,) = journal.sessions()
    assert (session.rounds, session.tempo, session.mode) == (2, TEMPO_RANGE[1], "lift-with-breath")
    assert session.duration_s == pytest.approx(2 * period, abs=1e-6)
    assert (session.pain_before, session.pain_after) == (4, 2)
    assert session.note == "before: app test, before\nafter: app test, after"
    assert_no_code_and_local_only(page)
    assert page.page_errors == [], page.page_errors


@pytest.mark.browser
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_app_is_accessible_in_both_themes(
    voila_app: VoilaApp, app_page: Any, theme: str
) -> None:
    page = app_page
    open_app(page, voila_app, theme)
    page.wait_for_timeout(800)
    body = page.locator("body")
    assert ("theme-dark" in (body.get_attribute("class") or "")) == (theme == "dark")
    assert_no_code_and_local_only(page)
    options = {"resultTypes": ["violations", "passes"]}
    results = Axe(axe_script=AXE_SCRIPT).run(page, options=options)
    assert results.response["testEngine"]["version"] == AXE_VERSION
    checked = sum(len(p["nodes"]) for p in results.response["passes"])
    assert checked > 20, f"the audit found almost nothing to check: {checked} nodes"
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert blocking == [], f"voila app ({theme}):\n{describe(blocking)}"
    SCREENSHOT_DIR.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT_DIR / f"voila-practice-{theme}.png"), full_page=True)


def test_voila_json_refuses_every_other_origin() -> None:
    """The app's config: a Content-Security-Policy that allows this server only."""
    config = json.loads((REPO_ROOT / "voila.json").read_text())
    policy = config["Voila"]["tornado_settings"]["headers"]["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["default-src"].split()[0] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert "http" not in policy and "*" not in policy
