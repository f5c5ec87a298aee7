"""Long words on a phone (issue 13): a 60-letter compound in a word list must not push the
article and example off the screen, nor make the page scroll sideways, at 390 or 1280 px.

The demo has no such word, so this builds the mini portal with one; the quality gates check
every page of the demo at both widths with the same measurement (``_SIDEWAYS_JS``).
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from test_quality_gates import _SIDEWAYS_JS, MAX_SCROLL_COLUMNS, PHONE

import sitekit
from conftest import ROOT, build_ok
from generator import urls

pytestmark = pytest.mark.browser

COMPOUND = "arbeidsongeschiktheidsverzekeringsaanvraagformulierinvulhulp"  # 60 letters


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
def test_a_sixty_letter_compound_stays_inside_the_word_list(browser: Any, tmp_path: Path, width: int) -> None:
    assert len(COMPOUND) == 60
    portal = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    theme_file = next(p for p in sorted((portal / "content" / "themes").glob("*.yml"))
                      if "vocabulary:" in p.read_text(encoding="utf-8"))
    text = theme_file.read_text(encoding="utf-8")
    theme_file.write_text(text.replace("vocabulary:\n", "vocabulary:\n"
                                       f"  - word: {COMPOUND}\n    article: de\n"
                                       f"    example: Vul samen de {COMPOUND} in.\n", 1), encoding="utf-8")
    site = build_ok(portal, tmp_path / "site", "--no-pdf")
    page_path = urls.page_url(urls.theme(theme_file.stem))
    context = sitekit.new_context(browser, viewport={"width": width, "height": 800})
    try:
        with sitekit.serve(site) as base:
            page = context.new_page()
            page.goto(base + page_path)
            word = page.locator("td", has_text=COMPOUND).first
            box = word.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
            problems = page.evaluate(_SIDEWAYS_JS, MAX_SCROLL_COLUMNS)
    finally:
        context.close()
    assert not problems, problems
