"""``SessionPlayer``: a guided practice session to follow lying down, saved to the journal.

An anywidget: one Python class, one ES module (``session_player.js``, preceded by the shared
breath cycle ``breath_cycle.js``, the same browser spec of :mod:`widgets.model.breath` that the
animator runs, and by the animator's lying figure ``breath_figure.js``) and one stylesheet
(``session_player.css``, preceded by ``breath_figure.css``). Beside the progress ring the
figure does the movement with the session's breath and lift. The learner checks in (pain
0–10 on the numeric rating scale, a note), picks the length (minutes or rounds), tempo,
inhale:exhale and mode, and follows a progress ring, a countdown and cues given as text (an
``aria-live`` region), soft tones and, where the browser has a voice, spoken words. An
eyes-closed mode dims the screen and cues by sound alone. Space plays, pauses and resumes.

After the check-out the browser sends the finished session to Python in one custom message;
Python checks it (:func:`widgets.views.session_player_plan.session_from_message`) and writes
it to the journal in one transaction. Nothing is written before that message: the journal's
file is not even opened, so running a notebook (Run All, nbval) never makes a row or a file.
"""

from __future__ import annotations

import functools
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from widgets.figures.supine_scene import scene_payload
from widgets.journal import journal_path, open_journal
from widgets.model.breath import (
    EXHALE_RATIO_RANGE,
    LIFT_INDEPENDENT_PERIOD_FACTOR,
    MODES,
    PHASES,
    TEMPO_RANGE,
    BreathPattern,
    cue,
)
from widgets.model.supine import SupineParams, key_poses
from widgets.validation import (
    Checked,
    check_choice,
    check_flag,
    check_in_range,
    check_int_in_range,
    check_keywords,
    checked_trait,
    shown,
)
from widgets.views.session_player_plan import (
    LENGTH_BY,
    MINUTES_RANGE,
    MINUTES_STEP,
    ROUNDS_RANGE,
    session_from_message,
)

#: How each exercise mode is named in the controls.
MODE_LABELS: dict[str, str] = {
    "lift-with-breath": "Waist lift with the breath",
    "breath-only": "Breath only",
    "lift-independent": "Lift on its own rhythm",
}
#: Slider steps, in the unit of each setting.
STEPS: dict[str, float] = {"tempo": 0.5, "exhale_ratio": 0.25, "minutes": MINUTES_STEP, "rounds": 1}
#: Allowed range and unit of each numeric setting.
RANGES: dict[str, tuple[float, float, str]] = {
    "tempo": (*TEMPO_RANGE, "breaths/min"),
    "exhale_ratio": (*EXHALE_RATIO_RANGE, "(inhale:exhale = 1:k)"),
    "minutes": (*MINUTES_RANGE, "min"),
}
#: The settings a learner may give (keyword arguments of :class:`SessionPlayer`, besides
#: ``journal``).
SETTINGS: tuple[str, ...] = (
    "length_by",
    "minutes",
    "rounds",
    "tempo",
    "exhale_ratio",
    "mode",
    "voice",
    "tones",
    "eyes_closed",
)
_BREATH = BreathPattern()


@functools.cache
def lying_scene() -> dict[str, Any]:
    """The lying figure the player draws (its ``scene`` trait).

    The scene of the lying model's key poses at its defaults
    (:class:`widgets.model.supine.SupineParams`: knees bent, the default lift, breath and
    pillow), as :func:`widgets.figures.supine_scene.scene_payload` makes it for the animator.
    Computed once per process and shared by every player (do not modify it).
    """
    return scene_payload(key_poses(SupineParams()))


def _limits() -> dict[str, dict[str, float]]:
    out = {
        name: {"min": low, "max": high, "step": STEPS[name]}
        for name, (low, high, _) in RANGES.items()
    }
    out["rounds"] = {"min": ROUNDS_RANGE[0], "max": ROUNDS_RANGE[1], "step": 1}
    return out


