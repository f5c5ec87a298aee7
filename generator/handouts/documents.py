"""Handout HTML, rendered with Jinja directly from the Portal (not from the Material page).

Each handout has two renderings of the same document:

- ``print_html``: what WeasyPrint turns into the PDF (and what the PDF cache key hashes),
  rendered when first asked for: a build without PDFs never needs it;
- ``web_html``: the same document with a small link bar (back to the overview, Download PDF),
  published on the site at ``handouts/<kind>/<id>.html``; the bar is hidden on paper.

The print version is self-contained (the stylesheet inlined, for WeasyPrint); the web versions
link one shared copy of it (``site_files``), which browsers load once instead of 10 kB inside
every handout. Neither loads anything from another host or needs JavaScript.
"""
from __future__ import annotations

import html as html_lib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import markdown as md
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import urls
from generator.handouts.catalog import Entry, Kind, TrainingEdition, catalog, offers_pdfs
from generator.labels import Labels
from generator.model import LEVEL_ORDER, Material, Method, Module, RolePlay, Theme, Training, Word
from generator.portal import ChapterRef, Portal
from generator.quizdata import QuizView, quiz_view
from generator.sanitize import clean_html
from generator.views import module_view, norm_lines, programme_view, word_rows


@dataclass(frozen=True)
class Handout:
    entry: Entry
    web_html: str
    printed: Callable[[], str] = field(repr=False, compare=False)  # renders print_html, once

    @property
    def print_html(self) -> str:
        return self.printed()

    @property
    def title(self) -> str:
        return self.entry.title

    @property
    def html_path(self) -> str:
        return self.entry.html_path

    @property
    def pdf_path(self) -> str:
        return self.entry.pdf_path


@lru_cache(maxsize=4096)
def _markdown(text: str) -> str:
    # Sanitised like every web page (generator.sanitize); no host is allowed here: WeasyPrint
    # loads nothing from the network, so a remote image or iframe would only leave a hole.
    return clean_html(md.markdown(text, extensions=["tables", "sane_lists"], output_format="html"))


def _md(text: str | None, shift: int = 0, data: bool = False) -> Markup:
    """Markdown → HTML; headings in content move down ``shift`` levels to keep the order.

    ``data=True`` (quiz text) escapes HTML first: quiz text is data, never markup or code.
    """
    html = _markdown(html_lib.escape(text or "", quote=False) if data else text or "")
    if shift:
        html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", html)
    return Markup(html)


