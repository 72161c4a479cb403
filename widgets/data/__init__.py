"""Sourced reference tables of the course, read from the CSV files beside this module.

Every row of every table has a ``value``, a ``unit``, a ``source`` (a citation key of
:mod:`widgets.content.references`) and a ``status`` from :data:`STATUSES`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

STATUSES: dict[str, str] = {
    "confirmed": "read in the source",
    "secondary": "read in a page that quotes the source",
    "derived": "worked out by simple arithmetic from sourced numbers (the note shows how)",
    "from-memory": "approximate; not checked against the original",
    "illustrative": "a teaching choice where no published number exists",
}

TABLES: tuple[str, ...] = (
    "segments",
    "geometry",
    "presets",
    "supine",
    "development",
    "milestones",
    "adult_ranges",
)


@dataclass(frozen=True)
class Row:
    """One sourced quantity of a reference table.

    Attributes
    ----------
    key : tuple of str
        The row's identifying columns (for example ``("L5", "body")``).
    value : float
        The number, in ``unit``.
    unit : str
        Unit of ``value`` (``mm``, ``deg``, ``fraction`` ...).
    source : str
        Citation key in the course bibliography.
    status : str
        One of :data:`STATUSES`.
    note : str
        What the number is and how it was obtained.
    """

    key: tuple[str, ...]
    value: float
    unit: str
    source: str
    status: str
    note: str


@cache
def load_table(name: str) -> tuple[Row, ...]:
    """Read one reference table.

    Parameters
    ----------
    name : str
        Table name, one of :data:`TABLES`.

    Returns
    -------
    tuple of Row
        The rows in file order.

    Raises
    ------
    ValueError
        If the table is unknown or a row is malformed (the message names file and line).
    """
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}; valid tables: {', '.join(TABLES)}")
    text = resources.files(__package__).joinpath(f"{name}.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    fixed = {"value", "unit", "source", "status", "note"}
    key_columns = [c for c in (reader.fieldnames or []) if c not in fixed]
    rows = []
    for line, record in enumerate(reader, start=2):
        try:
            value = float(record["value"])
        except (TypeError, ValueError):
            raise ValueError(
                f"{name}.csv line {line}: value {record.get('value')!r} is not a number"
            ) from None
        rows.append(
            Row(
                key=tuple(record[c] for c in key_columns),
                value=value,
                unit=record["unit"] or "",
                source=record["source"] or "",
                status=record["status"] or "",
                note=record["note"] or "",
            )
        )
    return tuple(rows)


def lookup(name: str, *key: str) -> Row:
    """Return the row of table ``name`` whose key columns equal ``key``.

    Raises
    ------
    KeyError
        If no row matches.
    """
    for row in load_table(name):
        if row.key == key:
            return row
    raise KeyError(f"{name}.csv has no row {key!r}")


def value(name: str, *key: str) -> float:
    """Return just the number of :func:`lookup`."""
    return lookup(name, *key).value
