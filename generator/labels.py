"""The one table of Dutch UI words; organisations may override entries in site.yml."""
from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml


@lru_cache(maxsize=1)
def default_labels() -> Mapping[str, str]:
    text = resources.files("generator").joinpath("labels.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return MappingProxyType({str(k).lower() if isinstance(k, bool) else str(k): str(v) for k, v in data.items()})


# A label is a restricted template: '{name}' placeholders only, never Python's str.format
# (which would evaluate '{meetings.__class__.__mro__}' and raise KeyError on unknown names).
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

# What the organisation calls its volunteers (taalcoach, taalmaatje, maatje, …) is one group of
# labels: the word, its plural and its article (de/het: 'het taalmaatje'). Every other label may
# use {volunteer}, {volunteers}, {the_volunteer} ('de taalcoach') and {The_volunteer} ('De
# taalcoach', to start a sentence), filled in when the label is read, so one setting in site.yml
# changes the word on every page and hand-out.
VOLUNTEER_WORDS = ("volunteer", "volunteers", "volunteer_article")
VOLUNTEER_PLACEHOLDERS = ("volunteer", "volunteers", "the_volunteer", "The_volunteer")
_VOLUNTEER = re.compile(r"(?<!\{)\{(" + "|".join(VOLUNTEER_PLACEHOLDERS) + r")\}(?!\})")


def placeholders(text: str) -> list[str]:
    """The '{name}' placeholders of a label; ValueError (an English sentence) says what is wrong."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError("has an unmatched brace") from None
    names = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"uses '{{{shown}}}', which is not a plain placeholder")
        names.append(name)
    return names


def label_problems(overrides: Mapping[Any, Any]) -> list[tuple[str, str, str]]:
    """(key, message, hint) for every override that is not a known label used as a restricted
    template with only that label's placeholders; checked at `check`, before anything renders."""
    from generator.errors import closest

    table = default_labels()
    found = []
    for key, value in overrides.items():
        if key not in table:
            close = closest(str(key), table)
            found.append((key, f"unknown label '{key}'",
                          f"did you mean '{close}'?" if close else "see generator/labels.yml for the labels"))
            continue
        own = set(_PLACEHOLDER.findall(table[key])) - set(VOLUNTEER_PLACEHOLDERS)
        # The volunteer words may appear in every label (except in the words themselves).
        allowed = own | (set() if key in VOLUNTEER_WORDS else set(VOLUNTEER_PLACEHOLDERS))
        try:
            used = placeholders(str(value))
        except ValueError as exc:
            found.append((key, f"label '{key}' {exc}", _placeholder_hint(own)))
            continue
        unknown = [name for name in used if name not in allowed]
        if unknown:
            found.append((key, f"label '{key}' uses unknown placeholder '{{{unknown[0]}}}'",
                          _placeholder_hint(own)))
    # Part of the group would mix the organisation's word with 'taalcoaches' or 'de'.
    given = [k for k in VOLUNTEER_WORDS if k in overrides]
    for other in VOLUNTEER_WORDS:
        if given and other not in overrides:
            found.append((given[0], f"label '{given[0]}' is set but '{other}' is not",
                          "set all three: volunteer (one), volunteers (plural) and volunteer_article (de or het)"))
    return found


def _placeholder_hint(allowed: set[str]) -> str:
    if not allowed:
        return "this label has no placeholders; leave out the braces"
    return "this label knows " + ", ".join(f"{{{n}}}" for n in sorted(allowed))


def fill(template: str, **values: Any) -> str:
    """Replace '{name}' placeholders by ``values``; '{{' and '}}' stand for literal braces."""
    parts = template.split("{{")
    filled = [_PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), part) for part in parts]
    return "{".join(filled).replace("}}", "}")


class Labels:
    """Attribute access (``L.vocabulary``) so templates stay short; unknown keys fail loudly."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._table = {**default_labels(), **(overrides or {})}

    def __getattr__(self, key: str) -> str:
        if key.startswith("_"):  # not a label: Python's own lookups (pickle asks for __setstate__)
            raise AttributeError(key)
        try:
            text = self._table[key]
        except KeyError:
            raise AttributeError(f"no label '{key}' in generator/labels.yml") from None
        if key in VOLUNTEER_WORDS or "{" not in text:
            return text
        return _VOLUNTEER.sub(lambda m: self._volunteer(m.group(1)), text)

    def _volunteer(self, placeholder: str) -> str:
        if placeholder in ("volunteer", "volunteers"):
            return self._table[placeholder]
        the = f"{self._table['volunteer_article']} {self._table['volunteer']}"
        return the[:1].upper() + the[1:] if placeholder == "The_volunteer" else the

    def __getitem__(self, key: str) -> str:
        return self.__getattr__(key)

    def fill(self, key: str, **values: Any) -> str:
        """A label with placeholders, filled in (see :func:`fill`)."""
        return fill(self[key], **values)
