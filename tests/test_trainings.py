"""Training programmes, materials and the glossary (issue 12): content that `check` validates
and that pages and handouts show with clock times.

In-process and fast: the mini fixture is broken one way per test; the demo's basistraining is
read as a trainer would read its programme. PDFs are measured in test_print_quality.py.
"""
from __future__ import annotations

from pathlib import Path

import markdown

from conftest import ROOT, edit, errors_of, line_of
from generator import urls
from generator.build import load_portal
from generator.handouts import catalog, render_handout
from generator.handouts.catalog import Kind
from generator.handouts.documents import CARDS_PER_SHEET, card_sheets
from generator.labels import Labels
from generator.pages import render_pages
from generator.portal import Portal
from generator.programme import meeting_plans, module_rows
from generator.site_config import MARKDOWN_EXTENSIONS

TRAINING = "content/trainingen/basis.yml"


# --- check: programmes -------------------------------------------------------------------------
def test_a_meeting_whose_parts_do_not_fit_its_length(portal: Path) -> None:
    edit(portal, TRAINING, "length: 180", "length: 170")
    [error] = errors_of(portal)
    assert error.startswith(f"{TRAINING}:{line_of(portal, TRAINING, 'length: 170')}:5: meeting 1 'Eerste avond': "
                            "the parts add up to 180 minutes, more than its length of 170 minutes — ")


def test_a_module_planned_twice(portal: Path) -> None:
    edit(portal, TRAINING, "      - block: afsluiting\n        minutes: 5", "      - module: rol-van-de-taalcoach")
    edit(portal, TRAINING, "length: 180", "length: 265")
    [error] = errors_of(portal)
    line = line_of(portal, TRAINING, "module: rol-van-de-taalcoach", after=line_of(portal, TRAINING, "pauze"))
    assert error.startswith(f"{TRAINING}:{line}:9: module 'rol-van-de-taalcoach' is planned twice in this "
                            "training (also in meeting 1)")


def test_a_module_that_fits_nowhere_and_one_planned_nowhere(portal: Path) -> None:
    rel = "content/modules/oefenen-met-spreken.yml"
    edit(portal, TRAINING, "      - module: oefenen-met-spreken\n", "")
    edit(portal, TRAINING, "length: 180", "length: 120")
    assert errors_of(portal) == [
        f"{rel}:4:1: module 'oefenen-met-spreken' is planned in no training — "
        "add '- module: oefenen-met-spreken' to a meeting in content/trainingen/"]
    edit(portal, rel, "duration: 60", "duration: 200")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:4:1: module 'oefenen-met-spreken' (200 minutes) fits in no meeting: "
                            "the longest meeting lasts 120 minutes")


def test_a_part_is_a_module_or_a_block_with_minutes(portal: Path) -> None:
    edit(portal, TRAINING, "      - block: pauze\n        minutes: 15", "      - block: pauze")
    [error] = errors_of(portal)
    assert "the block 'pauze' needs 'minutes'" in error and error.startswith(f"{TRAINING}:")


def test_start_time_is_a_quoted_clock_time(portal: Path) -> None:
    [plan] = meeting_plans(load_portal(portal), load_portal(portal).trainings[0])
    assert (plan.start, plan.end) == ("19:30", "22:30")
    edit(portal, TRAINING, 'start: "19:30"', "start: 19:30")  # YAML 1.1 would read a number
    [error] = errors_of(portal)
    assert error.startswith(f"{TRAINING}:5:12: '19:30' is not a whole number") and "quotes" in error


# --- check: materials -----------------------------------------------------------------------------
def test_an_activity_naming_a_material_that_does_not_exist(portal: Path) -> None:
    rel = "content/modules/rol-van-de-taalcoach.yml"
    edit(portal, rel, "materials: [casuskaarten]", "materials: [casuskaartjes]")
    [error] = errors_of(portal)
    assert error == f"{rel}:{line_of(portal, rel, 'casuskaartjes')}:17: unknown material 'casuskaartjes' — " \
                    "did you mean 'casuskaarten'?"


def test_a_card_material_without_cards(portal: Path) -> None:
    rel = "content/materialen/casuskaarten.yml"
    (portal / rel).write_text("title: Casuskaarten\nkind: kaartjes\n", encoding="utf-8")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:1:1: a 'kaartjes' material needs 'cards'")


def test_cards_print_eight_per_sheet_and_blank_cards_fill_the_last(demo_portal: Portal) -> None:
    for material in demo_portal.materials:
        if material.kind != "kaartjes":
            continue
        sheets = card_sheets(material)
        assert all(len(sheet) == CARDS_PER_SHEET for sheet in sheets)
        assert [c for sheet in sheets for c in sheet if c] == list(material.cards)


# --- the default content ------------------------------------------------------------------------------
def test_basistraining_is_four_meetings_of_three_hours_with_breaks(demo_portal: Portal) -> None:
    training = next(t for t in demo_portal.trainings if t.id == "basistraining")
    plans = meeting_plans(demo_portal, training)
    assert [(p.start, p.end) for p in plans] == [("19:00", "22:00")] * 4
    for plan in plans:
        kinds = [slot.kind for slot in plan.slots]
        assert kinds[0] == "welkom" and "pauze" in kinds and "quiz" in kinds, kinds
        # every slot starts where the previous one ended
        assert all(a.end == b.start for a, b in zip(plan.slots, plan.slots[1:], strict=False))
    first_module = plans[0].slots[1]
    assert first_module.module and first_module.rows[0].activity and first_module.rows[0].activity.warm_up, \
        "the training opens with an icebreaker"
    assert plans[-1].slots[-2].kind == "evaluatie"


