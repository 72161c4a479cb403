"""Bar chart: how much a breath and the waist lift each move the chin, pelvis and low back."""

from __future__ import annotations

import plotly.graph_objects as go

from widgets.figures.theme import TEXT, axis_style, base_layout, check_px
from widgets.model.supine import DEFAULTS, LIMITS, UNITS, SupineParams, supine_pose
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


def _case_labels(quiet: float, deep: float, lift: float) -> tuple[str, str, str]:
    # The three settings are different angles: the breaths straighten the upper back, the lift
    # adds curve to the low back, so each label says which.
    return (
        f"quiet breath: the upper back straightens {quiet:g}°",
        f"deepest breath: the upper back straightens {deep:g}°",
        f"waist lift: the low back curves {lift:g}° more",
    )


def breath_vs_lift_figure(
    quiet: float = DEFAULTS["breath_depth"],
    deep: float = LIMITS["breath_depth"][1],
    lift: float = DEFAULTS["lift_range"],
    height: float = 420,
) -> go.Figure:
    """Grouped bars of the change from rest (deg) for a quiet breath, a deep breath and a lift.

    A dashed line across the chin bars marks the size of the whole chin angle at rest; its
    label says whether the deepest breath's chin change passes it, turning the face past
    looking straight up (lesson 03 discusses it: an upper bound of a teaching model).

    Parameters
    ----------
    quiet, deep : float
        Thoracic extension of a quiet and of a deepest breath, deg. Defaults: the
        ``breath_depth_default`` (illustrative) and ``breath_depth_max`` (Burgos 2021, the
        change between the deepest breath in and out) rows of ``supine.csv``.
    lift : float
        Extra low-back curve at the top of the lift, deg; default the ``lift_range_default``
        row of ``supine.csv`` (a little less than Levine & Whittle 1996's standing maximum).
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
    names = _case_labels(quiet, deep, lift)
    cases = {
        names[0]: movement_changes(SupineParams(breath_depth=quiet))["breath only"],
        names[1]: movement_changes(SupineParams(breath_depth=deep))["breath only"],
        names[2]: movement_changes(SupineParams(lift_range=lift))["waist lift"],
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
    rest = resting_chin(SupineParams())
    _add_resting_chin(fig, rest, cases[names[1]]["head_pitch"])
    fig.update_layout(
        xaxis=axis_style(""),
        yaxis=axis_style("size of the change from rest, degrees"),
        legend={"orientation": "v", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"t": 100},
        title={
            "text": "Model prediction (not measured in people)",
            "font": {"size": 13},
            "x": 1,
            "xanchor": "right",
        },
    )
    return fig


def resting_chin(params: SupineParams) -> float:
    """The chin angle at rest (deg, chin up positive): breathed out, no lift.

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`~widgets.model.supine.SupineParams`.
    """
    check_instance("params", params, SupineParams, "SupineParams (widgets.model.supine)")
    return supine_pose(params, 0.0, 0.0).readouts["head_pitch"]


def resting_chin_note(rest: float, deepest: float) -> str:
    """The label of the resting-chin line: the angle at rest, and where the deepest breath ends.

    Parameters
    ----------
    rest : float
        Chin angle at rest, deg (chin up positive).
    deepest : float
        Change of the chin angle at the top of the deepest breath, deg (signed).

    Raises
    ------
    ValueError
        If either is not a number in -90 to 90 deg.
    """
    rest = check_in_range("rest", rest, -90.0, 90.0, "deg")
    deepest = check_in_range("deepest", deepest, -90.0, 90.0, "deg")
    side = "up" if rest >= 0 else "down"
    note = f"dashed line: the chin angle at rest,<br>{abs(rest):.1f}° chin {side}"
    if rest * deepest < 0 and abs(deepest) > abs(rest):
        # The change turns the face back through looking straight up, and past it.
        past = "down" if rest > 0 else "up"
        note += (
            f"<br>the deepest breath's bar passes it: the face<br>would end "
            f"{abs(rest + deepest):.1f}° chin {past}, past looking straight up"
        )
    return note


def _add_resting_chin(fig: go.Figure, rest: float, deepest: float) -> None:
    # A dashed line across the chin bars at the size of the resting chin angle, labelled.
    where = list(MEASURES).index("head_pitch")
    fig.add_shape(
        type="line",
        x0=where - 0.45,
        x1=where + 0.45,
        y0=abs(rest),
        y1=abs(rest),
        xref="x",
        yref="y",
        line={"color": TEXT, "width": 1.5, "dash": "dash"},
        name="resting-chin",
    )
    fig.add_annotation(
        x=where + 0.47,
        y=abs(rest),
        xref="x",
        yref="y",
        xanchor="left",
        yanchor="middle",
        showarrow=False,
        align="left",
        text=resting_chin_note(rest, deepest),
        font={"size": 11, "color": TEXT},
        name="resting-chin",
    )
