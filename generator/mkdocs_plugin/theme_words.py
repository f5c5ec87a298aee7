"""Material's interface words (``lang.t(key)``) looked up once per key instead of per call.

Material's ``partials/language.html`` defines ``t(key)`` as a macro that calls the language's
macro, which builds a dictionary of ~80 entries on every call, and then the English one when
the key is missing. A page calls it a few dozen times; over a 2,000-page build that was ~3 % of
the CPU time. ``ThemeWords`` calls the same macros once per key and remembers the answer, so
the words are exactly Material's (and the portal's Dutch overrides in
``templates/overrides/partials/languages/nl.html``). The ``language.html`` override uses it
when the plugin provides it; an exported site keeps Material's macro.
"""
from __future__ import annotations

from typing import Any

import jinja2


class ThemeWords:
    """``tc_theme_words(key)``: what ``lang.t(key)`` prints."""

    def __init__(self, env: jinja2.Environment, language: str) -> None:
        self._language: Any = env.get_template(f"partials/languages/{language}.html").module
        self._fallback: Any = env.get_template("partials/languages/en.html").module
        self._known: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        word = self._known.get(key)
        if word is None:
            word = self._known[key] = str(self._language.t(key) or self._fallback.t(key) or key)
        return word
