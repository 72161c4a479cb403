"""HTML tables of spine angles, each angle with its value, its source and its status.

Two tables: a preset's angles (:func:`preset_table_html`) and the development model's
angles at one age (:func:`age_readout_html`), with how each was obtained
(:func:`angle_status`). All text from the tables and the bibliography is escaped.
"""

from __future__ import annotations

import html
import re

from widgets.content.references import reference
from widgets.data import STATUSES
from widgets.figures.spine_parts import PRESET_TITLES
from widgets.model.ages import age_label, check_age
from widgets.model.development import PARAMETERS, Anchor, anchors, at_age
from widgets.model.spine_params import LABELS, preset_sources
from widgets.validation import check_choice

#: Meaning of the status ``"interpolated"``, which only the age readout uses.
INTERPOLATED = "a straight line between two sourced values"

_CELL = " style='padding:0.15em 1em 0.15em 0;text-align:left;vertical-align:top'"


def preset_table_html(name: str) -> str:
    """HTML table of a preset's angles: value, linked source, status and note of each.

    Raises
    ------
    ValueError
        If ``name`` is not a preset; the message lists the valid names.
    """
    rows = []
    for parameter, row in preset_sources(name).items():
        ref = reference(row.source)
        href = html.escape(ref.link)
        link = f'<a href="{href}" target="_blank" rel="noopener">{html.escape(ref.short())}</a>'
        rows.append(
            f"<tr><td>{html.escape(LABELS[parameter])}</td><td>{row.value:g}°</td>"
            f"<td>{link}</td><td title='{html.escape(STATUSES[row.status])}'>"
            f"{html.escape(row.status)}</td><td>{html.escape(row.note)}</td></tr>"
        )
    head = "<tr><th>angle</th><th>value</th><th>source</th><th>status</th><th>note</th></tr>"
    return (
        f"<table class='gs-preset-table'><caption>{html.escape(PRESET_TITLES[name])}</caption>"
        f"{head}{''.join(rows)}</table>"
    )


def _bracket(parameter: str, months: float) -> tuple[Anchor, ...]:
    """The anchor at ``months``, or the two anchors either side of it."""
    rows = anchors(parameter)
    for a in rows:
        if a.age_months == months:
            return (a,)
    below = [a for a in rows if a.age_months < months][-1]
    above = next(a for a in rows if a.age_months > months)
    return (below, above)


def angle_status(parameter: str, months: float) -> tuple[str, str]:
    """How the development model's value of one angle at one age was obtained.

    Parameters
    ----------
    parameter : str
        One of the five angles of :class:`~widgets.model.spine_params.SpineParams`.
    months : float
        Age, months, 0 to 240.

    Returns
    -------
    status : str
        ``"illustrative"`` if any anchor used is illustrative; the anchor's own status
        (``"confirmed"``, ``"secondary"``, ``"derived"``) at an anchor age; otherwise
        ``"interpolated"`` (a straight line between two sourced values).
    text : str
        A plain sentence naming the source(s); at an anchor age, the source and its note.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``) or
        ``parameter`` is not one of the five angles (the message lists them).
    """
    check_choice("parameter", parameter, PARAMETERS)
    used = _bracket(parameter, check_age(months))
    if any(a.status == "illustrative" for a in used):
        return "illustrative", "a teaching choice: no measured value at this age"
    if len(used) == 1:
        (a,) = used
        note = re.sub(r"^[\w-]+ preset: ", "", a.note)
        return a.status, f"{reference(a.source).short()}: {note}"
    ends = [
        f"{reference(a.source).short()}{'' if a.status == 'confirmed' else f' ({a.status})'}"
        f" at {age_label(a.age_months)}"
        for a in used
    ]
    return "interpolated", f"a straight line between {ends[0]} and {ends[1]}"


def age_readout_html(months: float) -> str:
    """HTML table of the model's five angles at ``months``, each with where it comes from.

    Illustrative rows are shown in italics; a curve below -0.5° is marked as bending
    forward, the newborn way.

    Raises
    ------
    ValueError
        If ``months`` is not a number in 0 to 240 (the message names ``age_months``).
    """
    params = at_age(check_age(months))
    rows = []
    for parameter, value in params.as_dict().items():
        status, text = angle_status(parameter, months)
        shown = f"<b>{value:.0f}°</b>"
        if parameter in ("cervical_lordosis", "lumbar_lordosis") and value < -0.5:
            shown += " <small>(bends forward, the newborn way)</small>"
        style = " style='opacity:0.75;font-style:italic'" if status == "illustrative" else ""
        meaning = STATUSES.get(status, INTERPOLATED)
        status_cell = f"<span title='{html.escape(meaning)}'>{html.escape(status)}</span>"
        cells = (html.escape(LABELS[parameter]), shown, status_cell, html.escape(text))
        rows.append(f"<tr{style}>{''.join(f'<td{_CELL}>{c}</td>' for c in cells)}</tr>")
    names = ("angle", "value", "status", "where it comes from")
    head = "<tr>" + "".join(f"<th{_CELL}>{n}</th>" for n in names) + "</tr>"
    caption = f"The model at {html.escape(age_label(months))}"
    return (
        f"<table class='gs-curve-readout'><caption style='text-align:left'><b>{caption}</b>"
        f"</caption>{head}{''.join(rows)}</table>"
    )
