"""The Portal: all validated content in one immutable object, with the lookups pages need.

Nothing past this point reads files; page rendering is a pure function of a Portal.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from generator.errors import ContentError
from generator.labels import Labels
from generator.model import (
    LEVEL_ORDER,
    Chapter,
    CoachConduct,
    Material,
    Method,
    Module,
    Norm,
    Phase,
    PlanStep,
    Quiz,
    Role,
    Route,
    Site,
    Supplement,
    Term,
    Theme,
    Training,
)


@dataclass(frozen=True)
class DocPage:
    """A hand-written Markdown page under docs/ (never generated into, never overwritten)."""

    path: str
    title: str


@dataclass(frozen=True)
class SourceRef:
    """The YAML source an object comes from: a kind and, for folders of one item per file, the
    item's id. Keys ``Portal.sources`` and the positions of rule findings; ``str()`` gives the
    text shown when no file is known ('module:intake', 'routes')."""

    kind: str               # site, routes, roles, tasks, begrippen; module, theme, method, quiz, …
    id: str | None = None   # None for the single files

    def __str__(self) -> str:
        return f"{self.kind}:{self.id}" if self.id else self.kind


@dataclass(frozen=True)
class ChapterRef:
    method: Method
    number: int

    @property
    def chapter(self) -> Chapter:
        return self.method.chapter(self.number)


@dataclass(frozen=True)
class Portal:
    site: Site
    routes: tuple[Route, ...]
    supplements: tuple[Supplement, ...]
    routes_intro: str | None
    roles: tuple[Role, ...]
    phases: tuple[Phase, ...]
    coach: CoachConduct
    plan: tuple[PlanStep, ...]
    norms: tuple[Norm, ...]
    tasks_intro: str | None
    modules: tuple[Module, ...]
    themes: tuple[Theme, ...]
    methods: tuple[Method, ...]
    quizzes: tuple[Quiz, ...]
    materials: tuple[Material, ...] = field(default=())
    trainings: tuple[Training, ...] = field(default=())
    glossary: tuple[Term, ...] = field(default=())
    glossary_intro: str | None = None
    docs: tuple[DocPage, ...] = field(default=())
    # Groups of words the site search treats as one (content/zoekwoorden.yml).
    synonyms: tuple[tuple[str, ...], ...] = field(default=())
    # Source file relative to the portal root, for "edit this page" links.
    sources: Mapping[SourceRef, str] = field(default_factory=dict)
    # Content-rule warnings (rules.py): shown by `check` and `build`, never block a build.
    warnings: tuple[ContentError, ...] = ()

    @cached_property
    def labels(self) -> Labels:
        """The label table with this organisation's overrides (site.yml), built once."""
        return Labels(self.site.labels)

    def source_of(self, kind: str, id: str | None = None) -> str | None:
        return self.sources.get(SourceRef(kind, id))

    # --- lookups by id ------------------------------------------------------------------
    @cached_property
    def _by_id(self) -> dict[str, dict[str, object]]:
        return {
            "route": {r.id: r for r in self.routes},
            "supplement": {s.id: s for s in self.supplements},
            "role": {r.id: r for r in self.roles},
            "module": {m.id: m for m in self.modules},
            "theme": {t.id: t for t in self.themes},
            "method": {m.id: m for m in self.methods},
            "quiz": {q.id: q for q in self.quizzes},
            "material": {m.id: m for m in self.materials},
            "training": {t.id: t for t in self.trainings},
        }

    def route(self, id: str) -> Route:
        return self._by_id["route"][id]  # type: ignore[return-value]

    def role(self, id: str) -> Role:
        return self._by_id["role"][id]  # type: ignore[return-value]

    def module(self, id: str) -> Module:
        return self._by_id["module"][id]  # type: ignore[return-value]

    def theme(self, id: str) -> Theme:
        return self._by_id["theme"][id]  # type: ignore[return-value]

    def material(self, id: str) -> Material:
        return self._by_id["material"][id]  # type: ignore[return-value]

    def materials_of_module(self, module: Module) -> list[Material]:
        """The materials a module's activities name, once each, in order of first use."""
        ids = dict.fromkeys(i for a in module.activities for i in a.materials)
        return [self.material(i) for i in ids]

    def supplement(self, id: str) -> Supplement:
        return self._by_id["supplement"][id]  # type: ignore[return-value]

    # --- relations ----------------------------------------------------------------------
    def modules_of_route(self, route: Route) -> list[Module]:
        """Modules the route lists, then modules that name the route themselves."""
        ids = list(route.modules) + [m.id for m in self.modules if route.id in m.routes and m.id not in route.modules]
        return [self.module(i) for i in ids]

    def routes_of_module(self, module: Module) -> list[Route]:
        return [r for r in self.routes if r.id in module.routes or module.id in r.modules]

    def routes_of_theme(self, theme: Theme) -> list[Route]:
        return [r for r in self.routes if theme.id in r.themes]

    def quiz_of_module(self, module: Module) -> Quiz | None:
        return next((q for q in self.quizzes if q.module == module.id), None)

    @cached_property
    def shown_methods(self) -> tuple[Method, ...]:
        """The methods this organisation uses (site.methods), or all when none are named."""
        if not self.site.methods:
            return self.methods
        return tuple(self._by_id["method"][i] for i in self.site.methods)  # type: ignore[misc]

    def chapters_of_theme(self, theme: Theme) -> list[ChapterRef]:
        return [ChapterRef(m, c.number) for m in self.shown_methods for c in m.chapters if theme.id in c.themes]

    def themes_of_level(self, level: str) -> list[Theme]:
        return [t for t in self.themes if level in t.levels]

    def roles_in_matrix(self) -> list[Role]:
        """Roles that have a responsibility in at least one phase, in roles.yml order."""
        used = {rid for p in self.phases for rid in p.responsibilities}
        return [r for r in self.roles if r.id in used]

    @property
    def levels(self) -> list[str]:
        used = {lvl for t in self.themes for lvl in t.levels}
        return [lvl for lvl in LEVEL_ORDER if lvl in used]
