"""What the browser and the kernel say to each other, as seen on the page's websocket.

JupyterLab renders a Python error and a plain ``stderr`` stream identically
(``.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]``), so
:class:`KernelTraffic` listens to the kernel websocket and records every iopub ``error``
message; a stderr output counts as an error only if it shows one of those tracebacks
(:meth:`KernelTraffic.is_error_text`). It also counts the ``execute_request`` messages sent and
their replies, so that a Run All can tell when the kernel has answered everything.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_ANSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_ERROR_LINE_RE = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)(: .*)?$")


def strip_ansi(text: str) -> str:
    """``text`` without ANSI colour and cursor escapes."""
    return _ANSI_RE.sub("", text)


def normalise(text: str) -> str:
    """ANSI-free ``text`` with trailing spaces and surrounding blank lines removed."""
    return "\n".join(line.rstrip() for line in strip_ansi(text).strip().splitlines())


def last_line(text: str) -> str:
    """The last non-blank line of :func:`normalise` (``text``), stripped."""
    lines = [line for line in normalise(text).splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def decode_kernel_frame(payload: str | bytes) -> dict[str, Any] | None:
    """Decode one kernel websocket frame (v1 binary protocol or legacy JSON).

    Returns ``{"channel", "header", "parent_header", "content"}``, or None when ``payload``
    is not a kernel message.
    """
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
        """``"ValueError: first line of the message"``."""
        first = self.evalue.splitlines()[0] if self.evalue else ""
        return f"{self.ename}: {first}" if first else self.ename


@dataclass
class RunSummary:
    """What one Run All did."""

    seconds: float  # from the click on Run All until everything was answered, s
    executed: list[int]  # notebook cell indices that got an execution count
    skipped: list[int]  # code cells left unrun because an earlier cell raised
    errors: list[str] = field(default_factory=list)  # error outputs shown after the run


class KernelTraffic:
    """Kernel messages of one page: execute requests, their replies, and errors.

    Attach it to a Playwright ``page`` before the notebook is opened.
    """

    def __init__(self, page: Any) -> None:
        self.errors: list[KernelError] = []
        self.frames = 0  # decoded kernel messages (0 = protocol not understood)
        self.sent_execute = 0  # execute_request messages sent since attached
        self.pending_execute: set[str] = set()  # their msg_ids still without a reply
        page.on("websocket", self._on_websocket)

    def _on_websocket(self, ws: Any) -> None:
        if "/api/kernels/" not in ws.url or "/channels" not in ws.url:
            return
        ws.on("framesent", self._on_frame_sent)
        ws.on("framereceived", self._on_frame_received)

    def _on_frame_sent(self, payload: str | bytes) -> None:
        msg = decode_kernel_frame(payload)
        if msg and msg["header"].get("msg_type") == "execute_request":
            self.pending_execute.add(msg["header"].get("msg_id", ""))
            self.sent_execute += 1

    def _on_frame_received(self, payload: str | bytes) -> None:
        msg = decode_kernel_frame(payload)
        if not msg:
            return
        self.frames += 1
        msg_type = msg["header"].get("msg_type")
        if msg_type == "execute_reply":
            self.pending_execute.discard(msg["parent_header"].get("msg_id", ""))
        elif msg_type == "error" and msg["channel"] == "iopub":
            content = msg["content"]
            self.errors.append(
                KernelError(
                    ename=str(content.get("ename", "")),
                    evalue=str(content.get("evalue", "")),
                    traceback=normalise("\n".join(content.get("traceback") or [])),
                )
            )

    def known_error_lines(self) -> set[str]:
        """Last traceback lines and summaries of the errors seen so far."""
        known: set[str] = set()
        for err in self.errors:
            known.add(last_line(err.traceback))
            known.add(err.summary)
        known.discard("")
        return known

    def is_error_text(self, text: str, known: set[str] | None = None) -> bool:
        """Whether a rendered stderr output ``text`` shows a kernel error (not a warning).

        ``known`` is :meth:`known_error_lines` (computed if not given). When no kernel
        message could be decoded, IPython's traceback format is recognised instead.
        """
        norm = normalise(text)
        if self.frames:
            known = self.known_error_lines() if known is None else known
            lines = {line.strip() for line in norm.splitlines()}
            return bool(known & lines) or any(norm == e.traceback for e in self.errors)
        return "Traceback (most recent call last)" in norm or bool(
            _ERROR_LINE_RE.match(last_line(norm))
        )
