"""Skip the Markdown conversion of pages that did not change since an earlier build.

Converting Markdown is the largest cost of a build once the nav is fast (1 × 2,000 chapters:
about a third of the CPU time). A page's HTML, table of contents and anchors depend only on
its Markdown, the Markdown settings, the library versions and which files exist (links are
checked against them), so those make the key; `serve` and a CI job that keeps `.cache/`
between runs convert only what an edit changed.

The entries live in one SQLite file (Python's own sqlite3): one file per page cost ~1 ms to
create on a cold build (10 s at 10,000 pages). Each process of a build (parallel.py) reads
with its own connection and writes its new entries in one transaction at the end. Entries
are JSON (a cache restored from elsewhere cannot run code); a damaged entry is converted
again, a damaged or unwritable file only costs time. A page whose conversion logged a
warning is never stored, so `--strict` fails again on the next build instead of the cached
page hiding the problem. Entries no build used for CACHE_MAX_AGE_DAYS are removed.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from generator import site_config
from generator.cache_files import CACHE_MAX_AGE_DAYS
from generator.mkdocs_plugin.logcount import counting_warnings

CACHE_FILE = Path(".cache") / "pages.sqlite"
ASSET_PREFIX = f"{site_config.ASSET_DIR}/"
FORMAT = 2
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material")
_SCHEMA = "CREATE TABLE IF NOT EXISTS pages (key TEXT PRIMARY KEY, entry TEXT NOT NULL, used REAL NOT NULL)"

log = logging.getLogger("mkdocs.plugins.taalcoach")


class PageCache:
    """Installed on each page before it is read; `hits` and `converted` count this build."""

    def __init__(self, path: Path, config: MkDocsConfig, files: Files,
                 convert: Callable[[Page, MkDocsConfig, Files], None] = Page.render) -> None:
        self.path = path
        self.convert = convert  # a page not in the cache
        self.files = files
        self.fingerprint = _fingerprint(config, files)
        self.hits = 0
        self.converted = 0
        self._new: list[tuple[str, str]] = []
        self._used: list[str] = []
        self._db = _connect(path) if path.is_file() else None

    def install(self, page: Page) -> None:
        """MkDocs calls ``page.render(config, files)``: this instance attribute answers first."""
        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, config, files)
        page.render = render  # type: ignore[method-assign]

    def summary(self) -> str:
        return f"pages: {self.hits} from the cache, {self.converted} converted from Markdown"

    def save(self) -> None:
        """New entries in, used ones marked, old ones out: one transaction, once per process."""
        if self._db is not None:
            self._db.close()
            self._db = None
        now = time.time()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                _write(self.path, self._new, self._used, now)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):
                    raise  # locked, read-only, disk full: not the file's fault
                self.path.unlink(missing_ok=True)  # not a database (damaged): start a new one
                _write(self.path, self._new, [], now)
        except (sqlite3.Error, OSError):
            pass  # a read-only checkout or a full disk: the next build converts again
        self._new, self._used = [], []

    def _render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        assert page.markdown is not None
        key = hashlib.sha256("\0".join((self.fingerprint, page.file.src_uri, page.markdown)).encode()).hexdigest()
        if self._restore(page, key):
            self.hits += 1
            self._used.append(key)
            return
        with counting_warnings() as warnings:
            self.convert(page, config, files)
        self.converted += 1
        if not warnings.count:
            self._new.append((key, json.dumps(_entry(page), ensure_ascii=False)))

    def _restore(self, page: Page, key: str) -> bool:
        if self._db is None:
            return False
        try:
            row = self._db.execute("SELECT entry FROM pages WHERE key = ?", (key,)).fetchone()
            if row is None:
                return False
            entry = json.loads(row[0])
            content, toc = entry["content"], get_toc(entry["toc"])
            if not isinstance(content, str) or not restore_facts(page, entry, self.files):
                return False
        except sqlite3.Error:
            self._db.close()
            self._db = None  # damaged: convert the rest, save() starts a new file
            return False
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        page.content = content
        page.toc = toc
        return True


def render_facts(page: Page) -> dict[str, Any]:
    """What converting a page tells the rest of the build besides its HTML: the title from its
    first heading, its anchors and its links to other pages' anchors (MkDocs checks those)."""
    return {
        "title": page._title_from_render,
        "anchors": sorted(page.present_anchor_ids or ()),
        "links": {f.src_uri: dict(targets) for f, targets in (page.links_to_anchors or {}).items()},
    }


def restore_facts(page: Page, facts: dict[str, Any], files: Files) -> bool:
    """Give a page the facts of a conversion done elsewhere (the cache, a worker); False, and
    the page untouched, when a linked page is not among ``files``."""
    links = {files.get_file_from_path(uri): targets for uri, targets in facts["links"].items()}
    anchors = set(facts["anchors"])
    if None in links:
        return False
    page._title_from_render = facts["title"]
    page.present_anchor_ids = anchors
    page.links_to_anchors = links  # type: ignore[assignment]
    return True


def _connect(path: Path) -> sqlite3.Connection | None:
    """A connection for reading, or None when the file cannot be opened."""
    try:
        return sqlite3.connect(path, timeout=120)  # the other processes of a build may be saving
    except sqlite3.Error:
        return None


def _write(path: Path, new: list[tuple[str, str]], used: list[str], now: float) -> None:
    db = sqlite3.connect(path, timeout=120)
    try:
        db.execute("PRAGMA synchronous = OFF")  # a cache: losing the last write costs only time
        with db:
            db.execute(_SCHEMA)
            db.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?)", [(k, e, now) for k, e in new])
            db.executemany("UPDATE pages SET used = ? WHERE key = ?", [(now, key) for key in used])
            db.execute("DELETE FROM pages WHERE used < ?", (now - CACHE_MAX_AGE_DAYS * 86400,))
    finally:
        db.close()


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
    return {"content": page.content, "toc": [_token(link) for link in page.toc], **render_facts(page)}


def _token(link: AnchorLink) -> dict[str, Any]:
    return {"name": link.title, "id": link.id, "level": link.level,
            "children": [_token(child) for child in link.children]}
