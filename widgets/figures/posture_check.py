"""Table: the trunk model's pressures next to Wilke's measured ones (HTML).

Numbers come from :func:`widgets.model.wilke_check.wilke_checks` at run time; the sentence
under the table gives the range of the loaded postures' ratio (model / measured) from the
same numbers and says whether it is within :data:`~widgets.model.wilke_check.AGREEMENT`.
"""

from __future__ import annotations

import html

from widgets.model.wilke_check import AGREEMENT, WilkeCheck, wilke_checks
from widgets.validation import check_instance, check_items

#: Plain names of Wilke's postures as the model's presets.
CHECK_LABELS: dict[str, str] = {
    "standing": "standing relaxed",
    "standing-flexed": "standing bent forward",
    "lift-round-back": "lifting 20 kg, round back",
    "lift-bent-knees": "lifting 20 kg, bent knees",
    "hold-close": "holding 20 kg close",
}
LOADED = ("lift-round-back", "lift-bent-knees", "hold-close")


def overshoot_range(checks: tuple[WilkeCheck, ...] | None = None) -> tuple[float, float]:
    """Smallest and largest overshoot (model ratio / measured ratio) of the loaded postures."""
    if checks is None:
        checks = wilke_checks()
    else:
        checks = check_items(
            "checks",
            checks,
            lambda name, c: check_instance(
                name, c, WilkeCheck, "a WilkeCheck (from wilke_checks())"
            ),
            minimum=1,
            what="WilkeCheck results",
        )
    loaded = [c.overshoot for c in checks if c.preset in LOADED]
    return min(loaded), max(loaded)


def check_table_html() -> str:
    """HTML table: each of Wilke's postures, measured and model pressure and their ratios."""
    checks = wilke_checks()
    head = (
        "<tr><th scope='col'>posture</th><th scope='col'>measured, MPa (Wilke 1999)</th>"
        "<th scope='col'>model, MPa</th><th scope='col'>measured ÷ standing</th>"
        "<th scope='col'>model ÷ standing</th><th scope='col'>model too high by</th></tr>"
    )
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(CHECK_LABELS.get(c.preset, c.preset))}</th>"
        f"<td>{c.measured:.2f}</td><td>{c.model:.2f}</td><td>{c.measured_ratio:.1f}</td>"
        f"<td>{c.model_ratio:.1f}</td><td>{c.overshoot:.2f} ×</td></tr>"
        for c in checks
    )
    low, high = overshoot_range(checks)
    if low >= 1.0 - AGREEMENT and high <= 1.0 + AGREEMENT:
        verdict = "within a quarter of it"
    elif low > 1.0:
        verdict = "the model overshoots"
    elif high < 1.0:
        verdict = "the model undershoots"
    else:
        verdict = "some above, some below"
    note = (
        f"With a load in the hands the model's pressure ratio is {low:.1f} to {high:.1f} times "
        f"the measured one: {verdict}. One subject, one disc: Wilke's numbers are "
        "not an average of people."
    )
    return (
        "<table class='gs-posture-check' style='border-collapse: collapse'>"
        "<caption style='caption-side: top; text-align: left; font-weight: 700'>"
        "The trunk model against Wilke's measurements</caption>"
        f"<thead>{head}</thead><tbody>{rows}</tbody></table><p>{note}</p>"
    )
