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
from ipywidgets.widgets.widget_link import Link

from widgets.validation import (
    Checked,
    check_choice,
    check_flag,
    check_in_range,
    check_keywords,
    check_number,
    checked_trait,
    describe,
)
from widgets.views.breath_lift import BreathLiftAnimator

#: The animator's traits the panel drives.
LINKED: tuple[str, ...] = ("tempo", "exhale_ratio", "mode", "speed", "playing")


class BreathLiftTeacherPanel(anywidget.AnyWidget):
    """Tempo, inhale:exhale, mode, speed and play/pause in large type, for presenting.

    Create it with :func:`teacher_panel`, which links it to an animator; its traits mirror the
    animator's (``tempo`` breaths/min, ``exhale_ratio``, ``mode``, ``speed``, ``playing``) and
    it reads the animator's ``limits``, ``modes`` and ``speeds`` once (read-only traits).

    The panel checks its traits as the animator does, since a value set here reaches the
    animator in the browser (``jslink``) without passing the animator's own checks: a value
    out of the animator's limits, a mode or speed it does not offer, or a ``playing`` that is
    not ``True`` or ``False`` raises ``traitlets.TraitError`` naming the value and what is
    allowed; bools are not numbers. ``limits``, ``modes``, ``speeds`` and ``links`` are
    read-only; an argument other than the animator raises ``ValueError``.
    """

    _esm = Path(__file__).with_name("breath_lift_teacher_panel.js")
    _css = Path(__file__).with_name("breath_lift_teacher_panel.css")

    tempo = Checked(6.0).tag(sync=True)
    exhale_ratio = Checked(1.0).tag(sync=True)
    mode = Checked("").tag(sync=True)
    speed = Checked(1.0).tag(sync=True)
    playing = Checked(True).tag(sync=True)
    limits = traitlets.Dict(read_only=True).tag(sync=True)
    modes: traitlets.List[list[str]] = traitlets.List(read_only=True).tag(sync=True)
    speeds: traitlets.List[list[object]] = traitlets.List(read_only=True).tag(sync=True)

    def __init__(self, animator: BreathLiftAnimator, **kwargs: Any) -> None:
        if not isinstance(animator, BreathLiftAnimator):
            raise ValueError(
                "teacher_panel needs the animation to drive: animator must be a "
                f"BreathLiftAnimator (from widgets.breath_lift()), got {describe(animator)}"
            )
        check_keywords("BreathLiftTeacherPanel", kwargs, ("animator",))
        # what the checks allow, read before the traits are set (they are checked against it)
        self._limits = {k: dict(animator.limits[k]) for k in ("tempo", "exhale_ratio")}
        self._modes = tuple(str(m) for m, _label in animator.modes)
        self._speeds = tuple(check_number("speed", s) for s, _label in animator.speeds)
        super().__init__(**{name: getattr(animator, name) for name in LINKED})
        self.set_trait("limits", self._limits)
        self.set_trait("modes", animator.modes)
        self.set_trait("speeds", animator.speeds)
        self._links = tuple(ipw.jslink((self, name), (animator, name)) for name in LINKED)

    @property
    def links(self) -> tuple[Link, ...]:
        """The browser-side links (``jslink``) of each control to the animator, read-only."""
        return self._links

    @traitlets.validate("tempo", "exhale_ratio")
    def _valid_number(self, proposal: dict[str, Any]) -> float:
        def check(name: str, value: object) -> float:
            limit = self._limits[name]
            unit = "breaths/min" if name == "tempo" else ""
            return check_in_range(name, value, limit["min"], limit["max"], unit)

        return checked_trait(proposal, check)

    @traitlets.validate("mode")
    def _valid_mode(self, proposal: dict[str, Any]) -> str:
        return checked_trait(proposal, lambda name, value: check_choice(name, value, self._modes))

    @traitlets.validate("speed")
    def _valid_speed(self, proposal: dict[str, Any]) -> float:
        speeds = self._speeds

        def check(name: str, value: object) -> float:
            offered = f"allowed speeds: {', '.join(f'{s:g}' for s in speeds)}"
            try:
                speed = check_in_range(name, value, min(speeds), max(speeds))
            except ValueError as err:
                raise ValueError(f"{err}; {offered}") from None
            if speed not in speeds:
                raise ValueError(f"{name} = {speed:g} is not offered; {offered}")
            return speed

        return checked_trait(proposal, check)

    @traitlets.validate("playing")
    def _valid_playing(self, proposal: dict[str, Any]) -> bool:
        return checked_trait(proposal, check_flag)


def teacher_panel(animator: BreathLiftAnimator, **kwargs: Any) -> BreathLiftTeacherPanel:
    """Large controls linked to ``animator`` in the browser, for a projector.

    Raises
    ------
    ValueError
        If ``animator`` is not a :class:`BreathLiftAnimator`, or for any other keyword
        argument (the message names it and lists the valid one, ``animator``).
    """
    check_keywords("teacher_panel", kwargs, ("animator",))
    return BreathLiftTeacherPanel(animator)
