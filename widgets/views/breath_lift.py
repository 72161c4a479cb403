"""``BreathLiftAnimator``: a person lying on a bed who lifts the waist with the breath.

One Python class, one ES module (``breath_lift.js``, preceded by the shared breath cycle
``breath_cycle.js`` and the shared lying figure ``breath_figure.js``) and one stylesheet
(``breath_lift.css``, preceded by ``breath_figure.css``), in the anywidget way. The traits are
the single source of truth. Python computes the key poses of the lying model once per parameter set
and sends them as the ``scene`` trait; the browser animates by interpolating them in a
``requestAnimationFrame`` loop driven by elapsed time, so the kernel does no per-frame work and a
tempo change alters the phase speed, never the phase.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.figures.supine_scene import scene_payload
from widgets.model.breath import (
    EXHALE_RATIO_RANGE,
    HOLD_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    PHASES,
    TEMPO_RANGE,
    BreathPattern,
    cue,
)
from widgets.model.spine_params import PRESETS
from widgets.model.supine import LEGS, LIMITS, UNITS, SupineParams, key_poses
from widgets.validation import (
    Checked,
    check_choice,
    check_flag,
    check_in_range,
    check_keywords,
    checked_trait,
)

#: Playback speeds offered (slow motion), as multiples of real time, with their labels.
SPEEDS: dict[float, str] = {0.25: "¼× (slow motion)", 0.5: "½×", 1.0: "1× (real time)"}
#: How each exercise mode (:data:`widgets.model.breath.MODES`) is named in the controls.
MODE_LABELS: dict[str, str] = {
    "lift-with-breath": "Lift with the breath",
    "breath-only": "Breath only",
    "lift-independent": "Lift on its own rhythm",
}
#: Slider steps of the controls, in the unit of each setting.
STEPS: dict[str, float] = {"tempo": 0.5, "exhale_ratio": 0.25, "hold": 0.5, "lift_range": 1.0}

_BREATH = BreathPattern()  # the breath model's defaults
_SUPINE = SupineParams()  # the lying model's defaults (from widgets/data/supine.csv)
#: Allowed range and unit of each numeric trait: the breath model's and the lying model's.
RANGES: dict[str, tuple[float, float, str]] = {
    "tempo": (*TEMPO_RANGE, "breaths/min"),
    "exhale_ratio": (*EXHALE_RATIO_RANGE, ""),
    "hold_in": (*HOLD_RANGE, "s"),
    "hold_out": (*HOLD_RANGE, "s"),
    **{name: (*LIMITS[name], UNITS[name]) for name in LIMITS},
}


#: The traits a learner may set (keyword arguments of :class:`BreathLiftAnimator`).
SETTINGS: tuple[str, ...] = (
    "tempo",
    "exhale_ratio",
    "hold_in",
    "hold_out",
    "mode",
    "speed",
    "playing",
    "labels",
    "sound",
    "lift_range",
    "breath_depth",
    "legs",
    "pillow",
    "spine",
)


def _limits() -> dict[str, dict[str, float]]:
    """``{name: {"min", "max", "step"}}`` for the front end's sliders."""
    out = {}
    for name in ("tempo", "exhale_ratio", "hold_in", "lift_range", "breath_depth", "pillow"):
        low, high, _unit = RANGES[name]
        key = "hold" if name == "hold_in" else name
        out[key] = {"min": low, "max": high, "step": STEPS.get(key, 0.0)}
    return out


