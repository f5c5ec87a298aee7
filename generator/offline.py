"""The offline copy: one zip of the built site that works when opened from disk (``file://``).

Volunteers meet inburgeraars in libraries and community centres, sometimes without a
connection. Opened from disk, a site built for a web server breaks in three places, and this
step mends each of them in a *copy* of the built site, so it works for any engine's output
(the MkDocs plugin calls it after the build; nothing here imports MkDocs):

- links to ``folder/`` open a directory listing instead of the page: every relative link in
  the HTML, and every result address in the search index, gets ``index.html`` added;
- when the site uses Material's own search (a portal that switched the generator's Dutch
  search off): browsers refuse Web Workers from ``file://``, so each page loads the
  ``iframe-worker`` shim (vendored in ``assets/vendor/``, never a CDN), which runs the worker
  in a hidden iframe; and ``fetch()`` of ``search_index.json`` is refused, so the index is also
  written as ``search/search_index.js`` (``var __index = …``), which Material's bundle loads
  instead when it runs from ``file://``. The generator's own search (generator/search) needs
  neither: it loads its index with script tags and writes file addresses itself.

The zip is written beside the site's pages under a temporary name and renamed only when it is
complete, so a failed build never leaves half a zip, and it never contains itself.
"""
from __future__ import annotations

import functools
import html
import json
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from generator import urls
from generator.portal import Portal

# Inside the copy: where the shim goes (relative to the site root).
SHIM_PATH = "assets/taalcoach/offline/iframe-worker-shim.js"
SHIM_SOURCE = ("assets", "vendor", "iframe-worker-shim.js")
# Material's search index and the script form its bundle loads from file:// (search.js's `__index`).
SEARCH_INDEX_JSON = "search/search_index.json"
SEARCH_INDEX_JS = "search/search_index.js"
# The download block on the portal's pages (written by templates/pages/_offline.md.j2).
META_MARKER = '<span class="tc-offline__meta" data-tc-offline-meta="">'
_BLOCK = re.compile(r'<div class="tc-offline" data-tc-offline="">.*?</div>', re.S)
_META = re.compile(re.escape(META_MARKER) + r".*?</span>", re.S)
# The value of every href="…" and src="…" attribute. Written as `="` followed by a look back
# (not `\s(?:href|src)="`): the regex engine then scans for a literal, 4× faster on a big site.
_URL_ATTR = re.compile(r'="(?:(?<=\shref=")|(?<=\ssrc="))([^"]*)"')
_HEAD_END = re.compile(r"</head>", re.I)
# Already compressed: stored as they are (deflating a PDF again costs time and saves nothing).
_STORED = {".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".gz", ".zip", ".woff", ".woff2"}
# Deflate level 4: measured on the 4,121 pages of a 1 × 2,000-chapter site, 30 % less time than
# level 6 (zlib's default) for a zip 4 % larger (12.96 against 12.49 MB of pages).
COMPRESS_LEVEL = 4


@dataclass(frozen=True)
class OfflineCopy:
    path: Path        # the zip inside the site
    size: int         # bytes
    made_on: date
    files: int
    download_pages: tuple[str, ...] = ()  # site pages with the download block (to fill in afterwards)


@functools.lru_cache(maxsize=65536)  # a site repeats its links (nav, footer) on every page
def page_url(ref: str) -> str:
    """The address a relative link must have to open a page from disk: ``x/`` → ``x/index.html``.

    Other hosts, root-absolute paths, fragments of the same page and links to files are kept.
    """
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or not parts.path or ref.startswith("/"):
        return ref
    path = parts.path
    if path in (".", ".."):
        path += "/"
    if not path.endswith("/"):
        return ref
    return path + "index.html" + (f"?{parts.query}" if parts.query else "") \
        + (f"#{parts.fragment}" if parts.fragment else "")


def offline_html(html: str, rel_path: str, offline_note: str, worker_shim: bool = True) -> str:
    """One page of the copy: links that open files, the worker shim, the download block replaced."""
    html = _URL_ATTR.sub(lambda m: f'="{page_url(m.group(1))}"', html)
    if worker_shim:
        depth = rel_path.count("/")
        shim = f'<script src="{"../" * depth}{SHIM_PATH}"></script>'
        html = _HEAD_END.sub(shim + "</head>", html, count=1)
    # The copy does not offer itself for download; it says how old it is instead.
    if 'data-tc-offline=""' not in html:
        return html
    return _BLOCK.sub(f'<div class="tc-offline"><p>{offline_note}</p></div>', html)


def offline_search_index(data: bytes) -> bytes:
    """Material's index as the script its bundle loads from file://, with file addresses."""
    index = json.loads(data)
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        # The home page is "" (or "#heading") in the index: relative to the site root.
        doc["location"] = "index.html" + location if location[:1] in ("", "#") else page_url(location)
    return ("var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")


def _site_files(site: Path, skip: Iterable[str]) -> list[tuple[str, Path]]:
    """Every file of the site but ``skip`` (paths relative to it) and half-written zips, sorted."""
    skipped = set(skip)
    files = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(site).as_posix()
            if rel not in skipped and not name.endswith(".zip.part") and path.is_file():
                files.append((rel, path))
    return sorted(files, key=lambda item: item[1])


def _zip_entry(zf: zipfile.ZipFile, name: str, data: bytes, when: date) -> None:
    info = zipfile.ZipInfo(name, date_time=(when.year, when.month, when.day, 12, 0, 0))
    info.compress_type = zipfile.ZIP_STORED if Path(name).suffix.lower() in _STORED else zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compresslevel=COMPRESS_LEVEL)


