"""Bars of what the trunk model answers for one posture, against sourced references.

Three rows, drawn as one small SVG: the back muscles' effort (% of the mean man's maximal
extension moment, Chaffin 1999) with the bridging EMG range (Lehecka 2015) and the ~45 %
below which an exercise does not strengthen (Ekstrom 2007); the disc's compression (N) with
the NIOSH 3,400 N limit (Waters 1993); and the disc pressure (MPa) with Wilke's (1999)
relaxed standing and, when the posture is one Wilke measured, his measured value. Every
reference number is read from the data tables at import, never typed here.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import value
from widgets.figures.theme import REGION_COLOURS
from widgets.model.disc_loads import posture_pressure
from widgets.model.trunk import NIOSH_COMPRESSION_LIMIT, TrunkLoad
from widgets.validation import check_instance, check_number

WIDTH = 460
ROW = 80
LEFT, RIGHT = 14, 20
BAR_COLOUR = REGION_COLOURS["lumbar"]
REF_COLOUR = "#e4572e"

BRIDGE_EMG = (
    value("trunk", "emg", "bridge_multifidus_low"),
    value("trunk", "emg", "bridge_multifidus_high"),
)
STRENGTH_THRESHOLD = value("trunk", "emg", "strength_threshold")
STANDING_MPA = posture_pressure("standing", "wilke1999")


@dataclass(frozen=True)
class Reference:
    """A sourced mark on a bar's axis: a line at ``at`` or a band from ``at`` to ``to``."""

    at: float
    label: str
    to: float | None = None
    dashed: bool = False


def _fmt(v: float, unit: str) -> str:
    if unit == "N":
        return f"{v:,.0f} N"
    if unit == "MPa":
        return f"{v:.2f} MPa"
    return f"{v:.0f} %"


def _row(
    top: float, title: str, shown: float, unit: str, axis_max: float, refs: list[Reference]
) -> str:
    span = WIDTH - LEFT - RIGHT

    def x(v: float) -> float:
        return LEFT + span * min(max(v, 0.0), axis_max) / axis_max

    bar_y, bar_h = top + 26, 22
    parts = [
        f'<text x="{LEFT}" y="{top + 16}" font-size="14" fill="currentColor">'
        f'{title}: <tspan font-weight="700">{_fmt(shown, unit)}</tspan></text>',
        f'<rect x="{LEFT}" y="{bar_y}" width="{span}" height="{bar_h}" fill="currentColor" '
        'fill-opacity="0.08"/>',
    ]
    for ref in refs:
        if ref.to is not None:
            parts.append(
                f'<rect x="{x(ref.at):.1f}" y="{bar_y - 3}" width="{x(ref.to) - x(ref.at):.1f}" '
                f'height="{bar_h + 6}" fill="{REGION_COLOURS["disc"]}" fill-opacity="0.35"/>'
            )
    parts.append(
        f'<rect x="{LEFT}" y="{bar_y + 4}" width="{x(shown) - LEFT:.1f}" height="{bar_h - 8}" '
        f'fill="{BAR_COLOUR}"/>'
    )
    if shown > axis_max:
        parts.append(
            f'<text x="{WIDTH - RIGHT + 2}" y="{bar_y + 16}" font-size="14" fill="currentColor">'
            "▶</text>"
        )
    label_y = bar_y + bar_h + 16
    for i, ref in enumerate(refs):
        at = x(ref.at)
        y = label_y + 15 * i
        dash = ' stroke-dasharray="4 2"' if ref.dashed else ""
        if ref.to is None:
            parts.append(
                f'<line x1="{at:.1f}" y1="{bar_y - 5}" x2="{at:.1f}" y2="{bar_y + bar_h + 5}" '
                f'stroke="{REF_COLOUR}" stroke-width="2.5"{dash}/>'
            )
            key = (
                f'<line x1="{LEFT + 4}" y1="{y - 11}" x2="{LEFT + 4}" y2="{y + 3}" '
                f'stroke="{REF_COLOUR}" stroke-width="2.5"{dash}/>'
            )
        else:
            key = (
                f'<rect x="{LEFT}" y="{y - 10}" width="9" height="12" '
                f'fill="{REGION_COLOURS["disc"]}" fill-opacity="0.6"/>'
            )
        parts.append(
            key + f'<text x="{LEFT + 16}" y="{y}" font-size="12" fill="currentColor">'
            f"{ref.label}</text>"
        )
    return "".join(parts)


def bars_svg(load: TrunkLoad, measured_mpa: float | None = None) -> str:
    """The three bars for ``load`` as an SVG string (theme colours, ``role="img"``).

    Parameters
    ----------
    load : TrunkLoad
        The model's answer for one posture (:func:`widgets.model.trunk.trunk_load`).
    measured_mpa : float or None
        Wilke's measured pressure for this posture, MPa, when it is one he measured.

    Raises
    ------
    ValueError
        If ``load`` is not a :class:`~widgets.model.trunk.TrunkLoad` or ``measured_mpa`` is
        neither None nor a finite number.
    """
    check_instance("load", load, TrunkLoad, "TrunkLoad (widgets.model.trunk)")
    if measured_mpa is not None:
        measured_mpa = check_number("measured_mpa", measured_mpa, "MPa")
    low, high = BRIDGE_EMG
    effort_refs = [
        Reference(low, f"bridging, measured {low:.0f}–{high:.0f} % (Lehecka 2015)", high),
        Reference(STRENGTH_THRESHOLD, f"{STRENGTH_THRESHOLD:.0f} %: strengthening (Ekstrom 2007)"),
        Reference(100.0, "the mean man's maximum (Chaffin 1999)"),
    ]
    niosh = NIOSH_COMPRESSION_LIMIT
    compression_refs = [Reference(niosh, f"NIOSH limit {niosh:,.0f} N (Waters 1993)")]
    pressure_refs = [
        Reference(STANDING_MPA, f"standing, measured {STANDING_MPA:.2f} MPa (Wilke 1999)")
    ]
    if measured_mpa is not None:
        pressure_refs.append(
            Reference(
                measured_mpa,
                f"this posture, measured {measured_mpa:.2f} MPa (Wilke 1999)",
                dashed=True,
            )
        )
    rows = [
        ("Back-muscle effort", load.effort, "%", 120.0, effort_refs),
        ("Disc compression", load.compression, "N", 6000.0, compression_refs),
        ("Disc pressure", load.pressure, "MPa", 4.0, pressure_refs),
    ]
    label = (
        f"Back-muscle effort {load.effort:.0f} % of maximum, disc compression "
        f"{load.compression:,.0f} N against the NIOSH limit of {niosh:,.0f} N, disc pressure "
        f"{load.pressure:.2f} MPa"
    )
    heights = [ROW + 15 * (len(r[4]) - 1) for r in rows]
    total = sum(heights) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{total}" '
        f'viewBox="0 0 {WIDTH} {total}" role="img" aria-label="{label}" '
        'style="color: var(--jp-ui-font-color1, #222); max-width: 100%; height: auto">',
        f"<title>{label}</title>",
    ]
    top = 0.0
    for (title, shown, unit, axis_max, refs), h in zip(rows, heights, strict=True):
        parts.append(_row(top, title, shown, unit, axis_max, refs))
        top += h
    parts.append("</svg>")
    return "".join(parts)
