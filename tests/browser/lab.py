"""Real-browser harness: a private JupyterLab server driven by headless Chromium.

Everything here is plain Python; ``conftest.py`` turns it into pytest fixtures.

Design notes (checked against JupyterLab 4.6):

* The server runs with throw-away config/data/runtime/settings/workspace/IPython
  directories, so nothing from the developer's own Jupyter setup leaks in, and
  with autosave disabled, so running a lesson in the browser never rewrites the
  ``.ipynb`` on disk.
* JupyterLab renders a Python error and a plain ``stderr`` stream identically
  (``.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]``),
  so :class:`Lab` also listens to the kernel websocket and records every iopub
  ``error`` message; a stderr output counts as an error only if it shows one of
  those tracebacks.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_ROOT / "screenshots"
TMP_NOTEBOOK_DIR = SCREENSHOT_DIR / "tmp_nb"

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

THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
THEMES_PLUGIN = "@jupyterlab/apputils-extension:themes"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
NON_NETWORK_SCHEMES = frozenset({"about", "blob", "data", "javascript"})

# Written into the private ``--LabApp.user_settings_dir`` before the server starts.
SETTINGS_OVERRIDES: dict[str, dict[str, Any]] = {
    THEMES_PLUGIN: {"theme": THEMES["light"], "adaptive-theme": False},
    # No news toast, no update check (both would make the server go online).
    "@jupyterlab/apputils-extension:notification": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    # Never write outputs back into the lesson files.
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
}

_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_PROMPT_RE = re.compile(r"\[(.*?)\]")
_ERROR_LINE_RE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)(: .*)?$")
# No proxies for loopback REST calls, whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def skip_or_fail(reason: str) -> None:
    """Skip the test locally; fail it when ``CI`` is set (never skip silently in CI)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def strip_ansi(text: str) -> str:
    return _ANSI_RE.sub("", text)


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in strip_ansi(text).strip().splitlines())


def _last_line(text: str) -> str:
    lines = [line for line in _normalise(text).splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def is_local_url(url: str) -> bool:
    """True for loopback http(s)/ws(s) URLs and for schemes that never hit the network."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme in NON_NETWORK_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and parts.hostname in LOCAL_HOSTS


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------------------- server


@dataclass
class JupyterServer:
    """A running ``jupyter lab`` started by :func:`start_jupyter_lab`."""

    base: str  # "http://127.0.0.1:<port>/"
    token: str
    root_dir: Path
    process: subprocess.Popen[bytes]
    log_path: Path
    state_dir: Path  # private config/data/settings/workspaces/runtime dirs

    @property
    def url(self) -> str:
        """The JupyterLab entry URL, token included."""
        return f"{self.base}lab?token={self.token}"

    def rel_path(self, path: str | os.PathLike[str]) -> str:
        """Server-relative POSIX path for a repo-relative or absolute path."""
        p = Path(path)
        if p.is_absolute():
            p = p.resolve().relative_to(self.root_dir)
        return p.as_posix()

    def notebook_url(self, path: str | os.PathLike[str], *, reset: bool = True) -> str:
        """``lab/tree/<path>?token=...``; ``reset`` starts from an empty workspace."""
        quoted = urllib.parse.quote(self.rel_path(path))
        query = f"reset&token={self.token}" if reset else f"token={self.token}"
        return f"{self.base}lab/tree/{quoted}?{query}"

    def api(self, method: str, path: str, body: Any = None, timeout: float = 10) -> Any:
        """Call the server's REST API with the token; returns decoded JSON or None."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base + path.lstrip("/"),
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with _OPENER.open(request, timeout=timeout) as response:
            payload = response.read()
        return json.loads(payload) if payload else None

    def set_theme_setting(self, theme_name: str) -> None:
        """Persist the theme in the (private) user settings, used by the next page load."""
        raw = json.dumps({"theme": theme_name, "adaptive-theme": False})
        self.api("PUT", f"lab/api/settings/{THEMES_PLUGIN}", {"raw": raw})

    def sessions(self, path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
        sessions = self.api("GET", "api/sessions") or []
        if path is None:
            return sessions
        rel = self.rel_path(path)
        return [s for s in sessions if s.get("path") == rel]

    def shutdown_sessions(self, path: str | os.PathLike[str] | None = None) -> int:
        """Delete the sessions (and so the kernels) of ``path``, or all; returns how many."""
        count = 0
        for session in self.sessions(path):
            try:
                self.api("DELETE", f"api/sessions/{session['id']}", timeout=30)
                count += 1
            except urllib.error.HTTPError as exc:  # already gone
                if exc.code != 404:
                    raise
        return count

    def is_running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "<no server log>"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 20) -> None:
        """Shut kernels down, then stop the server by its own pid (terminate, then kill)."""
        if self.is_running():
            try:
                self.shutdown_sessions()
                for kernel in self.api("GET", "api/kernels") or []:
                    self.api("DELETE", f"api/kernels/{kernel['id']}", timeout=30)
            except (OSError, urllib.error.URLError, ValueError):
                pass
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)


