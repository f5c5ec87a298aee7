"""The primary navigation of a page, written in Python with Material's exact markup.

Material renders the nav with a recursive Jinja macro (`partials/nav-item.html`) that costs
~80 µs per entry; with ~100 entries per page that was half of a build's CPU time (1 × 2,000
chapters: 24 of 48 s, for plain MkDocs as for us). This module prints the same elements,
classes, ids and attributes from the same inputs (the nav, the current page and the theme
features) in a few hundred µs per page. `templates/overrides/partials/nav.html` uses it when
the plugin provides it and falls back to Material's macro otherwise (an exported site, an
entry this module does not know how to print). `tests/test_nav_html.py` holds the two equal.
"""
from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from markupsafe import Markup, escape
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import normalize_url

# Entries printed with something this module leaves to Material: icons, subtitles and status
# badges from front matter, the typeset plugin's titles, the blog's archive pages.
_META_KEYS = ("icon", "subtitle", "status")
_ATTRIBUTES = ("typeset", "encrypted", "pages")
TOC_SLOT = "\x00toc\x00"  # where the template includes partials/toc.html for the current page


class FastNav:
    """Called from the nav template as ``tc_nav(nav, page)``: the entries' HTML, split around
    the current page's table of contents, or None when Material's own macro must print them."""

    def __init__(self, features: Iterable[str]) -> None:
        f = set(features)
        self.tabs = "navigation.tabs" in f
        self.sections = "navigation.sections" in f
        self.indexes = "navigation.indexes" in f
        self.prune = "navigation.prune" in f
        self.expand = "navigation.expand" in f
        self._supported: bool | None = None
        self._index: dict[int, Page | None] = {}
        self._url: Callable[[str], str] = str

    def __call__(self, nav: Navigation, page: Page | None) -> list[str] | None:
        if page is None:  # a theme page such as 404.html: links from the site root, as Material does
            return None
        if self._supported is None:  # pages are read by now; their front matter is known
            self._supported = _all_printable(nav)
        if not self._supported:
            return None
        self._url = _RelativeTo(page)
        out: list[str] = []
        for i, item in enumerate(nav.items, 1):
            self._item(item, f"__nav_{i}", 1, None, page, out)
        return "".join(out).split(TOC_SLOT)

    def _item(self, item: Any, path: str, level: int, parent: Any, page: Page, out: list[str]) -> None:
        cls = "md-nav__item"
        if item.active:
            cls += " md-nav__item--active"
        children = item.children
        if children:
            self._section(item, children, cls, path, level, parent, page, out)
        elif item is page:
            toc = page.toc
            first = next(iter(toc), None)
            if first is not None and first.level == 1:
                toc = first.children
            content = _content(item)
            out.append(f'<li class="{cls}">\n<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n')
            if toc:
                out.append(f'<label class="md-nav__link md-nav__link--active" for="__toc">\n{content}\n'
                           '<span class="md-nav__icon md-icon"></span>\n</label>\n')
            out.append(f'<a href="{self._url(item.url)}" class="md-nav__link md-nav__link--active">\n'
                       f'{content}\n</a>\n')
            if toc:
                out.append(TOC_SLOT)
            out.append("</li>\n")
        else:
            out.append(f'<li class="{cls}">\n<a href="{self._url(item.url)}" class="md-nav__link">\n'
                       f"{_content(item)}\n</a>\n</li>\n")

    def _section(self, item: Section, children: Sequence[Any], cls: str, path: str, level: int,
                 parent: Any, page: Page, out: list[str]) -> None:
        index = self._index_of(item) if self.indexes else None
        is_section = False
        if self.tabs:
            if level == 1 and item.active:
                cls, is_section = cls + " md-nav__item--section", True
            if self.sections and level == 2 and parent.active:
                cls, is_section = cls + " md-nav__item--section", True
        elif self.sections and level == 1:
            cls, is_section = cls + " md-nav__item--section", True
        pruned = self.prune and not is_section and not item.active
        if pruned:
            cls += " md-nav__item--pruned"
        out.append(f'<li class="{cls} md-nav__item--nested">\n')
        if pruned:
            out.append(self._pruned(item, item, page))
            out.append("</li>\n")
            return
        checked = "checked" if item.active else ""
        indeterminate = "md-toggle--indeterminate" if self.expand and not checked else ""
        tabindex = "" if is_section else "0"
        out.append(f'<input class="md-nav__toggle md-toggle {indeterminate}" type="checkbox" id="{path}" {checked}>\n')
        if index is None:
            out.append(f'<label class="md-nav__link" for="{path}" id="{path}_label" tabindex="{tabindex}">\n'
                       f'{_content(item)}\n<span class="md-nav__icon md-icon"></span>\n</label>\n')
        else:
            active = "md-nav__link--active" if index is page else ""
            out.append(f'<div class="md-nav__link md-nav__container">\n<a href="{self._url(index.url)}" '
                       f'class="md-nav__link {active}">\n{_content(index, item)}\n</a>\n')
            if len(children) > 1:
                out.append(f'<label class="md-nav__link {active}" for="{path}" id="{path}_label" '
                           f'tabindex="{tabindex}">\n<span class="md-nav__icon md-icon"></span>\n</label>\n')
            out.append("</div>\n")
        expanded = "true" if item.active else "false"
        out.append(f'<nav class="md-nav" data-md-level="{level}" aria-labelledby="{path}_label" '
                   f'aria-expanded="{expanded}">\n<label class="md-nav__title" for="{path}">\n'
                   f'<span class="md-nav__icon md-icon"></span>\n{item.title}\n</label>\n'
                   '<ul class="md-nav__list" data-md-scrollfix>\n')
        for i, child in enumerate(children, 1):
            if index is None or child is not index:
                self._item(child, f"{path}_{i}", level + 1, item, page, out)
        out.append("</ul>\n</nav>\n</li>\n")

    def _pruned(self, item: Any, ref: Any, page: Page) -> str:
        """A closed section is one link, to its first page (Material's `render_pruned`)."""
        first = item.children[0] if item.children else None
        if first is not None and first.children:
            return self._pruned(first, ref, page)
        icon = '<span class="md-nav__icon md-icon"></span>\n' if item.children else ""
        href = self._url(first.url if first is not None else "")
        return f'<a href="{href}" class="md-nav__link">\n{_content(ref)}\n{icon}</a>\n'

    def _index_of(self, section: Section) -> Page | None:
        """The section's index page (`navigation.indexes`); the nav does not change in a build."""
        key = id(section)
        if key not in self._index:
            self._index[key] = next((c for c in section.children if isinstance(c, Page) and c.is_index), None)
        return self._index[key]


