"""``new DIR``: a complete repository for an organisation's own portal.

What the organisation owns is small: content/site.yml, their own content files, docs/, and
the repository plumbing (README in Dutch, pinned generator in requirements.txt, Makefile,
GitHub workflows, Dependabot, editor schemas). The generator and — with ``basis: standaard`` —
the default content stay in the installed package (layers.py), so an upgrade is one version
number in requirements.txt. ``--leeg`` starts from one marked example of each kind instead.

The files live in ``generator/templates/nieuw`` without leading dots (``gitignore``,
``github/``, ``vscode/``) so that packaging tools cannot drop them; placeholders are
``__NAME__`` words, which never clash with the ``${{ … }}`` of GitHub workflows.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.errors import UserError

# What a source portal consists of (setup.py ships the demo's under generator/default_portal).
PORTAL_PARTS = ("mkdocs.yml", "content", "quizzes", "docs")
# Files `new` writes, by template name → name in the new repository.
REPO_FILES = {
    "README.md": "README.md", "requirements.txt": "requirements.txt", "Makefile": "Makefile",
    "gitignore": ".gitignore", "mkdocs.yml": "mkdocs.yml", "docs/over.md": "docs/over.md",
    "github/workflows/publiceren.yml": ".github/workflows/publiceren.yml",
    "github/workflows/controle.yml": ".github/workflows/controle.yml",
    "github/dependabot.yml": ".github/dependabot.yml",
    "vscode/settings.json": ".vscode/settings.json", "vscode/extensions.json": ".vscode/extensions.json",
}
# Where pip finds the pinned generator unless `new --bron` names another place: the release
# page of this project, which lists the wheel of each version (pip --find-links reads it).
SOURCE_ENV = "TAALCOACH_BRON"
DEFAULT_SOURCE = "https://github.com/taalcoach-portaal/taalcoach-portaal/releases/expanded_assets/v__VERSIE__"

START = {
    "basis": ("Dit portaal bouwt voort op de **standaardinhoud** van de generator: alle modules, thema's,\n"
              "methodes, quizzen en leerroutes daarvan staan op jullie site (`basis: standaard` in\n"
              "`content/site.yml`). Een eigen bestand met hetzelfde id vervangt het standaardbestand\n"
              "(bijvoorbeeld `content/themes/geld.yml`). Wat jullie niet willen tonen, zet je onder\n"
              "`verbergen:` in `content/site.yml`. Eigen modules, thema's en methodes komen erbij."),
    "leeg": ("Dit portaal begint **leeg**: van elke soort staat er één voorbeeld in `content/` en\n"
             "`quizzes/`, gemarkeerd met VOORBEELD. Vul ze in of vervang ze door jullie eigen inhoud.\n"
             "`make check` zegt precies welk bestand en welke regel nog niet klopt."),
}


def default_portal() -> Path:
    """The demo portal: shipped inside the package by a wheel build (setup.py), or the
    repository root in a source checkout / editable install."""
    package = Path(__file__).resolve().parent
    for root in (package / "default_portal", package.parent):
        if all((root / part).exists() for part in PORTAL_PARTS):
            return root
    raise UserError("the default content was not found; reinstall the generator "
                    "(pip install taalcoach-portaal from a checkout or git URL)")


def generator_version() -> str:
    try:
        return metadata.version("taalcoach-portaal")
    except metadata.PackageNotFoundError:  # running from a checkout that was never installed
        return "0.0.0"


def _templates() -> Traversable:
    return resources.files("generator").joinpath("templates", "nieuw")


def _fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace(f"__{key}__", value)
    return text


def _walk(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found += _walk(entry, f"{prefix}{entry.name}/")
        else:
            found.append((f"{prefix}{entry.name}", entry))
    return found


def scaffold(target: Path, *, empty: bool = False, source: str | None = None) -> list[Path]:
    """Write a new organisation repository into ``target``; refuse to overwrite anything."""
    names = {"README.md", "requirements.txt", "Makefile", "mkdocs.yml", "content", "quizzes", "docs"}
    existing = sorted(name for name in names if (target / name).exists())
    if existing:
        raise UserError(f"{target} already has {', '.join(existing)}; choose an empty folder "
                        "(nothing was changed — hand-written files are never overwritten)")
    version = generator_version()
    name = target.resolve().name
    values = {
        "VERSIE": version, "MAP": name, "TITEL": "Taalcoach-portaal", "ORGANISATIE": "Onze taalcoach-organisatie",
        "BRON": _fill(source or os.environ.get(SOURCE_ENV) or DEFAULT_SOURCE, {"VERSIE": version}),
        "START": START["leeg" if empty else "basis"],
    }
    files: dict[str, str] = {}
    templates = _templates()
    for template, rel in REPO_FILES.items():
        files[rel] = _fill(templates.joinpath(*template.split("/")).read_text(encoding="utf-8"), values)
    for rel, entry in _walk(templates.joinpath("leeg" if empty else "basis")):
        files[rel] = _fill(entry.read_text(encoding="utf-8"), values)
    from generator.schema import json_schemas

    for kind, schema in json_schemas("nl").items():
        files[f"schemas/{kind}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    created = []
    for rel, text in sorted(files.items()):
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        created.append(path)
    if not (target / ".git").exists() and shutil.which("git"):
        subprocess.run(["git", "init", "--quiet", "--initial-branch=main", str(target)], check=False)
    return created
