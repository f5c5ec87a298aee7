"""Privacy at `check` time: content that would make a visitor's browser contact another host.

The built site requests nothing from other hosts (DESIGN.md §5). The sanitiser already drops
such references from the pages, but silently; this check tells the editor where they wrote
one, so the page does not quietly lose an image:

- ``<img>``, ``<script>``, ``<link>``, ``<source>``, ``<video>``, ``<audio>``, ``<embed>``,
  ``<object>``, ``<track>`` and Markdown images (``![alt](https://…)``) pointing at another
  host are always errors: put the file in ``docs/`` and refer to it there;
- ``<iframe>`` from another host is an error unless the host is in ``site.yml``'s
  ``allowed_hosts`` (an organisation may decide to embed, e.g., its own video channel).

Links (``<a href>``, ``[text](https://…)``) load nothing and are fine.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.errors import ErrorCollector
from generator.sanitize import host_allowed, host_of
from generator.yaml_source import Loc, SourceFile

_TAG = re.compile(r"<\s*(img|iframe|script|link|source|video|audio|embed|object|track|input)\b([^>]*)>",
                  re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|href|data|poster|srcset)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                   re.IGNORECASE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^)\s>]+)")
_CSS_URL = re.compile(r"url\(\s*['\"]?((?:https?:)?//[^'\")\s]+)", re.IGNORECASE)


def remote_references(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, what, host) for every reference in ``text`` that would load from another host."""
    for tag in _TAG.finditer(text):
        name = tag.group(1).lower()
        for attr in _ATTR.finditer(tag.group(2)):
            values = (attr.group(2) or attr.group(3) or attr.group(4) or "").split(",")
            for value in values:
                host = host_of(value.strip().split(" ")[0]) if value.strip() else None
                if host:
                    yield tag.start(), f"<{name}>", host
    for image in _MD_IMAGE.finditer(text):
        host = host_of(image.group(1))
        if host:
            yield image.start(), "image", host
    for css in _CSS_URL.finditer(text):
        host = host_of(css.group(1))
        if host:
            yield css.start(), "url()", host


def _strings(data: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, loc + (index,))


def _problem(what: str, host: str, allowed: Iterable[str]) -> tuple[str, str] | None:
    if what == "<iframe>" and host_allowed(host, allowed):
        return None
    if what == "<iframe>":
        return (f"<iframe> from another host ({host}): the page would contact it",
                f"add '{host}' to 'allowed_hosts' in content/site.yml if your organisation wants this embed")
    return (f"{what} from another host ({host}): the page would contact it",
            "put the file in docs/ (e.g. docs/img/) and refer to it there")


def check_sources(sources: Iterable[SourceFile], allowed: Iterable[str], errors: ErrorCollector) -> None:
    """Report remote references in every string of every YAML source at its line."""
    allowed = tuple(allowed)
    for source in sources:
        for loc, text in _strings(source.data, ()):
            for offset, what, host in remote_references(text):
                problem = _problem(what, host, allowed)
                if problem is None:
                    continue
                line, col = source.position(loc)
                # a block scalar ('body: |') starts on the line after its key
                line += text.count("\n", 0, offset) + (1 if "\n" in text.rstrip("\n") else 0)
                errors.add(source.path, line, col if line == source.position(loc)[0] else 1, *problem)


def check_docs(docs: Path, allowed: Iterable[str], errors: ErrorCollector) -> None:
    """The same for hand-written pages in docs/ (Markdown with HTML)."""
    allowed = tuple(allowed)
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        for offset, what, host in remote_references(text):
            problem = _problem(what, host, allowed)
            if problem:
                line = text.count("\n", 0, offset) + 1
                col = offset - (text.rfind("\n", 0, offset) + 1) + 1
                errors.add(path, line, col, *problem)