def _write_settings(settings_dir: Path) -> None:
    for plugin_id, values in SETTINGS_OVERRIDES.items():
        extension, plugin = plugin_id.split(":")
        target = settings_dir / extension / f"{plugin}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values, indent=2))


def start_jupyter_lab(root_dir: Path = REPO_ROOT, timeout: float = 60) -> JupyterServer:
    """Start ``python -m jupyter lab`` (same venv) on a free port with a random token."""
    state = Path(tempfile.mkdtemp(prefix="gentle-spine-lab-"))
    dirs = {
        name: state / name
        for name in ("config", "data", "runtime", "settings", "workspaces", "ipython", "cp")
    }
    for directory in dirs.values():
        directory.mkdir()
    _write_settings(dirs["settings"])
    (dirs["config"] / "jupyter_server_config.json").write_text(
        json.dumps(
            {
                "LabApp": {
                    "news_url": None,
                    "check_for_updates_class": (
                        "jupyterlab.handlers.announcements.NeverCheckForUpdate"
                    ),
                }
            }
        )
    )

    token = secrets.token_hex(24)
    port = free_port()
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        IPYTHONDIR=str(dirs["ipython"]),
        JUPYTER_PLATFORM_DIRS="1",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN"):
        env.pop(var, None)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root_dir}",
        "--ServerApp.disable_check_xsrf=True",
        "--ServerApp.terminals_enabled=False",
        f"--LabApp.user_settings_dir={dirs['settings']}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        # Keep .ipynb_checkpoints out of the repo tree.
        f"--FileCheckpoints.checkpoint_dir={dirs['cp']}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")

    log_path = state / "server.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            cmd,
            cwd=root_dir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    server = JupyterServer(
        base=f"http://127.0.0.1:{port}/",
        token=token,
        root_dir=Path(root_dir).resolve(),
        process=process,
        log_path=log_path,
        state_dir=state,
    )

    deadline = time.monotonic() + timeout
    last_error: object = None
    while time.monotonic() < deadline:
        if not server.is_running():
            raise RuntimeError(
                f"jupyter lab exited with code {process.returncode} before answering.\n"
                f"command: {' '.join(cmd)}\n--- server log ---\n{server.log_tail()}"
            )
        try:
            with _OPENER.open(f"{server.base}api/status?token={token}", timeout=2) as response:
                if response.status == 200:
                    json.loads(response.read())
                    return server
        except (OSError, urllib.error.URLError, ValueError) as exc:
            last_error = exc
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(
        f"jupyter lab did not answer /api/status within {timeout:.0f} s "
        f"(last error: {last_error!r}).\n--- server log ---\n{server.log_tail()}"
    )


@contextmanager
def running_jupyter_lab(root_dir: Path = REPO_ROOT, timeout: float = 60) -> Iterator[JupyterServer]:
    server = start_jupyter_lab(root_dir, timeout)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.state_dir, ignore_errors=True)


# --------------------------------------------------------------------------- browser


def chromium_executable() -> str:
    return os.environ.get(CHROMIUM_ENV) or DEFAULT_CHROMIUM


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


# --------------------------------------------------------------------------- kernel protocol


def decode_kernel_frame(payload: str | bytes) -> dict[str, Any] | None:
    """Decode one kernel websocket frame (v1 binary protocol or legacy JSON)."""
    try:
        if isinstance(payload, str):
            msg = json.loads(payload)
            return {
                "channel": msg.get("channel"),
                "header": msg.get("header") or {},
                "parent_header": msg.get("parent_header") or {},
                "content": msg.get("content") or {},
            }
        data = bytes(payload)
        count = int.from_bytes(data[:8], "little")
        if not 2 <= count <= 1024:
            return None
        offsets = [int.from_bytes(data[8 * (i + 1) : 8 * (i + 2)], "little") for i in range(count)]
        parts = [data[offsets[i] : offsets[i + 1]] for i in range(count - 1)]
        if len(parts) < 5:
            return None
        return {
            "channel": parts[0].decode(),
            "header": json.loads(parts[1]),
            "parent_header": json.loads(parts[2]),
            "content": json.loads(parts[4]),
        }
    except (ValueError, IndexError, UnicodeDecodeError, TypeError):
        return None


