"""The glossary page ``lessons/glossary.ipynb``, made from the glossary's entries.

One Markdown cell per entry (heading, definition, source, see also) under a fixed cell id, after
an introduction with an index, then the course map. The page is stored without outputs;
``python -m widgets.content.glossary_page`` rewrites it after ``data/glossary.toml`` changes
(``tests/content/test_glossary_page.py`` checks that the two agree).
"""

from __future__ import annotations

from pathlib import Path

from widgets.content.glossary import PAGE, Entry, anchor, entries, intro
from widgets.content.references import reference
from widgets.validation import check_folder, check_instance

_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


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
    return f"{intro()}\n\n**Entries:** {index}"


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


if __name__ == "__main__":  # pragma: no cover - run by hand after editing glossary.toml
    from widgets.content.course_map import lessons_dir

    print(f"wrote {write_notebook(lessons_dir())}")
