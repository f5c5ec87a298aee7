"""The search dialog in real Chromium: by keyboard, ranked and highlighted links, the index
loaded only once someone searches, under a sub-path and from file:// (the offline copy)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitekit
from conftest import PageProbe

pytestmark = pytest.mark.browser

INDEX_FILE = re.compile(r"/assets/taalcoach/search/(manifest|t\d+|d\d+)\.[0-9a-f]+\.js$")


def test_keyboard_search_gives_ranked_highlighted_links_and_loads_the_index_late(
        probe: PageProbe, site_url: str) -> None:
    page = probe.page
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("load")
    assert not [u for u in requested if INDEX_FILE.search(u)], "the index must wait for a search"

    page.keyboard.press("/")  # the search shortcut, as a keyboard user would
    box = page.locator("input.md-search__input")
    assert box.evaluate("el => el === document.activeElement")
    assert box.get_attribute("aria-label") == "Zoeken"
    page.keyboard.type("taalcafe")  # no accent, as typed on a phone
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert "Het taalcafé en spreekgroepjes begeleiden" in first.inner_text()
    assert "taalcafé" in [m.lower() for m in first.locator("mark").all_inner_texts()], "the match is highlighted"
    assert page.locator(".md-search-result__meta").inner_text().endswith("resultaten")
    assert any(INDEX_FILE.search(u) for u in requested)

    page.keyboard.press("ArrowDown")
    assert first.evaluate("el => el === document.activeElement"), "arrow keys move into the results"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/taalcoach-portaal/training/taalcafe-en-spreekgroepjes/$"))
    assert probe.external == [] and probe.js_errors == []


def test_results_follow_the_ranking_and_escape_closes(probe: PageProbe, site_url: str) -> None:
    page = probe.page
    page.goto(site_url + "training/")
    page.keyboard.press("/")
    page.keyboard.type("de huisarts")
    links = page.locator(".md-search-result__item a")
    links.first.wait_for()
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('resultaten')")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs[0].endswith("/taalcoach-portaal/oefenen/thema/naar-de-dokter/"), hrefs
    assert all(h.startswith(site_url) for h in hrefs), "addresses stay under the sub-path"
    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked()
    assert probe.external == [] and probe.js_errors == []


def test_search_works_from_a_file_url(browser: object, built_site: Path) -> None:
    """The offline copy opens pages from disk: no fetch() or workers there, scripts only."""
    context = sitekit.new_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((built_site / "training" / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("kringlopwinkel")  # one letter missing
    first = page.locator(".md-search-result__item a").first
    first.wait_for()
    assert first.get_attribute("href").endswith("/oefenen/thema/kringloopwinkel/index.html")
    assert errors == []
    context.close()
