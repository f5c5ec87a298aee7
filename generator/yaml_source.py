"""Read YAML while remembering where every key and item stands in the file.

PyYAML's composer (C-accelerated when libyaml is present) gives a node tree with marks; we
build plain Python data from it ourselves so that each value keeps its ``line:col``. That
lets a schema error deep inside a module point at the exact line an editor must change.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~10x faster; fall back silently where it is not compiled in.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from generator.errors import ErrorCollector

_BOOL_TAG = "tag:yaml.org,2002:bool"


class _Yaml12Booleans(_Loader):
    """Only true and false are yes/no values, as in YAML 1.2 and the editors' YAML language server.

    PyYAML follows YAML 1.1, where yes, no, on, off, y and n are booleans too: `pdf_handouts: yes`
    passed `check` while the JSON Schema in the editor refused it. Now both read 'yes' as text
    and refuse it where a yes/no value belongs."""


_Yaml12Booleans.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_Yaml12Booleans.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                      list("tTfF"))

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


# Limits that keep a hostile file from hanging or exhausting the build ("billion laughs": ten
# nested aliases of ten items each expand to 10^10 values). The demo's largest file has ~600
# values, so 100,000 leaves room for any real content.
MAX_FILE_BYTES = 2_000_000
MAX_VALUES = 100_000
# The tags the safe loader resolves plain YAML to; anything else ('!ENV', '!!python/object')
# is refused with a position instead of ending in a constructor traceback.
_SAFE_TAGS = {f"tag:yaml.org,2002:{name}" for name in
              ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_DECIMAL = re.compile(r"[-+]?[0-9]+")


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _Builder:
    """Turns composed nodes into Python values, recording marks and duplicate keys."""

    def __init__(self, source: SourceFile, errors: ErrorCollector) -> None:
        self.source = source
        self.errors = errors
        self.scalars = yaml.constructor.SafeConstructor()
        self.values = 0
        self.building: set[int] = set()  # ids of the collections being built: a cycle is an error

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise _TooLarge(node)
        if node.tag not in _SAFE_TAGS:
            self._error(node, f"the tag '{node.tag}' is not allowed", "remove it; content files use plain YAML only")
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.building:
                self._error(node, "an alias refers to the list or mapping it is part of",
                            "remove the alias (*name); it would repeat forever")
                return None
            self.building.add(id(node))
            try:
                return self._mapping(node, loc) if isinstance(node, yaml.MappingNode) else self._sequence(node, loc)
            finally:
                self.building.discard(id(node))
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        style = getattr(node, "style", None)
        if not style and node.tag == "tag:yaml.org,2002:int":  # plain ("" in libyaml, None in PyYAML)
            # YAML 1.1 reads '010' as octal 8, '0x1F' as 31 and '1:30' as 90: whole numbers in
            # content are decimal, so '010' is 10 and every other notation is an error.
            if _DECIMAL.fullmatch(node.value):
                return int(node.value, 10)
            self._error(node, f"'{node.value}' is not a whole number in decimal notation",
                        "write the number with digits only, e.g. 90; put text in quotes")
            return None
        if not style and node.tag == "tag:yaml.org,2002:float" and ":" in node.value:
            self._error(node, f"'{node.value}' is not a number in decimal notation",
                        "write the number with digits only, e.g. 1.5; put text in quotes")
            return None
        return self.scalars.construct_object(node, deep=True)

    def _sequence(self, node: yaml.SequenceNode, loc: Loc) -> list[Any]:
        items = []
        for index, item in enumerate(node.value):
            self.source.positions[loc + (index,)] = _pos(item)
            items.append(self.build(item, loc + (index,)))
        return items

    def _merged_pairs(self, node: yaml.MappingNode) -> list[tuple[yaml.Node, yaml.Node]]:
        """Pairs that '<<' brings in, as the YAML merge-key spec says: the mapping's own keys win
        over merged ones, and among several merged mappings the first one listed wins."""
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                continue
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    self._error(source, "'<<' merges a mapping, or a list of mappings",
                                "point '<<' at an anchored mapping, e.g. '<<: *defaults'")
                    continue
                if id(source) in self.building:
                    self._error(source, "an alias refers to the list or mapping it is part of",
                                "remove the alias (*name); it would repeat forever")
                    continue
                self.building.add(id(source))
                try:
                    pairs.extend(self._merged_pairs(source))
                    pairs.extend((k, v) for k, v in source.value if k.tag != _MERGE_TAG)
                finally:
                    self.building.discard(id(source))
        return pairs

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        own = [(k, v) for k, v in node.value if k.tag != _MERGE_TAG]
        merged = self._merged_pairs(node)
        own_keys = {k.value for k, _ in own if isinstance(k, yaml.ScalarNode)}
        seen_merged: set[str] = set()
        pairs = []
        for key_node, value_node in merged:
            if key_node.value in own_keys or key_node.value in seen_merged:
                continue
            seen_merged.add(key_node.value)
            pairs.append((key_node, value_node))
        for key_node, value_node in [*own, *pairs]:
            if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)):
                self._error(key_node, "a key cannot be a list or mapping", "use a plain word as key")
                continue
            if key_node.tag != _STR_TAG:
                # 'true:', '12:' or '~:' are a yes/no value, a number or nothing to YAML, and
                # str() of them ('True') would never match the key an editor meant.
                self._error(key_node, f"key '{key_node.value}' is read as {_kind_of(key_node.tag)}, not as text",
                            f"put the key in quotes: '\"{key_node.value}\": …'")
                continue
            key = key_node.value
            if key in result:
                first = self.source.positions[loc + (key,)]
                self._error(key_node, f"duplicate key '{key}' (first at line {first[0]})",
                            "remove one of the two; YAML would silently keep only the last")
                continue
            self.source.positions[loc + (key,)] = _pos(key_node)
            result[key] = self.build(value_node, loc + (key,))
        return result

    def _error(self, node: yaml.Node, message: str, hint: str) -> None:
        line, col = _pos(node)
        self.errors.add(self.source.path, line, col, message, hint)


def _kind_of(tag: str) -> str:
    return {"bool": "yes/no (true/false)", "int": "a number", "float": "a number", "null": "nothing (null)",
            "timestamp": "a date"}.get(tag.rsplit(":", 1)[-1], "a non-text value")


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def read_yaml(path: Path, errors: ErrorCollector) -> SourceFile | None:
    """Parse one file; on any problem record an error and return ``None``."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        errors.add(path, 1, 1, f"file is too large ({len(raw) // 1000} kB; at most {MAX_FILE_BYTES // 1000} kB)",
                   "split the content over several files")
        return None
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
        node = yaml.compose(text, Loader=_Yaml12Booleans)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and exc.problem and "end of stream" in exc.problem:
            # an unclosed quote or bracket: the file's end is past the last line; point at the
            # place it was opened, which is what the editor must fix
            mark = exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and "end of stream" in problem:
            problem = ("a quote is opened here and never closed" if "quoted" in exc.context
                       else f"{exc.context} that is never closed")
        errors.add(path, line, col, f"YAML syntax error: {problem}",
                   "check indentation (spaces, not tabs) and put text containing ': ' or '#' in quotes")
        return None
    except yaml.reader.ReaderError as exc:  # a control character: libyaml gives its offset
        position = max(0, min(int(exc.position), len(text)))
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        code = ord(exc.character) if isinstance(exc.character, str) else int(exc.character)
        errors.add(path, line, col, f"the file contains a control character (U+{code:04X})",
                   "delete the invisible character here (often pasted from a PDF or a word processor)")
        return None
    except yaml.YAMLError:  # pragma: no cover - other errors without marks
        errors.add(path, 1, 1, "YAML error", "check the file's syntax")
        return None
    source = SourceFile(path=path, data=None, positions={(): (1, 1)})
    if node is None:
        errors.add(path, 1, 1, "file is empty",
                   "add content, or delete the file if it is not needed")
        return None
    before = len(errors.errors)
    builder = _Builder(source, errors)
    try:
        source.data = builder.build(node, ())
    except _TooLarge as too_large:
        line, col = _pos(too_large.node)
        errors.add(path, line, col, f"the file expands to more than {MAX_VALUES} values (aliases repeating aliases)",
                   "use fewer aliases (*name); content files rarely need them")
        return None
    return source if len(errors.errors) == before else None
