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
    with pytest.raises(ValueError, match="unknown answer 'X'; valid answers: A, B"):
        question("Which?", {"A": "", "B": ""}, "X")


@pytest.mark.parametrize(
    ("prompt", "options", "answer", "message"),
    [
        (None, {"A": "", "B": ""}, "A", "prompt must be text"),
        ("  ", {"A": "", "B": ""}, "A", "prompt must not be empty"),
        ("Which?", ["A", "B"], "A", "options must map each answer option"),
        ("Which?", {"A": ""}, "A", "at least 2 options"),
        ("Which?", {"A": "", 2: ""}, "A", r"each key of options must be text \(a str\), got int 2"),
        ("Which?", {"A": 1, "B": ""}, "A", r"options\['A'\] \(the feedback .*\) must be text"),
        ("Which?", {"A": "", "B": ""}, ["A"], "unknown answer"),
    ],
)
def test_bad_questions_are_refused_at_the_call(prompt, options, answer, message):
    with pytest.raises(ValueError, match=message):
        question(prompt, options, answer)
