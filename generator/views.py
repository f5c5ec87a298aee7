"""View models shared by the web pages (templates/pages) and the handouts (templates/handouts).

Every value both template sets print — a filled label line, hours written the Dutch way, the
rows of a schedule, the materials an activity needs, the article column of a word list — is
computed here once; the templates only print it, each in its own format (Markdown or HTML).
So a module page and its handout, or a programme page and its run sheet, cannot drift apart.
Clock times of meetings and module schedules come from ``generator.programme``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.labels import Labels
from generator.model import Material, Module, Training, Word
from generator.portal import Portal
from generator.programme import MeetingPlan, Row, meeting_plans, module_rows, training_minutes


def decimal(number: float) -> str:
    """A number as Dutch text: 1.5 → '1,5', 2.0 → '2' (no trailing zeros)."""
    return f"{number:g}".replace(".", ",")


def hours(minutes: int) -> str:
    """Minutes as Dutch hours: 90 → '1,5', 120 → '2'."""
    return decimal(minutes / 60)


def norm_lines(portal: Portal, L: Labels) -> tuple[str, ...]:
    """The coordinators' example norms, each as one filled 'norm_line' label."""
    return tuple(L.fill("norm_line", meetings=n.meetings, hours=decimal(n.hours_per_meeting), months=n.months)
                 for n in portal.norms)


@dataclass(frozen=True)
class WordRow:
    """One line of a word list: the word, its article column, an example sentence."""

    word: str
    article: str   # 'de', 'het', 'de/het', 'de (mv.)', or '–' for words without an article
    example: str


def word_rows(words: Iterable[Word], L: Labels) -> tuple[WordRow, ...]:
    return tuple(WordRow(w.word, (w.article or "–") + (f" ({L.plural_short})" if w.plural else ""), w.example)
                 for w in words)


@dataclass(frozen=True)
class ActivityView:
    """An activity with the materials it names, looked up once."""

    title: str
    minutes: int
    work_form: str
    instructions: str
    trainer_notes: str | None
    materials: tuple[Material, ...]


@dataclass(frozen=True)
class ModuleView:
    """What a module page, its trainer and participant handouts and the booklet print."""

    module: Module
    activities: tuple[ActivityView, ...]
    schedule: tuple[Row, ...]          # warm-ups, explanation, other activities, from 0:00
    materials: tuple[Material, ...]    # everything the activities use, once each


def module_view(portal: Portal, module: Module, L: Labels) -> ModuleView:
    activities = tuple(ActivityView(a.title, a.minutes, a.work_form, a.instructions, a.trainer_notes,
                                    tuple(portal.material(i) for i in a.materials)) for a in module.activities)
    return ModuleView(module, activities, tuple(module_rows(module, L, portal.material)),
                      tuple(portal.materials_of_module(module)))


@dataclass(frozen=True)
class ProgrammeView:
    """A training's meetings with clock times, and its size in one filled line."""

    training: Training
    plans: tuple[MeetingPlan, ...]
    minutes: int
    summary_line: str       # 'meetings_total': "4 bijeenkomsten, samen 12 uur"
    certificate_line: str   # 'certificate_meetings': "4 bijeenkomsten, in totaal 12 uur"

    @property
    def modules(self) -> tuple[Module, ...]:
        """The modules in the order the meetings treat them."""
        return tuple(m for plan in self.plans for m in plan.modules)


def programme_view(portal: Portal, training: Training, L: Labels) -> ProgrammeView:
    minutes = training_minutes(training)
    count, total = len(training.meetings), hours(minutes)
    return ProgrammeView(training, tuple(meeting_plans(portal, training)), minutes,
                         L.fill("meetings_total", count=count, hours=total),
                         L.fill("certificate_meetings", count=count, hours=total))
