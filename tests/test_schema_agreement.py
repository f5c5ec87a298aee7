"""`check` and the JSON Schema editors use give the same verdict on every source file.

Both run over the valid files of tests/fixtures/mini and over many mutations of them: each
whole number written as text ("90"), each true/false written as YAML 1.1's `yes`, each text
made blank, each field removed and an unknown field added to each mapping. Where the editor
shows a file as fine, `check` must accept it, and the other way round.
"""
from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from conftest import ROOT
from generator.build import COLLECTIONS, SINGLE_FILES
from generator.errors import ErrorCollector
from generator.schema import json_schema
from generator.yaml_source import read_yaml

MINI = ROOT / "tests" / "fixtures" / "mini"
Path_ = tuple[str | int, ...]


def _sources() -> list[tuple[str, type[BaseModel]]]:
    found = [(rel, model) for rel, model in SINGLE_FILES.items() if (MINI / rel).exists()]
    for folder, model in COLLECTIONS.items():
        found += [(p.relative_to(MINI).as_posix(), model) for p in sorted((MINI / folder).glob("*.yml"))]
    return found


def _load(rel: str) -> Any:
    errors = ErrorCollector(MINI)
    source = read_yaml(MINI / rel, errors)
    assert source is not None, errors.errors
    return source.data


def _leaves(data: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    yield path, data
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        yield from _leaves(value, (*path, key))


def _set(data: Any, path: Path_, value: Any) -> Any:
    copied = copy.deepcopy(data)
    target = copied
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copied


def _delete(data: Any, path: Path_) -> Any:
    copied = copy.deepcopy(data)
    target = copied
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return copied


def mutations(data: Any) -> Iterator[tuple[str, Any]]:
    for path, value in _leaves(data):
        where = ".".join(map(str, path)) or "(file)"
        if isinstance(value, bool):
            yield f"{where}: yes", _set(data, path, "yes")
        elif isinstance(value, int):
            yield f'{where}: "{value}"', _set(data, path, str(value))
        elif isinstance(value, str) and path:
            yield f'{where}: "   "', _set(data, path, "   ")
        elif isinstance(value, dict):
            yield f"{where} + unknown field", (_set(data, (*path, "titel"), "x") if path else {**data, "titel": "x"})
            for key in value:
                yield f"{where} - {key}", _delete(data, (*path, key))


def verdicts(model: type[BaseModel], data: Any) -> tuple[bool, bool]:
    schema_ok = Draft202012Validator(json_schema(model)).is_valid(data)
    try:
        model.model_validate(data)
        check_ok = True
    except ValidationError as exc:
        # Rules a schema cannot express (a single-choice question has one right answer, a
        # plural takes 'de') are value errors raised by the model's own validators.
        check_ok = all(e["type"] == "value_error" for e in exc.errors())
    return schema_ok, check_ok


@pytest.mark.parametrize(("rel", "model"), _sources(), ids=[rel for rel, _ in _sources()])
def test_schema_and_check_agree_on_valid_and_mutated_files(rel: str, model: type[BaseModel]) -> None:
    data = _load(rel)
    assert verdicts(model, data) == (True, True), f"{rel} itself"
    disagree = []
    tried = 0
    for what, mutated in mutations(data):
        tried += 1
        schema_ok, check_ok = verdicts(model, mutated)
        if schema_ok != check_ok:
            disagree.append(f"{what}: schema {'accepts' if schema_ok else 'refuses'}, "
                            f"check {'accepts' if check_ok else 'refuses'}")
    assert tried > 5
    assert not disagree, f"{rel}:\n  " + "\n  ".join(disagree)


def test_the_cases_that_used_to_disagree_are_refused_by_both(tmp_path: Path) -> None:
    site = _load("content/site.yml")
    module_rel = next(rel for rel, model in _sources() if model.__name__ == "Module")
    module = _load(module_rel)
    model_of = {model.__name__: model for _, model in _sources()}
    for model, data in ((model_of["Module"], {**module, "duration": "90"}),
                        (model_of["Site"], _set(site, ("title",), "   "))):
        assert verdicts(model, data) == (False, False)
    # YAML 1.1 would read `yes` as true; the editor (YAML 1.2) and `check` read it as text.
    text = (MINI / "content" / "site.yml").read_text(encoding="utf-8")
    assert "pdf_handouts: true" in text
    (tmp_path / "site.yml").write_text(text.replace("pdf_handouts: true", "pdf_handouts: yes"), encoding="utf-8")
    errors = ErrorCollector(tmp_path)
    source = read_yaml(tmp_path / "site.yml", errors)
    assert source is not None and source.data["features"]["pdf_handouts"] == "yes"
    assert verdicts(model_of["Site"], source.data) == (False, False)
