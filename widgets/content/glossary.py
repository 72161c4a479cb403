"""The course glossary: plain definitions, the glossary page, and the first-use rule.

The entries live in ``data/glossary.toml``. The page ``lessons/glossary.ipynb`` is made from
them, one Markdown cell per entry, with a fixed cell id and a heading with the entry's name.
``python -m widgets.content.glossary`` rewrites the page after the entries change.

Lessons link an entry by its cell id: ``glossary.ipynb#cell-id=glossary-pelvic-tilt``.
JupyterLab 4 resolves a fragment ``cell-id=<id>`` by the cells' ids and a plain fragment
``Pelvic-tilt`` by the rendered headings (heading text with spaces written as ``-``, case
sensitive), in Markdown cells and in code-cell outputs. In JupyterLab 4.6 (headless Chromium)
the heading form landed on the entry only when the glossary was already open; on first open it
stayed at the top, while the cell-id form landed on the entry in both cases. The entries are
stored Markdown, not the output of a call, because the page is stored without outputs. Links
inside the page (the index, "see also") use the heading form, which works there.

The first-use rule (:func:`first_use_problems`): in a lesson, the first use of any form of an
entry must be introduced, in one of these ways:

- in Markdown, it is the text of a link to that entry (``[lordosis](glossary.ipynb#Lordosis)``)
  or it is written in bold or italics (``**lordosis**``, ``*Cobb angle*``), the course's mark
  for "defined here, in this sentence";
- in the text of a question, a claim or the red flags, which can hold neither links nor
  emphasis, it is glossed in brackets: put in brackets right after its plain words
  (``upper (thoracic) back``) or followed at once by its meaning in brackets
  (``sciatica (pain that spreads down the leg)``). Otherwise link or define it earlier in the
  lesson's Markdown.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from widgets.content.references import bibliography, reference
from widgets.validation import (
    check_choice,
    check_flag,
    check_folder,
    check_instance,
    check_items,
    check_text,
    check_text_list,
)

#: File name of the glossary page, next to the lessons.
PAGE = "glossary.ipynb"

_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


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
            key = _form_key(form)
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
    for e in entries():
        if e.name == name:
            return e
    valid = ", ".join(e.name for e in entries())
    raise ValueError(f"name = {name!r} is not a glossary entry; valid entries: {valid}")


# --- the page ------------------------------------------------------------------------------


def entry_markdown(e: Entry) -> str:
    """The Markdown of one entry on the glossary page: heading, definition, source, see also.

    Raises
    ------
    ValueError
        If ``e`` is not an :class:`Entry`.
    """
    check_instance("e", e, Entry, "a glossary Entry (see entries())")
    parts = [f"## {e.name}", "", e.definition]
    if e.source:
        ref = reference(e.source)
        cite = f"[{ref.short()}]({ref.link})" if ref.link else ref.short()
        parts += ["", f"*Source:* {cite}"]
    if e.see:
        links = " · ".join(f"[{name}](#{anchor(name)})" for name in e.see)
        parts += ["", f"*See also:* {links}"]
    return "\n".join(parts)


def intro_markdown() -> str:
    """The first cell of the glossary page: the introduction and an index of the entries."""
    index = " · ".join(f"[{e.name}](#{e.anchor})" for e in entries())
    return f"{str(_data()['intro']).strip()}\n\n**Entries:** {index}"


def notebook_text() -> str:
    """The glossary page as notebook JSON (nbformat 4.5), as stored on disk.

    One Markdown cell per entry, then the course map: its one code cell also brings the
    course's page style (underlined links) to a learner who opens the glossary first.
    """
    import nbformat

    cells = [nbformat.v4.new_markdown_cell(intro_markdown(), id="glossary-intro")]
    cells += [nbformat.v4.new_markdown_cell(entry_markdown(e), id=e.cell_id) for e in entries()]
    cells += [
        nbformat.v4.new_markdown_cell("## The lessons", id="glossary-lessons"),
        nbformat.v4.new_code_cell(
            "import widgets\n\nwidgets.show_course_map()", id="glossary-course-map"
        ),
    ]
    nb = nbformat.v4.new_notebook(cells=cells, metadata=_METADATA)
    nb.nbformat_minor = 5
    nbformat.validate(nb)
    return nbformat.writes(nb) + "\n"


def write_notebook(folder: Path) -> Path:
    """Write the glossary page into ``folder`` and return its path.

    Raises
    ------
    ValueError
        If ``folder`` is not an existing folder.
    """
    path = check_folder("folder", folder) / PAGE
    path.write_text(notebook_text(), encoding="utf-8")
    return path


# --- the first-use rule --------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A piece of lesson text, in the order the learner reads it.

    ``markdown`` is False for text shown by a widget (questions, claims), which cannot hold
    links or emphasis; ``where`` names the place in messages (a cell id, a question id).
    """

    text: str
    where: str
    markdown: bool = True

    def __post_init__(self) -> None:
        check_text("text", self.text, allow_empty=True)
        check_text("where", self.where)
        check_flag("markdown", self.markdown)


#: How a first use is introduced: by a link, defined in place, or "" (a problem).
HOWS: tuple[str, ...] = ("link", "defined", "")


