"""The breath-and-lying sandbox's lying-body experiments (``notebooks/breath-and-lying.ipynb``).

Small functions over :mod:`widgets.model.supine`: each runs the lying model and returns what
the notebook plots and what its answers quote (one setting swept, the pillow's effect on the
chin, where the head meets the pillow, the resting pelvis against its measured target). They
add no physiology of their own; the breath-timing experiments are in
:mod:`widgets.model.breath_experiments`. Units: deg, mm; fractions are 0 to 1. Assumptions,
beyond the lying model's own:

- **Sweeps.** :func:`chin_sweep` changes one setting of
  :class:`~widgets.model.supine.SupineParams` and keeps the others; its spread is the one of
  :func:`~widgets.model.supine.chin_range` (neck shares and tissue thicknesses).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from widgets.data import value
from widgets.model.spine_params import PRESETS
from widgets.model.supine import (
    LEGS,
    LIMITS,
    READOUTS,
    SETTINGS,
    UNITS,
    SupineParams,
    chin_changes,
    chin_range,
    resting_pelvic_tilt,
    supine_pose,
    upper_back_gap,
)
from widgets.validation import (
    check_choice,
    check_in_range,
    check_instance,
    check_items,
)

#: Largest gap (mm) between the scalp and the pillow top that still counts as resting on it;
#: the model settles the head to 1e-5 mm, so anything below -0.01 mm is out of reach.
HEAD_GAP_TOLERANCE = 0.01


def _params(params: object) -> SupineParams:
    if params is None:
        return SupineParams()
    return check_instance("params", params, SupineParams, "SupineParams or None")


#: Most values one sweep accepts.
MAX_SWEEP = 21


def _sweep_args(
    setting: object, values: object, params: object, lift: object, breath: object
) -> tuple[str, tuple[float, ...], SupineParams, float, float]:
    """Checked arguments of a sweep: setting, values, params, lift and breath fractions."""
    name = check_choice("setting", setting, SETTINGS)
    low, high = LIMITS[name]

    def one(label: str, v: object) -> float:
        return check_in_range(label, v, low, high, UNITS[name])

    swept = check_items("values", values, one, 1, f"{name} values in {UNITS[name]}")
    if len(swept) > MAX_SWEEP:
        raise ValueError(
            f"values holds {len(swept)} {name} values; at most {MAX_SWEEP} are allowed"
        )
    base = _params(params)
    at_lift = check_in_range("lift", lift, 0.0, 1.0)
    at_breath = check_in_range("breath", breath, 0.0, 1.0)
    return name, swept, base, at_lift, at_breath


def readout_sweep(
    setting: str,
    values: object,
    params: SupineParams | None = None,
    lift: float = 0.0,
    breath: float = 0.0,
) -> dict[str, np.ndarray]:
    """Every readout of :func:`~widgets.model.supine.supine_pose` while one setting changes.

    One pose per value (a few ms each); no spread (see :func:`chin_sweep` for the chin's).

    Parameters
    ----------
    setting, values, params, lift, breath
        As :func:`chin_sweep`.

    Returns
    -------
    dict
        ``{readout: array}`` for each of :data:`widgets.model.supine.READOUTS` (deg, or mm
        for ``waist_height``), one value per swept value.

    Raises
    ------
    ValueError
        As :func:`chin_sweep`.
    """
    name, swept, base, at_lift, at_breath = _sweep_args(setting, values, params, lift, breath)
    poses = [supine_pose(_with(base, name, v), at_lift, at_breath) for v in swept]
    return {k: np.array([p.readouts[k] for p in poses]) for k in READOUTS}


def _with(params: SupineParams, setting: str, v: float) -> SupineParams:
    """``params`` with one numeric setting changed (checked by ``SupineParams``)."""
    if setting == "pillow":
        return replace(params, pillow=v)
    if setting == "lift_range":
        return replace(params, lift_range=v)
    return replace(params, breath_depth=v)


@dataclass(frozen=True, eq=False)
class ChinSweep:
    """The chin angle and the pelvis while one setting of the lying model changes.

    Attributes
    ----------
    setting : str
        The setting swept: one of :data:`widgets.model.supine.SETTINGS`.
    values : ndarray
        Its values, in its unit (``UNITS[setting]``).
    lift, breath : float
        The moment: lift and breath fractions (0 to 1).
    chin, low, high : ndarray
        :func:`~widgets.model.supine.chin_range` at each value, deg (chin up positive).
    pelvic_tilt : ndarray
        Pelvic tilt lying down at each value, deg (positive = rolled back).
    head_gap : ndarray
        Lowest scalp point above the pillow top, mm: 0 when the head rests on the pillow,
        negative when the neck cannot reach and the head sinks into the pillow top.
    """

    setting: str
    values: np.ndarray
    lift: float
    breath: float
    chin: np.ndarray
    low: np.ndarray
    high: np.ndarray
    pelvic_tilt: np.ndarray
    head_gap: np.ndarray


def chin_sweep(
    setting: str,
    values: object,
    params: SupineParams | None = None,
    lift: float = 0.0,
    breath: float = 0.0,
) -> ChinSweep:
    """Sweep one numeric setting of the lying model and read the chin and the pelvis.

    Each value costs one :func:`~widgets.model.supine.chin_range` (12 poses), so keep the
    sweep short (a handful of values).

    Parameters
    ----------
    setting : str
        ``"lift_range"``, ``"breath_depth"`` or ``"pillow"``.
    values : list of float
        Values of the setting, each in ``LIMITS[setting]``; 1 to :data:`MAX_SWEEP` of them.
    params : SupineParams, optional
        The other settings; default ``SupineParams()``.
    lift, breath : float
        Lift and breath fractions of the moment read, each 0 to 1.

    Raises
    ------
    ValueError
        For an unknown setting, a value out of range, more than 21 values, bad ``params``
        or a fraction outside 0 to 1 (the message names it).
    """
    name, swept, base, at_lift, at_breath = _sweep_args(setting, values, params, lift, breath)
    rows, tilt, gap = [], [], []
    for v in swept:
        p = _with(base, name, v)
        rows.append(chin_range(p, at_lift, at_breath))
        pose = supine_pose(p, at_lift, at_breath)
        tilt.append(pose.readouts["pelvic_tilt"])
        gap.append(pose.contacts["head"])
    table = np.array(rows)
    return ChinSweep(
        setting=name,
        values=np.array(swept),
        lift=at_lift,
        breath=at_breath,
        chin=table[:, 0],
        low=table[:, 1],
        high=table[:, 2],
        pelvic_tilt=np.array(tilt),
        head_gap=np.array(gap),
    )


def head_gaps(
    pillows: object, params: SupineParams | None = None, breath: float = 1.0
) -> np.ndarray:
    """Lowest scalp point above the pillow top, mm, for each pillow height, lift 0.

    0 means the head rests on the pillow; below ``-HEAD_GAP_TOLERANCE`` the neck chain has
    reached a joint limit before the head reached the pillow top (a known gap of the model).

    Raises
    ------
    ValueError
        If a pillow height is outside ``LIMITS["pillow"]``, ``params`` is not
        ``SupineParams`` or ``None``, or ``breath`` is outside 0 to 1.
    """
    low_, high_ = LIMITS["pillow"]
    heights = check_items(
        "pillows",
        pillows,
        lambda label, v: check_in_range(label, v, low_, high_, "mm"),
        1,
        "pillow heights in mm",
    )
    base = _params(params)
    at_breath = check_in_range("breath", breath, 0.0, 1.0)
    return np.array(
        [supine_pose(replace(base, pillow=h), 0.0, at_breath).contacts["head"] for h in heights]
    )


def pillow_effect(
    pillows: object = (50.0, 100.0), params: SupineParams | None = None
) -> dict[float, dict[str, tuple[float, float, float]]]:
    """:func:`~widgets.model.supine.chin_changes` for each pillow height (mm).

    Returns ``{pillow: {moment: (value, low, high)}}`` in deg: the chin at rest and its change
    for a quiet breath, the deepest breath and the lift (each with its spread).

    Raises
    ------
    ValueError
        If a pillow height is outside ``LIMITS["pillow"]`` or ``params`` is not
        ``SupineParams`` or ``None``.
    """
    low_, high_ = LIMITS["pillow"]
    heights = check_items(
        "pillows",
        pillows,
        lambda label, v: check_in_range(label, v, low_, high_, "mm"),
        1,
        "pillow heights in mm",
    )
    base = _params(params)
    return {h: chin_changes(replace(base, pillow=h)) for h in heights}


@dataclass(frozen=True)
class PelvisCheck:
    """The resting pelvis lying down: the model against its measured target.

    Attributes
    ----------
    model : float
        Pelvic tilt of the resting pose, deg (positive = rolled back).
    target : float
        Standing tilt of the preset plus the legs' change, deg
        (:func:`~widgets.model.supine.resting_pelvic_tilt`).
    low, high : float or None
        Target plus the smallest and largest individual change measured with legs straight
        (Pierrepont 2017, deg); ``None`` with knees bent (not measured).
    upper_back_extension : float
        Extra upper-back extension that would bring the model to the target, deg
        (:func:`~widgets.model.supine.upper_back_gap`).
    """

    model: float
    target: float
    low: float | None
    high: float | None
    upper_back_extension: float

    @property
    def gap(self) -> float:
        """Model minus target, deg (positive: the model's pelvis lies further back)."""
        return self.model - self.target


def pelvis_check(spine: str = "adult-mean") -> dict[str, PelvisCheck]:
    """The resting pelvic tilt of ``spine`` for each leg position, against its target.

    Raises
    ------
    ValueError
        If ``spine`` is not a preset; the message names ``spine`` and lists the valid names.
    """
    check_choice("spine", spine, PRESETS, what="preset")
    out: dict[str, PelvisCheck] = {}
    for legs in LEGS:
        target = resting_pelvic_tilt(spine, legs)
        low = high = None
        if legs == "straight":
            change = value("supine", "legs_straight_pelvic_tilt_change")
            low = target - change + value("supine", "legs_straight_pelvic_tilt_change_low")
            high = target - change + value("supine", "legs_straight_pelvic_tilt_change_high")
        out[legs] = PelvisCheck(
            model=supine_pose(SupineParams(spine=spine, legs=legs)).readouts["pelvic_tilt"],
            target=target,
            low=low,
            high=high,
            upper_back_extension=upper_back_gap(spine, legs),
        )
    return out
