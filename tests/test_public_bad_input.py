"""Every public entry point of ``widgets`` answers bad input with a clear error (issue 11 §3).

The probe finds every public function and class (its name does not start with ``_`` and it
is defined in the module, not re-exported) in every module of the package with ``pkgutil`` and
``inspect``. For each parameter it feeds bad values chosen by the parameter's annotation and
default (numbers get NaN, the infinities, ``True``, text, ``None`` unless the parameter is
optional, ``10**400`` ...; text gets a number, ``None``, a list and, for a name chosen from a
list, ``"no-such-name"``; parameter classes get the wrong class, text and a dict), with every
other argument at its default or at a valid example from :data:`EXAMPLES`, and asserts a
``ValueError`` whose message names the parameter. An unknown keyword argument must raise
Python's ``TypeError`` or a ``ValueError`` naming it. Every synced public trait of every widget
class is set to the same kind of bad values and must raise a ``TraitError`` naming the trait.
numpy warnings are errors while the probe runs, so an overflow or an invalid operation fails.

Records (frozen dataclasses the package builds and returns, such as ``DiscHistory``) are
listed in :data:`RECORDS` and not probed: they are results, not inputs. Parameters where a
bad-looking value is legitimately accepted are listed in :data:`ALLOWED` with the reason;
failures not fixed yet are listed in :data:`PENDING` (the test fails when one is fixed, so
the list only shrinks).

Run ``uv run python -m tests.test_public_bad_input`` for the list of failures and the counts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import inspect
import math
import os
import pkgutil
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import traitlets

import widgets

# --- what the probe skips, and why -------------------------------------------------------------

#: Result records: frozen dataclasses the package builds and hands back (a simulation's
#: history, a computed load, a geometry ...). Learners read them; they are not inputs, so
#: their constructors are not probed.
RECORDS: frozenset[str] = frozenset(
    {
        "widgets.content.course_map.Lesson",
        "widgets.content.glossary.Entry",
        "widgets.content.glossary_first_use.Segment",
        "widgets.content.glossary_first_use.FirstUse",
        "widgets.content.lesson_content.Claim",
        "widgets.content.red_flags.RedFlagGroup",
        "widgets.content.references.Reference",
        "widgets.content.sandboxes.Sandbox",
        "widgets.data.Row",
        "widgets.figures.disc_day_run.DayRun",
        "widgets.figures.muscle_effort.EffortBar",
        "widgets.figures.posture_bars.Reference",
        "widgets.figures.posture_person.PersonPoints",
        "widgets.figures.spine_parts.Outline",
        "widgets.figures.spine_parts.AngleLabel",
        "widgets.journal.store.Journal",  # opened by open_journal, which is probed
        "widgets.model.adult_ranges.AdultRange",
        "widgets.model.development.Anchor",
        "widgets.model.development.Milestone",
        "widgets.model.disc.DiscHistory",
        "widgets.model.disc_experiments.DayNight",
        "widgets.model.disc_experiments.Sitting",
        "widgets.model.disc_experiments.TableDay",
        "widgets.model.disc_transport.FluidComparison",
        "widgets.model.disc_transport.OscillatingFlow",
        "widgets.model.experiments.LordosisSweep",
        "widgets.model.experiments.LevelChanges",
        "widgets.model.breath_experiments.BreathTrace",
        "widgets.model.breath_experiments.TempoChange",
        "widgets.model.breath_experiments.LiftAgainstBreath",
        "widgets.model.lying_experiments.ChinSweep",
        "widgets.model.lying_experiments.PelvisCheck",
        "widgets.model.spine.SpineGeometry",
        "widgets.model.supine.SupinePose",
        "widgets.model.supine.KeyPoses",
        "widgets.model.trunk.TrunkLoad",
        "widgets.model.trunk_experiments.MomentArmCase",
        "widgets.model.trunk_lying.LyingEffort",
        "widgets.model.trunk_segments.Body",
        "widgets.model.wilke_check.WilkeCheck",
    }
)

#: Modules whose public names are the checks themselves (``check_*(name, value)``): the
#: probe feeds bad values to their ``value`` and expects the given label in the message.
CHECKERS_LABEL = "probed_value"

#: Parameters not probed at all, with the reason.
SKIP_PARAMS: dict[tuple[str, str], str] = {
    # the validation helpers' own configuration (label, bounds, the check to run, the class)
    **{
        ("widgets.validation." + f, p): "a helper's configuration, set by the package's code"
        for f, ps in {
            "check_in_range": ("name", "low", "high", "unit"),
            "check_number": ("name", "unit"),
            "check_int_in_range": ("name", "low", "high", "unit"),
            "check_flag": ("name",),
            "check_instance": ("name", "cls", "what"),
            "check_items": ("name", "check", "minimum", "what"),
            "check_values": ("name", "low", "high", "unit"),
            "check_folder": ("name",),
            "check_keywords": ("where", "given", "allowed"),
            "check_choice": ("name", "choices", "what", "plural"),
            "check_text": ("name", "allow_empty"),
            "check_text_list": ("name", "minimum"),
            "checked_trait": ("proposal", "check"),
            "Checked": ("default_value", "allow_none", "read_only", "help", "config"),
        }.items()
        for p in ps
    },
    ("widgets.model.breath.check_phase", "name"): "the label in the message, set by the code",
}

#: Whole entry points not probed, with the reason.
SKIP_ENTRIES: dict[str, str] = {
    "widgets.validation.shown": "formats any value for a message; every value is valid",
    "widgets.validation.describe": "formats any value for a message; every value is valid",
    "widgets.journal.schema.file_state": "internal to open_journal (takes an open connection)",
    "widgets.journal.schema.migrate": "internal to open_journal (takes an open connection)",
    "widgets.validation.checked_trait": "runs a check inside a @traitlets.validate method",
    "widgets.validation.Checked": "a traitlets trait type; its keywords are traitlets metadata",
}

#: (entry point, parameter) -> (predicate on the bad value, reason): a value that looks bad
#: but is legitimately accepted there. Not for hiding failures.
ALLOWED: dict[tuple[str, str], tuple[Callable[[object], bool], str]] = {}


def _is_text(v: object) -> bool:
    return isinstance(v, str)


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _allow(entry: str, param: str, when: Callable[[object], bool], why: str) -> None:
    ALLOWED[(entry, param)] = (when, why)


def _is_none(v: object) -> bool:
    return v is None


_allow("widgets.journal.session.check_pain", "value", _is_none, "no pain score given")
_allow("widgets.journal.session.check_note", "value", _is_text, "any text is a note")
_allow("widgets.validation.check_text", "value", _is_text, "any non-blank text is text")
_allow("widgets.model.disc_params.as_params", "params", _is_none, "None means the defaults")
_allow("widgets.model.disc_params.as_state", "start", _is_none, "None means the evening state")
_allow("widgets.content.glossary.anchor", "name", _is_text, "any text has an anchor")
_allow("widgets.model.development.check_ages", "ages", _is_number, "a single age is valid")
_allow("widgets.model.development.curve_table", "ages", _is_number, "a single age: one row")


#: Failures not fixed yet, by (entry point, parameter); the test fails on any other failure
#: and on a listed one that no longer fails. Run the module for the messages.
PENDING: dict[tuple[str, str], str] = {}


# --- valid examples for required parameters -------------------------------------------------


def _geometry() -> Any:
    from widgets.model.spine import build_spine

    return build_spine("adult-mean")


def _sessions() -> Any:
    from widgets.views.journal_summary import example_sessions

    return example_sessions()


def _figure() -> Any:
    import plotly.graph_objects as go

    return go.Figure()


def _history() -> Any:
    from widgets.model.disc_transport import lying_still

    return lying_still(10.0)


def _trunk_load() -> Any:
    from widgets.model.trunk import TrunkPosture, trunk_load

    return trunk_load(TrunkPosture())


def _frame() -> Any:
    from widgets.figures.spine_drawing import spine_frame

    return spine_frame([[_geometry()]], 380)


def _key_poses() -> Any:
    from widgets.model.supine import SupineParams, key_poses

    return key_poses(SupineParams(), n_lift=2, n_breath=2)


def _scene() -> Any:
    from widgets.figures.supine_scene import scene_payload

    return scene_payload(_key_poses())


def _animator() -> Any:
    from widgets.views.breath_lift import BreathLiftAnimator

    return BreathLiftAnimator()


def _pose() -> Any:
    from widgets.model.supine import SupineParams, supine_pose

    return supine_pose(SupineParams())


def _cls(path: str) -> Callable[[], Any]:
    def make() -> Any:
        module, name = path.rsplit(".", 1)
        return getattr(importlib.import_module(module), name)()

    return make


def _value(v: object) -> Callable[[], Any]:
    return lambda: v


#: Valid examples by annotation (the annotation text as written in the signature).
BY_ANNOTATION: dict[str, Callable[[], Any]] = {
    "SpineGeometry": _geometry,
    "Sequence[SpineGeometry]": lambda: [_geometry()],
    "Iterable[Sequence[SpineGeometry]]": lambda: [[_geometry()]],
    "SupineParams": _cls("widgets.model.supine.SupineParams"),
    "SpineParams": lambda: importlib.import_module("widgets.model.spine_params").preset(
        "adult-mean"
    ),
    "BreathPattern": _cls("widgets.model.breath.BreathPattern"),
    "TrunkPosture": _cls("widgets.model.trunk.TrunkPosture"),
    "TrunkLoad": _trunk_load,
    "Tissue": _cls("widgets.model.supine_contact.Tissue"),
    "DiscHistory": _history,
    "Sequence[Session]": _sessions,
    "Iterable[Session]": _sessions,
    "Session": lambda: _sessions()[0],
    "go.Figure": _figure,
    "Frame": _frame,
    "KeyPoses": _key_poses,
    "BreathLiftAnimator": _animator,
    "Sequence[tuple[str, SupinePose]]": lambda: [("rest", _pose())],
    "dict[str, SupinePose]": lambda: {"rest": _pose()},
    "np.ndarray": lambda: np.array([[0.0, 0.0], [1.0, 0.0]]),
    "Floats": _value(0.25),
    "datetime": lambda: dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC),
}

#: Valid examples by entry point and parameter, where the annotation does not say enough.
EXAMPLES: dict[str, dict[str, Callable[[], Any]]] = {}


def _ex(entry: str, **values: object) -> None:
    EXAMPLES[entry] = {k: _value(v) for k, v in values.items()}


_ex("widgets.content.evidence.grade_explanation", grade="strong")
_ex("widgets.content.evidence.badge_html", grade="strong")
_ex(
    "widgets.content.evidence.claim_html",
    claim="A claim",
    grade="strong",
    finding="A finding",
    sources=["guo2018"],
)
_ex(
    "widgets.content.evidence.show_claim",
    claim="A claim",
    grade="strong",
    finding="A finding",
    sources=["guo2018"],
)
_ex("widgets.content.glossary.anchor", name="Cobb angle")
_ex("widgets.content.glossary.entry", name="Cobb angle")
_ex("widgets.content.glossary.form_key", form="Cobb angle")
EXAMPLES["widgets.content.glossary_page.entry_markdown"] = {
    "e": lambda: importlib.import_module("widgets.content.glossary").entry("Cobb angle")
}
_FIRST_USE = "widgets.content.glossary_first_use"
_SEGMENTS = lambda: [importlib.import_module(_FIRST_USE).Segment("Text.", "cell 1")]  # noqa: E731
EXAMPLES["widgets.content.glossary_first_use.first_uses"] = {"segments": _SEGMENTS}
EXAMPLES["widgets.content.glossary_first_use.first_use_problems"] = {"segments": _SEGMENTS}
_ex("widgets.content.references.cite", keys=["guo2018"])  # cite(*keys): passed positionally
_ex("widgets.data.lookup", name="supine", key=["pillow_max"])
_ex("widgets.data.value", name="supine", key=["pillow_max"])
_ex("widgets.content.glossary_first_use.link_problems", markdown="Some text.")
for _f in ("content", "claims", "evidence_html", "show_evidence", "show_lesson_references"):
    _ex(f"widgets.content.lesson_content.{_f}", lesson="02")
for _f in ("notebook_path", "segments", "cited_keys"):
    _ex(f"widgets.content.lesson_text.{_f}", lesson="02")
_ex("widgets.content.page_style.styled", html="<p>x</p>")
_ex("widgets.content.page_style.show_html", html="<p>x</p>")
_ex("widgets.content.references.reference", key="guo2018")
_ex("widgets.content.references.references_markdown", keys=["guo2018"])
_ex("widgets.content.references.show_references", keys=["guo2018"])
_ex("widgets.data.load_table", name="supine")
_ex("widgets.figures.angle_tables.preset_table_html", name="adult-mean")
_ex("widgets.figures.angle_tables.angle_status", parameter="lumbar_lordosis", months=12.0)
_ex("widgets.figures.angle_tables.age_readout_html", months=12.0)
_ex("widgets.figures.breath_vs_lift.resting_chin_note", rest=10.0, deepest=12.0)
_ex("widgets.figures.curves_by_age.age_marker", months=12.0)
_ex("widgets.figures.curves_by_age.curves_chart_json", months=12.0)
_ex("widgets.figures.curves_by_age_scale.age_axis", months=12.0)
_ex("widgets.figures.curves_by_age_scale.curve_colour", parameter="lumbar_lordosis")
_ex("widgets.figures.curves_by_age_scale.hover_paragraph", text="Some text")
_ex("widgets.figures.disc_day.clock", hour=18.0)
_ex("widgets.figures.disc_day_drawing.disc_width", area=1600.0)
_ex("widgets.figures.disc_day_drawing.drawing_shapes", height=11.0, rising_height=11.2, area=1600.0)
_ex("widgets.figures.disc_day_drawing.drawing_annotations", height=11.0, rising_height=11.2)
_ex("widgets.figures.disc_day_run.bedtime", day="desk_worker")
_ex("widgets.figures.disc_day_tables.readout_html", day="desk_worker", table="wilke1999", hour=18.0)
_ex("widgets.figures.disc_day_tables.pressure_tables_html", day="desk_worker")
_ex("widgets.figures.posture_person.person_points", load_lever=0.3)
_ex("widgets.figures.spine_drawing.spine_frame", width_px=380)
_ex("widgets.figures.spine_drawing.spine_scene", titles=["Adult"], width_px=380)
_ex("widgets.figures.spine_drawing.SpineDrawing")
_ex("widgets.figures.spine_figure.spine_traces", dx=0.0, tag="a")
_ex("widgets.figures.spine_parts.titled", title="Adult")
_ex("widgets.figures.theme.plotly_text", text="Some text")
_ex("widgets.figures.theme.rgba", hex_colour="#336699", alpha=0.5)
_ex("widgets.figures.theme.axis_style", title="Angle")
_ex("widgets.model.adult_ranges.adult_range", parameter="lumbar_lordosis")
_ex("widgets.model.ages.age_label", months=12.0)
_ex("widgets.model.ages.nearest_age_stop", months=12.0)
_ex(
    "widgets.model.angles.angle_from",
    reference=np.array([0.0, 1.0]),
    vector=np.array([1.0, 1.0]),
)
_ex("widgets.model.angles.wrap_degrees", deg=30.0)
_ex(
    "widgets.model.angles.plate_tilt", posterior=np.array([0.0, 0.0]), anterior=np.array([1.0, 0.2])
)
_ex(
    "widgets.model.angles.frankfort_pitch",
    porion=np.array([0.0, 0.0]),
    orbitale=np.array([1.0, 0.1]),
)
_ex("widgets.model.breath.cue", mode="lift-with-breath", phase="inhale")
_ex("widgets.model.breath.check_phase", name="u", u=0.5)
_ex("widgets.model.breath_tracking.advance", dt=1.0)
_ex("widgets.model.breath_tracking.phase_track", times=[0.0, 1.0, 2.0], tempos=[6.0, 6.0, 6.0])
_ex("widgets.model.breath.lift_and_breath", mode="lift-with-breath")
_ex("widgets.model.development.anchors", parameter="lumbar_lordosis")
_ex("widgets.model.development.check_ages", ages=[0.0, 12.0])
_ex("widgets.model.development.curve_table", ages=[0.0, 12.0])
_ex("widgets.model.development.at_age", months=12.0)
_ex("widgets.model.development.geometry_at_age", months=12.0)
_ex("widgets.model.disc.check_history", times=[0.0, 1.0], loads=[0.5])
_ex("widgets.model.disc.simulate", times=[0.0, 1.0], loads=[0.5])
_ex("widgets.model.disc.simulate_day", schedule=[(0.0, "standing")])
_ex("widgets.model.disc.hours_to_recover", reference=11.0)
_ex("widgets.model.disc_loads.posture_pressure", posture="standing")
_ex("widgets.model.disc_loads.preset_day", name="desk_worker")
_ex("widgets.model.disc_loads.schedule_load", schedule=[(0.0, "standing")])
_ex("widgets.model.disc_params.as_params", params=None)
_ex("widgets.model.disc_params.as_state", start=None)
_ex("widgets.model.disc_transport.peclet", solute="oxygen", speed=1e-9)
_ex("widgets.model.experiments.fitting_lordosis", pelvic_incidence=52.0)
_ex("widgets.model.experiments.with_angle", base="adult-mean")
_ex("widgets.model.experiments.head_shift", change_deg=5.0)
_ex("widgets.model.growth.spine_length_mm", months=12.0)
_ex("widgets.model.growth.spine_scale", months=12.0)
_ex("widgets.model.growth.head_scale", months=12.0)
_ex("widgets.model.growth.preset_age", name="adult-mean")
_ex("widgets.model.lying_experiments.readout_sweep", setting="pillow", values=[40.0, 60.0])
_ex("widgets.model.lying_experiments.chin_sweep", setting="pillow", values=[40.0, 60.0])
_ex("widgets.model.lying_experiments.head_gaps", pillows=[50.0])
_ex("widgets.model.measure.superior_tilt", level="L1")
_ex("widgets.model.measure.inferior_tilt", level="L1")
_ex("widgets.model.outlines.sacrum", depth=30.0)
_ex("widgets.model.outlines.innominate", radius=20.0)
_ex("widgets.model.outlines.circle", radius=20.0)
_ex("widgets.model.spine.build_spine", spec="adult-mean")
_ex(
    "widgets.model.spine_params.SpineParams",
    **{
        "cervical_lordosis": 12.0,
        "thoracic_kyphosis": 40.0,
        "lumbar_lordosis": 50.0,
        "pelvic_incidence": 52.0,
        "pelvic_tilt": 13.0,
    },
)
for _f in ("preset_sources", "preset", "is_illustrative"):
    _ex(f"widgets.model.spine_params.{_f}", name="adult-mean")
_ex("widgets.model.supine_params.pose_params", lift=0.5, breath=0.5)
_ex("widgets.model.supine_params.resting_pelvic_tilt", spine="adult-mean", legs="bent")
_ex("widgets.model.supine_rest.upper_back_gap", spine="adult-mean", legs="bent")
_ex("widgets.model.supine_params.sized", spine="adult-mean")
_ex("widgets.model.supine.key_poses", n_lift=2, n_breath=2)
_ex("widgets.model.supine_tissue.support", prop=0.0)
_ex("widgets.model.supine_tissue.check_prop", prop=0.0)
_ex("widgets.model.supine_tissue.check_edge", name="edge", edge=0.0)
_ex("widgets.model.supine_tissue.check_outline", name="seat", value=[[0.0, 0.0], [1.0, 0.0]])
_ex("widgets.model.supine_contact.pillow_block", pillow=50.0, contact_x=0.0)
_ex(
    "widgets.model.supine_joints.rotate",
    points=np.array([[1.0, 0.0]]),
    pivot=np.array([0.0, 0.0]),
    deg=10.0,
)
_ex("widgets.model.supine_joints.pivot", joint="L4-L5")
_ex("widgets.model.supine_joints.bend", joint="L4-L5", deg=2.0)
_ex("widgets.model.supine_joints.bend_many", bends={"L4-L5": 2.0})
_ex("widgets.model.supine_ranges.at_limit", joint="L4-L5", change=2.0)
_ex("widgets.model.supine_ranges.flexion_range", joint="L4-L5")
_ex("widgets.model.supine_ranges.extension_range", joint="L4-L5")
_ex("widgets.model.trunk.extensor_strength", flexion=30.0)
_ex("widgets.model.trunk.pressure_from_compression", compression=800.0)
_ex("widgets.model.trunk.effort_share", moment=50.0, strength=200.0)
_ex("widgets.model.trunk.preset", name="standing")
_ex("widgets.model.trunk.preset_load", name="standing")
_ex("widgets.model.trunk_experiments.load_at_distances", distances=[0.2, 0.4])
_ex("widgets.model.trunk_experiments.times_body_weight", force=700.0)
_ex("widgets.model.trunk_experiments.with_moment_arm", arm=0.05)
_ex("widgets.model.trunk_lying.lying_effort", exercise="bridge")
_ex("widgets.model.wilke_check.measured_pressure", preset="standing-flexed")
_ex("widgets.model.wilke_check.wilke_check", preset="standing-flexed")
_ex("widgets.model.wilke_check.overshoot_with_moment_arm", preset_name="standing-flexed", arm=0.05)
_ex(
    "widgets.figures.supine_scene.resample_outline",
    outline=np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]]),
)
_ex(
    "widgets.figures.range_control.StopsControl",
    value=1.0,
    stops=[0.0, 1.0, 2.0],
    labels=["none", "one", "two"],
    description="Count",
)
_ex(
    "widgets.figures.range_control.StepControl",
    description="Bend",
    value=10.0,
    low=0.0,
    high=90.0,
    step=5.0,
    unit="°",
)
_ex("widgets.figures.supine_scene_interpolation.grid_cell", values=[0.0, 0.5, 1.0], x=0.25)
_ex(
    "widgets.figures.supine_scene_interpolation.interpolate",
    table=[[0.0, 1.0], [2.0, 3.0]],
    lifts=[0.0, 1.0],
    breaths=[0.0, 1.0],
    lift=0.5,
    breath=0.5,
)
_ex("widgets.views.curve_explorer.AfterPause", action=lambda _x: None, pause=0.1)
_ex("widgets.views.disc_day_hour.nearest_hour_stop", hour=18.0)
_ex(
    "widgets.views.posture_explorer_slider.PostureSlider",
    description="Bend",
    value=10.0,
    low=0.0,
    high=90.0,
    step=1.0,
    unit="deg",
)
_ex("widgets.views.question.Question", prompt="Which?", options={"a": "A", "b": "B"}, answer="a")
_ex("widgets.views.question.question", prompt="Which?", options={"a": "A", "b": "B"}, answer="a")
_ex("widgets.views.question.ask", lesson="02", question_id="notice-your-head")
_ex("widgets.views.session_player_plan.planned_rounds", length_by="minutes", minutes=5.0, rounds=10)
_ex(
    "widgets.views.session_player_plan.session_from_message",
    content={
        "type": "finish",
        "session": {
            "start": "2024-05-01T07:00:00+00:00",
            "duration_s": 300.0,
            "rounds": 30,
            "tempo": 6.0,
            "exhale_ratio": 1.0,
            "mode": "lift-with-breath",
            "pain_before": None,
            "pain_after": None,
            "note": "",
        },
    },
    tempo=6.0,
    exhale_ratio=1.0,
    mode="lift-with-breath",
    now=dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC),
)
_ex(
    "widgets.journal.session.Session",
    start=dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC),
    duration_s=300.0,
    rounds=30,
    tempo=6.0,
    exhale_ratio=1.0,
    mode="lift-with-breath",
)
for _f in ("check_start", "check_pain", "check_note"):
    _ex(f"widgets.journal.session.{_f}", name=CHECKERS_LABEL)
_ex(
    "widgets.journal.session.check_start",
    name="start",
    value=dt.datetime(2024, 5, 1, 8, 0, tzinfo=dt.UTC),
)
_ex("widgets.journal.session.check_pain", name="pain_before", value=3)
_ex("widgets.journal.session.check_note", name="note", value="fine")
# the check helpers: the label is the parameter's name, so the message must repeat it
_ex("widgets.validation.check_in_range", name="value", value=1.0, low=0.0, high=2.0)
_ex("widgets.validation.check_number", name="value", value=1.0)
_ex("widgets.validation.check_int_in_range", name="value", value=1, low=0, high=2)
_ex("widgets.validation.check_flag", name="value", value=True)
_ex("widgets.validation.check_instance", name="value", value=1, cls=int, what="an int")
_ex("widgets.validation.check_items", name="values", values=[1.0], check=lambda n, v: v)
_ex("widgets.validation.check_values", name="values", values=[1.0], low=0.0, high=2.0)
_ex("widgets.validation.check_folder", name="value", value=".")
_ex("widgets.validation.check_keywords", where="f", given=[], allowed=["a"])
_ex("widgets.validation.check_choice", name="value", value="a", choices=("a", "b"))
_ex("widgets.validation.check_text", name="value", value="a")
_ex("widgets.validation.check_text_list", name="values", values=["a"])


def _two_panels() -> Any:
    from plotly.subplots import make_subplots

    return make_subplots(rows=2, cols=1)


for _f in (
    "curves_by_age_milestones.add_age_notes",
    "curves_by_age_milestones.add_milestones",
    "curves_by_age_traces.add_adult_bands",
    "curves_by_age_traces.add_anchor_dots",
    "curves_by_age_traces.add_legend",
    "curves_by_age_traces.add_model_curves",
):
    EXAMPLES[f"widgets.figures.{_f}"] = {"fig": _two_panels}
EXAMPLES["widgets.figures.supine_scene_interpolation.pose_points"] = {
    "scene": _scene,
    "lift": _value(0.5),
    "breath": _value(0.5),
}
EXAMPLES["widgets.model.supine_contact.rest_transform"] = {"geom": lambda: _pose().geometry}
EXAMPLES["widgets.model.supine_tissue.check_body"] = {
    "geom": lambda: _pose().geometry,
    "tissue": _cls("widgets.model.supine_contact.Tissue"),
}
EXAMPLES["widgets.model.supine_contact.settle_head"] = {
    "pillow": _value(50.0),
    "shares": lambda: importlib.import_module("widgets.model.supine_contact").neck_shares(),
    "start": lambda: importlib.import_module("widgets.model.supine_joints").joint_angles(
        _geometry()
    ),
}
_ex("widgets.figures.spine_drawing.check_width", name="value", value=380)
EXAMPLES["widgets.figures.spine_drawing.check_frame"] = {"name": _value("frame"), "frame": _frame}
EXAMPLES["widgets.figures.spine_parts.check_geometry"] = {"name": _value("geom"), "geom": _geometry}
EXAMPLES["widgets.figures.curves_by_age_scale.check_chart"] = {
    "name": _value("fig"),
    "fig": _two_panels,
}
_ex("widgets.figures.theme.check_px", name="value", value=300.0)
_ex("widgets.model.disc_loads.check_table", name="table", table="wilke1999")
_ex(
    "widgets.model.disc_loads.check_schedule",
    name="schedule",
    schedule=[(0.0, "standing")],
    table="wilke1999",
    end_hours=24.0,
)
_ex("widgets.model.ages.check_age", months=12.0)
_ex("widgets.model.angles.check_point", name="value", value=[1.0, 2.0])
_ex("widgets.figures.disc_day_run.check_day", day="desk_worker")
_ex("widgets.figures.disc_day_run.check_table", table="wilke1999")
_ex("widgets.figures.disc_day_run.check_hour", hour=18.0)


# --- bad values ------------------------------------------------------------------------------

#: Parameters of type str whose value is a name from a fixed list.
CHOICE_NAMES = frozenset(
    {
        "adult_type", "break_posture", "day", "exercise", "grade", "joint", "left", "legs",
        "length_by", "lesson", "level", "mode", "name", "parameter", "phase", "posture", "preset",
        "preset_name", "question_id", "right", "setting", "solute", "spine", "start", "table",
        "upper", "variant", "key", "spec", "base",
    }
)  # fmt: skip

BIG = 10**400


class _Opaque:
    """An object of no expected kind."""

    def __repr__(self) -> str:
        return "<opaque>"


def _optional(annotation: str, default: object) -> bool:
    return "None" in annotation or default is None


def bad_values(entry: str, param: inspect.Parameter) -> list[object]:
    """The bad values for one parameter, chosen by its annotation and default."""
    ann = str(param.annotation) if param.annotation is not param.empty else ""
    default = param.default
    optional = _optional(ann, default)
    none = [] if optional else [None]
    base = ann.replace(" | None", "").strip()
    if base in ("Floats", "float | np.ndarray"):  # arrays of numbers are valid here
        return [math.nan, math.inf, -math.inf, True, "abc", BIG, [math.nan], *none]
    if base in ("float", "int") or (
        base in ("object", "")
        and isinstance(default, int | float)
        and not isinstance(default, bool)
    ):
        values: list[object] = [math.nan, math.inf, -math.inf, True, "abc", BIG, [1.0], *none]
        if base == "int":
            values.append(2.5)
        return values
    if base == "bool":
        return [1, "yes", *none]
    if base == "str":
        values = [3, ["x"], *none]
        if param.name in CHOICE_NAMES:
            values.append("no-such-name")
        return values
    if "Path" in base or "PathLike" in base:
        return [3, ["x"], *none]
    if base in BY_ANNOTATION or base in ("SpineParams | str",):
        wrong = _Opaque()
        return ["abc" if "str" not in base else "no-such-name", 3, {}, wrong, *none]
    if base.startswith(("Sequence", "Iterable", "tuple", "list")):
        return ["abc", 3, {"a": 1}, [_Opaque()], *none]
    if base.startswith(("Mapping", "dict")):
        return ["abc", 3, [1], {1: _Opaque()}, *none]
    if base == "npt.ArrayLike":
        return ["abc", [math.nan], [math.inf], *none]
    if base in ("object", ""):
        return ["abc", {}, _Opaque(), *none]
    return [3, "abc", *none]


# --- discovery ------------------------------------------------------------------------------


def discover() -> list[tuple[str, Any]]:
    """Every public function and class defined in a module of ``widgets``, by dotted name."""
    found = []
    for info in pkgutil.walk_packages(widgets.__path__, "widgets."):
        module = importlib.import_module(info.name)
        for name, obj in sorted(vars(module).items()):
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) != module.__name__:
                continue  # a re-export
            found.append((f"{info.name}.{name}", obj))
    return found


def is_widget_class(obj: object) -> bool:
    import ipywidgets

    return inspect.isclass(obj) and issubclass(obj, ipywidgets.Widget)


def star_parameter(obj: Any) -> inspect.Parameter | None:
    """The ``*args`` parameter of ``obj``, if it has one."""
    for p in inspect.signature(obj).parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            return p
    return None


def parameters(obj: Any) -> list[inspect.Parameter]:
    return [
        p
        for p in inspect.signature(obj).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name != "self"
    ]


def valid_arguments(entry: str, obj: Any) -> dict[str, Any]:
    """Valid keyword arguments: the examples, then an example for each required parameter."""
    given = {k: make() for k, make in EXAMPLES.get(entry, {}).items()}
    for p in parameters(obj):
        if p.name in given or p.default is not p.empty:
            continue
        ann = str(p.annotation).replace(" | None", "")
        if ann not in BY_ANNOTATION:
            raise LookupError(f"no example for {entry}({p.name}: {ann})")
        given[p.name] = BY_ANNOTATION[ann]()
    return given


# --- running --------------------------------------------------------------------------------


@contextlib.contextmanager
def strict() -> Iterator[None]:
    """numpy floating-point trouble and every warning become errors."""
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        yield


def names(message: str, name: str) -> bool:
    return name in message or name.replace("_", " ") in message


def split(obj: Any, kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """The ``*args`` example (given under its name) as positional arguments, the rest keywords."""
    star = star_parameter(obj)
    if star is None or star.name not in kwargs:
        return [], kwargs
    rest = dict(kwargs)
    before = []
    for p in inspect.signature(obj).parameters.values():
        if p.kind is p.VAR_POSITIONAL:
            break
        before.append(rest.pop(p.name))
    return [*before, *rest.pop(star.name)], rest


def call_outcome(obj: Any, kwargs: dict[str, Any], name: str) -> str | None:
    """None if the call raised a ValueError/TraitError naming ``name``, else what went wrong."""
    args, kwargs = split(obj, kwargs)
    try:
        with strict():
            result = obj(*args, **kwargs)
    except (ValueError, traitlets.TraitError) as err:
        if names(str(err), name):
            return None
        return f"{type(err).__name__} not naming {name!r}: {str(err)[:150]}"
    except Exception as err:
        return f"{type(err).__name__}: {str(err)[:150]}"
    return f"accepted, returned {type(result).__name__}"


@dataclass
class Report:
    functions: int = 0
    classes: int = 0
    traits: int = 0
    parameters: int = 0
    calls: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def probe_entry(entry: str, obj: Any, report: Report) -> None:
    """Feed bad values to every parameter of one entry point; failures go to ``report``."""
    try:
        valid = valid_arguments(entry, obj)
    except LookupError as err:
        report.failures.append((entry, "", f"probe has {err}"))
        return
    try:
        args, kwargs = split(obj, valid)
        with strict():
            obj(*args, **kwargs)
    except Exception as err:
        report.failures.append((entry, "", f"valid call failed: {type(err).__name__}: {err}"[:300]))
        return
    star = star_parameter(obj)
    if star is not None and star.name in valid:
        report.parameters += 1
        for bad in ([], *([b] for b in bad_values(entry, star))):
            report.calls += 1
            problem = call_outcome(obj, {**valid, star.name: bad}, star.name)
            if problem:
                report.failures.append((entry, "*" + star.name, f"{bad!r:.40}: {problem}"))
    for p in parameters(obj):
        if (entry, p.name) in SKIP_PARAMS:
            continue
        if p.name == "name" and entry in CHECKER_ENTRIES:
            continue  # a check's label for its message, set by the package's code
        report.parameters += 1
        label = p.name
        checker = entry.startswith("widgets.validation.") or entry in CHECKER_ENTRIES
        if checker and parameters(obj).index(p) == 1:  # check_*(name, value): the label
            label = valid.get("name", p.name)
        allowed = ALLOWED.get((entry, p.name))
        for bad in bad_values(entry, p):
            if allowed and allowed[0](bad):
                continue
            report.calls += 1
            problem = call_outcome(obj, {**valid, p.name: bad}, label)
            if problem:
                report.failures.append((entry, p.name, f"{bad!r:.40}: {problem}"))
    report.calls += 1
    problem = call_outcome(obj, {**valid, "no_such_argument": 1}, "no_such_argument")
    python_own = problem and problem.startswith("TypeError: ") and "no_such_argument" in problem
    if problem and not python_own:
        report.failures.append((entry, "no_such_argument", str(problem)))


#: Check helpers outside validation.py: ``check_*(name, value)``; the label must be named.
CHECKER_ENTRIES = frozenset(
    e for e in EXAMPLES if e.rsplit(".", 1)[1].startswith("check_") and "name" in EXAMPLES[e]
)


def own_traits(cls: Any) -> list[str]:
    """The synced public traits a widget class adds to its ipywidgets/anywidget base."""
    import ipywidgets

    base_names: set[str] = set()
    for base in (ipywidgets.DOMWidget, ipywidgets.Box, ipywidgets.VBox):
        base_names |= set(base.class_trait_names())
    return sorted(
        n for n in cls.class_trait_names(sync=True) if not n.startswith("_") and n not in base_names
    )


def bad_trait_values(current: object) -> list[object]:
    if isinstance(current, bool):
        return [1, "yes", None]
    if isinstance(current, int | float):
        return [math.nan, math.inf, -math.inf, True, "abc", None, BIG, [1.0]]
    if isinstance(current, str):
        return [3, None, ["x"]]
    if isinstance(current, list | tuple):
        return ["abc", 3, None, {"a": 1}]
    if isinstance(current, dict):
        return ["abc", 3, None, [1]]
    return [None, "abc", 3]


def probe_traits(entry: str, cls: Any, report: Report) -> None:
    try:
        widget = cls(**valid_arguments(entry, cls))
    except Exception as err:
        report.failures.append((entry, "", f"cannot build the widget: {type(err).__name__}: {err}"))
        return
    for name in own_traits(cls):
        report.traits += 1
        before = getattr(widget, name)
        for bad in bad_trait_values(before):
            report.calls += 1
            try:
                with strict():
                    setattr(widget, name, bad)
            except traitlets.TraitError as err:
                if name not in str(err):
                    report.failures.append(
                        f"{entry}.{name}={bad!r:.40}: TraitError not naming it: {err}"
                    )
            except Exception as err:
                report.failures.append(
                    f"{entry}.{name}={bad!r:.40}: {type(err).__name__}: {err}"[:300]
                )
            else:
                report.failures.append(
                    f"{entry}.{name}={bad!r:.40}: accepted (now {getattr(widget, name)!r:.40})"
                )
                with contextlib.suppress(Exception):
                    setattr(widget, name, before)


@contextlib.contextmanager
def sandbox() -> Iterator[Path]:
    """A temporary journal and working folder, so no probe touches the learner's files."""
    old = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
        os.environ["GENTLE_SPINE_JOURNAL"] = str(Path(tmp) / "journal.sqlite")
        os.environ["XDG_DATA_HOME"] = tmp
        try:
            yield Path(tmp)
        finally:
            os.environ.clear()
            os.environ.update(old)


