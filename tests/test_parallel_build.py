"""Pages built by several processes: the same site as one process, and the same failures.

TAALCOACH_WORKERS=3 forces workers on the small fixture (the automatic choice starts at a few
hundred pages). Hand-written pages link to each other's headings, so every process must know
the anchors of pages another process converted.
"""
from __future__ import annotations

import gc
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from generator.mkdocs_plugin.collector import FULL_PASS_AFTER, BuildCollector
from generator.mkdocs_plugin.run import build_site

pytestmark = pytest.mark.slow  # real MkDocs builds

PAGES = ["doel", "aanpak", "contact", "vragen", "colofon", "privacy"]


def _cross_linked(portal: Path, broken: str | None = None) -> None:
    """Hand-written pages, each with its own headings and links to every other page's headings."""
    for name in PAGES:
        links = "\n".join(f"- [{other}]({other}.md#kopje-{other})" for other in PAGES if other != name)
        (portal / "docs" / f"{name}.md").write_text(
            f"# Pagina *{name}*\n\n## Kopje {name}\n\nTekst.\n\n{links}\n", encoding="utf-8")
    if broken:
        page = portal / "docs" / "vragen.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n[kapot]({broken})\n", encoding="utf-8")


def _build(portal: Path, site: Path, workers: int, monkeypatch: pytest.MonkeyPatch,
           caplog: pytest.LogCaptureFixture) -> int:
    monkeypatch.setenv("TAALCOACH_WORKERS", str(workers))
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        code = build_site(portal, site, handouts=False)
    processes = [r.getMessage() for r in caplog.records if "pages are built by" in r.getMessage()]
    assert processes == ([f"pages are built by {workers} processes"] if workers > 1 else [])
    return code


def _html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_three_processes_write_the_same_site_as_one(
        portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    _cross_linked(portal)
    assert _build(portal, tmp_path / "one", 1, monkeypatch, caplog) == 0
    assert _build(portal, tmp_path / "three", 3, monkeypatch, caplog) == 0
    one, three = _html(tmp_path / "one"), _html(tmp_path / "three")
    assert len(one) > 40 and one.keys() == three.keys()
    assert [p for p in one if one[p] != three[p]] == []
    assert not any("Page skipped" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("broken", ["doel.md#bestaat-niet", "bestaat-niet.md"])
def test_a_broken_link_fails_the_build_whichever_process_has_it(
        broken: str, portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    _cross_linked(portal, broken)
    assert _build(portal, tmp_path / "site", 3, monkeypatch, caplog) == 1
    assert not (tmp_path / "site").exists()
    assert not list(tmp_path.glob(".site-building-*"))


def test_the_build_leaves_the_garbage_collector_as_it_found_it(
        portal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """During `build` long-lived objects are frozen and full passes rarer (collector.py); after
    it, failed or not, the collector is as before, so nothing stays frozen in a longer process."""
    before = gc.get_threshold()
    seen: list[tuple[bool, int]] = []
    start = BuildCollector.start

    def watched(self: BuildCollector) -> None:
        start(self)
        seen.append((gc.get_freeze_count() > 0, gc.get_threshold()[2]))
    monkeypatch.setattr(BuildCollector, "start", watched)
    _cross_linked(portal)
    assert _build(portal, tmp_path / "site", 3, monkeypatch, caplog) == 0
    _cross_linked(portal, "bestaat-niet.md")
    assert _build(portal, tmp_path / "failed", 3, monkeypatch, caplog) == 1
    assert seen == [(True, FULL_PASS_AFTER)] * 2
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_sigterm_during_a_parallel_build_leaves_no_worker_and_no_folder(portal: Path, tmp_path: Path) -> None:
    _cross_linked(portal)
    site = tmp_path / "out" / "site"
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
           "TAALCOACH_LANG": "en", "TAALCOACH_WORKERS": "3"}
    build = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-pdf", "--portal", str(portal),
                              "--site-dir", str(site)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 120  # guards against a hang; the test waits on the workers
    while build.poll() is None and len(workers) < 2:
        workers = {int(c) for t in Path(f"/proc/{build.pid}/task").glob("*")
                   for c in _read(t / "children").split()}
        assert time.monotonic() < deadline, "no page workers appeared"
    if build.poll() is not None:
        pytest.fail("the build ended before it could be stopped: " + build.stderr.read() if build.stderr else "")
    build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 143 and "Traceback" not in err, err
    for pid in workers:
        while _running(pid):
            assert time.monotonic() < deadline, f"worker {pid} outlived the build"
    assert not site.exists() and not list(site.parent.glob(".site-building-*"))


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


def _running(pid: int) -> bool:
    stat = _read(Path(f"/proc/{pid}/stat"))
    return bool(stat) and stat.rsplit(")", 1)[1].split()[0] != "Z" and os.getpgid(pid) >= 0
