"""JSON Schemas of the source kinds, for editor autocompletion (yaml-language-server).

``lang="nl"`` replaces each field's description with its Dutch one (schema_nl.py): those are
the schemas a new organisation repository commits for its editors.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.model import Method, Module, Quiz, RolesFile, RoutesFile, Site, TasksFile, Theme
from generator.schema_nl import FIELDS_NL

KINDS: dict[str, type[BaseModel]] = {
    "site": Site, "routes": RoutesFile, "roles": RolesFile, "tasks": TasksFile,
    "module": Module, "theme": Theme, "method": Method, "quiz": Quiz,
}


def _dutch(schema: dict[str, Any], model_name: str) -> None:
    for field, prop in schema.get("properties", {}).items():
        text = FIELDS_NL.get(f"{model_name}.{field}")
        if text:
            prop["description"] = text
    schema.pop("description", None)  # the class docstring is English developer prose


def json_schemas(lang: str = "en") -> dict[str, dict[str, Any]]:
    schemas = {name: model.model_json_schema() for name, model in KINDS.items()}
    if lang == "nl":
        for name, schema in schemas.items():
            _dutch(schema, KINDS[name].__name__)
            for model_name, sub in schema.get("$defs", {}).items():
                _dutch(sub, model_name)
    return schemas
