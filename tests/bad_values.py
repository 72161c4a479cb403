"""Hypothesis strategies for bad input, and the check that an error message names it.

Shared by the ``test_bad_input*.py`` files; import it as ``from tests.bad_values import ...``
(pytest's ``--import-mode=importlib`` resolves ``tests`` from the repository root).
"""

import math
import sys

from hypothesis import strategies as st

#: Values that are not numbers at all (bools included: they are never numbers here).
NOT_A_NUMBER = st.one_of(
    st.none(),
    st.booleans(),
    st.text(max_size=4),
    st.lists(st.floats(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.builds(object),
)
#: NaN and the infinities.
NOT_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])
#: Values that are not text.
NOT_TEXT = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.text(max_size=2), max_size=2)
)
#: Values that are not True or False (numbers, 0 and 1 included, text, None).
NOT_A_FLAG = st.one_of(
    st.none(), st.integers(), st.floats(), st.text(max_size=3), st.sampled_from([0, 1, 0.0, 1.0])
)


def outside(low: float, high: float) -> st.SearchStrategy:
    """Finite numbers (floats and ints, huge ones too) outside ``[low, high]``."""
    finite = {"allow_nan": False, "allow_infinity": False}
    return st.one_of(
        st.floats(max_value=low, exclude_max=True, **finite),
        st.floats(min_value=high, exclude_min=True, **finite),
        st.integers(max_value=math.ceil(low) - 1),
        st.integers(min_value=math.floor(high) + 1),
        st.sampled_from([-(2**64), 2**64, 10**400]),  # beyond int64 and beyond a float
    )


def bad_number(low: float, high: float) -> st.SearchStrategy:
    """Anything but a finite number in ``[low, high]``."""
    return st.one_of(NOT_A_NUMBER, NOT_FINITE, outside(low, high))


def not_one_of(choices) -> st.SearchStrategy:
    """Anything but one of the strings ``choices``."""
    return st.one_of(NOT_TEXT, st.text(max_size=12).filter(lambda s: s not in choices))


def assert_names(message: str, name: str, bad: object) -> None:
    """The message names the parameter and shows the value (its repr, type or number)."""
    assert name in message, message
    shown = {type(bad).__name__, repr(bad)[:15]}
    if isinstance(bad, int | float) and not isinstance(bad, bool):
        shown.add(f"{float(bad):g}" if abs(bad) <= sys.float_info.max else repr(bad)[:15])
    assert any(s in message for s in shown), message
