"""Printing a normal portal page from the browser (generator/assets/print.css).

Real Chromium prints a module page and a chapter page to PDF (A4); the PDF text must contain
the article and none of the navigation, search, header, footer or buttons.
"""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from generator import urls
from generator.labels import Labels
from generator.portal import Portal

pytestmark = pytest.mark.browser


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _print(probe, url: str) -> tuple[str, list[tuple[float, float]]]:  # type: ignore[no-untyped-def]
    page = probe.page
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    reader = PdfReader(io.BytesIO(pdf))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return _norm("\n".join(p.extract_text() or "" for p in reader.pages)), sizes


def _page_url(site_url: str, md_path: str) -> str:
    return site_url + urls.page_url(md_path)


@pytest.mark.parametrize("which", ["module", "chapter"])
def test_printed_page_has_the_article_and_no_navigation(probe, site_url: str, demo_portal: Portal,
                                                        which: str) -> None:  # type: ignore[no-untyped-def]
    L = Labels(demo_portal.site.labels)
    module, other_module = demo_portal.modules[0], demo_portal.modules[-1]
    method = demo_portal.shown_methods[0]
    chapter, other_chapter = method.chapters[0], method.chapters[-1]
    if which == "module":
        path, expected = urls.module(module.id), [module.title, module.sections[0].title]
        not_in_content = other_module.title  # only listed in the navigation
    else:
        path, expected = urls.chapter(method.id, chapter.number), [chapter.title, L.vocabulary]
        not_in_content = f"{L.chapter} {other_chapter.number}. {other_chapter.title}"
    html = probe.page.context.request.get(_page_url(site_url, path)).text()
    assert _norm(not_in_content) in _norm(html), "the other page should be in the navigation"
    text, sizes = _print(probe, _page_url(site_url, path))
    assert sizes and all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in sizes), sizes
    for item in expected:
        assert _norm(item) in text, f"{item!r} missing from the printed page"
    navigation = [not_in_content, demo_portal.site.title, L.download_pdf, "Ga naar inhoud", "Zoeken",
                  "Made with", "Material for MkDocs", L.handouts, L.quizzes]
    found = [n for n in navigation if _norm(n) in text]
    assert not found, f"navigation/chrome on paper: {found}"
    assert not probe.external
