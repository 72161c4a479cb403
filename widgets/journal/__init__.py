"""The practice journal: a private record of each session, kept in one SQLite file.

Use::

    from widgets.journal import Session, open_journal

    with open_journal() as journal:           # or open_journal(path=...)
        journal.add(Session(start=datetime.now().astimezone(), duration_s=600.0, rounds=60,
                            tempo=6.0, exhale_ratio=1.5, mode="lift-with-breath",
                            pain_before=4, pain_after=3, note="stiff in the morning"))
        sessions = journal.sessions()

The file lives in the user's data folder (:func:`journal_path`; ``GENTLE_SPINE_JOURNAL``
overrides it). :func:`export_csv` and :func:`import_csv` copy the journal to and from a
CSV file, exactly. The journal sits beside ``widgets.model`` in the layers: it uses
``data``, ``validation`` and ``model`` (the breath modes) and ``figures`` and ``views`` use it.
"""

from widgets.journal.csv_io import COLUMNS, export_csv, import_csv, read_csv, write_csv
from widgets.journal.location import ENV_VAR, default_journal_path, journal_path
from widgets.journal.schema import SCHEMA_VERSION
from widgets.journal.session import (
    DURATION_RANGE,
    NOTE_MAX_CHARS,
    PAIN_RANGE,
    ROUNDS_RANGE,
    Session,
)
from widgets.journal.store import Journal, open_journal

__all__ = [
    "COLUMNS",
    "DURATION_RANGE",
    "ENV_VAR",
    "NOTE_MAX_CHARS",
    "PAIN_RANGE",
    "ROUNDS_RANGE",
    "SCHEMA_VERSION",
    "Journal",
    "Session",
    "default_journal_path",
    "export_csv",
    "import_csv",
    "journal_path",
    "open_journal",
    "read_csv",
    "write_csv",
]
