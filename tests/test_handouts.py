"""Handouts (issue 5): print-ready HTML and PDFs for modules, chapters, checklists, booklet.

The PDFs of the session's demo build (``built_site``, handouts on) are read back with pypdf:
A4, every heading of the handout in the text, the footer, embedded fonts; the trainer edition
has the trainer notes and answer key, the participant edition neither. Rebuilds come from the
cache (zero PDFs rendered). The text checks normalise whitespace, since PDF text has line breaks.
"""
from __future__ import annotations

import html.parser
import re
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, engine_modules_imported, run_cli
from generator import urls
from generator.handouts import Handout, catalog, render_handout, render_handouts
from generator.handouts.catalog import Entry, Kind
from generator.handouts.documents import practice_card
from generator.handouts.pdf import NetworkFetchRefused, cache_key, local_url_fetcher, render_pdfs
from generator.labels import Labels
from generator.pages import render_pages
from generator.portal import Portal

A4 = (595.28, 841.89)  # points


def norm(text: str) -> str:
    """Compare texts regardless of line breaks, hyphenation at line ends and Markdown marks."""
    text = re.sub(r"[*_`]|\[|\]\([^)]*\)", "", text)
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip().casefold()


@cache
def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    return norm("\n".join(page.extract_text() or "" for page in reader.pages)), len(reader.pages)


class _Headings(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self._in: str | None = None
        self._buf: list[str] = []
        self.lang = self.title = None
        self._title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self._in, self._buf = tag, []
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        self._title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self.headings.append("".join(self._buf))
            self._in = None
        self._title = False

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)
        if self._title:
            self.title = data


def headings_of(path: Path) -> _Headings:
    parser = _Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def entries(portal: Portal, *kinds: str) -> list[Entry]:
    return [e for e in catalog(portal) if not kinds or e.kind in kinds]


def plain(markdown_text: str, words: int = 8) -> str:
    """The first words of a Markdown text, as they appear in a PDF."""
    return norm(" ".join(norm(markdown_text).split()[:words]))


# --- every PDF -----------------------------------------------------------------------------------
def test_every_handout_has_an_a4_pdf_with_all_its_section_titles_and_footer(built_site: Path,
                                                                           demo_portal: Portal) -> None:
    all_entries = entries(demo_portal)
    kinds = {e.kind for e in all_entries}
    assert kinds == set(Kind), "the demo has a handout of every kind"
    assert len(all_entries) == 2 * len(demo_portal.modules) + sum(
        len(m.chapters) for m in demo_portal.shown_methods) + 2 + 1 + 2 * len(demo_portal.trainings) + sum(
        t.certificate for t in demo_portal.trainings) + sum(m.printable for m in demo_portal.materials)
    problems: list[str] = []
    org = norm(demo_portal.site.organisation.name)
    for e in all_entries:
        pdf = built_site / e.pdf_path
        page_html = built_site / e.html_path
        if not pdf.is_file() or not page_html.is_file():
            problems.append(f"{e.pdf_path}: missing PDF or HTML")
            continue
        reader = PdfReader(pdf)
        for number, page in enumerate(reader.pages, 1):
            size = (float(page.mediabox.width), float(page.mediabox.height))
            if abs(size[0] - A4[0]) > 1 or abs(size[1] - A4[1]) > 1:
                problems.append(f"{e.pdf_path} page {number}: {size} pt is not A4 portrait")
        text, pages = pdf_text(pdf)
        parsed = headings_of(page_html)
        assert parsed.lang == "nl" and parsed.title, e.html_path
        for heading in parsed.headings:
            if norm(heading) not in text:
                problems.append(f"{e.pdf_path}: section title {heading!r} not in the PDF text")
        if f"pagina {pages} van {pages}" not in text or org not in text:
            problems.append(f"{e.pdf_path}: footer with organisation and 'Pagina n van {pages}' missing")
        if pdf.stat().st_size > 1_500_000:
            problems.append(f"{e.pdf_path}: {pdf.stat().st_size} bytes is too big for a handout")
    assert not problems, "\n".join(problems)


