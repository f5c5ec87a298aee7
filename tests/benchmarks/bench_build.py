#!/usr/bin/env python3
"""Benchmark: what generation costs next to the MkDocs build, and whether cost per page stays flat.

Makes synthetic portals (the test fixture plus N themes and one method with N chapters, so
about 2N pages), then reports medians over --repeat runs:

  pages · load+validate ms · render ms · full build s · ms per page · generation share of build

Targets (DESIGN.md §6): generation ≤ 10 % of the build; ms/page flat from ~100 to ~2,000 pages.
Run:  .venv/bin/python tests/benchmarks/bench_build.py [--sizes 50 250 1000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from generator.build import load_portal  # noqa: E402
from generator.mkdocs_plugin.run import build_site  # noqa: E402
from generator.pages import render_pages  # noqa: E402

THEME = (ROOT / "tests/fixtures/mini/content/themes/kennismaken.yml").read_text(encoding="utf-8")


def make_portal(folder: Path, n: int) -> Path:
    shutil.copytree(ROOT / "tests/fixtures/mini", folder)
    themes = folder / "content/themes"
    chapters = []
    for i in range(n):
        (themes / f"thema-{i:04d}.yml").write_text(THEME.replace("title: Kennismaken", f"title: Thema {i}"),
                                                     encoding="utf-8")
        chapters.append(f"  - number: {i + 1}\n    title: Hoofdstuk {i + 1}\n    level: A2\n"
                        f"    themes: [thema-{i:04d}]\n")
    (folder / "content/methods/synthetisch.yml").write_text(
        "name: Synthetische methode\nexample: true\nlevels: [A2]\ndescription: Alleen voor de benchmark.\n"
        "chapters:\n" + "".join(chapters), encoding="utf-8")
    return folder


@contextmanager
def _quiet():
    """MkDocs logs a line per build step; keep the table readable."""
    import logging
    logger = logging.getLogger("mkdocs")
    level, logger.level = logger.level, logging.WARNING
    try:
        yield
    finally:
        logger.setLevel(level)


def measure(folder: Path) -> tuple[int, float, float, float]:
    start = time.perf_counter()
    portal = load_portal(folder)
    loaded = time.perf_counter()
    rendered = render_pages(portal)
    done = time.perf_counter()
    with redirect_stdout(io.StringIO()), _quiet():
        begin = time.perf_counter()
        assert build_site(folder, site_dir=folder / "site", handouts=False) == 0
        built = time.perf_counter() - begin
    return len(rendered.pages), loaded - start, done - loaded, built


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 250, 1000],
                        help="synthetic themes (and chapters) per portal")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'pages':>6} {'load ms':>9} {'render ms':>10} {'build s':>8} {'ms/page':>8} {'gen share':>9}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = make_portal(Path(tmp) / "portal", n)
            runs = [measure(folder) for _ in range(args.repeat)]
        pages = runs[0][0]
        load = statistics.median(r[1] for r in runs)
        render = statistics.median(r[2] for r in runs)
        build = statistics.median(r[3] for r in runs)
        print(f"{pages:>6} {load * 1000:>9.0f} {render * 1000:>10.0f} {build:>8.2f} "
              f"{build * 1000 / pages:>8.1f} {(load + render) / build:>8.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