def make_offline_copy(site: Path, zip_rel: str, folder: str, *, offline_note: str, readme: str,
                      made_on: date | None = None,
                      extra: Callable[[str, bytes], dict[str, bytes]] | None = None) -> OfflineCopy:
    """Zip ``site`` (a built site folder) as ``site/zip_rel``, with every page under ``folder/``.

    ``extra(rel_path, data)`` may add files to the copy for a site file (a hook for search
    engines other than Material's that need a script form of their index from file://).
    """
    made_on = made_on or date.today()
    target = site / zip_rel
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(f".{target.name}.part")
    files = _site_files(site, skip=[zip_rel, part.relative_to(site).as_posix()])
    # Material's search runs in a Web Worker; only then is the shim needed.
    worker_shim = (site / SEARCH_INDEX_JSON).is_file()
    count = 0
    download_pages: list[str] = []
    try:
        with zipfile.ZipFile(part, "w") as zf:
            for rel, path in files:
                data = path.read_bytes()
                added: dict[str, bytes] = {}
                if rel.endswith(".html"):
                    page = data.decode("utf-8")
                    if META_MARKER in page:
                        download_pages.append(rel)
                    data = offline_html(page, rel, offline_note, worker_shim).encode("utf-8")
                elif rel == SEARCH_INDEX_JSON:
                    added[SEARCH_INDEX_JS] = offline_search_index(data)
                if extra:
                    added.update(extra(rel, data))
                for name, content in [(rel, data), *added.items()]:
                    _zip_entry(zf, posixpath.join(folder, name), content, made_on)
                    count += 1
            if worker_shim:
                shim = resources.files("generator").joinpath(*SHIM_SOURCE).read_bytes()
                _zip_entry(zf, posixpath.join(folder, SHIM_PATH), shim, made_on)
                count += 1
            _zip_entry(zf, posixpath.join(folder, "LEESMIJ.txt"), readme.encode("utf-8"), made_on)
            count += 1
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return OfflineCopy(path=target, size=target.stat().st_size, made_on=made_on, files=count,
                       download_pages=tuple(download_pages))


def human_size(size: int) -> str:
    """Dutch notation: '2,9 MB', '840 kB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"


def fill_download_meta(site: Path, meta: str, pages: Iterable[str]) -> int:
    """Write the zip's size and date into the download block of ``pages`` (the copy's
    ``download_pages``, found while zipping: the site is not read a second time)."""
    changed = 0
    for rel in pages:
        page = site / rel
        text = page.read_text(encoding="utf-8")
        page.write_text(_META.sub(lambda _: f"{META_MARKER}{meta}</span>", text), encoding="utf-8")
        changed += 1
    return changed


def publish(site: Path, portal: Portal, today: date | None = None) -> OfflineCopy:
    """The offline copy of a built portal: the zip with the portal's Dutch words, then its size
    and date in the download block of the live site. Engine-agnostic (any engine's output)."""
    today = today or date.today()
    L = portal.labels
    shown = today.strftime("%d-%m-%Y")
    copy = make_offline_copy(site, urls.offline_zip(portal.site.title), urls.offline_name(portal.site.title),
                             offline_note=html.escape(L.fill("offline_this_copy", date=shown)),
                             readme=L.fill("offline_readme", date=shown) + "\n", made_on=today)
    meta = "(" + L.fill("offline_meta", size=human_size(copy.size), date=shown) + ")"
    fill_download_meta(site, html.escape(meta), copy.download_pages)
    return copy
