"""Lesson 06 quotes the model's overshoot against Wilke as the model computes it."""

from widgets.content.lesson_text import segments
from widgets.figures.posture_check import overshoot_range
from widgets.model.trunk import TrunkPosture, trunk_load


def test_lesson_06_overshoot_range_matches_the_model():
    text = "\n".join(s.text for s in segments("06") if s.markdown)
    low, high = overshoot_range()
    assert f"about **{low:.1f} to {high:.1f} times** Wilke's" in text


def test_lesson_06_quotes_the_model_compression_for_the_niosh_lift():
    # the NIOSH load constant, 23 kg (Waters 1993), lifted 45 deg forward, close to the body
    compression = trunk_load(TrunkPosture(flexion=45, load=23, load_distance=0.1)).compression
    text = "\n".join(s.text for s in segments("06") if s.markdown)
    assert f"a compression of about {round(compression, -2):,.0f} N" in text
