"""The demo portal builds with --strict into the expected pages, deterministically."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, engine_modules_imported, run_cli
from generator import urls
from generator.build import load_portal
from generator.pages import nav_paths, render_pages
from generator.portal import Portal


def expected_files(portal: Portal) -> set[str]:
    """The portal's public addresses, written out: the contract that links, bookmarks and printed
    QR codes rely on. Deliberately not computed with generator.urls, which this test checks."""
    files = {"index.html", "leerroutes/index.html", "taakverdeling/index.html",
             "taakverdeling/wel-en-niet-doen/index.html", "training/index.html", "oefenen/index.html",
             "oefenen/thema/index.html", "oefenen/niveau/index.html", "handouts/index.html"}
    files |= {f"leerroutes/{r.id}/index.html" for r in portal.routes}
    files |= {f"taakverdeling/rollen/{r.id}/index.html" for r in portal.roles}
    files |= {f"training/{m.id}/index.html" for m in portal.modules}
    files |= {f"oefenen/thema/{t.id}/index.html" for t in portal.themes}
    for m in portal.shown_methods:
        files.add(f"oefenen/methodes/{m.id}/index.html")
        files |= {f"oefenen/methodes/{m.id}/hoofdstuk-{c.number}/index.html" for c in m.chapters}
    if portal.quizzes:
        files |= {"quizzen/index.html"} | {f"quizzen/{q.id}/index.html" for q in portal.quizzes}
    if portal.plan:
        files.add("taakverdeling/stappenplan/index.html")
    return files


def html_path(site: Path, md: str) -> Path:
    return site / urls.html_file(md)


def test_every_page_kind_is_built(built_site: Path, demo_portal: Portal) -> None:
    missing = sorted(f for f in expected_files(demo_portal) if not (built_site / f).exists())
    assert not missing
    assert (built_site / "over" / "index.html").exists(), "hand-written docs/over.md is part of the site"


def test_pages_are_dutch_and_carry_content(built_site: Path, demo_portal: Portal) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    for label in ("Ik ben taalcoach", "Ik ben trainer", "Ik ben coördinator"):
        assert label in home
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Pagina niet gevonden</h1>" in not_found and 'href="/taalcoach-portaal/"' in not_found
    theme = demo_portal.themes[0]
    page = html_path(built_site, urls.theme(theme.id)).read_text(encoding="utf-8")
    assert theme.vocabulary[0].word in page and "Woordenlijst" in page


def test_trainer_notes_are_folded_away(built_site: Path, demo_portal: Portal) -> None:
    module = next(m for m in demo_portal.modules if any(s.trainer_notes for s in m.sections))
    page = html_path(built_site, urls.module(module.id)).read_text(encoding="utf-8")
    assert '<details class="trainer">' in page and "<summary>Voor de trainer</summary>" in page
    assert '<details class="trainer" open' not in page


def test_cross_links_run_both_ways(built_site: Path, demo_portal: Portal) -> None:
    route = demo_portal.routes[0]
    module = demo_portal.modules_of_route(route)[0]
    route_html = html_path(built_site, urls.route(route.id)).read_text(encoding="utf-8")
    module_html = html_path(built_site, urls.module(module.id)).read_text(encoding="utf-8")
    assert f'href="../../training/{module.id}/"' in route_html
    assert f'href="../../leerroutes/{route.id}/"' in module_html
    theme = next(t for t in demo_portal.themes if demo_portal.chapters_of_theme(t))
    chapter = demo_portal.chapters_of_theme(theme)[0]
    theme_html = html_path(built_site, urls.theme(theme.id)).read_text(encoding="utf-8")
    chapter_html = html_path(built_site, urls.chapter(chapter.method.id, chapter.number)).read_text("utf-8")
    assert f"methodes/{chapter.method.id}/hoofdstuk-{chapter.number}/" in theme_html
    assert f"thema/{theme.id}/" in chapter_html


def test_every_generated_page_is_reachable_from_the_navigation(demo_portal: Portal) -> None:
    # (that every page is found by its title is tested on the portal's own search, test_search.py)
    rendered = render_pages(demo_portal)
    assert set(rendered.pages) <= nav_paths(rendered.nav)


def test_no_reference_to_other_hosts_in_built_assets(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
    for tag in ("<script src=\"http", "<link rel=\"stylesheet\" href=\"http"):
        assert tag not in home


@pytest.mark.slow  # renders the demo in two fresh interpreters
def test_two_renders_are_byte_identical(demo_portal: Portal) -> None:
    first, second = render_pages(demo_portal), render_pages(demo_portal)
    assert first.pages == second.pages and first.nav == second.nav
    script = ("import json,sys; from generator.build import load_portal; "
              "from generator.pages import nav_paths, render_pages;"
              "r=render_pages(load_portal(sys.argv[1])); print(json.dumps(r.pages, sort_keys=True))")
    runs = [subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True,
                           env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}, check=True).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1] == json.dumps(first.pages, sort_keys=True) + "\n"


def test_core_does_not_import_mkdocs() -> None:
    assert engine_modules_imported(
        "import sys; import generator.build, generator.pages, generator.model, generator.portal, "
        "generator.export, generator.cli; generator.pages.render_pages(generator.build.load_portal(sys.argv[1]))") == []


@pytest.mark.slow  # a full MkDocs build
def test_export_builds_without_the_plugin(tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert run_cli("export", str(out), "--portal", str(ROOT)).returncode == 0
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "taalcoach" not in config.split("plugins:")[1].split("\n", 3)[1]
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(out / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "training" / "index.html").exists()
    assert "primary: custom" in config, "the export keeps the portal's accessible palette"
    assert "<h1>Pagina niet gevonden</h1>" in (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    # the plugin's fast renderers stay behind: other engines get the theme's own partials
    assert (out / "overrides" / "partials" / "nav.html").is_file()
    assert not (out / "overrides" / "partials" / "toc.html").exists()
    assert not (out / "overrides" / "partials" / "tabs.html").exists()
    # exporting again over its own output is fine; over a hand-written folder is refused
    assert run_cli("export", str(out), "--portal", str(ROOT)).returncode == 0
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.md").write_text("mijn tekst", encoding="utf-8")
    refused = run_cli("export", str(tmp_path / "mine"), "--portal", str(ROOT))
    assert refused.returncode == 1 and (tmp_path / "mine" / "notes.md").read_text(encoding="utf-8") == "mijn tekst"


def test_new_scaffolds_a_portal_that_builds_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "org"
    assert run_cli("new", str(target)).returncode == 0
    assert run_cli("check", "--portal", str(target)).returncode == 0
    (target / "content" / "site.yml").write_text("title: Eigen\n", encoding="utf-8")
    again = run_cli("new", str(target))
    assert again.returncode == 1 and "nooit overschreven" in again.stderr
    assert (target / "content" / "site.yml").read_text(encoding="utf-8") == "title: Eigen\n"


def test_serve_watches_content_and_quizzes(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    class FakeServer:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["taalcoach"]
    config = config.plugins.on_config(config)
    server = plugin.on_serve(FakeServer(), config=config, builder=lambda: None)
    assert {Path(p).name for p in server.watched} == {"content", "quizzes"}


def test_schema_command_describes_every_source_kind(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    module = json.loads((tmp_path / "module.schema.json").read_text(encoding="utf-8"))
    assert "learning_goals" in module["properties"] and module["additionalProperties"] is False


def test_readers_see_no_editor_widgets_by_default(built_site: Path, demo_portal: Portal) -> None:
    """The repository widget and the edit pencil are for editors (site.yml features.editor_links)."""
    assert demo_portal.site.repo_url and not demo_portal.site.features.editor_links
    for page in (html_path(built_site, urls.module(demo_portal.modules[0].id)), built_site / "index.html"):
        text = page.read_text(encoding="utf-8")
        assert 'class="md-source"' not in text and "md-content__button" not in text
        assert demo_portal.site.repo_url.rstrip("/") not in text


def test_site_yml_switches_editor_links_on_and_the_offline_copy_off(tmp_path: Path) -> None:
    import shutil

    import yaml

    from generator.labels import Labels

    root = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    site_yml = root / "content" / "site.yml"
    data = yaml.safe_load(site_yml.read_text(encoding="utf-8"))
    data["features"] = {**data.get("features", {}), "editor_links": True, "offline_copy": False}
    site_yml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = tmp_path / "site"
    result = run_cli("build", "--no-pdf", "--portal", str(root), "--site-dir", str(site))
    assert result.returncode == 0, result.stdout + result.stderr
    repo = data["repo_url"].rstrip("/")
    module_id = sorted(p.stem for p in (root / "content" / "modules").glob("*.yml"))[0]
    page = html_path(site, urls.module(module_id)).read_text(encoding="utf-8")
    assert f'href="{repo}/edit/main/content/modules/{module_id}.yml"' in page
    assert 'class="md-source"' in page
    about = (site / "over" / "index.html").read_text(encoding="utf-8")
    assert f'href="{repo}/edit/main/docs/over.md"' in about
    assert not (site / urls.OFFLINE_DIR).exists()
    assert Labels().offline_download not in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow  # a MkDocs build
def test_nav_titles_are_text_not_markup(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    module = root / "content" / "modules" / "oefenen-met-spreken.yml"
    module.write_text(module.read_text(encoding="utf-8").replace(
        "title: Oefenen met spreken en woordenschat", "title: 'Spreken & <b>woorden</b>'"), encoding="utf-8")
    site = tmp_path / "site"
    assert run_cli("build", "--no-pdf", "--portal", str(root), "--site-dir", str(site)).returncode == 0
    training = (site / "training" / "index.html").read_text(encoding="utf-8")
    nav = training.split('<nav class="md-nav md-nav--primary', 1)[1].split('<div class="md-content"', 1)[0]
    assert "Spreken &amp; &lt;b&gt;woorden&lt;/b&gt;" in nav
    assert "<b>woorden</b>" not in nav


@pytest.mark.slow  # two MkDocs builds
def test_site_url_comes_from_site_yml_or_the_workflow_environment(portal: Path, tmp_path: Path) -> None:
    mini = portal  # a copy: a build writes its page cache into the portal folder
    from_yaml = tmp_path / "a"
    assert run_cli("build", "--no-pdf", "--portal", str(mini), "--site-dir", str(from_yaml)).returncode == 0
    assert '<link rel="canonical" href="https://voorbeeld.github.io/taalcoach-portaal/training/">' in \
        (from_yaml / "training" / "index.html").read_text(encoding="utf-8")
    from_env = tmp_path / "b"
    result = run_cli("build", "--no-pdf", "--portal", str(mini), "--site-dir", str(from_env),
                     env={"TAALCOACH_SITE_URL": "https://stichting-x.github.io/oefenportaal/"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert '<link rel="canonical" href="https://stichting-x.github.io/oefenportaal/training/">' in \
        (from_env / "training" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow  # builds the wheel's files with setup.py
def test_new_works_from_an_installed_package_not_only_a_checkout(tmp_path: Path) -> None:
    """A wheel carries the demo portal (setup.py's build_py), so `new` works after pip install."""
    lib = tmp_path / "lib"
    built = subprocess.run([sys.executable, "setup.py", "-q", "build_py", "--build-lib", str(lib)], cwd=ROOT,
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (lib / "generator" / "default_portal" / "content" / "site.yml").exists()
    target = tmp_path / "org"
    result = subprocess.run([sys.executable, "-m", "generator", "new", str(target)], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(lib), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    # The repository files come from the package's templates; the default content stays in the
    # package as the base layer, and the new portal builds on it.
    assert (target / "README.md").exists() and (target / "mkdocs.yml").exists()
    assert "basis: standaard" in (target / "content" / "site.yml").read_text(encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "generator", "--lang", "en", "check", "--portal", str(target)],
                             cwd=tmp_path, capture_output=True, text=True,
                             env={"PYTHONPATH": str(lib), "PATH": "/usr/bin:/bin"})
    assert checked.returncode == 0, checked.stderr
    assert f"{len(list((ROOT / 'quizzes').glob('*.yml')))} quizzes" in checked.stdout


def test_both_articles_plurals_and_routes_without_exam_level_render(tmp_path: Path) -> None:
    """gram takes de and het, 'buren' is plural, the Z-route has no exam level: say so, on screen and on paper."""
    from generator.handouts.documents import render_handouts

    portal = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    theme = portal / "content" / "themes" / "kennismaken.yml"
    theme.write_text(theme.read_text(encoding="utf-8").replace("vocabulary:\n", (
        "vocabulary:\n  - {word: gram, article: de/het, example: Mag ik 200 gram kaas?}\n"
        "  - {word: buren, article: de, plural: true, example: Onze buren zijn aardig.}\n"), 1), encoding="utf-8")
    routes = portal / "content" / "routes.yml"
    routes.write_text(routes.read_text(encoding="utf-8").replace("    target_level: A1\n", ""), encoding="utf-8")
    loaded = load_portal(portal)
    pages = render_pages(loaded).pages
    assert "| **gram** | de/het |" in pages["oefenen/thema/kennismaken.md"]
    assert "| **buren** | de (mv.) |" in pages["oefenen/thema/kennismaken.md"]
    assert "**Streefniveau:** zo hoog mogelijk (geen examenniveau)" in pages["leerroutes/z-route.md"]
    assert "| zo hoog mogelijk (geen examenniveau) |" in pages["leerroutes/index.md"]
    cards = [h.print_html for h in render_handouts(loaded) if "oefenkaart" in h.html_path]
    assert cards and any("<td>de (mv.)</td>" in c for c in cards)


def test_hand_written_page_titles_come_from_front_matter_or_heading_only(portal: Path) -> None:
    """The nav names a docs/ page by its front matter `title`, else its first heading; a line
    'title: x' in the page's text, or a '# comment' in its front matter, is not its title."""
    docs = portal / "docs"
    pages = {
        "lijst.md": "---\nauthor: Sanne\n---\n\n# Boekenlijst\n\nKenmerken:\n\ntitle: x\n\n---\n\nMeer.\n",
        "meta.md": "---\ntitle: 'Werk & inkomen'\n---\n\n# Anders\n",
        "opmerking.md": "---\n# een opmerking\nauthor: Sanne\n---\n\n# Opmerkingen\n",
        "scheiding.md": "Tekst\n\n---\ntitle: x\n---\n\n# Echte kop\n",
        "zonder-kop.md": "Alleen tekst.\n",
    }
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    loaded = load_portal(portal)
    titles = {d.path: d.title for d in loaded.docs}
    assert titles["lijst.md"] == "Boekenlijst"
    assert titles["meta.md"] == "Werk & inkomen"
    assert titles["opmerking.md"] == "Opmerkingen"  # a YAML comment is no heading
    assert titles["scheiding.md"] == "Echte kop"  # a thematic break further down is no front matter
    assert titles["zonder-kop.md"] == "Zonder kop"
    more = render_pages(loaded).nav[-1]
    assert isinstance(more, dict)
    listed = next(iter(more.values()))
    assert {"Werk &amp; inkomen": "meta.md"} in listed and {"Boekenlijst": "lijst.md"} in listed
