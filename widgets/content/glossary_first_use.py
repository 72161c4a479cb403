"""The glossary's first-use rule: a lesson links or defines each entry where it first uses it.

:func:`first_use_problems`: in a lesson, the first use of any form of an entry (see
:mod:`widgets.content.glossary`) must be introduced, in one of these ways:

- in Markdown, it is the text of a link to that entry (``[lordosis](glossary.ipynb#Lordosis)``)
  or it is written in bold or italics (``**lordosis**``, ``*Cobb angle*``), the course's mark
  for "defined here, in this sentence";
- in the text of a question, a claim or the red flags, which can hold neither links nor
  emphasis, it is glossed in brackets: put in brackets right after its plain words
  (``upper (thoracic) back``) or followed at once by its meaning in brackets
  (``sciatica (pain that spreads down the leg)``). Otherwise link or define it earlier in the
  lesson's Markdown.

:func:`link_problems` finds glossary links that point to no entry (lessons link an entry by its
cell id, see :mod:`widgets.content.glossary`) or whose text is another word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from widgets.content.glossary import PAGE, Entry, entries, form_key
from widgets.content.references import bibliography
from widgets.validation import (
    check_choice,
    check_flag,
    check_instance,
    check_items,
    check_text,
)


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
        words = {form_key(f) for f in (*e.forms, e.name)}
        if not any(w in form_key(text) or w in text for w in words):
            problems.append(f"[{text}]({target}): the link text is not a form of {e.name!r}")
    return problems
