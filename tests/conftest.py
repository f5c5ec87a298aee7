"""Shared fixtures: the demo portal, one strict build of it, a sub-path server, Chromium."""
from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitekit
from generator.build import load_portal
from generator.errors import ContentErrors
from generator.portal import Portal

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    """A copy of the small, valid mini portal, which a test breaks in one way."""
    root = tmp_path / "portal"
    # Without the build caches tests that build the fixture in place leave behind (.cache/).
    shutil.copytree(MINI, root, ignore=shutil.ignore_patterns(".cache", "site"))
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``root/rel``; fails loudly when the fixture has changed."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str, after: int = 0) -> int:
    """The first line number (1-based) after ``after`` whose text holds ``needle``."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    found = next((n for n, line in enumerate(lines, 1) if n > after and needle in line), None)
    assert found is not None, f"{needle!r} not in {rel}"
    return found


def errors_of(root: Path) -> list[str]:
    """The content errors that loading ``root`` reports (it must fail)."""
    with pytest.raises(ContentErrors) as info:
        load_portal(root)
    return [str(e) for e in info.value.errors]


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as an editor would, capturing its output."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True,
                          text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin",
                                          "PYTHONPATH": str(ROOT), **(env or {})})


def build_ok(portal: Path, site: Path, *flags: str) -> Path:
    """Build ``portal`` into ``site`` with the real CLI and fail the test with its output if it fails."""
    result = run_cli("build", *flags, "--portal", str(portal), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def engine_modules_imported(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter (sys.argv[1] = repo root) and list the engine
    modules (mkdocs, material, weasyprint) it imported, to prove the core stays engine-free."""
    script = (code + "\nimport sys; print(sorted(m for m in sys.modules "
              "if m.split('.')[0] in ('mkdocs', 'material', 'weasyprint')))")
    out = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT)}, check=True).stdout
    return eval(out.strip().splitlines()[-1])  # a printed list of module names


# Markers that follow from the fixtures a test uses (the closure, so indirect use counts too):
# a test that needs Chromium is a browser test wherever it lives, the demo site build renders
# every PDF (about 40 s on 2 busy cores) and a `hostile_site` is a site build too. Tests mark
# themselves for what no fixture shows: `slow` for a MkDocs build or a fresh interpreter that
# renders the demo, `pdf` for WeasyPrint. `make test-fast` runs
# `-m "not browser and not pdf and not slow"`.
FIXTURE_MARKERS = {"browser": ("browser",), "built_site": ("slow", "pdf"), "hostile_site": ("slow",)}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for fixture, markers in FIXTURE_MARKERS.items():
            if fixture in used:
                for name in markers:
                    item.add_marker(name)


@pytest.fixture(scope="session")
def demo_portal() -> Portal:
    return load_portal(ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo portal built once per test run with the real CLI (mkdocs --strict)."""
    return build_ok(ROOT, tmp_path_factory.mktemp("demo") / "site")


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with sitekit.serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=sitekit.chromium_path(), args=sitekit.CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageProbe:
    """A Playwright page that records requests to other hosts and JavaScript errors."""

    def __init__(self, page: object, base: str) -> None:
        self.page = page
        self.base_host = urlsplit(base).netloc
        self.external: list[str] = []
        self.js_errors: list[str] = []
        page.on("request", self._on_request)  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: self.js_errors.append(str(exc)))  # type: ignore[attr-defined]

    def _on_request(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.base_host:
            self.external.append(url)


@contextmanager
def open_probe(browser: object, base: str) -> Iterator[PageProbe]:
    """A fresh measuring context (sitekit.new_context) with one probed page, closed afterwards."""
    context = sitekit.new_context(browser)
    try:
        yield PageProbe(context.new_page(), base)
    finally:
        context.close()


@pytest.fixture
def probe(browser: object, site_url: str) -> Iterator[PageProbe]:
    with open_probe(browser, site_url) as opened:
        yield opened
