"""Plotly figure builders: model output in, ``go.Figure`` out."""
