"""Back-muscle effort lying on the back: the small waist lift and the bridge.

Teaching model, same segments, moment arm and strength as :mod:`widgets.model.trunk`.
Units: m, kg, N, N·m, %. Assumptions:

- **Waist lift** (the article's small lift of the waist): the ribcage and the pelvis stay on
  the bed and the stretch between them (xiphoid to the hip joints: middle and lower trunk)
  lifts a little, like a beam resting on its two ends. The back muscles hold the middle
  trunk's weight; the moment at the lumbar disc (at the omphalion) is the beam's bending
  moment there. The lift is small, so the beam is taken as horizontal.
- **Bridge** (bridge to neutral): shoulders and feet on the floor, knees bent, the pelvis
  lifted until shoulders, hips and knees lie on one straight line. The head and arms rest on
  the floor and weigh nothing on the line. The line rests on the shoulders and on the knees
  (the shins taken as vertical props); it rises at the angle whose sine is shin length over
  shoulder-to-knee length. The back muscles hold the bending moment of that line at the
  lumbar disc: upper, middle and lower trunk and both thighs hang between the supports.
- **Effort** is that moment over the men's maximal extension moment at 20 deg of flexion
  (288 N·m, Chaffin 1999, the least flexed value in the table), %.
- Left out, as in the standing model: co-contraction, the abdominal muscles, the hip
  extensors' share (the gluteal muscles and hamstrings lift the pelvis, the back muscles only
  keep the lumbar spine straight), passive soft tissue, and movement.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from widgets.data import value
from widgets.model.trunk import EXTENSOR_MOMENT_ARM, STRENGTH
from widgets.model.trunk_segments import BODY_MASS_DEFAULT, REFERENCE_HEIGHT, G, body
from widgets.validation import check_choice

#: The lying exercises the model knows.
EXERCISES: tuple[str, ...] = ("waist-lift", "bridge")


def _row(item: str, parameter: str) -> float:
    return value("trunk", item, parameter)


@dataclass(frozen=True)
class LyingEffort:
    """Back-muscle load of one lying exercise.

    Attributes
    ----------
    exercise : str
        One of :data:`EXERCISES`.
    moment : float
        Moment the back extensors hold at the lumbar disc, N·m.
    extensor_force : float
        Back-extensor force, N.
    effort : float
        ``moment`` as a share of the maximal extension moment, % (of MVC).
    incline : float
        Angle of the lifted line to the floor, deg (0 for the waist lift).
    """

    exercise: str
    moment: float
    extensor_force: float
    effort: float
    incline: float


def _beam_moment(parts: list[tuple[float, float]], span: float, at: float) -> float:
    """Bending moment, N·m, at ``at`` of a beam on supports at 0 and ``span``.

    ``parts`` are (weight in N, position in m from the first support).
    """
    far_support = sum(w * s for w, s in parts) / span
    near_support = sum(w for w, _ in parts) - far_support
    return near_support * at - sum(w * (at - s) for w, s in parts if s < at)


def lying_effort(
    exercise: str, body_mass: float = BODY_MASS_DEFAULT, height: float = REFERENCE_HEIGHT
) -> LyingEffort:
    """Back-muscle moment, force and effort of a lying exercise.

    Parameters
    ----------
    exercise : str
        ``"waist-lift"`` or ``"bridge"``.
    body_mass : float
        Body mass, kg (range as in :func:`widgets.model.trunk_segments.body`).
    height : float
        Height, m.

    Raises
    ------
    ValueError
        If ``exercise`` is unknown (the message lists them) or a body value is out of range.
    """
    check_choice("exercise", exercise, EXERCISES)
    person = body(body_mass, height)
    scale = person.height / REFERENCE_HEIGHT
    mass = person.mass * G
    middle, lower = (_row(n, "length") * scale for n in ("middle_trunk", "lower_trunk"))
    middle_w = _row("middle_trunk", "mass_fraction") * mass
    middle_c = _row("middle_trunk", "com_fraction") * middle
    if exercise == "waist-lift":
        moment = _beam_moment([(middle_w, middle_c)], middle + lower, middle)
        incline = 0.0
    else:
        upper = _row("upper_trunk", "length") * scale
        thigh = _row("thigh", "length") * scale
        parts = [
            (
                _row("upper_trunk", "mass_fraction") * mass,
                _row("upper_trunk", "com_fraction") * upper,
            ),
            (middle_w, upper + middle_c),
            (
                _row("lower_trunk", "mass_fraction") * mass,
                upper + middle + _row("lower_trunk", "com_fraction") * lower,
            ),
            (
                2 * _row("thigh", "mass_fraction") * mass,
                upper + middle + lower + _row("thigh", "com_fraction") * thigh,
            ),
        ]
        span = upper + middle + lower + thigh
        rise = math.asin(min(person.shank / span, 1.0))
        moment = _beam_moment(parts, span, upper + middle) * math.cos(rise)
        incline = math.degrees(rise)
    return LyingEffort(
        exercise=exercise,
        moment=moment,
        extensor_force=moment / EXTENSOR_MOMENT_ARM,
        effort=100.0 * moment / STRENGTH[0],
        incline=incline,
    )
