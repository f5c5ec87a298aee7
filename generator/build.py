"""load → validate → Portal: read a portal folder and return one validated Portal.

All problems of a run are collected first and raised together as ContentErrors, so an
editor fixes everything in one round instead of one error per build.
"""
from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel

from generator import privacy
from generator.errors import ErrorCollector, closest
from generator.labels import label_problems
from generator.layers import HIDEABLE, base_root, without_hidden
from generator.model import (
    GlossaryFile,
    Material,
    Method,
    Module,
    Quiz,
    RolesFile,
    RoutesFile,
    SearchWordsFile,
    Site,
    TasksFile,
    Theme,
    Training,
)
from generator.portal import DocPage, Portal, SourceRef
from generator.rules import Findings, run_rules
from generator.validate import parse_model
from generator.yaml_source import Loc, SourceFile, read_yaml

SINGLE_FILES: dict[str, type[BaseModel]] = {  # site.yml first: it says which base layer to add
    "content/site.yml": Site,
    "content/routes.yml": RoutesFile,
    "content/roles.yml": RolesFile,
    "content/tasks.yml": TasksFile,
}
# Optional files: a portal without them is complete.
SEARCH_WORDS = "content/zoekwoorden.yml"
COLLECTIONS: dict[str, type[BaseModel]] = {
    "content/modules": Module,
    "content/themes": Theme,
    "content/methods": Method,
    "quizzes": Quiz,
    "content/materialen": Material,
    "content/trainingen": Training,
}
# Optional single files: a portal without them simply has no such page.
OPTIONAL_FILES: dict[str, type[BaseModel]] = {
    "content/begrippen.yml": GlossaryFile,
}


@dataclass
class Loaded:
    """A validated object with the source it came from, for cross-reference errors."""

    obj: Any
    source: SourceFile


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


def _load_single(root: Path, rel: str, model: type[BaseModel], errors: ErrorCollector) -> Loaded | None:
    path = root / rel
    if not path.exists():
        errors.add(rel, 1, 1, "file is missing",
                   f"create {rel}; `python -m generator new DIR` makes a complete example")
        return None
    source = read_yaml(path, errors)
    if source is None:
        return None
    obj = parse_model(source, model, errors)
    return Loaded(obj, source) if obj is not None else None


def _load_collection(root: Path, rel: str, model: type[BaseModel], errors: ErrorCollector,
                     declared: set[str]) -> list[Loaded]:
    """Load every file of a folder; ``declared`` also gets ids of invalid files, so that
    one broken module does not cause 'unknown module' errors in every file naming it."""
    loaded: list[Loaded] = []
    seen: dict[str, Loaded] = {}
    for path in _yaml_files(root / rel):
        declared.add(path.stem)
        source = read_yaml(path, errors)
        if source is None:
            continue
        if isinstance(source.data, dict) and isinstance(source.data.get("id"), str):
            declared.add(source.data["id"])
        obj: Any = parse_model(source, model, errors, defaults={"id": path.stem} if _is_slug(path.stem) else None)
        if obj is None:
            continue
        if not obj.id:  # file name is not a valid id and none was given
            errors.add(path, 1, 1, f"file name '{path.name}' is not a valid id and the file has no 'id'",
                       "rename the file to lowercase-with-hyphens.yml, or add 'id: …'")
            continue
        if obj.id in seen:
            first = seen[obj.id].source
            line, col = source.position(("id",))
            errors.add(path, line, col, f"duplicate id '{obj.id}' (also used in {errors.rel(first.path)})",
                       "every id must be unique; rename one of them")
            continue
        seen[obj.id] = Loaded(obj, source)
        loaded.append(seen[obj.id])
    return loaded


def _is_slug(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) is not None


