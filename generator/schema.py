"""JSON Schemas of the source kinds, for editor autocompletion (yaml-language-server)."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from generator.model import Method, Module, Quiz, RolesFile, RoutesFile, Site, TasksFile, Theme

KINDS: dict[str, type[BaseModel]] = {
    "site": Site, "routes": RoutesFile, "roles": RolesFile, "tasks": TasksFile,
    "module": Module, "theme": Theme, "method": Method, "quiz": Quiz,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    return {name: model.model_json_schema() for name, model in KINDS.items()}
