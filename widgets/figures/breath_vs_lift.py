"""Bar chart: how much a breath and the waist lift each move the chin, pelvis and low back."""

from __future__ import annotations

import plotly.graph_objects as go

from widgets.figures.theme import axis_style, base_layout, check_px
from widgets.model.supine import LIMITS, UNITS, SupineParams, supine_pose
from widgets.validation import check_in_range, check_instance

#: Readouts compared, with their axis labels.
MEASURES: dict[str, str] = {
    "head_pitch": "chin angle",
    "pelvic_tilt": "pelvic tilt",
    "lumbar_lordosis": "low-back curve",
}
COLOURS = ("#5fa8d3", "#1f77b4", "#e4572e")


def movement_changes(params: SupineParams) -> dict[str, dict[str, float]]:
    """Change of each readout (deg) from rest, for a full breath, and for a full lift.

    Returns ``{case: {readout: change}}`` with cases ``"breath only"`` and ``"waist lift"``.

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`~widgets.model.supine.SupineParams`.
    """
    check_instance("params", params, SupineParams, "SupineParams (widgets.model.supine)")
    rest = supine_pose(params, 0.0, 0.0).readouts
    cases = {"breath only": (0.0, 1.0), "waist lift": (1.0, 0.0)}
    out: dict[str, dict[str, float]] = {}
    for case, (lift, breath) in cases.items():
        pose = supine_pose(params, lift, breath).readouts
        out[case] = {k: pose[k] - rest[k] for k in MEASURES}
    return out


def breath_vs_lift_figure(
    quiet: float = 3.0, deep: float = 16.0, lift: float = 8.0, height: float = 380
) -> go.Figure:
    """Grouped bars of the change from rest (deg) for a quiet breath, a deep breath and a lift.

    Parameters
    ----------
    quiet, deep : float
        Thoracic extension of a quiet and of a deepest breath, deg (model assumption and
        Burgos 2021's 16 deg maximum).
    lift : float
        Extra low-back curve at the top of the lift, deg.
    height : float
        Figure height, px, in :data:`~widgets.figures.theme.PX_RANGE`.

    Raises
    ------
    ValueError
        If ``quiet`` or ``deep`` is outside the lying model's breath depths, ``lift`` outside
        its lift range (``LIMITS`` of :mod:`widgets.model.supine`), or ``height`` out of range;
        the message names the parameter, the value and the range.
    """
    quiet = check_in_range("quiet", quiet, *LIMITS["breath_depth"], UNITS["breath_depth"])
    deep = check_in_range("deep", deep, *LIMITS["breath_depth"], UNITS["breath_depth"])
    lift = check_in_range("lift", lift, *LIMITS["lift_range"], UNITS["lift_range"])
    height = check_px("height", height)
    cases = {
        f"quiet breath ({quiet:g}°)": movement_changes(SupineParams(breath_depth=quiet))[
            "breath only"
        ],
        f"deepest breath ({deep:g}°)": movement_changes(SupineParams(breath_depth=deep))[
            "breath only"
        ],
        f"waist lift ({lift:g}°)": movement_changes(SupineParams(lift_range=lift))["waist lift"],
    }
    fig = go.Figure(layout=base_layout(height=height, barmode="group"))
    for (case, changes), colour in zip(cases.items(), COLOURS, strict=True):
        fig.add_trace(
            go.Bar(
                name=case,
                x=list(MEASURES.values()),
                y=[abs(changes[k]) for k in MEASURES],
                marker_color=colour,
                customdata=[changes[k] for k in MEASURES],
                hovertemplate="%{x}: %{customdata:+.1f}°<extra>" + case + "</extra>",
                text=[f"{abs(changes[k]):.1f}°" for k in MEASURES],
                textposition="outside",
            )
        )
    fig.update_layout(
        xaxis=axis_style(""),
        yaxis=axis_style("size of the change from rest, degrees"),
        legend={"orientation": "h", "y": 1.15, "x": 0},
        title={
            "text": "Model prediction (not measured in people)",
            "font": {"size": 13},
            "x": 1,
            "xanchor": "right",
        },
    )
    return fig