@dataclass
class KernelError:
    """An iopub ``error`` message seen on the kernel websocket."""

    ename: str
    evalue: str
    traceback: str  # ANSI stripped, lines joined with "\n"

    @property
    def summary(self) -> str:
        first = self.evalue.splitlines()[0] if self.evalue else ""
        return f"{self.ename}: {first}" if first else self.ename


@dataclass
class RunSummary:
    seconds: float
    executed: list[int]  # notebook cell indices that got an execution count
    skipped: list[int]  # code cells left unrun because an earlier cell raised
    errors: list[str] = field(default_factory=list)  # cell_errors() after the run


class LabTimeoutError(AssertionError):
    pass


# JS: state of the current notebook panel.
_NOTEBOOK_STATE_JS = """
() => {
  const panels = Array.from(document.querySelectorAll('.jp-NotebookPanel'));
  const panel = panels.find(p => !p.classList.contains('lm-mod-hidden')) || panels[0];
  const dialogs = Array.from(document.querySelectorAll('.jp-Dialog')).map(d => {
    const header = d.querySelector('.jp-Dialog-header');
    return (header ? header.textContent : d.textContent).trim();
  });
  const splash = !!document.querySelector('#jupyterlab-splash');
  if (!panel) return {splash, panel: false, status: null, kernel: null, cells: [], dialogs};
  const indicator = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const kernelName = panel.querySelector('.jp-KernelName');
  const cells = Array.from(panel.querySelectorAll('.jp-Notebook .jp-Notebook-cell')).map(c => {
    const code = c.classList.contains('jp-CodeCell');
    const prompt = code ? c.querySelector('.jp-InputArea-prompt') : null;
    const editor = c.querySelector('.cm-content');
    return {
      type: code ? 'code' : (c.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw'),
      prompt: prompt ? prompt.textContent : '',
      source: editor ? editor.textContent : '',
      stderr: Array.from(c.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
      )).map(o => o.textContent),
    };
  });
  return {
    splash,
    panel: true,
    status: indicator ? indicator.dataset.status : null,
    kernel: kernelName ? kernelName.textContent.trim() : null,
    cells,
    dialogs,
  };
}
"""

# JS: is the theme flag set and the theme's CSS actually applied?
_THEME_APPLIED_JS = """
([name, light]) => {
  const body = document.body;
  if (!body || body.dataset.jpThemeName !== name) return false;
  // JupyterLab covers the page with its splash screen while (re)loading a theme.
  if (document.querySelector('#jupyterlab-splash')) return false;
  if (body.dataset.jpThemeLight !== String(light)) return false;
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'var(--jp-layout-color0)';
  body.appendChild(probe);
  const rgb = getComputedStyle(probe).backgroundColor.match(/[\\d.]+/g);
  probe.remove();
  if (!rgb || rgb.length < 3) return false;
  const [r, g, b] = rgb.slice(0, 3).map(Number);
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return light ? luminance > 0.5 : luminance < 0.5;
}
"""


