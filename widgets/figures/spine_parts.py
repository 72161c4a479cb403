"""What a side view of the spine is made of: its outlines and its angle labels, in draw order.

Both drawings of the spine use these: the plotly figure (:mod:`widgets.figures.spine_figure`)
and the SVG drawing of the interactive views (:mod:`widgets.figures.spine_drawing`). So the
order of the parts and the text of the labels are written once, here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from widgets.model import measure
from widgets.model.spine import SpineGeometry
from widgets.validation import (
    check_choice,
    check_in_range,
    check_instance,
    check_items,
    check_text,
    describe,
)

#: Display names of the presets.
PRESET_TITLES: dict[str, str] = {
    "adult-mean": "Adult (mean)",
    "newborn": "Newborn C-curve (illustrative)",
    "1-year": "1 year (illustrative)",
    "5-years": "5 years",
    "roussouly-1": "Roussouly type 1",
    "roussouly-2": "Roussouly type 2",
    "roussouly-3": "Roussouly type 3",
    "roussouly-4": "Roussouly type 4",
    "flat-back": "Flat back (illustrative)",
    "sway-back": "Sway back (illustrative)",
    "hyperkyphosis": "Hyperkyphosis",
}

#: The three regional curves: levels measured, kind of curve, and the measurement.
REGION_CURVES: dict[str, tuple[str, str, Callable[[SpineGeometry], float]]] = {
    "cervical": ("C2–C7", "lordosis", measure.cervical_lordosis),
    "thoracic": ("T4–T12", "kyphosis", measure.thoracic_kyphosis),
    "lumbar": ("L1–S1", "lordosis", measure.lumbar_lordosis),
}

#: Height of the pelvis-angle line below the hip axis, mm.
PELVIS_LABEL_Y = -85.0

#: What an outline can be, and the regions a vertebra (or a label) can belong to.
KINDS: tuple[str, ...] = ("bone", "sacrum", "disc", "vertebra")
REGIONS: tuple[str, ...] = ("", "cervical", "thoracic", "lumbar")
#: How a label's text is anchored at its point (SVG ``text-anchor``).
ANCHORS: tuple[str, ...] = ("start", "middle", "end")
#: Widest outline drawn, px.
MAX_LINE_WIDTH = 20.0
#: Farthest a label may sit from the hip axis, mm (a course limit, far beyond any drawing).
MAX_COORD_MM = 100_000.0


def check_geometry(name: str, geom: object) -> SpineGeometry:
    """Return ``geom`` if it is a :class:`~widgets.model.spine.SpineGeometry`.

    Raises
    ------
    ValueError
        Naming ``name`` and the value, and saying where a geometry comes from.
    """
    return check_instance(name, geom, SpineGeometry, "a SpineGeometry (from widgets.build_spine)")


@dataclass(frozen=True)
class Outline:
    """One filled outline of the drawing.

    Attributes
    ----------
    name : str
        What it is: ``"pelvis"``, ``"disc L4-L5"``, ``"L4"`` ...
    kind : str
        ``"bone"``, ``"sacrum"``, ``"disc"`` or ``"vertebra"``.
    region : str
        ``"cervical"``, ``"thoracic"`` or ``"lumbar"`` for a vertebra, else ``""``.
    points : numpy.ndarray, shape (n, 2)
        The corners, mm (x forward, y up), not closed.
    opacity : float
        Fill opacity, 0 to 1.
    line_width : float
        Width of the outline, px.
    """

    name: str
    kind: str
    region: str
    points: np.ndarray
    opacity: float
    line_width: float

    def __post_init__(self) -> None:
        check_text("name", self.name)
        check_choice("outline kind", self.kind, KINDS)
        check_choice("region", self.region, REGIONS)
        points = self.points
        if not (
            isinstance(points, np.ndarray)
            and points.ndim == 2
            and points.shape[1] == 2
            and len(points) >= 1
            and points.dtype.kind == "f"
            and np.isfinite(points).all()
        ):
            raise ValueError(
                f"points must be a float array of shape (n, 2) of finite mm, got {describe(points)}"
            )
        check_in_range("opacity", self.opacity, 0.0, 1.0)
        check_in_range("line_width", self.line_width, 0.0, MAX_LINE_WIDTH, "px")

    @property
    def hover(self) -> str:
        """The name with its region, e.g. ``"L4 (lumbar)"``."""
        return f"{self.name} ({self.region})" if self.region else self.name


def outlines(geom: SpineGeometry) -> list[Outline]:
    """The outlines of ``geom`` in draw order (back to front).

    Pelvis, femoral head, skull and sacrum; then the 23 discs top to bottom; then the 24
    vertebral bodies C1 to L5. The hip axis is not an outline (see ``geom.hip_axis``).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    check_geometry("geom", geom)
    parts = [
        Outline("pelvis", "bone", "", geom.pelvis, 0.18, 1.5),
        Outline("femoral head", "bone", "", geom.femoral_head, 0.3, 1.5),
        Outline("skull", "bone", "", geom.skull, 0.18, 1.5),
        Outline("sacrum", "sacrum", "", geom.sacrum, 0.55, 1.5),
    ]
    parts += [
        Outline(f"disc {name}", "disc", "", corners, 0.45, 0.5)
        for name, corners in zip(geom.disc_names, geom.disc_corners, strict=True)
    ]
    parts += [
        Outline(level, "vertebra", region, corners, 0.75, 1.0)
        for level, region, corners in zip(geom.levels, geom.regions, geom.body_corners, strict=True)
    ]
    return parts


