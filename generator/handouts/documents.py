"""Handout HTML, rendered with Jinja directly from the Portal (not from the Material page).

Each handout has two renderings of the same document:

- ``print_html``: what WeasyPrint turns into the PDF (and what the PDF cache key hashes);
- ``web_html``: the same document with a small link bar (back to the overview, Download PDF),
  published on the site at ``handouts/<kind>/<id>.html``; the bar is hidden on paper.

Both are self-contained (the stylesheet is inlined), load nothing and need no JavaScript.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import markdown as md
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import urls
from generator.handouts.catalog import BOOKLET, CARD, CHECKLIST, PARTICIPANT, TRAINER, Entry, catalog
from generator.labels import Labels
from generator.model import LEVEL_ORDER, Method, Module, RolePlay, Theme, Word
from generator.portal import ChapterRef, Portal
from generator.quizdata import QuizView, quiz_view
from generator.sanitize import clean_html


@dataclass(frozen=True)
class Handout:
    entry: Entry
    print_html: str
    web_html: str

    @property
    def title(self) -> str:
        return self.entry.title

    @property
    def html_path(self) -> str:
        return self.entry.html_path

    @property
    def pdf_path(self) -> str:
        return self.entry.pdf_path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@lru_cache(maxsize=4096)
def _markdown(text: str) -> str:
    # Sanitised like every web page (generator.sanitize); no host is allowed here: WeasyPrint
    # loads nothing from the network, so a remote image or iframe would only leave a hole.
    return clean_html(md.markdown(text, extensions=["tables", "sane_lists"], output_format="html"))


def _md(text: str | None, shift: int = 0, data: bool = False) -> Markup:
    """Markdown → HTML; headings in content move down ``shift`` levels to keep the order.

    ``data=True`` (quiz text) escapes HTML first: quiz text is data, never markup or code.
    """
    html = _markdown(_escape(text or "") if data else text or "")
    if shift:
        html = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", html)
    return Markup(html)


def _md_inline(text: str | None, data: bool = False) -> Markup:
    """Markdown of one line, without the wrapping <p>."""
    html = _markdown(_escape(text or "") if data else text or "").strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def _css_string(text: str) -> Markup:
    """A CSS string literal (for @page margin boxes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates/handouts"), undefined=StrictUndefined,
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = _md
    env.filters["md_inline"] = _md_inline
    env.filters["quiz_md"] = lambda text, shift=0: _md(text, shift, data=True)
    env.filters["css_string"] = _css_string
    return env


_ENV = _environment()


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("generator").joinpath("templates/handouts/handout.css").read_text(encoding="utf-8")


def page_url(md_path: str, directory_urls: bool) -> str:
    """Where MkDocs publishes a Markdown page (site-relative), to link from handout HTML."""
    return urls.page_url(md_path, directory_urls)


# --- view models -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScheduleRow:
    start: str
    end: str
    title: str
    minutes: int
    work_form: str


def _clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def schedule(module: Module) -> list[ScheduleRow]:
    rows, start = [], 0
    for a in module.activities:
        rows.append(ScheduleRow(_clock(start), _clock(start + a.minutes), a.title, a.minutes, a.work_form))
        start += a.minutes
    return rows


def materials(module: Module) -> list[str]:
    seen: dict[str, None] = {}
    for a in module.activities:
        for item in a.materials:
            seen.setdefault(item, None)
    return list(seen)


CARD_WORDS = 32
CARD_MIN_WORDS_PER_THEME = 8


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


def practice_card(portal: Portal, method: Method, number: int) -> Card:
    chapter = next(c for c in method.chapters if c.number == number)
    themes = [portal.theme(t) for t in chapter.themes]
    # A card stays within two pages: all chapter words, then an equal share of each theme's
    # list (theme lists start with the most useful words); the rest is on the theme pages.
    share = max(CARD_MIN_WORDS_PER_THEME, (CARD_WORDS - len(chapter.words)) // max(1, len(themes)))
    words: dict[str, Word] = {}
    for w in [*chapter.words, *(w for t in themes for w in t.vocabulary[:share])]:
        words.setdefault(w.word.casefold(), w)
    more_words = any(len(t.vocabulary) > share for t in themes)
    level_rank = LEVEL_ORDER.index(chapter.level)
    plays = [(t, rp) for t in themes for rp in t.role_plays]
    # The role play of the chapter's level; else the highest level below it; else the first.
    exact = [x for x in plays if x[1].level == chapter.level]
    lower = sorted((x for x in plays if LEVEL_ORDER.index(x[1].level) < level_rank),
                   key=lambda x: -LEVEL_ORDER.index(x[1].level))
    chosen: tuple[Theme | None, RolePlay | None] = next(iter(exact or lower or plays), (None, None))
    outing = next(((t, t.outing) for t in themes if t.outing), (None, None))
    return Card(method=method, number=number, title=chapter.title, level=chapter.level,
                focus=list(chapter.focus), themes=themes, words=list(words.values()),
                questions=[(t, t.questions.for_level(chapter.level)) for t in themes
                           if t.questions.for_level(chapter.level)],
                role_play=chosen[1], role_play_theme=chosen[0], outing=outing[1], outing_theme=outing[0],
                more_words=more_words)


# --- rendering -----------------------------------------------------------------------------------
def _context(portal: Portal, entry: Entry) -> tuple[str, dict[str, Any]]:
    if entry.kind in (TRAINER, PARTICIPANT) and isinstance(entry.subject, Module):
        module = entry.subject
        quiz = portal.quiz_of_module(module)
        return "module.html.j2", {"module": module, "trainer": entry.kind == TRAINER,
                                  "quiz": quiz_view(quiz, Labels(portal.site.labels)) if quiz else None}
    if entry.kind == CARD and isinstance(entry.subject, ChapterRef):
        return "card.html.j2", {"card": practice_card(portal, entry.subject.method, entry.subject.number)}
    if entry.kind == CHECKLIST:
        return f"{entry.subject}.html.j2", {}
    if entry.kind == BOOKLET:
        L = Labels(portal.site.labels)
        quizzes: dict[str, QuizView | None] = {}
        for m in portal.modules:
            q = portal.quiz_of_module(m)
            quizzes[m.id or ""] = quiz_view(q, L) if q else None
        return "booklet.html.j2", {"quizzes": quizzes}
    raise ValueError(f"unknown handout kind {entry.kind!r}")


def render_handout(portal: Portal, entry: Entry, directory_urls: bool = True) -> Handout:
    template, context = _context(portal, entry)
    here = posixpath.dirname(entry.html_path)

    def link(site_path: str) -> str:
        return posixpath.relpath(site_path, here) if not site_path.endswith("/") else \
            posixpath.relpath(site_path or ".", here).rstrip("/") + "/"

    common = dict(p=portal, L=Labels(portal.site.labels), entry=entry, css=Markup(stylesheet()),
                  org=portal.site.organisation.name, pdf=portal.site.features.pdf_handouts,
                  schedule=schedule, materials=materials, **context)
    web = dict(overview=link("handouts/index.html"),
               page=link(page_url(entry.page, directory_urls)) if entry.page else None,
               pdf_href=posixpath.basename(entry.pdf_path))
    tpl = _ENV.get_template(template)
    return Handout(entry, print_html=tpl.render(web=None, **common), web_html=tpl.render(web=web, **common))


def render_handouts(portal: Portal, directory_urls: bool = True) -> list[Handout]:
    """Every handout of the portal, rendered to HTML (cheap: no PDF here)."""
    return [render_handout(portal, e, directory_urls) for e in catalog(portal)]
