"""One rendering helper per field kind: Text, Markdown and Url.

Content comes from volunteers through pull requests a coordinator merges after a quick look,
so no field may turn into live markup by accident or on purpose:

- **Text** (``model.Text``) is always text. In a Markdown page it is HTML-escaped *and*
  Markdown-neutralised (``*``, ``[``, ``#`` … cannot start emphasis, links, headings or
  attribute lists); in HTML it is HTML-escaped. Newlines collapse to spaces, so a value can
  never start a new Markdown block.
- **Markdown** (``model.Markdown``) is rendered; the HTML it produces is sanitised to an
  allowlist (:mod:`generator.sanitize`).
- **Url** (``model.Url``) accepts https:, http:, mailto:, tel: and relative addresses only.

Templates of Markdown pages get these helpers through a Jinja environment in which every
``{{ value }}`` is Text unless a helper marked it otherwise (see :func:`markdown_environment`):
templates never decide escaping case by case.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape

# Characters Python-Markdown treats as syntax anywhere in a line and accepts a backslash
# escape for (markdown.Markdown.ESCAPED_CHARS plus '|' from the tables extension).
_INLINE_SPECIAL = re.compile(r"([\\`*_{}\[\]#|!])")
# Characters that are syntax only at the start of a block ('- item', '+ item', '> quote',
# '1. item', '=== ' setext underline); escaped there only.
_BLOCK_START = re.compile(r"^([-+>=])|^(\d+)([.)])")
# Syntax of pymdownx extensions an organisation may switch on (~~del~~, ^^ins^^, ==mark==,
# :emoji:) has no backslash escape in plain Python-Markdown: numeric entities work everywhere.
_EXTENSION_SPECIAL = str.maketrans({"~": "&#126;", "^": "&#94;", "=": "&#61;"})
_WHITESPACE_RUN = re.compile(r"\s*\n\s*")

URL_SCHEMES = ("https", "http", "mailto", "tel")


def _one_line(value: Any) -> str:
    return _WHITESPACE_RUN.sub(" ", str(value))


def text_md(value: Any) -> Markup:
    """Text for a Markdown page: shown exactly as written, never read as Markdown or HTML."""
    if isinstance(value, Markup):
        return value
    return _text_md(_one_line(value))


@lru_cache(maxsize=16384)  # pages repeat their labels, titles and levels many times over
def _text_md(line: str) -> Markup:
    text = _INLINE_SPECIAL.sub(r"\\\1", line)
    text = _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)
    # & < > → entities (after the backslashes: an entity has a '#'). Quotes stay: in Markdown
    # text they are text, and page titles taken from a heading would otherwise show '&#39;'.
    text = html.escape(text, quote=False)
    text = text.translate(_EXTENSION_SPECIAL)
    return Markup(text)


def text_html(value: Any) -> Markup:
    """Text inside raw HTML that Markdown does not re-read (attributes, quiz markup)."""
    return escape(value)


def cell(value: Any) -> Markup:
    """Text inside one Markdown table cell (one line; '|' escaped by :func:`text_md`)."""
    return text_md(value or "")


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable address, or ``None`` when it is.

    Accepts https:, http:, mailto:, tel: and relative addresses ('../x/', 'img/logo.svg').
    Whitespace and control characters are refused outright: browsers drop them from a
    scheme, so 'java\\tscript:' would otherwise slip past a scheme check.
    """
    if not value or any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in value):
        return "an address may not contain spaces or control characters"
    if value.startswith("//"):
        return "an address must say its scheme (https://…), not start with '//'"
    scheme = urlsplit(value).scheme.lower()
    if ":" in value.split("/", 1)[0] and not scheme:
        return "the part before ':' is not a valid scheme"
    if scheme and scheme not in URL_SCHEMES:
        return (f"addresses starting with '{scheme}:' are not allowed; "
                "use https://, http://, mailto:, tel: or a relative path")
    if scheme in ("https", "http") and not urlsplit(value).netloc:
        return f"'{scheme}:' needs a host, e.g. {scheme}://example.org/"
    return None


def url(value: Any) -> Markup:
    """A Url field's value in an href (already validated by the model; escaped for HTML)."""
    text = str(value)
    if url_problem(text):  # defence in depth: a value that skipped validation never links
        return Markup("#")
    return escape(text)


def markdown_environment_options() -> dict[str, Any]:
    """Jinja options for templates that produce Markdown.

    ``autoescape`` plus ``finalize``: every plain string printed with ``{{ }}`` is first
    Markdown-neutralised (finalize) and then HTML-escaped (autoescape). Values that are
    already :class:`~markupsafe.Markup` — the output of a helper such as ``| md``, ``| cell``,
    ``| e`` (raw-HTML context) or a macro — pass through unchanged.
    """
    def finalize(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, Markup):
            return text_md(value)
        return value

    return {"autoescape": True, "finalize": finalize}
