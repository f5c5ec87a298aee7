"""The fast renderers (nav, tabs, table of contents, theme words) print what Material's own
templates print, page for page.

Each case builds one portal twice, with the plugin's ``fast_nav`` on and off, and compares
every HTML file (whitespace runs folded: the browser folds them too). Cases vary what the nav
macro branches on: theme features, directory URLs, a sub-path, hand-written pages, and an
icon in front matter, which the fast renderer leaves to Material.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import MINI, ROOT
from generator.mkdocs_plugin import nav_html
from generator.mkdocs_plugin.run import build_site

pytestmark = pytest.mark.slow  # real MkDocs builds

SECOND_ORG = ROOT / "tests" / "fixtures" / "taalhuis-oost"


def _configure(root: Path, fast: bool, features: list[str] | None, directory_urls: bool) -> None:
    path = root / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    if features is not None:
        config["theme"]["features"] = features
    config["use_directory_urls"] = directory_urls
    config["plugins"] = [p for p in config["plugins"] if p != "taalcoach" and "taalcoach" not in p]
    config["plugins"].append({"taalcoach": {"fast_nav": fast, "handouts": False}})
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def _build(source: Path, folder: Path, fast: bool, features: list[str] | None, directory_urls: bool,
           monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, list[bool]]]:
    """Build a copy of ``source``; also which calls each fast renderer answered."""
    root = folder / "portal"
    shutil.copytree(source, root)
    _configure(root, fast, features, directory_urls)
    answered: dict[str, list[bool]] = {"nav": [], "tabs": [], "toc": []}
    real_nav, real_tabs, real_toc = nav_html.FastNav.__call__, nav_html.FastTabs.__call__, nav_html.FastToc.__call__

    def spy(name, real, *args):  # type: ignore[no-untyped-def]
        result = real(*args)
        if args[-1] is not None:  # the 404 page links from the site root: Material prints its nav
            answered[name].append(result is not None)
        return result

    monkeypatch.setattr(nav_html.FastNav, "__call__", lambda self, nav, page: spy("nav", real_nav, self, nav, page))
    monkeypatch.setattr(nav_html.FastTabs, "__call__", lambda self, nav, page: spy("tabs", real_tabs, self, nav, page))
    monkeypatch.setattr(nav_html.FastToc, "__call__", lambda self, page: spy("toc", real_toc, self, page))
    assert build_site(root, folder / "site", handouts=False) == 0
    return folder / "site", answered


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): re.sub(r"\s+", " ", p.read_text(encoding="utf-8"))
            for p in site.rglob("*.html")}


CASES = {
    "mini": (MINI, None, True),
    "second-organisation": (SECOND_ORG, None, True),
    "no-directory-urls": (MINI, None, False),
    "no-tabs": (MINI, ["navigation.sections", "navigation.indexes"], True),
    "expand-no-prune": (MINI, ["navigation.tabs", "navigation.expand", "toc.integrate"], True),
    "indexes-only": (SECOND_ORG, ["navigation.indexes", "navigation.prune"], False),
}


@pytest.mark.parametrize("case", CASES)
def test_the_fast_nav_prints_what_materials_macro_prints(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source, features, directory_urls = CASES[case]
    fast, answered = _build(source, tmp_path / "fast", True, features, directory_urls, monkeypatch)
    slow, not_asked = _build(source, tmp_path / "slow", False, features, directory_urls, monkeypatch)
    tabs = "navigation.tabs" in (features or ["navigation.tabs"])
    for name, calls in answered.items():
        if name != "tabs" or tabs:
            assert calls and all(calls), f"the fast renderer did not print the {name}"
    assert not any(not_asked.values())
    fast_pages, slow_pages = _pages(fast), _pages(slow)
    assert fast_pages.keys() == slow_pages.keys()
    with_nav = [p for p, html in slow_pages.items() if "md-nav--primary" in html]
    assert len(with_nav) > 10
    differ = [p for p in slow_pages if fast_pages[p] != slow_pages[p]]
    assert not differ, f"{len(differ)} pages differ, e.g. {differ[:3]}"


def test_an_entry_with_an_icon_is_left_to_material(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Icons come from Material's icon set through its templates: the fast renderer steps aside."""
    source = tmp_path / "source"
    shutil.copytree(MINI, source)
    page = source / "docs" / "over.md"
    page.write_text("---\nicon: material/information\n---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    fast, answered = _build(source, tmp_path / "fast", True, None, True, monkeypatch)
    slow, _ = _build(source, tmp_path / "slow", False, None, True, monkeypatch)
    assert answered["nav"] and not any(answered["nav"]) and answered["tabs"] and not any(answered["tabs"])
    assert answered["toc"] and all(answered["toc"])  # headings have no icons
    assert _pages(fast) == _pages(slow)
    assert "<svg" in (fast / "over" / "index.html").read_text(encoding="utf-8").split("md-nav--primary")[1]


def test_headings_with_markup_in_the_table_of_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nested headings with code, emphasis and an ampersand: the toc's labels strip the tags
    and escape the rest, as Material's template does."""
    source = tmp_path / "source"
    shutil.copytree(MINI, source)
    page = source / "docs" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Kop met `code` & *nadruk*\n\nTekst.\n\n"
                    "### Onderkop <b>vet</b> \"aanhalingstekens\"\n\nMeer tekst.\n\n## Tweede kop\n", encoding="utf-8")
    fast, answered = _build(source, tmp_path / "fast", True, None, True, monkeypatch)
    slow, _ = _build(source, tmp_path / "slow", False, None, True, monkeypatch)
    assert answered["toc"] and all(answered["toc"])
    html = (fast / "over" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Kop met code &amp; nadruk"' in html
    assert _pages(fast) == _pages(slow)
