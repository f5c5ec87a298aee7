"""The export builds with other engines: Zensical (Material's successor) and ProperDocs.

Material for MkDocs reaches end of life in 2027; these tests keep the exported portal
buildable elsewhere: --strict, the same pages as our build, search, working quizzes,
no serious axe violations, edit links to the YAML sources, and a loud failure when an
engine runs the portal's own mkdocs.yml without our plugin.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_quality_gates import (
    _AXE_RUN_JS,
    AXE_COLOUR_RULES,
    AXE_EXTRA_RULES,
    AXE_JS,
    AXE_STRICT_RULES,
    AXE_TAGS,
    FAILING_IMPACTS,
)

import sitekit
from conftest import ROOT, run_cli
from generator import urls
from generator.build import load_portal
from generator.labels import Labels
from generator.portal import Portal

pytestmark = pytest.mark.slow  # every test here builds a site with an engine

BIN = Path(sys.executable).parent
ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": f"{BIN}:/usr/bin:/bin", "NO_COLOR": "1"}


def engine(name: str) -> Path:
    """An engine's command; missing means the test environment is incomplete (a failure)."""
    path = BIN / name
    assert path.exists(), f"{name} is not installed in {BIN}; `make install` installs the test tools"
    return path


def export(portal: Path, target: Path) -> Path:
    result = run_cli("export", str(target), "--portal", str(portal))
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def build_with(name: str, export_dir: Path, site: Path) -> Path:
    """`<engine> build --strict` of an export; Zensical writes to the config's site_dir."""
    if name == "zensical":
        command = [str(engine(name)), "build", "--strict", "--clean", "-f", str(export_dir / "mkdocs.yml")]
    else:
        command = [str(engine(name)), "build", "--strict", "-f", str(export_dir / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, cwd=export_dir, capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    if name == "zensical":
        shutil.move(export_dir / "site", site)
    return site


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(ROOT, tmp_path_factory.mktemp("export") / "export")


@pytest.fixture(scope="module")
def zensical_site(exported: Path) -> Path:
    return build_with("zensical", exported, exported.parent / "site-zensical")


def search_data(site: Path) -> str:
    """The portal's own search index (generator/search) as built into a site, all shards."""
    folder = site / "assets" / "taalcoach" / "search"
    assert list(folder.glob("manifest.*.js")), f"no search index in {site}"
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.js")))


def test_zensical_builds_the_export_strict_with_the_same_pages(zensical_site: Path, built_site: Path) -> None:
    assert html_pages(zensical_site) == html_pages(built_site)


def test_properdocs_builds_the_export_strict_with_the_same_pages(exported: Path, built_site: Path) -> None:
    site = build_with("properdocs", exported, exported.parent / "site-properdocs")
    assert html_pages(site) == html_pages(built_site)
    assert "Pagina niet gevonden" in (site / "404.html").read_text(encoding="utf-8")
    assert "assets/taalcoach/search/search.js" in (site / "index.html").read_text(encoding="utf-8")
    assert search_data(site)


def test_zensical_site_has_search_over_the_generated_pages(zensical_site: Path, demo_portal: Portal) -> None:
    text = search_data(zensical_site)
    for module in demo_portal.modules:
        assert module.title in text, f"search does not know module page {module.title!r}"
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert "assets/taalcoach/search/search.js" in home  # the portal's search UI mounts from this script


def test_zensical_404_links_home_under_the_sub_path(zensical_site: Path) -> None:
    page = (zensical_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert f'<a href="{sitekit.SUB_PATH}">' in page


def copy_portal(target: Path) -> Path:
    """The demo portal's own files (mkdocs.yml with the plugin, docs/, content/, quizzes/)."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "content", "quizzes"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, target / name)
    return target


def test_export_edit_links_open_the_yaml_source_on_the_configured_branch(tmp_path: Path) -> None:
    portal = copy_portal(tmp_path / "portal")
    site_yml = portal / "content" / "site.yml"
    text = site_yml.read_text(encoding="utf-8").replace("features:\n", "features:\n  editor_links: true\n", 1)
    assert "editor_links: true" in text
    site_yml.write_text(text + "repo_branch: werkversie\n", encoding="utf-8")
    out = export(portal, tmp_path / "export")
    site = build_with("zensical", out, tmp_path / "site")
    module = next((portal / "content" / "modules").glob("*.yml")).stem
    page = (site / "training" / module / "index.html").read_text(encoding="utf-8")
    repo = load_portal(portal).site.repo_url.rstrip("/")
    assert f'href="{repo}/edit/werkversie/content/modules/{module}.yml"' in page
    assert "/edit/master/" not in page and "/docs/training/" not in page


@pytest.mark.parametrize("origin", ["demo", "new"])
def test_an_engine_that_ignores_the_plugin_fails_loudly(origin: str, tmp_path: Path) -> None:
    """Zensical skips plugins it does not know; without ours it would build 3 pages and succeed.
    The same holds in a repository made by `new`, which an organisation may try it on."""
    if origin == "demo":
        portal = copy_portal(tmp_path / "portal")
    else:
        portal = tmp_path / "portal"
        assert run_cli("new", str(portal)).returncode == 0
    result = subprocess.run([str(engine("zensical")), "build", "--strict"], cwd=portal, capture_output=True,
                            text=True, env=ENV)
    assert result.returncode != 0
    said = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)  # Zensical colours each letter
    assert "taalcoach-plugin niet uitgevoerd" in said


@pytest.fixture(scope="module")
def zensical_url(zensical_site: Path) -> Iterator[str]:
    with sitekit.serve(zensical_site) as url:
        yield url


@pytest.mark.browser
def test_zensical_site_quiz_works_and_has_no_serious_axe_violation(browser: object, zensical_url: str,
                                                                  demo_portal: Portal) -> None:
    L = Labels(demo_portal.site.labels)
    quiz = next(q for q in demo_portal.quizzes if any(x.type == "single" for x in q.questions))
    index, question = next((i, x) for i, x in enumerate(quiz.questions) if x.type == "single")
    right = next(o for o in question.options if o.correct)
    method = demo_portal.shown_methods[0]
    sample = [urls.HOME, urls.quiz(quiz.id), urls.module(demo_portal.modules[0].id), urls.PRACTICE,
              urls.method(method.id), urls.chapter(method.id, method.chapters[0].number),
              urls.theme(demo_portal.themes[0].id), urls.LEVELS, urls.THEMES]
    context = browser.new_context(locale="nl-NL", color_scheme="light")  # type: ignore[attr-defined]
    context.add_init_script(script=AXE_JS.read_text(encoding="utf-8"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(zensical_url + urls.quiz(quiz.id).removesuffix(".md") + "/")
        fieldset = page.locator("fieldset.tc-q").nth(index)
        fieldset.get_by_label(right.text, exact=True).check()
        fieldset.get_by_role("button", name=L.quiz_check).click()
        assert L.quiz_right in fieldset.locator(".tc-q__feedback").inner_text()
        module = demo_portal.modules[0]
        page.keyboard.press("/")  # the portal's search, as a keyboard user opens it
        page.locator("input.md-search__input").fill(module.title)
        first = page.locator(".md-search-result__item a").first
        first.wait_for()
        assert module.title in first.inner_text()
        serious: list[str] = []
        for md in sample:
            stem = md.removesuffix(".md")
            rel = stem.removesuffix("index") if stem.endswith("index") else stem + "/"
            page.goto(zensical_url + rel, wait_until="load")
            page.add_style_tag(content=sitekit.NO_MOTION_CSS)
            for v in page.evaluate(_AXE_RUN_JS, [AXE_TAGS, AXE_EXTRA_RULES, AXE_COLOUR_RULES, False]):
                if v["impact"] in FAILING_IMPACTS or v["id"] in AXE_STRICT_RULES:
                    serious += [f"{rel} → {v['id']}: {n['target']}" for n in v["nodes"]]
        assert serious == []
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize("name", ["zensical", "properdocs"])
def test_exported_404_speaks_the_portals_own_labels(tmp_path: Path, name: str) -> None:
    """An organisation's label overrides (volunteer word included) reach the theme's 404 page
    of an exported build too, as text: the engine fills them from the exported mkdocs.yml."""
    portal = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    with (portal / "content" / "site.yml").open("a", encoding="utf-8") as site_yml:
        site_yml.write("labels:\n  volunteer: taalmaatje\n  volunteers: taalmaatjes\n  volunteer_article: het\n"
                       "  not_found_title: Zoek & vind <niets>\n"
                       "  not_found_home: Terug naar {the_volunteer}\n")
    site = build_with(name, export(portal, tmp_path / "export"), tmp_path / "site")
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Zoek &amp; vind &lt;niets&gt;</h1>" in page
    assert ">Terug naar het taalmaatje</a>" in page
    assert "Deze pagina bestaat niet (meer)." in page  # a label the portal left alone