class _RefChecker:
    """Checks that every id one file names exists in the content, with a close-match hint."""

    def __init__(self, known: dict[str, set[str]], errors: ErrorCollector,
                 hidden: dict[str, set[str]] | None = None, base: Path | None = None) -> None:
        self.known = known
        self.errors = errors
        self.hidden = hidden or {}
        self.base = base.resolve() if base else None

    def _in_base(self, source: SourceFile) -> bool:
        path = source.path.resolve()
        root = self.errors.root.resolve()
        return bool(self.base and path.is_relative_to(self.base) and not path.is_relative_to(root))

    def check(self, source: SourceFile, loc: Loc, value: str, kind: str) -> None:
        if value in self.hidden.get(kind, ()) and not self._in_base(source):
            line, col = source.position(loc)
            self.errors.add(source.path, line, col, f"'{value}' is hidden by 'verbergen' in content/site.yml",
                            f"remove '{value}' from 'verbergen', or stop referring to it")
            return
        if value in self.known[kind]:
            return
        close = closest(value, self.known[kind])
        hint = f"did you mean '{close}'?" if close else (
            "known: " + ", ".join(sorted(self.known[kind])) if self.known[kind] else f"there are no {kind}s yet")
        line, col = source.position(loc)
        self.errors.add(source.path, line, col, f"unknown {kind} '{value}'", hint)


def _duplicates_in(source: SourceFile, items: list[Any], key: str, loc: Loc, what: str,
                   errors: ErrorCollector) -> None:
    seen: set[Any] = set()
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            line, col = source.position(loc + (index, key))
            errors.add(source.path, line, col, f"duplicate {what} '{value}'", f"every {what} must be unique")
        seen.add(value)


def _check_references(parts: dict[str, Any], declared: dict[str, set[str]], errors: ErrorCollector,
                      hidden: dict[str, set[str]] | None = None, base: Path | None = None) -> None:
    routes: Loaded | None = parts["routes"]
    roles: Loaded | None = parts["roles"]
    tasks: Loaded | None = parts["tasks"]
    site: Loaded | None = parts["site"]
    known = {
        "route": {r.id for r in routes.obj.routes} if routes else set(),
        "supplement": {s.id for s in routes.obj.supplements} if routes else set(),
        "role": {r.id for r in roles.obj.roles} if roles else set(),
        "module": declared["modules"],
        "theme": declared["themes"],
        "method": declared["methods"],
        "material": declared["materialen"],
    }
    ref = _RefChecker(known, errors, hidden, base)
    if routes:
        _duplicates_in(routes.source, routes.obj.routes, "id", ("routes",), "route id", errors)
        _duplicates_in(routes.source, routes.obj.supplements, "id", ("supplements",), "supplement id", errors)
        for i, route in enumerate(routes.obj.routes):
            for field, kind in (("supplements", "supplement"), ("modules", "module"), ("themes", "theme")):
                for j, value in enumerate(getattr(route, field)):
                    ref.check(routes.source, ("routes", i, field, j), value, kind)
    if roles:
        _duplicates_in(roles.source, roles.obj.roles, "id", ("roles",), "role id", errors)
    if tasks:
        _duplicates_in(tasks.source, tasks.obj.phases, "id", ("phases",), "phase id", errors)
        for i, phase in enumerate(tasks.obj.phases):
            for role_id in phase.responsibilities:
                ref.check(tasks.source, ("phases", i, "responsibilities", role_id), role_id, "role")
        for i, boundary in enumerate(tasks.obj.coach.dont):
            ref.check(tasks.source, ("coach", "dont", i, "refer_to"), boundary.refer_to, "role")
    if site:
        for i, method_id in enumerate(site.obj.methods):
            ref.check(site.source, ("methods", i), method_id, "method")
        for key, message, hint in label_problems(site.obj.labels):
            line, col = site.source.position(("labels", key))
            errors.add(site.source.path, line, col, message, hint)
    for item in parts["modules"]:
        for field, kind in (("routes", "route"), ("themes", "theme")):
            for j, value in enumerate(getattr(item.obj, field)):
                ref.check(item.source, (field, j), value, kind)
    for item in parts["methods"]:
        _duplicates_in(item.source, item.obj.chapters, "number", ("chapters",), "chapter number", errors)
        for i, chapter in enumerate(item.obj.chapters):
            for j, theme_id in enumerate(chapter.themes):
                ref.check(item.source, ("chapters", i, "themes", j), theme_id, "theme")
    _check_modules_and_materials(parts, ref, errors)
    _check_trainings(parts, ref, errors)
    quiz_of: dict[str, Loaded] = {}
    for item in parts["quizzes"]:
        ref.check(item.source, ("module",), item.obj.module, "module")
        if item.obj.module in quiz_of:
            line, col = item.source.position(("module",))
            errors.add(item.source.path, line, col,
                       f"module '{item.obj.module}' already has a quiz "
                       f"({errors.rel(quiz_of[item.obj.module].source.path)})",
                       "a module has one quiz; merge the questions into one file")
        quiz_of[item.obj.module] = item


