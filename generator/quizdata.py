"""A quiz as plain data, shared by the interactive quiz, the printable answer key and tests.

True/false questions become two options here, so every renderer handles one shape only.

Options are shown in a fixed shuffled order decided here, in the data layer, so the web quiz,
the printed handout and its answer key always agree. The order comes from SHA-256 of the quiz
id, the question and the option text: the same sources give the same order on every build and
under every PYTHONHASHSEED. Editors tend to write the right answer in the same place (in the
first demo, 25 of 32 single-choice questions had it second), so for single-choice questions
the right answer goes to the display position used least so far in the quiz; ties are broken by
the hash. A question with ``keep_order: true`` keeps its written order (levels A1, A2, B1).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

from generator.labels import Labels
from generator.model import Question, Quiz


@dataclass(frozen=True)
class OptionView:
    key: str          # stable id within the question: "a", "b", … by written order (or "waar"/"niet-waar")
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
    lines: int = 0    # writing lines on paper for an open question (0 for the other types)

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


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def option_orders(quiz: Quiz) -> list[list[int]]:
    """Per question, the indexes of its written options in display order ([] without options)."""
    used: Counter[int] = Counter()  # display positions of the right answer in single questions so far
    orders: list[list[int]] = []
    for q in quiz.questions:
        n = len(q.options)
        order = list(range(n))
        if n and not q.keep_order:
            texts = [o.text for o in q.options]
            order.sort(key=lambda i: _digest(quiz.id or "", q.question, texts[i]))
            if q.type == "single":
                right = _right_index(q)
                fewest = min(used[p] for p in range(n))
                free = [p for p in range(n) if used[p] == fewest]
                target = free[int.from_bytes(_digest(quiz.id or "", q.question), "big") % len(free)]
                order.remove(right)
                order.insert(target, right)
        if n and q.type == "single":
            used[order.index(_right_index(q))] += 1
        orders.append(order)
    return orders


def _right_index(q: Question) -> int:
    return next(i for i, o in enumerate(q.options) if o.correct)


# Three lines hold a sentence or two; a question asking for more sets 'lines' itself.
DEFAULT_WRITING_LINES = 3


def quiz_view(quiz: Quiz, labels: Labels) -> QuizView:
    questions = []
    for number, (q, order) in enumerate(zip(quiz.questions, option_orders(quiz), strict=True), 1):
        if q.type == "truefalse":
            options = tuple(
                OptionView(key, label, q.answer is value, q.explanation)
                for key, label, value in (("waar", labels["true"], True), ("niet-waar", labels["false"], False)))
        else:
            # Keys follow the written order, so answers saved in the browser survive a reshuffle.
            options = tuple(OptionView(chr(ord("a") + i), q.options[i].text, q.options[i].correct,
                                       q.options[i].feedback) for i in order)
        lines = (q.lines or DEFAULT_WRITING_LINES) if q.type == "open" else 0
        questions.append(QuestionView(number, q.type, q.question, options, q.model_answer, q.explanation, lines))
    return QuizView(quiz.id or "", quiz.title, quiz.module, quiz.intro, tuple(questions))
