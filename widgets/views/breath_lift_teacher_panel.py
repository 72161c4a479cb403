"""Python sliders linked to an animator in the browser, for teachers presenting a lesson."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.views.breath_lift import BreathLiftAnimator


def teacher_panel(animator: BreathLiftAnimator) -> ipw.VBox:
    """Large ipywidgets controls linked to ``animator`` with ``jslink``.

    The sliders link in the browser, so moving one changes the animation without a round trip
    to the kernel. Use it on a projector, or to drive an animator shown elsewhere. Limits, steps,
    modes and speeds are the animator's own (its read-only traits).
    """
    if not isinstance(animator, BreathLiftAnimator):
        raise TypeError(f"expected a BreathLiftAnimator, got {type(animator).__name__}")
    style = {"description_width": "9rem"}
    layout = {"width": "32rem"}
    limits = animator.limits
    tempo = ipw.FloatSlider(
        value=animator.tempo,
        **limits["tempo"],
        description="Tempo (breaths/min)",
        style=style,
        layout=layout,
    )
    ratio = ipw.FloatSlider(
        value=animator.exhale_ratio,
        **limits["exhale_ratio"],
        description="Exhale (× inhale)",
        style=style,
        layout=layout,
    )
    mode = ipw.Dropdown(
        options=[(label, name) for name, label in animator.modes],
        value=animator.mode,
        description="Mode",
        style=style,
    )
    speed = ipw.Dropdown(
        options=[(label, value) for value, label in animator.speeds],
        value=animator.speed,
        description="Speed",
        style=style,
    )
    playing = ipw.ToggleButton(value=animator.playing, description="Playing", icon="play")
    # Continuous controls link in the browser; choice lists sync only their index in the
    # browser, so they link through the kernel (a single message per change).
    for control, trait in ((tempo, "tempo"), (ratio, "exhale_ratio"), (playing, "playing")):
        ipw.jslink((control, "value"), (animator, trait))
    for control, trait in ((mode, "mode"), (speed, "speed")):
        ipw.link((control, "value"), (animator, trait))
    return ipw.VBox([tempo, ratio, mode, speed, playing])
