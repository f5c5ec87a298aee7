"""Portal → {page path: Markdown} plus the navigation, rendered from Jinja2 templates.

Pure and deterministic: the same Portal gives byte-identical pages, so generated output can
be compared, cached and exported. No engine is imported here.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import kinds, urls
from generator.handouts.catalog import by_page as handouts_by_page
from generator.handouts.catalog import groups as handout_groups
from generator.labels import Labels
from generator.portal import Portal
from generator.quizdata import quiz_view

NavItem = str | dict[str, Any]


@dataclass(frozen=True)
class RenderedSite:
    """Generated pages (path → Markdown) and the nav in MkDocs' list-of-dicts shape."""

    pages: dict[str, str]
    nav: list[NavItem]
    skipped: tuple[str, ...] = field(default=())  # generated paths a hand-written page replaced
    sources: dict[str, str] = field(default_factory=dict)  # page path → YAML file it is made from
    kinds: dict[str, str] = field(default_factory=dict)  # page path → template name ('module', 'quiz_page', …)


def _markdown_field(text: Any) -> Markup:
    """A Markdown field, rendered by the engine; its HTML is sanitised after rendering
    (plugin ``on_page_content`` → :func:`generator.sanitize.clean_html`)."""
    return Markup(str(text or "").strip())


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
    env.globals["quiz_view"] = quiz_view  # one quiz shape for web pages and handouts
    return env


_ENV = _environment()


class _Renderer:
    def __init__(self, portal: Portal) -> None:
        self.portal = portal
        self.labels = Labels(portal.site.labels)
        self.pages: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.handouts = handouts_by_page(portal)

    def render(self, path: str, template: str, source: str | None = None, **context: Any) -> None:
        def ref(target: str) -> Markup:
            return Markup(urls.relative(path, target))  # a generated path, never content

        text = _ENV.get_template(template).render(
            p=self.portal, L=self.labels, urls=urls, ref=ref, page_path=path,
            page_handouts=self.handouts.get(path, []), **context)
        self.pages[path] = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        self.kinds[path] = template.removesuffix(".md.j2")
        if source:
            self.sources[path] = source


def render_pages(portal: Portal) -> RenderedSite:
    """Render every generated page; hand-written docs/ pages win over generated ones."""
    r = _Renderer(portal)
    r.render(urls.HOME, "home.md.j2", portal.source_of("site"))
    r.render(urls.ROUTES, "routes.md.j2", portal.source_of("routes"))
    for route in portal.routes:
        r.render(urls.route(route.id), "route.md.j2", portal.source_of("routes"), route=route)
    r.render(urls.TASKS, "tasks.md.j2", portal.source_of("tasks"))
    r.render(urls.COACH_CONDUCT, "coach_conduct.md.j2", portal.source_of("tasks"))
    if portal.plan:
        r.render(urls.PLAN, "plan.md.j2", portal.source_of("tasks"))
    for role in portal.roles:
        r.render(urls.role(role.id), "role.md.j2", portal.source_of("roles"), role=role)
    r.render(urls.TRAINING, "training.md.j2")
    for module in portal.modules:
        r.render(urls.module(module.id), "module.md.j2", portal.source_of("module", module.id), module=module,
                 quiz=portal.quiz_of_module(module))
    r.render(urls.PRACTICE, "practice.md.j2")
    r.render(urls.THEMES, "themes.md.j2")
    r.render(urls.LEVELS, "levels.md.j2")
    for theme in portal.themes:
        r.render(urls.theme(theme.id), "theme.md.j2", portal.source_of("theme", theme.id), theme=theme)
    for method in portal.shown_methods:
        r.render(urls.method(method.id), "method.md.j2", portal.source_of("method", method.id), method=method)
        for chapter in method.chapters:
            r.render(urls.chapter(method.id, chapter.number), "chapter.md.j2", portal.source_of("method", method.id),
                     method=method, chapter=chapter,
                     themes=[portal.theme(t) for t in chapter.themes])
    if portal.quizzes:
        r.render(urls.QUIZZES, "quizzes.md.j2")
        for quiz in portal.quizzes:
            r.render(urls.quiz(quiz.id), "quiz_page.md.j2", portal.source_of("quiz", quiz.id), quiz=quiz,
                     module=portal.module(quiz.module))
    r.render(urls.HANDOUTS, "handouts.md.j2", groups=handout_groups(portal))
    hand_written = {d.path for d in portal.docs}
    skipped = tuple(sorted(path for path in r.pages if path in hand_written))
    pages = {path: text for path, text in sorted(r.pages.items()) if path not in hand_written}
    sources = {path: source for path, source in sorted(r.sources.items()) if path in pages}
    return RenderedSite(pages=pages, nav=build_nav(portal, r.labels, set(r.pages)), skipped=skipped,
                        sources=sources, kinds={path: r.kinds[path] for path in pages})


# A section lists its pages in the nav only up to this many; larger sections show their index
# page only. Every page renders its section's nav, so listing 1,000 chapters would make the
# build quadratic (measured: 49 → 146 ms/page from 500 to 2,000 pages).
NAV_SECTION_LIMIT = 60


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


def _listed(index: str, children: list[NavItem]) -> list[NavItem]:
    return [index, *children] if len(children) <= NAV_SECTION_LIMIT else [index]


def build_nav(portal: Portal, L: Labels, generated: set[str]) -> list[NavItem]:
    """The site navigation: generated sections first, hand-written pages merged in.

    Titles are escaped here because the theme prints nav titles as HTML: a title is text,
    so 'Werk & inkomen' shows as written and a stray '<script>' never runs.
    """
    def t(title: str) -> str:
        return html.escape(title, quote=False)

    def section(title: str, items: list[NavItem]) -> dict[str, Any]:
        return {t(title): items}

    nav: list[NavItem] = [{t(L.home): urls.HOME}]
    nav.append(section(L.routes, _listed(urls.ROUTES, [{t(r.name): urls.route(r.id)} for r in portal.routes])))
    tasks: list[NavItem] = [urls.TASKS, {t(L.coach_conduct): urls.COACH_CONDUCT}]
    if portal.plan:
        tasks.append({t(L.plan): urls.PLAN})
    tasks.append(section(L.roles, [{t(role.name): urls.role(role.id)} for role in portal.roles]))
    nav.append(section(L.tasks, tasks))
    nav.append(section(L.training, _listed(urls.TRAINING, [{t(m.title): urls.module(m.id)} for m in portal.modules])))
    practice: list[NavItem] = [urls.PRACTICE]
    for method in portal.shown_methods:
        practice.append(section(method.name, _listed(urls.method(method.id), [
            {t(f"{L.chapter} {c.number}. {c.title}"): urls.chapter(method.id, c.number)} for c in method.chapters])))
    practice.append(section(L.themes, _listed(urls.THEMES, [{t(th.title): urls.theme(th.id)} for th in portal.themes])))
    practice.append({t(L.by_level): urls.LEVELS})
    nav.append(section(L.practice, practice))
    if portal.quizzes:
        nav.append(section(L.quizzes, _listed(urls.QUIZZES, [{t(q.title): urls.quiz(q.id)} for q in portal.quizzes])))
    nav.append({t(L.handouts): urls.HANDOUTS})
    extra = [d for d in portal.docs if d.path not in generated]
    if extra:
        nav.append(section(L.more_info, [{t(d.title): d.path} for d in extra]))
    return nav
