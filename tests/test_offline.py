"""The offline copy (issue 13): a zip of the whole site that works opened from disk.

Unit tests for the link and index rewriting and for the all-or-nothing zip; one Chromium test
that unzips the demo portal's copy and uses it from ``file://`` like a volunteer without a
connection: a module page, a search for 'huisarts', a quiz answer — with zero requests to any
host.
"""
from __future__ import annotations

import json
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from generator import offline, urls
from generator.labels import Labels
from generator.portal import Portal

L = Labels()


def _zip_of(site: Path, portal: Portal) -> Path:
    return site / urls.offline_zip(portal.site.title)


# --- rewriting (no browser) ------------------------------------------------------------------

@pytest.mark.parametrize(("ref", "expected"), [
    ("training/", "training/index.html"),
    ("../", "../index.html"),
    (".", "./index.html"),
    ("..", "../index.html"),
    ("../b/#kop", "../b/index.html#kop"),
    ("#kop", "#kop"),
    ("", ""),
    ("handouts/module/x.pdf", "handouts/module/x.pdf"),
    ("../assets/style.css", "../assets/style.css"),
    ("https://example.org/", "https://example.org/"),
    ("mailto:info@example.org", "mailto:info@example.org"),
])
def test_links_to_folders_open_their_index_page_from_disk(ref: str, expected: str) -> None:
    assert offline.page_url(ref) == expected


def test_search_results_point_at_files_and_home_anchors_at_index_html() -> None:
    index = {"config": {"lang": ["nl"]}, "docs": [
        {"location": "", "title": "Home"}, {"location": "#contact", "title": "Contact"},
        {"location": "training/x/", "title": "X"}, {"location": "training/x/#doel", "title": "Doel"}]}
    script = offline.offline_search_index(json.dumps(index).encode()).decode()
    assert script.startswith("var __index = ")
    docs = json.loads(script[len("var __index = "):])["docs"]
    assert [d["location"] for d in docs] == ["index.html", "index.html#contact", "training/x/index.html",
                                             "training/x/index.html#doel"]


def _tiny_site(root: Path) -> Path:
    """Two pages and Material's search index (so the copy needs the worker shim)."""
    site = root / "site"
    (site / "a").mkdir(parents=True)
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"docs": [{"location": "a/"}]}', encoding="utf-8")
    (site / "index.html").write_text('<html><head></head><body><a href="a/">A</a></body></html>', encoding="utf-8")
    (site / "a" / "index.html").write_text('<html><head></head><body><a href="../">Home</a></body></html>',
                                           encoding="utf-8")
    return site


def test_zip_never_contains_itself_or_an_older_copy(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path)
    for _ in range(2):  # the second run finds the first zip in the site
        copy = offline.make_offline_copy(site, "offline/p.zip", "p", offline_note="kopie", readme="lees mij")
    names = zipfile.ZipFile(copy.path).namelist()
    assert not [n for n in names if n.endswith((".zip", ".part"))], names
    assert {"p/index.html", "p/a/index.html", "p/LEESMIJ.txt", f"p/{offline.SHIM_PATH}"} <= set(names)
    page = zipfile.ZipFile(copy.path).read("p/a/index.html").decode()
    assert 'href="../index.html"' in page and f'<script src="../{offline.SHIM_PATH}"></script></head>' in page
    script = zipfile.ZipFile(copy.path).read(f"p/{offline.SEARCH_INDEX_JS}").decode()
    assert '"location":"a/index.html"' in script


def test_a_failure_leaves_no_half_written_zip_and_keeps_the_old_one(tmp_path: Path) -> None:
    site = _tiny_site(tmp_path)
    good = offline.make_offline_copy(site, "offline/p.zip", "p", offline_note="kopie", readme="x")
    before = good.path.read_bytes()

    def disk_full(rel: str, data: bytes) -> dict[str, bytes]:
        if rel == "index.html":
            raise OSError(28, "No space left on device")
        return {}

    with pytest.raises(OSError):
        offline.make_offline_copy(site, "offline/p.zip", "p", offline_note="kopie", readme="x", extra=disk_full)
    assert sorted(p.name for p in (site / "offline").iterdir()) == ["p.zip"]
    assert good.path.read_bytes() == before


