"""The chin angle lying down, with the spread over the model's neck and tissue assumptions.

Teaching model. Nobody has measured the chin angle lying down per breath or per lift, so the
model gives its value with a range: the smallest and largest over every neck share of
:data:`widgets.model.supine_settle.NECK_VARIANTS` and the default, low and high soft-tissue
thicknesses (the ``*_low`` and ``*_high`` rows of ``supine.csv``), sized to the preset. Every
variant lies on the pillow as the default pose places it (under the head only, or under the
shoulders too): where a variant's neck could not bring the head up to the pillow top the default
reaches, its head stays below the top (as if sunk into the pillow), a neck joint at its limit;
where its neck reaches its extension limit first, the head stays above the pillow top or the bed
(the adult mean with bent knees and no pillow: the even share with the thickest tissue, about 1
mm; 19 mm, and 13 mm with the upper-neck share, while the adult-mean preset mixed cohorts and
stood 97 mm forward), and its chin angle is the one at that limit.
"""

from __future__ import annotations

from dataclasses import replace

from widgets.data import value
from widgets.model import measure
from widgets.model.supine_contact import Tissue
from widgets.model.supine_legs import HEADWARD
from widgets.model.supine_params import LIMITS, SupineParams, check_params, sized
from widgets.model.supine_settle import NECK_VARIANTS, settled
from widgets.validation import check_in_range


def _supine(name: str) -> float:
    return value("supine", name)


def _chin(params: SupineParams, lift: float, breath: float, tissue: Tissue, neck: str) -> float:
    """Head pitch (deg, chin up positive) of the settled pose, the pillow placed as by default.

    The pillow's place (under the head only, or under the shoulders too) is the one the
    default pose chooses: it is part of the scene the learner sees, not a neck or tissue
    assumption, so every variant lies on the same pillow.
    """
    _, prop, edge = settled(params)
    geom = settled(params, lift, breath, tissue, neck, prop, edge)[0]
    return measure.head_pitch(geom, HEADWARD)


def _tissue_variants(spine: str) -> tuple[Tissue, ...]:
    def end(side: str) -> Tissue:
        return Tissue(
            buttock=_supine(f"buttock_tissue_thickness_{side}"),
            back=_supine(f"back_tissue_thickness_{side}"),
            scalp=_supine(f"scalp_tissue_thickness_{side}"),
        )

    return tuple(sized(t, spine) for t in (Tissue(), end("low"), end("high")))


def chin_range(
    params: SupineParams, lift: float = 0.0, breath: float = 0.0
) -> tuple[float, float, float]:
    """Chin angle (head pitch, deg, chin up positive) with its spread: ``(value, low, high)``.

    ``value`` is the default pose's (:func:`widgets.model.supine.supine_pose`); ``low`` and
    ``high`` are the smallest and largest over every neck share of :data:`NECK_VARIANTS` and
    the default, low and high tissue thicknesses (the ``*_low`` and ``*_high`` rows of
    ``supine.csv``, :func:`sized` to the preset). Nobody has measured the chin angle lying
    down per breath or lift, so this spread is the model's uncertainty.

    Raises
    ------
    ValueError
        If ``params`` is not :class:`SupineParams` or ``lift`` or ``breath`` is not a finite
        number in [0, 1].
    """
    params = check_params(params)
    lift = check_in_range("lift", lift, 0.0, 1.0)
    breath = check_in_range("breath", breath, 0.0, 1.0)
    value_ = _chin(params, lift, breath, sized(Tissue(), params.spine), "rom")
    values = [
        _chin(params, lift, breath, t, n)
        for t in _tissue_variants(params.spine)
        for n in NECK_VARIANTS
    ]
    return value_, min(values), max(values)


#: The moments :func:`chin_changes` reports: name -> (lift fraction, breath fraction, depth).
MOMENTS: tuple[str, ...] = ("rest", "quiet breath", "deepest breath", "default lift")


def chin_changes(params: SupineParams | None = None) -> dict[str, tuple[float, float, float]]:
    """Chin angle at rest and its change for a quiet breath, the deepest breath, the lift.

    Returns ``{moment: (value, low, high)}`` in deg: the resting angle, then the change from
    rest at the top of a quiet breath (``params.breath_depth``), of the deepest breath
    (``breath_depth_max``) and of the lift (``params.lift_range``), each with its spread
    over the same variants as :func:`chin_range` (the change is taken within each variant).

    Raises
    ------
    ValueError
        If ``params`` is neither ``None`` nor :class:`SupineParams`.
    """
    params = SupineParams() if params is None else check_params(params)
    deepest = replace(params, breath_depth=LIMITS["breath_depth"][1])
    cases = {
        "quiet breath": (params, 0.0, 1.0),
        "deepest breath": (deepest, 0.0, 1.0),
        "default lift": (params, 1.0, 0.0),
    }
    out = {"rest": chin_range(params)}
    for name, (p, lift, breath) in cases.items():
        deltas = [
            _chin(p, lift, breath, t, n) - _chin(p, 0.0, 0.0, t, n)
            for t in _tissue_variants(p.spine)
            for n in NECK_VARIANTS
        ]
        out[name] = (deltas[0], min(deltas), max(deltas))
    return out
