"""Body segments of the trunk model, scaled to a body's mass and height (de Leva 1996).

Teaching model. Assumptions:

- Segment masses are de Leva's (1996) male shares of body mass; segment lengths are his male
  reference body's (1.741 m) scaled by ``height / 1.741``. Wilke's subject was a man; the
  female table differs by a few per cent and is not used.
- The lumbar disc (L4-L5 and L5-S1 treated as one joint) lies at the omphalion, de Leva's
  border between the middle and the lower trunk; the shoulders lie at the suprasternale.
- The upper body that the back muscles hold is the head and neck, both arms, the upper and
  the middle trunk; the lower trunk (pelvis and belly below the navel) sits below the disc.

Every number comes from ``widgets/data/trunk.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import value
from widgets.validation import check_in_range

#: Gravitational acceleration, m/s^2 (standard gravity).
G = 9.80665


def _row(item: str, parameter: str) -> float:
    return value("trunk", item, parameter)


REFERENCE_HEIGHT = _row("reference_body", "height")
BODY_MASS_DEFAULT = _row("body", "mass_default")
BODY_MASS_RANGE = (_row("body", "mass_min"), _row("body", "mass_max"))
HEIGHT_RANGE = (_row("body", "height_min"), _row("body", "height_max"))
ARM_PARTS: tuple[str, ...] = ("upper_arm", "forearm", "hand")


def _length(name: str) -> float:
    return _row(name, "length")


def _mass(name: str) -> float:
    return _row(name, "mass_fraction")


def _com(name: str) -> float:
    return _row(name, "com_fraction")


@dataclass(frozen=True)
class Body:
    """The upper body of one person, in SI units, measured from the lumbar disc.

    Attributes
    ----------
    mass, height : float
        Body mass, kg, and height, m.
    upper_mass : float
        Mass held by the back muscles (head, arms, upper and middle trunk), kg.
    trunk_mass : float
        Head, upper and middle trunk (the upper body without the arms), kg.
    trunk_com : float
        Distance from the disc to that part's centre of mass along the trunk, m.
    arms_mass : float
        Both arms, kg.
    shoulder : float
        Distance from the disc to the shoulders along the trunk, m.
    arm_com_share : float
        Where the arms' centre of mass lies along an outstretched arm, share of its length
        from the shoulder (0-1).
    shank : float
        Knee-to-ankle length, m.
    """

    mass: float
    height: float
    upper_mass: float
    trunk_mass: float
    trunk_com: float
    arms_mass: float
    shoulder: float
    arm_com_share: float
    shank: float


def body(mass: float = BODY_MASS_DEFAULT, height: float = REFERENCE_HEIGHT) -> Body:
    """Scale de Leva's segments to a body.

    Parameters
    ----------
    mass : float
        Body mass, kg, in :data:`BODY_MASS_RANGE` (default 70 kg, Wilke's subject).
    height : float
        Height, m, in :data:`HEIGHT_RANGE` (default 1.741 m, de Leva's male reference).

    Raises
    ------
    ValueError
        If a value is not a finite number in its range; the message names it and the range.
    """
    mass = check_in_range("body_mass", mass, *BODY_MASS_RANGE, "kg")
    height = check_in_range("height", height, *HEIGHT_RANGE, "m")
    scale = height / REFERENCE_HEIGHT
    middle = _length("middle_trunk") * scale
    upper = _length("upper_trunk") * scale
    shoulder = middle + upper
    head_com = shoulder + _length("head_neck") * (1.0 - _com("head_neck")) * scale
    upper_com = middle + upper * (1.0 - _com("upper_trunk"))
    middle_com = middle * (1.0 - _com("middle_trunk"))
    parts = (
        (_mass("head_neck"), head_com),
        (_mass("upper_trunk"), upper_com),
        (_mass("middle_trunk"), middle_com),
    )
    trunk_share = sum(m for m, _ in parts)
    trunk_com = sum(m * r for m, r in parts) / trunk_share
    arm_share = sum(_mass(p) for p in ARM_PARTS)
    # centre of each arm part along a straight arm, from the shoulder (reference lengths)
    start, weighted = 0.0, 0.0
    for part in ARM_PARTS:
        weighted += _mass(part) * (start + _com(part) * _length(part))
        start += _length(part)
    return Body(
        mass=mass,
        height=height,
        upper_mass=mass * (trunk_share + 2 * arm_share),
        trunk_mass=mass * trunk_share,
        trunk_com=trunk_com,
        arms_mass=mass * 2 * arm_share,
        shoulder=shoulder,
        arm_com_share=weighted / arm_share / start,
        shank=_length("shank") * scale,
    )
