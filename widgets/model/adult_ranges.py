"""Where adult values of the three spinal curves lie, from ``data/adult_ranges.csv``.

Each curve has one band, read from three sourced rows of the table: ``low`` and ``high``
(deg) and ``n``, the number of people behind it (the ``n`` row's note says who they were).
The ``band`` column says what the band is:

- ``sd``: the mean +/- 1 standard deviation (SD) of people: about 2 in 3 people lie inside
  (the low and upper back, Vialle 2005: one cohort of 300 asymptomatic adults, the
  cohort of the adult-mean preset; its means and SDs are from memory);
- ``ci95``: the 95 % confidence interval of the *mean* (the neck, Guo 2018). It says how
  sure the source is of the average and is much narrower than the spread of people.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from widgets.data import Row, load_table
from widgets.validation import check_choice, check_in_range, check_int_in_range, check_text

#: The curves that have an adult band, in drawing order (widest band first).
CURVES: tuple[str, ...] = ("lumbar_lordosis", "thoracic_kyphosis", "cervical_lordosis")

#: What each kind of band is, in plain words.
BAND_KINDS: dict[str, str] = {
    "sd": "mean ± 1 standard deviation of people",
    "ci95": "95 % confidence interval of the mean",
}


@dataclass(frozen=True)
class AdultRange:
    """Where adult values of one curve lie, as given by one source.

    Attributes
    ----------
    parameter : str
        The curve, one of :data:`CURVES`.
    low, high : float
        The band, deg.
    kind : str
        ``"sd"`` (mean +/- 1 SD of people) or ``"ci95"`` (95 % confidence interval of
        the mean); see :data:`BAND_KINDS`.
    n : int
        Number of people behind the band.
    cohort : str
        Who they were, e.g. ``"standing adult volunteers"``.
    source : str
        Citation key of the band.
    """

    parameter: str
    low: float
    high: float
    kind: str
    n: int
    cohort: str
    source: str

    def __post_init__(self) -> None:
        check_choice("curve", self.parameter, CURVES)
        low = check_in_range("low", self.low, -180, 180, "deg")
        high = check_in_range("high", self.high, -180, 180, "deg")
        if not low < high:
            raise ValueError(f"low must be below high, got low = {low:g}, high = {high:g} deg")
        object.__setattr__(self, "low", low)
        object.__setattr__(self, "high", high)
        check_choice("band kind", self.kind, tuple(BAND_KINDS))
        check_int_in_range("n", self.n, 1, 10**9, "people")
        check_text("cohort", self.cohort)
        check_text("source", self.source)

    @property
    def is_sd(self) -> bool:
        """True if the band is the spread of people (mean +/- 1 SD)."""
        return self.kind == "sd"

    @property
    def centre(self) -> float:
        """Middle of the band (for an SD band, the mean), deg."""
        return round((self.low + self.high) / 2, 2)

    @property
    def half_width(self) -> float:
        """Half the width of the band (for an SD band, the SD), deg."""
        return round((self.high - self.low) / 2, 2)

    @property
    def description(self) -> str:
        """The band in one plain sentence, with its cohort, e.g. for a hover text."""
        who = f"{self.n:,} {self.cohort}"
        if self.is_sd:
            return f"mean {self.centre:.3g}° ± 1 SD {self.half_width:.3g}° ({who})"
        return (
            f"95 % confidence interval of the mean, {self.low:.1f}–{self.high:.1f}° "
            f"({who}; the spread of people is wider)"
        )


def _band(parameter: str, rows: dict[str, Row], kind: str) -> AdultRange:
    missing = {"low", "high", "n"} - set(rows)
    if missing:
        raise ValueError(f"adult_ranges.csv: {parameter} lacks the rows {sorted(missing)}")
    low, high, n = rows["low"], rows["high"], rows["n"]
    if n.value != int(n.value):
        raise ValueError(f"adult_ranges.csv: {parameter} n = {n.value:g} is not a count")
    if len({low.source, high.source, n.source}) != 1:
        raise ValueError(f"adult_ranges.csv: the rows of {parameter} cite different sources")
    try:
        return AdultRange(parameter, low.value, high.value, kind, int(n.value), n.note, low.source)
    except ValueError as err:
        raise ValueError(f"adult_ranges.csv: {parameter}: {err}") from None


def _load() -> MappingProxyType[str, AdultRange]:
    rows: dict[str, dict[str, Row]] = {}
    kinds: dict[str, str] = {}
    for row in load_table("adult_ranges"):
        parameter, kind, bound = row.key
        check_choice("adult-range curve", parameter, CURVES)
        check_choice("adult-range band", kind, tuple(BAND_KINDS))
        check_choice("adult-range bound", bound, ("low", "high", "n"))
        if kinds.setdefault(parameter, kind) != kind:
            raise ValueError(
                f"adult_ranges.csv: {parameter} mixes the bands {kinds[parameter]} and {kind}"
            )
        rows.setdefault(parameter, {})[bound] = row
    return MappingProxyType({p: _band(p, rows.get(p, {}), kinds.get(p, "")) for p in CURVES})


#: The adult band of each curve of :data:`CURVES`.
ADULT_RANGES: MappingProxyType[str, AdultRange] = _load()


def adult_range(parameter: str) -> AdultRange:
    """The adult band of one curve.

    Parameters
    ----------
    parameter : str
        One of :data:`CURVES`.

    Raises
    ------
    ValueError
        If ``parameter`` has no adult band; the message names ``parameter`` and lists the
        valid names.
    """
    check_choice("parameter", parameter, CURVES, what="curve")
    return ADULT_RANGES[parameter]
