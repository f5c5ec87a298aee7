"""Handout HTML → PDF with WeasyPrint: cached by content hash, rendered in parallel.

- The cache key hashes everything that shapes a PDF: the handout HTML (which inlines the
  stylesheet and the footer text), the WeasyPrint version and this module's format version.
  An unchanged handout is never rendered again; a rebuild without changes renders zero PDFs.
- Cache entries are ``<key>.pdf`` plus ``<key>.json`` (page count) in the cache folder
  (``.cache/handouts/`` in the portal root), written atomically so parallel builds are safe.
- WeasyPrint loads nothing from the network: the HTML references no files, fonts come from
  the system (fontconfig; DejaVu on Debian) and are embedded, and the URL fetcher refuses
  anything but file: and data: URLs.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.cache_files import CACHE_MAX_AGE_DAYS, prune_unused
from generator.handouts.documents import Handout
from generator.workers import signals_held_while_forking, worker_init

log = logging.getLogger("taalcoach.handouts")

FORMAT_VERSION = "1"
CACHE_DIR = Path(".cache") / "handouts"
WORKERS_ENV = "TAALCOACH_PDF_WORKERS"


class NetworkFetchRefused(ValueError):
    pass


def local_url_fetcher() -> Any:  # a weasyprint.urls.URLFetcher (WeasyPrint has no type hints)
    """A WeasyPrint URL fetcher that refuses every non-local URL (privacy; reproducible PDFs)."""
    from weasyprint.urls import URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None):  # type: ignore[no-untyped-def]
            if not url.lower().startswith(("file:", "data:")):
                raise NetworkFetchRefused(f"handouts load nothing from the network (refused {url})")
            if url.lower().startswith("file:") and not _inside_allowed(url):
                # only the package's own assets: a handout never embeds or attaches any other
                # local file (an '<img src=file:///etc/passwd>' or an attachment link)
                raise NetworkFetchRefused(f"handouts load only the generator's own files (refused {url[:80]})")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols={"file", "data"}, allow_redirects=False)


PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _inside_allowed(url: str) -> bool:
    from urllib.parse import unquote, urlsplit

    try:
        path = Path(unquote(urlsplit(url).path)).resolve()
    except (OSError, ValueError):
        return False
    return path.is_relative_to(PACKAGE_DIR)


def weasyprint_version() -> str:
    from importlib.metadata import version

    return version("weasyprint")


def cache_key(html: str, engine_version: str | None = None) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT_VERSION, engine_version or weasyprint_version(), html):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class PdfFile:
    site_path: str      # handouts/<kind>/<id>.pdf
    cache_path: Path    # where the PDF is stored; copy or link it into the site
    pages: int
    rendered: bool      # False when it came from the cache


@dataclass
class PdfReport:
    files: list[PdfFile] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0

    @property
    def rendered(self) -> int:
        return sum(f.rendered for f in self.files)

    @property
    def cached(self) -> int:
        return len(self.files) - self.rendered

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)

    def summary(self) -> str:
        return (f"PDF handouts: {len(self.files)} PDFs, {self.pages} pages; rendered {self.rendered}, "
                f"from cache {self.cached}; {self.seconds:.1f} s"
                + (f" on {self.workers} workers" if self.workers > 1 else ""))


def render_pdf(html: str, target: Path) -> int:
    """Render one handout and write it atomically to ``target``; returns the page count."""
    from weasyprint import HTML

    document = HTML(string=html, url_fetcher=local_url_fetcher(), media_type="print").render()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        document.write_pdf(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    pages = len(document.pages)
    _write_meta(target.with_suffix(".json"), {"pages": pages, **_fingerprint(target)})
    return pages


def _fingerprint(pdf: Path) -> dict[str, Any]:
    """Size and SHA-256 of a cached PDF: a truncated or emptied entry is re-rendered, not published."""
    data = pdf.read_bytes()
    return {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def _write_meta(path: Path, data: dict) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def _cached_pages(pdf: Path) -> int | None:
    meta = pdf.with_suffix(".json")
    if not pdf.is_file() or not meta.is_file():
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        if pdf.stat().st_size != data["size"] or _fingerprint(pdf) != {"size": data["size"], "sha256": data["sha256"]}:
            log.warning("PDF cache entry %s is damaged (size or hash differs); rendering it again", pdf.name)
            return None
        return int(data["pages"])
    except (ValueError, KeyError, TypeError, OSError):
        return None


def _stop_workers(pool: ProcessPoolExecutor, cache_dir: Path) -> None:
    """On an interrupt: stop rendering now and leave no half-written files behind."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=True, cancel_futures=True)
    for tmp in cache_dir.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def _workers(jobs: int, requested: int | None) -> int:
    wanted = requested or int(os.environ.get(WORKERS_ENV, "0") or 0) or (os.cpu_count() or 1)
    return max(1, min(wanted, jobs))


def render_pdfs(handouts: Iterable[Handout], cache_dir: Path, workers: int | None = None) -> PdfReport:
    """Make sure every handout has a PDF in ``cache_dir``; render only the missing ones."""
    start = time.perf_counter()
    cache_dir.mkdir(parents=True, exist_ok=True)
    engine = weasyprint_version()
    planned: list[tuple[Handout, Path]] = []
    todo: list[tuple[Handout, Path]] = []
    cached: dict[Path, int] = {}
    for h in handouts:
        target = cache_dir / f"{cache_key(h.print_html, engine)}.pdf"
        planned.append((h, target))
        pages = _cached_pages(target)
        if pages is None:
            todo.append((h, target))
        else:
            cached[target] = pages
            os.utime(target)  # recently used: kept by prune()
    # Longest documents first, so one big booklet does not start last on an idle pool.
    todo.sort(key=lambda item: -len(item[0].print_html))
    unique = list({target: h for h, target in todo}.items())  # identical documents render once
    n = _workers(len(unique), workers)
    rendered: dict[Path, int] = {}
    if n > 1:
        import weasyprint  # noqa: F401  (imported once here, inherited by forked workers)

        pool = ProcessPoolExecutor(max_workers=n, initializer=worker_init)
        try:
            with signals_held_while_forking():
                futures = {target: pool.submit(render_pdf, h.print_html, target) for target, h in unique}
            rendered = {target: f.result() for target, f in futures.items()}
        except BaseException:
            _stop_workers(pool, cache_dir)
            raise
        pool.shutdown()
    else:
        rendered = {target: render_pdf(h.print_html, target) for target, h in unique}
    report = PdfReport(workers=n if unique else 0)
    for h, target in planned:
        is_new = target in rendered
        report.files.append(PdfFile(h.pdf_path, target, rendered[target] if is_new else cached[target], is_new))
    report.seconds = time.perf_counter() - start
    return report


def prune(cache_dir: Path, max_age_days: int = CACHE_MAX_AGE_DAYS) -> int:
    """Delete cache entries not used for ``max_age_days`` (used entries are touched)."""
    return prune_unused(cache_dir, "*.pdf", max_age_days, sidecar_suffix=".json")
