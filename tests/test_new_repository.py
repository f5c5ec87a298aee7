"""End to end, as a coordinator would: the built wheel in a fresh virtualenv, `taalcoach-portaal
new` into a fresh git repository, then the README's own commands there (make check, make test =
check + build --strict + quality gates), with the default content and with --leeg.

One wheel and one virtualenv serve both repositories (the Makefile's VENV), so the test costs
one install (~40 s from the pip cache) plus the builds.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ROOT
from generator import urls
from generator.build import load_portal

pytestmark = pytest.mark.slow

# What an organisation's repository holds, and nothing else (the rest comes from the package).
REPO_FILES = {
    ".github/dependabot.yml", ".github/workflows/controle.yml", ".github/workflows/publiceren.yml",
    ".gitignore", ".vscode/extensions.json", ".vscode/settings.json", "Makefile", "README.md",
    "docs/over.md", "mkdocs.yml", "requirements.txt", "content/site.yml",
    *(f"schemas/{kind}.schema.json" for kind in ("site", "routes", "roles", "tasks", "module", "theme",
                                                  "method", "quiz")),
}
EMPTY_EXTRA = {"content/routes.yml", "content/roles.yml", "content/tasks.yml", "content/modules/voorbeeld-module.yml",
               "content/themes/voorbeeld-thema.yml", "content/methods/voorbeeld-methode.yml",
               "quizzes/voorbeeld-module.yml"}
SKIP_IN_COPY = shutil.ignore_patterns(".git", ".venv", "node_modules", "site", "build", "dist", ".cache",
                                      "*.egg-info", "__pycache__", ".*_cache", "export", "default_portal")


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return result


def ok(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = run(args, cwd, env)
    assert result.returncode == 0, \
        f"{' '.join(args)} failed in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """(wheel folder, virtualenv) with the wheel built from a clean copy of this checkout."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(ROOT, source, ignore=SKIP_IN_COPY)
    wheels = work / "wheels"
    ok([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(source)], work)
    venv = work / "venv"
    ok([sys.executable, "-m", "venv", str(venv)], work)
    [wheel] = wheels.glob("taalcoach_portaal-*.whl")
    ok([str(venv / "bin/python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], work)
    yield wheels, venv


def new_repository(tmp_path: Path, installed: tuple[Path, Path], *flags: str) -> Path:
    wheels, venv = installed
    repo = tmp_path / "ons-portaal"
    repo.mkdir()
    ok(["git", "init", "--quiet", "--initial-branch=main"], repo)
    ok([str(venv / "bin/taalcoach-portaal"), "new", ".", "--bron", str(wheels), *flags], repo)
    return repo


def make(repo: Path, venv: Path, target: str, env: dict[str, str] | None = None) -> str:
    return ok(["make", target, f"VENV={venv}"], repo, env)


def files_of(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".git" not in p.parts}


def test_new_repository_on_the_default_content(tmp_path: Path, installed: tuple[Path, Path]) -> None:
    wheels, venv = installed
    repo = new_repository(tmp_path, installed)
    assert files_of(repo) == REPO_FILES
    version = ok([str(venv / "bin/python"), "-c",
                  "import importlib.metadata as m; print(m.version('taalcoach-portaal'))"], repo).strip()
    assert f"taalcoach-portaal=={version}" in (repo / "requirements.txt").read_text(encoding="utf-8").splitlines()
    readme = (repo / "README.md").read_text(encoding="utf-8")
    for command in re.findall(r"`(make \w+)`", readme):  # every command the README names exists
        assert run(["make", "-n", command.split()[1], f"VENV={venv}"], repo).returncode == 0, command
    assert "basis: standaard" in (repo / "content/site.yml").read_text(encoding="utf-8")

    assert "OK: " in make(repo, venv, "check")
    out = make(repo, venv, "test")
    assert "Kwaliteitscontrole:" in out and " 0 probleem" in out
    site = repo / "site"
    default = load_portal(ROOT)  # the base layer: every default module is on the site
    assert all((site / urls.html_file(urls.module(m.id))).is_file() for m in default.modules)
    # the demo's own pages (docs/) are not inherited: "Over ons" is the organisation's
    assert "Voorbeeldstad" not in (site / "over/index.html").read_text(encoding="utf-8")

    # Nothing generated is committed: .gitignore keeps site/ and caches out.
    ok(["git", "add", "-A"], repo)
    staged = set(ok(["git", "diff", "--cached", "--name-only"], repo).split())
    assert staged == REPO_FILES

    # A pull request with a mistake: annotations on the line, and `make check` fails.
    site_yml = repo / "content/site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8").replace("title: ", "titel: ", 1), encoding="utf-8")
    broken = run(["make", "check", f"VENV={venv}"], repo, {"GITHUB_ACTIONS": "true"})
    assert broken.returncode != 0
    line = next(n for n, text in enumerate(site_yml.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("titel:"))
    assert f"::error file=content/site.yml,line={line},col=1::onbekend veld 'titel'" in broken.stderr


def test_new_repository_leeg_starts_from_marked_examples(tmp_path: Path, installed: tuple[Path, Path]) -> None:
    wheels, venv = installed
    repo = new_repository(tmp_path, installed, "--leeg")
    assert files_of(repo) == REPO_FILES | EMPTY_EXTRA
    for rel in EMPTY_EXTRA:
        assert "VOORBEELD" in (repo / rel).read_text(encoding="utf-8"), f"{rel} is not marked as an example"
    assert "basis:" not in (repo / "content/site.yml").read_text(encoding="utf-8")
    out = make(repo, venv, "check")
    assert "uit 1 module," in out and "waarschuwing" not in out
    out = make(repo, venv, "test")
    assert " 0 probleem" in out
    make(repo, venv, "site")  # with PDF handouts, as the Pages workflow does
    assert list((repo / "site").rglob("*.pdf"))
    site_text = "\n".join(p.read_text(encoding="utf-8") for p in (repo / "site").rglob("*.html"))
    assert "Voorbeeldstad" not in site_text and "naar-de-dokter" not in site_text  # no demo content
