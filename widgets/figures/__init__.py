"""Plotly figure builders: model output in, ``go.Figure`` out."""

from widgets.figures.spine_figure import spine_figure

__all__ = ["spine_figure"]