@dataclass(frozen=True)
class FirstUse:
    """Where an entry is first used in a lesson, and whether that use is linked or defined."""

    entry: Entry
    form: str
    where: str
    context: str
    how: str  # "link", "defined" or "" (a problem)
    problem: str = ""

    def __post_init__(self) -> None:
        check_instance("entry", self.entry, Entry, "a glossary Entry")
        check_text("form", self.form)
        check_text("where", self.where)
        check_text("context", self.context, allow_empty=True)
        check_choice("how", self.how, HOWS)
        check_text("problem", self.problem, allow_empty=True)


def _segment(name: str, value: object) -> Segment:
    return check_instance(name, value, Segment, "a Segment (see widgets.content.lesson_text)")


def _form_key(form: str) -> str:
    return form if form.isupper() else " ".join(form.casefold().split())


@cache
def _forms_pattern() -> tuple[re.Pattern[str], tuple[tuple[Entry, str], ...]]:
    pairs = sorted(
        ((e, f) for e in entries() for f in e.forms), key=lambda p: len(p[1]), reverse=True
    )
    groups = []
    for i, (_, form) in enumerate(pairs):
        body = r"\s+".join(re.escape(word) for word in form.split())
        groups.append(f"(?P<f{i}>{body})" if form.isupper() else f"(?P<f{i}>(?i:{body}))")
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])")
    return pattern, tuple(pairs)


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_CODE = re.compile(r"`[^`]*`|<[^>]*>")


def _blank(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _searchable(segment: Segment) -> str:
    """The text with link targets, code, HTML tags and citations blanked (same length)."""
    text = segment.text
    spans = [m.span(2) for m in _LINK.finditer(text)] if segment.markdown else []
    spans += [m.span() for m in _CODE.finditer(text)] if segment.markdown else []
    for ref in bibliography().values():
        spans += [m.span() for m in re.finditer(re.escape(ref.short()), text)]
    return _blank(text, spans)


def _classify(segment: Segment, e: Entry, start: int, end: int) -> tuple[str, str]:
    text = segment.text
    if not segment.markdown:
        if text[start - 1 : start] == "(" or text[end : end + 2] == " (":
            return "defined", ""
        return "", (
            "first used in question, claim or red-flag text without a gloss in brackets: "
            f"gloss it there, or link it ({e.link()}) or define it earlier in the Markdown"
        )
    for link in _LINK.finditer(text):
        if link.start(1) <= start and end <= link.end(1):
            target = link.group(2)
            if target == e.target:
                return "link", ""
            return "", f"first use is inside a link to {target!r}, not to {e.target}"
    if start > 0 and end < len(text) and text[start - 1] in "*_" and text[end] in "*_":
        return "defined", ""
    return "", f"first use is neither a glossary link ({e.link()}) nor defined in bold in place"


def first_uses(segments: Iterable[Segment]) -> list[FirstUse]:
    """The first use of each entry in ``segments`` (read in order), with how it is introduced.

    Raises
    ------
    ValueError
        If ``segments`` is not a list of :class:`Segment`.
    """
    segments = check_items("segments", segments, _segment, 0, "Segment")
    pattern, pairs = _forms_pattern()
    seen: dict[str, FirstUse] = {}
    for segment in segments:
        for match in pattern.finditer(_searchable(segment)):
            assert match.lastgroup is not None
            e, form = pairs[int(match.lastgroup[1:])]
            if e.name in seen:
                continue
            start, end = match.span()
            how, problem = _classify(segment, e, start, end)
            context = " ".join(segment.text[max(0, start - 40) : end + 40].split())
            seen[e.name] = FirstUse(e, form, segment.where, context, how, problem)
    return list(seen.values())


def first_use_problems(segments: Iterable[Segment]) -> list[str]:
    """One message per entry whose first use in ``segments`` is neither linked nor defined.

    Raises
    ------
    ValueError
        If ``segments`` is not a list of :class:`Segment`.
    """
    return [
        f"{u.where}: {u.entry.name!r} ({u.form!r}): {u.problem} … {u.context} …"
        for u in first_uses(segments)
        if u.problem
    ]


def link_problems(markdown: str) -> list[str]:
    """Glossary links in ``markdown`` that point to no entry, or whose text is another word.

    A lesson links an entry as ``glossary.ipynb#cell-id=<id>`` (see the module notes); a link
    by heading anchor is reported, because it does not land on the entry on first open.

    Raises
    ------
    ValueError
        If ``markdown`` is not a str.
    """
    check_text("markdown", markdown, allow_empty=True)
    by_target = {e.target: e for e in entries()}
    problems = []
    for link in _LINK.finditer(markdown):
        text, target = link.groups()
        if not target.startswith(PAGE) or target == PAGE:
            continue
        e = by_target.get(target)
        if e is None:
            problems.append(
                f"[{text}]({target}): not a glossary entry's link; "
                "link entries as glossary.ipynb#cell-id=glossary-<name>, e.g. "
                f"{entries()[0].target}"
            )
            continue
        words = {_form_key(f) for f in (*e.forms, e.name)}
        if not any(w in _form_key(text) or w in text for w in words):
            problems.append(f"[{text}]({target}): the link text is not a form of {e.name!r}")
    return problems


if __name__ == "__main__":  # pragma: no cover - run by hand after editing glossary.toml
    from widgets.content.course_map import lessons_dir

    print(f"wrote {write_notebook(lessons_dir())}")
