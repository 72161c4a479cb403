"""The usual way, for ``benchmarks/animator.py``: ipywidgets Play stepping a plotly FigureWidget.

This file is the source of the baseline notebook's one cell (it is not imported). It draws the
scene the animator gets (``scene_payload`` of the same key poses: 54 outlines, one scatter
trace each) and moves it as the animator does: the breath from ``widgets.model.breath``, the
pose between key poses from ``pose_points`` (the Python reference of the animator's
interpolation), lift with the breath. Each Play step advances the cycle phase by one interval
at the slider's tempo and sets every trace inside one ``batch_update``; the same restyle call
stores ``[frame, phase]`` in the L3 trace's ``meta``, so that the page can tell what is drawn.
"""

import ipywidgets as ipw
import numpy as np
import plotly.graph_objects as go
from IPython.display import display

from widgets.figures.supine_scene import scene_payload
from widgets.figures.supine_scene_interpolation import pose_points
from widgets.figures.theme import REGION_COLOURS, axis_style, base_layout
from widgets.model.breath import BreathPattern, profile
from widgets.model.supine import SupineParams, key_poses

INTERVAL_MS = 16  # Play's step interval, ms
scene = scene_payload(key_poses(SupineParams()))
COLOURS = {
    "skin": "#9aa5b1",
    "neck": "#9aa5b1",
    "legs": "#9aa5b1",
    "tissue": "#c9b8a8",
    "skull": REGION_COLOURS["bone"],
}


def colour(shape):
    """A shape's colour: its region's for a vertebra, else its kind's."""
    key = shape.get("region") if shape["kind"] == "vertebra" else shape["kind"]
    return COLOURS.get(key) or REGION_COLOURS[key]


def outlines(lift, breath):
    """Each shape's points, closed shapes closed, at a lift and a breath fraction (mm)."""
    points = pose_points(scene, lift, breath)
    return [
        np.vstack([p, p[:1]]) if s["closed"] else p
        for s, p in zip(scene["shapes"], points, strict=True)
    ]


x0, x1, y0, y1 = scene["bounds"]
traces = []
for shape, points in zip(scene["shapes"], outlines(0.0, 0.0), strict=True):
    filled = shape["closed"] and shape["kind"] != "skin"
    traces.append(
        go.Scatter(
            x=points[:, 0],
            y=points[:, 1],
            mode="lines",
            fill="toself" if filled else None,
            name=shape["name"],
            line={"color": colour(shape), "width": 1},
            fillcolor=colour(shape) if filled else None,
            opacity=0.8,
            hoveron="fills" if filled else None,
            hovertemplate=f"{shape['name']}<extra></extra>",
            showlegend=False,
        )
    )
L3 = next(k for k, shape in enumerate(scene["shapes"]) if shape["name"] == "L3")
layout = base_layout(width=900, height=420, margin={"l": 50, "r": 20, "t": 20, "b": 40})
layout.update(
    xaxis={**axis_style("along the bed, mm"), "range": [x0 - 40, x1 + 40]},
    yaxis={
        **axis_style("height above the bed, mm"),
        "range": [y0 - 20, y1 + 40],
        "scaleanchor": "x",
        "scaleratio": 1,
    },
)
fig = go.FigureWidget(data=traces, layout=layout)

play = ipw.Play(value=0, min=0, max=10**7, step=1, interval=INTERVAL_MS, description="Play")
tempo = ipw.FloatSlider(value=12.0, min=3.0, max=30.0, step=0.5, description="Tempo")
state = {"frame": 0, "u": 0.0}


def on_frame(change):
    """Advance the phase by the Play steps taken at the slider's tempo and redraw."""
    frame = change["new"]
    steps = max(frame - state["frame"], 0)
    state["frame"] = frame
    pattern = BreathPattern(tempo=tempo.value)
    state["u"] = (state["u"] + steps * INTERVAL_MS / 1000.0 / pattern.period) % 1.0
    breath = float(profile(pattern, state["u"]))
    with fig.batch_update():
        for trace, points in zip(fig.data, outlines(breath, breath), strict=True):
            trace.x = points[:, 0]
            trace.y = points[:, 1]
        fig.data[L3].meta = [frame, state["u"]]


play.observe(on_frame, names="value")
ui = ipw.VBox([ipw.HBox([play, tempo]), fig])
ui.add_class("gs-baseline")
display(ui)
