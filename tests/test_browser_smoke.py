"""The built portal works in real Chromium under a GitHub-Pages-like sub-path."""
from __future__ import annotations

import re

import pytest

from conftest import PageProbe
from generator.portal import Portal

pytestmark = pytest.mark.browser


def test_home_to_chapter_under_sub_path_without_other_hosts(probe: PageProbe, site_url: str,
                                                            demo_portal: Portal) -> None:
    page = probe.page
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "nl"
    page.get_by_role("link", name="Ik ben taalcoach").click()
    page.wait_for_url(re.compile(r"/taalcoach-portaal/oefenen/$"))
    method = demo_portal.shown_methods[0]
    chapter = method.chapters[0]
    # The practice page lists the methods; a method's page lists its chapters.
    page.locator("article").get_by_role("link", name=method.name).first.click()
    page.wait_for_url(re.compile(rf"/oefenen/methodes/{method.id}/$"))
    page.locator("article").get_by_role("link", name=chapter.title).first.click()
    page.wait_for_url(re.compile(rf"/oefenen/methodes/{method.id}/hoofdstuk-{chapter.number}/$"))
    assert chapter.title in page.locator("h1").inner_text()
    assert probe.external == [] and probe.js_errors == []


def test_search_finds_a_module_by_typing(probe: PageProbe, site_url: str, demo_portal: Portal) -> None:
    page = probe.page
    module = demo_portal.modules[0]
    page.goto(site_url)
    page.keyboard.press("/")  # Material's search shortcut, as a keyboard user would
    page.locator("input.md-search__input").fill(module.title.split()[-1])
    result = page.locator(".md-search-result__item").filter(has_text=module.title).first
    result.wait_for(timeout=30_000)  # the search index loads in a worker; slow on a busy CI machine
    assert probe.external == [] and probe.js_errors == []
