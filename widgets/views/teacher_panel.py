"""Python sliders linked to an animator in the browser, for teachers presenting a lesson."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.model.breath import EXHALE_RATIO_RANGE, MODES, TEMPO_RANGE
from widgets.views.breath_lift import SPEEDS, BreathLiftAnimator


def teacher_panel(animator: BreathLiftAnimator) -> ipw.VBox:
    """Large ipywidgets controls linked to ``animator`` with ``jslink``.

    The sliders link in the browser, so moving one changes the animation without a round trip
    to the kernel. Use it on a projector, or to drive an animator shown elsewhere.
    """
    if not isinstance(animator, BreathLiftAnimator):
        raise TypeError(f"expected a BreathLiftAnimator, got {type(animator).__name__}")
    style = {"description_width": "9rem"}
    layout = {"width": "32rem"}
    tempo = ipw.FloatSlider(
        value=animator.tempo,
        min=TEMPO_RANGE[0],
        max=TEMPO_RANGE[1],
        step=0.5,
        description="Tempo (breaths/min)",
        style=style,
        layout=layout,
    )
    ratio = ipw.FloatSlider(
        value=animator.exhale_ratio,
        min=EXHALE_RATIO_RANGE[0],
        max=EXHALE_RATIO_RANGE[1],
        step=0.25,
        description="Exhale (× inhale)",
        style=style,
        layout=layout,
    )
    mode = ipw.Dropdown(options=list(MODES), value=animator.mode, description="Mode", style=style)
    speed = ipw.Dropdown(
        options=list(SPEEDS), value=animator.speed, description="Speed", style=style
    )
    playing = ipw.ToggleButton(value=animator.playing, description="Playing", icon="play")
    # Continuous controls link in the browser; choice lists sync only their index in the
    # browser, so they link through the kernel (a single message per change).
    for control, trait in ((tempo, "tempo"), (ratio, "exhale_ratio"), (playing, "playing")):
        ipw.jslink((control, "value"), (animator, trait))
    for control, trait in ((mode, "mode"), (speed, "speed")):
        ipw.link((control, "value"), (animator, trait))
    return ipw.VBox([tempo, ratio, mode, speed, playing])
