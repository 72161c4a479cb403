"""Interactive views: one module per widget (anywidget or ipywidgets composition)."""
