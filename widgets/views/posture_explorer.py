"""The posture explorer: how posture and a carried load change the load on the low back.

Five sliders (trunk flexion, twist, knee bend, load, its distance) and a picker of the
article's habits (the trunk model's presets) drive :func:`widgets.model.trunk.trunk_load`.
Beside them, a side view of the person drawn to scale
(:mod:`widgets.figures.posture_person`) and bars of the back-muscle effort, the disc
compression and the disc pressure against sourced references
(:mod:`widgets.figures.posture_bars`).

The sitting habits are drawn sitting on a stool (:data:`SEATED_PRESETS`); the model itself
cannot tell sitting from standing, so the person stays seated while the sliders move, until a
standing habit is picked.

Speed: both drawings are small SVG strings in ``ipywidgets.HTML`` (no plotly, no
``FigureWidget``); a slider change evaluates the model once and rebuilds both strings, well
under a millisecond of work (see ``benchmarks/posture_explorer.py``). A preset sets all five
sliders and redraws once.
"""

from __future__ import annotations

from types import MappingProxyType

import ipywidgets as ipw

from widgets.figures.posture_bars import bars_svg
from widgets.figures.posture_check import check_table_html
from widgets.figures.posture_person import person_svg
from widgets.model.trunk import LIMITS, PRESETS, TrunkLoad, TrunkPosture, preset, trunk_load
from widgets.model.wilke_check import WILKE_PRESETS, measured_pressure
from widgets.validation import check_choice, check_keywords
from widgets.views.posture_explorer_slider import PostureSlider

#: The sliders: setting -> (label, step, unit, decimals shown).
SLIDERS: MappingProxyType[str, tuple[str, float, str, int]] = MappingProxyType(
    {
        "flexion": ("Trunk flexion (forward lean)", 5.0, "°", 0),
        "twist": ("Twist of the trunk", 5.0, "°", 0),
        "knee_bend": ("Knee bend", 5.0, "°", 0),
        "load": ("Load in the hands", 1.0, "kg", 0),
        "load_distance": ("Load ahead of the hands (− = toward the feet)", 0.05, "m", 2),
    }
)
#: Plain names of the presets, for the picker.
PRESET_LABELS: MappingProxyType[str, str] = MappingProxyType(
    {
        "standing": "Standing upright",
        "standing-flexed": "Standing bent forward 30°",
        "sitting-upright": "Sitting upright",
        "sitting-slumped": "Slumped 'sling' sitting",
        "sitting-reclined": "Sitting leaning back",
        "tilt-from-waist": "Tilting forward from the waist",
        "twist-and-tilt": "Twisting while tilted",
        "lift-close": "Lifting 10 kg close",
        "lift-far": "Lifting 10 kg far",
        "lift-round-back": "Lifting 20 kg, round back",
        "lift-bent-knees": "Lifting 20 kg, bent knees",
        "hold-close": "Holding 20 kg close",
    }
)
CUSTOM = "(your own settings)"
#: The presets drawn sitting on a stool (``sitting-*`` in ``trunk.csv``).
SEATED_PRESETS: tuple[str, ...] = tuple(p for p in PRESETS if p.startswith("sitting-"))
_SITTING_NOTE = (
    "The model has no seat, backrest, thighs or pelvis: it sees only the lean of the upper "
    "body, so sitting and standing with the same lean give the same numbers. The drawing "
    "seats the person on a stool without a backrest, with the pelvis upright as the model has "
    "it; only the upper body leans. The knee-bend slider, which in the model only moves a load "
    "in the hands, leaves the seated legs as they are. The person stays seated while you move "
    "the sliders, until you pick a standing habit."
)


def _label(name: str) -> str:
    return PRESET_LABELS.get(name, name)


