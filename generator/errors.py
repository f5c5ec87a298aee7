"""Content errors that editors can act on: ``file:line:col: what is wrong — how to fix``.

Every stage appends to one :class:`ErrorCollector` so that a run reports all problems at
once instead of stopping at the first.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one source file, with a 1-based position."""

    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice an editor most likely meant when ``value`` is a typo, if any is close enough."""
    found = difflib.get_close_matches(value, sorted(choices), n=1, cutoff=0.6)
    return found[0] if found else None


class ContentErrors(Exception):
    """Raised at the end of a stage when any :class:`ContentError` was collected."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''} in the content; nothing was built.")
        return "\n".join(lines)


@dataclass
class ErrorCollector:
    """Gathers errors across files; paths are shown relative to the portal root."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path | str, line: int, col: int, message: str, hint: str = "") -> None:
        shown = self.rel(path) if isinstance(path, Path) else path
        self.errors.append(ContentError(shown, line, col, message, hint))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


class UserError(Exception):
    """A problem with a command's arguments or folders, shown without a traceback."""