class BreathLiftAnimator(anywidget.AnyWidget):
    """Animated lying figure, breath pacer, cue text and readouts, with its own controls.

    Defaults and allowed ranges come from the models: the breath from
    :class:`widgets.model.breath.BreathPattern` and its ``*_RANGE`` constants, the lying
    figure from :class:`widgets.model.supine.SupineParams` (``DEFAULTS``, ``LIMITS``: the
    ``*_default`` and ``*_max`` rows of ``widgets/data/supine.csv``). The front end reads
    limits, slider steps, speeds, modes, phase names and cues from the read-only traits
    ``limits``, ``speeds``, ``modes``, ``phases`` and ``cues``.

    Parameters (traits)
    -------------------
    tempo : float
        Breaths per minute (default: the breath model's).
    exhale_ratio : float
        k in inhale:exhale = 1:k.
    hold_in, hold_out : float
        Holds after the inhale and after the exhale, s.
    mode : str
        One of :data:`widgets.model.breath.MODES`.
    speed : float
        Playback speed, one of :data:`SPEEDS` (slow motion below 1).
    playing, labels, sound : bool
        Play or pause; show labels; soft tone at each phase change (off by default).
    lift_range : float
        Lumbar extension at the top of the lift, deg.
    breath_depth : float
        Thoracic extension at the top of the breath, deg.
    legs : str
        ``"bent"`` or ``"straight"``.
    pillow : float
        Pillow height under the head, mm.
    spine : str
        The spine lying down, one of :data:`widgets.model.spine_params.PRESETS` (default
        ``"adult-mean"``; e.g. ``"hyperkyphosis"`` with ``pillow=0`` shows a head the neck
        cannot bring down to the bed).

    Invalid values raise ``traitlets.TraitError`` naming the trait, the value and the allowed
    range (bools are not numbers, numbers are not bools; an int too large for a float is out
    of range); an unknown keyword argument raises ``ValueError`` listing the valid ones (the
    settings above). ``scene`` and the other traits the widget computes are read-only.
    """

    # the breath cycle's one browser spec (breath_cycle.js) and the lying figure's one drawing
    # (breath_figure.js, with its style), both shared with the session player, then the
    # animator's own module and style
    _esm = "\n".join(
        Path(__file__).with_name(name).read_text(encoding="utf-8")
        for name in ("breath_cycle.js", "breath_figure.js", "breath_lift.js")
    )
    _css = "\n".join(
        Path(__file__).with_name(name).read_text(encoding="utf-8")
        for name in ("breath_figure.css", "breath_lift.css")
    )

    # the settings: each checked by a @traitlets.validate method below
    tempo = Checked(_BREATH.tempo).tag(sync=True)
    exhale_ratio = Checked(_BREATH.exhale_ratio).tag(sync=True)
    hold_in = Checked(_BREATH.hold_after_inhale).tag(sync=True)
    hold_out = Checked(_BREATH.hold_after_exhale).tag(sync=True)
    mode = Checked(MODES[0]).tag(sync=True)
    speed = Checked(1.0).tag(sync=True)
    playing = Checked(True).tag(sync=True)
    labels = Checked(True).tag(sync=True)
    sound = Checked(False).tag(sync=True)
    lift_range = Checked(_SUPINE.lift_range).tag(sync=True)
    breath_depth = Checked(_SUPINE.breath_depth).tag(sync=True)
    legs = Checked(_SUPINE.legs).tag(sync=True)
    pillow = Checked(_SUPINE.pillow).tag(sync=True)
    spine = Checked(_SUPINE.spine).tag(sync=True)

    # computed by the widget: read-only from Python, set with set_trait, synced to the browser
    scene = traitlets.Dict(read_only=True).tag(sync=True)
    limits = traitlets.Dict(_limits(), read_only=True).tag(sync=True)
    speeds = traitlets.List([[v, label] for v, label in SPEEDS.items()], read_only=True).tag(
        sync=True
    )
    modes = traitlets.List([[m, MODE_LABELS[m]] for m in MODES], read_only=True).tag(sync=True)
    phases = traitlets.List(list(PHASES), read_only=True).tag(sync=True)
    cues = traitlets.Dict({m: {p: cue(m, p) for p in PHASES} for m in MODES}, read_only=True).tag(
        sync=True
    )
    lift_period_factor = traitlets.Float(LIFT_INDEPENDENT_PERIOD_FACTOR, read_only=True).tag(
        sync=True
    )

    def __init__(self, **kwargs: Any) -> None:
        check_keywords("BreathLiftAnimator", kwargs, SETTINGS)
        super().__init__(**kwargs)
        self._rebuild()

    @traitlets.validate(*RANGES)
    def _valid_number(self, proposal: dict[str, Any]) -> float:
        def check(name: str, value: object) -> float:
            low, high, unit = RANGES[name]
            return check_in_range(name, value, low, high, unit)

        return checked_trait(proposal, check)

    @traitlets.validate("speed")
    def _valid_speed(self, proposal: dict[str, Any]) -> float:
        def check(name: str, value: object) -> float:
            offered = f"allowed speeds: {', '.join(f'{s:g}' for s in SPEEDS)}"
            try:
                speed = check_in_range(name, value, min(SPEEDS), max(SPEEDS))
            except ValueError as err:
                raise ValueError(f"{err}; {offered}") from None
            if speed not in SPEEDS:
                raise ValueError(f"{name} = {speed:g} is not offered; {offered}")
            return speed

        return checked_trait(proposal, check)

    @traitlets.validate("mode", "legs", "spine")
    def _valid_choice(self, proposal: dict[str, Any]) -> str:
        def check(name: str, value: object) -> str:
            if name == "spine":
                return check_choice(name, value, PRESETS, what="preset")
            return check_choice(name, value, MODES if name == "mode" else LEGS)

        return checked_trait(proposal, check)

    @traitlets.validate("playing", "labels", "sound")
    def _valid_flag(self, proposal: dict[str, Any]) -> bool:
        return checked_trait(proposal, check_flag)

    @traitlets.observe("lift_range", "breath_depth", "legs", "pillow", "spine")
    def _on_model_change(self, _change: dict[str, Any]) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        params = SupineParams(
            spine=self.spine,
            legs=self.legs,
            lift_range=self.lift_range,
            breath_depth=self.breath_depth,
            pillow=self.pillow,
        )
        self.set_trait("scene", scene_payload(key_poses(params)))


def breath_lift(**traits: Any) -> BreathLiftAnimator:
    """Create a :class:`BreathLiftAnimator` (a convenience for lesson cells).

    Raises
    ------
    ValueError
        For a keyword that is not one of :data:`SETTINGS` (the message lists them).
    traitlets.TraitError
        For a bad value, naming the trait, the value and what is allowed.
    """
    check_keywords("breath_lift", traits, SETTINGS)
    return BreathLiftAnimator(**traits)
