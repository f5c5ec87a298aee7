"""Content errors that editors can act on: ``file:line:col: what is wrong — how to fix``.

Every stage appends to one :class:`ErrorCollector` so that a run reports all problems at
once instead of stopping at the first.
"""
from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.messages import translate


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one source file, with a 1-based position.

    ``path`` is relative to the portal root (stable, for tests and tools); ``shown`` is the
    same file as the user typed the portal folder (``../ons-portaal/content/site.yml``), so
    that a message never looks like a file of the folder the user stands in. ``severity`` is
    ``error`` (exit 1, nothing built) or ``warning`` (reported, the build goes on).
    """

    path: str
    line: int
    col: int
    message: str
    hint: str = ""
    severity: str = "error"
    layer: str = ""  # name of the base layer the file belongs to; "" = the portal's own files
    shown: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    def render(self, lang: str | None = None) -> str:
        """The line an editor reads: ``file:line:col: what — hint`` in their language."""
        message = translate(self.message, lang)
        if self.severity == "warning":
            message = f"{translate('warning', lang)}: {message}"
        if self.layer:
            message += " (" + translate(f"in base layer '{self.layer}'", lang) + ")"
        text = f"{self.shown or self.path}:{self.line}:{self.col}: {message}"
        return f"{text} — {translate(self.hint, lang)}" if self.hint else text

    def annotation(self, lang: str | None = None) -> str:
        """A GitHub Actions workflow command, shown on the changed line of a pull request."""
        message = translate(self.message, lang)
        if self.hint:
            message += " — " + translate(self.hint, lang)
        if self.layer:
            message += " (" + translate(f"in base layer '{self.layer}'", lang) + ")"
        props = ",".join(f"{key}={_escape(str(value), True)}" for key, value in
                         (("file", self.shown or self.path), ("line", self.line), ("col", self.col)))
        return f"::{self.severity} {props}::{_escape(message, False)}"


def _escape(text: str, is_property: bool) -> str:
    """Escape data the way GitHub's workflow-command parser expects (``%``, newlines, and in
    properties also ``:`` and ``,``), so a hint with a colon cannot cut the annotation."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


def annotations_wanted() -> bool:
    """GitHub sets GITHUB_ACTIONS=true in every workflow step."""
    return os.environ.get("GITHUB_ACTIONS", "").lower() == "true"


def print_findings(findings: Iterable[ContentError], lang: str | None = None, *,
                   file: TextIO | None = None) -> None:
    """Print each finding as an editor line, plus an annotation when run by GitHub Actions."""
    out = file or sys.stderr
    annotate = annotations_wanted()
    for finding in findings:
        print(finding.render(lang), file=out)
        if annotate:
            print(finding.annotation(lang), file=out)


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice an editor most likely meant when ``value`` is a typo, if any is close enough."""
    found = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return found[0] if found else None


class ContentErrors(Exception):
    """Raised at the end of a stage when any :class:`ContentError` was collected."""

    def __init__(self, errors: list[ContentError], warnings: Iterable[ContentError] = ()) -> None:
        self.errors = sorted(set(errors))
        self.warnings = sorted(set(warnings))
        super().__init__(self.report("en"))

    def report(self, lang: str | None = None) -> str:
        """All findings in the editor's language (Dutch unless asked otherwise), then a count."""
        count = len(self.errors)
        lines = [e.render(lang) for e in self.errors + self.warnings]
        lines.append(translate(f"{count} error{'s' if count != 1 else ''} in the content; nothing was built.", lang))
        return "\n".join(lines)


@dataclass
class ErrorCollector:
    """Gathers errors and warnings across files.

    Paths are kept relative to the portal root and shown as the user typed the portal
    folder (``shown_root``, e.g. ``../ons-portaal``). Files of a base layer (``layers``: folder →
    layer name) are shown with their real path and the layer's name.
    """

    root: Path
    errors: list[ContentError] = field(default_factory=list)
    shown_root: str | None = None
    layers: dict[Path, str] = field(default_factory=dict)
    warnings: list[ContentError] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def _finding(self, path: Path | str, line: int, col: int, message: str, hint: str,
                 severity: str) -> ContentError:
        rel = self.rel(path) if isinstance(path, Path) else path
        layer = ""
        if isinstance(path, Path) and not path.resolve().is_relative_to(self.root.resolve()):
            resolved = path.resolve()
            for folder, name in self.layers.items():
                if resolved.is_relative_to(folder.resolve()):
                    layer = name
                    rel = resolved.relative_to(folder.resolve()).as_posix()
                    return ContentError(rel, line, col, message, hint, severity, layer, _shown_path(resolved))
        shown = os.path.normpath(os.path.join(self.shown_root, rel)) if self.shown_root is not None else rel
        return ContentError(rel, line, col, message, hint, severity, layer, Path(shown).as_posix())

    def add(self, path: Path | str, line: int, col: int, message: str, hint: str = "") -> None:
        self.errors.append(self._finding(path, line, col, message, hint, "error"))

    def warn(self, path: Path | str, line: int, col: int, message: str, hint: str = "") -> None:
        self.warnings.append(self._finding(path, line, col, message, hint, "warning"))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors, self.warnings)


def _shown_path(path: Path) -> str:
    """A file outside the portal (a base layer in the installed package): relative to the
    current folder when that is short, else absolute."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.startswith(os.path.join("..", "..")) else Path(relative).as_posix()


class UserError(Exception):
    """A problem with a command's arguments or folders, shown without a traceback."""
