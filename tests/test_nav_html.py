"""The fast nav renderer prints what Material's own nav macro prints, page for page.

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
           monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[bool]]:
    """Build a copy of ``source``; also which nav calls the fast renderer answered."""
    root = folder / "portal"
    shutil.copytree(source, root)
    _configure(root, fast, features, directory_urls)
    answered: list[bool] = []
    real = nav_html.FastNav.__call__

    def spy(self: nav_html.FastNav, nav, page):  # type: ignore[no-untyped-def]
        result = real(self, nav, page)
        if page is not None:  # the 404 page links from the site root: Material prints its nav
            answered.append(result is not None)
        return result

    monkeypatch.setattr(nav_html.FastNav, "__call__", spy)
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
    assert answered and all(answered), "the fast renderer did not print the nav"
    assert not not_asked
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
    assert answered and not any(answered)
    assert _pages(fast) == _pages(slow)
    assert "<svg" in (fast / "over" / "index.html").read_text(encoding="utf-8").split("md-nav--primary")[1]
