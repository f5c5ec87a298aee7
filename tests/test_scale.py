"""Pages stay small at any portal size: a nav budget per page and paginated overviews.

Checked on the generated Markdown and nav (no engine build), for a portal shaped like a
network's: many methods, one very long method and more themes than an overview lists.
tests/benchmarks/bench_build.py measures the built HTML at 2,000 and 10,000 pages.
"""
from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from conftest import ROOT
from generator import urls
from generator.build import load_portal
from generator.pages import NAV_SECTION_LIMIT, OVERVIEW_PAGE_SIZE, NavItem, RenderedSite, nav_paths, render_pages

METHODS, LONG_METHOD, THEMES = 45, 130, 120
THEME = (ROOT / "tests/fixtures/mini/content/themes/kennismaken.yml").read_text(encoding="utf-8")


def _method(name: str, chapters: int, theme_count: int) -> str:
    rows = "".join(f"  - number: {c}\n    title: Les {c}\n    level: {'A1' if c % 7 else 'A2'}\n"
                   f"    themes: [thema-{c % theme_count:03d}]\n" for c in range(1, chapters + 1))
    return f"name: {name}\nlevels: [A1, A2]\ndescription: Voor de schaaltest.\nchapters:\n{rows}"


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> RenderedSite:
    portal = tmp_path_factory.mktemp("scale") / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    for i in range(THEMES):
        (portal / "content/themes" / f"thema-{i:03d}.yml").write_text(
            THEME.replace("title: Kennismaken", f"title: Thema {i:03d}"), encoding="utf-8")
    methods = portal / "content" / "methods"
    for m in range(METHODS):
        (methods / f"methode-{m:02d}.yml").write_text(_method(f"Methode {m:02d}", 3, THEMES), encoding="utf-8")
    (methods / "lange-methode.yml").write_text(_method("Lange methode", LONG_METHOD, THEMES), encoding="utf-8")
    return render_pages(load_portal(portal))


def _rendered_links(items: list[NavItem], page: str, level: int = 1) -> int:
    """Nav links Material prints on `page` with tabs, sections and prune (see nav-item.html):
    the top level, everything in the active tab's sections, and below that only the active
    branch; every other section shows as one link."""
    count = 0
    for item in items:
        target: Any = item if isinstance(item, str) else next(iter(item.values()))
        if isinstance(target, str):
            count += 1
            continue
        active = page in nav_paths(target)
        if active or level == 2:  # level 2 = sections of the active tab, always open
            count += _rendered_links(target, page, level + 1)
        else:
            count += 1
    return count


def test_every_page_renders_a_bounded_nav(big: RenderedSite) -> None:
    pages = nav_paths(big.nav)
    assert urls.chapter("lange-methode", LONG_METHOD) in pages, "every chapter is reachable from the nav"
    worst = max(pages, key=lambda p: _rendered_links(big.nav, p))
    # Tabs + ≤ 4 open levels of ≤ NAV_SECTION_LIMIT; before the budget a chapter page printed
    # every chapter of every method (here 265 links, 2,208 with 40 × 50 chapters).
    assert _rendered_links(big.nav, worst) <= 4 * NAV_SECTION_LIMIT, worst


def test_a_chapter_page_lists_no_chapters_of_other_methods(big: RenderedSite) -> None:
    page = urls.chapter("methode-07", 2)
    links = _rendered_links(big.nav, page)
    assert links < 2 * NAV_SECTION_LIMIT
    methods_section = next(v for item in big.nav if isinstance(item, dict) for v in item.values()
                           if isinstance(v, list) and urls.PRACTICE in v)
    other = urls.chapter("methode-08", 2)
    assert other in nav_paths(methods_section)  # in the nav, but folded away on this page


def test_overviews_are_paginated_and_every_page_links_a_bounded_number_of_pages(big: RenderedSite) -> None:
    link = re.compile(r"\]\(([^)]+\.md)")
    for path, markdown in big.pages.items():
        assert len(link.findall(markdown)) <= 3 * OVERVIEW_PAGE_SIZE, path
    # the themes overview and the long method's chapter table continue on numbered pages
    assert urls.paged(urls.THEMES, 2) in big.pages and urls.paged(urls.THEMES, 3) not in big.pages
    assert urls.paged(urls.method("lange-methode"), 2) in big.pages
    second = big.pages[urls.paged(urls.method("lange-methode"), 2)]
    assert f"hoofdstuk-{OVERVIEW_PAGE_SIZE + 1}.md" in second and "hoofdstuk-1.md" not in second
    # a level page shows a method's chapters as runs, not one link per chapter
    level = big.pages[urls.level("A1")]
    assert level.count("lange-methode/hoofdstuk-") <= 2 * LONG_METHOD // 7 + 2
    # the handouts overview links each method's page instead of listing 265 practice cards
    handouts = big.pages[urls.HANDOUTS]
    assert "oefenkaart/lange-methode-hoofdstuk-" not in handouts
    assert urls.relative(urls.HANDOUTS, urls.method("lange-methode")) in handouts