def test_fonts_are_embedded_and_nothing_is_downloaded(built_site: Path, demo_portal: Portal) -> None:
    for e in entries(demo_portal)[:3] + entries(demo_portal, Kind.CARD)[:1]:
        reader = PdfReader(built_site / e.pdf_path)
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), \
                    f"{e.pdf_path}: font {font.get('/BaseFont')} is not embedded"
    with pytest.raises(NetworkFetchRefused):
        local_url_fetcher()("https://fonts.googleapis.com/css?family=Roboto")


# --- trainer and participant editions ------------------------------------------------------------
def test_trainer_edition_has_notes_and_answer_key_participant_edition_neither(built_site: Path,
                                                                             demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    problems: list[str] = []
    for module in demo_portal.modules:
        trainer, _ = pdf_text(built_site / urls.handout(Kind.TRAINER, module.id, "pdf"))
        participant, _ = pdf_text(built_site / urls.handout(Kind.PARTICIPANT, module.id, "pdf"))
        notes = [s.trainer_notes for s in module.sections if s.trainer_notes] + \
                [a.trainer_notes for a in module.activities if a.trainer_notes]
        for note in notes:
            if plain(note) not in trainer:
                problems.append(f"{module.id}: trainer note {plain(note)!r} missing from the trainer edition")
            if plain(note) in participant:
                problems.append(f"{module.id}: trainer note {plain(note)!r} is in the participant edition")
        for text in (trainer, participant):
            for title in [s.title for s in module.sections] + [a.title for a in module.activities] + \
                    [L.learning_goals, L.schedule]:
                if norm(title) not in text:
                    problems.append(f"{module.id}: section {title!r} missing")
        quiz = demo_portal.quiz_of_module(module)
        if quiz:
            if norm(L.answer_key) not in trainer:
                problems.append(f"{module.id}: no answer key in the trainer edition")
            for q in quiz.questions:
                answer = q.model_answer if q.type == "open" else q.explanation
                if plain(answer) not in trainer:
                    problems.append(f"{module.id}: answer {plain(answer)!r} missing from the trainer edition")
                if plain(answer, 12) in participant:
                    problems.append(f"{module.id}: answer {plain(answer, 12)!r} is in the participant edition")
                if plain(q.question) not in participant:
                    problems.append(f"{module.id}: question {plain(q.question)!r} missing (participant)")
        for marker in (L.answer_key, L.for_trainer, L.correct_answer, L.model_answer):
            if norm(marker) in participant:
                problems.append(f"{module.id}: participant edition contains {marker!r}")
    assert not problems, "\n".join(problems)


def test_practice_cards_fit_on_two_pages_with_words_questions_role_play_and_outing(
        built_site: Path, demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    problems: list[str] = []
    for method in demo_portal.shown_methods:
        for chapter in method.chapters:
            e = next(x for x in entries(demo_portal, Kind.CARD) if x.page == urls.chapter(method.id, chapter.number))
            text, pages = pdf_text(built_site / e.pdf_path)
            if not 1 <= pages <= 2:
                problems.append(f"{e.pdf_path}: {pages} pages (a practice card has 1–2)")
            themes = [demo_portal.theme(t) for t in chapter.themes]
            expected = [L.vocabulary, L.questions, L.outing, L.role_play, chapter.title]
            # the card's words are chosen for the chapter's level, the chapter's own words first
            expected += [w.example for w in chapter.words]
            expected += [w.example for w in practice_card(demo_portal, method, chapter.number).words[:3]]
            expected += themes[0].questions.for_level(chapter.level)
            for item in expected:
                if plain(item, 12) not in text:
                    problems.append(f"{e.pdf_path}: {item!r} missing")
            if not any(w.article and f"{norm(w.word)} {w.article}" in text for w in themes[0].vocabulary):
                problems.append(f"{e.pdf_path}: no de/het column")
    assert not problems, "\n".join(problems)


def test_booklet_has_every_module_and_a_table_of_contents_with_page_numbers(built_site: Path,
                                                                           demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    e = entries(demo_portal, Kind.BOOKLET)[0]
    reader = PdfReader(built_site / e.pdf_path)
    page_texts = [norm(page.extract_text() or "") for page in reader.pages]
    text, pages = pdf_text(built_site / e.pdf_path)
    toc = page_texts[0].split(norm(L.contents), 1)[1]
    for number, module in enumerate(demo_portal.modules, 1):
        # contents line "Title ........ 7"; the module's own heading "Module 3. Title" is on page 7
        listed = re.search(re.escape(norm(module.title)) + r" ?\.{3,} ?(\d+)", toc)
        assert listed, f"{module.title!r} not in the table of contents"
        heading = norm(f"{L.module} {number}. {module.title}")
        starts = [i for i, t in enumerate(page_texts, 1) if t.startswith(heading)]  # a module opens a page
        assert starts == [int(listed.group(1))], (module.title, starts, listed.group(0))
    assert pages >= len(demo_portal.modules) + 1
    # participant content only: no answer key, no trainer notes
    assert norm(L.answer_key) not in text and norm(L.for_trainer) not in text


def test_checklists_have_every_step_and_phase(built_site: Path, demo_portal: Portal) -> None:
    plan, _ = pdf_text(built_site / urls.handout(Kind.CHECKLIST, "stappenplan", "pdf"))
    for step in demo_portal.plan:
        assert norm(step.name) in plan
        for item in step.checklist:
            assert plain(item) in plan, item
    tasks, _ = pdf_text(built_site / urls.handout(Kind.CHECKLIST, "taakverdeling", "pdf"))
    for phase in demo_portal.phases:
        assert norm(phase.name) in tasks
        for what in phase.responsibilities.values():
            assert plain(what) in tasks, what


# --- links and pages on the site ------------------------------------------------------------------
def test_pages_link_their_handouts_and_the_overview_lists_all(built_site: Path, demo_portal: Portal) -> None:
    module = demo_portal.modules[0]
    page = (built_site / "training" / module.id / "index.html").read_text(encoding="utf-8")
    assert f'href="../../handouts/trainer/{module.id}.pdf"' in page and "Download PDF" in page
    method = demo_portal.shown_methods[0]
    chapter_page = built_site / "oefenen" / "methodes" / method.id / "hoofdstuk-1" / "index.html"
    chapter = chapter_page.read_text(encoding="utf-8")
    assert f"handouts/oefenkaart/{method.id}-hoofdstuk-1.pdf" in chapter
    for rel in ("taakverdeling/index.html", "taakverdeling/stappenplan/index.html"):
        assert "handouts/checklist/" in (built_site / rel).read_text(encoding="utf-8")
    overview = (built_site / "handouts" / "index.html").read_text(encoding="utf-8")
    for e in entries(demo_portal):
        assert e.pdf_path.removeprefix("handouts/") in overview and e.html_path.removeprefix("handouts/") in overview
    handout_page = (built_site / entries(demo_portal, Kind.TRAINER)[0].html_path).read_text(encoding="utf-8")
    assert 'href="../index.html"' in handout_page and f'href="{module.id}.pdf"' in handout_page


def test_web_handouts_share_one_stylesheet_and_print_versions_carry_their_own(built_site: Path,
                                                                              demo_portal: Portal) -> None:
    """On the site every handout links the same stylesheet (loaded once, not 10 kB per page) and
    the site's tab icon;
    the print version WeasyPrint reads has it inside, so a PDF needs no file next to it."""
    shared = built_site / urls.HANDOUT_STYLESHEET
    css = shared.read_text(encoding="utf-8")
    assert "@page" in css and "size: A4" in css
    for e in entries(demo_portal):
        page = built_site / e.html_path
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)
        assert len(links) == 1 and (page.parent / links[0]).resolve() == shared.resolve()
        icon = re.findall(r'<link rel="icon" href="([^"]+)">', html)  # else the browser asks /favicon.ico
        assert len(icon) == 1 and (page.parent / icon[0]).resolve() == (built_site / urls.SITE_FAVICON).resolve()
        assert (built_site / urls.SITE_FAVICON).is_file()
        assert "size: A4" not in html, f"{e.html_path} still carries the whole stylesheet"
    printed = render_handout(demo_portal, entries(demo_portal, Kind.CARD)[0]).print_html
    assert "size: A4" in printed and "<link" not in printed


# --- cache and switches -----------------------------------------------------------------------------
def test_a_rebuild_without_changes_renders_zero_pdfs(built_site: Path, tmp_path: Path) -> None:
    result = run_cli("build", "--portal", str(ROOT), "--site-dir", str(tmp_path / "site"))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    summary = re.search(r"PDF handouts: (\d+) PDFs, (\d+) pages; rendered (\d+), from cache (\d+)", output)
    assert summary, output
    total, pages, rendered, cached = map(int, summary.groups())
    assert rendered == 0 and cached == total > 0, summary.group(0)
    assert len(list((tmp_path / "site" / "handouts").rglob("*.pdf"))) == total


def _tiny(html: str) -> Handout:
    entry = Entry(Kind.CHECKLIST, "proef", "Proef", "Proef", "Proef", None)
    return Handout(entry, web_html=html, printed=lambda: html)


@pytest.mark.pdf
def test_cache_renders_only_what_changed(tmp_path: Path) -> None:
    doc = ('<!doctype html><html lang="nl"><head><title>Proef</title></head><body><h1>Proef</h1>'
           '<img src="https://example.org/tracker.png" alt=""></body></html>')
    first = render_pdfs([_tiny(doc)], tmp_path, workers=1)
    assert (first.rendered, first.pages) == (1, 1)
    again = render_pdfs([_tiny(doc)], tmp_path, workers=1)
    assert (again.rendered, again.cached) == (0, 1)
    assert again.files[0].cache_path == first.files[0].cache_path
    changed = render_pdfs([_tiny(doc.replace("Proef</h1>", "Proef 2</h1>"))], tmp_path, workers=1)
    assert changed.rendered == 1 and cache_key(doc) != cache_key(doc + " ")


def test_no_pdf_switch_keeps_print_versions_and_drops_pdf_links(demo_portal: Portal) -> None:
    assert demo_portal.site.features.pdf_handouts
    module = urls.module(demo_portal.modules[0].id)
    with_pdfs = render_pages(demo_portal).pages
    assert ".pdf" in with_pdfs[module] and ".pdf" in with_pdfs[urls.MATERIALS]
    pages = render_pages(demo_portal, pdfs=False).pages
    module_page = pages[module]
    assert "printversie" in module_page and ".pdf" not in module_page
    assert ".pdf" not in pages[urls.HANDOUTS]
    printable = next(m for m in demo_portal.materials if m.printable)
    print_link = urls.relative(urls.MATERIALS, urls.handout(Kind.MATERIAL, printable.id, "html"))
    assert f"]({print_link})" in pages[urls.MATERIALS] and ".pdf" not in pages[urls.MATERIALS]
    assert all(".pdf" not in h.web_html for h in render_handouts(demo_portal, pdfs=False))
    assert any(".pdf" in h.web_html for h in render_handouts(demo_portal))


def test_handout_core_does_not_import_mkdocs() -> None:
    # and WeasyPrint is imported only when a PDF is rendered
    assert engine_modules_imported(
        "import sys; from generator.build import load_portal; import generator.handouts.pdf;"
        "from generator.handouts import render_handouts; render_handouts(load_portal(sys.argv[1]))") == []