class Lab:
    """Drive one notebook in JupyterLab through a Playwright ``page``."""

    def __init__(self, page: Any, server: JupyterServer, screenshot_dir: Path = SCREENSHOT_DIR):
        self.page = page
        self.server = server
        self.screenshot_dir = screenshot_dir
        self.path: str | None = None  # server-relative path of the open notebook
        self.kernel_errors: list[KernelError] = []
        self.kernel_frames = 0  # decoded kernel messages (0 = protocol not understood)
        self._pending_execute: set[str] = set()
        self._sent_execute = 0
        self._file_sources: list[tuple[str, str]] | None = None
        self.kernel_dialogs_accepted = 0  # "Select Kernel" dialogs answered
        page.on("websocket", self._on_websocket)

    # -- kernel websocket ------------------------------------------------------------

    def _on_websocket(self, ws: Any) -> None:
        if "/api/kernels/" not in ws.url or "/channels" not in ws.url:
            return
        ws.on("framesent", self._on_frame_sent)
        ws.on("framereceived", self._on_frame_received)

    def _on_frame_sent(self, payload: str | bytes) -> None:
        msg = decode_kernel_frame(payload)
        if msg and msg["header"].get("msg_type") == "execute_request":
            self._pending_execute.add(msg["header"].get("msg_id", ""))
            self._sent_execute += 1

    def _on_frame_received(self, payload: str | bytes) -> None:
        msg = decode_kernel_frame(payload)
        if not msg:
            return
        self.kernel_frames += 1
        msg_type = msg["header"].get("msg_type")
        if msg_type == "execute_reply":
            self._pending_execute.discard(msg["parent_header"].get("msg_id", ""))
        elif msg_type == "error" and msg["channel"] == "iopub":
            content = msg["content"]
            self.kernel_errors.append(
                KernelError(
                    ename=str(content.get("ename", "")),
                    evalue=str(content.get("evalue", "")),
                    traceback=_normalise("\n".join(content.get("traceback") or [])),
                )
            )

    # -- helpers ---------------------------------------------------------------------

    def _state(self) -> dict[str, Any]:
        return self.page.evaluate(_NOTEBOOK_STATE_JS)

    def _wait(self, seconds: float) -> None:
        # page.wait_for_timeout keeps Playwright's event handlers running.
        self.page.wait_for_timeout(seconds * 1000)

    def _menu(
        self,
        top: str,
        command: str | list[str],
        submenu: str | None = None,
        label: str | None = None,
    ) -> None:
        """Click menubar ``top`` (optionally hover ``submenu``), then a command's item.

        ``label`` picks among several items sharing one command (e.g. the themes).
        """
        page = self.page
        page.keyboard.press("Escape")
        page.locator(".lm-MenuBar-item").filter(
            has_text=re.compile(rf"^\s*{re.escape(top)}\s*$")
        ).first.click()
        if submenu is not None:
            page.locator('.lm-Menu .lm-Menu-item[data-type="submenu"]').filter(
                has_text=re.compile(rf"^\s*{re.escape(submenu)}\s*$")
            ).first.hover()
        commands = [command] if isinstance(command, str) else command
        items = page.locator(
            ", ".join(f'.lm-Menu .lm-Menu-item[data-command="{cmd}"]' for cmd in commands)
        )
        if label is not None:
            items = items.filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
        try:
            items.first.wait_for(state="visible", timeout=10_000)
        except Exception as exc:
            page.keyboard.press("Escape")
            raise AssertionError(
                f"menu {top!r}{f' > {submenu!r}' if submenu else ''} has no visible item for "
                f"{commands}{f' labelled {label!r}' if label else ''}"
            ) from exc
        if "lm-mod-disabled" in (items.first.get_attribute("class") or ""):
            page.keyboard.press("Escape")
            raise AssertionError(f"menu item {commands} is disabled (is the notebook active?)")
        items.first.click()

    def _theme_name(self, theme: str) -> str:
        return THEMES.get(theme, theme)

    def _read_file_sources(self) -> list[tuple[str, str]] | None:
        try:
            model = self.server.api("GET", f"api/contents/{urllib.parse.quote(self.path or '')}")
            cells = model["content"]["cells"]
        except (OSError, urllib.error.URLError, KeyError, TypeError, ValueError):
            return None
        out = []
        for cell in cells:
            source = cell.get("source", "")
            out.append(
                (cell.get("cell_type", ""), "".join(source) if isinstance(source, list) else source)
            )
        return out

    # -- public API ------------------------------------------------------------------

    def open_notebook(
        self, rel_path: str | os.PathLike[str], theme: str = "light", timeout: float = 90
    ) -> None:
        """Open a notebook in ``theme`` ("light"/"dark"), wait until its kernel is idle."""
        if self.path is not None:
            self.close_notebook()
        self.path = self.server.rel_path(rel_path)
        if not (self.server.root_dir / self.path).is_file():
            raise FileNotFoundError(self.server.root_dir / self.path)
        theme_name = self._theme_name(theme)
        self.server.set_theme_setting(theme_name)  # so the page loads in the right theme
        self._file_sources = self._read_file_sources()
        self.page.goto(self.server.notebook_url(self.path), wait_until="domcontentloaded")
        self.wait_for_kernel_idle(timeout)
        self.set_theme(theme)

    def wait_for_kernel_idle(self, timeout: float = 90) -> None:
        """Wait for the notebook panel and an idle kernel; accept "Select Kernel"."""
        deadline = time.monotonic() + timeout
        state: dict[str, Any] = {}
        ready_polls = 0
        while time.monotonic() < deadline:
            state = self._state()
            # Before the session exists the indicator already says "idle" with the
            # kernel name "No Kernel": wait for a named kernel that is idle, twice.
            ready = (
                state["panel"]
                and not state["splash"]
                and state["status"] == "idle"
                and state["kernel"] not in (None, "", "No Kernel")
                and not state["dialogs"]
            )
            ready_polls = ready_polls + 1 if ready else 0
            if ready_polls >= 2:
                return
            if any(d.startswith("Select Kernel") for d in state["dialogs"]):
                # Accept the dialog's default choice: the preferred Python kernel.
                dialog = self.page.locator(".jp-Dialog").first
                dialog.locator(".jp-Dialog-button.jp-mod-accept").first.click()
                dialog.wait_for(state="detached", timeout=10_000)
                self.kernel_dialogs_accepted += 1
            elif state["status"] == "dead":
                raise AssertionError(
                    f"kernel for {self.path} died.\n--- server log ---\n{self.server.log_tail()}"
                )
            self._wait(0.2)
        raise LabTimeoutError(
            f"{self.path}: kernel not idle after {timeout:.0f} s "
            f"(notebook panel present: {state.get('panel')}, kernel {state.get('kernel')!r}, "
            f"status {state.get('status')!r}, open dialogs: {state.get('dialogs')}).\n"
            f"--- server log ---\n{self.server.log_tail()}"
        )

    def theme(self) -> dict[str, str]:
        """``document.body.dataset`` theme fields (jpThemeName, jpThemeLight, ...)."""
        return self.page.evaluate("() => ({...document.body.dataset})")

    def set_theme(self, theme: str, timeout: float = 30) -> None:
        """Switch the running page to ``theme`` via Settings > Theme; return once applied."""
        theme_name = self._theme_name(theme)
        light = "Dark" not in theme_name
        if not self.page.evaluate(_THEME_APPLIED_JS, [theme_name, light]):
            current = self.theme().get("jpThemeName")
            if current != theme_name:
                self._menu("Settings", "apputils:change-theme", submenu="Theme", label=theme_name)
            try:
                self.page.wait_for_function(
                    _THEME_APPLIED_JS, arg=[theme_name, light], timeout=timeout * 1000
                )
            except Exception as exc:
                raise LabTimeoutError(
                    f"theme {theme_name!r} not applied within {timeout:.0f} s; "
                    f"body dataset: {self.theme()}"
                ) from exc

    def run_all(self, timeout: float = 180) -> RunSummary:
        """Run > Run All Cells, then wait until nothing is pending and the kernel is idle.

        Cells after one that raised are not run by JupyterLab; they are reported in
        ``RunSummary.skipped`` rather than waited for.
        """
        start = time.monotonic()
        sent_before = self._sent_execute
        self._menu("Run", ["runmenu:run-all", "notebook:run-all-cells"])
        deadline = start + timeout
        retry_at: float | None = start + 5
        stable = 0
        pending: list[str] = []
        state: dict[str, Any] = {}
        while True:
            self._wait(0.25)
            state = self._state()
            pending, executed, skipped = self._classify(state)
            started = self._sent_execute > sent_before or not (executed or pending or skipped)
            done = (
                started and not pending and not self._pending_execute and state["status"] == "idle"
            )
            stable = stable + 1 if done else 0
            if (
                retry_at is not None
                and time.monotonic() > retry_at
                and self.kernel_frames  # we can see the kernel traffic...
                and self._sent_execute == sent_before  # ...and nothing was sent
                and not executed
                and state["status"] == "idle"
            ):
                # Safety net: the click landed before the session was usable.
                retry_at = None
                self._menu("Run", ["runmenu:run-all", "notebook:run-all-cells"])
                continue
            if stable >= 2:
                return RunSummary(
                    seconds=time.monotonic() - start,
                    executed=executed,
                    skipped=skipped,
                    errors=self.cell_errors(),
                )
            if state["status"] == "dead":
                raise AssertionError(
                    f"kernel died during Run All of {self.path}.\n{self.server.log_tail()}"
                )
            if time.monotonic() > deadline:
                break
        detail = "; ".join(pending) or (
            f"{len(self._pending_execute)} execute request(s) unanswered"
            if self._pending_execute
            else "no cell started"
        )
        raise LabTimeoutError(
            f"Run All of {self.path} not finished after {timeout:.0f} s "
            f"(kernel status {state.get('status')!r}): {detail}"
        )

    def _classify(self, state: dict[str, Any]) -> tuple[list[str], list[int], list[int]]:
        """Split code cells into (pending descriptions, executed indices, skipped indices)."""
        cells = state["cells"]
        sources = self._file_sources
        use_file = sources is not None and len(sources) == len(cells)
        known = self._known_error_lines()
        pending: list[str] = []
        executed: list[int] = []
        skipped: list[int] = []
        error_seen = False
        for index, cell in enumerate(cells):
            if cell["type"] != "code":
                continue
            source = sources[index][1] if use_file and sources else cell["source"]
            match = _PROMPT_RE.search(cell["prompt"])
            count = match.group(1).strip() if match else ""
            first_line = (source.strip().splitlines() or [""])[0][:60]
            if count == "*":
                pending.append(f"cell {index} [*] still running: {first_line!r}")
            elif count:
                executed.append(index)
            elif not source.strip():
                pass  # JupyterLab does not execute empty cells
            elif error_seen:
                skipped.append(index)
            else:
                pending.append(f"cell {index} [ ] not executed yet: {first_line!r}")
            if any(self._is_error_text(t, known) for t in cell["stderr"]):
                error_seen = True
        return pending, executed, skipped

    def _known_error_lines(self) -> set[str]:
        known: set[str] = set()
        for err in self.kernel_errors:
            known.add(_last_line(err.traceback))
            known.add(err.summary)
        known.discard("")
        return known

    def _is_error_text(self, text: str, known: set[str]) -> bool:
        norm = _normalise(text)
        if self.kernel_frames:
            lines = {line.strip() for line in norm.splitlines()}
            return bool(known & lines) or any(norm == e.traceback for e in self.kernel_errors)
        # Fallback when the kernel protocol could not be decoded: IPython's formats.
        return "Traceback (most recent call last)" in norm or bool(
            _ERROR_LINE_RE.match(_last_line(norm))
        )

    def cell_errors(self) -> list[str]:
        """Texts (ANSI-free) of the error outputs currently shown in the notebook.

        Plain stderr output (warnings, logging) is not an error and is left out.
        """
        known = self._known_error_lines()
        texts: list[str] = []
        for cell in self._state()["cells"]:
            texts.extend(_normalise(t) for t in cell["stderr"] if self._is_error_text(t, known))
        return texts

    def output_texts(self) -> list[list[str]]:
        """Per notebook cell, the text of each rendered output (empty list if none)."""
        return self.page.evaluate(
            """() => Array.from(document.querySelectorAll(
                '.jp-NotebookPanel .jp-Notebook .jp-Notebook-cell')).map(c =>
                Array.from(c.querySelectorAll('.jp-OutputArea-output'))
                     .map(o => o.textContent.trim()))"""
        )

    def screenshot(self, name: str, full_page: bool = True) -> Path:
        """Save a PNG to ``<repo>/screenshots/<name>.png`` and return its path."""
        path = self.screenshot_dir / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def close_notebook(self) -> int:
        """Leave the page (discarding unsaved outputs) and delete the notebook's sessions."""
        if self.path is None:
            return 0
        path, self.path = self.path, None
        try:
            if not self.page.is_closed():
                if not hasattr(self.page, "dialogs"):
                    # No attach_page_recorders(): answer "leave page?" ourselves.
                    self.page.once("dialog", lambda dialog: dialog.accept())
                self.page.goto("about:blank")
        finally:
            count = self.server.shutdown_sessions(path)
        return count

    def problems(self) -> dict[str, list[str]]:
        """Console errors, page errors and blocked non-local requests seen so far."""
        return {
            "console_errors": list(getattr(self.page, "console_errors", [])),
            "page_errors": list(getattr(self.page, "page_errors", [])),
            "blocked_requests": list(getattr(self.page, "blocked_requests", [])),
        }


def remove_empty_dirs(path: Path, stop: Path) -> None:
    """Remove ``path`` and its parents while empty, not going above ``stop``."""
    path, stop = path.resolve(), stop.resolve()
    while path != stop and stop in path.parents:
        try:
            path.rmdir()
        except OSError:
            return
        path = path.parent


__all__ = [
    "CHROMIUM_ARGS",
    "REPO_ROOT",
    "SCREENSHOT_DIR",
    "TMP_NOTEBOOK_DIR",
    "VIEWPORT",
    "JupyterServer",
    "KernelError",
    "Lab",
    "LabTimeoutError",
    "RunSummary",
    "attach_page_recorders",
    "block_non_local_network",
    "chromium_executable",
    "decode_kernel_frame",
    "is_local_url",
    "remove_empty_dirs",
    "running_jupyter_lab",
    "skip_or_fail",
    "start_jupyter_lab",
]