def run_probe(only: str = "") -> Report:
    report = Report()
    with sandbox() as tmp:
        _ex("widgets.content.glossary_page.write_notebook", folder=tmp)
        _ex("widgets.content.practice_card.write_practice_card", path=tmp / "card.html")
        _ex("widgets.content.practice_card.main", argv=[str(tmp / "card2.html")])
        _ex("widgets.journal.csv_io.write_csv", path=tmp / "out.csv")
        _ex("widgets.journal.csv_io.read_csv", path=tmp / "out.csv")
        _ex("widgets.journal.store.open_journal", path=tmp / "j.sqlite")
        importlib.import_module("widgets.journal.csv_io").write_csv(_sessions(), tmp / "out.csv")
        journal = importlib.import_module("widgets.journal.store").open_journal(tmp / "j2.sqlite")
        EXAMPLES["widgets.journal.csv_io.export_csv"] = {
            "journal": _value(journal),
            "path": _value(tmp / "export.csv"),
        }
        EXAMPLES["widgets.journal.csv_io.import_csv"] = {
            "journal": _value(journal),
            "path": _value(tmp / "out.csv"),
        }
        for entry, obj in discover():
            if only and not entry.startswith(only):
                continue
            if entry in RECORDS or entry in SKIP_ENTRIES:
                continue
            if inspect.isclass(obj):
                report.classes += 1
            else:
                report.functions += 1
            began = time.perf_counter()
            probe_entry(entry, obj, report)
            report.seconds[entry] = time.perf_counter() - began
            if os.environ.get("PROBE_VERBOSE"):
                print(f"{report.seconds[entry]:6.2f} s {entry}", file=sys.__stderr__, flush=True)
            if is_widget_class(obj):
                probe_traits(entry, obj, report)
    return report


