"""The trunk model against Wilke's in-vivo pressures, posture by posture.

Teaching comparison. Wilke et al. (1999) measured the pressure in one L4-L5 disc of one man
(70 kg) in five of the trunk model's presets (``widgets/data/trunk_wilke.csv``). The model's
pressure for each preset comes from :func:`widgets.model.trunk.preset_load` at run time, so
the comparison follows the model if it changes. Ratios are to relaxed standing, which removes
the disc's size and calibration from both sides; the *overshoot* is the model's ratio over
the measured one (1 = agreement).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from widgets.data import load_table
from widgets.model.trunk import preset_load
from widgets.validation import check_choice


def _measured() -> MappingProxyType[str, float]:
    return MappingProxyType({row.key[0]: row.value for row in load_table("trunk_wilke")})


_MEASURED = _measured()
#: The trunk presets Wilke measured, in file order (standing first).
WILKE_PRESETS: tuple[str, ...] = tuple(_MEASURED)
#: The preset every ratio is taken to.
REFERENCE = "standing"


@dataclass(frozen=True)
class WilkeCheck:
    """One preset: Wilke's measured pressure next to the model's.

    Attributes
    ----------
    preset : str
        Name of the trunk preset.
    measured, model : float
        Intradiscal pressure, MPa: measured by Wilke (1999) and estimated by the model.
    measured_ratio, model_ratio : float
        Each pressure over the same side's relaxed standing pressure (no unit).
    overshoot : float
        ``model_ratio / measured_ratio`` (1 = the model agrees; 1.5 = 50 % too high).
    """

    preset: str
    measured: float
    model: float
    measured_ratio: float
    model_ratio: float
    overshoot: float


def measured_pressure(preset: str) -> float:
    """Wilke's (1999) measured pressure for a trunk preset, MPa.

    Raises
    ------
    ValueError
        If ``preset`` is not one of :data:`WILKE_PRESETS`; the message lists them.
    """
    return _MEASURED[check_choice("preset", preset, WILKE_PRESETS)]


def wilke_check(preset: str) -> WilkeCheck:
    """Compare the model with Wilke for one preset (see :class:`WilkeCheck`).

    Raises
    ------
    ValueError
        If ``preset`` is not one of :data:`WILKE_PRESETS`; the message lists them.
    """
    measured = measured_pressure(preset)
    model = preset_load(preset).pressure
    measured_ratio = measured / _MEASURED[REFERENCE]
    model_ratio = model / preset_load(REFERENCE).pressure
    return WilkeCheck(
        preset=preset,
        measured=measured,
        model=model,
        measured_ratio=measured_ratio,
        model_ratio=model_ratio,
        overshoot=model_ratio / measured_ratio,
    )


def wilke_checks() -> tuple[WilkeCheck, ...]:
    """:func:`wilke_check` of every preset in :data:`WILKE_PRESETS`, in order."""
    return tuple(wilke_check(p) for p in WILKE_PRESETS)
