import pytest

from widgets.views.breath_lift import BreathLiftAnimator
from widgets.views.breath_lift_teacher_panel import LINKED, BreathLiftTeacherPanel, teacher_panel


def test_panel_starts_from_the_animator_and_uses_its_limits():
    anim = BreathLiftAnimator(tempo=9, mode="breath-only", speed=0.5)
    panel = teacher_panel(anim)
    assert isinstance(panel, BreathLiftTeacherPanel)
    assert (panel.tempo, panel.mode, panel.speed) == (9, "breath-only", 0.5)
    assert panel.limits["tempo"] == anim.limits["tempo"]
    assert panel.limits["exhale_ratio"] == anim.limits["exhale_ratio"]
    assert panel.modes == anim.modes
    assert panel.speeds == anim.speeds


def test_each_control_is_linked_in_the_browser_to_the_same_trait():
    anim = BreathLiftAnimator()
    panel = teacher_panel(anim)
    pairs = {(link.source[1], link.target[1]) for link in panel.links}
    assert pairs == {(name, name) for name in LINKED}
    assert all(link.source[0] is panel and link.target[0] is anim for link in panel.links)


@pytest.mark.parametrize("bad", [object(), None, "animation", 6.0])
def test_panel_needs_an_animator(bad):
    with pytest.raises(ValueError, match="needs the animation to drive"):
        teacher_panel(bad)


def test_panel_takes_no_other_arguments():
    with pytest.raises(ValueError, match="unknown argument"):
        BreathLiftTeacherPanel(BreathLiftAnimator(), tempo=3)
