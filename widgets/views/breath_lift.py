"""``BreathLiftAnimator``: a person lying on a bed who lifts the waist with the breath.

One Python class, one ES module (``breath_lift.js``) and one stylesheet (``breath_lift.css``),
in the anywidget way. The traits are the single source of truth. Python computes the key poses
of the lying model once per parameter set and sends them as the ``scene`` trait; the browser
animates by interpolating them in a ``requestAnimationFrame`` loop driven by elapsed time, so
the kernel does no per-frame work and a tempo change alters the phase speed, never the phase.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.model.breath import (
    BREATH_ONLY_CUES,
    CUES,
    EXHALE_RATIO_RANGE,
    HOLD_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    TEMPO_RANGE,
)
from widgets.model.supine import LEGS, SupineParams, key_poses
from widgets.validation import check_choice, check_in_range
from widgets.views.breath_lift_scene import scene_payload

#: Playback speeds offered (slow motion), as multiples of real time.
SPEEDS: tuple[float, ...] = (0.25, 0.5, 1.0)


def _checked(proposal: dict[str, Any], low: float, high: float, unit: str) -> float:
    try:
        return check_in_range(proposal["trait"].name, proposal["value"], low, high, unit)
    except ValueError as err:
        raise traitlets.TraitError(str(err)) from None


class BreathLiftAnimator(anywidget.AnyWidget):
    """Animated lying figure, breath pacer, cue text and readouts, with its own controls.

    Parameters (traits)
    -------------------
    tempo : float
        Breaths per minute, 3 to 30 (default 6).
    exhale_ratio : float
        k in inhale:exhale = 1:k, 1 to 3 (default 1).
    hold_in, hold_out : float
        Holds after the inhale and after the exhale, s, 0 to 10 (default 0).
    mode : str
        ``"lift-with-breath"``, ``"breath-only"`` or ``"lift-independent"``.
    speed : float
        Playback speed: 0.25, 0.5 or 1 (slow motion below 1).
    playing, labels, sound : bool
        Play or pause; show labels; soft tone at each phase change (off by default).
    lift_range : float
        Lumbar extension at the top of the lift, deg, 0 to 15 (default 8).
    breath_depth : float
        Thoracic extension at the top of the breath, deg, 0 to 16 (default 3).
    legs : str
        ``"bent"`` or ``"straight"``.
    pillow : float
        Pillow height under the head, mm, 0 to 150 (default 50).

    Invalid values raise ``traitlets.TraitError`` naming the value and the allowed range.
    """

    _esm = Path(__file__).with_name("breath_lift.js")
    _css = Path(__file__).with_name("breath_lift.css")

    tempo = traitlets.Float(6.0).tag(sync=True)
    exhale_ratio = traitlets.Float(1.0).tag(sync=True)
    hold_in = traitlets.Float(0.0).tag(sync=True)
    hold_out = traitlets.Float(0.0).tag(sync=True)
    mode = traitlets.Unicode("lift-with-breath").tag(sync=True)
    speed = traitlets.Float(1.0).tag(sync=True)
    playing = traitlets.Bool(True).tag(sync=True)
    labels = traitlets.Bool(True).tag(sync=True)
    sound = traitlets.Bool(False).tag(sync=True)
    lift_range = traitlets.Float(8.0).tag(sync=True)
    breath_depth = traitlets.Float(3.0).tag(sync=True)
    legs = traitlets.Unicode("bent").tag(sync=True)
    pillow = traitlets.Float(50.0).tag(sync=True)

    scene = traitlets.Dict().tag(sync=True)
    cues = traitlets.Dict(
        {"lift": dict(CUES), "breath": dict(BREATH_ONLY_CUES)}, read_only=True
    ).tag(sync=True)
    lift_period_factor = traitlets.Float(LIFT_INDEPENDENT_PERIOD_FACTOR, read_only=True).tag(
        sync=True
    )
    limits = traitlets.Dict(
        {
            "tempo": list(TEMPO_RANGE),
            "exhale_ratio": list(EXHALE_RATIO_RANGE),
            "hold": list(HOLD_RANGE),
            "lift_range": [0.0, 15.0],
            "breath_depth": [0.0, 16.0],
            "pillow": [0.0, 150.0],
        },
        read_only=True,
    ).tag(sync=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rebuild()

    @traitlets.validate("tempo")
    def _valid_tempo(self, proposal: dict[str, Any]) -> float:
        return _checked(proposal, *TEMPO_RANGE, "breaths/min")

    @traitlets.validate("exhale_ratio")
    def _valid_ratio(self, proposal: dict[str, Any]) -> float:
        return _checked(proposal, *EXHALE_RATIO_RANGE, "")

    @traitlets.validate("hold_in", "hold_out")
    def _valid_hold(self, proposal: dict[str, Any]) -> float:
        return _checked(proposal, *HOLD_RANGE, "s")

    @traitlets.validate("speed")
    def _valid_speed(self, proposal: dict[str, Any]) -> float:
        value = proposal["value"]
        if value not in SPEEDS:
            allowed = ", ".join(f"{s:g}" for s in SPEEDS)
            raise traitlets.TraitError(
                f"speed = {value!r} is not offered; allowed speeds: {allowed}"
            )
        return float(value)

    @traitlets.validate("mode", "legs")
    def _valid_choice(self, proposal: dict[str, Any]) -> str:
        name = proposal["trait"].name
        choices = MODES if name == "mode" else LEGS
        try:
            return check_choice(name, proposal["value"], choices)
        except ValueError as err:
            raise traitlets.TraitError(str(err)) from None

    @traitlets.validate("lift_range", "breath_depth", "pillow")
    def _valid_model(self, proposal: dict[str, Any]) -> float:
        name = proposal["trait"].name
        try:
            SupineParams(**{name: proposal["value"]})
        except ValueError as err:
            raise traitlets.TraitError(str(err)) from None
        return float(proposal["value"])

    @traitlets.observe("lift_range", "breath_depth", "legs", "pillow")
    def _on_model_change(self, _change: dict[str, Any]) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        params = SupineParams(
            legs=self.legs,
            lift_range=self.lift_range,
            breath_depth=self.breath_depth,
            pillow=self.pillow,
        )
        self.scene = scene_payload(key_poses(params))


def breath_lift(**traits: Any) -> BreathLiftAnimator:
    """Create a :class:`BreathLiftAnimator` (a convenience for lesson cells)."""
    return BreathLiftAnimator(**traits)
