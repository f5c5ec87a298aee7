"""A quiz as plain data, shared by the interactive quiz, the printable answer key and tests.

True/false questions become two options here, so every renderer handles one shape only.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.labels import Labels
from generator.model import Quiz


@dataclass(frozen=True)
class OptionView:
    key: str          # stable id within the question: "a", "b", … (or "waar"/"niet-waar")
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class QuestionView:
    number: int       # 1-based
    type: str         # single | multiple | truefalse | open
    text: str
    options: tuple[OptionView, ...]
    model_answer: str | None
    explanation: str

    @property
    def correct_options(self) -> tuple[OptionView, ...]:
        return tuple(o for o in self.options if o.correct)


@dataclass(frozen=True)
class QuizView:
    id: str
    title: str
    module: str
    intro: str | None
    questions: tuple[QuestionView, ...]


def quiz_view(quiz: Quiz, labels: Labels) -> QuizView:
    questions = []
    for number, q in enumerate(quiz.questions, 1):
        if q.type == "truefalse":
            options = tuple(
                OptionView(key, label, q.answer is value, q.explanation)
                for key, label, value in (("waar", labels["true"], True), ("niet-waar", labels["false"], False)))
        else:
            options = tuple(OptionView(chr(ord("a") + i), o.text, o.correct, o.feedback)
                            for i, o in enumerate(q.options))
        questions.append(QuestionView(number, q.type, q.question, options, q.model_answer, q.explanation))
    return QuizView(quiz.id or "", quiz.title, quiz.module, quiz.intro, tuple(questions))
