"""Read YAML while remembering where every key and item stands in the file.

PyYAML's composer (C-accelerated when libyaml is present) gives a node tree with marks; we
build plain Python data from it ourselves so that each value keeps its ``line:col``. That
lets a schema error deep inside a module point at the exact line an editor must change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~10x faster; fall back silently where it is not compiled in.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from generator.errors import ErrorCollector

Loc = tuple[str | int, ...]


@dataclass
class SourceFile:
    """Parsed YAML data plus a map from data path to 1-based (line, col)."""

    path: Path
    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int, int]:
        """Position of the deepest part of ``loc`` that exists in the file."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
            if found:
                return found
        return (1, 1)


class _Builder:
    """Turns composed nodes into Python values, recording marks and duplicate keys."""

    def __init__(self, source: SourceFile, errors: ErrorCollector) -> None:
        self.source = source
        self.errors = errors
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if isinstance(node, yaml.MappingNode):
            self.scalars.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)):
                    self._error(key_node, "a key cannot be a list or mapping", "use a plain word as key")
                    continue
                if key_node.tag != _STR_TAG:
                    # 'true:', '12:' or '~:' are a yes/no value, a number or nothing to YAML, and
                    # str() of them ('True') would never match the key an editor meant.
                    self._error(key_node, f"key '{key_node.value}' is read as {_kind_of(key_node.tag)}, not as text",
                                f"put the key in quotes: '\"{key_node.value}\": …'")
                    continue
                key = self.build(key_node, loc)
                if key in result:
                    first = self.source.positions[loc + (key,)]
                    self._error(key_node, f"duplicate key '{key}' (first at line {first[0]})",
                                "remove one of the two; YAML would silently keep only the last")
                    continue
                self.source.positions[loc + (key,)] = _pos(key_node)
                result[key] = self.build(value_node, loc + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.source.positions[loc + (index,)] = _pos(item)
                items.append(self.build(item, loc + (index,)))
            return items
        return self.scalars.construct_object(node, deep=True)

    def _error(self, node: yaml.Node, message: str, hint: str) -> None:
        line, col = _pos(node)
        self.errors.add(self.source.path, line, col, message, hint)


_STR_TAG = "tag:yaml.org,2002:str"


def _kind_of(tag: str) -> str:
    return {"bool": "yes/no (true/false)", "int": "a number", "float": "a number", "null": "nothing (null)",
            "timestamp": "a date"}.get(tag.rsplit(":", 1)[-1], "a non-text value")


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(path: Path, errors: ErrorCollector) -> SourceFile | None:
    """Parse one file; on any problem record an error and return ``None``."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        errors.add(path, line, col, f"file is not UTF-8 (byte 0x{raw[exc.start]:02x})",
                   "save the file as UTF-8 (in most editors: 'Save with encoding' → UTF-8)")
        return None
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        errors.add(path, line, col, f"YAML syntax error: {problem}",
                   "check indentation (spaces, not tabs) and put text containing ': ' or '#' in quotes")
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors without marks
        errors.add(path, 1, 1, f"YAML error: {exc}", "check the file's syntax")
        return None
    source = SourceFile(path=path, data=None, positions={(): (1, 1)})
    if node is None:
        errors.add(path, 1, 1, "file is empty",
                   "add content, or delete the file if it is not needed")
        return None
    before = len(errors.errors)
    source.data = _Builder(source, errors).build(node, ())
    return source if len(errors.errors) == before else None
