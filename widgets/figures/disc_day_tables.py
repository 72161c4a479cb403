"""HTML tables of the disc day: a readout, the two pressure tables, the lesson's comparison.

The comparison: fluid moved by lifts vs lying still vs a night, and solutes.

Every number comes from the disc model or its data tables when the function runs. Tables
have a caption and header cells with ``scope``, so a screen reader reads each number with its
row and column.
"""

from __future__ import annotations

import html
import math

from widgets.figures.disc_day import clock
from widgets.figures.disc_day_run import POSTURE_TITLES, TABLE_TITLES, check_hour, day_run
from widgets.model.disc import DiscParams, DiscState
from widgets.model.disc_loads import POSTURES, PRESSURE_TABLES, posture_pressure, preset_day
from widgets.model.disc_transport import (
    DIFFUSIVITY,
    EXTENDED_PRESSURE,
    LIFT_BREATH_RATE,
    LIFT_MINUTES,
    SOLUTES,
    SUPINE_PRESSURE,
    TRANSPORT_LENGTH,
    compare_fluid,
    lift_flow_speed,
    peclet,
)
from widgets.model.disc_transport import night as night_history
from widgets.validation import check_choice

#: Where a comparison starts: the model's evening state, or after a night lying down.
STARTS: tuple[str, ...] = ("evening", "morning")
#: Plain names of the solutes of the Péclet comparison.
SOLUTE_TITLES = {
    "oxygen": "oxygen (small)",
    "glucose": "glucose (small)",
    "fluorescein": "fluorescein, a 332 Da dye",
    "large": "a large molecule (illustrative)",
}

_CELL = "padding:0.2em 0.8em 0.2em 0;text-align:left;vertical-align:top"
_NUM = "padding:0.2em 0.8em 0.2em 0;text-align:right;vertical-align:top"


