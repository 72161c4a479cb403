"""Drive one notebook in real JupyterLab through a Playwright page: the :class:`Lab` class.

Open a notebook in a theme and wait for its kernel, Run All and wait until every cell has
been answered, read error outputs, switch the theme, save screenshots, close the notebook.
The server comes from :mod:`.server`, the kernel messages from :mod:`.kernel_protocol`.
"""

from __future__ import annotations

import os
import re
import time
import urllib.error
import urllib.parse
from pathlib import Path
from typing import Any

from .kernel_protocol import KernelError, KernelTraffic, RunSummary, normalise
from .server import REPO_ROOT, THEMES, JupyterServer

SCREENSHOT_DIR = REPO_ROOT / "screenshots"

_PROMPT_RE = re.compile(r"\[(.*?)\]")


class LabTimeoutError(AssertionError):
    """JupyterLab did not reach the expected state in time."""


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
        self.kernel = KernelTraffic(page)
        self._file_sources: list[tuple[str, str]] | None = None
        self.kernel_dialogs_accepted = 0  # "Select Kernel" dialogs answered

    @property
    def kernel_errors(self) -> list[KernelError]:
        """Every iopub ``error`` message seen on this page's kernel websocket."""
        return self.kernel.errors

    @property
    def kernel_frames(self) -> int:
        """How many kernel messages were decoded (0 = protocol not understood)."""
        return self.kernel.frames

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
        sent_before = self.kernel.sent_execute
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
            started = self.kernel.sent_execute > sent_before or not (executed or pending or skipped)
            done = (
                started
                and not pending
                and not self.kernel.pending_execute
                and state["status"] == "idle"
            )
            stable = stable + 1 if done else 0
            if (
                retry_at is not None
                and time.monotonic() > retry_at
                and self.kernel_frames  # we can see the kernel traffic...
                and self.kernel.sent_execute == sent_before  # ...and nothing was sent
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
            f"{len(self.kernel.pending_execute)} execute request(s) unanswered"
            if self.kernel.pending_execute
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
        known = self.kernel.known_error_lines()
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
            if any(self.kernel.is_error_text(t, known) for t in cell["stderr"]):
                error_seen = True
        return pending, executed, skipped

    def cell_errors(self) -> list[str]:
        """Texts (ANSI-free) of the error outputs currently shown in the notebook.

        Plain stderr output (warnings, logging) is not an error and is left out.
        """
        known = self.kernel.known_error_lines()
        texts: list[str] = []
        for cell in self._state()["cells"]:
            texts.extend(
                normalise(t) for t in cell["stderr"] if self.kernel.is_error_text(t, known)
            )
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