def _check_modules_and_materials(parts: dict[str, Any], ref: _RefChecker, errors: ErrorCollector) -> None:
    """Every material an activity names exists in content/materialen."""
    for item in parts["modules"]:
        for i, activity in enumerate(item.obj.activities):
            for j, material_id in enumerate(activity.materials):
                ref.check(item.source, ("activities", i, "materials", j), material_id, "material")


def _check_trainings(parts: dict[str, Any], ref: _RefChecker, errors: ErrorCollector) -> None:
    """Meetings add up to their length; every module is planned once per training, and every
    module of the portal's own files somewhere (the default content plans its own modules)."""
    duration = {m.obj.id: m.obj.duration for m in parts["modules"]}
    dropped: set[str] = set()
    planned: set[str] = set()
    longest = 0
    for item in parts["trainings"]:
        first: dict[str, int] = {}
        for i, meeting in enumerate(item.obj.meetings):
            longest = max(longest, meeting.length)
            total, complete = 0, True
            for j, part in enumerate(meeting.parts):
                if part.module:
                    ref.check(item.source, ("meetings", i, "parts", j, "module"), part.module, "module")
                    if part.module in ref.hidden.get("module", ()) and ref._in_base(item.source):
                        # A default programme plans a module this portal hides: its clock times
                        # no longer hold, so it is left out (a warning; the build goes on).
                        if item.obj.id not in dropped:
                            errors.warn(item.source.path, 1, 1,
                                        f"training '{item.obj.id}' of the default content is left out: it plans "
                                        f"module '{part.module}', which 'verbergen' hides",
                                        f"add your own content/trainingen/{item.obj.id}.yml (the same id "
                                        "replaces the default programme) to keep a programme like it")
                        dropped.add(item.obj.id)
                        complete = False
                        continue
                    complete = complete and part.module in duration  # a broken module has its own error
                    total += duration.get(part.module, 0)
                    if part.module in first:
                        line, col = item.source.position(("meetings", i, "parts", j, "module"))
                        errors.add(item.source.path, line, col,
                                   f"module '{part.module}' is planned twice in this training "
                                   f"(also in meeting {first[part.module] + 1})",
                                   "plan every module once; remove one of them")
                    first.setdefault(part.module, i)
                    planned.add(part.module)
                else:
                    total += part.minutes or 0
            if complete and total != meeting.length and item.obj.id not in dropped:
                line, col = item.source.position(("meetings", i, "length"))
                what = "more" if total > meeting.length else "less"
                errors.add(item.source.path, line, col,
                           f"meeting {i + 1} '{meeting.title}': the parts add up to {total} minutes, "
                           f"{what} than its length of {meeting.length} minutes",
                           "change a block's 'minutes', a module's 'duration' or the meeting's 'length' "
                           "so that they add up to the minute")
    parts["trainings"] = [t for t in parts["trainings"] if t.obj.id not in dropped]
    if not parts["trainings"]:
        return  # a portal without programmes plans nothing
    for item in parts["modules"]:
        module = item.obj
        if module.id in planned or ref._in_base(item.source):
            continue
        line, col = item.source.position(("duration",))
        if module.duration > longest:
            errors.add(item.source.path, line, col,
                       f"module '{module.id}' ({module.duration} minutes) fits in no meeting: the longest "
                       f"meeting lasts {longest} minutes",
                       "shorten the module or split it, and plan it in a meeting in content/trainingen/")
        else:
            errors.add(item.source.path, line, col,
                       f"module '{module.id}' is planned in no training",
                       "add '- module: " + module.id + "' to a meeting in content/trainingen/")


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
# The front matter block as MkDocs reads it (mkdocs.utils.meta): '---' on the first line, YAML,
# then '---' or '...' on a line of its own. Only this block is YAML; the body is Markdown.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.DOTALL)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown page. A page without a block, or whose block is not a
    YAML mapping, has empty front matter and is all body, as MkDocs treats it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        return {}, text
    return (meta, text[match.end():]) if isinstance(meta, dict) else ({}, text)


