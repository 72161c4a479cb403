"""The repository is ruff-clean (lint and format, notebooks included) and type-checks with mypy."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return subprocess.run([exe, *args], cwd=ROOT, capture_output=True, text=True, check=False)


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return tool("ruff", *args)


def test_ruff_check():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy():
    # Configured in pyproject.toml: strict flags for widgets.model, standard elsewhere.
    result = tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_type_ignore_comments():
    paths = [*ROOT.glob("widgets/**/*.py"), *ROOT.glob("tests/**/*.py")]
    marker = "type: " + "ignore"
    assert [p.name for p in paths if marker in p.read_text()] == []


def test_nothing_reads_the_shared_folder():
    # Learners do not have the team's shared folder beside the repo.
    needles = ("../" + "shared", "shared/" + "research")
    paths = [*ROOT.glob("widgets/**/*.py"), *ROOT.glob("tests/**/*.py"), *ROOT.glob("*/*.ipynb")]
    offenders = [p.name for p in paths if any(n in p.read_text() for n in needles)]
    assert not offenders
