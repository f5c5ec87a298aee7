"""Python-Markdown's inline step, without trying patterns that cannot match.

Why: Python-Markdown tries each of its inline patterns (links, emphasis, code, entities, …)
on every run of text, each try a Python call that sets up a regex search. Most of the
portal's text holds no inline syntax at all ("Ik heb een afspraak om tien uur."), so at
1 × 2,000 chapters a quarter of converting a page went to searches that found nothing.

Each of Python-Markdown's own patterns can only match a text that contains what opens it: a
backtick, a backslash, ``[``, ``<``, ``&``, an emphasis delimiter, or two spaces before a
line break. This step skips a pattern when its text holds none of those, and a whole text
when it holds none of any. A skipped pattern is one that would have found no match, so the
HTML is the same. It applies only while every registered inline pattern is one listed in
OPENERS, of the class listed there; an extension's own pattern (or another Python-Markdown's)
turns it off for that document. ``tests/test_converter.py`` compares its output with
MkDocs' own conversion.
"""
from __future__ import annotations

import re
from typing import Any

import markdown
from markdown import treeprocessors, util

# Python-Markdown's inline patterns: name → (class, what a text must contain for it to match).
# The emphasis pattern's openers are its delimiters (see _openers).
OPENERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "backtick": ("BacktickInlineProcessor", ("`",)),
    "escape": ("EscapeInlineProcessor", ("\\",)),
    "reference": ("ReferenceInlineProcessor", ("[",)),
    "link": ("LinkInlineProcessor", ("[",)),
    "image_link": ("ImageInlineProcessor", ("![",)),
    "image_reference": ("ImageReferenceInlineProcessor", ("![",)),
    "short_reference": ("ShortReferenceInlineProcessor", ("[",)),
    "short_image_ref": ("ShortImageReferenceInlineProcessor", ("![",)),
    "autolink": ("AutolinkInlineProcessor", ("<",)),
    "automail": ("AutomailInlineProcessor", ("<",)),
    "linebreak": ("SubstituteTagInlineProcessor", ("  \n",)),
    "html": ("HtmlInlineProcessor", ("<",)),
    "entity": ("HtmlInlineProcessor", ("&",)),
    "em_strong": ("DelimiterProcessor", ()),
}


def _openers(patterns: util.Registry[Any]) -> dict[int, tuple[str, ...]] | None:
    """Each registered pattern's openers (by id), or None when one is not known here."""
    known = [name for name in OPENERS if name in patterns]
    if len(known) != len(patterns):
        return None
    openers = {}
    for name in known:
        pattern = patterns[name]
        class_name, opens = OPENERS[name]
        if type(pattern).__name__ != class_name or type(pattern).__module__ != "markdown.inlinepatterns":
            return None
        if class_name == "DelimiterProcessor":
            opens = tuple(pattern.tokens)
        openers[id(pattern)] = opens
    return openers


class QuickInlineProcessor(treeprocessors.InlineProcessor):
    """``InlineProcessor`` that skips the tries which cannot match (see the module's doc)."""

    _openers: dict[int, tuple[str, ...]] | None = None
    _any_opener: re.Pattern[str] | None = None

    def run(self, tree: Any, ancestors: list[str] | None = None) -> Any:
        self._openers = _openers(self.inlinePatterns)
        every = {o for opens in (self._openers or {}).values() for o in opens}
        self._any_opener = re.compile("|".join(map(re.escape, sorted(every)))) if self._openers else None
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:  # noqa: N802, N803
        if self._any_opener is not None and not isinstance(data, util.AtomicString) \
                and self._any_opener.search(data) is None:
            return data  # no pattern can match: what every try would have returned
        handle: Any = super()._InlineProcessor__handleInline  # type: ignore[misc]
        return str(handle(data, patternIndex))

    def _InlineProcessor__applyPattern(self, pattern: Any, data: str, patternIndex: int,  # noqa: N802, N803
                                       startIndex: int = 0) -> tuple[str, bool, int]:  # noqa: N803
        if self._openers is not None and not any(o in data for o in self._openers[id(pattern)]):
            return data, False, 0  # what a try without a match returns
        apply: Any = super()._InlineProcessor__applyPattern  # type: ignore[misc]
        result: tuple[str, bool, int] = apply(pattern, data, patternIndex, startIndex)
        return result


def install(md: markdown.Markdown) -> bool:
    """Replace ``md``'s inline step by the quick one, at the same place; False if it is not
    Python-Markdown's own (an extension replaced it)."""
    current = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None  # noqa: SIM401 (a Registry has no get)
    if type(current) is not treeprocessors.InlineProcessor:
        return False
    registered = getattr(md.treeprocessors, "_priority", ())  # (name, priority) pairs; no public getter
    priority = next((item.priority for item in registered if item.name == "inline"), None)
    if priority is None:  # pragma: no cover - a Registry without priorities
        return False
    md.treeprocessors.register(QuickInlineProcessor(md), "inline", priority)
    return True
