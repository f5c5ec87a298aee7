"""Turn parsed YAML into model objects, translating pydantic errors into editor messages."""
from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import ErrorCollector, closest
from generator.yaml_source import Loc, SourceFile

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {
    "string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
    "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
    "bool_parsing": "true or false", "list_type": "a list (lines starting with '- ')",
    "dict_type": "a mapping (lines of 'key: value')", "model_type": "a mapping (lines of 'key: value')",
    "model_attributes_type": "a mapping (lines of 'key: value')",
}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _clean_loc(data: Any, loc: tuple[Any, ...]) -> Loc:
    """Drop pydantic's internal segments (union tags, '[key]') so loc follows the YAML."""
    clean: list[str | int] = []
    current = data
    for part in loc:
        if (isinstance(current, dict) and part in current) or (
                isinstance(current, list) and isinstance(part, int) and part < len(current)):
            clean.append(part)
            current = current[part]
        elif isinstance(current, dict) and isinstance(part, str) and part != "[key]" and not clean_is_internal(part):
            clean.append(part)  # missing or unknown key: keep for the message
            current = None
        # anything else is an internal pydantic segment; skip it
    return tuple(clean)


def clean_is_internal(part: str) -> bool:
    return part.startswith(("function-", "tagged-union", "union[")) or "[" in part


def _field_name(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "value"


def _message(err: dict[str, Any], loc: Loc, model: type[BaseModel], data: Any) -> tuple[str, str, Loc]:
    kind = err["type"]
    name = _field_name(loc)
    value = err.get("input")
    where = ".".join(str(p) for p in loc) or "file"
    if kind == "missing":
        return (f"missing required field '{name}'",
                f"add a line '{name}: …' here", loc[:-1])
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1], data)
        close = closest(name, allowed)
        hint = f"did you mean '{close}'?" if close else ""
        if allowed:
            hint = (hint + " " if hint else "") + "allowed here: " + ", ".join(allowed)
        return (f"unknown field '{name}'", hint or "remove it", loc)
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return (f"'{where}' is {_describe(value)}, which is not allowed",
                f"use one of {expected}", loc)
    if kind == "string_pattern_mismatch":
        return (f"'{where}' is {_describe(value)}, which is not a valid id",
                "ids use lowercase letters, digits and hyphens only, e.g. 'naar-de-dokter'", loc)
    if kind in ("too_short", "string_too_short"):
        return (f"'{where}' is empty", "fill it in, or remove the field if it is optional", loc)
    if kind in ("greater_than", "greater_than_equal"):
        return (f"'{where}' is {_describe(value)}, but must be {err['msg'].split('be ', 1)[-1]}",
                "use a positive number", loc)
    if kind in _TYPE_WORDS:
        hint = "put the text in quotes" if kind == "string_type" and not isinstance(value, (dict, list)) else \
            f"write {_TYPE_WORDS[kind]} here"
        if kind in ("int_type", "float_type") and isinstance(value, str):
            # '"90"' is text, not a number (the JSON Schema in the editor refuses it too)
            hint = f"write {_TYPE_WORDS[kind]} here, without quotes"
        return (f"'{where}' should be {_TYPE_WORDS[kind]}, not {_describe(value)}", hint, loc)
    if kind == "reserved_id":
        return (f"'{where}' is {_describe(value)}, a name the portal uses for its own pages",
                "choose another id, e.g. add a word: 'index-2' or 'overzicht-themas'", loc)
    if kind == "url_kind":
        return (f"'{where}' is {_describe(value)}, which is not an allowed address", err["msg"], loc)
    if kind == "email_kind":
        return (f"'{where}' is {_describe(value)}, which is not an e-mail address",
                "write it like naam@organisatie.nl", loc)
    if kind == "value_error":
        msg = str(err.get("ctx", {}).get("error", err["msg"]))
        if " — " in msg:  # a validator that knows the fix says it after a dash
            message, hint = msg.split(" — ", 1)
            return (message, hint, loc)
        return (msg, "see the editor guide for this kind of question", loc)
    return (f"'{where}': {err['msg']}", "see the editor guide", loc)


def _allowed_fields(model: type[BaseModel], loc: Loc, data: Any) -> list[str]:
    """Walk the model along loc to list the fields allowed at that place."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def parse_model(source: SourceFile, model: type[M], errors: ErrorCollector,
                defaults: dict[str, Any] | None = None) -> M | None:
    """Validate ``source.data`` against ``model``; record each problem with its position."""
    data = source.data
    if not isinstance(data, dict):
        errors.add(source.path, 1, 1, f"expected a mapping of fields at the top of the file, found {_describe(data)}",
                   "start the file with lines like 'title: …'")
        return None
    if defaults:
        data = {**defaults, **data}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        found = []
        for err in exc.errors(include_url=False):
            loc = _clean_loc(data, tuple(err["loc"]))
            found.append((err["type"], loc, *_message(dict(err), loc, model, data)))
        # A typo such as 'titel' gives 'unknown titel' and 'missing title': report it once.
        typo_targets = {(loc[:-1], closest(str(loc[-1]), _allowed_fields(model, loc[:-1], data)))
                        for kind, loc, *_ in found if kind == "extra_forbidden"}
        for kind, loc, message, hint, at in found:
            if kind == "missing" and (loc[:-1], loc[-1]) in typo_targets:
                continue
            line, col = source.position(at)
            errors.add(source.path, line, col, message, hint)
        return None
