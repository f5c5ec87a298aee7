"""Which handouts a portal has, where they live in the site and which page links to them.

Pure and cheap (no HTML is rendered here): page rendering looks up ``by_page`` to show
"Download PDF" links, the overview page lists ``catalog``, and ``documents`` renders each entry.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator import urls
from generator.model import Material, Module, Training
from generator.portal import ChapterRef, Portal


class Kind(StrEnum):
    """The kinds of handout; each value is the kind's URL segment (Dutch, like the site)."""

    TRAINER = "trainer"
    PARTICIPANT = "deelnemer"
    CARD = "oefenkaart"
    CHECKLIST = "checklist"
    BOOKLET = "boek"
    PROGRAMME = "programma"     # a training's run sheet (trainer) and programme (participants)
    MATERIAL = "materiaal"      # cards, worksheets and forms, defined in content/materialen
    CERTIFICATE = "bewijs"      # Bewijs van Deelname of a training


@dataclass(frozen=True)
class TrainingEdition:
    """A training's programme for the trainer (run sheet) or for the participants."""

    training: Training
    trainer: bool


@dataclass(frozen=True)
class Entry:
    kind: Kind
    id: str             # file name inside handouts/<kind>/
    title: str          # document title: <title>, h1 and PDF footer
    label: str          # short name in link lists ("Trainerseditie", "Oefenkaart", …)
    group: str          # heading on the overview page
    page: str | None    # the site page (Markdown path) that links to this handout
    # What the renderer renders: a module, a chapter (typed references, never strings split
    # back) or a checklist name.
    subject: str | Module | ChapterRef | Training | TrainingEdition | Material = ""

    @property
    def html_path(self) -> str:
        return urls.handout(self.kind, self.id, "html")

    @property
    def pdf_path(self) -> str:
        return urls.handout(self.kind, self.id, "pdf")


def offers_pdfs(portal: Portal, pdfs: bool = True) -> bool:
    """Whether this rendering links PDFs: site.yml wants them (features.pdf_handouts) and the
    build makes them (``pdfs``: false for --no-pdf, the plugin option ``handouts: false``,
    `serve` and `export`). The Portal stays as loaded; render functions take the flag."""
    return pdfs and portal.site.features.pdf_handouts


def chapter_id(method_id: str, number: int) -> str:
    return urls.chapter_handout_id(method_id, number)


def catalog(portal: Portal) -> list[Entry]:
    """Every handout of the portal, in the order of the overview page."""
    L = portal.labels
    entries: list[Entry] = []
    if portal.modules:
        entries.append(Entry(Kind.BOOKLET, "trainingsboek", f"{L.booklet}: {portal.site.title}", L.booklet,
                             L.handouts_training, urls.TRAINING, "booklet"))
    for t in portal.trainings:
        page = urls.programme(t.id)
        entries.append(Entry(Kind.PROGRAMME, f"{t.id}-draaiboek", f"{L.run_sheet}: {t.title}", L.run_sheet,
                             L.handouts_programmes, page, TrainingEdition(t, True)))
        entries.append(Entry(Kind.PROGRAMME, t.id, f"{L.participant_programme}: {t.title}", L.participant_programme,
                             L.handouts_programmes, page, TrainingEdition(t, False)))
        if t.certificate:
            entries.append(Entry(Kind.CERTIFICATE, t.id, f"{L.certificate}: {t.title}", L.certificate,
                                 L.handouts_forms, page, t))
    used = {i for m in portal.modules for a in m.activities for i in a.materials}
    for mat in portal.materials:
        if mat.printable:
            group = L.handouts_materials if mat.id in used else L.handouts_forms
            entries.append(Entry(Kind.MATERIAL, mat.id, mat.title, L[f"material_{mat.kind}"], group,
                                 urls.MATERIALS, mat))
    for m in portal.modules:
        page = urls.module(m.id)
        entries.append(Entry(Kind.TRAINER, m.id, f"{m.title} — {L.trainer_edition}", L.trainer_edition,
                             L.handouts_training, page, m))
        entries.append(Entry(Kind.PARTICIPANT, m.id, f"{m.title} — {L.participant_edition}",
                             L.participant_edition, L.handouts_training, page, m))
    for method in portal.shown_methods:
        for c in method.chapters:
            entries.append(Entry(Kind.CARD, chapter_id(method.id, c.number),
                                 f"{L.practice_card}: {method.name}, {L.chapter.lower()} {c.number}. {c.title}",
                                 L.practice_card, f"{L.practice_cards}: {method.name}",
                                 urls.chapter(method.id, c.number), ChapterRef(method, c.number)))
    if portal.plan:
        entries.append(Entry(Kind.CHECKLIST, "stappenplan", L.plan, L.checklist_plan, L.handouts_coordinators,
                             urls.PLAN, "plan"))
    entries.append(Entry(Kind.CHECKLIST, "taakverdeling", L.tasks, L.checklist_tasks, L.handouts_coordinators,
                         urls.TASKS, "tasks"))
    return entries


def by_page(portal: Portal) -> dict[str, list[Entry]]:
    """The handouts each site page offers for printing (its 'Download PDF' links).

    Built once per render: looking entries up per page would rebuild the catalog for every
    page (measured: 17 s instead of 1.7 s of rendering for 2,000 pages)."""
    found: dict[str, list[Entry]] = {}
    for e in catalog(portal):
        if e.page is not None:
            found.setdefault(e.page, []).append(e)
    return found


def groups(portal: Portal) -> list[tuple[str, list[Entry]]]:
    """Catalog entries grouped by overview heading, in first-seen order."""
    grouped: dict[str, list[Entry]] = {}
    for e in catalog(portal):
        grouped.setdefault(e.group, []).append(e)
    return list(grouped.items())
