"""A second organisation's complete portal (tests/fixtures/taalhuis-oost: own ids, texts and
address under another sub-path, no ``basis:``) builds with nothing of the demo content in it."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from conftest import ROOT, build_ok
from generator import urls
from generator.build import load_portal
from generator.export import export_config
from generator.gates import check_site
from generator.pages import render_pages

OOST = ROOT / "tests" / "fixtures" / "taalhuis-oost"
SUB_PATH = "/oefenportaal/"


@pytest.fixture(scope="module")
def oost_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ok(OOST, tmp_path_factory.mktemp("oost") / "site", "--no-pdf")


def test_the_fixture_shares_no_content_id_with_the_demo() -> None:
    demo, oost = load_portal(ROOT), load_portal(OOST)
    for kind in ("modules", "themes", "methods", "quizzes", "routes"):
        assert not {x.id for x in getattr(demo, kind)} & {x.id for x in getattr(oost, kind)}, kind
    assert oost.warnings == ()


@pytest.mark.slow
def test_second_organisation_site_has_nothing_of_the_demo(oost_site: Path) -> None:
    demo = load_portal(ROOT)
    texts = {p.relative_to(oost_site).as_posix(): p.read_text(encoding="utf-8", errors="replace")
             for p in oost_site.rglob("*") if p.suffix in (".html", ".json", ".xml")}
    # Pages: no page of a demo module, theme, method, quiz or route exists.
    demo_pages = ({urls.module(m.id) for m in demo.modules} | {urls.theme(t.id) for t in demo.themes}
                  | {urls.method(m.id) for m in demo.methods} | {urls.quiz(q.id) for q in demo.quizzes}
                  | {urls.route(r.id) for r in demo.routes})
    built = {urls.html_file(page) for page in demo_pages}
    assert not [page for page in built if (oost_site / page).exists()]
    # Titles: no demo title as the text of any element (nav, headings, cards, search index).
    titles = {t for kind in (demo.modules, demo.themes, demo.quizzes) for t in (x.title for x in kind)}
    titles |= {m.name for m in demo.methods} | {r.name for r in demo.routes} | {demo.site.organisation.name}
    elements = {html.unescape(m).strip() for text in texts.values() for m in re.findall(r">([^<>]+)<", text)}
    assert not titles & elements
    joined = "\n".join(texts.values())
    assert not [t for t in titles if f'"{t}"' in joined]  # search index entries are JSON strings
    # Links: every internal link reaches a page of this site (so none reaches a demo page, which
    # does not exist here), under its own sub-path; no resource from another host.
    assert check_site(oost_site, SUB_PATH) == []
    assert "https://taalhuis-oost.github.io/oefenportaal/" in texts["sitemap.xml"]
    assert "voorbeeld.github.io" not in joined
    assert "Wie zijn wij" in texts["over/index.html"]


@pytest.mark.slow
def test_every_page_shows_the_organisations_logo(oost_site: Path) -> None:
    """site.yml's `logo` (a picture in docs/) is in the header of every page, as a site file."""
    logo = oost_site / "img" / "logo.svg"
    assert logo.is_file()
    for page in ("index.html", "over/index.html", "404.html"):
        text = (oost_site / page).read_text(encoding="utf-8")
        sources = re.findall(r'<img src="([^"]*logo\.svg)" alt="logo"', text)
        assert sources, page
        if page != "404.html":  # the 404 page links from the site root, wherever it is shown
            assert all((oost_site / page).parent.joinpath(src).resolve() == logo.resolve() for src in sources)
    exported = export_config(load_portal(OOST), render_pages(load_portal(OOST), pdfs=False), OOST)
    assert exported["theme"]["logo"] == "img/logo.svg"
