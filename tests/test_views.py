"""A page and its handout print the same derived values (generator.views computes them once).

Each test changes the mini portal (not the demo) so a value is derived, not copied: a norm of
1,25 hours, an organisation's own label wording, a meeting date, a plural word. It then reads
the web page's Markdown and the handout's HTML, as rendered for users, and compares them.
"""
from __future__ import annotations

import re
from pathlib import Path

from conftest import edit
from generator import urls
from generator.build import load_portal
from generator.handouts import Handout, render_handouts
from generator.handouts.catalog import Kind
from generator.pages import render_pages


def _rendered(root: Path) -> tuple[dict[str, str], list[Handout]]:
    portal = load_portal(root)
    return render_pages(portal).pages, render_handouts(portal)


def _handout(handouts: list[Handout], kind: str, page: str, first: bool = True) -> str:
    found = [h.print_html for h in handouts if h.entry.kind == kind and h.entry.page == page]
    assert found, f"no {kind} handout for {page}"
    return found[0] if first else found[-1]


def _labels(root: Path, **labels: str) -> None:
    with (root / "content" / "site.yml").open("a", encoding="utf-8") as site_yml:
        site_yml.write("labels:\n" + "".join(f"  {key}: '{value}'\n" for key, value in labels.items()))


def test_plan_page_and_checklist_show_the_same_norm_lines(portal: Path) -> None:
    edit(portal, "content/tasks.yml", "hours_per_meeting: 1.5", "hours_per_meeting: 1.25")
    _labels(portal, norm_line="{meetings} keer {hours} uur, {months} maanden lang")
    pages, handouts = _rendered(portal)
    checklist = _handout(handouts, Kind.CHECKLIST, urls.PLAN)
    for line in ("20 keer 1,25 uur, 6 maanden lang", "40 keer 1,5 uur, 12 maanden lang"):
        assert f"- {line}\n" in pages[urls.PLAN]
        assert f"<li>{line}</li>" in checklist


def test_programme_page_and_run_sheet_show_the_same_schedule(portal: Path) -> None:
    edit(portal, "content/trainingen/basis.yml", '    start: "19:30"', '    start: "19:30"\n    date: 2026-03-05')
    _labels(portal, meetings_total="{count} avond, {hours} uur in totaal")
    pages, handouts = _rendered(portal)
    training = load_portal(portal).trainings[0]
    page = pages[urls.programme(training.id)]
    run_sheet = _handout(handouts, Kind.PROGRAMME, urls.programme(training.id))
    participants = _handout(handouts, Kind.PROGRAMME, urls.programme(training.id), first=False)
    assert run_sheet != participants
    for text in ("1 avond, 3 uur in totaal", "05-03-2026", "19:30–22:30"):
        assert text in page and text in run_sheet and text in participants, text
    # Every time range, in order: the page's table and trainer detail, the run sheet's table.
    page_times = re.findall(r"^ *\| (?:\*\*)?(\d+:\d\d–\d+:\d\d)", page, re.MULTILINE)
    sheet_times = re.findall(r'<td class="nowrap">(\d+:\d\d–\d+:\d\d)</td>', run_sheet)
    slots = re.findall(r'<tr class="slot[^"]*"><td class="nowrap">(\d+:\d\d–\d+:\d\d)</td>', run_sheet)
    assert slots[0] == "19:30–19:40" and len(slots) == 5
    assert page_times == slots + sheet_times
    module = load_portal(portal).module(training.meetings[0].parts[1].module or "")
    assert f"[Module 1. {module.title}](" in page
    assert f"<strong>Module 1. {module.title}</strong>" in run_sheet


def test_module_page_and_trainer_handout_name_the_same_materials(portal: Path) -> None:
    edit(portal, "content/materialen/casuskaarten.yml", "title: ", "title: Kaartjes & vragen — ")
    pages, handouts = _rendered(portal)
    loaded = load_portal(portal)
    material = loaded.material("casuskaarten")
    module = next(m for m in loaded.modules if any("casuskaarten" in a.materials for a in m.activities))
    trainer = _handout(handouts, Kind.TRAINER, urls.module(module.id))
    page = pages[urls.module(module.id)]
    assert material.title.startswith("Kaartjes & vragen — ")
    escaped = material.title.replace("&", "&amp;")
    assert f"[{escaped}](" in page  # linked to the materials page
    assert f"<strong>Materialen:</strong> {escaped}</p>" in trainer  # the activity's line
    assert f"<li>{escaped} <span" in trainer or f"<li>{escaped}</li>" in trainer  # to bring


def test_chapter_page_and_practice_card_write_plural_words_alike(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "  - word: afspraak\n    article: de\n",
         "  - word: buren\n    article: de\n    plural: true\n")
    _labels(portal, plural_short="meervoud")
    pages, handouts = _rendered(portal)
    method = load_portal(portal).methods[0]
    chapter = urls.chapter(method.id, 1)
    card = _handout(handouts, Kind.CARD, chapter)
    assert "| **buren** | de (meervoud) |" in pages[chapter]
    assert "<td><strong>buren</strong></td><td>de (meervoud)</td>" in card
    assert "<td><strong>formulier</strong></td><td>het</td>" in card and "| **formulier** | het |" in pages[chapter]


def test_a_portal_with_its_labels_can_go_to_a_worker_process(portal: Path) -> None:
    """Process pools pickle what they send; the Portal keeps its label table (overrides
    included), which must survive the trip and still fill labels the same way."""
    import pickle

    _labels(portal, volunteer="taalmaatje", volunteers="taalmaatjes", volunteer_article="het")
    loaded = load_portal(portal)
    assert loaded.labels.volunteer == "taalmaatje"  # built and kept before the trip
    copy = pickle.loads(pickle.dumps(loaded))
    assert loaded.labels.coach_plays == copy.labels.coach_plays == "Het taalmaatje speelt"
    assert copy.labels is not loaded.labels and copy.labels.fill("norm_line", meetings=2, hours="1", months=3)
