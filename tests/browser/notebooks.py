"""Write a throw-away notebook for the browser tests and benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import nbformat

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def write_notebook(path: Path, sources: str | Sequence[str], *, kernelspec: bool = True) -> Path:
    """Write a notebook of code cells to ``path`` (parents created) and return ``path``.

    Parameters
    ----------
    path
        Where to write the ``.ipynb``.
    sources
        One code cell's source, or one source per code cell.
    kernelspec
        Record the ``python3`` kernel in the metadata. Without it JupyterLab asks
        "Select Kernel" on opening (which :class:`~.lab.Lab` accepts).
    """
    cells = [sources] if isinstance(sources, str) else list(sources)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    if kernelspec:
        nb.metadata["kernelspec"] = dict(KERNELSPEC)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path
