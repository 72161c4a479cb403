"""A private JupyterLab server for the browser tests and benchmarks.

The server runs with throw-away config/data/runtime/settings/workspace/IPython directories, so
nothing from the developer's own Jupyter setup leaks in, and with autosave disabled, so running
a lesson in the browser never rewrites the ``.ipynb`` on disk. It listens on a free loopback
port with a random token and serves ``root_dir`` (the repository by default).
"""

from __future__ import annotations

import json
import os
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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]

THEMES = {"light": "JupyterLab Light", "dark": "JupyterLab Dark"}
THEMES_PLUGIN = "@jupyterlab/apputils-extension:themes"

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

# No proxies for loopback REST calls, whatever the environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


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


def start_jupyter_lab(
    root_dir: Path = REPO_ROOT, timeout: float = 60, env: Mapping[str, str] | None = None
) -> JupyterServer:
    """Start ``python -m jupyter lab`` (same venv) on a free port with a random token.

    ``env`` adds variables to the server's (and so the kernels') environment, for example
    ``PYTHONPATH`` to make the kernels import another checkout's ``widgets``.
    """
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
    server_env = dict(os.environ)
    server_env.update(
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        IPYTHONDIR=str(dirs["ipython"]),
        JUPYTER_PLATFORM_DIRS="1",
        PATH=os.pathsep.join([str(Path(sys.executable).parent), server_env.get("PATH", "")]),
        PYDEVD_DISABLE_FILE_VALIDATION="1",
    )
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_TOKEN"):
        server_env.pop(var, None)
    server_env.update(env or {})
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
            env=server_env,
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
def running_jupyter_lab(
    root_dir: Path = REPO_ROOT, timeout: float = 60, env: Mapping[str, str] | None = None
) -> Iterator[JupyterServer]:
    """:func:`start_jupyter_lab` as a context manager; stops it and deletes its state."""
    server = start_jupyter_lab(root_dir, timeout, env)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.state_dir, ignore_errors=True)