class FastTabs:
    """``tc_tabs(nav, page)`` in the tabs template: Material's ``partials/tabs.html`` for one
    page (a link per top-level section, to its first page), or None to leave it to Material."""

    def __init__(self, label: str) -> None:
        self.label = label  # lang.t("tabs")
        self._supported: bool | None = None

    def __call__(self, nav: Navigation, page: Page | None) -> str | None:
        if page is None:
            return None
        if self._supported is None:
            self._supported = _all_printable(nav)
        if not self._supported:
            return None
        url = _RelativeTo(page)
        out = [f'<nav class="md-tabs" aria-label="{self.label}" data-md-component="tabs">\n'
               '<div class="md-grid">\n<ul class="md-tabs__list">\n']
        for item in nav.items:
            self._tab(item, None, url, out)
        out.append("</ul>\n</div>\n</nav>\n")
        return "".join(out)

    def _tab(self, item: Any, ref: Any, url: Callable[[str], str], out: list[str]) -> None:
        """Material's ``render`` macro of ``partials/tabs-item.html``."""
        ref = ref or item
        cls = "md-tabs__item md-tabs__item--active" if ref.active else "md-tabs__item"
        if item.children:
            first = item.children[0]
            if first.children:
                self._tab(first, ref, url, out)
                return
            item = first
        out.append(f'<li class="{cls}">\n<a href="{url(item.url)}" class="md-tabs__link">\n'
                   f"{ref.title}\n</a>\n</li>\n")


