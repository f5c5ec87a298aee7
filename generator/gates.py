"""``toets``: quality gates on a built site that an organisation's repository can run.

The project's own test suite checks the demo in real Chromium with axe-core and the Nu Html
Checker (tests/test_quality_gates.py); an organisation's repository has neither Node nor a
browser. These gates need only the standard library and read every built file once, so they
run in seconds in any CI:

- links: every internal ``href``/``src`` reaches a file of the site, every ``#fragment`` an
  element, and no root-absolute link escapes the site's sub-path (GitHub Pages serves a
  repository under ``/<repo>/``);
- privacy: nothing in HTML or CSS loads from another host (fonts, CDNs, images, iframes);
- language and structure: ``lang="nl"``, a ``<title>``, exactly one ``<h1>`` on content
  pages, and an ``alt`` on every image.
"""
from __future__ import annotations

import html.parser
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

# <link rel=…> values that make the browser contact a host on page load (preconnect and
# dns-prefetch too: they reveal the visit to that host without fetching a file).
LOADING_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "preconnect",
                "dns-prefetch", "modulepreload", "manifest", "prerender"}
RESOURCE_ATTRS = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "source": ("src", "srcset"),
                   "audio": ("src",), "video": ("src", "poster"), "embed": ("src",), "object": ("data",),
                   "track": ("src",), "input": ("src",)}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.I)


class PageLinks(html.parser.HTMLParser):
    """The links, ids and loaded resources of one HTML page, gathered in one pass: the part of
    a page that both `toets` and the project's own quality-gate tests judge."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[str] = []        # href/src to check as internal links
        self.resources: list[str] = []   # what the browser would load by itself
        self.ids: set[str] = set()
        self.lang: str | None = None
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "html":
            self.lang = a.get("lang")
        self._in_style = self._in_style or tag == "style"
        rels = set(a.get("rel", "").lower().split())
        if tag == "link" and rels & LOADING_RELS:
            self.resources.append(a.get("href", ""))
        for attr in RESOURCE_ATTRS.get(tag, ()):
            if a.get(attr):
                self.resources += [part.split()[0] for part in a[attr].split(",") if part.strip()] \
                    if attr == "srcset" else [a[attr]]
        self.resources += CSS_URL.findall(a.get("style", ""))
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and rels & {"canonical", "alternate"}):
                self.refs.append(a[key])

    def handle_endtag(self, tag: str) -> None:
        self._in_style = self._in_style and tag != "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:  # <style> blocks: @import and url() from other hosts
            self.resources += CSS_URL.findall(data)


class _Page(PageLinks):
    """What `toets` needs beyond the links: title, headings, image alt texts."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.h1 = 0
        self.images_without_alt = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        self._in_title = tag == "title"
        self.h1 += tag == "h1"
        if tag == "img" and "alt" not in dict(attrs):
            self.images_without_alt += 1

    def handle_endtag(self, tag: str) -> None:
        super().handle_endtag(tag)
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if self._in_title:
            self.title += data


def _other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.scheme in ("http", "https", "")


def check_site(site: Path, sub_path: str = "/") -> list[str]:
    """Every problem of the built site in ``site``, as ``page: what`` lines (empty = all good)."""
    pages: dict[str, _Page] = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.relative_to(site).as_posix()] = page
    problems: list[str] = []
    base = "/" + sub_path.strip("/") + "/" if sub_path.strip("/") else "/"
    for rel, page in pages.items():
        problems += [f"{rel}: loads {url} from another host (privacy)" for url in page.resources if _other_host(url)]
        if page.lang != "nl":
            problems.append(f'{rel}: <html lang="{page.lang}"> (must be "nl")')
        if not page.title.strip():
            problems.append(f"{rel}: no <title>")
        if page.h1 != 1 and not rel.startswith("handouts/") and rel != "404.html":
            problems.append(f"{rel}: {page.h1} <h1> headings (one expected)")
        if page.images_without_alt:
            problems.append(f"{rel}: {page.images_without_alt} image(s) without alt text")
        for ref in page.refs:
            problems += _broken(site, pages, rel, ref, base)
    for css in sorted(site.rglob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        problems += [f"{css.relative_to(site).as_posix()}: loads {url} from another host (privacy)"
                     for url in CSS_URL.findall(text)]
    return problems


def _broken(site: Path, pages: dict[str, _Page], rel: str, ref: str, base: str) -> list[str]:
    url = urlsplit(ref)
    if url.scheme or url.netloc or ref.startswith("//"):
        return []  # links to other sites (https:, mailto:, …) are navigation, not part of the site
    target = rel
    if url.path:
        if url.path.startswith("/"):
            if not url.path.startswith(base):
                return [f"{rel}: link {ref} leaves the site's sub-path {base} (breaks on GitHub Pages)"]
            joined = posixpath.normpath(unquote(url.path[len(base):]) or ".")
        else:
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(url.path)))
        if joined == ".." or joined.startswith("../"):
            return [f"{rel}: link {ref} points above the site root"]
        path = site / joined
        if path.is_dir() or url.path.endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            return [f"{rel}: link {ref} leads to no page or file"]
        target = path.relative_to(site).as_posix()
    fragment = unquote(url.fragment)
    if fragment and target in pages and fragment not in pages[target].ids:
        return [f"{rel}: link {ref} — no element with id '{fragment}' on {target}"]
    return []
