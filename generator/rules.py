"""Content rules: what an editor must keep true beyond the schema, checked by ``check``.

The schema (model.py) says what each file may contain and build.py that every id a file names
exists. Rules see the whole validated Portal and say what makes it *right*: the activities of a
module fill its time, every module has its quiz, no theme is written for nobody. A rule is a
function ``(portal, findings) -> None`` registered with :func:`rule`; it reports an error (exit
1, nothing built) or a warning (shown, the build goes on) at a file position, so it runs for
every organisation's portal — not only in the demo's tests.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from generator.errors import ErrorCollector
from generator.portal import Portal, SourceRef
from generator.quizdata import option_orders
from generator.yaml_source import Loc, SourceFile


class Findings:
    """Where rules report: ``of`` names the source (``SourceRef("module", id)``, …) as in
    Portal.sources, ``loc`` the place inside it (``("activities", 2, "minutes")``)."""

    def __init__(self, sources: Mapping[SourceRef, SourceFile], errors: ErrorCollector) -> None:
        self._sources = sources
        self._errors = errors

    def _at(self, of: SourceRef, loc: Loc) -> tuple[SourceFile | None, int, int]:
        source = self._sources.get(of)
        line, col = source.position(loc) if source else (1, 1)
        return source, line, col

    def error(self, of: SourceRef, loc: Loc, message: str, hint: str = "") -> None:
        source, line, col = self._at(of, loc)
        self._errors.add(source.path if source else str(of), line, col, message, hint)

    def warning(self, of: SourceRef, loc: Loc, message: str, hint: str = "") -> None:
        source, line, col = self._at(of, loc)
        self._errors.warn(source.path if source else str(of), line, col, message, hint)


Rule = Callable[[Portal, Findings], None]
RULES: list[Rule] = []


def rule(func: Rule) -> Rule:
    """Register a content rule; rules run in registration order after all references resolve."""
    RULES.append(func)
    return func


def run_rules(portal: Portal, findings: Findings) -> None:
    for check in RULES:
        check(portal, findings)


@rule
def activities_leave_time(portal: Portal, findings: Findings) -> None:
    """A module's 'duration' covers explaining its sections, the activities and discussing them
    (issue 12): activities that fill the whole duration leave the trainer no time to present
    the theory, so the programme on paper cannot be kept."""
    for module in portal.modules:
        total = sum(activity.minutes for activity in module.activities)
        if module.activities and total >= module.duration:
            findings.error(SourceRef("module", module.id), ("duration",),
                           f"the activities take {total} of the module's {module.duration} minutes: "
                           "no time is left to explain the sections and discuss them",
                           "make 'duration' longer or shorten an activity's 'minutes'")


@rule
def module_has_quiz(portal: Portal, findings: Findings) -> None:
    """Every module page links to its quiz; without one the trainee has nothing to test."""
    for module in portal.modules:
        if portal.quiz_of_module(module) is None:
            findings.warning(SourceRef("module", module.id), ("title",), f"module '{module.id}' has no quiz",
                             f"add quizzes/{module.id}.yml with 'module: {module.id}'")


@rule
def theme_is_used(portal: Portal, findings: Findings) -> None:
    """A theme no chapter, module or route names is only reachable from the theme list; it is
    usually a typo in a chapter's 'themes' or a leftover after hiding a method."""
    used = {t for method in portal.shown_methods for chapter in method.chapters for t in chapter.themes}
    used |= {t for module in portal.modules for t in module.themes}
    used |= {t for route in portal.routes for t in route.themes}
    for theme in portal.themes:
        if theme.id not in used:
            findings.warning(SourceRef("theme", theme.id), ("title",),
                             f"theme '{theme.id}' is not used by any shown chapter, module or route",
                             "name it in a chapter's 'themes', a module's 'themes' or a route's 'themes', "
                             "or delete the file")


@rule
def theme_levels_agree(portal: Portal, findings: Findings) -> None:
    """The level pages and chapter pages list a theme by its declared 'levels', so questions or
    a role play for an undeclared level are never shown where a coach looks for them."""
    hint = "add the level to 'levels', or move or remove the material"
    for theme in portal.themes:
        declared = set(theme.levels)
        for level in ("A1", "A2", "B1"):
            if theme.questions.for_level(level) and level not in declared:
                findings.error(SourceRef("theme", theme.id), ("questions", level),
                               f"theme '{theme.id}' has {level} questions but 'levels' does not list {level}", hint)
        for i, role_play in enumerate(theme.role_plays):
            if role_play.level not in declared:
                findings.error(SourceRef("theme", theme.id), ("role_plays", i, "level"),
                               f"role play '{role_play.title}' is for {role_play.level}, "
                               f"but 'levels' does not list {role_play.level}", hint)


# A quiz whose right answers sit in one shown position in more than this share of its questions
# of a kind (and at least PILE_UP_MIN times) can be passed by always picking that position.
PILE_UP_SHARE = 2 / 3
PILE_UP_MIN = 3


@rule
def right_answers_spread(portal: Portal, findings: Findings) -> None:
    """quizdata.py spreads the right answers of shuffled single-choice questions; what is left
    to the editor is questions with 'keep_order: true' and true/false statements."""
    for quiz in portal.quizzes:
        single = [order.index(next(i for i, o in enumerate(q.options) if o.correct)) + 1
                  for q, order in zip(quiz.questions, option_orders(quiz), strict=True) if q.type == "single"]
        truefalse = ["true" if q.answer else "false" for q in quiz.questions if q.type == "truefalse"]
        value, count = _piled_up(single)
        if count:
            findings.warning(SourceRef("quiz", quiz.id), ("questions",),
                             f"in {count} of {len(single)} single-choice questions of quiz '{quiz.id}' "
                             f"the right answer is shown as option {value}",
                             "remove 'keep_order: true' where the order does not matter, or reorder those options")
        value, count = _piled_up(truefalse)
        if count:
            findings.warning(SourceRef("quiz", quiz.id), ("questions",),
                             f"in {count} of {len(truefalse)} true/false statements of quiz '{quiz.id}' "
                             f"the answer is '{value}'", "make some statements true and some false")


def _piled_up(positions: list[int] | list[str]) -> tuple[object, int]:
    """The most common value and its count, when it passes the pile-up limits; else (None, 0)."""
    if len(positions) < PILE_UP_MIN:
        return None, 0
    value, count = Counter(positions).most_common(1)[0]
    return (value, count) if count >= PILE_UP_MIN and count > PILE_UP_SHARE * len(positions) else (None, 0)
