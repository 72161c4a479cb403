"""Joints of the lying model: bending the spine at one level and joint angles.

Teaching model. Assumptions:

- A joint is the motion segment between two neighbouring rigid parts: the skull and C1
  (``C0-C1``), C1 and C2 (no disc), each disc from ``C2-C3`` to ``L5-S1``. Bending a joint
  rotates everything above it (toward the head) about the middle of its disc (for
  ``C1-C2`` the top of C2, for ``C0-C1`` the top of C1); the disc's upper corners move, its
  lower ones stay. Positive angles are extension (the upper part tips backward).
- The angle of a joint is the angle between the axes (bottom to top mid-points) of the two
  parts; for ``C0-C1`` the skull's Frankfort line replaces the upper axis, for ``L5-S1``
  the normal of the S1 endplate replaces the lower one. A joint's *change* is its angle in
  a pose minus its angle in the standing spine of the same preset.
- Range of motion: :mod:`widgets.model.supine_ranges` (flexion and extension of each joint
  from its standing angle).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from types import MappingProxyType

import numpy as np

from widgets.model.spine import LEVELS, SpineGeometry, build_spine
from widgets.model.spine_params import PRESETS
from widgets.validation import check_choice, check_in_range, check_instance, describe

#: Joints from the skull down to the sacrum.
JOINTS: tuple[str, ...] = (
    "C0-C1",
    *(f"{a}-{b}" for a, b in itertools.pairwise(LEVELS)),
    "L5-S1",
)
#: The neck joints, skull to C7-T1, top down.
NECK: tuple[str, ...] = JOINTS[: JOINTS.index("C7-T1") + 1]
#: The joints of the upper back, T1-T2 to T12-L1, top down.
UPPER_BACK: tuple[str, ...] = JOINTS[JOINTS.index("T1-T2") : JOINTS.index("T12-L1") + 1]
#: Largest turn (deg, either way) :func:`rotate`, :func:`bend` and :func:`bend_many` accept:
#: a whole turn; a joint's range of motion is far smaller.
TURN_MAX = 360.0
_JOINT_SET = frozenset(JOINTS)
_GEOMETRY = "a SpineGeometry (from widgets.build_spine)"


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.array(a, dtype=float)
    a.setflags(write=False)
    return a


def _points(name: str, value: object, shape: str = "(..., 2)") -> np.ndarray:
    """``value`` as a float array of finite 2-D points, else a ValueError naming ``name``."""
    what = f"an array of finite (x, y) points in mm, shape {shape}"
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be {what}, got {describe(value)}") from None
    ok = arr.ndim == 1 if shape == "(2,)" else arr.ndim >= 1
    if not ok or arr.shape[-1] != 2 or not np.isfinite(arr).all():
        raise ValueError(f"{name} must be {what}, got {describe(value)}")
    return arr


def rotate(points: np.ndarray, pivot: np.ndarray, deg: float) -> np.ndarray:
    """Rotate ``points`` (..., 2) counter-clockwise by ``deg`` about ``pivot`` (2,), mm.

    Raises
    ------
    ValueError
        If ``points`` or ``pivot`` is not an array of finite points of that shape, or ``deg``
        is not a finite number within :data:`TURN_MAX` either way.
    """
    return _rotate(
        _points("points", points),
        _points("pivot", pivot, "(2,)"),
        check_in_range("deg", deg, -TURN_MAX, TURN_MAX, "deg"),
    )


def _rotate(points: np.ndarray, pivot: np.ndarray, deg: float) -> np.ndarray:
    """:func:`rotate` unchecked."""
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    turn = np.array([[c, s], [-s, c]])  # row vectors: p @ turn rotates counter-clockwise
    moved: np.ndarray = (np.asarray(points, dtype=float) - pivot) @ turn + pivot
    return moved


def pivot(geom: SpineGeometry, joint: str) -> np.ndarray:
    """Centre of rotation of ``joint`` in ``geom``, mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry` or ``joint`` is not in :data:`JOINTS`.
    """
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    return _pivot(geom, check_choice("joint", joint, JOINTS))


def _pivot(geom: SpineGeometry, joint: str) -> np.ndarray:
    """:func:`pivot` unchecked."""
    if joint == "C0-C1":
        return np.asarray(geom.body("C1")[2:].mean(axis=0))
    if joint == "C1-C2":
        return np.asarray(geom.body("C1")[:2].mean(axis=0))
    return np.asarray(geom.disc_corners[geom.disc_names.index(joint)].mean(axis=0))


def bend(geom: SpineGeometry, joint: str, deg: float) -> SpineGeometry:
    """Bend ``geom`` at ``joint`` by ``deg`` (extension positive): everything above turns.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`, ``joint`` is not in :data:`JOINTS` or
        ``deg`` is not a finite number within :data:`TURN_MAX` either way.
    """
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    centre = _pivot(geom, check_choice("joint", joint, JOINTS))
    deg = check_in_range("deg", deg, -TURN_MAX, TURN_MAX, "deg")
    upper = joint.split("-")[0]
    top = 0 if upper == "C0" else LEVELS.index(upper) + 1  # bodies [0, top) turn
    bodies = np.array(geom.body_corners)
    bodies[:top] = _rotate(bodies[:top], centre, deg)
    discs = np.array(geom.disc_corners)
    whole = _below(geom.disc_names) < top  # the discs that turn whole
    discs[whole] = _rotate(discs[whole], centre, deg)
    if joint in geom.disc_names:  # the bending disc: only its upper corners turn
        k = geom.disc_names.index(joint)
        discs[k, 2:] = _rotate(discs[k, 2:], centre, deg)
    names = list(geom.landmarks)
    turned = _rotate(np.array([geom.landmarks[k] for k in names]), centre, deg)
    marks = {k: _frozen(point) for k, point in zip(names, turned, strict=True)}
    return replace(
        geom,
        body_corners=_frozen(bodies),
        disc_corners=_frozen(discs),
        skull=_frozen(_rotate(geom.skull, centre, deg)),
        landmarks=MappingProxyType(marks),
    )


def bend_many(geom: SpineGeometry, bends: Mapping[str, float]) -> SpineGeometry:
    """Bend several joints at once (deg each, extension positive): as :func:`bend` top down.

    Bent top down, no joint's centre has moved when its turn comes, so every centre is
    taken from ``geom`` and the geometry is built once.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`, ``bends`` is not a mapping, one of its
        joints is not in :data:`JOINTS` or one of its angles is not a finite number within
        :data:`TURN_MAX` either way.
    """
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    if not isinstance(bends, Mapping):
        raise ValueError(
            f"bends must be a mapping of joint name to angle (deg), got {describe(bends)}"
        )
    for joint, deg in bends.items():
        if joint not in _JOINT_SET:
            raise ValueError(
                f"bends has an unknown joint {joint!r}; valid joints: {', '.join(JOINTS)}"
            )
        if not (
            isinstance(deg, float | int)
            and not isinstance(deg, bool)
            and -TURN_MAX <= deg <= TURN_MAX  # False for NaN
        ):  # the label is built only for a bad angle
            check_in_range(f"bends[{joint!r}]", deg, -TURN_MAX, TURN_MAX, "deg")
    names = list(geom.landmarks)
    n_bodies, n_discs = len(geom.body_corners), len(geom.disc_corners)
    pts = np.concatenate(
        [
            np.reshape(geom.body_corners, (-1, 2)),
            np.reshape(geom.disc_corners, (-1, 2)),
            geom.skull,
            np.array([geom.landmarks[k] for k in names]),
        ]
    )
    masks = _turning(geom.disc_names, n_bodies, len(geom.skull) + len(names))
    for joint in sorted(bends, key=JOINTS.index):  # top down
        deg = bends[joint]
        if deg == 0.0:
            continue
        mask = masks[joint]
        pts[mask] = _rotate(pts[mask], _pivot(geom, joint), float(deg))
    end_bodies, end_discs = 4 * n_bodies, 4 * (n_bodies + n_discs)
    end_skull = end_discs + len(geom.skull)
    return replace(
        geom,
        body_corners=_frozen(pts[:end_bodies].reshape(n_bodies, 4, 2)),
        disc_corners=_frozen(pts[end_bodies:end_discs].reshape(n_discs, 4, 2)),
        skull=_frozen(pts[end_discs:end_skull]),
        landmarks=MappingProxyType(
            {k: _frozen(point) for k, point in zip(names, pts[end_skull:], strict=True)}
        ),
    )


@cache
def _turning(discs: tuple[str, ...], n_bodies: int, n_head: int) -> dict[str, np.ndarray]:
    """Which stacked points turn when each joint bends.

    The points are the body corners, the disc corners, then ``n_head`` points of the skull
    and its landmarks.
    """
    below = _below(discs)
    out = {}
    for joint in JOINTS:
        upper = joint.split("-")[0]
        top = 0 if upper == "C0" else LEVELS.index(upper) + 1  # bodies [0, top) turn
        bodies = np.zeros((n_bodies, 4), bool)
        bodies[:top] = True
        turn = np.zeros((len(discs), 4), bool)
        turn[below < top] = True  # the discs that turn whole
        if joint in discs:  # the bending disc: only its upper corners turn
            turn[discs.index(joint), 2:] = True
        out[joint] = np.concatenate([bodies.ravel(), turn.ravel(), np.ones(n_head, bool)])
    return out


@cache
def _below(discs: tuple[str, ...]) -> np.ndarray:
    """Index in ``LEVELS`` of the body below each of ``discs`` (S1 counts as past the end)."""
    lower = [disc.split("-")[1] for disc in discs]
    return np.array([len(LEVELS) + 1 if low == "S1" else LEVELS.index(low) for low in lower])


def _direction(v: np.ndarray) -> float:
    return math.degrees(math.atan2(float(v[1]), float(v[0])))


def joint_angles(geom: SpineGeometry) -> dict[str, float]:
    """Angle of every joint of ``geom``, deg (extension positive; see the module docstring).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`.
    """
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    c = geom.body_corners
    v = (c[:, 2] + c[:, 3] - c[:, 0] - c[:, 1]) / 2.0  # bottom to top mid-points
    axes = np.degrees(np.arctan2(v[:, 1], v[:, 0])).tolist()
    posterior, anterior = geom.s1_endplate
    along = anterior - posterior
    sacrum = _direction(np.array([-along[1], along[0]]))
    marks = geom.landmarks
    frankfort = _direction(marks["orbitale"] - marks["porion"]) + 90.0  # "up" of the head
    tops = [frankfort, *axes]
    lowers = [*axes, sacrum]
    return {
        j: (a - b + 180.0) % 360.0 - 180.0 for j, a, b in zip(JOINTS, tops, lowers, strict=True)
    }


def move(geom: SpineGeometry, deg: float = 0.0, shift: np.ndarray | None = None) -> SpineGeometry:
    """Turn all of ``geom`` by ``deg`` counter-clockwise about the origin, then shift it (mm).

    ``shift`` is an (x, y) point; None does not shift.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`SpineGeometry`, ``deg`` not a finite number within
        :data:`TURN_MAX` either way or ``shift`` not a finite (x, y) point.
    """
    check_instance("geom", geom, SpineGeometry, _GEOMETRY)
    deg = check_in_range("deg", deg, -TURN_MAX, TURN_MAX, "deg")
    point = np.zeros(2) if shift is None else _points("shift", shift, "(2,)")
    return _move(geom, deg, point)


def _move(geom: SpineGeometry, deg: float, shift: np.ndarray) -> SpineGeometry:
    """:func:`move` unchecked."""
    names = list(geom.landmarks)
    parts = [
        geom.body_corners,
        geom.disc_corners,
        geom.s1_endplate,
        geom.hip_axis,
        geom.sacrum,
        geom.pelvis,
        geom.femoral_head + geom.hip_axis,
        geom.skull,
        np.array([geom.landmarks[k] for k in names]),
    ]
    flat = np.concatenate([np.reshape(p, (-1, 2)) for p in parts])
    moved = _rotate(flat, np.zeros(2), deg) + shift
    out, start = [], 0
    for p in parts:
        size = int(np.prod(np.shape(p)[:-1]))
        out.append(_frozen(moved[start : start + size].reshape(np.shape(p))))
        start += size
    bodies, discs, s1, hip, sacrum, pelvis, head, skull, marks = out
    return replace(
        geom,
        body_corners=bodies,
        disc_corners=discs,
        s1_endplate=s1,
        hip_axis=hip,
        sacrum=sacrum,
        pelvis=pelvis,
        femoral_head=_frozen(head - hip),
        skull=skull,
        landmarks=MappingProxyType({k: m for k, m in zip(names, marks, strict=True)}),
    )


@cache
def standing_angles(spine: str = "adult-mean") -> MappingProxyType[str, float]:
    """Angle of every joint of the standing spine of preset ``spine``, deg (:func:`joint_angles`).

    Raises
    ------
    ValueError
        If ``spine`` is not a preset; the message names ``spine`` and lists the presets.
    """
    if not isinstance(spine, str) or spine not in PRESETS:
        raise ValueError(f"spine = {spine!r} is not a preset; valid presets: {', '.join(PRESETS)}")
    return MappingProxyType(joint_angles(build_spine(spine)))
