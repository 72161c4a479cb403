"""Headless Chromium for the browser tests and benchmarks: executable, flags, page set-up.

* :func:`chromium_executable`, :data:`CHROMIUM_ARGS`, :data:`VIEWPORT`: which browser, how.
* :func:`new_page`, with :func:`block_non_local_network` and :func:`attach_page_recorders`: a
  fresh page, what it may reach and what it records (console errors, page errors, dialogs).
* :class:`ChromiumProcess`: Chromium started by us with a DevTools port, for scripts that
  connect Playwright over CDP and disconnect while they measure (``benchmarks/animator.py``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CHROMIUM_ENV = "GENTLE_SPINE_CHROMIUM"
DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
NON_NETWORK_SCHEMES = frozenset({"about", "blob", "data", "javascript"})


def chromium_executable() -> str:
    """``$GENTLE_SPINE_CHROMIUM`` or ``/usr/bin/chromium``."""
    return os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


def is_local_url(url: str) -> bool:
    """True for loopback http(s)/ws(s) URLs and for schemes that never hit the network."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in NON_NETWORK_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOCAL_HOSTS


def attach_page_recorders(page: Any) -> None:
    """Give ``page`` list attributes ``console_errors``, ``page_errors``, ``dialogs``.

    ``blocked_requests`` is filled by the context route set up in
    :func:`block_non_local_network`.
    """
    page.console_errors = []
    page.page_errors = []
    page.dialogs = []

    def on_console(message: Any) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            if where:
                where = f" ({where}:{location.get('lineNumber', '?')})"
            page.console_errors.append(f"{message.text}{where}")

    def on_page_error(error: Any) -> None:
        page.page_errors.append(f"{error.name}: {error.message}" if error.name else str(error))

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(f"{dialog.type}: {dialog.message}")
        # Leaving a notebook with unsaved outputs asks "leave page?": say yes.
        if dialog.type == "beforeunload":
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    page.on("dialog", on_dialog)


def block_non_local_network(context: Any, blocked: list[str]) -> None:
    """Abort (and record in ``blocked``) every request/websocket to a non-loopback host."""

    def is_remote(url: str) -> bool:
        return not is_local_url(url)

    def on_route(route: Any) -> None:
        blocked.append(route.request.url)
        route.abort("blockedbyclient")

    def on_websocket(ws_route: Any) -> None:
        blocked.append(ws_route.url)
        ws_route.close()

    context.route(is_remote, on_route)
    context.route_web_socket(is_remote, on_websocket)


def new_page(
    browser: Any, *, block_network: bool = True, viewport: dict[str, int] | None = None
) -> Any:
    """A page in a fresh context (empty cache, no service workers) with the recorders attached.

    ``page.blocked_requests`` lists what :func:`block_non_local_network` aborted; with
    ``block_network=False`` nothing is routed through Playwright (for timing: routing every
    request costs CPU; block remote hosts with Chromium's ``--host-resolver-rules`` instead)
    and the list stays empty. Close it with ``page.context.close()``.
    """
    context = browser.new_context(viewport=viewport or VIEWPORT, service_workers="block")
    blocked: list[str] = []
    if block_network:
        block_non_local_network(context, blocked)
    page = context.new_page()
    attach_page_recorders(page)
    page.blocked_requests = blocked
    return page


class ChromiumStartError(RuntimeError):
    """Chromium exited, or wrote no DevTools port, before it was ready."""


class ChromiumProcess:
    """Headless Chromium started as a child process, with a DevTools port for Playwright.

    Connect with ``playwright.chromium.connect_over_cdp(process.endpoint)``. A script can
    disconnect while it measures, so that nothing relays or records the page's traffic
    (Playwright's network instrumentation alone can cost a fifth of a core). Its stdout and
    stderr go to one temporary log file; if Chromium does not start, the end of that log is
    in the :class:`ChromiumStartError` message.

    Parameters
    ----------
    executable
        Path of the Chromium binary.
    args
        Extra command-line flags (for example :data:`CHROMIUM_ARGS`).
    window_size
        Browser window width and height, px.
    timeout
        How long to wait for the DevTools port, s.
    """

    def __init__(
        self,
        executable: str,
        args: Sequence[str] = (),
        *,
        window_size: tuple[int, int] = (VIEWPORT["width"], VIEWPORT["height"]),
        timeout: float = 30,
    ) -> None:
        self.profile = Path(tempfile.mkdtemp(prefix="gentle-spine-chromium-"))
        cmd = [
            executable,
            "--headless",
            f"--user-data-dir={self.profile}",
            "--remote-debugging-port=0",
            f"--window-size={window_size[0]},{window_size[1]}",
            *args,
            "about:blank",
        ]
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.process = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT
        )
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while not (port_file.is_file() and port_file.read_text().strip()):
            exited = self.process.poll() is not None
            if exited or time.monotonic() > deadline:
                output = self.output()  # read the log before stop() closes it
                self.stop()
                why = f"exited with code {self.process.returncode}" if exited else "timed out"
                raise ChromiumStartError(
                    f"Chromium did not start ({executable}, {why}); its output:\n"
                    f"{output[-2000:] or '<none>'}"
                )
            time.sleep(0.1)
        self.endpoint = f"http://127.0.0.1:{port_file.read_text().split()[0]}"

    def output(self) -> str:
        """Everything Chromium wrote to stdout and stderr so far (empty once stopped)."""
        if self.log.closed:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def stop(self) -> None:
        """Stop Chromium by its pid; delete its profile and its log."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)
