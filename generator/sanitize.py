"""Sanitise HTML rendered from Markdown fields to an allowlist (nh3, the Rust 'ammonia' crate).

Why an allowlist and not a blocklist: editors may write a little HTML in Markdown fields
(a ``<br>``, a ``<details>``), but nothing that runs, loads or hides things: no script, no
event handlers, no ``javascript:`` URLs, no ``<link>``/``<style>``/``<object>``, no inline
``style``, ``<img>`` only from the site itself and ``<iframe>`` only from a host the
organisation allowlisted (``site.yml``: ``allowed_hosts``). The same cleaner runs on every web page's content and on the
HTML of every handout before WeasyPrint sees it.
"""
from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

import nh3

from generator.kinds import URL_SCHEMES, url_problem

TAGS = frozenset({
    # what Markdown and its extensions produce
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    # what the page templates produce (interactive quiz, sections, handout boxes)
    "article", "aside", "button", "fieldset", "label", "legend", "nav", "section", "textarea", "input",
    "main", "header", "footer",
    # embeds, only from allowlisted hosts (see _attribute_filter)
    "iframe",
})
# Dropped together with their content (ammonia keeps the text of other removed tags).
CLEAN_CONTENT_TAGS = frozenset({"script", "style", "noscript", "template", "object", "embed", "svg", "math"})
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role", "hidden"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "iframe": {"src", "width", "height", "title", "allow", "allowfullscreen", "loading"},
    "input": {"name", "value", "checked", "disabled"},
    "textarea": {"name", "rows", "cols", "placeholder"},
    "label": {"for"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "col": {"span"},
    "colgroup": {"span"},
}
TAG_ATTRIBUTE_VALUES = {
    "input": {"type": {"radio", "checkbox"}},
    "button": {"type": {"button"}},
}
GENERIC_PREFIXES = frozenset({"data-", "aria-"})
STYLE_PROPERTIES = frozenset({"text-align"})  # tables: column alignment only
# Embeds that may load from another host when allowlisted; links (<a href>) never load anything.
LOADING = {("img", "src"), ("iframe", "src")}


def host_of(url: str) -> str | None:
    """The host an address loads from, or ``None`` for addresses inside the site."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") or url.strip().startswith("//"):
        return (parts.hostname or "").lower() or None
    return None


def host_allowed(host: str, allowed: Iterable[str]) -> bool:
    """``host`` is allowlisted itself or is a subdomain of an allowlisted host."""
    return any(host == a or host.endswith("." + a) for a in allowed)


@lru_cache(maxsize=16)
def _cleaner(allowed_hosts: tuple[str, ...]) -> nh3.Cleaner:
    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if (tag, attribute) in LOADING:
            host = host_of(value)
            if tag == "img" and host is not None:
                return None  # images are served by the site itself (check reports remote ones)
            if tag == "iframe" and (host is None or not host_allowed(host, allowed_hosts)):
                return None  # embeds only from hosts the organisation allowlisted in site.yml
        return value

    return nh3.Cleaner(
        tags=set(TAGS), clean_content_tags=set(CLEAN_CONTENT_TAGS), attributes=ATTRIBUTES,
        attribute_filter=attribute_filter, strip_comments=True, link_rel=None,
        generic_attribute_prefixes=set(GENERIC_PREFIXES), tag_attribute_values=TAG_ATTRIBUTE_VALUES,
        url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES))


def clean_html(html: str, allowed_hosts: Iterable[str] = ()) -> str:
    """``html`` reduced to the allowlist above; iframes and images only from allowed hosts."""
    return _cleaner(tuple(sorted(set(allowed_hosts)))).clean(html)


# --- Markdown source ------------------------------------------------------------------------
# The MkDocs build sanitises each page's HTML (above). A Markdown field is also cleaned in its
# source, so pages exported for another engine (`export DIR`, no plugin) carry no live markup
# either: every raw HTML tag is reduced to the allowlist or shown as text, and link targets
# with other schemes than the URL kind's become '#'.
_CODE = re.compile(r"(^(?P<fence>```|~~~).*?^(?P=fence)[ \t]*$|`+[^`\n]*`+)", re.MULTILINE | re.DOTALL)
_RAW_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
_LINK_TARGET = re.compile(r"(\]\(\s*<?)((?:[^()\s>]|\([^()\s]*\))*)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>\s]*|[^<>\s@]+@[^<>\s@]+)>")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]\n]+\]:\s*<?)(\S+?)(>?)(?=\s|$)", re.MULTILINE)


def _safe_target(url: str) -> str:
    """A link target as the browser will read it (entities decoded, blanks dropped)."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html_lib.unescape(url))
    if plain.startswith("#") or url_problem(plain) is None:
        return url
    return "#"


def _clean_tag(match: re.Match[str], allowed_hosts: tuple[str, ...]) -> str:
    closing, name, _attributes = match.groups()
    if name.lower() not in TAGS:
        return html_lib.escape(match.group(0), quote=False)
    if closing:
        return match.group(0)
    cleaned = _cleaner(allowed_hosts).clean(match.group(0) + f"</{name}>")
    opening = re.match(r"<[^>]*>", cleaned)
    return opening.group(0) if opening else html_lib.escape(match.group(0), quote=False)


def markdown_source(text: str, allowed_hosts: Iterable[str] = ()) -> str:
    """A Markdown field's source with its raw HTML and link targets reduced to the allowlist;
    code spans and fenced code stay as written (Markdown shows them as text)."""
    hosts = tuple(sorted(set(allowed_hosts)))
    out, last = [], 0
    for code in _CODE.finditer(text):
        out.append(_clean_prose(text[last:code.start()], hosts))
        out.append(code.group(0))
        last = code.end()
    out.append(_clean_prose(text[last:], hosts))
    return "".join(out)


def _clean_prose(text: str, hosts: tuple[str, ...]) -> str:
    autolinks: list[str] = []

    def keep_autolink(match: re.Match[str]) -> str:  # <https://…> and <naam@org.nl> are links
        target = match.group(1)
        if "@" not in target.split(":", 1)[0] and _safe_target(target) == "#":
            return html_lib.escape(match.group(0), quote=False)
        autolinks.append(match.group(0))
        return f"\x00{len(autolinks) - 1}\x00"

    text = _AUTOLINK.sub(keep_autolink, text)
    text = _RAW_TAG.sub(lambda m: _clean_tag(m, hosts), text)
    text = re.sub("\x00(\\d+)\x00", lambda m: autolinks[int(m.group(1))], text)
    text = _LINK_TARGET.sub(lambda m: m.group(1) + _safe_target(m.group(2)), text)
    return _REFERENCE.sub(lambda m: m.group(1) + _safe_target(m.group(2)) + m.group(3), text)
