"""Worked experiments of the trunk-loads sandbox (``notebooks/trunk-loads.ipynb``).

Small functions over :mod:`widgets.model.trunk`: each builds postures, asks
:func:`~widgets.model.trunk.trunk_load` and reports what the notebook's answers quote.
Units: m, kg, N, N·m, MPa, %. Assumptions, beyond the trunk model's own:

- **Distance of the load.** :func:`moment_per_metre` measures, on the model, how much the
  forward moment grows per metre that a load is held further out: the load moves by that
  metre, and the arms reaching for it move their own centre forward by part of it.
- **Moment arm.** The trunk model fixes the back muscles' moment arm at 5 cm, the value
  biomechanical models commonly assume (Güngör 2013). :func:`with_moment_arm` asks what the
  same posture would need with another arm. The moment the muscles hold comes from the
  weights and does not change, so the muscle force scales as 5 cm over the new arm; the part of
  the disc compression that comes from the weights along the trunk stays the same; the effort
  (a share of the maximal extension *moment*, Chaffin 1999) does not change either, because
  strength was measured as a moment. The accepted arms, 3 to 8 cm, are a course limit
  (illustrative), not a measured range.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from widgets.model.trunk import (
    EXTENSOR_MOMENT_ARM,
    LIMITS,
    UNITS,
    TrunkLoad,
    TrunkPosture,
    pressure_from_compression,
    trunk_load,
)
from widgets.model.trunk_segments import BODY_MASS_DEFAULT, G
from widgets.validation import check_in_range, check_instance, check_items

#: Back-muscle moment arms :func:`with_moment_arm` accepts, m (a course limit).
MOMENT_ARM_RANGE: tuple[float, float] = (0.03, 0.08)


def _setting(name: str, value: object, key: str = "") -> float:
    """``value`` (labelled ``name``) checked against setting ``key`` (default: ``name``)."""
    key = key or name.split("[")[0]
    return check_in_range(name, value, *LIMITS[key], UNITS[key])


def upper_body_alone(flexions: Iterable[float] = (20.0, 45.0, 90.0)) -> tuple[TrunkLoad, ...]:
    """The model's answer for bending forward with no load, at each flexion (deg).

    Raises
    ------
    ValueError
        If ``flexions`` is not a list of at least one number in ``LIMITS["flexion"]`` (the
        message names ``flexions``, or ``flexions[i]`` for one angle).
    """
    angles = check_items(
        "flexions", flexions, lambda n, v: _setting(n, v, "flexion"), 1, "angles in deg"
    )
    return tuple(trunk_load(TrunkPosture(flexion=a)) for a in angles)


def load_at_distances(
    distances: Iterable[float], load: float = 10.0, flexion: float = 45.0
) -> tuple[TrunkLoad, ...]:
    """The model's answer for one load held at each distance in front of the body.

    Parameters
    ----------
    distances : list of float
        ``load_distance`` of each posture, m, in ``LIMITS["load_distance"]``.
    load : float
        Mass held, kg, in ``LIMITS["load"]``.
    flexion : float
        Forward lean of the trunk, deg, in ``LIMITS["flexion"]``.

    Raises
    ------
    ValueError
        If a value is not a number in its range (the message names it: ``distances[i]`` for
        one distance).
    """
    load = _setting("load", load)
    flexion = _setting("flexion", flexion)
    reach = check_items(
        "distances", distances, lambda n, v: _setting(n, v, "load_distance"), 1, "distances in m"
    )
    return tuple(
        trunk_load(TrunkPosture(flexion=flexion, load=load, load_distance=d)) for d in reach
    )


def moment_per_metre(load: float = 10.0, flexion: float = 45.0) -> float:
    """How much the forward moment grows per metre the load is held further out, N·m/m.

    Measured on the model between 0 and the farthest distance it accepts.

    Raises
    ------
    ValueError
        If ``load`` or ``flexion`` is not a number in its range.
    """
    far = LIMITS["load_distance"][1]
    near_load, far_load = load_at_distances((0.0, far), load, flexion)
    return (far_load.moment - near_load.moment) / far


def times_body_weight(force: float, body_mass: float = BODY_MASS_DEFAULT) -> float:
    """A force, N, as a multiple of the weight of a body of ``body_mass`` kg.

    Raises
    ------
    ValueError
        If ``force`` is not a number from 0 to 100,000 N or ``body_mass`` is out of range.
    """
    force = check_in_range("force", force, 0.0, 1e5, "N")
    return force / (_setting("body_mass", body_mass) * G)


@dataclass(frozen=True)
class MomentArmCase:
    """The same posture with another back-muscle moment arm.

    Attributes
    ----------
    arm : float
        The assumed moment arm, m.
    extensor_force : float
        Back-muscle force, N.
    compression : float
        Disc compression, N.
    pressure : float
        Estimated intradiscal pressure, MPa.
    effort : float
        Share of the maximal extension moment, % (the same for every arm).
    """

    arm: float
    extensor_force: float
    compression: float
    pressure: float
    effort: float


def with_moment_arm(posture: TrunkPosture, arm: float) -> MomentArmCase:
    """What ``posture`` needs if the back muscles act ``arm`` metres behind the disc.

    Parameters
    ----------
    posture : TrunkPosture
        The posture and load.
    arm : float
        Moment arm, m, in :data:`MOMENT_ARM_RANGE`.

    Raises
    ------
    ValueError
        If ``posture`` is not a :class:`~widgets.model.trunk.TrunkPosture` or ``arm`` is out
        of range.
    """
    check_instance("posture", posture, TrunkPosture, "a TrunkPosture (widgets.model.trunk)")
    arm = check_in_range("arm", arm, *MOMENT_ARM_RANGE, "m")
    base = trunk_load(posture)
    held = base.extensor_force * EXTENSOR_MOMENT_ARM  # the moment the muscles hold, N·m
    force = held / arm
    from_weights = base.compression - base.extensor_force
    compression = from_weights + force
    return MomentArmCase(
        arm=arm,
        extensor_force=force,
        compression=compression,
        pressure=pressure_from_compression(compression),
        effort=base.effort,
    )