def _table(caption: str, head: list[str], rows: list[list[str]], kind: str) -> str:
    """An HTML table; the first cell of each row is its header (``scope="row"``)."""
    cols = "".join(f"<th scope='col' style='{_CELL}'>{html.escape(h)}</th>" for h in head)
    body = []
    for row in rows:
        first, *rest = row
        cells = "".join(f"<td style='{_NUM}'>{c}</td>" for c in rest)
        body.append(f"<tr><th scope='row' style='{_CELL}'>{first}</th>{cells}</tr>")
    return (
        f"<table class='gs-disc-table gs-{kind}'><caption style='text-align:left'>"
        f"{html.escape(caption)}</caption><thead><tr>{cols}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def readout_html(day: str, table: str, hour: float) -> str:
    """The disc at ``hour`` of a preset day: posture, pressures, height against rising.

    Raises
    ------
    ValueError
        For an unknown day or table, or an hour outside 0 to 24.
    """
    run = day_run(day, table)
    h = check_hour(hour)
    height, pressure, posture = run.at(h)
    change = height - run.rising_height
    return (
        f"<p class='gs-disc-readout' aria-live='polite'><b>At {clock(h)}</b>: "
        f"{html.escape(POSTURE_TITLES.get(posture, posture))}, "
        f"{posture_pressure(posture, run.table):.2f} MPa in the table; "
        f"{pressure:.2f} MPa in the model disc. Height {height:.2f} mm, "
        f"{change:+.2f} mm ({100.0 * change / run.rising_height:+.1f} %) against "
        f"{run.rising_height:.2f} mm on rising at {clock((run.bed + run.night_hours) % 24)}.</p>"
    )


def pressure_tables_html(day: str) -> str:
    """The postures of a preset day in both pressure tables, MPa, side by side.

    Raises
    ------
    ValueError
        If ``day`` is not a preset day.
    """
    postures = list(dict.fromkeys(p for _, p in preset_day(day)))
    rows = []
    for posture in postures:
        cells = [html.escape(POSTURE_TITLES.get(posture, posture))]
        for table in PRESSURE_TABLES:
            known = posture in POSTURES[table]
            cells.append(f"{posture_pressure(posture, table):g}" if known else "not measured")
        rows.append(cells)
    head = ["posture", *(f"{TABLE_TITLES[t]}, MPa" for t in PRESSURE_TABLES)]
    return _table("Pressure in the disc by posture: two sources that disagree", head, rows, "ptab")


def _start(start: str) -> DiscState | None:
    if check_choice("start", start, STARTS) == "evening":
        return None
    return night_history(8.0).end_state


def fluid_table_html(start: str = "evening") -> str:
    """The key comparison: water brought in by 10 min of lifts, lying still and a night.

    Parameters
    ----------
    start : str
        ``"evening"`` (the model's state at the end of a day on the feet) or ``"morning"``
        (after a night of 8 h lying on the back).

    Raises
    ------
    ValueError
        If ``start`` is not one of :data:`STARTS`.
    """
    state = _start(start)
    c = compare_fluid(start=state)
    area = DiscParams().area
    night_net = c.night_net

    def row(name: str, net: float, gross: float | None) -> list[str]:
        moved = "" if gross is None else f"{gross:.0f}"
        share = f"{100.0 * net / night_net:.0f} %"
        return [name, f"{net:+.0f}", moved, f"{net / area:+.3f}", share]

    rows = [
        row(
            f"{LIFT_MINUTES:g} min of lifts, high bound ({EXTENDED_PRESSURE:.2f} MPa lifted)",
            c.lift_net_high,
            c.lift_exchanged_high,
        ),
        row(
            f"{LIFT_MINUTES:g} min of lifts, low bound ({SUPINE_PRESSURE:.2f} MPa lifted)",
            c.lift_net_low,
            c.lift_exchanged_low,
        ),
        row(f"{LIFT_MINUTES:g} min lying still on the back", c.still_net, c.still_exchanged),
        row("a night, 8 h lying on the back", night_net, None),
    ]
    head = [
        "",
        "water in, net (mm³)",
        "water moved out and in (mm³)",
        "height gained (mm)",
        "share of the night",
    ]
    when = "in the evening" if start == "evening" else "in the morning, after a night in bed"
    caption = (
        f"Starting {when}: water brought into the model disc (1 mm³ = 1 µL; the disc holds "
        f"{DiscParams().water:,.0f} mm³)"
    )
    return _table(caption, head, rows, "fluid")


def solute_table_html(start: str = "evening") -> str:
    """Péclet numbers at the lifts' own flow speed; one lift's flow against diffusion.

    The flow of one lift moves the fluid by ``speed x period`` (there and back); diffusion
    spreads a solute by about ``sqrt(2 D period)`` in the same time.

    Raises
    ------
    ValueError
        If ``start`` is not one of :data:`STARTS`.
    """
    speed = lift_flow_speed(EXTENDED_PRESSURE, start=_start(start))
    period = 60.0 / LIFT_BREATH_RATE  # s
    stroke_um = speed * period * 1e6
    rows = []
    for solute in SOLUTES:
        d = DIFFUSIVITY[solute] * 1e-4  # m2/s
        spread_um = math.sqrt(2.0 * d * period) * 1e6
        rows.append(
            [
                html.escape(SOLUTE_TITLES[solute]),
                f"{DIFFUSIVITY[solute]:.2g}",
                f"{peclet(solute, speed):.2g}",
                f"{stroke_um:.2f}",
                f"{spread_um:.0f}",
            ]
        )
    head = [
        "solute",
        "diffusivity (cm²/s)",
        f"Péclet number over {TRANSPORT_LENGTH:g} mm",
        "flow per lift (µm)",
        f"diffusion in one lift, {period:g} s (µm)",
    ]
    caption = (
        f"Solutes: the lifts' own flow, {speed * 1e9:.1f} nm/s on average (high bound), "
        "against diffusion"
    )
    return _table(caption, head, rows, "solutes")