def doc_title(text: str, fallback: str) -> str:
    """A hand-written page's title, as the engine picks it: front matter `title`, else the first
    '# heading' of the body, else ``fallback``. A 'title:' line in the body is just text."""
    meta, body = split_front_matter(text)
    title = meta.get("title")
    if isinstance(title, str | int | float) and not isinstance(title, bool) and str(title).strip():
        return str(title).strip()
    match = _HEADING.search(body)
    return match.group(1).strip() if match else fallback


def _doc_pages(root: Path) -> tuple[DocPage, ...]:
    docs = root / "docs"
    pages = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        title = doc_title(text, path.stem.replace("-", " ").capitalize())
        pages.append(DocPage(path.relative_to(docs).as_posix(), title))
    return tuple(pages)


PORTAL_FOLDERS = ("content", "quizzes", "docs")


def _escaping_links(root: Path, errors: ErrorCollector) -> None:
    """Every file the build reads stays inside the portal folder: a symbolic link in content/,
    quizzes/ or docs/ that points outside would publish that file (e.g. /etc/passwd) on the
    site. Reported by name only; the target is never opened, so nothing of it is printed."""
    inside = root.resolve()
    for folder in PORTAL_FOLDERS:
        top = root / folder
        if top.is_symlink() or not top.is_dir():
            candidates = [top] if top.is_symlink() else []
        else:
            candidates = []
            for dirpath, dirnames, filenames in os.walk(top):  # does not follow links to folders
                candidates += [Path(dirpath) / name for name in dirnames + filenames]
        for path in candidates:
            if path.is_symlink() and not path.resolve().is_relative_to(inside):
                errors.add(path, 1, 1, "this file is a link to a place outside the portal folder",
                           "copy the file into the portal folder instead of linking to it")


LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp")  # pictures every browser shows
# The theme prints the logo's path into an attribute as it is: plain file-name characters only.
_LOGO_PATH = re.compile(r"[A-Za-z0-9._/-]+")


def _check_logo(root: Path, site: Loaded | None, errors: ErrorCollector) -> None:
    """site.yml's logo is a picture in docs/ (the theme shows it on every page): not an address
    on another host, not a file outside the portal, not a file that is not there."""
    logo = site.obj.organisation.logo if site else None
    if site is None or logo is None:
        return
    line, col = site.source.position(("organisation", "logo"))
    hint = "put the image in docs/ (for example docs/img/logo.svg) and write 'logo: img/logo.svg'"
    path = PurePosixPath(logo)
    parts = path.parts
    if ":" in logo or "\\" in logo or not parts or parts[0] == "/" or ".." in parts:
        errors.add(site.source.path, line, col, f"logo '{logo}' is not a path inside docs/", hint)
    elif not _LOGO_PATH.fullmatch(logo):
        errors.add(site.source.path, line, col, f"logo '{logo}' has characters other than letters, digits, "
                   "'-', '_', '.' and '/'", "rename the file, e.g. to img/logo.svg, and write that path")
    elif path.suffix.lower() not in LOGO_TYPES:
        errors.add(site.source.path, line, col, f"logo '{logo}' is not a picture every browser shows",
                   "use an .svg, .png, .jpg or .webp file")
    elif not (root / "docs" / logo).is_file():
        errors.add(site.source.path, line, col, f"there is no file docs/{logo}", hint)


def _check_privacy(root: Path, parts: dict[str, Any], errors: ErrorCollector) -> None:
    """Content that would make the site contact another host is an error at its line."""
    site = parts.get("site")
    allowed = site.obj.allowed_hosts if site else []
    sources = [item.source for value in parts.values()
               for item in (value if isinstance(value, list) else [value]) if item is not None]
    privacy.check_sources(sources, allowed, errors)
    privacy.check_docs(root / "docs", allowed, errors)


