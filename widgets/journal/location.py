"""Where the journal file lives: an argument, else ``GENTLE_SPINE_JOURNAL``, else a data folder.

The default is ``journal.sqlite3`` in the per-user data folder that ``platformdirs`` gives
for the app ``gentle-spine`` (``~/.local/share/gentle-spine`` on Linux,
``~/Library/Application Support/gentle-spine`` on macOS, ``%LOCALAPPDATA%/gentle-spine`` on
Windows). The file stays on this computer; back it up by copying it (with the course closed)
or by a CSV export, and delete the journal by deleting it.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from widgets.validation import describe

#: Environment variable that overrides the default location (a file path).
ENV_VAR = "GENTLE_SPINE_JOURNAL"
#: App name of the per-user data folder.
APP_NAME = "gentle-spine"
#: File name of the journal in that folder.
FILE_NAME = "journal.sqlite3"


def default_journal_path() -> Path:
    """The journal's file in the user's data folder (the folder may not exist yet)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def journal_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The journal file to use: ``path`` if given, else ``$GENTLE_SPINE_JOURNAL``, else the default.

    ``~`` is expanded. An empty ``GENTLE_SPINE_JOURNAL`` counts as unset.

    Raises
    ------
    ValueError
        If ``path`` (or the environment variable) is not a str or path, is empty, or names
        an existing folder rather than a file.
    """
    value: object
    if path is None:
        env = os.environ.get(ENV_VAR, "")
        if not env.strip():
            return default_journal_path()
        name, value = f"the environment variable {ENV_VAR}", env
    else:
        name, value = "path", path
    if isinstance(value, bytes) or not isinstance(value, str | os.PathLike):
        raise ValueError(
            f"{name} must be a file path (a str or pathlib.Path), got {describe(value)}"
        )
    if not str(value).strip():
        raise ValueError(f"{name} must be a file path, got the empty text {str(value)!r}")
    resolved = Path(value).expanduser()
    if resolved.is_dir():
        raise ValueError(
            f"{name} must name a file, but {str(resolved)!r} is a folder; "
            f"add a file name, e.g. {str(resolved / FILE_NAME)!r}"
        )
    return resolved