def test_every_module_is_planned_once_and_every_material_exists(demo_portal: Portal) -> None:
    planned = [part.module for t in demo_portal.trainings for m in t.meetings for part in m.parts if part.module]
    assert sorted(planned) == sorted(m.id for m in demo_portal.modules)
    named = {i for m in demo_portal.modules for a in m.activities for i in a.materials}
    assert named <= {m.id for m in demo_portal.materials}
    printable = {e.subject.id for e in catalog(demo_portal) if e.kind == Kind.MATERIAL}  # type: ignore[union-attr]
    assert printable == {m.id for m in demo_portal.materials if m.printable}


def test_module_schedule_has_time_to_explain_between_warm_up_and_activities(demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    for module in demo_portal.modules:
        rows = module_rows(module, L, demo_portal.material)
        assert sum(r.minutes for r in rows) == module.duration
        explain = [r for r in rows if r.activity is None]
        assert len(explain) == 1 and explain[0].title == L.explanation
        warm = [r for r in rows if r.activity and r.activity.warm_up]
        assert rows[:len(warm)] == warm, f"{module.id}: warm-ups come first"


def test_forms_and_certificate_carry_the_organisations_name(demo_portal: Portal) -> None:
    org = demo_portal.site.organisation.name
    kinds = {e.kind for e in catalog(demo_portal)}
    assert {Kind.PROGRAMME, Kind.CERTIFICATE, Kind.MATERIAL} <= kinds
    forms = {"logboek-koppel", "intakeformulier", "tussenevaluatie", "eindevaluatie"}
    for entry in catalog(demo_portal):
        if entry.kind == Kind.CERTIFICATE or (entry.kind == Kind.MATERIAL and entry.id in forms):
            html = render_handout(demo_portal, entry).print_html
            assert org in html, entry.id
    forms_found = {e.id for e in catalog(demo_portal) if e.kind == Kind.MATERIAL} & forms
    assert forms_found == forms


# --- pages and the glossary ------------------------------------------------------------------------
def test_programme_page_shows_clock_times_and_the_trainer_details(demo_portal: Portal) -> None:
    pages = render_pages(demo_portal).pages
    page = pages[urls.programme("basistraining")]
    assert "| 19:00–19:15 | Welkom, programma en afspraken | 15 |" in page
    assert '??? trainer "' in page and "Kennismaken in tweetallen" in page
    assert urls.programme("basistraining") in {p for p in pages}
    assert urls.MATERIALS in pages and urls.GLOSSARY in pages


def test_glossary_terms_are_explained_where_they_appear_and_stay_escaped(portal: Path) -> None:
    (portal / "content/begrippen.yml").write_text(
        "terms:\n"
        "  - term: PIP\n"
        "    full: Persoonlijk plan Inburgering en Participatie\n"
        "    definition: 'Het plan van de gemeente. <script>alert(1)</script> \"quotes\" & meer'\n"
        "  - term: ONGEBRUIKT\n"
        "    definition: Staat op geen enkele pagina.\n", encoding="utf-8")
    edit(portal, "content/modules/rol-van-de-taalcoach.yml", "Je geeft geen grammatica",
         "Lees samen het PIP. Je geeft geen grammatica")
    rendered = render_pages(load_portal(portal)).pages
    page = rendered[urls.module("rol-van-de-taalcoach")]
    assert "*[PIP]: Persoonlijk plan Inburgering en Participatie: Het plan" in page
    assert "ONGEBRUIKT" not in page, "only the terms a page uses are defined on it"
    html = markdown.markdown(page, extensions=list(MARKDOWN_EXTENSIONS))
    assert '<abbr title="Persoonlijk plan Inburgering en Participatie: Het plan van de gemeente. ' \
           '&lt;script&gt;alert(1)&lt;/script&gt; &quot;quotes&quot; &amp; meer">PIP</abbr>' in html
    assert "<script>" not in html
    assert "- **ONGEBRUIKT** — Staat op geen enkele pagina." in rendered[urls.GLOSSARY]


def test_a_default_programme_that_plans_a_hidden_module_is_left_out_with_a_warning(tmp_path: Path) -> None:
    from test_layers import make_layered  # hides the default module 'vrijwilliger-in-de-klas'

    portal = load_portal(make_layered(tmp_path / "noord"))
    demo = load_portal(ROOT)
    dropped = {t.id for t in demo.trainings if any(p.module == "vrijwilliger-in-de-klas"
                                                   for m in t.meetings for p in m.parts)}
    assert dropped and {t.id for t in portal.trainings} == {t.id for t in demo.trainings} - dropped
    assert any("is left out: it plans module 'vrijwilliger-in-de-klas'" in str(w) for w in portal.warnings)
    assert all(meeting_plans(portal, t) for t in portal.trainings)
    render_pages(portal)  # every page of the remaining programmes renders
