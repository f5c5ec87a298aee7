"""The portal's own Dutch search (generator/search): same text processing in Python and in the
browser's script, quality on the Dutch query set, synonyms as content, chapter text indexed once.

The search script runs in node here (tests/search/run_search.js), on the index files of the
built demo site: what is measured is what the browser runs.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_ok
from generator import urls
from generator.build import load_portal
from generator.errors import ContentErrors
from generator.kinds import text_md
from generator.pages import render_pages
from generator.portal import Portal
from generator.search import search_files
from generator.search.documents import document
from generator.search.documents import documents as search_documents
from generator.search.text import fold, stem, terms, words

sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
from eval_search import load_queries, score  # noqa: E402

RUNNER = ROOT / "tests" / "search" / "run_search.js"
QUERIES = ROOT / "tests" / "benchmarks" / "search_queries.yml"


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory, demo_portal: Portal) -> Path:
    """The demo's search files as the build writes them, made in-process (no MkDocs build):
    the node runner needs only assets/taalcoach/search/."""
    site = tmp_path_factory.mktemp("search-site")
    for rel, data in search_files(demo_portal, render_pages(demo_portal), ROOT / "docs").items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    return site


def node_search(site: Path, request: dict) -> dict:
    done = subprocess.run(["node", str(RUNNER), str(site)], input=json.dumps(request),
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def search(site: Path, *queries: str) -> list[list[str]]:
    return node_search(site, {"queries": list(queries), "limit": 10})["results"]


# --- Dutch text processing ---------------------------------------------------------------

def test_text_processing_folds_accents_splits_compounds_and_keeps_numbers_exact() -> None:
    assert fold("Taalcafé coördinator Ideeën") == "taalcafe coordinator ideeen"
    assert words("taalcoach-organisatie") == ["taalcoach", "organisatie", "taalcoachorganisatie"]
    assert words("foto's") == ["foto"]
    assert stem("sollicitatiegesprekken") == stem("sollicitatiegesprek")
    assert stem("allergieën".replace("ë", "e")) == stem("allergie")
    assert stem("tussenevaluaties") == stem("tussenevaluatie")
    assert terms("hoofdstuk 1 en hoofdstuk 12") == ["hoofdstuk", "1", "hoofdstuk", "12"]
    assert terms("de het een") == []


@pytest.mark.parametrize("title", [
    'Taalhuis "Noord" <script>alert(1)</script> {{ 7*7 }}', "e_mail, *ster* & [haken] | C#",
    "1. Kennismaken", "- streepje ~tilde~ ^hoog^ ==mark== {: .klasse}", "Prijs: € 5,- (korting 10%)",
])
def test_search_shows_titles_as_written(title: str) -> None:
    """A page title reaches the search results as the editor wrote it: the escapes the page
    templates add so Markdown prints it literally (kinds.text_md) are undone, not half-stripped."""
    page = f"# {text_md(title)}\n\n## {text_md(title)}\n\nTekst met {text_md(title)}.\n"
    found = document("p.md", "page", "Sectie", page)
    assert found.title == title
    assert title in found.headings and title in found.body


def test_python_and_browser_stem_every_word_of_the_portal_identically(search_site: Path,
                                                                      demo_portal: Portal) -> None:
    rendered = render_pages(demo_portal)
    vocabulary = sorted({w for md in rendered.pages.values() for w in words(md)})
    tricky = ["fietsen", "fietst", "gefietst", "allergieen", "tussenevaluaties", "knieen", "huisarts",
              "gemeente", "kopje", "kopjes", "lopen", "liep", "gelopen", "mogelijkheden", "zieke",
              "koffie", "taalcafe", "coordinator", "a1", "12", "oudergesprekken", "ideeen", "bureaus"]
    sample = vocabulary + tricky
    assert len(vocabulary) > 1000, "the portal's words make a real sample"
    answer = node_search(search_site, {"stem": sample, "terms": ["Het Taalcafé, de taalcoach-organisatie en "
                                                                 "foto's van hoofdstuk 12; ideeën!"]})
    differ = [(w, stem(w), js) for w, js in zip(sample, answer["stems"], strict=True) if stem(w) != js]
    assert not differ, f"Python and JavaScript stem differently: {differ[:20]}"
    assert answer["terms"][0] == terms("Het Taalcafé, de taalcoach-organisatie en foto's van hoofdstuk 12; ideeën!")


# --- quality on the query set ------------------------------------------------------------

@pytest.mark.parametrize("query_file", [QUERIES, QUERIES.with_name("search_queries_holdout.yml")],
                         ids=["main", "holdout"])
def test_search_meets_the_agreed_minimums_on_the_dutch_query_set(search_site: Path, query_file: Path) -> None:
    queries = load_queries(query_file)
    assert len(queries) >= (80 if query_file == QUERIES else 30)
    table = score(queries, search(search_site, *(q["q"] for q in queries)))
    overall, typos = table["all"], table["typo"]
    assert overall["hit@5"] >= 0.90, table
    assert overall["hit@1"] >= 0.70, table
    assert typos["hit@5"] >= 0.85, table
    assert overall["zero"] <= 0.03, table


def test_ranking_puts_the_page_meant_above_quizzes_and_overviews(search_site: Path, demo_portal: Portal) -> None:
    module = next(m for m in demo_portal.modules if demo_portal.quiz_of_module(m))
    method = demo_portal.shown_methods[0]
    first, twelfth = method.chapters[0], method.chapters[-1]
    found = search(search_site, module.title, f"{method.name} hoofdstuk {first.number}",
                   f"{method.name} hoofdstuk {twelfth.number}", "het", "")
    assert found[0][0] == urls.page_url(urls.module(module.id)), "the module outranks its quiz"
    assert found[1][0] == urls.page_url(urls.chapter(method.id, first.number)), "1 is not 12"
    assert found[2][0] == urls.page_url(urls.chapter(method.id, twelfth.number))
    assert found[3] == [] and found[4] == [], "stop words alone find nothing, and are no prefixes"


def test_every_generated_page_is_found_by_its_title(search_site: Path, demo_portal: Portal) -> None:
    rendered = render_pages(demo_portal)
    titles = {path: next(line[2:].strip() for line in md.splitlines() if line.startswith("# "))
              for path, md in rendered.pages.items()}
    results = search(search_site, *titles.values())
    missing = [f"{path}: {title}" for (path, title), found in zip(titles.items(), results, strict=True)
               if urls.page_url(path) not in found]
    assert not missing, f"pages not found by their own title: {missing}"


# --- what is indexed ---------------------------------------------------------------------

def test_chapter_pages_do_not_index_the_theme_material_again(demo_portal: Portal) -> None:
    rendered = render_pages(demo_portal)
    docs = {d.path: d for d in search_documents(demo_portal, rendered, ROOT / "docs")}
    method = demo_portal.shown_methods[0]
    chapter = next(c for c in method.chapters if c.themes)
    theme = demo_portal.theme(chapter.themes[0])
    chapter_text = docs[urls.chapter(method.id, chapter.number)].body
    theme_text = docs[urls.theme(theme.id)].body
    example = theme.vocabulary[0].example
    assert example in theme_text
    assert example not in chapter_text, "the theme's material is indexed on the theme page only"
    assert theme.title in docs[urls.chapter(method.id, chapter.number)].headings, "its title stays"


def test_index_is_small_split_and_loaded_by_scripts(built_site: Path) -> None:
    folder = built_site / "assets" / "taalcoach" / "search"
    manifests = list(folder.glob("manifest.*.js"))
    assert len(manifests) == 1
    shards, blocks = list(folder.glob("t*.js")), list(folder.glob("d*.js"))
    assert len(shards) > 1 and len(blocks) > 1, "postings and page details come in parts"
    for part in [*manifests, *shards, *blocks]:
        assert part.read_text(encoding="utf-8").startswith("taalcoachSearch.receive(")
    assert not (built_site / "search" / "search_index.json").exists(), "Material's search is off"
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "assets/taalcoach/search/search.js" in home and "manifest." not in home


# --- synonyms as content -----------------------------------------------------------------

def _mini_copy(tmp_path: Path) -> Path:
    portal = tmp_path / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", portal)
    return portal


def test_synonym_file_errors_point_at_the_line(tmp_path: Path) -> None:
    portal = _mini_copy(tmp_path)
    (portal / "content" / "zoekwoorden.yml").write_text(
        "synonyms:\n  - [dokter, huisarts]\n  - [arts]\n  - [de, het]\n  - [Huisarts, baas]\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        load_portal(portal)
    report = caught.value.report("en")
    assert "content/zoekwoorden.yml:3:5: synonym group 2 has only 1 word" in report, report
    assert "content/zoekwoorden.yml:4:6: 'de' has no word" in report, report
    assert "content/zoekwoorden.yml:5:6: 'Huisarts' is already in synonym group 1" in report, report
    assert "zoekwoorden.yml:5:6: 'Huisarts' staat al in synoniemengroep 1" in caught.value.report("nl")


@pytest.mark.slow  # a full MkDocs build of a second portal
def test_non_demo_portal_finds_its_own_words_and_synonyms(tmp_path: Path) -> None:
    """A portal with content the demo does not have: a bicycle-lesson theme and own synonyms."""
    portal = _mini_copy(tmp_path)
    theme = (portal / "content/themes/kennismaken.yml").read_text(encoding="utf-8")
    theme = theme.replace("title: Kennismaken", "title: Fietsles voor volwassenen").replace(
        "summary: Oefenen met het thema Kennismaken.", "summary: Leren fietsen, remmen en voorrang geven.")
    theme = theme.replace("""  - word: afspraak
    article: de
    example: Ik heb een afspraak om tien uur.
  - word: formulier
    article: het
    example: Vul het formulier in.""", """  - word: zadel
    article: het
    example: Zet het zadel wat lager.
  - word: voorrangsregel
    article: de
    example: Ken je de voorrangsregels?
  - word: fietsenmaker
    article: de
    example: De fietsenmaker plakt de band.""")
    assert "zadel" in theme
    (portal / "content/themes/fietsles.yml").write_text(theme, encoding="utf-8")
    (portal / "content/zoekwoorden.yml").write_text("synonyms:\n  - [rijwiel, fiets]\n", encoding="utf-8")
    site = build_ok(portal, tmp_path / "site", "--no-pdf")
    found = search(site, "het zadel", "fietslessen", "voorrang", "rijwiel", "fietsemaker", "fiets les")
    page = urls.page_url(urls.theme("fietsles"))
    assert [r[:1] for r in found] == [[page]] * len(found), found


def test_export_carries_the_search_for_other_engines(tmp_path: Path, demo_portal: Portal) -> None:
    from generator.export import export_portal

    target = tmp_path / "export"
    export_portal(demo_portal, ROOT, target)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    plugins = yaml.safe_load(config)["plugins"]  # engine search listed only as switched off (Zensical
    assert all(p != "search" and p.get("search", {}).get("enabled") is False  # has it built in)
               for p in plugins if p == "search" or "search" in p), "no Material search in the export"
    assert "assets/taalcoach/search/search.js" in config
    folder = target / "docs" / "assets" / "taalcoach" / "search"
    assert list(folder.glob("manifest.*.js")) and (folder / "vendor" / "lunr.nl.js").exists()
