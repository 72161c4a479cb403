"""Gentle Spine: models, figures and interactive views for the course notebooks.

Lessons import this package as ``import widgets`` (and ipywidgets as ``ipw``). This module is
the one lesson-facing API; the layers below it are ``data`` (sourced tables), ``model`` (pure
numpy teaching models), ``figures`` (plotly figures), ``views`` (interactive widgets) and
``content`` (lesson text: references, evidence badges, red flags, the course map).
"""

from widgets.content.course_map import show_course_map
from widgets.content.evidence import show_claim
from widgets.content.lesson_content import show_evidence, show_lesson_references
from widgets.content.practice_card import show_practice_card
from widgets.content.red_flags import show_red_flags
from widgets.content.references import cite, show_references
from widgets.figures.breath_vs_lift import breath_vs_lift_figure
from widgets.figures.muscle_effort import muscle_effort_figure
from widgets.figures.posture_pressures import pressure_by_posture_figure
from widgets.figures.spine_figure import spine_figure
from widgets.model.spine import build_spine
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.views.breath_lift import BreathLiftAnimator, breath_lift
from widgets.views.breath_lift_teacher_panel import teacher_panel
from widgets.views.chain_comparison import show_chain
from widgets.views.curve_explorer import curve_explorer
from widgets.views.disc_day import disc_day, show_disc_fluid, show_disc_solutes
from widgets.views.journal_summary import show_journal
from widgets.views.posture_explorer import posture_explorer, trunk_model_check
from widgets.views.question import ask, question
from widgets.views.session_player import SessionPlayer, session_player
from widgets.views.spine_comparison import compare_spines

__all__ = [
    "PRESETS",
    "BreathLiftAnimator",
    "SessionPlayer",
    "SpineParams",
    "ask",
    "breath_lift",
    "breath_vs_lift_figure",
    "build_spine",
    "cite",
    "compare_spines",
    "curve_explorer",
    "disc_day",
    "muscle_effort_figure",
    "posture_explorer",
    "preset",
    "pressure_by_posture_figure",
    "question",
    "session_player",
    "show_chain",
    "show_claim",
    "show_course_map",
    "show_disc_fluid",
    "show_disc_solutes",
    "show_evidence",
    "show_journal",
    "show_lesson_references",
    "show_practice_card",
    "show_red_flags",
    "show_references",
    "spine_figure",
    "teacher_panel",
    "trunk_model_check",
]
