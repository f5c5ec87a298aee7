"""Where each page and handout lives, and the URL it gets. One place, so pages, links, handouts
and tests can never disagree.

Page paths are Markdown paths inside the docs tree (``training/intake.md``); ``page_url`` and
``html_file`` turn them into what MkDocs publishes, for ``use_directory_urls`` on and off.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

HOME = "index.md"
ROUTES = "leerroutes/index.md"
TASKS = "taakverdeling/index.md"
COACH_CONDUCT = "taakverdeling/wel-en-niet-doen.md"
PLAN = "taakverdeling/stappenplan.md"
TRAINING = "training/index.md"
PRACTICE = "oefenen/index.md"
THEMES = "oefenen/thema/index.md"
LEVELS = "oefenen/niveau.md"
QUIZZES = "quizzen/index.md"
MATERIALS = "training/materialen.md"
GLOSSARY = "begrippen.md"


@dataclass(frozen=True)
class ItemPage:
    """Where the items of one kind live: ``pattern`` with the item's id in ``{id}``.
    Called like a function: ``urls.module("intake")`` → ``training/intake.md``."""

    pattern: str

    def __call__(self, id: str) -> str:
        return self.pattern.replace("{id}", id)


route = ItemPage("leerroutes/{id}.md")
role = ItemPage("taakverdeling/rollen/{id}.md")
module = ItemPage("training/{id}.md")
programme = ItemPage("training/programma/{id}.md")
material = ItemPage(MATERIALS + "#{id}")  # one materials page, one anchor per item
theme = ItemPage("oefenen/thema/{id}.md")
method = ItemPage("oefenen/methodes/{id}/index.md")
quiz = ItemPage("quizzen/{id}.md")


def chapter_slug(number: int) -> str:
    """A chapter's id in URLs and file names: ``hoofdstuk-3``."""
    return f"hoofdstuk-{number}"


def chapter(method_id: str, number: int) -> str:
    return f"oefenen/methodes/{method_id}/{chapter_slug(number)}.md"


def level(level: str) -> str:
    """One level's overview (themes and chapters at that level)."""
    return f"oefenen/niveau/{level.lower()}.md"


def paged(first: str, n: int) -> str:
    """Page n of a paginated overview whose first page is ``first`` (n = 1 gives ``first``).

    Later pages sit beside the first one as ``<name>-pagina-<n>.md`` (``index-pagina-2.md``),
    a name no chapter (``hoofdstuk-<n>``) or level page uses."""
    if n == 1:
        return first
    folder, _, name = first.rpartition("/")
    stem = name.removesuffix(".md")
    return f"{folder}/{stem}-pagina-{n}.md" if folder else f"{stem}-pagina-{n}.md"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page source to another, as MkDocs resolves them."""
    return relpath(to_page, posixpath.dirname(from_page) or ".")


def relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two paths inside the site, without asking the operating system
    for the current folder twice per link (a third of rendering the pages' links)."""
    if not path or not start or path[0] == "/" or start[0] == "/" or "/../" in f"/{path}/{start}/":
        return posixpath.relpath(path, start)  # leaves the folder or is absolute: the exact rule
    return posixpath.relpath("/" + path, "/" + start)


def _is_index(page: str) -> bool:
    return posixpath.basename(page) in ("index.md", "README.md")


def html_file(page: str, directory_urls: bool = True) -> str:
    """The file MkDocs writes for a page (site-relative), by MkDocs' own rule (File.dest_uri):
    ``training/intake.md`` → ``training/intake/index.html`` (``training/intake.html`` without
    directory URLs); an index page stays ``<folder>/index.html``."""
    stem, _ = posixpath.splitext(page)
    if _is_index(page):
        return posixpath.join(posixpath.dirname(page), "index.html")
    return f"{stem}/index.html" if directory_urls else f"{stem}.html"


def page_url(page: str, directory_urls: bool = True) -> str:
    """A page's URL relative to the site root, as MkDocs gives it (File.url): ``training/intake/``,
    ``./`` for the home page; with ``use_directory_urls: false`` the HTML file itself
    (``training/intake.html``, ``index.html``), which also works from file://."""
    dest = html_file(page, directory_urls)
    folder, name = posixpath.split(dest)
    if directory_urls and name == "index.html":
        return (folder or ".") + "/"
    return dest


# --- handouts (print-ready HTML and PDF, see generator/handouts) ------------------------------
HANDOUTS = "handouts/index.md"
# The handouts' stylesheet on the site: one file the web versions share (browsers load it once).
HANDOUT_STYLESHEET = "handouts/handout.css"
# The tab icon of every page (Material's default `theme.favicon`); handouts link it too, else a
# browser asks the host's root for /favicon.ico, outside the portal.
SITE_FAVICON = "assets/images/favicon.png"


def handout(kind: str, id: str, ext: str = "html") -> str:
    """A handout file inside the site: handouts/<kind>/<id>.html (or .pdf)."""
    return f"handouts/{kind}/{id}.{ext}"


def chapter_handout_id(method_id: str, number: int) -> str:
    """A practice card's file name (without extension): ``<method>-hoofdstuk-<n>``."""
    return f"{method_id}-{chapter_slug(number)}"


# --- offline copy (see generator/offline.py) ----------------------------------------------------
OFFLINE_DIR = "offline"


def offline_name(title: str) -> str:
    """File-system name of the offline copy, from the portal title: 'Taalcoach-portaal' → 'taalcoach-portaal'."""
    import re
    import unicodedata
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "portaal"


def offline_zip(title: str) -> str:
    """The zip of the whole site inside the site, e.g. offline/taalcoach-portaal.zip."""
    return f"{OFFLINE_DIR}/{offline_name(title)}.zip"