def _md_inline(text: str | None, data: bool = False) -> Markup:
    """Markdown of one line, without the wrapping <p>."""
    html = _markdown(html_lib.escape(text or "", quote=False) if data else text or "").strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def _css_string(text: str) -> Markup:
    """A CSS string literal (for @page margin boxes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


# The footer line (8 pt, 80 % of the A4 text width ≈ 140 mm) holds about 84 characters of
# DejaVu Sans; longer footers are shortened with an ellipsis instead of wrapping to two lines.
FOOTER_CHARS = 84


def footer_text(text: str) -> str:
    return text if len(text) <= FOOTER_CHARS else text[:FOOTER_CHARS - 1].rstrip(" ·:—-") + "…"


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates/handouts"), undefined=StrictUndefined,
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = _md
    env.filters["md_inline"] = _md_inline
    env.filters["quiz_md"] = lambda text, shift=0: _md(text, shift, data=True)
    env.filters["css_string"] = _css_string
    env.filters["footer_text"] = footer_text
    env.globals["word_rows"] = word_rows  # one word-list shape for web pages and handouts (generator.views)
    return env


_ENV = _environment()


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("generator").joinpath("templates/handouts/handout.css").read_text(encoding="utf-8")


def site_files() -> dict[str, str]:
    """Files the web versions of the handouts share, keyed by their path inside the site."""
    return {urls.HANDOUT_STYLESHEET: stylesheet()}


def page_url(md_path: str, directory_urls: bool) -> str:
    """Where MkDocs publishes a Markdown page (site-relative), to link from handout HTML."""
    return urls.page_url(md_path, directory_urls)


# --- view models -------------------------------------------------------------------------------
CARDS_PER_SHEET = 8  # 2 × 4 on A4: 105 × 74 mm each, the size of a large index card


def card_sheets(material: Material) -> list[list[str]]:
    """The cards in sheets of eight; the last sheet is filled up with blank cards to write on."""
    cards = list(material.cards)
    cards += [""] * (-len(cards) % CARDS_PER_SHEET)
    return [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]


# Practice cards are printed at 11 pt (word table 10 pt) for learners at A1 or with little
# schooling. A card fills one or two whole pages: the number of words is chosen from an estimate
# of the card's height, so that no page of a card is more than half empty. The estimate counts
# text lines at the printed sizes (A4, 16 mm side margins: ~85 characters of 11 pt per line,
# ~54 characters in the 10 pt example column); tests render the PDFs and measure the result.
PAGE_MM = 297 - 16 - 20 - 6          # printable height minus the organisation line
LINE_MM = 11 * 1.4 * 0.3528          # one line of 11 pt body text
ROW_LINE_MM = 10 * 1.3 * 0.3528      # one line in the word table
ROW_PAD_MM = 2 * 0.8 + 0.3
CARD_MIN_WORDS = 12
CARD_MAX_PAGES = 2


def _lines(text: str, width: int) -> int:
    """Lines a text needs at ``width`` characters per line (word-wrapped)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width:
            lines, used = lines + 1, len(word)
        else:
            used += len(word) + (1 if used else 0)
    return lines


def _row_mm(w: Word) -> float:
    return max(_lines(w.word, 18), _lines(w.example, 54)) * ROW_LINE_MM + ROW_PAD_MM


