"""Real-browser tests (JupyterLab in headless Chromium) and the harness they share.

Harness modules, importable as ``tests.browser.<module>`` from the repository root (the
benchmarks use them too: ``uv run python -m benchmarks.<name>``):

``server``           a private JupyterLab server (start/stop, settings, REST calls)
``chromium``         which Chromium and how: flags, network blocking, page recorders, and a
                     Chromium process with a DevTools port for CDP connections
``kernel_protocol``  kernel websocket frames, kernel errors, the Run All summary
``lab``              the :class:`~.lab.Lab` page helper: open a notebook, Run All, theme,
                     error outputs, screenshots
``notebooks``        write a throw-away notebook to disk

``conftest.py`` turns them into pytest fixtures.
"""
