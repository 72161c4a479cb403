"""The properties of the model disc and its state: defaults from ``disc.csv``, limits, checks.

Part of the disc model (:mod:`widgets.model.disc` states its assumptions). Every default is a
row of ``widgets/data/disc.csv`` with its source and status: the measured ones (height, swelling
pressure, permeability) are ``confirmed`` or ``derived``; the compliance, both time constants,
the recovery ratio, the shares of the two compartments and the prestress gain are ``fitted``,
chosen so that the model reproduces the published diurnal, creep and pressure data (the note
of each row says which; ``tests/model/test_disc_validation.py`` checks every target).

Units: time h, pressure MPa, height mm, fluid mm3 (1000 mm3 = 1 mL).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from types import MappingProxyType

from widgets.data import lookup, value
from widgets.validation import check_in_range, check_instance, check_number


def _disc(name: str) -> float:
    return value("disc", name)


#: The settings of :class:`DiscParams`, in order.
SETTINGS: tuple[str, ...] = (
    "height",
    "area",
    "water_fraction",
    "swelling_pressure",
    "permeability",
    "compliance",
    "share_fast",
    "share_slow",
    "tau_fast",
    "tau_slow",
    "recovery_ratio",
    "prestress_gain",
)
#: Default of each setting: its row of ``disc.csv`` (each with its source).
DEFAULTS: MappingProxyType[str, float] = MappingProxyType({n: _disc(n) for n in SETTINGS})
#: Unit of each setting, from ``disc.csv``.
UNITS: MappingProxyType[str, str] = MappingProxyType({n: lookup("disc", n).unit for n in SETTINGS})
#: Allowed range of each setting (wide enough for a degenerate or an invented disc).
LIMITS: MappingProxyType[str, tuple[float, float]] = MappingProxyType(
    {
        "height": (2.0, 25.0),
        "area": (100.0, 5000.0),
        "water_fraction": (0.1, 0.95),
        "swelling_pressure": (0.0, 1.0),
        "permeability": (1e-17, 1e-13),
        "compliance": (0.01, 50.0),
        "share_fast": (0.0, 1.0),
        "share_slow": (0.0, 1.0),
        "tau_fast": (0.001, 100.0),
        "tau_slow": (0.001, 1000.0),
        "recovery_ratio": (0.1, 20.0),
        "prestress_gain": (0.0, 0.01),
    }
)
#: Permeability at which the time constants were fitted, m4/(N s).
REFERENCE_PERMEABILITY: float = DEFAULTS["permeability"]
#: Fluid lost by the fast and slow compartments at the end of the reference day (the evening),
#: mm3: the table pressures are taken to hold in this state.
EVENING_LOSS: tuple[float, float] = (_disc("evening_loss_fast"), _disc("evening_loss_slow"))
EVENING_FLUID_LOSS: float = sum(EVENING_LOSS)


@dataclass(frozen=True)
class DiscParams:
    """Properties of the model disc; defaults are the rows of ``disc.csv`` (see their sources).

    Parameters
    ----------
    height : float
        Height unloaded at full hydration, mm.
    area : float
        Cross-section, mm2.
    water_fraction : float
        Water share of the disc volume at full hydration.
    swelling_pressure : float
        Swelling pressure at full hydration, MPa (degenerate nucleus: 0.037).
    permeability : float
        Hydraulic permeability, m4/(N s); the time constants scale with its inverse.
    compliance : float
        Equilibrium height change per MPa of load above the swelling pressure, mm/MPa.
    share_fast, share_slow : float
        Shares of the equilibrium displacement in the fast and slow compartments (sum <= 1;
        the rest is elastic).
    tau_fast, tau_slow : float
        Time constants while losing fluid at the reference permeability, h.
    recovery_ratio : float
        How many times slower both compartments regain fluid than they lose it.
    prestress_gain : float
        Pressure read-out rise per mm3 of fluid regained since the reference evening, MPa/mm3.

    Raises
    ------
    ValueError
        If a value is not a finite number in :data:`LIMITS` or the shares sum to more than 1.
    """

    height: float = DEFAULTS["height"]
    area: float = DEFAULTS["area"]
    water_fraction: float = DEFAULTS["water_fraction"]
    swelling_pressure: float = DEFAULTS["swelling_pressure"]
    permeability: float = DEFAULTS["permeability"]
    compliance: float = DEFAULTS["compliance"]
    share_fast: float = DEFAULTS["share_fast"]
    share_slow: float = DEFAULTS["share_slow"]
    tau_fast: float = DEFAULTS["tau_fast"]
    tau_slow: float = DEFAULTS["tau_slow"]
    recovery_ratio: float = DEFAULTS["recovery_ratio"]
    prestress_gain: float = DEFAULTS["prestress_gain"]

    def __post_init__(self) -> None:
        for name in SETTINGS:
            low, high = LIMITS[name]
            checked = check_in_range(name, getattr(self, name), low, high, UNITS[name])
            object.__setattr__(self, name, checked)
        if self.share_fast + self.share_slow > 1.0:
            raise ValueError(
                f"share_fast + share_slow = {self.share_fast + self.share_slow:g} must not "
                "exceed 1 (the rest of the displacement is elastic)"
            )

    @property
    def water(self) -> float:
        """Water volume at full hydration, mm3."""
        return self.area * self.height * self.water_fraction

    @property
    def elastic(self) -> float:
        """Instant elastic height change per MPa, mm/MPa."""
        return (1.0 - self.share_fast - self.share_slow) * self.compliance

    def capacities(self) -> tuple[float, float]:
        """Equilibrium fluid loss per MPa of the fast and slow compartments, mm3/MPa."""
        per_mpa = self.compliance * self.area
        return self.share_fast * per_mpa, self.share_slow * per_mpa

    def time_constants(self) -> tuple[float, float]:
        """Time constants of the fast and slow compartments while losing fluid, h."""
        scale = REFERENCE_PERMEABILITY / self.permeability
        return self.tau_fast * scale, self.tau_slow * scale


@dataclass(frozen=True)
class DiscState:
    """Fluid lost by each compartment below full hydration, mm3 (negative: above it)."""

    fast: float = 0.0
    slow: float = 0.0

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, check_number(f.name, getattr(self, f.name), "mm3"))

    @property
    def total(self) -> float:
        """Fluid lost by the whole disc, mm3."""
        return self.fast + self.slow


def evening_state() -> DiscState:
    """The default disc at the end of the reference day (:data:`EVENING_LOSS`).

    The usual start of a night or of an evening session of lifts.
    """
    return DiscState(*EVENING_LOSS)


def as_params(params: object) -> DiscParams:
    """``params`` if it is a :class:`DiscParams`; the defaults for ``None``.

    Raises
    ------
    ValueError
        For anything else (naming ``params`` and what it must be).
    """
    if params is None:
        return DiscParams()
    return check_instance("params", params, DiscParams, "a DiscParams (or None)")


def as_state(start: object) -> DiscState:
    """``start`` if it is a :class:`DiscState`; :func:`evening_state` for ``None``.

    Raises
    ------
    ValueError
        For anything else (naming ``start`` and what it must be).
    """
    if start is None:
        return evening_state()
    return check_instance("start", start, DiscState, "a DiscState (or None)")
