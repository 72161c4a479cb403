"""The course bibliography: citation key -> full reference.

Lessons cite with :func:`cite` (a short "Author year" string) and end with
:func:`references_markdown` or :func:`show_references` for the keys they used.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.validation import check_text, check_text_list


@dataclass(frozen=True)
class Reference:
    """One bibliography entry."""

    key: str
    authors: str
    year: int | None
    title: str
    venue: str
    doi: str = ""
    url: str = ""
    note: str = ""
    cite_as: str = ""

    @property
    def link(self) -> str:
        """DOI link if there is a DOI, else the URL."""
        return f"https://doi.org/{self.doi}" if self.doi else self.url

    def short(self) -> str:
        """Short citation: ``Taylor 1975``, ``Levine & Whittle 1996``, ``Guo et al. 2018``."""
        if self.cite_as:
            return self.cite_as
        year = self.year or "n.d."
        names = [a.strip() for a in self.authors.split(",") if a.strip()]
        surnames = [n.split()[0] for n in names if n != "et al."]
        if len(names) == 1:
            return f"{surnames[0]} {year}"
        if len(names) == 2 and "et al." not in names:
            return f"{surnames[0]} & {surnames[1]} {year}"
        return f"{surnames[0]} et al. {year}"

    def full(self) -> str:
        """Full reference in one line of Markdown."""
        link = f" [{self.doi or self.url}]({self.link})" if self.link else ""
        return f"{self.authors} ({self.year or 'n.d.'}). {self.title}. *{self.venue}*.{link}"


@cache
def bibliography() -> dict[str, Reference]:
    """Load every entry of ``data/references.toml``, keyed by citation key."""
    text = resources.files("widgets.data").joinpath("references.toml").read_text("utf-8")
    raw = tomllib.loads(text)
    return {key: Reference(key=key, **{"year": None, **fields}) for key, fields in raw.items()}


def reference(key: str) -> Reference:
    """Return the entry for ``key``.

    Raises
    ------
    ValueError
        If ``key`` is not text or not in the bibliography; the message suggests close keys.
    """
    check_text("citation key", key)
    bib = bibliography()
    if key not in bib:
        close = [k for k in bib if key.lower()[:4] in k.lower()]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(
            f"unknown citation key {key!r}{hint} (keys are in widgets/data/references.toml)"
        )
    return bib[key]


def cite(*keys: str) -> str:
    """Short in-text citation for one or more keys, e.g. ``(Guo et al. 2018; Fon et al. 1980)``."""
    checked = check_text_list("cite() keys", keys)
    return "(" + "; ".join(reference(k).short() for k in checked) + ")"


def references_markdown(keys: Iterable[str]) -> str:
    """Markdown list of the full references for ``keys``, sorted by short citation."""
    checked = check_text_list("keys", keys)
    refs = sorted({reference(k) for k in checked}, key=lambda r: r.short())
    lines = []
    for r in refs:
        note = f" <small>({r.note})</small>" if r.note else ""
        lines.append(f"- **{r.short()}** — {r.full()}{note}")
    return "\n".join(lines)


def show_references(keys: Iterable[str]) -> None:
    """Display :func:`references_markdown` as rendered Markdown in a notebook."""
    from IPython.display import Markdown, display

    display(Markdown(references_markdown(keys)))
