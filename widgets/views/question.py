"""Predict-then-check questions: choose an answer, press Check, read the feedback."""

from __future__ import annotations

import html
from collections.abc import Mapping

import ipywidgets as ipw

from widgets.content.lesson_content import content
from widgets.content.page_style import styled
from widgets.validation import check_choice, check_text


class Question(ipw.VBox):
    """A multiple-choice question with feedback for every option.

    Parameters
    ----------
    prompt : str
        The question.
    options : mapping of str to str
        Each answer option mapped to the feedback shown when it is checked.
    answer : str
        The correct option (a key of ``options``).
    """

    def __init__(self, prompt: str, options: Mapping[str, str], answer: str) -> None:
        check_text("prompt", prompt)
        if not isinstance(options, Mapping):
            raise ValueError(
                "options must map each answer option (text) to its feedback (text), "
                f"got {type(options).__name__} {options!r}"
            )
        for option, feedback in options.items():
            check_text("each key of options", option)
            if not isinstance(feedback, str):
                raise ValueError(
                    f"options[{option!r}] (the feedback for that option) must be text, "
                    f"got {feedback!r}"
                )
        if len(options) < 2:
            raise ValueError(f"a question needs at least 2 options, got {len(options)}")
        check_choice("answer", answer, tuple(options))
        self.answer = answer
        self.feedback_for = dict(options)
        self.choice = ipw.RadioButtons(options=list(options), value=None, layout={"width": "auto"})
        self.check = ipw.Button(description="Check", icon="check", button_style="")
        self.feedback = ipw.HTML(layout={"min_height": "1.5em"})
        self.check.on_click(lambda _button: self.reveal())
        label = ipw.HTML(styled(f"<b>{html.escape(prompt)}</b>"))
        super().__init__([label, self.choice, self.check, self.feedback])
        self.add_class("gs-question")

    def reveal(self) -> bool | None:
        """Show feedback for the chosen option; return whether it is right (None if no choice)."""
        chosen = self.choice.value
        if chosen is None:
            self.feedback.value = "<i>Pick an answer first.</i>"
            return None
        right = chosen == self.answer
        mark = "✓ Right." if right else "✗ Not quite."
        colour = "var(--jp-success-color1, #2e7d32)" if right else "var(--jp-warn-color1, #b26a00)"
        text = html.escape(self.feedback_for[chosen])
        self.feedback.value = f"<span style='color:{colour}'><b>{mark}</b></span> {text}"
        return right


def question(prompt: str, options: Mapping[str, str], answer: str) -> Question:
    """Build a :class:`Question` (a convenience for lesson cells)."""
    return Question(prompt, options, answer)


def ask(lesson: str, question_id: str) -> Question:
    """The predict-then-check question ``question_id`` of ``lesson`` (from its content file)."""
    questions = {q["id"]: q for q in content(lesson).get("question", [])}
    what = f"question of lesson {lesson}"
    q = questions[
        check_choice("question_id", question_id, questions, what=what, plural="questions")
    ]
    return Question(q["prompt"], q["options"], q["answer"])
