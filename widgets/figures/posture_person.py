"""A side view of the trunk model's person, drawn to scale as a small SVG.

The points come from the trunk model's own geometry (:mod:`widgets.model.trunk_segments`,
de Leva's 1996 lengths scaled to the body's height): the feet on the floor, the shins and
thighs each leaning by half the knee bend with the hips above the ankles, the lower trunk
upright from the hips to the lumbar disc, the upper body turned forward by the flexion about
that disc, the arms hanging from the shoulders or reaching to the load, which sits
``load_lever`` in front of the disc as in :func:`widgets.model.trunk.trunk_load`. The head is a
circle of schematic size. A twist cannot be seen from the side, so a small top view shows it.

Seated (``seated=True``, the view's sitting habits) the same segments sit on a stool of
schematic size without a backrest: the shins vertical with the feet on the floor, the thighs
level, so the hips rest at the height of the knees (the shank's length above the floor) with
the hips flexed and the knees bent 90 deg. The trunk model has no seat, backrest, thighs or
pelvis (:mod:`widgets.model.trunk`): sitting and standing with the same flexion give the same
numbers. So the drawing changes only the legs and adds the stool; above the hips it is the
standing drawing's: the lower trunk upright from the hips to the disc (no pelvic tilt, also
when slumped), the upper body turned by the flexion about the disc, the arms hanging from the
shoulders (beside the stool) or reaching to the load at its lever. The knee bend setting moves
only the model's load, so it is not drawn while seated.

Units: metres in the model, pixels in the SVG (``SCALE`` px per m, one frame for every
posture so that sizes compare).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from widgets.data import value
from widgets.figures.theme import REGION_COLOURS
from widgets.model.trunk import TrunkLoad, TrunkPosture
from widgets.model.trunk_segments import REFERENCE_HEIGHT, body
from widgets.validation import check_flag, check_in_range, check_instance

#: Pixels per metre.
SCALE = 170.0
#: The drawn frame, m: x from the hips' plumb line (forward +), y up from the floor.
X_RANGE: tuple[float, float] = (-0.55, 1.45)
Y_RANGE: tuple[float, float] = (-0.18, 2.05)
#: Width and height of the drawing, px.
WIDTH = round((X_RANGE[1] - X_RANGE[0]) * SCALE)
HEIGHT = round((Y_RANGE[1] - Y_RANGE[0]) * SCALE)
#: Drawn size of the load, m (a crate; its centre is the load's centre).
BOX = (0.30, 0.24)
HEAD_RADIUS = 0.10  # m, schematic
NECK = 0.08  # m, schematic: from the shoulders to the bottom of the head circle
#: The stool, m, schematic: the seat's back and front edges (x, hips at 0) and its thickness.
STOOL = (-0.15, 0.25, 0.04)
#: Drawn knee flexion while seated, deg: shins vertical, thighs level.
SEATED_KNEE = 90.0
THIGH_PX = 11  # drawn width of the thigh, px

Point = tuple[float, float]


def _length(segment: str, height: float) -> float:
    return value("trunk", segment, "length") * height / REFERENCE_HEIGHT


@dataclass(frozen=True)
class PersonPoints:
    """Joint positions of the drawn person, m (x forward of the hips, y above the floor)."""

    ankle: Point
    knee: Point
    hip: Point
    disc: Point
    shoulder: Point
    head: Point
    hand: Point
    load: Point | None
    reach_short: bool
    seat: float | None = None  # seated: height of the seat under the hips, m; None standing


def person_points(
    posture: TrunkPosture, load_lever: float, *, seated: bool = False
) -> PersonPoints:
    """Where each joint of ``posture`` lies, m, with the load ``load_lever`` before the disc.

    ``load_lever`` is :attr:`widgets.model.trunk.TrunkLoad.load_lever`, so the drawing puts the
    load exactly where the model's sum of moments has it. ``reach_short`` is True when the
    arm is too short to reach the load's centre (then the hand stops at arm's length).
    ``seated`` puts the hips on a stool (see the module docstring); ``seat`` is then its height.

    Raises
    ------
    ValueError
        If ``posture`` is not a :class:`~widgets.model.trunk.TrunkPosture`, ``load_lever``
        is not a finite number within twice the height, or ``seated`` is not True or False.
    """
    check_instance("posture", posture, TrunkPosture, "TrunkPosture (widgets.model.trunk)")
    load_lever = check_in_range(
        "load_lever", load_lever, -2.0 * posture.height, 2.0 * posture.height, "m"
    )
    seated = check_flag("seated", seated)
    person = body(posture.body_mass, posture.height)
    h = posture.height
    thigh, shank = _length("thigh", h), person.shank
    lower = _length("lower_trunk", h)
    arm = sum(_length(p, h) for p in ("upper_arm", "forearm", "hand"))
    half = math.radians(posture.knee_bend) / 2.0
    knee_x = shank * math.sin(half)  # the model's knee offset
    shin_rise = math.sqrt(shank**2 - knee_x**2)
    thigh_rise = math.sqrt(max(thigh**2 - knee_x**2, 0.0))
    ankle = (0.0, 0.0)
    knee = (knee_x, shin_rise)
    hip = (0.0, shin_rise + thigh_rise)
    seat: float | None = None
    if seated:  # shins vertical, thighs level, hips on the seat
        ankle, knee, hip, seat = (thigh, 0.0), (thigh, shank), (0.0, shank), shank
    disc = (0.0, hip[1] + lower)
    tilt = math.radians(posture.flexion)
    axis = (math.sin(tilt), math.cos(tilt))
    shoulder = (disc[0] + person.shoulder * axis[0], disc[1] + person.shoulder * axis[1])
    head_dist = NECK + HEAD_RADIUS
    head = (shoulder[0] + head_dist * axis[0], shoulder[1] + head_dist * axis[1])
    load: Point | None = None
    reach_short = False
    if posture.load > 0:
        reach = float(load_lever) - shoulder[0]
        drop = arm**2 - reach**2
        if drop >= 0:
            hand = (float(load_lever), shoulder[1] - math.sqrt(drop))
        else:
            reach_short = True
            hand = (shoulder[0] + math.copysign(arm, reach), shoulder[1])
        load = (float(load_lever), hand[1] - BOX[1] / 2)
    else:
        hand = (shoulder[0], shoulder[1] - arm)
    return PersonPoints(ankle, knee, hip, disc, shoulder, head, hand, load, reach_short, seat)


def _px(p: Point) -> tuple[float, float]:
    return (p[0] - X_RANGE[0]) * SCALE, (Y_RANGE[1] - p[1]) * SCALE


def _line(a: Point, b: Point, width: float, colour: str = "currentColor", extra: str = "") -> str:
    (x1, y1), (x2, y2) = _px(a), _px(b)
    return (
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{width:g}" stroke-linecap="round"{extra}/>'
    )


def _text(p: tuple[float, float], text: str, anchor: str = "start", size: int = 13) -> str:
    return (
        f'<text x="{p[0]:.1f}" y="{p[1]:.1f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="currentColor">{text}</text>'
    )


def _twist_inset(twist: float) -> str:
    # top view, upper right: the pelvis fixed left-right, the shoulders turned by the twist
    cx, cy, r = WIDTH - 52.0, 40.0, 26.0
    a = math.radians(twist)
    dx, dy = r * math.cos(a), r * math.sin(a)
    return (
        f'<g aria-hidden="true"><circle cx="{cx}" cy="{cy}" r="{r + 4}" fill="none" '
        f'stroke="currentColor" stroke-opacity="0.35"/>'
        f'<line x1="{cx - r}" y1="{cy}" x2="{cx + r}" y2="{cy}" '
        f'stroke="{REGION_COLOURS["sacrum"]}" stroke-width="5" stroke-linecap="round"/>'
        f'<line x1="{cx - dx:.1f}" y1="{cy - dy:.1f}" x2="{cx + dx:.1f}" y2="{cy + dy:.1f}" '
        f'stroke="{REGION_COLOURS["lumbar"]}" stroke-width="5" stroke-linecap="round"/>'
        + _text((cx, cy + r + 20), "from above", "middle", 12)
        + _text((cx, cy + r + 35), f"twist {abs(twist):.0f}°", "middle", 12)
        + "</g>"
    )


def describe_posture(posture: TrunkPosture, load: TrunkLoad, *, seated: bool = False) -> str:
    """One sentence saying what the drawing shows (its accessible description).

    ``seated`` describes the person sitting on a stool (as :func:`person_svg` draws it).

    Raises
    ------
    ValueError
        If ``posture`` or ``load`` is not the trunk model's type, or ``seated`` is not True
        or False.
    """
    check_instance("posture", posture, TrunkPosture, "TrunkPosture (widgets.model.trunk)")
    check_instance("load", load, TrunkLoad, "TrunkLoad (widgets.model.trunk)")
    seated = check_flag("seated", seated)
    lean = (
        f"leaning forward {posture.flexion:.0f}°"
        if posture.flexion > 0
        else f"leaning back {-posture.flexion:.0f}°"
        if posture.flexion < 0
        else "upright"
    )
    if seated:
        parts = [
            "A person seen from the side, to scale, sitting on a stool without a backrest, "
            f"feet on the floor, thighs level, knees bent {SEATED_KNEE:.0f}°, pelvis upright, "
            f"upper body {lean}"
        ]
    else:
        parts = [f"A person seen from the side, to scale, {lean}"]
    if posture.twist:
        parts.append(f"turned {abs(posture.twist):.0f}°")
    if not seated:
        parts.append(f"knees bent {posture.knee_bend:.0f}°")
    if posture.load > 0:
        parts.append(
            f"holding {posture.load:.0f} kg {load.load_lever:.2f} m in front of the low back"
        )
    return ", ".join(parts) + "."


def _stool(seat: float) -> str:
    # the seat's top touches the thigh's drawn line from below; a leg under each edge
    back, front, thick = STOOL
    top = seat - THIGH_PX / 2 / SCALE
    (x0, y0), (x1, y1) = _px((back, top)), _px((front, top - thick))
    legs = "".join(
        _line((x, top - thick), (x, 0.0), 4, extra=' stroke-opacity="0.7"')
        for x in (back + 0.03, front - 0.03)
    )
    return (
        f'<g class="gs-posture-stool">{legs}<rect x="{x0:.1f}" y="{y0:.1f}" '
        f'width="{x1 - x0:.1f}" height="{y1 - y0:.1f}" rx="3" fill="currentColor" '
        'fill-opacity="0.25" stroke="currentColor" stroke-width="1.5"/></g>'
    )


def person_svg(posture: TrunkPosture, load: TrunkLoad, *, seated: bool = False) -> str:
    """The side view of ``posture`` as an SVG string (theme colours, ``role="img"``).

    ``load`` is the model's answer for ``posture`` (:func:`widgets.model.trunk.trunk_load`);
    the load is drawn at its ``load_lever`` and the lever is drawn as a dimension line.
    ``seated`` draws the person sitting on a stool (see the module docstring): only the legs
    and the stool differ, because the model's numbers do not.

    Raises
    ------
    ValueError
        If ``posture`` or ``load`` is not the trunk model's type, ``load`` belongs to
        another posture, or ``seated`` is not True or False.
    """
    label = describe_posture(posture, load, seated=seated)
    if load.posture != posture:
        raise ValueError("load must be trunk_load(posture) of the same posture")
    p = person_points(posture, load.load_lever, seated=seated)
    trunk, bone = REGION_COLOURS["lumbar"], REGION_COLOURS["bone"]
    foot = (p.ankle[0] + 0.22, 0.0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" '
        'style="color: var(--jp-ui-font-color1, #222); max-width: 100%; height: auto">',
        f"<title>{label}</title>",
        _line((X_RANGE[0], 0.0), (X_RANGE[1], 0.0), 2, extra=' stroke-opacity="0.6"'),
        *([] if p.seat is None else [_stool(p.seat)]),
        _line(p.ankle, foot, 7, bone),
        _line(p.ankle, p.knee, 9, bone),
        _line(p.knee, p.hip, THIGH_PX, bone),
        _line(p.hip, p.disc, 14, bone),
        _line(p.disc, p.shoulder, 16, trunk),
    ]
    hx, hy = _px(p.head)
    parts.append(_line(p.shoulder, p.head, 6, bone))
    parts.append(
        f'<circle cx="{hx:.1f}" cy="{hy:.1f}" r="{HEAD_RADIUS * SCALE:.1f}" fill="{bone}"/>'
    )
    parts.append(_line(p.shoulder, p.hand, 6, bone))
    dx, dy = _px(p.disc)
    parts.append(
        f'<circle cx="{dx:.1f}" cy="{dy:.1f}" r="6" fill="{REGION_COLOURS["disc"]}" '
        'stroke="currentColor" stroke-width="1.5"/>'
    )
    parts.append(_text((dx - 12, dy + 5), "low-back disc", "end", 12))
    if p.load is not None:
        lx, ly = _px(p.load)
        w, hgt = BOX[0] * SCALE, BOX[1] * SCALE
        parts.append(
            f'<rect x="{lx - w / 2:.1f}" y="{ly - hgt / 2:.1f}" width="{w:.1f}" height="{hgt:.1f}" '
            f'fill="{REGION_COLOURS["thoracic"]}" fill-opacity="0.85" stroke="currentColor"/>'
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 5:.1f}" text-anchor="middle" font-size="13" '
            f'fill="#111">{posture.load:.0f} kg</text>'
        )
        # the lever: a dimension line from the disc's plumb line to the load's centre
        y = _px((0.0, -0.05))[1]
        x0 = _px((p.disc[0], 0.0))[0]
        parts.append(
            f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{lx:.1f}" y2="{y:.1f}" stroke="currentColor" '
            'stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
        parts.append(_text(((x0 + lx) / 2, y + 15), f"lever {load.load_lever:.2f} m", "middle", 12))
        if p.reach_short:
            parts.append(_text((lx, ly - hgt / 2 - 6), "beyond arm's reach", "middle", 12))
    # a 1 m scale bar at the right
    sx, sy = _px((X_RANGE[1] - 0.06, 1.0))
    parts.append(
        f'<line x1="{sx:.1f}" y1="{sy:.1f}" x2="{sx:.1f}" y2="{sy + SCALE:.1f}" '
        'stroke="currentColor" stroke-width="2"/>'
    )
    parts.append(_text((sx - 6, sy + SCALE / 2), "1 m", "end", 12))
    if posture.twist:
        parts.append(_twist_inset(posture.twist))
    parts.append("</svg>")
    return "".join(parts)
