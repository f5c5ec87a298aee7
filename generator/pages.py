"""Portal → {page path: Markdown} plus the navigation, rendered from Jinja2 templates.

Pure and deterministic: the same Portal gives byte-identical pages, so generated output can
be compared, cached and exported. No engine is imported here.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from generator import kinds, sanitize, urls
from generator.handouts.catalog import by_page as handouts_by_page
from generator.handouts.catalog import groups as handout_groups
from generator.handouts.catalog import offers_pdfs
from generator.labels import Labels
from generator.portal import ChapterRef, Portal
from generator.quizdata import quiz_view
from generator.views import module_view, norm_lines, programme_view, word_rows

NavItem = str | dict[str, Any]


@dataclass(frozen=True)
class RenderedSite:
    """Generated pages (path → Markdown) and the nav in MkDocs' list-of-dicts shape."""

    pages: dict[str, str]
    nav: list[NavItem]
    skipped: tuple[str, ...] = field(default=())  # generated paths a hand-written page replaced
    sources: dict[str, str] = field(default_factory=dict)  # page path → YAML file it is made from
    kinds: dict[str, str] = field(default_factory=dict)  # page path → template name ('module', 'quiz_page', …)


@pass_context
def _markdown_field(context: Context, text: Any) -> Markup:
    """A Markdown field, rendered by the engine. Its raw HTML and link targets are reduced to
    the allowlist in the source already (so an export for another engine is safe too), and
    the plugin sanitises the rendered page again (``on_page_content``)."""
    hosts = context["p"].site.allowed_hosts
    return Markup(sanitize.markdown_source(str(text or "").strip(), hosts))


def _markdown_as_data(text: Any) -> Markup:
    return Markup(sanitize.markdown_source(str(kinds.text_html(str(text or "").strip()))))


