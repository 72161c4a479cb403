import pytest

from widgets.views.breath_lift import BreathLiftAnimator
from widgets.views.teacher_panel import teacher_panel


def test_panel_controls_start_from_the_animator_and_drive_it():
    anim = BreathLiftAnimator(tempo=9, mode="breath-only")
    panel = teacher_panel(anim)
    tempo, _ratio, mode, speed, _playing = panel.children
    assert tempo.value == 9
    assert mode.value == "breath-only"
    mode.value = "lift-independent"  # linked through the kernel
    assert anim.mode == "lift-independent"
    speed.value = 0.25
    assert anim.speed == 0.25


def test_panel_needs_an_animator():
    with pytest.raises(TypeError, match="expected a BreathLiftAnimator"):
        teacher_panel(object())
