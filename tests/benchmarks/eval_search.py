#!/usr/bin/env python3
"""Search quality, side by side: stock lunr-nl (Material), Pagefind and the portal's own search.

Builds the portal twice (with its own search; with Material's `search: lang: nl` as the
baseline), indexes the baseline with Pagefind, runs every query of search_queries.yml through
each engine and prints hit@1, hit@5, MRR@10 and the zero-result rate per category.

Every engine runs its real code: Material's worker file and the portal's search.js in node,
Pagefind's own pagefind.js in headless Chromium on the built site. Needs node, and for the
Pagefind column `pip install 'pagefind[bin]'` plus Chromium (skipped with a note otherwise).

Run:  .venv/bin/python tests/benchmarks/eval_search.py [--portal DIR] [--queries FILE]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from generator.mkdocs_plugin.run import build_site  # noqa: E402

RUNNERS = ROOT / "tests" / "search"
CHROMIUM = "/usr/bin/chromium"
Engine = Callable[[list[str]], list[list[str]]]


def load_queries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def build(portal: Path, site: Path) -> Path:
    """The portal with its own search, as `python -m generator build --no-pdf` makes it."""
    with redirect_stdout(io.StringIO()):
        assert build_site(portal, site_dir=site, handouts=False) == 0, "build failed"
    return site


def build_baseline(portal: Path, work: Path) -> Path:
    """The same portal with Material's search plugin (`lang: nl`) instead of ours."""
    config = yaml.safe_load((portal / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str((portal / config.get("docs_dir", "docs")).resolve())
    config["plugins"] = [{"search": {"lang": "nl"}},
                         {"taalcoach": {"portal_dir": str(portal.resolve()), "search": False}}]
    work.mkdir(parents=True, exist_ok=True)
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    with redirect_stdout(io.StringIO()):
        assert build_site(work, site_dir=work / "site", handouts=False) == 0, "baseline build failed"
    return work / "site"


def _node(script: str, site: Path, request: dict) -> dict:
    done = subprocess.run(["node", str(RUNNERS / script), str(site)], input=json.dumps(request),
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def own_search(site: Path) -> Engine:
    return lambda queries: _node("run_search.js", site, {"queries": queries, "limit": 10})["results"]


def material_search(site: Path) -> Engine:
    return lambda queries: _node("run_material_search.js", site, {"queries": queries, "limit": 10})["results"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def pagefind_search(site: Path) -> Engine | None:
    """Pagefind 1.5 over the built HTML (Dutch stemming from <html lang="nl">), queried with
    its own pagefind.js in Chromium."""
    try:
        subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site)], check=True,
                       capture_output=True, text=True)
        from playwright.sync_api import sync_playwright
    except (subprocess.CalledProcessError, ImportError) as exc:
        print(f"(Pagefind column skipped: {exc})", file=sys.stderr)
        return None

    def run(queries: list[str]) -> list[list[str]]:
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page()
                page.goto(base)
                return page.evaluate("""async (queries) => {
                    const pf = await import('/pagefind/pagefind.js');
                    await pf.init();
                    const out = [];
                    for (const q of queries) {
                        const found = await pf.search(q);
                        const data = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
                        out.push(data.map(d => d.url.replace(/^\\//, '').replace(/index\\.html$/, '')));
                    }
                    return out;
                }""", queries)
        finally:
            server.shutdown()
    return run


def score(queries: list[dict], results: list[list[str]]) -> dict[str, dict[str, float]]:
    """Per category (and 'all'): hit@1, hit@5, MRR@10, zero-result rate, count."""
    rows: dict[str, list[tuple[int | None, bool]]] = defaultdict(list)
    for query, found in zip(queries, results, strict=True):
        expected = set(query["expect"])
        rank = next((i for i, url in enumerate(found[:10]) if url in expected), None)
        for key in (query["cat"], "all"):
            rows[key].append((rank, not found))
    table = {}
    for key, items in rows.items():
        n = len(items)
        table[key] = {
            "hit@1": sum(r == 0 for r, _ in items) / n,
            "hit@5": sum(r is not None and r < 5 for r, _ in items) / n,
            "mrr@10": sum(1 / (r + 1) for r, _ in items if r is not None) / n,
            "zero": sum(z for _, z in items) / n,
            "n": n,
        }
    return table


def print_table(tables: dict[str, dict[str, dict[str, float]]]) -> None:
    """One row per category; each metric shows the engines side by side, in the order given."""
    engines = list(tables)
    categories = sorted({c for t in tables.values() for c in t} - {"all"}) + ["all"]
    metrics = ["hit@1", "hit@5", "mrr@10", "zero"]
    width = 6 * len(engines)
    print(f"{'':<15}{'':>4}  " + "  ".join(f"{m:^{width}}" for m in metrics))
    print(f"{'category':<15}{'n':>4}  " + "  ".join("".join(f"{e[:5]:>6}" for e in engines) for _ in metrics))
    for cat in categories:
        n = next(int(t[cat]["n"]) for t in tables.values() if cat in t)
        cells = "  ".join("".join(f"{tables[e].get(cat, {}).get(m, float('nan')):>6.2f}" for e in engines)
                          for m in metrics)
        print(f"{cat:<15}{n:>4}  {cells}")


def misses(queries: list[dict], results: list[list[str]]) -> list[str]:
    lines = []
    for query, found in zip(queries, results, strict=True):
        if not set(query["expect"]) & set(found[:5]):
            lines.append(f"  [{query['cat']}] {query['q']!r}: got {found[:3]}, want {query['expect'][0]}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portal", type=Path, default=ROOT)
    parser.add_argument("--queries", type=Path, default=Path(__file__).with_name("search_queries.yml"))
    parser.add_argument("--only-own", action="store_true", help="evaluate the portal's own search only")
    parser.add_argument("--misses", action="store_true", help="list the queries each engine misses (top 5)")
    args = parser.parse_args()
    queries = load_queries(args.queries)
    texts = [q["q"] for q in queries]
    work = Path(tempfile.mkdtemp(prefix="eval-search-"))
    try:
        engines: dict[str, Engine] = {}
        if not args.only_own:
            baseline = build_baseline(args.portal, work / "baseline")
            engines["lunr"] = material_search(baseline)
            pagefind = pagefind_search(baseline)
            if pagefind:
                engines["pfind"] = pagefind
        engines["new"] = own_search(build(args.portal, work / "site"))
        results = {name: run(texts) for name, run in engines.items()}
        print(f"{len(queries)} queries from {args.queries.name} over {args.portal.resolve().name}; "
              "lunr = Material's search (lunr, lang: nl), pfind = Pagefind, new = the portal's search\n")
        print_table({name: score(queries, found) for name, found in results.items()})
        if args.misses:
            for name, found in results.items():
                print(f"\nmissed in the top 5 by {name}:")
                print("\n".join(misses(queries, found)) or "  none")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