class SessionPlayer(anywidget.AnyWidget):
    """A guided session with check-in, ring, countdown, cues and a journal entry at the end.

    Parameters
    ----------
    journal : str or Path, optional
        The journal file the finished session goes to. Default: the journal's default
        location (``$GENTLE_SPINE_JOURNAL`` or ``journal.sqlite3`` in the user's data folder,
        :func:`widgets.journal.journal_path`). The file is opened only when a session is saved.
    length_by : str
        ``"minutes"`` or ``"rounds"``.
    minutes : float
        Length in minutes, 0.5 to 60 (rounded to whole rounds in the browser).
    rounds : int
        Length in rounds (breath cycles), 1 to 600.
    tempo : float
        Breaths per minute, in :data:`widgets.model.breath.TEMPO_RANGE` (default the model's 6).
    exhale_ratio : float
        k of inhale:exhale = 1:k, in :data:`widgets.model.breath.EXHALE_RATIO_RANGE`.
    mode : str
        One of :data:`widgets.model.breath.MODES`.
    voice, tones, eyes_closed : bool
        Spoken cues (where the browser has a voice; tones otherwise), soft tones at each
        phase, and the eyes-closed mode (sound only, the screen dims).

    Raises
    ------
    traitlets.TraitError
        For a setting of the wrong type or out of range, naming the trait, the value and
        what is allowed.
    ValueError
        For an unknown keyword argument (the valid ones are listed) or a ``journal`` that is
        not a file path.

    Attributes
    ----------
    journal_file : Path
        Where finished sessions are written.
    saved : list of int
        Row ids written by this player, oldest first.
    last_error : str
        Why the last message was refused ("" if it was not).
    """

    # the breath cycle and the lying figure as the animator has them (breath_cycle.js,
    # breath_figure.js and its style), then the player's own module and style
    _esm = "\n".join(
        Path(__file__).with_name(name).read_text(encoding="utf-8")
        for name in ("breath_cycle.js", "breath_figure.js", "session_player.js")
    )
    _css = "\n".join(
        Path(__file__).with_name(name).read_text(encoding="utf-8")
        for name in ("breath_figure.css", "session_player.css")
    )

    length_by = Checked("minutes").tag(sync=True)
    minutes = Checked(5.0).tag(sync=True)
    rounds = Checked(30).tag(sync=True)
    tempo = Checked(_BREATH.tempo).tag(sync=True)
    exhale_ratio = Checked(_BREATH.exhale_ratio).tag(sync=True)
    mode = Checked(MODES[0]).tag(sync=True)
    voice = Checked(True).tag(sync=True)
    tones = Checked(True).tag(sync=True)
    eyes_closed = Checked(False).tag(sync=True)

    limits = traitlets.Dict(_limits(), read_only=True).tag(sync=True)
    modes = traitlets.List([[m, MODE_LABELS[m]] for m in MODES], read_only=True).tag(sync=True)
    phases = traitlets.List(list(PHASES), read_only=True).tag(sync=True)
    cues = traitlets.Dict({m: {p: cue(m, p) for p in PHASES} for m in MODES}, read_only=True).tag(
        sync=True
    )
    # the figure doing the movement (set in __init__: :func:`lying_scene`), and the lift's own
    # rhythm in "lift-independent" mode, as multiples of the breath's period
    scene = traitlets.Dict(read_only=True).tag(sync=True)
    lift_period_factor = traitlets.Float(LIFT_INDEPENDENT_PERIOD_FACTOR, read_only=True).tag(
        sync=True
    )

    def __init__(self, journal: str | os.PathLike[str] | None = None, **kwargs: Any) -> None:
        check_keywords("SessionPlayer", kwargs, SETTINGS)
        try:
            self.journal_file = journal_path(journal)
        except ValueError as err:
            if journal is None:  # the environment variable is wrong: its message says so
                raise
            raise ValueError(f"journal = {shown(journal)} is not usable: {err}") from None
        self.saved: list[int] = []
        self.last_error = ""
        super().__init__(**kwargs)
        self.set_trait("scene", lying_scene())
        self.on_msg(self._on_msg)

    @traitlets.validate(*RANGES)
    def _valid_number(self, proposal: dict[str, Any]) -> float:
        def check(name: str, value: object) -> float:
            low, high, unit = RANGES[name]
            return check_in_range(name, value, low, high, unit)

        return checked_trait(proposal, check)

    @traitlets.validate("rounds")
    def _valid_rounds(self, proposal: dict[str, Any]) -> int:
        return checked_trait(proposal, lambda n, v: check_int_in_range(n, v, *ROUNDS_RANGE))

    @traitlets.validate("length_by", "mode")
    def _valid_choice(self, proposal: dict[str, Any]) -> str:
        def check(name: str, value: object) -> str:
            return check_choice(name, value, LENGTH_BY if name == "length_by" else MODES)

        return checked_trait(proposal, check)

    @traitlets.validate("voice", "tones", "eyes_closed")
    def _valid_flag(self, proposal: dict[str, Any]) -> bool:
        return checked_trait(proposal, check_flag)

    def _on_msg(self, _widget: object, content: object, _buffers: object) -> None:
        self.handle_message(content)

    def handle_message(self, content: object) -> int | None:
        """Check a message from the browser and, if it is a finished session, save it.

        Returns the new row id, or ``None`` when the message is refused; either way the
        browser is told (``{"type": "saved", ...}`` or ``{"type": "refused", "error": ...}``)
        and :attr:`last_error` says why it was refused. A refused message writes nothing.
        """
        try:
            session = session_from_message(
                content,
                tempo=self.tempo,
                exhale_ratio=self.exhale_ratio,
                mode=self.mode,
                now=datetime.now().astimezone(),
            )
            with open_journal(self.journal_file) as journal:
                row = journal.add(session)
                count = len(journal)
        except ValueError as err:
            self.last_error = str(err)
            self.send({"type": "refused", "error": self.last_error})
            return None
        self.last_error = ""
        self.saved.append(row)
        self.send({"type": "saved", "id": row, "count": count, "path": str(self.journal_file)})
        return row


def session_player(journal: str | os.PathLike[str] | None = None, **settings: Any) -> SessionPlayer:
    """A :class:`SessionPlayer` that saves to ``journal`` (default: your journal's file).

    Raises
    ------
    ValueError, traitlets.TraitError
        As :class:`SessionPlayer`.
    """
    return SessionPlayer(journal, **settings)
