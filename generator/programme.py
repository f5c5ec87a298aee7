"""Clock times for trainings and modules: one view model for the programme pages and handouts.

A module's ``duration`` covers explaining its sections, its activities and discussing them, so
its schedule is: warm-up activities (icebreakers) first, then the explanation with the minutes
the activities leave free, then the other activities. A meeting is a sequence of fixed blocks
and modules from its start time; ``check`` has already made sure the parts add up to its length.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.labels import Labels
from generator.model import Activity, Material, Meeting, Module, Training
from generator.portal import Portal


def clock(minutes: int) -> str:
    """Minutes after midnight (or after the start of a module) as h:mm."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _minutes_of(start: str) -> int:
    hours, minutes = start.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class Row:
    """One line of a schedule: an explanation, an activity, a fixed block or a whole module."""

    start: str
    end: str
    minutes: int
    title: str
    work_form: str = ""
    activity: Activity | None = None
    materials: tuple[Material, ...] = ()  # what the activity uses, in its own order


def module_rows(module: Module, L: Labels, material: Callable[[str], Material], start: int = 0) -> list[Row]:
    """The module's own schedule: warm-ups, explanation (the free minutes), other activities.

    ``material`` looks up a material by id (``Portal.material``)."""
    free = module.duration - sum(a.minutes for a in module.activities)
    items: list[tuple[int, str, str, Activity | None]] = [
        (a.minutes, a.title, a.work_form, a) for a in module.activities if a.warm_up]
    if free > 0:
        items.append((free, L.explanation, L.plenary, None))
    items += [(a.minutes, a.title, a.work_form, a) for a in module.activities if not a.warm_up]
    rows, at = [], start
    for minutes, title, work_form, activity in items:
        materials = tuple(material(i) for i in activity.materials) if activity else ()
        rows.append(Row(clock(at), clock(at + minutes), minutes, title, work_form, activity, materials))
        at += minutes
    return rows


@dataclass(frozen=True)
class Slot:
    """A part of a meeting with its clock times; ``rows`` details a module for the trainer."""

    start: str
    end: str
    minutes: int
    title: str
    label: str                    # as printed: "Module 3. <title>" for a module, else the title
    kind: str                     # "module" or the block kind (welkom, pauze, …)
    module: Module | None = None
    number: int | None = None     # the module's position in the training (1-based)
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class MeetingPlan:
    number: int
    meeting: Meeting
    date: str                     # dd-mm-yyyy, or the label saying the date follows
    slots: list[Slot]
    start: str
    end: str
    modules: list[Module]
    materials: list[Material]     # everything to print or bring, once each


def meeting_plans(portal: Portal, training: Training) -> list[MeetingPlan]:
    L = portal.labels
    plans: list[MeetingPlan] = []
    module_number = 0
    for index, meeting in enumerate(training.meetings, 1):
        at = _minutes_of(meeting.start)
        slots: list[Slot] = []
        modules: list[Module] = []
        for part in meeting.parts:
            if part.module:
                module = portal.module(part.module)
                module_number += 1
                modules.append(module)
                minutes = module.duration
                slots.append(Slot(clock(at), clock(at + minutes), minutes, module.title,
                                  f"{L.module} {module_number}. {module.title}", "module", module,
                                  module_number, module_rows(module, L, portal.material, at)))
            else:
                minutes = part.minutes or 0
                kind = part.block or ""
                title = part.title or L[f"block_{kind}"]
                slots.append(Slot(clock(at), clock(at + minutes), minutes, title, title, kind))
            at += minutes
        materials = list({m.id: m for mod in modules for m in portal.materials_of_module(mod)}.values())
        date = meeting.date.strftime("%d-%m-%Y") if meeting.date else L.date_to_follow
        plans.append(MeetingPlan(index, meeting, date, slots, meeting.start, clock(at), modules, materials))
    return plans


def training_minutes(training: Training) -> int:
    return sum(m.length for m in training.meetings)