def _environment() -> Environment:
    # Every {{ value }} is Text (Markdown-neutralised and HTML-escaped, generator.kinds) unless
    # a helper below marked it: | md (Markdown field), | cell (Text in a table cell),
    # | e or | attr (Text inside raw HTML that Markdown does not re-read), | url (Url field).
    env = Environment(
        loader=PackageLoader("generator", "templates/pages"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        **kinds.markdown_environment_options(),
    )
    env.filters["cell"] = kinds.cell
    env.filters["attr"] = kinds.text_html
    env.filters["md"] = _markdown_field
    env.filters["url"] = kinds.url
    # Quiz Markdown fields: HTML shown as text (quiz text is data), Markdown kept, link targets
    # limited to the Url kind's schemes.
    env.filters["md_escaped"] = _markdown_as_data
    env.globals["quiz_view"] = quiz_view  # one quiz shape for web pages and handouts
    env.globals["word_rows"] = word_rows  # one word-list shape for web pages and handouts
    return env


_ENV = _environment()


class _Renderer:
    def __init__(self, portal: Portal, pdfs: bool) -> None:
        self.portal = portal
        self.pdfs = offers_pdfs(portal, pdfs)
        self.labels = portal.labels
        self.pages: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.handouts = handouts_by_page(portal)
        self.abbreviations = _abbreviations(portal)
        self._material: dict[tuple[str, tuple[str, ...], str], Markup] = {}
        self._material_macros: Any = None

    def theme_material(self, theme: Any, levels: list[str], heading: str = "##") -> Markup:
        """A theme's practice material, rendered once per levels and heading: every chapter on
        the theme shows the same (a network's methods share their themes; 2,000 chapters on 50
        themes rendered it 2,000 times). The macro uses no page-relative link."""
        key = (theme.id, tuple(levels), heading)
        if key not in self._material:
            if self._material_macros is None:
                self._material_macros = _ENV.get_template("_theme_material.md.j2").make_module(
                    {"p": self.portal, "L": self.labels, "urls": urls, "pdfs": self.pdfs})
            self._material[key] = self._material_macros.material(theme, list(levels), heading)
        return self._material[key]

    def render(self, path: str, template: str, source: str | None = None, **context: Any) -> None:
        def ref(target: str) -> Markup:
            return Markup(urls.relative(path, target))  # a generated path, never content

        text = _ENV.get_template(template).render(
            p=self.portal, L=self.labels, urls=urls, ref=ref, page_path=path, pdfs=self.pdfs,
            page_handouts=self.handouts.get(path, []), theme_material=self.theme_material, **context)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        if path != urls.GLOSSARY:
            text += _abbreviation_lines(text, self.abbreviations)
        self.pages[path] = text
        self.kinds[path] = template.removesuffix(".md.j2")
        if source:
            self.sources[path] = source


# An overview page lists at most this many items; longer lists continue on numbered pages.
# Measured: a listed item costs 0.3–0.5 KB of HTML, so 100 keep an overview under ~60 KB,
# while `oefenen/niveau/` listing everything was 1.5 MB at 10,031 pages.
OVERVIEW_PAGE_SIZE = 100
# A level page shows a method's chapters at that level as runs ("hoofdstuk 3–9"); a method
# whose chapters switch level more often than this is shown as a link to its own page.
MAX_RUNS = 8


@dataclass(frozen=True)
class Pager:
    """Where one page of a paginated overview sits: page `number` of `count`."""

    number: int
    count: int
    first: str  # path of page 1; page n is urls.paged(first, n)
    start: int  # 1-based position of this page's first item in the whole list
    total: int

    @property
    def paths(self) -> list[str]:
        return [urls.paged(self.first, n) for n in range(1, self.count + 1)]


def _paginated(r: _Renderer, first: str, template: str, items: list[Any], name: str,
               source: str | None = None, **context: Any) -> None:
    """Render an overview as pages of OVERVIEW_PAGE_SIZE items, each with links to the others."""
    chunks = [items[i:i + OVERVIEW_PAGE_SIZE] for i in range(0, len(items), OVERVIEW_PAGE_SIZE)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        pager = Pager(n, len(chunks), first, (n - 1) * OVERVIEW_PAGE_SIZE + 1, len(items))
        r.render(urls.paged(first, n), template, source, pager=pager, **{name: chunk}, **context)


def _chapter_runs(portal: Portal, level: str) -> list[tuple[Any, list[tuple[int, int]] | None]]:
    """Per method, its chapters at `level` as runs of consecutive numbers (None: too many runs)."""
    found: list[tuple[Any, list[tuple[int, int]] | None]] = []
    for method in portal.shown_methods:
        runs: list[tuple[int, int]] = []
        previous: int | None = None
        for c in method.chapters:
            if c.level != level:
                previous = None
                continue
            if previous is not None and runs:
                runs[-1] = (runs[-1][0], c.number)
            else:
                runs.append((c.number, c.number))
            previous = c.number
        if runs:
            found.append((method, runs if len(runs) <= MAX_RUNS else None))
    return found


def _capped_groups(portal: Portal) -> tuple[list[tuple[str, list[Any]]], list[tuple[str, str, int]]]:
    """Handout groups for the overview, and methods whose practice cards are only linked.

    Each chapter page offers its own card, so when a portal has more cards than an overview
    lists, the overview links each method's page instead of listing every card (measured:
    200 methods × 50 chapters made handouts/index.html 1.58 MB)."""
    groups = handout_groups(portal)
    kept: list[tuple[str, list[Any]]] = []
    linked: list[tuple[str, str, int]] = []
    for group, entries in groups:
        subject = entries[0].subject if entries else None
        if isinstance(subject, ChapterRef):
            linked.append((subject.method.name, urls.method(subject.method.id), len(entries)))
        else:
            kept.append((group, entries))
    if sum(count for _, _, count in linked) <= OVERVIEW_PAGE_SIZE:
        return groups, []
    return kept, linked


def render_pages(portal: Portal, pdfs: bool = True) -> RenderedSite:
    """Render every generated page; hand-written docs/ pages win over generated ones.

    ``pdfs=False`` (a build without PDFs) links the handouts' print versions only."""
    r = _Renderer(portal, pdfs)
    r.render(urls.HOME, "home.md.j2", portal.source_of("site"))
    r.render(urls.ROUTES, "routes.md.j2", portal.source_of("routes"))
    for route in portal.routes:
        r.render(urls.route(route.id), "route.md.j2", portal.source_of("routes"), route=route)
    r.render(urls.TASKS, "tasks.md.j2", portal.source_of("tasks"))
    r.render(urls.COACH_CONDUCT, "coach_conduct.md.j2", portal.source_of("tasks"))
    if portal.plan:
        r.render(urls.PLAN, "plan.md.j2", portal.source_of("tasks"), norms=norm_lines(portal, r.labels))
    for role in portal.roles:
        r.render(urls.role(role.id), "role.md.j2", portal.source_of("roles"), role=role)
    r.render(urls.TRAINING, "training.md.j2")
    for training in portal.trainings:
        r.render(urls.programme(training.id), "programme.md.j2", portal.source_of("training", training.id),
                 programme=programme_view(portal, training, r.labels))
    if portal.materials:
        used_by: dict[str, list[Any]] = {}
        for module in portal.modules:
            for activity in module.activities:
                for mid in activity.materials:
                    used_by.setdefault(mid, []).append((module, activity))
        # The print version of each printable material (catalog entries of this page, by id).
        handout_of = {e.id: e for e in r.handouts.get(urls.MATERIALS, [])}
        r.render(urls.MATERIALS, "materials.md.j2", used_by=used_by, handout_of=handout_of)
    if portal.glossary:
        r.render(urls.GLOSSARY, "glossary.md.j2", portal.source_of("begrippen"))
    for module in portal.modules:
        r.render(urls.module(module.id), "module.md.j2", portal.source_of("module", module.id), module=module,
                 view=module_view(portal, module, r.labels), quiz=portal.quiz_of_module(module))
    r.render(urls.PRACTICE, "practice.md.j2", themes_listed=len(portal.themes) <= OVERVIEW_PAGE_SIZE)
    _paginated(r, urls.THEMES, "themes.md.j2", list(portal.themes), "themes")
    r.render(urls.LEVELS, "levels.md.j2")
    for level in portal.levels:
        _paginated(r, urls.level(level), "level.md.j2", portal.themes_of_level(level), "themes",
                   level=level, method_runs=_chapter_runs(portal, level))
    for theme in portal.themes:
        r.render(urls.theme(theme.id), "theme.md.j2", portal.source_of("theme", theme.id), theme=theme,
                 list_limit=OVERVIEW_PAGE_SIZE)
    for method in portal.shown_methods:
        _paginated(r, urls.method(method.id), "method.md.j2", list(method.chapters), "chapters",
                   portal.source_of("method", method.id), method=method)
        for chapter in method.chapters:
            r.render(urls.chapter(method.id, chapter.number), "chapter.md.j2", portal.source_of("method", method.id),
                     method=method, chapter=chapter,
                     themes=[portal.theme(t) for t in chapter.themes])
    if portal.quizzes:
        r.render(urls.QUIZZES, "quizzes.md.j2")
        for quiz in portal.quizzes:
            r.render(urls.quiz(quiz.id), "quiz_page.md.j2", portal.source_of("quiz", quiz.id), quiz=quiz,
                     module=portal.module(quiz.module))
    groups, card_methods = _capped_groups(portal)
    r.render(urls.HANDOUTS, "handouts.md.j2", groups=groups, card_methods=card_methods)
    hand_written = {d.path for d in portal.docs}
    skipped = tuple(sorted(path for path in r.pages if path in hand_written))
    pages = {path: text for path, text in sorted(r.pages.items()) if path not in hand_written}
    sources = {path: source for path, source in sorted(r.sources.items()) if path in pages}
    return RenderedSite(pages=pages, nav=build_nav(portal, r.labels, set(r.pages)), skipped=skipped,
                        sources=sources, kinds={path: r.kinds[path] for path in pages})


def _abbreviations(portal: Portal) -> list[tuple[re.Pattern[str], str]]:
    """Glossary terms as Markdown abbreviations (``*[PIP]: …``): the 'abbr' extension then
    explains each term where it appears, in an escaped ``<abbr title>`` the browser shows."""
    found = []
    for t in portal.glossary:
        explanation = re.sub(r"\s+", " ", f"{t.full}: {t.definition}" if t.full else t.definition)
        for word in (t.term, *t.also):
            found.append((re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])"), f"*[{word}]: {explanation}"))
    return found


def _abbreviation_lines(text: str, abbreviations: list[tuple[re.Pattern[str], str]]) -> str:
    """Definitions for the terms this page uses, appended to its Markdown (only those: a page
    listing all terms would grow every page of the site)."""
    lines = [line for pattern, line in abbreviations if pattern.search(text)]
    return "\n" + "\n".join(lines) + "\n" if lines else ""


# Nav budget: a nav level lists at most this many entries; longer lists are split into
# groups ("Hoofdstuk 1–40", "Hoofdstuk 41–80", …) and groups into groups. With Material's
# `navigation.prune` a page renders only the levels on its own path plus their siblings,
# so a page's nav stays below ~depth × NAV_SECTION_LIMIT links at any portal size.
# (Measured before: 40 methods × 50 chapters gave every chapter page 2,208 nav links, 742 KB.)
NAV_SECTION_LIMIT = 40


def nav_paths(nav: list[NavItem]) -> set[str]:
    """Every page path the navigation links to."""
    found: set[str] = set()
    for item in nav:
        if isinstance(item, str):
            found.add(item)
        else:
            for target in item.values():
                found |= {target} if isinstance(target, str) else nav_paths(target)
    return found


def _budget(children: list[NavItem], names: list[tuple[str, str]],
            title: Any) -> list[NavItem]:
    """Split `children` into nested groups of at most NAV_SECTION_LIMIT entries.

    `names` holds each child's (first, last) name for group titles; `title(first, last)`
    makes a group's title from the first name of its first child and the last of its last.
    """
    while len(children) > NAV_SECTION_LIMIT:
        size = NAV_SECTION_LIMIT
        grouped: list[NavItem] = []
        grouped_names: list[tuple[str, str]] = []
        for i in range(0, len(children), size):
            first, last = names[i][0], names[min(i + size, len(children)) - 1][1]
            grouped.append({title(first, last): children[i:i + size]})
            grouped_names.append((first, last))
        children, names = grouped, grouped_names
    return children


def build_nav(portal: Portal, L: Labels, generated: set[str]) -> list[NavItem]:
    """The site navigation: generated sections first, hand-written pages merged in.

    Titles are escaped here because the theme prints nav titles as HTML: a title is text,
    so 'Werk & inkomen' shows as written and a stray '<script>' never runs.
    """
    def t(title: str) -> str:
        return html.escape(title, quote=False)

    def section(title: str, items: list[NavItem]) -> dict[str, Any]:
        return {t(title): items}

    def listed(index: str, entries: list[tuple[str, str]]) -> list[NavItem]:
        names = [(name, name) for name, _ in entries]
        return [index, *_budget([{t(name): path} for name, path in entries], names,
                                lambda a, b: t(f"{a} – {b}"))]

    nav: list[NavItem] = [{t(L.home): urls.HOME}]
    nav.append(section(L.routes, listed(urls.ROUTES, [(r.name, urls.route(r.id)) for r in portal.routes])))
    tasks: list[NavItem] = [urls.TASKS, {t(L.coach_conduct): urls.COACH_CONDUCT}]
    if portal.plan:
        tasks.append({t(L.plan): urls.PLAN})
    tasks.append(section(L.roles, [{t(role.name): urls.role(role.id)} for role in portal.roles]))
    nav.append(section(L.tasks, tasks))
    training = listed(urls.TRAINING, [(m.title, urls.module(m.id)) for m in portal.modules])
    training += [{t(tr.title): urls.programme(tr.id)} for tr in portal.trainings]
    if portal.materials:
        training.append({t(L.materials_page): urls.MATERIALS})
    nav.append(section(L.training, training))
    practice: list[NavItem] = [urls.PRACTICE]
    # Methods sit one level below the tab ("Methodes"), so only the current method's
    # chapters are expanded: a section right under a tab is always open in Material.
    methods: list[NavItem] = []
    for method in portal.shown_methods:
        chapters = _budget(
            [{t(f"{L.chapter} {c.number}. {c.title}"): urls.chapter(method.id, c.number)} for c in method.chapters],
            [(str(c.number), str(c.number)) for c in method.chapters],
            lambda a, b: t(f"{L.chapter} {a}–{b}"))
        methods.append(section(method.name, [urls.method(method.id), *chapters]))
    if methods:
        names = [(m.name, m.name) for m in portal.shown_methods]
        practice.append(section(L.methods, _budget(methods, names, lambda a, b: t(f"{a} – {b}"))))
    practice.append(section(L.themes, listed(urls.THEMES, [(th.title, urls.theme(th.id)) for th in portal.themes])))
    levels: list[NavItem] = [{t(f"{L.level} {lv}"): urls.level(lv)} for lv in portal.levels]
    practice.append(section(L.by_level, [urls.LEVELS, *levels]))
    nav.append(section(L.practice, practice))
    if portal.quizzes:
        nav.append(section(L.quizzes, listed(urls.QUIZZES, [(q.title, urls.quiz(q.id)) for q in portal.quizzes])))
    nav.append({t(L.handouts): urls.HANDOUTS})
    if portal.glossary:
        nav.append({t(L.glossary): urls.GLOSSARY})
    extra = [d for d in portal.docs if d.path not in generated]
    if extra:
        nav.append(section(L.more_info, [{t(d.title): d.path} for d in extra]))
    return nav
