"""One Markdown converter per process instead of one per page.

MkDocs 1.x builds a new ``markdown.Markdown`` for every page (``Page.render``): loading the
extensions and building the parser is about a sixth of converting one of the portal's short
pages (profiled at 1 × 2,000 chapters: 1.0 of 6 s). Python-Markdown supports reusing an
instance: ``reset()`` between documents clears its state and calls every extension's
``reset()``. This module does what ``Page.render`` does with one instance per process.

Reuse is safe only when every extension keeps no state between documents or clears it in
``reset()``. So the converter is used only when every configured extension is in
REUSABLE_EXTENSIONS (each read for that: see the comments); any other extension, or a MkDocs
whose page internals moved, gets MkDocs' own ``Page.render``. ``tests/test_converter.py``
converts pages that would show leaked state (abbreviations, duplicate headings, admonitions,
anchors and links) both ways and compares every result. The instance's inline step skips the
pattern tries that cannot match (``quick_inline``) and looks block-level tags up in a set.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.mkdocs_plugin import quick_inline

try:  # MkDocs 1.6's per-page processors (Page.render registers the same four)
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
except ImportError:  # pragma: no cover - another MkDocs: its own Page.render does the work
    _PROCESSORS = False
else:
    _PROCESSORS = True

# Extensions read for state kept between documents. Python-Markdown's: toc and abbr clear
# theirs in reset(); tables, fenced_code, attr_list, def_list, sane_lists, smarty, md_in_html
# and admonition keep none beyond the document's html stash (reset by Markdown itself).
# pymdownx.details keeps only the block it is parsing. Not here: footnotes, whose reset()
# numbers its ids on (UNIQUE_IDS), so a reused instance would name them differently.
REUSABLE_EXTENSIONS = frozenset({
    "toc", "tables", "fenced_code", "attr_list", "def_list", "sane_lists", "smarty", "md_in_html",
    "admonition", "abbr", "pymdownx.details",
})
_PREFIX = "markdown.extensions."

log = logging.getLogger("mkdocs.structure.pages")  # the logger Page.render consults


def reusable(extensions: list[Any]) -> bool:
    """Whether one converter may serve every page with these ``markdown_extensions``."""
    return _PROCESSORS and all(
        isinstance(name, str) and name.removeprefix(_PREFIX) in REUSABLE_EXTENSIONS for name in extensions)


class Converter:
    """``Page.render`` with one Markdown instance, made on first use, for this process."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.reuse = reusable(list(config.markdown_extensions))
        self._md: markdown.Markdown | None = None

    def install(self, page: Page) -> None:
        """MkDocs calls ``page.render(config, files)``: this instance attribute answers first."""
        def render(config: MkDocsConfig, files: Files) -> None:
            self.render(page, config, files)
        page.render = render  # type: ignore[method-assign]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """What ``Page.render`` does: HTML, table of contents, title, anchors and links."""
        if not self.reuse:
            Page.render(page, config, files)
            return
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self._md is None:
            self._md = markdown.Markdown(extensions=config.markdown_extensions,
                                         extension_configs=config.mdx_configs or {})
            quick_inline.install(self._md)
        md = self._md.reset()
        md.is_block_level = _block_level(frozenset(md.block_level_elements))  # type: ignore[method-assign,assignment]
        # Fresh per-page processors under the names Page.render uses: each replaces the last one.
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative_paths = _RelativePathTreeprocessor(page.file, files, config)
        relative_paths._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)

        page.content = md.convert(page.markdown)
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_paths.links_to_anchors


def _block_level(tags: frozenset[str]) -> Callable[[Any], bool]:
    """``Markdown.is_block_level`` with a set instead of its list of ~50 tags: it is asked
    ~230 times per page (profiled: 0.5 s of 10 s converting 2,106 pages). Made per page from
    the list as it is then, so an extension that changes the list is still heard."""
    def is_block_level(tag: Any) -> bool:
        return isinstance(tag, str) and tag.lower().rstrip("/") in tags
    return is_block_level
