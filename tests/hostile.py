"""A hostile copy of the mini portal: script, event handlers, title breakers and local-file
references in every kind of field, each payload tagged with its own marker.

Built once per session (tests/test_hostile.py) and inspected per field, so the suite covers
many fields with one build. Every payload is something an editor could paste in a pull
request; none of it may run, load anything or end up as markup.
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def text_payload(marker: str) -> str:
    """What an attacker types into a plain-text field (one line, as YAML folds it)."""
    return (f"<script>alert('{marker}')</script><img src=x onerror=alert('{marker}')> "
            f"</title>\"' *{marker}* [{marker}](javascript:alert(1)) "
            f"<link rel=attachment href=file:///etc/passwd>")


def markdown_payload(marker: str) -> str:
    """What an attacker types into a Markdown field; the safe part ('**<marker>**') must survive."""
    return (f"Gewone tekst **{marker}**.\n\n"
            f"<script>alert('{marker}')</script>\n\n"
            f"<img src=x onerror=\"alert('{marker}')\"> <a href=\"javascript:alert('{marker}')\">klik</a> "
            f"<svg onload=\"alert('{marker}')\"></svg> <iframe src=\"javascript:alert('{marker}')\"></iframe>\n\n"
            f"<link rel=\"attachment\" href=\"file:///etc/passwd\"><style>body{{display:none}}</style>\n\n"
            f"<details open ontoggle=\"alert('{marker}')\"><summary>x</summary>y</details>\n\n"
            f"[klik](javascript:alert('{marker}')) [ook](java&#115;cript:alert('{marker}'))\n")


# field id → (file, path into the YAML data). Paths are lists of keys and indexes.
TEXT_FIELDS: dict[str, tuple[str, list[Any]]] = {
    "site-title": ("content/site.yml", ["title"]),
    "site-description": ("content/site.yml", ["description"]),
    "organisation-name": ("content/site.yml", ["organisation", "name"]),
    "contact-phone": ("content/site.yml", ["organisation", "contact", "phone"]),
    "label-override": ("content/site.yml", ["labels", "vocabulary"]),
    "label-404": ("content/site.yml", ["labels", "not_found_title"]),
    "module-title": ("content/modules/rol-van-de-taalcoach.yml", ["title"]),
    "module-summary": ("content/modules/rol-van-de-taalcoach.yml", ["summary"]),
    "module-audience": ("content/modules/rol-van-de-taalcoach.yml", ["audience"]),
    "learning-goal": ("content/modules/rol-van-de-taalcoach.yml", ["learning_goals", 0]),
    "section-title": ("content/modules/rol-van-de-taalcoach.yml", ["sections", 0, "title"]),
    "activity-title": ("content/modules/rol-van-de-taalcoach.yml", ["activities", 0, "title"]),
    "activity-work-form": ("content/modules/rol-van-de-taalcoach.yml", ["activities", 0, "work_form"]),
    "material-title": ("content/materialen/casuskaarten.yml", ["title"]),
    "material-card": ("content/materialen/casuskaarten.yml", ["cards", 0]),
    "training-title": ("content/trainingen/basis.yml", ["title"]),
    "meeting-title": ("content/trainingen/basis.yml", ["meetings", 0, "title"]),
    "block-title": ("content/trainingen/basis.yml", ["meetings", 0, "parts", 0, "title"]),
    "theme-title": ("content/themes/kennismaken.yml", ["title"]),
    "theme-summary": ("content/themes/kennismaken.yml", ["summary"]),
    "coach-tip": ("content/themes/kennismaken.yml", ["coach_tips", 0]),
    "vocabulary-word": ("content/themes/kennismaken.yml", ["vocabulary", 0, "word"]),
    "vocabulary-example": ("content/themes/kennismaken.yml", ["vocabulary", 0, "example"]),
    "conversation-question": ("content/themes/kennismaken.yml", ["questions", "A1", 0]),
    "role-play-title": ("content/themes/kennismaken.yml", ["role_plays", 0, "title"]),
    "role-play-coach-role": ("content/themes/kennismaken.yml", ["role_plays", 0, "coach_role"]),
    "route-name": ("content/routes.yml", ["routes", 0, "name"]),
    "route-summary": ("content/routes.yml", ["routes", 0, "summary"]),
    "route-coach-focus": ("content/routes.yml", ["routes", 0, "coach_focus", 0]),
    "supplement-name": ("content/routes.yml", ["supplements", 0, "name"]),
    "role-name": ("content/roles.yml", ["roles", 1, "name"]),
    "role-short": ("content/roles.yml", ["roles", 1, "short"]),
    "role-task": ("content/roles.yml", ["roles", 1, "tasks", 0]),
    "phase-name": ("content/tasks.yml", ["phases", 0, "name"]),
    "phase-responsibility": ("content/tasks.yml", ["phases", 0, "responsibilities", "klantmanager"]),
    "coach-do": ("content/tasks.yml", ["coach", "do", 0]),
    "coach-dont-why": ("content/tasks.yml", ["coach", "dont", 0, "why"]),
    "plan-checklist": ("content/tasks.yml", ["plan", 0, "checklist", 0]),
    "method-name": ("content/methods/voorbeeldmethode-op-weg.yml", ["name"]),
    "chapter-title": ("content/methods/voorbeeldmethode-op-weg.yml", ["chapters", 0, "title"]),
    "chapter-focus": ("content/methods/voorbeeldmethode-op-weg.yml", ["chapters", 0, "focus", 0]),
    "quiz-title": ("quizzes/rol-van-de-taalcoach.yml", ["title"]),
    "quiz-question": ("quizzes/rol-van-de-taalcoach.yml", ["questions", 0, "question"]),
    "quiz-option": ("quizzes/rol-van-de-taalcoach.yml", ["questions", 0, "options", 0, "text"]),
    "quiz-feedback": ("quizzes/rol-van-de-taalcoach.yml", ["questions", 0, "options", 0, "feedback"]),
}
MARKDOWN_FIELDS: dict[str, tuple[str, list[Any]]] = {
    "home-intro": ("content/site.yml", ["home_intro"]),
    "section-body": ("content/modules/rol-van-de-taalcoach.yml", ["sections", 0, "body"]),
    "trainer-notes": ("content/modules/rol-van-de-taalcoach.yml", ["sections", 0, "trainer_notes"]),
    "activity-instructions": ("content/modules/rol-van-de-taalcoach.yml", ["activities", 0, "instructions"]),
    "route-for-whom": ("content/routes.yml", ["routes", 0, "for_whom"]),
    "route-coach-guidance": ("content/routes.yml", ["routes", 0, "coach_guidance"]),
    "routes-intro": ("content/routes.yml", ["intro"]),
    "theme-outing": ("content/themes/kennismaken.yml", ["outing"]),
    "role-play-situation": ("content/themes/kennismaken.yml", ["role_plays", 0, "situation"]),
    "method-description": ("content/methods/voorbeeldmethode-op-weg.yml", ["description"]),
    "plan-summary": ("content/tasks.yml", ["plan", 0, "summary"]),
    "quiz-explanation": ("quizzes/rol-van-de-taalcoach.yml", ["questions", 0, "explanation"]),
    "material-instructions": ("content/materialen/casuskaarten.yml", ["instructions"]),
    "training-intro": ("content/trainingen/basis.yml", ["intro"]),
}


def marker_of(field_id: str) -> str:
    return "X" + re.sub(r"[^A-Za-z0-9]", "", field_id.title())


def _set(data: Any, path: list[Any], value: Any) -> None:
    for key in path[:-1]:
        data = data.setdefault(key, {}) if isinstance(data, dict) else data[key]
    data[path[-1]] = value


def make_hostile_portal(target: Path, extra: Callable[[Path], None] | None = None) -> Path:
    """Copy the mini portal to ``target`` and put a payload in every listed field."""
    shutil.copytree(MINI, target)
    files: dict[str, Any] = {}
    for fields, payload in ((TEXT_FIELDS, text_payload), (MARKDOWN_FIELDS, markdown_payload)):
        for field_id, (rel, path) in fields.items():
            data = files.setdefault(rel, yaml.load((target / rel).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
            _set(data, path, payload(marker_of(field_id)))
    for rel, data in files.items():
        (target / rel).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                                  encoding="utf-8")
    if extra:
        extra(target)
    return target


class PageParts(HTMLParser):
    """What a browser would see: visible text, script bodies, event handlers, URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.handlers: list[tuple[str, str, str]] = []
        self.urls: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self.titles: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value or ""))
            if name in ("href", "src", "action", "formaction", "data"):
                self.urls.append((tag, name, value or ""))
        if tag in ("img", "input", "link", "meta", "br", "hr", "source", "col"):
            self._in.pop()

    def handle_endtag(self, tag: str) -> None:
        while self._in:
            if self._in.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        current = self._in[-1] if self._in else ""
        if current == "script":
            self.scripts.append(data)
        elif current == "title":
            self.titles.append(data)
        elif current != "style":
            self.text.append(data)

    @property
    def visible(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def parse(html: str) -> PageParts:
    parts = PageParts()
    parts.feed(html)
    return parts