def test_every_public_entry_point_refuses_bad_input() -> None:
    report = run_probe()
    print(
        f"\nbad-input probe: {report.functions} functions, {report.classes} classes, "
        f"{report.traits} widget traits, {report.parameters} parameters, {report.calls} calls"
    )
    failing = {(entry, param) for entry, param, _ in report.failures}
    new = [f for f in report.failures if (f[0], f[1]) not in PENDING]
    assert not new, "\n".join(f"{e} {p}: {t}" for e, p, t in new)
    fixed = sorted(set(PENDING) - failing)
    assert not fixed, f"fixed now: remove from PENDING: {fixed}"
    assert report.functions + report.classes > 250  # the discovery found the package


def test_every_example_names_a_probed_entry_point() -> None:
    """An example for a moved or renamed function would silently stop being used."""
    entries = {entry for entry, _ in discover()}
    stale = sorted(e for e in EXAMPLES if e not in entries and e.rsplit(".", 1)[0] not in entries)
    assert not stale, f"EXAMPLES for names the probe no longer finds: {stale}"


if __name__ == "__main__":
    r = run_probe(sys.argv[1] if len(sys.argv) > 1 else "")
    for e, p, t in r.failures:
        print(f"{e} {p}: {t}")
    print(
        f"{r.functions} functions, {r.classes} classes, {r.traits} traits, "
        f"{r.parameters} parameters, {r.calls} calls, {len(r.failures)} failures"
    )
