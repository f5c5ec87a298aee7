"""JSON Schemas of the source kinds, for editor autocompletion (yaml-language-server).

``lang="nl"`` replaces each field's description with its Dutch one (schema_nl.py): those are
the schemas a new organisation repository commits for its editors.

The schema must refuse what ``check`` refuses, or an editor shows a file as fine that the build
rejects (tests/test_schema_agreement.py runs both over valid and mutated files).
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from generator.model import Method, Module, Quiz, RolesFile, RoutesFile, Site, TasksFile, Theme
from generator.schema_nl import FIELDS_NL

KINDS: dict[str, type[BaseModel]] = {
    "site": Site, "routes": RoutesFile, "roles": RolesFile, "tasks": TasksFile,
    "module": Module, "theme": Theme, "method": Method, "quiz": Quiz,
}

NOT_BLANK = r"\S"  # JSON Schema patterns search: at least one character that is not white space


class _ContentSchema(GenerateJsonSchema):
    """pydantic's schema, plus what its JSON output leaves out: a text field that strips white
    space before checking its minimum length refuses '   ', so the schema says 'not blank'."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        json_schema = super().str_schema(schema)
        if schema.get("strip_whitespace") and schema.get("min_length", 0) > 0:
            if "pattern" in json_schema:
                json_schema = {"allOf": [json_schema, {"pattern": NOT_BLANK}]}
            else:
                json_schema["pattern"] = NOT_BLANK
        return json_schema


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(schema_generator=_ContentSchema)


def _dutch(schema: dict[str, Any], model_name: str) -> None:
    for field, prop in schema.get("properties", {}).items():
        text = FIELDS_NL.get(f"{model_name}.{field}")
        if text:
            prop["description"] = text
    schema.pop("description", None)  # the class docstring is English developer prose


def json_schemas(lang: str = "en") -> dict[str, dict[str, Any]]:
    schemas = {name: json_schema(model) for name, model in KINDS.items()}
    if lang == "nl":
        for name, schema in schemas.items():
            _dutch(schema, KINDS[name].__name__)
            for model_name, sub in schema.get("$defs", {}).items():
                _dutch(sub, model_name)
    return schemas
