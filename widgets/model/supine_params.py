"""Settings of the lying model: what a learner can set, and the sizes that follow the preset.

Teaching model. The settings (lift size, breath depth, pillow height) have their defaults and
limits in the ``*_default`` and ``*_max`` rows of ``widgets/data/supine.csv`` (each with its
source). The pillow setting is an adult's: a child lies on a pillow scaled like its spine
(:func:`pillow_height`), and the soft tissue scales with the spine and the head
(:func:`sized`). The legs change the lumbar lordosis by a sourced amount (knees bent flatter,
``knees_bent_lordosis_change``; legs straight as standing, Andreasen 2007) before the body is
laid down (:func:`pose_params`); :func:`resting_pelvic_tilt` is the measured target of the
resting pelvis (standing tilt plus the legs' change).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from widgets.data import lookup, value
from widgets.model.growth import head_scale, preset_age, spine_scale
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.model.supine_contact import Tissue
from widgets.model.supine_legs import LEGS
from widgets.validation import check_choice, check_in_range, check_instance


def _supine(name: str) -> float:
    return value("supine", name)


#: The settings of :class:`SupineParams` that are numbers, in order.
SETTINGS: tuple[str, ...] = ("lift_range", "breath_depth", "pillow")
#: Default of each numeric setting: the ``<name>_default`` row of ``supine.csv``.
DEFAULTS: dict[str, float] = {name: _supine(f"{name}_default") for name in SETTINGS}
#: Allowed range of each numeric setting: 0 (no lift, no breath movement, no pillow; none can
#: be negative) to the ``<name>_max`` row of ``supine.csv``.
LIMITS: dict[str, tuple[float, float]] = {name: (0.0, _supine(f"{name}_max")) for name in SETTINGS}
#: Unit of each numeric setting, from ``supine.csv``.
UNITS: dict[str, str] = {name: lookup("supine", f"{name}_max").unit for name in SETTINGS}


def check_spine(spine: str = "adult-mean") -> str:
    """``spine`` if it names a preset.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset; the message names ``spine`` and lists the presets.
    """
    if not isinstance(spine, str) or spine not in PRESETS:
        raise ValueError(f"spine = {spine!r} is not a preset; valid presets: {', '.join(PRESETS)}")
    return spine


@dataclass(frozen=True)
class SupineParams:
    """Settings of the lying model.

    Parameters
    ----------
    spine : str
        Preset of the standing spine (see :data:`widgets.model.spine_params.PRESETS`).
    legs : str
        ``"bent"`` (knees up, feet on the bed) or ``"straight"``.
    lift_range : float
        Extra lumbar lordosis at the top of the waist lift, deg, in ``LIMITS["lift_range"]``.
    breath_depth : float
        Thoracic extension at the top of the breath, deg, in ``LIMITS["breath_depth"]`` (quiet
        breathing is small).
    pillow : float
        Height of the pillow under the head, mm, in ``LIMITS["pillow"]`` (0 = the head rests
        on the bed): an adult's; a child's is scaled to its size (:func:`pillow_height`).

    Defaults: :data:`DEFAULTS` (the ``*_default`` rows of ``supine.csv``), adult-mean spine,
    knees bent.

    Raises
    ------
    ValueError
        If a value is unknown, not finite or out of range; the message names it and the range.
    """

    spine: str = "adult-mean"
    legs: str = "bent"
    lift_range: float = DEFAULTS["lift_range"]
    breath_depth: float = DEFAULTS["breath_depth"]
    pillow: float = DEFAULTS["pillow"]

    def __post_init__(self) -> None:
        check_spine(self.spine)
        check_choice("legs", self.legs, LEGS)
        for name in SETTINGS:
            low, high = LIMITS[name]
            checked = check_in_range(name, getattr(self, name), low, high, UNITS[name])
            object.__setattr__(self, name, checked)


def check_params(params: SupineParams) -> SupineParams:
    """``params`` if it is a :class:`SupineParams`.

    Raises
    ------
    ValueError
        If it is not; the message names ``params`` and the class expected.
    """
    return check_instance("params", params, SupineParams, "SupineParams (widgets.model.supine)")


def pillow_height(params: SupineParams) -> float:
    """Height of the pillow under the head, mm: ``params.pillow`` scaled to the preset's size.

    The pillow setting is an adult's; a child lies on one scaled like its spine
    (:func:`widgets.model.growth.spine_scale` at the preset's age: a newborn's 150 mm pillow
    is about 46 mm), as its neck's reach is.

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams`.
    """
    params = check_params(params)
    return params.pillow * spine_scale(preset_age(params.spine))


def pose_params(params: SupineParams, lift: float = 0.0, breath: float = 0.0) -> SpineParams:
    """Regional angles of the spine for a lift fraction and a breath fraction (each 0 to 1).

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams` or a fraction is not a number in [0, 1].
    """
    params = check_params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    base = preset(params.spine)
    legs_change = _supine(
        "knees_bent_lordosis_change" if params.legs == "bent" else "legs_straight_lordosis_change"
    )
    return replace(
        base,
        lumbar_lordosis=base.lumbar_lordosis + legs_change + lift * params.lift_range,
        thoracic_kyphosis=base.thoracic_kyphosis - breath * params.breath_depth,
    )


def resting_pelvic_tilt(spine: str = "adult-mean", legs: str = "straight") -> float:
    """Target pelvic tilt lying down at rest, deg: standing tilt plus the legs' change.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset or ``legs`` not one of :data:`LEGS`.
    """
    base = preset(check_spine(spine)).pelvic_tilt
    key = "knees_bent" if check_choice("legs", legs, LEGS) == "bent" else "legs_straight"
    return base + _supine(f"{key}_pelvic_tilt_change")


def sized(tissue: Tissue, spine: str = "adult-mean") -> Tissue:
    """``tissue`` (adult thicknesses, mm) scaled to the size of preset ``spine``.

    The back, buttock and sacral tissue scale with the spine
    (:func:`widgets.model.growth.spine_scale`), the scalp with the head
    (:func:`widgets.model.growth.head_scale`), at the preset's age.

    Raises
    ------
    ValueError
        If ``tissue`` is not a :class:`Tissue` or ``spine`` not a preset.
    """
    tissue = check_instance("tissue", tissue, Tissue, "Tissue (widgets.model.supine_contact)")
    months = preset_age(check_spine(spine))
    size, head = spine_scale(months), head_scale(months)
    return Tissue(
        buttock=tissue.buttock * size,
        sacral=tissue.sacral * size,
        back=tissue.back * size,
        scalp=tissue.scalp * head,
    )