def _readout_html(load: TrunkLoad, measured: float | None) -> str:
    rows = [
        ("Forward moment about the disc", f"{load.moment:.0f} N·m"),
        ("Back-muscle force", f"{load.extensor_force:,.0f} N"),
        ("Effort, share of the mean man's maximum", f"{load.effort:.0f} %"),
        ("Disc compression", f"{load.compression:,.0f} N"),
        ("Shear across the disc", f"{abs(load.shear):,.0f} N"),
        ("Disc pressure (model)", f"{load.pressure:.2f} MPa"),
    ]
    if measured is not None:
        rows.append(("Disc pressure measured by Wilke 1999", f"{measured:.2f} MPa"))
    body = "".join(f"<tr><th scope='row'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<table class='gs-posture-readout'><tbody>{body}</tbody></table>"


class PostureExplorer(ipw.VBox):
    """Sliders and habits, a to-scale side view and bars of the load on the low back.

    Parameters
    ----------
    start : str, optional
        The preset shown first, one of :data:`widgets.model.trunk.PRESETS`.

    Raises
    ------
    ValueError
        If ``start`` is not a preset; the message lists them.
    """

    def __init__(self, start: str = "standing") -> None:
        start = check_choice("start", start, PRESETS)
        first = preset(start)
        self.sliders = {
            name: PostureSlider(label, getattr(first, name), *LIMITS[name], step, unit, digits)
            for name, (label, step, unit, digits) in SLIDERS.items()
        }
        self.picker = ipw.Dropdown(
            options=[(_label(p), p) for p in PRESETS] + [(CUSTOM, CUSTOM)],
            value=start,
            description="Habit",
            style={"description_width": "initial"},
        )
        self.person = ipw.HTML()
        self.bars = ipw.HTML()
        self.readout = ipw.HTML()
        self.note = ipw.HTML()
        self._setting_preset = False
        self._preset = start
        self._seated = start in SEATED_PRESETS
        self.redraw()
        for slider in self.sliders.values():
            slider.observe(self._on_slide, names="value")
        self.picker.observe(self._on_pick, names="value")
        controls = ipw.VBox(
            [self.picker, *self.sliders.values(), self.readout],
            layout={"flex": "1 1 420px"},
        )
        row = {"display": "flex", "flex_flow": "row wrap", "align_items": "flex-start"}
        super().__init__(
            [
                ipw.Box([controls, self.person], layout=row),
                self.note,
                self.bars,
            ]
        )
        self.add_class("gs-posture-explorer")

    @property
    def posture(self) -> TrunkPosture:
        """The posture the sliders show."""
        return TrunkPosture(**{k: float(s.value) for k, s in self.sliders.items()})

    @property
    def seated(self) -> bool:
        """True while the person is drawn sitting (since a sitting habit was picked)."""
        return self._seated

    def show(self, name: str) -> None:
        """Show preset ``name`` (one of :data:`~widgets.model.trunk.PRESETS`).

        Raises
        ------
        ValueError
            If ``name`` is not a preset; the message lists them.
        """
        self.picker.value = check_choice("preset", name, PRESETS)

    def set(self, **settings: float) -> None:
        """Move sliders by name and redraw once.

        Names: ``flexion``, ``twist``, ``knee_bend``, ``load``, ``load_distance``.

        Raises
        ------
        ValueError
            If a name is unknown or a value is out of its slider's range.
        """
        check_keywords("set", settings, SLIDERS)
        TrunkPosture(**{**{k: float(s.value) for k, s in self.sliders.items()}, **settings})
        self._setting_preset = True
        try:
            for name, v in settings.items():
                self.sliders[name].value = v
        finally:
            self._setting_preset = False
        self._preset = CUSTOM
        self.picker.value = CUSTOM
        self.redraw()

    def redraw(self) -> None:
        """Evaluate the model for the sliders' posture and redraw the view."""
        posture = self.posture
        load = trunk_load(posture)
        measured = None
        if self._preset in WILKE_PRESETS and posture == preset(self._preset):
            measured = measured_pressure(self._preset)
        self.person.value = person_svg(posture, load, seated=self._seated)
        self.bars.value = bars_svg(load, measured)
        self.readout.value = _readout_html(load, measured)
        self.note.value = f"<p>{_SITTING_NOTE}</p>" if self._seated else ""

    def _on_slide(self, change: dict[str, object]) -> None:
        if self._setting_preset:
            return
        if self._preset != CUSTOM and self.posture != preset(self._preset):
            self._preset = CUSTOM
            self._setting_preset = True
            try:
                self.picker.value = CUSTOM
            finally:
                self._setting_preset = False
        self.redraw()

    def _on_pick(self, change: dict[str, object]) -> None:
        name = str(change["new"])
        if self._setting_preset or name == CUSTOM:
            return
        self._preset = name
        self._seated = name in SEATED_PRESETS
        target = preset(name)
        self._setting_preset = True
        try:
            for key, slider in self.sliders.items():
                slider.value = getattr(target, key)
        finally:
            self._setting_preset = False
        self.redraw()


def posture_explorer(start: str = "standing") -> PostureExplorer:
    """Explore the load on the low back by posture and load (see :class:`PostureExplorer`)."""
    return PostureExplorer(start)


def trunk_model_check() -> ipw.HTML:
    """The trunk model's pressures next to Wilke's measured ones, as a table."""
    return ipw.HTML(check_table_html())