def load_portal(root: Path | str = ".", *, shown_root: str | None = None) -> Portal:
    """Read and validate every source under ``root``; raise ContentErrors listing all problems.

    Messages show files under ``shown_root`` (default: ``root`` as given), the folder as the
    user typed it. Content rules (rules.py) run last; their warnings travel on the Portal.
    """
    errors = ErrorCollector(Path(root), shown_root=os.fspath(root) if shown_root is None else shown_root)
    root = Path(root)
    _escaping_links(root, errors)
    errors.raise_if_any()  # never read a file outside the portal, not even to report on it
    parts: dict[str, Any] = {}
    parts["site"] = _load_single(root, "content/site.yml", Site, errors)
    site: Site | None = parts["site"].obj if parts["site"] else None
    base = base_root(site.basis) if site and site.basis else None
    if base and site and site.basis:
        errors.layers[base] = site.basis
    hidden = {kind: set(getattr(site.verbergen, kind)) if site else set() for kind in HIDEABLE}
    for rel, model in SINGLE_FILES.items():
        if rel != "content/site.yml":  # the portal's own file, else the base layer's
            parts[Path(rel).stem] = _load_single(base if base and not (root / rel).exists() else root,
                                                 rel, model, errors)
    declared: dict[str, set[str]] = {}
    for rel, model in COLLECTIONS.items():
        name = Path(rel).name
        declared[name] = set()
        parts[name] = _load_collection(root, rel, model, errors, declared[name])
        if base:
            own = set(declared[name])
            below = _load_collection(base, rel, model, errors, declared[name])
            gone = hidden.get(name, set())
            if name in hidden:
                _check_hidden_ids(parts["site"], name, {b.obj.id for b in below}, gone, errors)
            parts[name] = [b for b in below if b.obj.id not in own and b.obj.id not in gone] + parts[name]
    parts["materials"], parts["trainings"] = parts.pop("materialen"), parts.pop("trainingen")
    for rel, model in OPTIONAL_FILES.items():
        # the portal's own file, else the base layer's (like the single files above)
        where = root if (root / rel).exists() else base if base and (base / rel).exists() else None
        parts[Path(rel).stem] = _load_single(where, rel, model, errors) if where else None
    if base and parts["routes"]:
        _check_hidden_ids(parts["site"], "routes", {r.id for r in parts["routes"].obj.routes}, hidden["routes"], errors)
    _check_references(parts, declared, errors, hidden={HIDEABLE[k]: v for k, v in hidden.items()}, base=base)
    # Search synonyms: the portal's own file, else the base layer's.
    words_root = root if (root / SEARCH_WORDS).exists() or not base else base
    search_words = (_load_single(words_root, SEARCH_WORDS, SearchWordsFile, errors)
                    if (words_root / SEARCH_WORDS).exists() else None)
    if search_words:
        _check_synonyms(search_words, errors)
    _check_privacy(root, parts, errors)
    _check_logo(root, parts["site"], errors)
    errors.raise_if_any()
    glossary = parts["begrippen"].obj if parts["begrippen"] else None
    routes, roles, tasks = parts["routes"].obj, parts["roles"].obj, parts["tasks"].obj
    portal = Portal(
        site=parts["site"].obj,
        routes=tuple(routes.routes),
        supplements=tuple(routes.supplements),
        routes_intro=routes.intro,
        roles=tuple(roles.roles),
        phases=tuple(tasks.phases),
        coach=tasks.coach,
        plan=tuple(tasks.plan),
        norms=tuple(tasks.norms),
        tasks_intro=tasks.intro,
        modules=tuple(sorted((m.obj for m in parts["modules"]), key=lambda m: (m.order, m.title))),
        themes=tuple(sorted((t.obj for t in parts["themes"]), key=lambda t: t.title.casefold())),
        methods=tuple(sorted((m.obj for m in parts["methods"]), key=lambda m: m.name.casefold())),
        quizzes=tuple(q.obj for q in parts["quizzes"]),
        materials=tuple(sorted((m.obj for m in parts["materials"]), key=lambda m: m.title.casefold())),
        trainings=tuple(t.obj for t in parts["trainings"]),
        glossary=tuple(glossary.terms) if glossary else (),
        glossary_intro=glossary.intro if glossary else None,
        docs=_doc_pages(root),
        synonyms=tuple(tuple(group) for group in search_words.obj.synonyms) if search_words else (),
        sources=_sources(parts, errors, base),
    )
    portal = without_hidden(portal, hidden)
    run_rules(portal, Findings(_source_files(parts), errors))
    errors.raise_if_any()
    return dataclasses.replace(portal, warnings=tuple(sorted(set(errors.warnings))))


