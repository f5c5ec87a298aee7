"""An organisation's portal on top of the default content (``basis: standaard``): override by
id, hide with ``verbergen:``, add own items, references across layers, upstream fixes arrive
with the package."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_ok
from generator import layers
from generator.build import load_portal
from generator.errors import ContentErrors
from generator.pages import render_pages

SITE = """\
basis: standaard
verbergen:
  modules: [vrijwilliger-in-de-klas]
title: Taalmaatjes Noord
description: Oefenen met je taalmaatje in Noord.
organisation:
  name: Taalmaatjes Noord
"""
OWN_METHOD = """\
name: Voorbeeldmethode Noord
example: true
levels: [A1]
description: De methode van onze eigen taalschool.
chapters:
  - number: 1
    title: Eerste stappen in Noord
    level: A1
    themes: [geld, kennismaken]
"""


def make_layered(root: Path) -> Path:
    """Only what is the organisation's: site.yml, one overridden theme, one own method."""
    (root / "content/themes").mkdir(parents=True)
    (root / "content/methods").mkdir()
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content/site.yml").write_text(SITE, encoding="utf-8")
    theme = (ROOT / "content/themes/geld.yml").read_text(encoding="utf-8")
    assert theme.startswith("title: Geld\n")
    (root / "content/themes/geld.yml").write_text(theme.replace("title: Geld\n", "title: Geld in Noord\n", 1),
                                                  encoding="utf-8")
    (root / "content/methods/noord-methode.yml").write_text(OWN_METHOD, encoding="utf-8")
    (root / "docs").mkdir()  # MkDocs needs the folder; the demo's own pages are not inherited
    (root / "docs/over.md").write_text("# Over Taalmaatjes Noord\n\nWie we zijn.\n", encoding="utf-8")
    return root


@pytest.fixture
def layered(tmp_path: Path) -> Path:
    return make_layered(tmp_path / "noord")


def test_layers_override_hide_and_add(layered: Path) -> None:
    demo = load_portal(ROOT)
    portal = load_portal(layered)
    assert portal.theme("geld").title == "Geld in Noord"
    assert "vrijwilliger-in-de-klas" not in {m.id for m in portal.modules}
    assert {m.id for m in portal.modules} == {m.id for m in demo.modules} - {"vrijwilliger-in-de-klas"}
    assert {t.id for t in portal.themes} == {t.id for t in demo.themes}
    assert {m.id for m in portal.methods} == {m.id for m in demo.methods} | {"noord-methode"}
    assert not any(q.module == "vrijwilliger-in-de-klas" for q in portal.quizzes)  # its quiz left with it
    assert all("vrijwilliger-in-de-klas" not in r.modules for r in portal.routes)  # no dangling route entry
    assert portal.source_of("theme", "geld") == "content/themes/geld.yml"  # own file: edit link
    assert portal.source_of("theme", "wonen") is None  # base file: nothing to edit in this repository


@pytest.mark.slow
def test_layered_portal_builds_with_the_override_and_without_the_hidden_module(layered: Path,
                                                                               tmp_path: Path) -> None:
    site = build_ok(layered, tmp_path / "site", "--no-pdf")
    assert (site / "oefenen/thema/geld/index.html").read_text(encoding="utf-8").count("Geld in Noord") >= 1
    assert not (site / "training/vrijwilliger-in-de-klas").exists()
    assert (site / "training/oefenen-met-spreken/index.html").exists()  # the rest of the defaults
    assert (site / "oefenen/methodes/noord-methode/index.html").exists()
    assert "vrijwilliger-in-de-klas" not in (site / "training/index.html").read_text(encoding="utf-8")


def test_a_fix_in_the_package_reaches_the_portal_on_the_next_build(layered: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "package-base"
    for part in ("content", "quizzes"):
        shutil.copytree(ROOT / part, base / part)
    monkeypatch.setitem(layers.BASE_LAYERS, "standaard", lambda: base)
    assert "Wonen" in render_pages(load_portal(layered)).pages["oefenen/thema/wonen.md"]
    path = base / "content/themes/wonen.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Wonen\n", "title: Wonen en huren\n", 1),
                    encoding="utf-8")
    assert load_portal(layered).theme("wonen").title == "Wonen en huren"
    # A broken base file is reported with its layer, not as one of the portal's own files.
    path.write_text("title: [\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_portal(layered)
    [error] = info.value.errors
    assert error.layer == "standaard" and error.path == "content/themes/wonen.yml"
    assert "(in basislaag 'standaard')" in error.render("nl")


def test_own_files_may_not_use_a_hidden_item(layered: Path) -> None:
    method = layered / "content/methods/noord-methode.yml"
    method.write_text(OWN_METHOD.replace("[geld, kennismaken]", "[geld, wonen]"), encoding="utf-8")
    site = layered / "content/site.yml"
    site.write_text(SITE.replace("modules: [vrijwilliger-in-de-klas]",
                                 "modules: [vrijwilliger-in-de-klas]\n  themes: [wonen, boodschapen]"),
                    encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_portal(layered)
    errors = [str(e) for e in info.value.errors]
    assert "content/methods/noord-methode.yml:9:20: 'wonen' is hidden by 'verbergen' in content/site.yml — " \
           "remove 'wonen' from 'verbergen', or stop referring to it" in errors
    assert "content/site.yml:4:19: unknown theme 'boodschapen' in 'verbergen' — did you mean 'boodschappen'?" \
        in errors


def test_without_basis_nothing_of_the_default_content_appears(layered: Path) -> None:
    site = layered / "content/site.yml"
    site.write_text(SITE.replace("basis: standaard\n", "").replace(
        "verbergen:\n  modules: [vrijwilliger-in-de-klas]\n", ""), encoding="utf-8")
    with pytest.raises(ContentErrors) as info:
        load_portal(layered)
    errors = [str(e) for e in info.value.errors]
    assert "content/routes.yml:1:1: file is missing — create content/routes.yml; " \
           "`python -m generator new DIR` makes a complete example" in errors
    assert any(e.startswith("content/methods/noord-methode.yml:9:20: unknown theme 'kennismaken'") for e in errors)
