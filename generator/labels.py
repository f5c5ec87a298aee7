"""The one table of Dutch UI words; organisations may override entries in site.yml."""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

import yaml


@lru_cache(maxsize=1)
def default_labels() -> Mapping[str, str]:
    text = resources.files("generator").joinpath("labels.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return MappingProxyType({str(k).lower() if isinstance(k, bool) else str(k): str(v) for k, v in data.items()})


class Labels:
    """Attribute access (``L.vocabulary``) so templates stay short; unknown keys fail loudly."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._table = {**default_labels(), **(overrides or {})}

    def __getattr__(self, key: str) -> str:
        try:
            return self._table[key]
        except KeyError:
            raise AttributeError(f"no label '{key}' in generator/labels.yml") from None

    def __getitem__(self, key: str) -> str:
        return self.__getattr__(key)