class FastToc:
    """``tc_toc(page)`` in the table-of-contents template: Material's ``partials/toc.html``.
    A page shows it twice (in the nav and in the sidebar): it is made once."""

    def __init__(self, title: str) -> None:
        self.title = title  # lang.t("toc"), or the toc extension's own title
        self._last: tuple[Page, str | None] | None = None

    def __call__(self, page: Page | None) -> str | None:
        if page is None:
            return None
        if self._last is not None and self._last[0] is page:
            return self._last[1]
        html = self._render(page)
        self._last = (page, html)
        return html

    def _render(self, page: Page) -> str | None:
        toc: Sequence[AnchorLink] = list(page.toc or ())
        if toc and toc[0].level == 1:
            toc = toc[0].children
        out = [f'<nav class="md-nav md-nav--secondary" aria-label="{escape(self.title)}">\n']
        if toc:
            out.append(f'<label class="md-nav__title" for="__toc">\n<span class="md-nav__icon md-icon"></span>\n'
                       f'{self.title}\n</label>\n<ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>\n')
            for link in toc:
                if not self._item(link, out):
                    return None
            out.append("</ul>\n")
        out.append("</nav>\n")
        return "".join(out)

    def _item(self, link: AnchorLink, out: list[str]) -> bool:
        """Material's ``partials/toc-item.html``; False for a heading the typeset plugin set."""
        if getattr(link, "typeset", None):
            return False
        out.append(f'<li class="md-nav__item">\n<a href="{link.url}" class="md-nav__link">\n'
                   f'<span class="md-ellipsis">\n{link.title}\n</span>\n</a>\n')
        if link.children:
            out.append(f'<nav class="md-nav" aria-label="{escape(Markup(link.title).striptags())}">\n'
                       '<ul class="md-nav__list">\n')
            for child in link.children:
                if not self._item(child, out):
                    return False
            out.append("</ul>\n</nav>\n")
        out.append("</li>\n")
        return True


def _content(item: Any, ref: Any = None) -> str:
    return f'<span class="md-ellipsis">\n{(ref or item).title}\n</span>'


class _RelativeTo:
    """MkDocs' `url` filter (normalize_url) for one page, with the page's folder split once:
    the nav has ~130 links per page and posixpath.relpath was a third of the nav's time."""

    def __init__(self, page: Page) -> None:
        self.page = page
        folder, name = posixpath.split(page.url)
        self.start = [p for p in (folder if "." in name else page.url).split("/") if p]

    def __call__(self, url: str) -> str:
        path = _parts(url)
        if path is None:
            return normalize_url(url, page=self.page)  # the home page, other hosts, odd paths
        start, same = self.start, 0
        common = min(len(start), len(path))
        while same < common and start[same] == path[same]:
            same += 1
        relative = "/".join((*[".."] * (len(start) - same), *path[same:])) or "."
        return relative + "/" if url.endswith("/") else relative


@lru_cache(maxsize=65536)  # every page links the same nav entries: each address is split once
def _parts(url: str) -> tuple[str, ...] | None:
    """A site address's folders and name, or None for one normalize_url must read itself."""
    if not url or url.startswith(("/", "#", ".")) or "/." in url or ":" in url or "\\" in url:
        return None
    return tuple(p for p in url.split("/") if p)


def _walk(items: Sequence[Any]) -> Iterable[Any]:
    for item in items:
        yield item
        if item.children:
            yield from _walk(item.children)


def _all_printable(nav: Navigation) -> bool:
    """Whether the fast renderers can print every entry of the nav (else Material's macros do)."""
    return all(_printable(item) for item in _walk(nav.items))


def _printable(item: Any) -> bool:
    meta = getattr(item, "meta", None) or {}
    return (not any(meta.get(key) for key in _META_KEYS)
            and not any(getattr(item, name, None) for name in _ATTRIBUTES))
