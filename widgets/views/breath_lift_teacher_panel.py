"""Large controls for a projector, linked to a :class:`BreathLiftAnimator` in the browser.

One anywidget (``breath_lift_teacher_panel.js``, ``.css``): native, labelled controls that keep
their keys from JupyterLab's shortcuts, so arrow keys move the sliders in both command and
edit mode. Each trait is linked to the animator's trait of the same name with ``jslink``:
moving a control changes the animation without a round trip to the kernel. Limits, steps,
modes and speeds are the animator's own (its read-only traits), written nowhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as ipw
import traitlets

from widgets.views.breath_lift import BreathLiftAnimator

#: The animator's traits the panel drives.
LINKED: tuple[str, ...] = ("tempo", "exhale_ratio", "mode", "speed", "playing")


class BreathLiftTeacherPanel(anywidget.AnyWidget):
    """Tempo, inhale:exhale, mode, speed and play/pause in large type, for presenting.

    Create it with :func:`teacher_panel`, which links it to an animator; its traits mirror the
    animator's (``tempo`` breaths/min, ``exhale_ratio``, ``mode``, ``speed``, ``playing``) and
    it reads the animator's ``limits``, ``modes`` and ``speeds`` once.
    """

    _esm = Path(__file__).with_name("breath_lift_teacher_panel.js")
    _css = Path(__file__).with_name("breath_lift_teacher_panel.css")

    tempo = traitlets.Float().tag(sync=True)
    exhale_ratio = traitlets.Float().tag(sync=True)
    mode = traitlets.Unicode().tag(sync=True)
    speed = traitlets.Float().tag(sync=True)
    playing = traitlets.Bool().tag(sync=True)
    limits = traitlets.Dict(read_only=True).tag(sync=True)
    modes: traitlets.List[list[str]] = traitlets.List(read_only=True).tag(sync=True)
    speeds: traitlets.List[list[object]] = traitlets.List(read_only=True).tag(sync=True)

    def __init__(self, animator: BreathLiftAnimator, **kwargs: Any) -> None:
        if not isinstance(animator, BreathLiftAnimator):
            raise ValueError(
                "teacher_panel needs the animation to drive (a BreathLiftAnimator from "
                f"widgets.breath_lift()), got {type(animator).__name__} {animator!r:.60}"
            )
        if kwargs:
            raise ValueError(f"unknown argument(s) {', '.join(kwargs)}; the panel takes none")
        super().__init__(**{name: getattr(animator, name) for name in LINKED})
        self.set_trait("limits", {k: animator.limits[k] for k in ("tempo", "exhale_ratio")})
        self.set_trait("modes", animator.modes)
        self.set_trait("speeds", animator.speeds)
        self.links = [ipw.jslink((self, name), (animator, name)) for name in LINKED]


def teacher_panel(animator: BreathLiftAnimator) -> BreathLiftTeacherPanel:
    """Large controls linked to ``animator`` in the browser, for a projector.

    Raises
    ------
    ValueError
        If ``animator`` is not a :class:`BreathLiftAnimator`.
    """
    return BreathLiftTeacherPanel(animator)
