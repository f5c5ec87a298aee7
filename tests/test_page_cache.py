"""Builds after the first convert only the Markdown that changed, and the site stays the same.

What an editor notices: `serve` and the publishing job are quicker after a small edit, and a
mistake is still reported on every build until it is fixed.
"""
from __future__ import annotations

import logging
import re
import sqlite3
import time
from pathlib import Path

import pytest

from conftest import edit
from generator.mkdocs_plugin.page_cache import CACHE_FILE
from generator.mkdocs_plugin.run import build_site

pytestmark = pytest.mark.slow  # real MkDocs builds

COUNTS = re.compile(r"pages: (\d+) from the cache, (\d+) converted")


def _build(portal: Path, site: Path, caplog: pytest.LogCaptureFixture) -> tuple[int, tuple[int, int]]:
    """(exit code, (pages from the cache, pages converted)) of one strict build."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        code = build_site(portal, site, handouts=False)
    found = [COUNTS.search(r.getMessage()) for r in caplog.records]
    counts = next(((int(m[1]), int(m[2])) for m in found if m), (0, 0))
    return code, counts


def _html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_a_second_build_converts_nothing_and_writes_the_same_site(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    code, (hits, converted) = _build(portal, tmp_path / "first", caplog)
    assert code == 0 and hits == 0 and converted > 20
    code, (hits_again, converted_again) = _build(portal, tmp_path / "second", caplog)
    assert code == 0 and (hits_again, converted_again) == (converted, 0)
    assert _html(tmp_path / "first") == _html(tmp_path / "second")


def test_without_the_cache_every_page_is_converted_and_the_site_is_the_same(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """`page_cache: false` (a portal that wants no .cache/ folder): nothing is stored or read,
    and the pages are what a build with the cache writes."""
    assert _build(portal, tmp_path / "cached", caplog)[0] == 0
    (portal / CACHE_FILE).unlink()
    edit(portal, "mkdocs.yml", "  - taalcoach\n", "  - taalcoach:\n      page_cache: false\n")
    code, counts = _build(portal, tmp_path / "uncached", caplog)
    assert code == 0 and counts == (0, 0) and not (portal / CACHE_FILE).exists()
    assert _html(tmp_path / "cached") == _html(tmp_path / "uncached")


def test_an_edit_converts_only_the_pages_it_changes(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _, (_, total) = _build(portal, tmp_path / "before", caplog)
    edit(portal, "content/themes/boodschappen.yml", "title: Boodschappen", "title: Boodschappen doen")
    code, (hits, converted) = _build(portal, tmp_path / "after", caplog)
    assert code == 0 and 0 < converted < total // 2 and hits + converted == total
    (portal / CACHE_FILE).unlink()
    code, _ = _build(portal, tmp_path / "cold", caplog)
    assert code == 0 and _html(tmp_path / "after") == _html(tmp_path / "cold")


def _rows(portal: Path) -> list[tuple[str, str, float]]:
    with sqlite3.connect(portal / CACHE_FILE) as db:
        return sorted(db.execute("SELECT key, entry, used FROM pages"))


def test_damaged_entries_are_converted_again(portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _build(portal, tmp_path / "first", caplog)
    keys = [key for key, _, _ in _rows(portal)]
    damage = ["{not json", '{"content": 1, "toc": [], "title": null, "anchors": [], "links": {}}', "",
              '{"content": "", "toc": [{"name": "x"}], "title": null, "anchors": [], "links": {}}']
    with sqlite3.connect(portal / CACHE_FILE) as db:
        db.executemany("UPDATE pages SET entry = ? WHERE key = ?", zip(damage, keys, strict=False))
    code, (_, converted) = _build(portal, tmp_path / "second", caplog)
    assert code == 0 and converted == 4
    assert _html(tmp_path / "first") == _html(tmp_path / "second")


def test_a_damaged_cache_file_is_started_again(portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _, (_, total) = _build(portal, tmp_path / "first", caplog)
    (portal / CACHE_FILE).write_bytes(b"no database, a download that broke off" * 100)
    assert _build(portal, tmp_path / "second", caplog) == (0, (0, total))
    assert _build(portal, tmp_path / "third", caplog) == (0, (total, 0))
    assert _html(tmp_path / "first") == _html(tmp_path / "third")


def test_a_broken_link_fails_every_build_until_it_is_fixed(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (portal / "docs" / "doel.md").write_text("# Doel\n\nWaarom dit portaal er is.\n", encoding="utf-8")
    (portal / "docs" / "contact.md").write_text("# Contact\n\nZie [ons doel](doel.md).\n", encoding="utf-8")
    assert _build(portal, tmp_path / "site", caplog)[0] == 0
    (portal / "docs" / "doel.md").unlink()  # contact.md did not change, the page it links to is gone
    assert _build(portal, tmp_path / "site", caplog)[0] == 1
    assert _build(portal, tmp_path / "site", caplog)[0] == 1
    assert any("doel.md" in r.getMessage() for r in caplog.records)


def test_a_cache_that_cannot_be_written_only_costs_time(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The cache's place is taken (a folder where the file goes; chmod does not stop root)."""
    (portal / CACHE_FILE).mkdir(parents=True)
    for site in ("first", "second"):
        code, (hits, converted) = _build(portal, tmp_path / site, caplog)
        assert code == 0 and hits == 0 and converted > 20
    assert (portal / CACHE_FILE).is_dir()


def test_entries_no_build_used_for_a_month_are_removed(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _build(portal, tmp_path / "site", caplog)
    month_ago = time.time() - 31 * 86400
    with sqlite3.connect(portal / CACHE_FILE) as db:
        db.execute("UPDATE pages SET used = ?", (month_ago,))  # old, but the next build uses them
        db.execute("INSERT INTO pages VALUES ('weg', '{}', ?)", (month_ago,))
    used = len(_rows(portal)) - 1
    code, (hits, _) = _build(portal, tmp_path / "site", caplog)
    assert code == 0 and hits == used
    rows = _rows(portal)
    assert "weg" not in {key for key, _, _ in rows} and len(rows) == used
    assert all(when > month_ago + 86400 for _, _, when in rows)
