"""Lesson 06 quotes the model's overshoot against Wilke as the model computes it."""

from widgets.content.lesson_text import segments
from widgets.figures.posture_check import overshoot_range


def test_lesson_06_overshoot_range_matches_the_model():
    text = "\n".join(s.text for s in segments("06") if s.markdown)
    low, high = overshoot_range()
    assert f"about **{low:.1f} to {high:.1f} times** Wilke's" in text