def x_extent(geom: SpineGeometry) -> tuple[float, float]:
    """Leftmost and rightmost x of the skull, pelvis and vertebrae, mm.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    check_geometry("geom", geom)
    xs = np.concatenate([geom.skull[:, 0], geom.pelvis[:, 0], geom.body_corners[..., 0].ravel()])
    return float(xs.min()), float(xs.max())


@dataclass(frozen=True)
class AngleLabel:
    """A label of the drawing: a regional curve's angle, or the three pelvis angles.

    Attributes
    ----------
    x, y : float
        Anchor point, mm (x forward, y up).
    lines : tuple of str
        The text, one entry per line; the last line of a regional label is the angle.
    region : str
        Region of a curve label (its colour), or ``""`` for the pelvis line.
    anchor : str
        ``"end"`` (the text ends at ``x``) or ``"middle"``.
    """

    x: float
    y: float
    lines: tuple[str, ...]
    region: str
    anchor: str

    def __post_init__(self) -> None:
        for name in ("x", "y"):
            value = check_in_range(name, getattr(self, name), -MAX_COORD_MM, MAX_COORD_MM, "mm")
            object.__setattr__(self, name, value)
        object.__setattr__(self, "lines", check_items("lines", self.lines, check_text, 1, "str"))
        check_choice("region", self.region, REGIONS)
        check_choice("anchor", self.anchor, ANCHORS)


def angle_labels(geom: SpineGeometry) -> list[AngleLabel]:
    """The labels of ``geom``: the three regional curves, then the pelvis angles.

    Each curve label ends 12 mm behind the region's vertebrae (to their left, as the
    person faces right), at their mean height; it gives the levels, the kind of curve and
    the angle measured on ``geom``. The last label, ``"PI 53° = PT 13° + SS
    40°"``, sits below the hip axis.

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    check_geometry("geom", geom)
    labels = []
    for region, (levels, kind, angle) in REGION_CURVES.items():
        pts = geom.body_corners[[r == region for r in geom.regions]].reshape(-1, 2)
        x = float(pts[:, 0].min()) - 12
        y = float(pts[:, 1].mean())
        labels.append(AngleLabel(x, y, (f"{levels} {kind}", f"{angle(geom):.0f}°"), region, "end"))
    pi, pt, ss = (
        measure.pelvic_incidence(geom),
        measure.pelvic_tilt(geom),
        measure.sacral_slope(geom),
    )
    text = f"PI {pi:.0f}° = PT {pt:.0f}° + SS {ss:.0f}°"
    labels.append(AngleLabel(0.0, PELVIS_LABEL_Y, (text,), "", "middle"))
    return labels


def size_note(geom: SpineGeometry) -> str:
    """How big ``geom`` is drawn against an adult, e.g. ``"31 % of adult size"``.

    ``""`` for an adult; else the spine's scale (:attr:`SpineGeometry.scale`) in percent.

    The child sizes come from the spine length by age of :mod:`widgets.model.growth`
    (web pages that name no study; the head is scaled by head circumference).

    Raises
    ------
    ValueError
        If ``geom`` is not a :class:`~widgets.model.spine.SpineGeometry`.
    """
    check_geometry("geom", geom)
    if geom.scale >= 1.0:
        return ""
    return f"{100 * geom.scale:.0f} % of adult size"


def titled(title: str, geom: SpineGeometry) -> str:
    """``title`` with the size note of ``geom`` added (``"Newborn · 31 % of adult size"``).

    Raises
    ------
    ValueError
        If ``title`` is not text or ``geom`` is not a geometry.
    """
    check_text("title", title)
    note = size_note(geom)
    return f"{title} · {note}" if note else title


def angles_sentence(geom: SpineGeometry) -> str:
    """The labels of ``geom`` as one line of text, e.g. for a screen reader.

    ``"C2–C7 lordosis 13°; T4–T12 kyphosis 41°; L1–S1 lordosis 50°; PI 53° = PT 13° + SS 40°"``
    """
    return "; ".join(" ".join(label.lines) for label in angle_labels(geom))


#: Horizontal gap between spines drawn side by side, mm.
GAP_MM = 140.0


def side_by_side(geoms: Sequence[SpineGeometry]) -> list[float]:
    """Horizontal shift of each spine drawn side by side, mm.

    The first spine stays at 0; each next one starts :data:`GAP_MM` to the right of the
    one before.

    Raises
    ------
    ValueError
        If ``geoms`` is not a list of :class:`~widgets.model.spine.SpineGeometry`.
    """
    geoms = check_items("geoms", geoms, check_geometry, 0, "SpineGeometry")
    shifts: list[float] = []
    right_edge = 0.0
    for geom in geoms:
        left, right = x_extent(geom)
        dx = 0.0 if not shifts else right_edge + GAP_MM - left
        shifts.append(dx)
        right_edge = dx + right
    return shifts
