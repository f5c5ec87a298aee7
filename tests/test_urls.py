"""generator/urls.py publishes pages where MkDocs does, with directory URLs on and off.

The reference is MkDocs' own File object, not a copy of the rule: if MkDocs changes how it
maps a page to a file or URL, this test says so before a link breaks.
"""
from __future__ import annotations

import posixpath

import pytest
from mkdocs.structure.files import File

from generator import urls
from generator.pages import render_pages
from generator.portal import Portal

EDGE_CASES = ["index.md", "README.md", "a/README.md", "training/index.md", "training/intake.md",
              "oefenen/methodes/m/hoofdstuk-12.md"]


@pytest.mark.parametrize("directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_page_url_and_html_file_follow_mkdocs(demo_portal: Portal, directory_urls: bool) -> None:
    pages = sorted(render_pages(demo_portal).pages) + EDGE_CASES
    wrong = []
    for page in pages:
        mkdocs = File(page, "/docs", "/site", directory_urls)
        ours = (urls.page_url(page, directory_urls), urls.html_file(page, directory_urls))
        if ours != (mkdocs.url, mkdocs.dest_uri):
            wrong.append(f"{page}: ours {ours}, MkDocs {(mkdocs.url, mkdocs.dest_uri)}")
    assert not wrong, "\n".join(wrong)


def test_home_page_has_a_url_in_both_modes() -> None:
    assert urls.page_url(urls.HOME) == "./"
    assert urls.page_url(urls.HOME, directory_urls=False) == "index.html"


def test_chapter_page_and_practice_card_share_the_chapter_id() -> None:
    assert urls.chapter("methode", 3).endswith("/hoofdstuk-3.md")
    assert urls.handout("oefenkaart", urls.chapter_handout_id("methode", 3), "pdf") == \
        "handouts/oefenkaart/methode-hoofdstuk-3.pdf"


def test_the_fast_nav_makes_links_relative_exactly_as_mkdocs_url_filter() -> None:
    """nav_html's per-page shortcut for MkDocs' `url` filter, over pages at every depth, with
    and without directory URLs, and links of every shape the nav can hold."""
    from types import SimpleNamespace

    from mkdocs.utils import normalize_url

    from generator.mkdocs_plugin.nav_html import _RelativeTo

    pages = ["", "a/", "a/b/", "a/b/c/", "x/y/", "index.html", "a/index.html", "a/b.html", "a/b/c.html"]
    links = ["", "a/", "a/b/", "a/b/c/d/", "x/", "x/y/z/", "a/b.html", "index.html", "a/index.html",
             "https://voorbeeld.nl/", "mailto:a@b.nl", "#boven", "/absoluut/", "../hoger/", "a/./b/",
             "spatie in/naam/", "één/", "a//b/", "a"]
    for url in pages:
        page = SimpleNamespace(url=url)
        relative = _RelativeTo(page)  # type: ignore[arg-type]
        for link in links:
            assert relative(link) == normalize_url(link, page=page), (url, link)  # type: ignore[arg-type]


def test_relpath_inside_the_site_is_posixpaths() -> None:
    """The shortcut that skips the current folder gives posixpath.relpath's answer for every
    shape of site path, and falls back to it for paths that leave the folder or are absolute."""
    paths = ["index.md", "a/b.md", "a/b/c.md", "a/", "a/b/", ".", "a/./b.md", "a//b.md", "x/y/z/",
             "handouts/index.html", "../up.md", "a/../b.md", "a/b/../../c.md", "/abs/p.md", "a/b/.."]
    for path in paths:
        for start in [*paths, "a", "a/b", "handouts/oefenkaart"]:
            assert urls.relpath(path, start) == posixpath.relpath(path, start), (path, start)
