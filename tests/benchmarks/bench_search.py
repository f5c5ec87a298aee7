#!/usr/bin/env python3
"""Search bytes: what a page view and a first search download, at the demo's size and at ~2,000 pages.

For each portal: the whole index (raw and gzipped), what every page view loads for search (the
dialog script, its words and style; the index waits), and what a visitor's *first* search
downloads (manifest, stemmer, the postings shards and page blocks it needs — gzipped, as a
web server sends them), over every query of search_queries.yml, each in a fresh page. Targets
(issue 11): the index is not downloaded on page view; a first search ≤ 150 KB gzipped at
~2,000 pages. With --baseline also Material's search_index.json, which every first page view
downloads.

Run:  .venv/bin/python tests/benchmarks/bench_search.py [--sizes 1000] [--baseline]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import ROOT, _quiet  # noqa: E402
from eval_search import build, build_baseline, load_queries  # noqa: E402

FOLDER = Path("assets/taalcoach/search")
EAGER = ["config.js", "search.js", "search.css"]
STEMMER = ["vendor/lunr.stemmer.support.js", "vendor/lunr.nl.js"]


SYLLABLES = ("ba be bo da de di do ga ge go ka ke ko la le lo ma me mo na ne no pa pe po ra re ro "
             "sa se so ta te to va ve vo wa we wo za ze zo aan een oor ijk uis erk ang ing").split()


def pseudo_word(rng: random.Random) -> str:
    """A Dutch-looking word no dictionary has: the index must grow with new vocabulary."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def make_portal(folder: Path, n: int) -> Path:
    """The demo portal plus n themes and one method with n chapters (about 2n more pages).

    Unlike bench_build's copies of one theme, every synthetic theme is one of the demo's real
    themes with 15 words of its own, so the vocabulary grows as in a real portal (at n = 1000:
    ~15,000 distinct words) and the index cannot hide behind repetition."""
    shutil.copytree(ROOT, folder, ignore=shutil.ignore_patterns(".*", "site", "node_modules", "tests", "export"))
    rng = random.Random(n)
    themes = sorted((ROOT / "content/themes").glob("*.yml"))
    chapters = []
    for i in range(n):
        source = themes[i % len(themes)].read_text(encoding="utf-8")
        title = source.splitlines()[0]
        words = "".join(f'  - {{word: {w}, article: de, example: "Dit is de {w} van thema {i}."}}\n'
                        for w in (pseudo_word(rng) for _ in range(15)))
        text = source.replace(title, f"{title} {i}", 1).replace("vocabulary:\n", "vocabulary:\n" + words, 1)
        (folder / f"content/themes/synthetisch-{i:04d}.yml").write_text(text, encoding="utf-8")
        chapters.append(f"  - number: {i + 1}\n    title: {pseudo_word(rng).capitalize()} {pseudo_word(rng)}\n"
                        f"    level: A2\n    themes: [synthetisch-{i:04d}]\n")
    (folder / "content/methods/synthetisch.yml").write_text(
        "name: Synthetische methode\nexample: true\nlevels: [A2]\ndescription: Alleen voor de benchmark.\n"
        "chapters:\n" + "".join(chapters), encoding="utf-8")
    return folder


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def measure(site: Path, queries: list[str]) -> dict[str, float]:
    folder = site / FOLDER
    index = [p for p in folder.glob("*.js") if p.name.split(".")[0][0] in "mtd" and p.name != "search.js"]
    done = subprocess.run(["node", str(ROOT / "tests/search/run_search.js"), str(site)],
                          input=json.dumps({"firstSearch": queries}), capture_output=True, text=True, check=True)
    stemmer = sum(gz(folder / f) for f in STEMMER)
    first = [stemmer + sum(gz(folder / f) for f in files) for files in json.loads(done.stdout)["loaded"]]
    pages = sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in (site / "handouts").rglob("*.html"))
    return {
        "pages": pages,
        "index_raw": sum(p.stat().st_size for p in index),
        "index_gz": sum(gz(p) for p in index),
        "files": len(index),
        "page_view_gz": sum(gz(folder / f) for f in EAGER),
        "first_median_gz": statistics.median(first),
        "first_max_gz": max(first),
        "manifest_gz": sum(gz(p) for p in folder.glob("manifest.*.js")),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000],
                        help="synthetic themes (and chapters) per portal, besides the demo (2N+ pages)")
    parser.add_argument("--baseline", action="store_true", help="also measure Material's search_index.json")
    args = parser.parse_args()
    queries = [q["q"] for q in load_queries(Path(__file__).with_name("search_queries.yml"))]
    work = Path(tempfile.mkdtemp(prefix="bench-search-"))
    kb = 1024
    try:
        portals = [("demo", ROOT)] + [(f"synthetic {n}", make_portal(work / f"p{n}", n)) for n in args.sizes]
        baseline = "   Material index gz" if args.baseline else ""
        print(f"{'portal':<16}{'pages':>6}{'index KB':>10}{'index gz':>10}{'files':>7}{'page view gz':>14}"
              f"{'manifest gz':>13}{'1st search gz median':>22}{'max':>8}{baseline}")
        for name, portal in portals:
            with _quiet():
                site = build(portal, work / f"site-{name.replace(' ', '-')}")
                m = measure(site, queries)
                extra = ""
                if args.baseline:
                    base = build_baseline(portal, work / f"base-{name.replace(' ', '-')}")
                    extra = f"{gz(base / 'search' / 'search_index.json') / kb:>20.1f}"
            print(f"{name:<16}{m['pages']:>6}{m['index_raw'] / kb:>10.1f}{m['index_gz'] / kb:>10.1f}{m['files']:>7}"
                  f"{m['page_view_gz'] / kb:>14.1f}{m['manifest_gz'] / kb:>13.1f}{m['first_median_gz'] / kb:>22.1f}"
                  f"{m['first_max_gz'] / kb:>8.1f}{extra}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
