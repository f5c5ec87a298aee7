"""Builds after the first convert only the Markdown that changed, and the site stays the same.

What an editor notices: `serve` and the publishing job are quicker after a small edit, and a
mistake is still reported on every build until it is fixed.
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from conftest import edit
from generator.mkdocs_plugin.page_cache import CACHE_DIR
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


def test_an_edit_converts_only_the_pages_it_changes(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _, (_, total) = _build(portal, tmp_path / "before", caplog)
    edit(portal, "content/themes/boodschappen.yml", "title: Boodschappen", "title: Boodschappen doen")
    code, (hits, converted) = _build(portal, tmp_path / "after", caplog)
    assert code == 0 and 0 < converted < total // 2 and hits + converted == total
    shutil.rmtree(portal / CACHE_DIR)
    code, _ = _build(portal, tmp_path / "cold", caplog)
    assert code == 0 and _html(tmp_path / "after") == _html(tmp_path / "cold")


def test_damaged_entries_are_converted_again(portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _build(portal, tmp_path / "first", caplog)
    entries = sorted((portal / CACHE_DIR).glob("*/*.json"))
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text('{"content": 1, "toc": [], "title": null, "anchors": [], "links": {}}', encoding="utf-8")
    entries[2].write_bytes(b"")
    entries[3].write_text('{"content": "", "toc": [{"name": "x"}], "title": null, "anchors": [], "links": {}}',
                          encoding="utf-8")
    code, (_, converted) = _build(portal, tmp_path / "second", caplog)
    assert code == 0 and converted == 4
    assert _html(tmp_path / "first") == _html(tmp_path / "second")


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
    cache = portal / CACHE_DIR
    cache.mkdir(parents=True)
    cache.chmod(0o500)
    try:
        code, (hits, converted) = _build(portal, tmp_path / "site", caplog)
    finally:
        cache.chmod(0o700)
    assert code == 0 and hits == 0 and converted > 20


def test_entries_no_build_used_for_a_month_are_removed(
        portal: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    _build(portal, tmp_path / "site", caplog)
    stale = portal / CACHE_DIR / "ab" / ("ab" + "0" * 62 + ".json")
    stale.parent.mkdir(exist_ok=True)
    stale.write_text("{}", encoding="utf-8")
    month_ago = time.time() - 31 * 86400
    os.utime(stale, (month_ago, month_ago))
    used = sorted((portal / CACHE_DIR).glob("*/*.json"))
    for entry in used:  # old, but this build uses them: they stay
        os.utime(entry, (month_ago, month_ago))
    code, (hits, _) = _build(portal, tmp_path / "site", caplog)
    assert code == 0 and hits > 20
    assert not stale.exists()
    assert len(list((portal / CACHE_DIR).glob("*/*.json"))) == len(used) - 1
