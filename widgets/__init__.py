"""Gentle Spine: models, figures and interactive views for the course notebooks.

Lessons import this package as ``import widgets`` (and ipywidgets as ``ipw``).
"""

from widgets.breath_lift import BreathLiftAnimator, breath_lift
from widgets.chain_readouts import show_chain
from widgets.course_map import show_course_map
from widgets.curve_explorer import curve_explorer
from widgets.evidence import show_claim
from widgets.figures import spine_figure
from widgets.figures.breath_vs_lift import breath_vs_lift_figure
from widgets.lesson_content import ask, show_evidence, show_lesson_references
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.quiz import question
from widgets.references import cite, show_references
from widgets.safety import show_red_flags
from widgets.spine_compare import compare_spines
from widgets.teacher_panel import teacher_panel

__all__ = [
    "PRESETS",
    "BreathLiftAnimator",
    "SpineParams",
    "ask",
    "breath_lift",
    "breath_vs_lift_figure",
    "build_spine",
    "cite",
    "compare_spines",
    "curve_explorer",
    "preset",
    "question",
    "show_chain",
    "show_claim",
    "show_course_map",
    "show_evidence",
    "show_lesson_references",
    "show_red_flags",
    "show_references",
    "spine_figure",
    "teacher_panel",
]