def word_level(theme: Theme, index: int) -> str:
    """A theme word's level: given, or guessed from its place in the list (easy words first)."""
    word = theme.vocabulary[index]
    if word.level:
        return word.level
    levels = [lvl for lvl in LEVEL_ORDER if lvl in theme.levels]
    return levels[min(len(levels) - 1, index * len(levels) // max(1, len(theme.vocabulary)))]


def words_for_level(chapter_words: list[Word], themes: list[Theme], level: str) -> list[Word]:
    """Chapter words first; then theme words of the chapter's level, then the nearest levels
    below it, then above it - taking turns between the themes, so each theme gets its share."""
    rank = LEVEL_ORDER.index(level)

    def distance(lvl: str) -> tuple[int, int]:
        d = LEVEL_ORDER.index(lvl) - rank
        return (0, -d) if d <= 0 else (1, d)   # same level, then lower (nearest first), then higher

    queues = [sorted(((distance(word_level(t, i)), i, w) for i, w in enumerate(t.vocabulary)),
                     key=lambda x: (x[0], x[1])) for t in themes]
    ordered: list[Word] = list(chapter_words)
    for key in sorted({k for q in queues for k, _, _ in q}):
        batches = [[w for k, _, w in q if k == key] for q in queues]
        for i in range(max((len(b) for b in batches), default=0)):
            ordered += [b[i] for b in batches if i < len(b)]
    seen: dict[str, Word] = {}
    for w in ordered:
        seen.setdefault(w.word.casefold(), w)
    return list(seen.values())


def _fixed_mm(chapter_title: str, focus: list[str], questions: list[tuple[Theme, list[str]]],
              role_play: RolePlay | None, outing: str | None) -> float:
    heading = 8.0 + 3.5   # h2 with its margins and rule
    mm = 4 + _lines(chapter_title, 45) * 8.5 + LINE_MM + 3   # organisation line, h1, meta
    if focus:
        mm += heading + sum(_lines(f, 80) * LINE_MM + 1 for f in focus) + 2
    mm += heading + 8  # word table heading and header row
    if questions:
        mm += heading + sum((7 if len(questions) > 1 else 0) + sum(_lines(q, 80) * LINE_MM + 1 for q in qs)
                            for _, qs in questions)
    if role_play:
        mm += heading + LINE_MM + _lines(role_play.situation, 85) * LINE_MM + 2 * LINE_MM + 6
    if outing:
        mm += heading + _lines(outing, 85) * LINE_MM + 4
    return mm


LAST_PAGE_FULL = 0.6  # share of the last page a card should fill (the test demands half)


def _last_page_share(height_mm: float) -> float:
    whole = int(height_mm // PAGE_MM)
    return 1.0 if height_mm - whole * PAGE_MM < 1 and whole else (height_mm - whole * PAGE_MM) / PAGE_MM


def fitting_words(words: list[Word], fixed_mm: float) -> list[Word]:
    """As many words as fill the card's pages, leaving no page more than half empty."""
    total = fixed_mm
    best: list[Word] = []
    for n, w in enumerate(words, 1):
        total += _row_mm(w)
        if total > CARD_MAX_PAGES * PAGE_MM * 0.94:
            break
        best = words[:n]
    height = fixed_mm + sum(_row_mm(w) for w in best)
    if PAGE_MM * 0.94 < height < PAGE_MM * 1.55:
        # the second page would be mostly empty: fit on one page if enough words remain
        one_page = list(best)
        while one_page and fixed_mm + sum(_row_mm(w) for w in one_page) > PAGE_MM * 0.94:
            one_page.pop()
        if len(one_page) >= CARD_MIN_WORDS:
            best = one_page
    return best


@dataclass(frozen=True)
class Card:
    method: Method
    number: int
    title: str
    level: str
    focus: list[str]
    themes: list[Theme]
    words: list[Word]
    questions: list[tuple[Theme, list[str]]]
    role_play: RolePlay | None
    role_play_theme: Theme | None
    outing: str | None
    outing_theme: Theme | None
    more_words: bool = False
    tips: list[str] = field(default_factory=list)
    extra_role_play: RolePlay | None = None


def practice_card(portal: Portal, method: Method, number: int) -> Card:
    chapter = method.chapter(number)
    themes = [portal.theme(t) for t in chapter.themes]
    level_rank = LEVEL_ORDER.index(chapter.level)
    plays = [(t, rp) for t in themes for rp in t.role_plays]
    # The role play of the chapter's level; else the highest level below it; else the first.
    exact = [x for x in plays if x[1].level == chapter.level]
    lower = sorted((x for x in plays if LEVEL_ORDER.index(x[1].level) < level_rank),
                   key=lambda x: -LEVEL_ORDER.index(x[1].level))
    chosen: tuple[Theme | None, RolePlay | None] = next(iter(exact or lower or plays), (None, None))
    outing = next(((t, t.outing) for t in themes if t.outing), (None, None))
    questions = [(t, t.questions.for_level(chapter.level)) for t in themes if t.questions.for_level(chapter.level)]
    candidates = words_for_level(list(chapter.words), themes, chapter.level)
    fixed = _fixed_mm(f"{method.name} {chapter.title}", list(chapter.focus), questions, chosen[1], outing[1])
    words = fitting_words(candidates, fixed)
    # All words fit and the last page is still mostly empty: add the coach's tips, then a second
    # role play, as long as they fit - rather than leave half a sheet blank.
    height = fixed + sum(_row_mm(w) for w in words)
    tips: list[str] = []
    extra: RolePlay | None = None
    for tip in (t for theme in themes for t in theme.coach_tips):
        if _last_page_share(height) >= LAST_PAGE_FULL:
            break
        grown = height + (8.0 + 3.5 if not tips else 0) + _lines(tip, 80) * LINE_MM + 1
        if grown > CARD_MAX_PAGES * PAGE_MM * 0.94:
            break
        tips.append(tip)
        height = grown
    if _last_page_share(height) < LAST_PAGE_FULL:
        others = sorted((rp for _, rp in plays if rp is not chosen[1]),
                        key=lambda rp: abs(LEVEL_ORDER.index(rp.level) - level_rank))
        if others:
            grown = height + 8.0 + 3.5 + (_lines(others[0].situation, 85) + 3) * LINE_MM + 6
            if grown <= CARD_MAX_PAGES * PAGE_MM * 0.94:
                extra, height = others[0], grown
    return Card(method=method, number=number, title=chapter.title, level=chapter.level,
                focus=list(chapter.focus), themes=themes, words=words, questions=questions,
                role_play=chosen[1], role_play_theme=chosen[0], outing=outing[1], outing_theme=outing[0],
                more_words=len(words) < len(candidates), tips=tips, extra_role_play=extra)


# --- rendering -----------------------------------------------------------------------------------
def _context(portal: Portal, entry: Entry, L: Labels) -> tuple[str, dict[str, Any]]:
    if entry.kind in (Kind.TRAINER, Kind.PARTICIPANT) and isinstance(entry.subject, Module):
        module = entry.subject
        quiz = portal.quiz_of_module(module)
        return "module.html.j2", {"view": module_view(portal, module, L), "trainer": entry.kind == Kind.TRAINER,
                                  "quiz": quiz_view(quiz, L) if quiz else None}
    if entry.kind == Kind.CARD and isinstance(entry.subject, ChapterRef):
        return "card.html.j2", {"card": practice_card(portal, entry.subject.method, entry.subject.number)}
    if entry.kind == Kind.CHECKLIST:
        return f"{entry.subject}.html.j2", {"norms": norm_lines(portal, L)}
    if entry.kind == Kind.PROGRAMME and isinstance(entry.subject, TrainingEdition):
        return "programme.html.j2", {"programme": programme_view(portal, entry.subject.training, L),
                                     "trainer": entry.subject.trainer}
    if entry.kind == Kind.CERTIFICATE and isinstance(entry.subject, Training):
        return "certificate.html.j2", {"programme": programme_view(portal, entry.subject, L)}
    if entry.kind == Kind.MATERIAL and isinstance(entry.subject, Material):
        material = entry.subject
        return "material.html.j2", {"material": material, "sheets": card_sheets(material)}
    if entry.kind == Kind.BOOKLET:
        quizzes: dict[str, QuizView | None] = {}
        for m in portal.modules:
            q = portal.quiz_of_module(m)
            quizzes[m.id or ""] = quiz_view(q, L) if q else None
        return "booklet.html.j2", {"quizzes": quizzes,
                                   "modules": [module_view(portal, m, L) for m in portal.modules],
                                   "programmes": [programme_view(portal, t, L) for t in portal.trainings]}
    raise ValueError(f"unknown handout kind {entry.kind!r}")


def render_handout(portal: Portal, entry: Entry, directory_urls: bool = True, pdfs: bool = True) -> Handout:
    """One handout's print and web HTML; the web version links its PDF when ``offers_pdfs``."""
    L = portal.labels
    template, context = _context(portal, entry, L)
    here = posixpath.dirname(entry.html_path)

    def link(site_path: str) -> str:
        return urls.relpath(site_path, here) if not site_path.endswith("/") else \
            urls.relpath(site_path or ".", here).rstrip("/") + "/"

    common = dict(p=portal, L=L, entry=entry, css=Markup(stylesheet()),
                  org=portal.site.organisation.name, pdf=offers_pdfs(portal, pdfs), **context)
    web = dict(overview=link("handouts/index.html"), stylesheet=link(urls.HANDOUT_STYLESHEET),
               favicon=link(urls.SITE_FAVICON),
               page=link(page_url(entry.page, directory_urls)) if entry.page else None,
               pdf_href=posixpath.basename(entry.pdf_path))
    tpl = _ENV.get_template(template)
    return Handout(entry, web_html=tpl.render(web=web, **common),
                   printed=cache(lambda: tpl.render(web=None, **common)))


def render_handouts(portal: Portal, directory_urls: bool = True, pdfs: bool = True) -> list[Handout]:
    """Every handout of the portal, rendered to HTML (cheap: no PDF here)."""
    return [render_handout(portal, e, directory_urls, pdfs) for e in catalog(portal)]
