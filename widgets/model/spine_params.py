"""Regional angles that define a sagittal spine, their allowed ranges, and the named presets."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from widgets.data import Row, load_table
from widgets.validation import check_choice, check_in_range

#: Allowed range of each regional angle, in degrees. Wide enough for every preset and for
#: the mean +/- 3 SD of the adult data, with the citation keys of ``adult_ranges.csv`` and
#: ``presets.csv``: neck [guo2018] (its band is a 95 % CI of the mean, not an SD); upper back,
#: low back and pelvis from one cohort of 300 asymptomatic adults [vialle2005] (means and SDs
#: from memory); the pelvis's normal spread [macthiong2011].
RANGES: dict[str, tuple[float, float]] = {
    "cervical_lordosis": (-40.0, 60.0),
    "thoracic_kyphosis": (-10.0, 90.0),
    "lumbar_lordosis": (-40.0, 95.0),
    "pelvic_incidence": (20.0, 90.0),
    "pelvic_tilt": (-20.0, 50.0),
}
#: Allowed sacral slope (= pelvic incidence - pelvic tilt), in degrees.
SACRAL_SLOPE_RANGE: tuple[float, float] = (-10.0, 70.0)

LABELS: dict[str, str] = {
    "cervical_lordosis": "neck curve (cervical lordosis, C2–C7)",
    "thoracic_kyphosis": "upper-back curve (thoracic kyphosis, T4–T12)",
    "lumbar_lordosis": "low-back curve (lumbar lordosis, L1–S1)",
    "pelvic_incidence": "pelvic incidence",
    "pelvic_tilt": "pelvic tilt",
}


@dataclass(frozen=True)
class SpineParams:
    """Regional sagittal angles of a spine, in degrees (Cobb angles, standing frame).

    Parameters
    ----------
    cervical_lordosis : float
        C2–C7 Cobb angle, deg; positive = lordosis (curving backward), negative = kyphosis.
    thoracic_kyphosis : float
        T4–T12 Cobb angle, deg; positive = kyphosis.
    lumbar_lordosis : float
        L1–S1 Cobb angle, deg; positive = lordosis.
    pelvic_incidence : float
        Pelvic incidence, deg: a fixed shape of the adult pelvis.
    pelvic_tilt : float
        Pelvic tilt, deg: positive when the hip axis lies in front of the S1 endplate.

    Raises
    ------
    ValueError
        If any angle is not finite or lies outside :data:`RANGES`, or if the implied
        sacral slope lies outside :data:`SACRAL_SLOPE_RANGE`.
    """

    cervical_lordosis: float
    thoracic_kyphosis: float
    lumbar_lordosis: float
    pelvic_incidence: float
    pelvic_tilt: float

    def __post_init__(self) -> None:
        for f in fields(self):
            low, high = RANGES[f.name]
            checked = check_in_range(f.name, getattr(self, f.name), low, high, "deg")
            object.__setattr__(self, f.name, checked)
        check_in_range(
            "sacral_slope (pelvic_incidence - pelvic_tilt)",
            self.sacral_slope,
            *SACRAL_SLOPE_RANGE,
            "deg",
        )

    @property
    def sacral_slope(self) -> float:
        """Sacral slope in degrees, from PI = PT + SS (Legaye 1998)."""
        return self.pelvic_incidence - self.pelvic_tilt

    def as_dict(self) -> dict[str, float]:
        """The five angles as a plain dict."""
        return asdict(self)


def _preset_rows() -> dict[str, dict[str, Row]]:
    table: dict[str, dict[str, Row]] = {}
    for row in load_table("presets"):
        name, parameter = row.key
        table.setdefault(name, {})[parameter] = row
    return table


PRESETS: tuple[str, ...] = tuple(_preset_rows())


def preset_sources(name: str) -> dict[str, Row]:
    """The sourced table rows behind preset ``name``, by parameter.

    Raises
    ------
    ValueError
        If ``name`` is not a preset; the message names ``name`` and lists the valid names.
    """
    check_choice("name", name, PRESETS, what="preset")
    return _preset_rows()[name]


def preset(name: str) -> SpineParams:
    """The regional angles of a named preset (see :data:`PRESETS`).

    Raises
    ------
    ValueError
        If ``name`` is not a preset; the message lists the valid names.
    """
    rows = preset_sources(name)
    return SpineParams(**{k: rows[k].value for k in RANGES})


def is_illustrative(name: str) -> bool:
    """True if any angle of preset ``name`` is an illustrative (unsourced) value."""
    return any(r.status == "illustrative" for r in preset_sources(name).values())
