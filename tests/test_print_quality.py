"""Print quality of the PDF handouts, measured on the PDFs of the session's demo build.

Font sizes and line positions come from the PDF's own text runs (pypdf visitor, tests/pdftext.py),
so the test sees what the printed sheet shows: practice cards at 11 pt with the word table at
10 pt, the answer key on a page of its own after the quiz, every page (except a document's last)
holding at least MIN_LINES lines, practice cards without half-empty pages, footers on one line.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pdftext import read

from generator.handouts import catalog, render_handout
from generator.handouts.catalog import Entry, Kind
from generator.handouts.documents import practice_card, word_level
from generator.labels import Labels
from generator.model import LEVEL_ORDER, Quiz
from generator.portal import ChapterRef, Portal
from generator.quizdata import DEFAULT_WRITING_LINES, quiz_view

pytestmark = pytest.mark.pdf

MIN_LINES = 10            # a page that is not a document's last holds at least this many lines
CARD_BODY_PT = 11.0       # practice card text
CARD_TABLE_PT = 10.0      # practice card word table
SMALLEST_PT = 9.0         # anything in the body of any handout (the organisation line)
FOOTER_PT = 8.0


def norm(text: str) -> str:
    """Text as compared: no Markdown marks or quote marks, one space, lower case."""
    return re.sub(r"\s+", " ", re.sub(r"[*_`\"“”‘’']", "", text.replace("\u00ad", ""))).strip().casefold()


def words(text: str, n: int = 6) -> str:
    return " ".join(norm(text).split()[:n])


def pdf(built_site: Path, e: Entry) -> Path:
    return built_site / e.pdf_path


def quiz_handouts(portal: Portal, kind: str) -> Iterator[tuple[Entry, Quiz]]:
    """The module handouts of ``kind`` whose module has a quiz, with that quiz."""
    for e in catalog(portal):
        if e.kind == kind and (quiz := portal.quiz_of_module(portal.module(e.id))):
            yield e, quiz


def test_practice_cards_are_large_and_fill_their_pages(built_site: Path, demo_portal: Portal) -> None:
    problems = []
    for e in catalog(demo_portal):
        if e.kind != Kind.CARD or not isinstance(e.subject, ChapterRef):
            continue
        card = practice_card(demo_portal, e.subject.method, e.subject.number)
        pages = read(pdf(built_site, e))
        runs = [r for p in pages for r in p.body][1:]  # after the organisation line
        examples = {norm(w.example) for w in card.words}
        questions = [norm(q) for _, qs in card.questions for q in qs]
        for r in runs:
            text = norm(r.text)
            if r.size < CARD_TABLE_PT:
                problems.append(f"{e.pdf_path}: {r.text!r} at {r.size} pt")
            elif r.size < CARD_BODY_PT and len(text.split()) >= 3 and any(text in q for q in questions):
                problems.append(f"{e.pdf_path}: question text {r.text!r} at {r.size} pt (body needs 11 pt)")
        if not any(r.size == CARD_TABLE_PT and any(norm(r.text) in x for x in examples) for r in runs):
            problems.append(f"{e.pdf_path}: no word table at {CARD_TABLE_PT} pt")
        if not 1 <= len(pages) <= 2:
            problems.append(f"{e.pdf_path}: {len(pages)} pages")
        if pages[-1].lowest < 0.5:
            problems.append(f"{e.pdf_path}: the last page is more than half empty "
                            f"(text ends at {pages[-1].lowest:.0%} of the page)")
    assert not problems, "\n".join(problems)


def test_practice_cards_choose_words_of_the_chapters_level_first(demo_portal: Portal) -> None:
    """No easier word is on a card while a word of the chapter's own level had to stay off
    (a B1 card does not fill up with 'naam, voornaam, land')."""
    for method in demo_portal.shown_methods:
        for chapter in method.chapters:
            card = practice_card(demo_portal, method, chapter.number)
            chosen = {w.word for w in card.words}
            rank = LEVEL_ORDER.index(chapter.level)
            for theme in (demo_portal.theme(t) for t in chapter.themes):
                levels = [(LEVEL_ORDER.index(word_level(theme, i)), w.word) for i, w in enumerate(theme.vocabulary)]
                left_at_level = [w for lvl, w in levels if lvl == rank and w not in chosen]
                easier_on_card = [w for lvl, w in levels if lvl < rank and w in chosen]
                assert not (left_at_level and easier_on_card), (method.id, chapter.number, left_at_level[:3],
                                                                easier_on_card[:3])


def test_every_handout_has_readable_sizes_and_a_one_line_footer(built_site: Path, demo_portal: Portal) -> None:
    problems = []
    smallest: dict[str, float] = {}
    for e in catalog(demo_portal):
        for page in read(pdf(built_site, e)):
            for r in page.body:
                smallest[e.kind] = min(smallest.get(e.kind, 99.0), r.size)
                if r.size < SMALLEST_PT:
                    problems.append(f"{e.pdf_path} p{page.number}: {r.text!r} at {r.size} pt")
            baselines = {round(r.y) for r in page.footer}
            if len(baselines) != 1:
                problems.append(f"{e.pdf_path} p{page.number}: footer on {len(baselines)} lines")
            if any(r.size < FOOTER_PT for r in page.footer):
                problems.append(f"{e.pdf_path} p{page.number}: footer smaller than {FOOTER_PT} pt")
    assert not problems, "\n".join(problems[:30])
    print("smallest body text per kind (pt):", dict(sorted(smallest.items())))


def test_no_page_but_the_last_is_nearly_empty(built_site: Path, demo_portal: Portal) -> None:
    problems = []
    for e in catalog(demo_portal):
        pages = read(pdf(built_site, e))
        for page in pages[:-1]:
            if page.lines < MIN_LINES:
                problems.append(f"{e.pdf_path} page {page.number} of {len(pages)}: {page.lines} lines "
                                f"({page.text[:80]!r})")
    assert not problems, "\n".join(problems)


def test_answer_key_starts_on_its_own_page_after_the_quiz(built_site: Path, demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    checked = 0
    for e, quiz in quiz_handouts(demo_portal, Kind.TRAINER):
        pages = read(pdf(built_site, e))
        starts = [p for p in pages if norm(p.text).startswith(norm(L.answer_key))]
        assert len(starts) == 1, f"{e.pdf_path}: the answer key does not open a page"
        key_page = starts[0].number
        for q in quiz.questions:
            on = [p.number for p in pages if words(q.question) in norm(p.text)]
            assert on and max(on) < key_page, f"{e.pdf_path}: question {q.question!r} not before the key"
        checked += 1
    assert checked == len(demo_portal.quizzes)


def test_a_question_and_its_options_share_a_page(built_site: Path, demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    problems = []
    for e, quiz in quiz_handouts(demo_portal, Kind.PARTICIPANT):
        pages = read(pdf(built_site, e))
        for q in quiz_view(quiz, L).questions:
            # the quiz closes the handout: the question's last occurrence (the text may quote it)
            page = next((p for p in reversed(pages) if words(q.text) in norm(p.text)), None)
            if page is None:
                problems.append(f"{e.pdf_path}: {q.text!r} not found")
                continue
            for o in q.options:
                if words(o.text, 4) not in norm(page.text):
                    problems.append(f"{e.pdf_path}: option {o.text!r} not on the page of {q.text!r}")
    assert not problems, "\n".join(problems)


def test_open_questions_get_the_writing_lines_they_ask_for(demo_portal: Portal) -> None:
    asked = []
    for e, quiz in quiz_handouts(demo_portal, Kind.PARTICIPANT):
        html = render_handout(demo_portal, e).print_html
        blocks = re.findall(r'<div class="write-lines" aria-hidden="true">(.*?)</div>\s*</li>', html, re.S)
        expected = [q.lines or DEFAULT_WRITING_LINES for q in quiz.questions if q.type == "open"]
        assert [b.count('class="write-line"') for b in blocks] == expected, e.id
        asked += [q.lines for q in quiz.questions if q.lines]
    assert asked and max(asked) > DEFAULT_WRITING_LINES, "the demo has open questions that ask for more"


def test_booklet_holds_modules_conduct_tasks_plan_and_glossary(built_site: Path, demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    [e] = [x for x in catalog(demo_portal) if x.kind == Kind.BOOKLET]
    text = norm(" ".join(p.text for p in read(pdf(built_site, e))))
    for heading in (L.coach_conduct, L.tasks, L.plan, L.glossary):
        assert norm(heading) in text, heading
    for term in demo_portal.glossary:
        assert words(term.definition) in text, term.term
    assert norm(demo_portal.coach.dont[0].text)[:40] in text


def test_cards_print_eight_to_a_sheet_with_cutting_lines(built_site: Path, demo_portal: Portal) -> None:
    for e in catalog(demo_portal):
        if e.kind != Kind.MATERIAL or e.subject.kind != "kaartjes":  # type: ignore[union-attr]
            continue
        material = e.subject
        pages = read(pdf(built_site, e))
        assert len(pages) == -(-len(material.cards) // 8), e.pdf_path  # type: ignore[union-attr]
        html = render_handout(demo_portal, e).print_html
        assert html.count('<td class="card">') == 8 * len(pages)
        for card in material.cards:  # type: ignore[union-attr]
            assert any(words(card, 4) in norm(p.text) for p in pages), card
