"""Pages → search documents: title, headings and body text, read from the generated Markdown.

Fed by the Portal's rendered pages (plus the hand-written docs/ pages), not by the engine, so
the MkDocs build, the export for other engines and the offline copy get the same index.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from generator.pages import RenderedSite
from generator.portal import Portal

# Text a chapter page borrows from its themes is indexed once, on the theme page (the chapter
# template marks it); otherwise every theme's words would rank N chapter pages above the theme.
_BORROWED = re.compile(r"<!-- search:borrowed -->.*?<!-- /search:borrowed -->", re.DOTALL)

# How much a page kind weighs in the ranking: the pages a volunteer means (module, theme,
# chapter) above the quiz and the overviews that repeat their titles.
KIND_WEIGHT: dict[str, float] = {
    "module": 1.3, "theme": 1.3, "chapter": 1.2, "route": 1.2, "role": 1.2, "method": 1.2,
    "tasks": 1.1, "coach_conduct": 1.2, "plan": 1.2, "doc": 1.1,
    "quiz_page": 0.6, "handouts": 0.7, "home": 0.8,
}
OVERVIEW_WEIGHT = 0.9

# Which label names the section a result belongs to (shown above its title).
_SECTION_LABEL = {
    "module": "training", "training": "training", "theme": "themes", "themes": "practice",
    "chapter": "practice", "method": "practice", "practice": "practice", "levels": "practice",
    "route": "routes", "routes": "routes", "role": "tasks", "tasks": "tasks",
    "coach_conduct": "tasks", "plan": "tasks", "quiz_page": "quizzes", "quizzes": "quizzes",
    "handouts": "handouts",
}
# The word for what a page is, indexed with its headings: 'rol inburgeraar', 'quiz taalcafe'
# and 'thema dokter' then find the role, quiz or theme page.
_KIND_LABEL = {"module": "module", "theme": "theme", "chapter": "chapter", "method": "method",
               "route": "route", "role": "role", "quiz_page": "quiz"}


@dataclass(frozen=True)
class SearchDoc:
    path: str          # page source path, e.g. training/intake.md
    kind: str          # template name, or 'doc' for hand-written pages
    section: str       # Dutch name of the part of the site, e.g. 'Training'
    title: str
    headings: str
    body: str

    @property
    def weight(self) -> float:
        return KIND_WEIGHT.get(self.kind, OVERVIEW_WEIGHT)


_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
_CODE = re.compile(r"```.*?```", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+\"([^\"]*)\")?", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,6})\s+((?:\\.|[^\\\n])*?)\s*#*\s*$", re.MULTILINE)  # `\#` is text
_TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-{3,}[\s:|-]*$", re.MULTILINE)
_MARKUP = re.compile(r"[*_`|>]+|^\s*(?:[-+]|\d+\.)\s+|^[-:| ]{3,}$", re.MULTILINE)
# Characters the page templates escape so Markdown shows them as written (kinds.text_md):
# `\*`, `\{`, … are set aside before markup is stripped and come back as the character itself.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>=~^])")
_SET_ASIDE = 0xE000  # Unicode's private use area: no page text uses it
_SET_ASIDE_CHAR = re.compile("[\uE000-\uE0FF]")
_SPACE = re.compile(r"\s+")
# Glossary definitions pages.py appends for the 'abbr' extension ("*[PIP]: …"): not page text.
_ABBREVIATION = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.MULTILINE)


def _plain(markdown: str) -> str:
    markdown = _ESCAPED.sub(lambda m: chr(_SET_ASIDE + ord(m.group(1))), markdown)
    text = _TABLE_RULE.sub(" ", _COMMENT.sub(" ", _CODE.sub(" ", markdown)))
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    text = _ATTR_LIST.sub(" ", _TAG.sub(" ", text))
    text = _MARKUP.sub(" ", text)
    text = _SET_ASIDE_CHAR.sub(lambda m: chr(ord(m.group()) - _SET_ASIDE), text)
    return _SPACE.sub(" ", html.unescape(text)).strip()


def document(path: str, kind: str, section: str, markdown: str, fallback_title: str = "",
             kind_word: str = "") -> SearchDoc:
    """One page's searchable text; the first level-1 heading is its title."""
    markdown = _ABBREVIATION.sub(" ", _FRONT_MATTER.sub("", _BORROWED.sub(" ", markdown)))
    title, headings = fallback_title, []
    for match in _HEADING.finditer(markdown):
        if match.group(1) == "#" and not title:
            title = _plain(match.group(2))
        else:
            headings.append(_plain(match.group(2)))
    body = _plain(_HEADING.sub(" ", markdown))
    headings = [kind_word, *headings]
    return SearchDoc(path, kind, section, title or path, " · ".join(h for h in headings if h), body)


def documents(portal: Portal, rendered: RenderedSite, docs_dir: Path | None) -> list[SearchDoc]:
    """Every page of the site as a search document, in a stable order (by path)."""
    labels = portal.labels
    found = []
    for path, markdown in rendered.pages.items():
        kind = rendered.kinds.get(path, "page")
        label = _SECTION_LABEL.get(kind)
        word = _KIND_LABEL.get(kind)
        found.append(document(path, kind, labels[label] if label else "", markdown,
                              kind_word=labels[word] if word else ""))
    for page in portal.docs:
        source = docs_dir / page.path if docs_dir else None
        if source is None or not source.is_file():
            continue
        found.append(document(page.path, "doc", labels.more_info, source.read_text(encoding="utf-8"), page.title))
    return sorted(found, key=lambda d: d.path)
