"""Unit tests of the harness that need no browser and no JupyterLab."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import nbformat
import pytest

from .chromium import ChromiumProcess, ChromiumStartError, is_local_url
from .kernel_protocol import KernelTraffic, decode_kernel_frame
from .notebooks import write_notebook


def fake_chromium(tmp_path: Path, script: str) -> str:
    exe = tmp_path / "fake-chromium"
    exe.write_text(f"#!/bin/sh\n{script}\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


def test_chromium_start_error_shows_what_chromium_wrote_to_stderr(tmp_path: Path) -> None:
    exe = fake_chromium(tmp_path, "echo 'some stdout' ; echo 'cannot open display :99' >&2; exit 3")
    with pytest.raises(ChromiumStartError) as info:
        ChromiumProcess(exe, ["--flag"], timeout=10)
    message = str(info.value)
    assert "exited with code 3" in message
    assert "cannot open display :99" in message
    assert "some stdout" in message


def test_chromium_start_timeout_is_reported_and_the_process_stopped(tmp_path: Path) -> None:
    exe = fake_chromium(tmp_path, "echo 'still starting' >&2; exec sleep 30")
    with pytest.raises(ChromiumStartError, match="timed out") as info:
        ChromiumProcess(exe, timeout=0.5)
    assert "still starting" in str(info.value)


def test_chromium_endpoint_from_the_devtools_port_file(tmp_path: Path) -> None:
    exe = fake_chromium(
        tmp_path,
        'for a in "$@"; do case "$a" in --user-data-dir=*) dir="${a#--user-data-dir=}";; esac; done\n'
        'printf "9222\\n/devtools/browser/x\\n" > "$dir/DevToolsActivePort"\n'
        "exec sleep 30",
    )
    chromium = ChromiumProcess(exe, timeout=10)
    try:
        assert chromium.endpoint == "http://127.0.0.1:9222"
    finally:
        chromium.stop()
    assert chromium.process.returncode is not None
    assert not chromium.profile.exists()


def test_write_notebook_one_or_many_cells(tmp_path: Path) -> None:
    one = nbformat.read(write_notebook(tmp_path / "a" / "one.ipynb", "x = 1"), as_version=4)
    assert [c.source for c in one.cells] == ["x = 1"]
    assert one.metadata["kernelspec"]["name"] == "python3"
    two = write_notebook(tmp_path / "two.ipynb", ["a", "b"], kernelspec=False)
    nb = nbformat.read(two, as_version=4)
    assert [c.source for c in nb.cells] == ["a", "b"]
    assert "kernelspec" not in nb.metadata
    nbformat.validate(nb)


def binary_frame(channel: str, header: dict, parent: dict, content: dict) -> bytes:
    parts = [channel.encode(), *(json.dumps(x).encode() for x in (header, parent, {}, content))]
    count = len(parts) + 1
    offsets = [8 * (count + 1)]
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = count.to_bytes(8, "little") + b"".join(o.to_bytes(8, "little") for o in offsets)
    return head + b"".join(parts)


class FakePage:
    def on(self, event: str, handler: object) -> None:
        pass


def test_kernel_frames_decode_and_errors_are_told_from_warnings() -> None:
    error = {
        "ename": "ValueError",
        "evalue": "bad value",
        "traceback": ["\x1b[31mTraceback\x1b[0m", "ValueError: bad value"],
    }
    frame = binary_frame("iopub", {"msg_type": "error"}, {"msg_id": "1"}, error)
    assert decode_kernel_frame(frame) == {
        "channel": "iopub",
        "header": {"msg_type": "error"},
        "parent_header": {"msg_id": "1"},
        "content": error,
    }
    assert decode_kernel_frame(b"not a frame") is None
    traffic = KernelTraffic(FakePage())
    traffic._on_frame_sent(
        json.dumps({"channel": "shell", "header": {"msg_type": "execute_request", "msg_id": "1"}})
    )
    assert traffic.pending_execute == {"1"}
    traffic._on_frame_received(frame)
    reply = binary_frame("shell", {"msg_type": "execute_reply"}, {"msg_id": "1"}, {})
    traffic._on_frame_received(reply)
    assert traffic.pending_execute == set()
    assert [e.summary for e in traffic.errors] == ["ValueError: bad value"]
    assert traffic.is_error_text("Traceback\nValueError: bad value\n")
    assert not traffic.is_error_text("UserWarning: careful")


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:8888/lab", True),
        ("ws://localhost/api/kernels/x/channels", True),
        ("data:text/plain,hi", True),
        ("https://cdn.example.org/plotly.js", False),
    ],
)
def test_only_loopback_urls_are_local(url: str, local: bool) -> None:
    assert is_local_url(url) is local