def _check_synonyms(loaded: Loaded, errors: ErrorCollector) -> None:
    """A word in two groups would silently merge them; a group of only stop words finds nothing."""
    from generator.search.text import terms

    seen: dict[str, int] = {}
    for i, group in enumerate(loaded.obj.synonyms):
        if len(group) < 2:
            line, col = loaded.source.position(("synonyms", i))
            errors.add(loaded.source.path, line, col, f"synonym group {i + 1} has only {len(group)} word",
                       "a group lists at least two words that should find each other, e.g. [dokter, huisarts]")
        for j, entry in enumerate(group):
            line, col = loaded.source.position(("synonyms", i, j))
            key = " ".join(terms(entry))
            if not key:
                errors.add(loaded.source.path, line, col, f"'{entry}' has no word the search can use",
                           "use a word with meaning, not only words like 'de', 'het' or 'een'")
            elif key in seen and seen[key] != i:
                errors.add(loaded.source.path, line, col,
                           f"'{entry}' is already in synonym group {seen[key] + 1}",
                           "put every word in one group only; merge the two groups")
            seen.setdefault(key, i)


# Folders of one item per file, and the kind of SourceRef their items get.
_ITEM_FOLDERS = (("modules", "module"), ("themes", "theme"), ("methods", "method"), ("quizzes", "quiz"),
                 ("materials", "material"), ("trainings", "training"))


def _source_files(parts: dict[str, Any]) -> dict[SourceRef, SourceFile]:
    """The parsed file behind each object, keyed like Portal.sources, for rule positions."""
    found = {SourceRef(name): parts[name].source for name in ("site", "routes", "roles", "tasks")}
    for folder, kind in _ITEM_FOLDERS:
        for item in parts[folder]:
            found[SourceRef(kind, item.obj.id)] = item.source
    return found


def _sources(parts: dict[str, Any], errors: ErrorCollector, base: Path | None = None) -> dict[SourceRef, str]:
    """Where each object came from, so a page can link to the YAML an editor must change.
    Items of a base layer have no file in the organisation's repository, so no edit link."""
    def own(path: Path) -> bool:
        return base is None or not path.resolve().is_relative_to(base.resolve()) \
            or path.resolve().is_relative_to(errors.root.resolve())

    found = {SourceRef(name): errors.rel(parts[name].source.path) for name in ("site", "routes", "roles", "tasks")
             if own(parts[name].source.path)}
    if parts.get("begrippen") and own(parts["begrippen"].source.path):
        found[SourceRef("begrippen")] = errors.rel(parts["begrippen"].source.path)
    for folder, kind in _ITEM_FOLDERS:
        for item in parts[folder]:
            if own(item.source.path):
                found[SourceRef(kind, item.obj.id)] = errors.rel(item.source.path)
    return found


def _check_hidden_ids(site: Loaded | None, kind: str, available: set[str], hidden: set[str],
                      errors: ErrorCollector) -> None:
    """Every id under 'verbergen' must name an item of the base layer (typos hide nothing)."""
    if site is None:
        return
    for index, value in enumerate(getattr(site.obj.verbergen, kind)):
        if value not in available:
            close = closest(value, available)
            line, col = site.source.position(("verbergen", kind, index))
            errors.add(site.source.path, line, col, f"unknown {HIDEABLE[kind]} '{value}' in 'verbergen'",
                       f"did you mean '{close}'?" if close else "known: " + ", ".join(sorted(available)))
