"""Fixtures for the real-browser tests: a private JupyterLab and headless Chromium.

``jupyter_lab`` (session)  a :class:`~.server.JupyterServer` serving the repo root.
``browser`` (session)      Playwright Chromium; skipped locally, *failed* under ``CI``
                           when the executable is missing or cannot be launched.
``page`` (function)        fresh context/page recording ``console_errors``,
                           ``page_errors``, ``dialogs`` and ``blocked_requests``.
``lab`` (function)         a :class:`~.lab.Lab` wrapping ``page`` + ``jupyter_lab``.
``tmp_notebook_dir``       a scratch folder under ``<repo>/screenshots/tmp_nb/``
                           (write notebooks there with :func:`~.notebooks.write_notebook`).

Tests that use none of the browser fixtures (unit tests of the harness) are not marked
``browser``.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .chromium import CHROMIUM_ARGS, chromium_executable, new_page
from .lab import SCREENSHOT_DIR, Lab
from .server import JupyterServer, running_jupyter_lab

HERE = Path(__file__).resolve().parent
TMP_NOTEBOOK_DIR = SCREENSHOT_DIR / "tmp_nb"
BROWSER_FIXTURES = frozenset({"browser", "jupyter_lab", "page", "lab"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        uses_browser = BROWSER_FIXTURES & set(getattr(item, "fixturenames", ()))
        if uses_browser and HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def skip_or_fail(reason: str) -> None:
    """Skip the test locally; fail it when ``CI`` is set (never skip silently in CI)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def remove_empty_dirs(path: Path, stop: Path) -> None:
    """Remove ``path`` and its parents while empty, not going above ``stop``."""
    path, stop = path.resolve(), stop.resolve()
    while path != stop and stop in path.parents:
        try:
            path.rmdir()
        except OSError:
            return
        path = path.parent


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_executable()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        skip_or_fail(f"Chromium executable not found: {executable} (set GENTLE_SPINE_CHROMIUM)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        skip_or_fail(f"Playwright for Python is not installed: {exc}")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
    except Exception as exc:
        playwright.stop()
        skip_or_fail(f"Playwright could not launch {executable}: {exc}")
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()


@pytest.fixture(scope="session")
def jupyter_lab() -> Iterator[JupyterServer]:
    with running_jupyter_lab() as server:
        yield server


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    fresh = new_page(browser)
    try:
        yield fresh
    finally:
        fresh.context.close()


@pytest.fixture
def lab(page: Any, jupyter_lab: JupyterServer) -> Iterator[Lab]:
    helper = Lab(page, jupyter_lab)
    try:
        yield helper
    finally:
        helper.close_notebook()


@pytest.fixture
def tmp_notebook_dir() -> Iterator[Path]:
    path = TMP_NOTEBOOK_DIR / f"t{secrets.token_hex(4)}"
    path.mkdir(parents=True)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)
        remove_empty_dirs(TMP_NOTEBOOK_DIR, TMP_NOTEBOOK_DIR.parent)