def test_size_is_written_the_dutch_way() -> None:
    assert offline.human_size(2_912_345) == "2,9 MB"
    assert offline.human_size(840_100) == "840 kB"


# --- the built demo portal --------------------------------------------------------------------

def test_build_links_the_copy_with_its_size_and_date(built_site: Path, demo_portal: Portal) -> None:
    zip_path = _zip_of(built_site, demo_portal)
    assert zip_path.is_file()
    home = (built_site / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a href="([^"]+)">' + re.escape(L.offline_download) + r"</a> "
                     r'<span class="tc-offline__meta"[^>]*>\(([^)]*)\)</span>', home)
    assert link, "no 'Download voor offline gebruik' link on the home page"
    assert (built_site / link.group(1)).resolve() == zip_path.resolve()
    size = offline.human_size(zip_path.stat().st_size)
    assert size in link.group(2) and date.today().strftime("%d-%m-%Y") in link.group(2)
    with zipfile.ZipFile(zip_path) as zf:
        names = zf.namelist()
        assert zf.testzip() is None
    folder = urls.offline_name(demo_portal.site.title)
    assert all(n.startswith(folder + "/") for n in names)
    pages = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
             if p.is_file() and p != zip_path}
    assert {f"{folder}/{p}" for p in pages} <= set(names), "the copy misses files of the site"
    assert any(n.endswith(".pdf") for n in names) == any(p.endswith(".pdf") for p in pages)


# --- Chromium, from file:// ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_root(built_site: Path, demo_portal: Portal, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(_zip_of(built_site, demo_portal)) as zf:
        zf.extractall(out)
    return out / urls.offline_name(demo_portal.site.title)


@pytest.mark.browser
def test_unzipped_copy_works_from_disk_without_any_request_to_a_host(
        browser: Any, offline_root: Path, demo_portal: Portal) -> None:
    quiz = next(q for q in demo_portal.quizzes if any(x.type == "single" for x in q.questions))
    index = next(i for i, x in enumerate(quiz.questions) if x.type == "single")
    right = next(o for o in quiz.questions[index].options if o.correct)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 800})
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # Home → a module page, by clicking a link as a volunteer would.
        page.goto((offline_root / "index.html").as_uri())
        assert page.title()
        page.locator(".md-tabs__link", has_text=L.training).first.click()
        page.wait_for_load_state()
        assert page.url.endswith("/training/index.html"), page.url
        page.locator(f'.md-content a[href="{quiz.module}/index.html"]').first.click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/training/{quiz.module}/index.html"), page.url
        assert demo_portal.module(quiz.module).title in page.locator("h1").inner_text()

        # Search: the worker runs in the iframe shim and finds pages; a result opens a file.
        page.locator(".md-search__input").click()
        page.keyboard.type("huisarts")  # Material searches on key events, not on fill()
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=15000)
        assert results.count() >= 1
        href = results.first.locator("a").first.get_attribute("href") or ""
        assert ".html" in href and href.startswith("file://"), href
        page.keyboard.press("Escape")

        # A quiz answer with feedback.
        fieldset = page.locator("fieldset.tc-q").nth(index)
        fieldset.locator("label.tc-opt", has_text=right.text).locator("input").check()
        fieldset.get_by_role("button", name=L.quiz_check).click()
        feedback = fieldset.locator(".tc-q__feedback")
        feedback.wait_for(state="visible", timeout=5000)
        assert L.quiz_right in feedback.inner_text()
    finally:
        context.close()
    other = [u for u in requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
    assert not other, f"requests to other hosts from the offline copy: {other}"
    assert not errors, errors
