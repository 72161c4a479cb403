import pytest

from widgets.views.question import question


def test_feedback_for_right_and_wrong_answers():
    q = question("Which curve does a newborn have?", {"C": "Yes, one C.", "S": "Not yet."}, "C")
    assert q.reveal() is None
    assert "Pick an answer" in q.feedback.value
    q.choice.value = "S"
    assert q.reveal() is False
    assert "Not yet." in q.feedback.value
    q.choice.value = "C"
    q.check.click()
    assert "✓ Right." in q.feedback.value


def test_answer_must_be_an_option():
    with pytest.raises(ValueError, match="answer 'X' is not one of the options: A, B"):
        question("?", {"A": "", "B": ""}, "X")
