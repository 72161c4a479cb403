"""How the lift and the breath move the whole chain: poses side by side, with readouts."""

from __future__ import annotations

import html
from collections.abc import Mapping
from decimal import Decimal

import plotly.graph_objects as go

from widgets.figures.supine_figure import supine_figure
from widgets.model.supine import SupineParams, SupinePose, supine_pose
from widgets.validation import check_instance, check_text, describe

#: The cases compared in the lessons: label -> (lift fraction, breath fraction).
CASES: dict[str, tuple[float, float]] = {
    "resting, breathed out": (0.0, 0.0),
    "top of the waist lift": (1.0, 0.0),
    "top of a breath, no lift": (0.0, 1.0),
}

_ROWS = (
    ("pelvic_tilt", "Pelvic tilt", "°", 1),
    ("waist_height", "Waist (L3) above the bed", " mm", 0),
    ("lumbar_lordosis", "Low-back curve (L1–S1)", "°", 1),
    ("head_pitch", "Chin angle (head pitch, chin up +)", "°", 1),
)


def _shown(v: float, digits: int) -> Decimal:
    """``v`` rounded to ``digits`` decimals exactly as the table shows it (never ``-0``)."""
    shown = Decimal(f"{v:.{digits}f}")
    return abs(shown) if shown == 0 else shown


def _params(params: object) -> SupineParams:
    if params is None:
        return SupineParams()
    what = "SupineParams (widgets.model.supine) or None for the default settings"
    return check_instance("params", params, SupineParams, what)


def chain_poses(params: SupineParams | None = None) -> dict[str, SupinePose]:
    """The lying poses of :data:`CASES` for ``params`` (default settings if None).

    Raises
    ------
    ValueError
        If ``params`` is neither ``None`` nor a :class:`~widgets.model.supine.SupineParams`.
    """
    params = _params(params)
    return {label: supine_pose(params, lift, breath) for label, (lift, breath) in CASES.items()}


def chain_table_html(poses: dict[str, SupinePose]) -> str:
    """HTML table of the readouts of each pose, with the change from the first one.

    Each change is the difference of the two rounded numbers shown (20.0° to 14.8° reads
    −5.2°), so a reader who subtracts them gets the same number.

    ``poses`` maps a label (text, escaped in the table) to a pose, as :func:`chain_poses` gives.

    Raises
    ------
    ValueError
        If ``poses`` is not a non-empty mapping of text labels to
        :class:`~widgets.model.supine.SupinePose`.
    """
    if not isinstance(poses, Mapping) or not poses:
        raise ValueError(
            f"poses must be a non-empty dict of label -> SupinePose (from chain_poses), "
            f"got {describe(poses)}"
        )
    for label, pose in poses.items():
        check_text("each label of poses", label)
        check_instance(f"poses[{label!r}]", pose, SupinePose, "a SupinePose")
    labels = list(poses)
    base = poses[labels[0]].readouts
    head = "".join(f"<th>{html.escape(label)}</th>" for label in labels)
    rows = []
    for key, name, unit, digits in _ROWS:
        cells = []
        before = _shown(base[key], digits)
        for label in labels:
            shown = _shown(poses[label].readouts[key], digits)
            d = shown - before
            change = f" <small>({d:+.{digits}f}{unit.strip()})</small>"
            if label == labels[0]:
                change = ""
            cells.append(f"<td>{shown:.{digits}f}{unit}{change}</td>")
        rows.append(f"<tr><th scope='row'>{name}</th>{''.join(cells)}</tr>")
    caption = "<caption>Model readouts: what the geometry implies, not measurements</caption>"
    return f"<table class='gs-chain-table'>{caption}<tr><th></th>{head}</tr>{''.join(rows)}</table>"


def chain_figure(params: SupineParams | None = None) -> go.Figure:
    """The :data:`CASES` poses overlaid on the bed (raises as :func:`chain_poses` does)."""
    return supine_figure(list(chain_poses(params).items()))


def show_chain(params: SupineParams | None = None) -> None:
    """Display the overlaid poses and the readout table (raises as :func:`chain_poses` does)."""
    from IPython.display import HTML, display

    poses = chain_poses(params)
    display(supine_figure(list(poses.items())))
    display(HTML(chain_table_html(poses)))
