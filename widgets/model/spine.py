"""A sagittal spine to scale: C1 to L5, sacrum, pelvis and skull, from regional angles.

Teaching model. Assumptions (each also stated in lesson 00 and lesson 01):

- The spine is drawn in the sagittal plane, x forward and y up, in mm, with the hip axis
  (centre of the femoral heads) at the origin in the standing frame.
- Vertebral body and disc heights by level come from ``data/segments.csv``; the chain's
  length along its mid-line equals the sum of those heights.
- A regional angle is shared among the wedges (bodies and discs) between its end plates:
  thoracic kyphosis and cervical lordosis in proportion to each element's height (an even
  curvature); lumbar lordosis by disc only (the discs carry most of the wedging, Hegazy 2014)
  split between the five levels as measured in 324 people (Sci Rep 2022, Table 2: 2.3, 11.7,
  18.1, 25.2 and 42.7 % from L1–L2 down; L4–S1 holds 68 %, as in coluna-ll-share's 67 %).
- The junctions outside the measured regions (C1–C2, C7–T4, T12–L1) are straight.
- The pelvis follows PI = PT + SS (Legaye 1998). The skull sits on C1 at a fixed angle chosen
  so that the adult-mean standing pose looks straight ahead (Frankfort plane horizontal).
- Size: the segment table is an adult's. A child (``age_months`` below 240, or a child preset)
  is the same chain shrunk uniformly by :func:`widgets.model.growth.spine_scale` (the newborn
  spine is 0.31 of the adult length), with the skull scaled by the head's own growth
  (:func:`widgets.model.growth.head_scale`). Scaling changes no angle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

import numpy as np

from widgets.data import load_table, value
from widgets.model import outlines
from widgets.model.angles import frankfort_pitch
from widgets.model.growth import ADULT_MONTHS, head_scale, preset_age, spine_scale
from widgets.model.spine_params import PRESETS, SpineParams, preset
from widgets.validation import check_choice, check_in_range

#: Accepted skull-on-C1 offsets, deg: the head's full nodding range (a course limit, wider than
#: any pose the course draws, so that only nonsense is refused).
HEAD_OFFSET_RANGE: tuple[float, float] = (-90.0, 90.0)

LEVELS: tuple[str, ...] = (
    *(f"C{i}" for i in range(1, 8)),
    *(f"T{i}" for i in range(1, 13)),
    *(f"L{i}" for i in range(1, 6)),
)
REGION_OF_PREFIX = {"C": "cervical", "T": "thoracic", "L": "lumbar"}
REGIONS: tuple[str, ...] = tuple(REGION_OF_PREFIX[lv[0]] for lv in LEVELS)


@dataclass(frozen=True)
class _Chain:
    """The stacked elements from the sacrum upward (bodies and discs)."""

    names: tuple[str, ...]
    kinds: tuple[str, ...]  # "body" or "disc"
    heights: np.ndarray  # mm
    depths: np.ndarray  # mm, drawing width
    weights: dict[str, np.ndarray]  # region -> share of that region's angle per element


@cache
def _chain() -> _Chain:
    heights = {row.key[0]: row.value for row in load_table("segments") if row.key[1] != "depth"}
    depth = {row.key[0]: row.value for row in load_table("segments") if row.key[1] == "depth"}
    top_down: list[str] = []
    for i, level in enumerate(LEVELS):
        top_down.append(level)
        below = LEVELS[i + 1] if i + 1 < len(LEVELS) else "S1"
        if level != "C1":  # the atlas sits on the axis without a disc
            top_down.append(f"{level}-{below}")
    names = top_down[::-1]  # from the sacrum upward
    kinds = tuple("disc" if "-" in n else "body" for n in names)
    h = np.array([heights[n] for n in names])
    d = np.array([depth[REGION_OF_PREFIX[n[0]]] for n in names])
    idx = {n: k for k, n in enumerate(names)}

    def between(members: list[str]) -> np.ndarray:
        w = np.zeros(len(names))
        for m in members:
            w[idx[m]] = h[idx[m]]
        weights: np.ndarray = w / w.sum()
        return weights

    cervical = [*(f"C{i}" for i in range(3, 8)), *(f"C{i}-C{i + 1}" for i in range(2, 7))]
    thoracic = [*(f"T{i}" for i in range(4, 13)), *(f"T{i}-T{i + 1}" for i in range(4, 12))]
    share = value("geometry", "l4_s1_share_of_lumbar_lordosis")
    upper = {f"L{i}-L{i + 1}": value("geometry", f"lumbar_weight_l{i}_l{i + 1}") for i in (1, 2, 3)}
    lower = {
        "L4-L5": value("geometry", "lumbar_weight_l4_l5"),
        "L5-S1": value("geometry", "lumbar_weight_l5_s1"),
    }
    lumbar = np.zeros(len(names))
    for group, part in ((upper, 1.0 - share), (lower, share)):
        total = sum(group.values())
        for n, w in group.items():
            lumbar[idx[n]] = part * w / total
    weights = {"cervical": between(cervical), "thoracic": between(thoracic), "lumbar": lumbar}
    return _Chain(tuple(names), kinds, h, d, weights)


def _frozen(a: np.ndarray) -> np.ndarray:
    a = np.ascontiguousarray(a, dtype=float)
    a.setflags(write=False)
    return a


@dataclass(frozen=True, eq=False)
class SpineGeometry:
    """An immutable sagittal spine, in mm (x forward, y up; hip axis at the origin).

    Attributes
    ----------
    params : SpineParams
        The regional angles the geometry was built from.
    levels : tuple of str
        ``C1`` ... ``L5`` (24 vertebrae), top to bottom.
    regions : tuple of str
        Region of each level: ``cervical``, ``thoracic`` or ``lumbar``.
    body_corners : ndarray, shape (24, 4, 2)
        Corners of each vertebral body: anterior-inferior, posterior-inferior,
        posterior-superior, anterior-superior, mm.
    disc_names : tuple of str
        ``C2-C3`` ... ``L5-S1`` (23 discs), top to bottom.
    disc_corners : ndarray, shape (23, 4, 2)
        Corners of each disc, in the same order as a body, mm.
    s1_endplate : ndarray, shape (2, 2)
        Posterior and anterior ends of the S1 superior endplate, mm.
    hip_axis : ndarray, shape (2,)
        Centre of the femoral heads, mm.
    sacrum, pelvis, femoral_head, skull : ndarray, shape (n, 2)
        Outlines for drawing, mm (illustrative shapes).
    landmarks : mapping of str to ndarray
        Skull landmarks (``porion``, ``orbitale``, ``chin``, ``vertex``, ``gonion``), mm.
    age_months : float
        Age the spine is sized for, months (240 = adult).
    scale : float
        Size of the spine, sacrum and pelvis as a fraction of the adult model's (1 = adult).
    head_scale : float
        Size of the skull as a fraction of the adult's (1 = adult).
    """

    params: SpineParams
    levels: tuple[str, ...]
    regions: tuple[str, ...]
    body_corners: np.ndarray
    disc_names: tuple[str, ...]
    disc_corners: np.ndarray
    s1_endplate: np.ndarray
    hip_axis: np.ndarray
    sacrum: np.ndarray
    pelvis: np.ndarray
    femoral_head: np.ndarray
    skull: np.ndarray
    landmarks: MappingProxyType[str, np.ndarray]
    age_months: float = ADULT_MONTHS
    scale: float = 1.0
    head_scale: float = 1.0

    def body(self, level: str) -> np.ndarray:
        """Corners of one vertebral body, shape (4, 2), mm.

        Raises
        ------
        ValueError
            If ``level`` is not one of :attr:`levels` (C1 ... L5).
        """
        corners: np.ndarray = self.body_corners[
            self.levels.index(check_choice("level", level, self.levels))
        ]
        return corners

    @property
    def chain_length(self) -> float:
        """Length of the mid-line from the S1 endplate to the top of C1, mm."""
        mids = [self.s1_endplate.mean(axis=0)]
        for k in range(len(self.levels) - 1, -1, -1):
            c = self.body_corners[k]
            mids += [c[:2].mean(axis=0), c[2:].mean(axis=0)]
        pts = np.array(mids)
        return float(np.linalg.norm(np.diff(pts, axis=0), axis=1).sum())


def _rot(deg: float) -> np.ndarray:
    a = math.radians(deg)
    return np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])


def _place(points: np.ndarray, origin: np.ndarray, tilt_deg: float) -> np.ndarray:
    """Map local points (x forward along an endplate, y along its normal) to the world frame.

    ``tilt_deg`` is the forward lean of the local y axis from vertical.
    """
    placed: np.ndarray = points @ _rot(-tilt_deg).T + origin
    return placed


def build_spine(
    spec: SpineParams | str,
    *,
    head_offset: float | None = None,
    age_months: float | None = None,
) -> SpineGeometry:
    """Build the sagittal spine for regional angles or a preset name.

    Parameters
    ----------
    spec : SpineParams or str
        Regional angles (deg), or a preset name from :data:`widgets.model.spine_params.PRESETS`.
    head_offset : float, optional
        Angle between the C1 top plate and the skull's Frankfort plane, deg (positive tips
        the chin up). Default: the calibrated value, see :func:`calibrated_head_offset`.
    age_months : float, optional
        Age to size the spine for, months, 0 to 240 (see :mod:`widgets.model.growth`).
        Default: the preset's age (``newborn`` 0, ``1-year`` 12, ``5-years`` 60, others
        adult) for a preset name, adult (240) for ``SpineParams``.

    Returns
    -------
    SpineGeometry
        The to-scale geometry, mm.

    Raises
    ------
    ValueError
        For an unknown preset (lists the valid names), a spec of another type, angles out
        of range, a ``head_offset`` outside :data:`HEAD_OFFSET_RANGE` or an ``age_months``
        outside 0 to 240.
    """
    if isinstance(spec, str):
        check_choice("spec", spec, PRESETS, what="preset")
    params = preset(spec) if isinstance(spec, str) else spec
    if not isinstance(params, SpineParams):
        raise ValueError(
            f"spec must be SpineParams or a preset name, got {type(spec).__name__} {spec!r}"
        )
    if head_offset is not None:
        check_in_range("head_offset", head_offset, *HEAD_OFFSET_RANGE, "deg")
    if age_months is None:
        age = preset_age(spec) if isinstance(spec, str) else ADULT_MONTHS
    else:
        age = check_in_range("age_months", age_months, 0.0, ADULT_MONTHS, "months")
    size, head_size = spine_scale(age), head_scale(age)
    chain = _chain()
    deltas = (
        -params.cervical_lordosis * chain.weights["cervical"]
        + params.thoracic_kyphosis * chain.weights["thoracic"]
        - params.lumbar_lordosis * chain.weights["lumbar"]
    )
    ss = params.sacral_slope
    upper_tilt = ss + np.cumsum(deltas)  # forward lean of each element's upper plate normal, deg
    lower_tilt = upper_tilt - deltas
    mid = np.radians((upper_tilt + lower_tilt) / 2.0)
    steps = size * chain.heights[:, None] * np.column_stack([np.sin(mid), np.cos(mid)])

    adult_radius = value("geometry", "pelvic_radius")
    radius = size * adult_radius
    pt = np.radians(params.pelvic_tilt)
    s1_mid = radius * np.array([-np.sin(pt), np.cos(pt)])
    tops = s1_mid + np.cumsum(steps, axis=0)
    bottoms = tops - steps

    def plate(centres: np.ndarray, tilt: np.ndarray, depth: np.ndarray) -> np.ndarray:
        t = np.radians(tilt)
        along = np.column_stack([np.cos(t), -np.sin(t)]) * (depth[:, None] / 2.0)
        return np.stack([centres + along, centres - along], axis=1)  # anterior, posterior

    lo = plate(bottoms, lower_tilt, size * chain.depths)
    hi = plate(tops, upper_tilt, size * chain.depths)
    corners = np.stack([lo[:, 0], lo[:, 1], hi[:, 1], hi[:, 0]], axis=1)[::-1]  # top to bottom
    names = chain.names[::-1]
    is_body = np.array([n.count("-") == 0 for n in names])
    disc_names = tuple(n for n in names if "-" in n)

    adult_sacrum_depth = value("segments", "sacrum", "depth")
    sacrum_depth = size * adult_sacrum_depth
    s1_plate = _place(np.array([[-sacrum_depth / 2, 0.0], [sacrum_depth / 2, 0.0]]), s1_mid, ss)
    offset = calibrated_head_offset() if head_offset is None else float(head_offset)
    skull_local, marks_local = outlines.skull()
    skull_local = head_size * skull_local
    marks_local = {k: head_size * v for k, v in marks_local.items()}
    head_tilt = upper_tilt[-1] - offset
    skull_world = _place(skull_local, tops[-1], head_tilt)
    marks = {k: _frozen(_place(v[None, :], tops[-1], head_tilt)[0]) for k, v in marks_local.items()}
    pelvis_axis_tilt = -params.pelvic_tilt  # pelvic frame y axis points from hip to S1

    return SpineGeometry(
        params=params,
        levels=LEVELS,
        regions=REGIONS,
        body_corners=_frozen(corners[is_body]),
        disc_names=disc_names,
        disc_corners=_frozen(corners[~is_body]),
        s1_endplate=_frozen(s1_plate),
        hip_axis=_frozen(np.zeros(2)),
        sacrum=_frozen(_place(size * outlines.sacrum(adult_sacrum_depth), s1_mid, ss)),
        pelvis=_frozen(
            _place(size * outlines.innominate(adult_radius), np.zeros(2), pelvis_axis_tilt)
        ),
        femoral_head=_frozen(outlines.circle(size * value("geometry", "femoral_head_radius"))),
        skull=_frozen(skull_world),
        landmarks=MappingProxyType(marks),
        age_months=float(age),
        scale=size,
        head_scale=head_size,
    )


@cache
def calibrated_head_offset() -> float:
    """Skull-on-C1 angle (deg) that makes the adult-mean standing pose look straight ahead.

    Assumption: people keep their gaze level when standing, so the Frankfort plane is
    horizontal in the adult-mean preset; the same skull-on-C1 angle is used for every pose.
    """
    marks = build_spine("adult-mean", head_offset=0.0).landmarks
    return -frankfort_pitch(marks["porion"], marks["orbitale"])
