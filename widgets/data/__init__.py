"""Sourced reference tables of the course, read from the CSV files beside this module.

Every row of every table has a ``value``, a ``unit``, a ``source`` (a citation key of
:mod:`widgets.content.references`) and a ``status`` from :data:`STATUSES`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from widgets.validation import check_choice, check_items, check_number, check_text

STATUSES: dict[str, str] = {
    "confirmed": "read in the source",
    "secondary": "read in a page that quotes the source",
    "derived": "worked out by simple arithmetic from sourced numbers (the note shows how)",
    "fitted": (
        "a value chosen so that the model reproduces measured data; it is not itself measured "
        "(the note names the data)"
    ),
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
    "trunk",
    "lordosis_relations",
    "disc",
    "disc_postures",
    "disc_days",
    "trunk_wilke",
    "balance",
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", check_items("key", self.key, check_text, 1, "str"))
        object.__setattr__(self, "value", check_number("value", self.value, self.unit))
        for name in ("unit", "source", "note"):
            check_text(name, getattr(self, name))
        check_choice("status", self.status, tuple(STATUSES))


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
        If the table is unknown (the message names ``name`` and lists the tables) or a row is
        malformed (the message names file and line).
    """
    return _read(_check_table(name))


def _check_table(name: object) -> str:
    """Return ``name`` if it is one of :data:`TABLES`, else refuse it naming ``name``."""
    return check_choice("name", name, TABLES, what="table")


@cache
def _read(name: str) -> tuple[Row, ...]:
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
        try:
            row = Row(
                key=tuple(record[c] or "" for c in key_columns),
                value=value,
                unit=record["unit"] or "",
                source=record["source"] or "",
                status=record["status"] or "",
                note=record["note"] or "",
            )
        except ValueError as err:
            raise ValueError(f"{name}.csv line {line}: {err}") from None
        rows.append(row)
    return tuple(rows)


@cache
def _index(name: str) -> MappingProxyType[tuple[str, ...], Row]:
    return MappingProxyType({row.key: row for row in load_table(name)})


def lookup(name: str, *key: str) -> Row:
    """Return the row of table ``name`` whose key columns equal ``key``.

    Parameters
    ----------
    name : str
        Table name, one of :data:`TABLES`.
    *key : str
        The row's key columns, e.g. ``lookup("segments", "L5", "body")``.

    Raises
    ------
    ValueError
        If the table is unknown, a key part is not text, or no row matches; the message
        names the table and the key and lists the valid keys (those that share the first
        part of ``key``, if any do, else every first part).
    """
    index = _index(_check_table(name))
    for i, part in enumerate(key):
        check_text(f"key[{i}] of {name}.csv", part)
    row = index.get(key)
    if row is None:
        same_start = [k for k in index if key and k[0] == key[0]]
        if same_start:
            valid = f"valid keys starting {key[0]!r}: " + ", ".join(map(repr, same_start))
        else:
            valid = "valid first keys: " + ", ".join(dict.fromkeys(k[0] for k in index))
        raise ValueError(f"{name}.csv has no row {key!r}; {valid}")
    return row


def value(name: str, *key: str) -> float:
    """Return just the number of :func:`lookup` (raises as it does)."""
    return lookup(name, *key).value
