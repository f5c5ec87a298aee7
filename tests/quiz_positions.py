#!/usr/bin/env python3
"""Count where the right answers of a portal's quizzes are: as written in YAML and as shown.

    python tests/quiz_positions.py [--portal DIR]

Prints, for single-choice questions, how often the right answer is option 1, 2, 3, …; for
multiple-choice questions, how many of their options are right; for true/false, how many
statements are true. "Shown" is the order of generator/quizdata.py, which the web quiz and the
printed handouts both use.
"""
from __future__ import annotations

import argparse
from collections import Counter

from generator.build import load_portal
from generator.labels import Labels
from generator.quizdata import quiz_view


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portal", default=".")
    portal = load_portal(parser.parse_args().portal)
    written: Counter[int] = Counter()
    shown: Counter[int] = Counter()
    multiple: Counter[str] = Counter()
    truefalse: Counter[bool] = Counter()
    for quiz in portal.quizzes:
        for q, qv in zip(quiz.questions, quiz_view(quiz, Labels()).questions, strict=True):
            if q.type == "single":
                written[next(i for i, o in enumerate(q.options) if o.correct) + 1] += 1
                shown[next(i for i, o in enumerate(qv.options) if o.correct) + 1] += 1
            elif q.type == "multiple":
                multiple[f"{sum(o.correct for o in q.options)} of {len(q.options)}"] += 1
            elif q.type == "truefalse":
                truefalse[bool(q.answer)] += 1
    total = sum(written.values())
    print(f"single choice, {total} questions")
    for label, counts in (("written", written), ("shown", shown)):
        print(f"  right answer {label:7}: " + ", ".join(f"option {k}: {counts[k]}" for k in sorted(counts)))
    print(f"multiple choice, {sum(multiple.values())} questions: "
          + ", ".join(f"{k} right: {v}" for k, v in sorted(multiple.items())))
    print(f"true/false, {sum(truefalse.values())} statements: {truefalse[True]} true, {truefalse[False]} false")


if __name__ == "__main__":
    main()
