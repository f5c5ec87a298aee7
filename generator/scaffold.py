"""``new DIR``: start an organisation's portal from the default (demo) content."""
from __future__ import annotations

import shutil
from pathlib import Path

from generator.errors import UserError

# What an organisation's repository needs; everything else ships inside the package.
PORTAL_PARTS = ("mkdocs.yml", "content", "quizzes", "docs")


def default_portal() -> Path:
    """The demo portal: shipped inside the package by a wheel build (setup.py), or the
    repository root in a source checkout / editable install."""
    package = Path(__file__).resolve().parent
    for root in (package / "default_portal", package.parent):
        if all((root / part).exists() for part in PORTAL_PARTS):
            return root
    raise UserError("the default content was not found; reinstall the generator "
                    "(pip install taalcoach-portaal from a checkout or git URL)")


def scaffold(target: Path) -> list[Path]:
    """Copy the default portal into ``target``; refuse to overwrite anything that exists."""
    source = default_portal()
    existing = [part for part in PORTAL_PARTS if (target / part).exists()]
    if existing:
        raise UserError(f"{target} already has {', '.join(existing)}; choose an empty folder "
                        "(nothing was changed — hand-written files are never overwritten)")
    target.mkdir(parents=True, exist_ok=True)
    created: list[Path] = []
    for part in PORTAL_PARTS:
        src = source / part
        if src.is_dir():
            shutil.copytree(src, target / part)
            created += [p for p in (target / part).rglob("*") if p.is_file()]
        else:
            shutil.copy2(src, target / part)
            created.append(target / part)
    gitignore = target / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("site/\n.cache/\n__pycache__/\n", encoding="utf-8")
        created.append(gitignore)
    return created
