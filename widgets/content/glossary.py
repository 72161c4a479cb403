"""The course glossary: its entries, each a plain definition with the words that use it.

The entries live in ``data/glossary.toml``. The page ``lessons/glossary.ipynb`` is made from
them by :mod:`widgets.content.glossary_page`, one Markdown cell per entry, with a fixed cell id
and a heading with the entry's name; :mod:`widgets.content.glossary_first_use` holds the rule
that a lesson links or defines each entry where it first uses it.

Lessons link an entry by its cell id: ``glossary.ipynb#cell-id=glossary-pelvic-tilt``.
JupyterLab 4 resolves a fragment ``cell-id=<id>`` by the cells' ids and a plain fragment
``Pelvic-tilt`` by the rendered headings (heading text with spaces written as ``-``, case
sensitive), in Markdown cells and in code-cell outputs. In JupyterLab 4.6 (headless Chromium)
the heading form landed on the entry only when the glossary was already open; on first open it
stayed at the top, while the cell-id form landed on the entry in both cases. The entries are
stored Markdown, not the output of a call, because the page is stored without outputs. Links
inside the page (the index, "see also") use the heading form, which works there.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.content.references import bibliography, reference
from widgets.validation import check_choice, check_text, check_text_list

#: File name of the glossary page, next to the lessons.
PAGE = "glossary.ipynb"


@dataclass(frozen=True)
class Entry:
    """One glossary entry.

    Parameters
    ----------
    name : str
        Heading on the glossary page; :attr:`anchor` is made from it.
    definition : str
        Short plain definition (Markdown).
    forms : tuple of str
        Words that count as a use of the entry in a lesson. A form in capitals (``"SD"``)
        matches exactly; others ignore case. Empty for words too common to check.
    source : str
        Citation key of the source of the definition's facts, or ``""``.
    see : tuple of str
        Names of related entries.

    Raises
    ------
    ValueError
        If a field is not as above (a single string for ``forms`` or ``see`` is refused) or
        ``source`` is not in the bibliography; the message names it.
    """

    name: str
    definition: str
    forms: tuple[str, ...] = ()
    source: str = ""
    see: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_text("name", self.name)
        check_text("definition", self.definition)
        object.__setattr__(self, "forms", check_text_list("forms", self.forms, minimum=0))
        if check_text("source", self.source, allow_empty=True):
            reference(self.source)  # an unknown key raises, naming it
        object.__setattr__(self, "see", check_text_list("see", self.see, minimum=0))

    @property
    def anchor(self) -> str:
        """The heading anchor of the entry on the glossary page, e.g. ``Pelvic-tilt``."""
        return anchor(self.name)

    @property
    def cell_id(self) -> str:
        """The id of the entry's cell on the glossary page, e.g. ``glossary-pelvic-tilt``."""
        return f"glossary-{self.anchor.lower()}"

    @property
    def target(self) -> str:
        """Where a lesson links the entry: ``glossary.ipynb#cell-id=glossary-pelvic-tilt``."""
        return f"{PAGE}#cell-id={self.cell_id}"

    def link(self, text: str | None = None) -> str:
        """A Markdown link to the entry from a lesson, with ``text`` (default: the name).

        Raises
        ------
        ValueError
            If ``text`` is neither ``None`` nor non-blank text.
        """
        shown = self.name.lower() if text is None else check_text("text", text)
        return f"[{shown}]({self.target})"


def anchor(name: str) -> str:
    """The anchor JupyterLab gives the heading ``name``: its spaces written as ``-``.

    Raises
    ------
    ValueError
        If ``name`` is not non-blank text.
    """
    return check_text("name", name).replace(" ", "-")


@cache
def _data() -> dict[str, object]:
    text = resources.files("widgets.data").joinpath("glossary.toml").read_text("utf-8")
    return tomllib.loads(text)


def intro() -> str:
    """The glossary page's introduction (Markdown), as written in ``data/glossary.toml``."""
    return str(_data()["intro"]).strip()


def form_key(form: str) -> str:
    """How a form is compared: as written if in capitals (``"SD"``), else case-folded.

    Runs of spaces count as one space.

    Raises
    ------
    ValueError
        If ``form`` is not text (a ``str``; blank text gives ``""``).
    """
    form = check_text("form", form, allow_empty=True)
    return form if form.isupper() else " ".join(form.casefold().split())


@cache
def entries() -> tuple[Entry, ...]:
    """All entries, in alphabetical order.

    Raises
    ------
    ValueError
        If two entries share a name or a form, a ``see`` name is not an entry, or a source
        key is not in the bibliography.
    """
    raw = _data()["entry"]
    assert isinstance(raw, list)
    found = [
        Entry(
            name=e["name"],
            definition=e["definition"].strip(),
            forms=tuple(e.get("forms", ())),
            source=e.get("source", ""),
            see=tuple(e.get("see", ())),
        )
        for e in raw
    ]
    names = [e.name for e in found]
    doubles = sorted({n for n in names if names.count(n) > 1})
    if doubles:
        raise ValueError(f"glossary entries named twice: {', '.join(doubles)}")
    owner: dict[str, str] = {}
    for e in found:
        for form in e.forms:
            key = form_key(form)
            if key in owner:
                raise ValueError(f"glossary form {form!r} is in both {owner[key]!r} and {e.name!r}")
            owner[key] = e.name
        unknown = [n for n in e.see if n not in names]
        if unknown:
            raise ValueError(f"glossary entry {e.name!r} sees unknown entries: {unknown}")
        if e.source and e.source not in bibliography():
            raise ValueError(f"glossary entry {e.name!r} has unknown source key {e.source!r}")
    return tuple(sorted(found, key=lambda e: e.name.casefold()))


def entry(name: str) -> Entry:
    """The entry called ``name``.

    Raises
    ------
    ValueError
        If there is no such entry; the message names ``name`` and lists the entries.
    """
    by_name = {e.name: e for e in entries()}
    return by_name[check_choice("name", name, by_name, what="glossary entry", plural="entries")]
