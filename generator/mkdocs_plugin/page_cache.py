"""Skip the Markdown conversion of pages that did not change since an earlier build.

Converting Markdown is the largest cost of a build once the nav is fast (1 × 2,000 chapters:
about a third of the CPU time). A page's HTML, table of contents and anchors depend only on
its Markdown, the Markdown settings, the library versions and which files exist (links are
checked against them), so those make the key; `serve` and a CI job that keeps `.cache/`
between runs convert only what an edit changed.

Entries are JSON (a cache restored from elsewhere cannot run code), written atomically, and a
damaged or unreadable entry is simply converted again. A page whose conversion logged a
warning is never stored, so `--strict` fails again on the next build instead of the cached
page hiding the problem. Entries unused for CACHE_MAX_AGE_DAYS are removed.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator import site_config
from generator.cache_files import CACHE_MAX_AGE_DAYS, prune_unused
from generator.mkdocs_plugin.logcount import counting_warnings

CACHE_DIR = Path(".cache") / "pages"
ASSET_PREFIX = f"{site_config.ASSET_DIR}/"
FORMAT = 1
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")

log = logging.getLogger("mkdocs.plugins.taalcoach")


class PageCache:
    """Installed on each page before it is read; `hits` and `converted` count this build."""

    def __init__(self, folder: Path, config: MkDocsConfig, files: Files) -> None:
        self.folder = folder
        self.files = files
        self.fingerprint = _fingerprint(config, files)
        self.hits = 0
        self.converted = 0

    def install(self, page: Page) -> None:
        """MkDocs calls ``page.render(config, files)``: this instance attribute answers first."""
        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, config, files)
        page.render = render  # type: ignore[method-assign]

    def summary(self) -> str:
        return f"pages: {self.hits} from the cache, {self.converted} converted from Markdown"

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert page.markdown is not None
        key = hashlib.sha256("\0".join((self.fingerprint, page.file.src_uri, page.markdown)).encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.json"
        if self._restore(page, path):
            self.hits += 1
            return
        with counting_warnings() as warnings:
            Page.render(page, config, files)
        self.converted += 1
        if not warnings.count:
            _write_atomic(path, _entry(page))

    def _restore(self, page: Page, path: Path) -> bool:
        try:
            entry = json.loads(path.read_bytes())
            content, title = entry["content"], entry["title"]
            toc = get_toc(entry["toc"])
            anchors = set(entry["anchors"])
            links = {self.files.get_file_from_path(uri): targets for uri, targets in entry["links"].items()}
            if not isinstance(content, str) or None in links:
                return False
            os.utime(path)  # used: kept by prune()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return False
        page.content = content
        page.toc = toc
        page._title_from_render = title
        page.present_anchor_ids = anchors
        page.links_to_anchors = links  # type: ignore[assignment]
        return True


def prune(folder: Path, max_age_days: int = CACHE_MAX_AGE_DAYS) -> int:
    """Delete entries no build has used for ``max_age_days``."""
    return prune_unused(folder, "*/*.json", max_age_days)


def _fingerprint(config: MkDocsConfig, files: Files) -> str:
    """Everything besides a page's own Markdown that its converted HTML depends on."""
    versions = {name: _version(name) for name in _LIBRARIES}
    settings = {
        "format": FORMAT,
        "versions": versions,
        "extensions": [str(e) for e in config.markdown_extensions],
        "options": config.mdx_configs,
        "directory_urls": config.use_directory_urls,
        "validation": config.validation,
        # Links are checked against the files; the portal's own scripts and search index (whose
        # names change with the content) are never the target of a link in a page.
        "files": sorted(f.src_uri for f in files if not f.src_uri.startswith(ASSET_PREFIX)),
    }
    return hashlib.sha256(json.dumps(settings, sort_keys=True, default=repr).encode()).hexdigest()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def _entry(page: Page) -> dict[str, Any]:
    return {
        "content": page.content,
        "toc": [_token(link) for link in page.toc],
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {f.src_uri: targets for f, targets in (page.links_to_anchors or {}).items()},
    }


def _token(link: AnchorLink) -> dict[str, Any]:
    return {"name": link.title, "id": link.id, "level": link.level,
            "children": [_token(child) for child in link.children]}


def _write_atomic(path: Path, entry: dict[str, Any]) -> None:
    """A cache that cannot be written (read-only checkout, full disk) only costs speed."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
