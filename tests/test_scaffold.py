"""`new DIR` in-process: the files of an organisation repository and what they promise; the
`toets` gates catch what they claim to. (The end-to-end run is test_new_repository.py.)"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.build import load_portal
from generator.errors import UserError
from generator.gates import check_site
from generator.scaffold import generator_version, scaffold


@pytest.fixture(scope="module")
def repos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("repos")
    scaffold(base / "standaard", source="/wheels")
    scaffold(base / "leeg", empty=True, source="/wheels")
    return {"standaard": base / "standaard", "leeg": base / "leeg"}


def test_both_kinds_of_portal_are_valid_without_warnings(repos: dict[str, Path]) -> None:
    for root in repos.values():
        assert load_portal(root).warnings == ()
    assert load_portal(repos["leeg"]).modules[0].title == "Voorbeeldmodule"


def test_requirements_pin_the_exact_version_and_the_source(repos: dict[str, Path]) -> None:
    lines = (repos["standaard"] / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "--find-links /wheels" in lines and f"taalcoach-portaal=={generator_version()}" in lines


def test_workflows_publish_on_main_and_check_every_pull_request(repos: dict[str, Path]) -> None:
    workflows = repos["standaard"] / ".github/workflows"
    publish = yaml.safe_load((workflows / "publiceren.yml").read_text(encoding="utf-8"))
    check = yaml.safe_load((workflows / "controle.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key 'on' as True
    assert "pull_request" in check[True]
    uses = [step.get("uses", "") for job in publish["jobs"].values() for step in job["steps"]]
    for action in ("actions/checkout@v5", "actions/setup-python@v6", "actions/configure-pages@v5",
                   "actions/upload-pages-artifact@v4", "actions/deploy-pages@v4"):
        assert action in uses
    setup = next(s for s in publish["jobs"]["bouwen"]["steps"] if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert any(step.get("run") == "make test" for step in check["jobs"]["controleren"]["steps"])
    for workflow in (publish, check):  # converted pages and PDFs are kept: later builds convert only edits
        caches = [s for job in workflow["jobs"].values() for s in job["steps"]
                  if s.get("uses", "").startswith("actions/cache@")]
        assert caches and caches[0]["with"]["path"] == ".cache"
    dependabot = yaml.safe_load((repos["standaard"] / ".github/dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in dependabot["updates"]} == {"pip", "github-actions"}


def test_editor_schemas_are_wired_and_dutch(repos: dict[str, Path]) -> None:
    root = repos["standaard"]
    settings = json.loads((root / ".vscode/settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    assert {Path(p).name for p in wired} == {p.name for p in (root / "schemas").glob("*.schema.json")}
    undescribed = []
    for path in (root / "schemas").glob("*.schema.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        for name, model in [("", schema), *schema.get("$defs", {}).items()]:
            for field, prop in model.get("properties", {}).items():
                if not prop.get("description"):
                    undescribed.append(f"{path.name}: {name}.{field}")
    assert undescribed == []
    site = json.loads((root / "schemas/site.schema.json").read_text(encoding="utf-8"))
    assert site["properties"]["title"]["description"].startswith("Titel van het portaal")


def test_new_never_overwrites(repos: dict[str, Path]) -> None:
    readme = repos["leeg"] / "README.md"
    before = readme.read_text(encoding="utf-8")
    with pytest.raises(UserError, match="never overwritten"):
        scaffold(repos["leeg"])
    assert readme.read_text(encoding="utf-8") == before


def _page(body: str, lang: str = "nl") -> str:
    return f'<html lang="{lang}"><head><title>T</title></head><body><h1>Kop</h1>{body}</body></html>'


def test_gates_catch_broken_links_other_hosts_and_language(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text(_page('<a href="a/">a</a> <a href="a/#kop">kop</a>'), encoding="utf-8")
    (site / "a/index.html").write_text(_page('<p id="kop"></p><a href="../">home</a>'), encoding="utf-8")
    assert check_site(site, "/portaal/") == []
    (site / "b.html").write_text(_page(
        '<a href="../weg/">x</a><a href="a/#nergens">y</a><a href="/elders/">z</a>'
        '<script src="https://cdn.example/x.js"></script><img src="a.png">', lang="en"), encoding="utf-8")
    problems = check_site(site, "/portaal/")
    assert any("../weg/" in p and "above the site root" in p for p in problems)
    assert any("no element with id 'nergens'" in p for p in problems)
    assert any("/elders/" in p and "sub-path" in p for p in problems)
    assert any("cdn.example" in p and "privacy" in p for p in problems)
    assert any('lang="en"' in p for p in problems)
    assert any("without alt" in p for p in problems)


def test_check_counts_agree_with_their_nouns(repos: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """The empty portal has one module: `check` says "1 module", not "1 modules"."""
    from generator import cli

    assert cli.main(["check", "--portal", str(repos["leeg"])]) == 0
    out = capsys.readouterr().out
    assert " uit 1 module, " in out and "1 modules" not in out
    one, two = dict.fromkeys(cli._NOUNS, 1), dict.fromkeys(cli._NOUNS, 2)
    assert cli.check_summary(one, "nl") == ("OK: 1 pagina uit 1 module, 1 thema, 1 hoofdstuk in 1 methode, "
                                            "1 quiz, 1 handout; 1 waarschuwing.")
    assert cli.check_summary(two, "nl") == ("OK: 2 pagina's uit 2 modules, 2 thema's, 2 hoofdstukken in 2 methodes, "
                                            "2 quizzen, 2 handouts; 2 waarschuwingen.")
    assert cli.check_summary({**one, "warning": 0}, "en") == ("OK: 1 page from 1 module, 1 theme, 1 chapter in "
                                                              "1 method, 1 quiz, 1 handout.")
    assert cli.check_summary({**two, "warning": 0}, "en").startswith("OK: 2 pages from 2 modules, 2 themes, ")
