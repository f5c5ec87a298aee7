"""Content layers: an organisation's portal on top of the default content shipped in the package.

``basis: standaard`` in content/site.yml makes every default module, theme, method, quiz and
route part of the portal. A file with the same id in the portal's own folders replaces the
default one; ``verbergen:`` (by kind, then ids) leaves default items out; everything else the
portal has is added. Single files (routes.yml, roles.yml, tasks.yml) are taken whole from the
portal when it has them, else from the base. Because the base lives in the installed package,
upgrading the generator brings every correction of the default content into every portal
without a merge.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from generator.portal import Portal


# Name in site.yml → where that layer's content/ and quizzes/ are. A function, so that a
# wheel (generator/default_portal) and a source checkout (the repository root) both work.
def _standaard() -> Path:
    from generator.scaffold import default_portal

    return default_portal()


BASE_LAYERS: dict[str, Callable[[], Path]] = {"standaard": _standaard}

# verbergen: key → the reference kind used in error messages and the Portal lookups.
HIDEABLE = {"modules": "module", "themes": "theme", "methods": "method", "quizzes": "quiz", "routes": "route"}


def base_root(name: str) -> Path:
    return BASE_LAYERS[name]()


def without_hidden(portal: Portal, hidden: dict[str, set[str]]) -> Portal:
    """Drop references to hidden items from what remains, so that hiding a default module does
    not leave a default route listing it (the organisation cannot edit the base files).
    References from the portal's own files to hidden items are errors before this point."""
    if not any(hidden.values()):
        return portal
    gone_modules, gone_themes, gone_routes = hidden["modules"], hidden["themes"], hidden["routes"]

    def keep(ids: list[str], gone: set[str]) -> list[str]:
        return [i for i in ids if i not in gone]

    modules = tuple(m.model_copy(update={"themes": keep(m.themes, gone_themes),
                                         "routes": keep(m.routes, gone_routes)}) for m in portal.modules)
    routes = tuple(r.model_copy(update={"modules": keep(r.modules, gone_modules),
                                        "themes": keep(r.themes, gone_themes)})
                   for r in portal.routes if r.id not in gone_routes)
    methods = []
    for method in portal.methods:
        chapters = [c.model_copy(update={"themes": keep(c.themes, gone_themes)}) for c in method.chapters]
        chapters = [c for c in chapters if c.themes]  # a chapter that only practised hidden themes
        if chapters:
            methods.append(method.model_copy(update={"chapters": chapters}))
    quizzes = tuple(q for q in portal.quizzes if q.module not in gone_modules)
    return dataclasses.replace(portal, modules=modules, routes=routes, methods=tuple(methods), quizzes=quizzes)
