"""Fixtures for the real-browser tests: a private JupyterLab and headless Chromium.

``jupyter_lab`` (session)  a :class:`~.lab.JupyterServer` serving the repo root.
``browser`` (session)      Playwright Chromium; skipped locally, *failed* under ``CI``
                           when the executable is missing or cannot be launched.
``page`` (function)        fresh context/page recording ``console_errors``,
                           ``page_errors``, ``dialogs`` and ``blocked_requests``.
``lab`` (function)         a :class:`~.lab.Lab` wrapping ``page`` + ``jupyter_lab``.
``tmp_notebook_dir``       a scratch folder under ``<repo>/screenshots/tmp_nb/``.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .lab import (
    CHROMIUM_ARGS,
    TMP_NOTEBOOK_DIR,
    VIEWPORT,
    JupyterServer,
    Lab,
    attach_page_recorders,
    block_non_local_network,
    chromium_executable,
    remove_empty_dirs,
    running_jupyter_lab,
    skip_or_fail,
)

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


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
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    blocked: list[str] = []
    block_non_local_network(context, blocked)
    new_page = context.new_page()
    attach_page_recorders(new_page)
    new_page.blocked_requests = blocked
    try:
        yield new_page
    finally:
        context.close()


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
