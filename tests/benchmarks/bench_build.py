#!/usr/bin/env python3
"""Benchmark: our build next to plain MkDocs (and Zensical) on the same exported pages.

Makes synthetic portals in the shapes a network of organisations produces, METHODS × CHAPTERS
(e.g. 1x2000, 40x50, 1x10000, 200x50), on top of the test fixture plus a pool of 50 themes
that the chapters share. For every shape it runs, interleaved (a, b, c, a, b, c, …) so that
load from other processes on the machine hits all engines alike:

  ours      `python -m generator build --no-pdf` (plugin, handouts' print versions, strict),
            cold: the page cache (.cache/pages) removed first, as on a fresh clone
  ours-warm the same build again with the cache the cold build left (serve, CI with a cache)
  mkdocs    `mkdocs build --strict` on `python -m generator export` of the same portal
  zensical `zensical build --strict --clean` on that export (when installed; --engines)

and prints medians over --repeat runs: pages, wall s, CPU s (user+sys of the child process
and its children, from os.wait4), ms/page (wall and CPU), the ratio ours/mkdocs, the largest
HTML page, average bytes per HTML page and peak memory (max RSS).

The machine is shared: wall time is noisy, CPU time less so. Read both.
Run:  .venv/bin/python tests/benchmarks/bench_build.py --shapes 1x2000 40x50 --repeat 3
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from generator.mkdocs_plugin.page_cache import CACHE_FILE  # noqa: E402  (the cache a cold run removes)

THEME = (ROOT / "tests/fixtures/mini/content/themes/kennismaken.yml").read_text(encoding="utf-8")
THEME_POOL = 50
BIN = Path(sys.executable).parent


def make_portal(folder: Path, methods: int, chapters: int, themes: int = THEME_POOL) -> Path:
    """The mini fixture plus `themes` themes and `methods` methods of `chapters` chapters."""
    shutil.copytree(ROOT / "tests/fixtures/mini", folder)
    (folder / "site").mkdir(exist_ok=True)
    theme_dir = folder / "content/themes"
    for i in range(themes):
        (theme_dir / f"thema-{i:04d}.yml").write_text(
            THEME.replace("title: Kennismaken", f"title: Thema {i}"), encoding="utf-8")
    for m in range(methods):
        rows = [f"  - number: {c + 1}\n    title: Hoofdstuk {c + 1}\n    level: A2\n"
                f"    themes: [thema-{(m * chapters + c) % themes:04d}]\n" for c in range(chapters)]
        (folder / f"content/methods/synthetisch-{m:03d}.yml").write_text(
            f"name: Synthetische methode {m:03d}\nexample: true\nlevels: [A2]\n"
            "description: Alleen voor de benchmark.\nchapters:\n" + "".join(rows), encoding="utf-8")
    # site.yml may name the methods shown; the benchmark shows all of them
    site = folder / "content/site.yml"
    text = site.read_text(encoding="utf-8")
    if "\nmethods:" in text:
        lines, skipping = [], False
        for line in text.splitlines(keepends=True):
            if line.startswith("methods:"):
                skipping = True
                continue
            if skipping and (line.startswith((" ", "-")) or not line.strip()):
                continue
            skipping = False
            lines.append(line)
        site.write_text("".join(lines), encoding="utf-8")
    return folder


@dataclass
class Run:
    wall: float
    cpu: float
    max_rss_mb: float


def timed(command: list[str], cwd: Path, clear: Path | None = None) -> Run:
    """Run a command; wall time, and CPU/peak memory of it and its children from wait4."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if clear is not None:
        clear.unlink(missing_ok=True)
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{err.decode(errors='replace')[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def html_sizes(site: Path) -> tuple[int, int, str, int]:
    """(pages, total bytes, largest page, its bytes) over every .html file of a site."""
    sizes = [(p.stat().st_size, p) for p in site.rglob("*.html")]
    biggest = max(sizes)
    return len(sizes), sum(s for s, _ in sizes), biggest[1].relative_to(site).as_posix(), biggest[0]


def engines(portal: Path, export: Path, wanted: list[str]) -> dict[str, list[str]]:
    commands = {
        "ours": [sys.executable, "-m", "generator", "build", "--no-pdf", "--portal", str(portal),
                 "--site-dir", str(portal / "site")],
        "ours-warm": [sys.executable, "-m", "generator", "build", "--no-pdf", "--portal", str(portal),
                      "--site-dir", str(portal / "site")],
        "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(export / "mkdocs.yml"),
                   "-d", str(export / "site-mkdocs")],
        "zensical": [str(BIN / "zensical"), "build", "--strict", "--clean", "-f", str(export / "mkdocs.yml")],
    }
    return {name: commands[name] for name in wanted}


def bench_shape(shape: str, repeat: int, wanted: list[str]) -> None:
    methods, chapters = (int(x) for x in shape.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        portal = make_portal(Path(tmp) / "portal", methods, chapters)
        export = Path(tmp) / "export"
        subprocess.run([sys.executable, "-m", "generator", "export", str(export), "--portal", str(portal)],
                       check=True, stdout=subprocess.DEVNULL)
        commands = engines(portal, export, wanted)
        runs: dict[str, list[Run]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():  # interleaved: one run of each, then again
                cold = portal / CACHE_FILE if name == "ours" else None
                runs[name].append(timed(command, Path(tmp), clear=cold))
        sites = {"ours": portal / "site", "ours-warm": portal / "site", "mkdocs": export / "site-mkdocs",
                 "zensical": export / "site"}
        base = statistics.median(r.wall for r in runs["mkdocs"]) if "mkdocs" in runs else None
        base_cpu = statistics.median(r.cpu for r in runs["mkdocs"]) if "mkdocs" in runs else None
        for name, rs in runs.items():
            wall = statistics.median(r.wall for r in rs)
            cpu = statistics.median(r.cpu for r in rs)
            pages, total, biggest, biggest_bytes = html_sizes(sites[name])
            ratio = f"{wall / base:.2f}/{cpu / base_cpu:.2f}" if base and base_cpu else "–"
            print(f"{shape:>8} {name:>9} {pages:>6} {wall:>7.1f} {cpu:>7.1f} {wall * 1000 / pages:>7.1f} "
                  f"{cpu * 1000 / pages:>7.1f} {ratio:>10} {biggest_bytes / 1024:>8.0f} {total / pages / 1024:>7.1f} "
                  f"{max(r.max_rss_mb for r in rs):>7.0f}  {biggest}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--shapes", nargs="+", default=["1x100", "1x2000", "40x50"],
                        help="portal shapes as METHODSxCHAPTERS (50 shared themes each)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--engines", nargs="+", default=["ours", "ours-warm", "mkdocs"]
                        + (["zensical"] if (BIN / "zensical").exists() else []),
                        choices=["ours", "ours-warm", "mkdocs", "zensical"])
    args = parser.parse_args()
    print(f"{'shape':>8} {'engine':>9} {'pages':>6} {'wall s':>7} {'cpu s':>7} {'wall ms':>7} {'cpu ms':>7} "
          f"{'ratio w/c':>10} {'max KB':>8} {'avg KB':>7} {'rss MB':>7}  largest page")
    for shape in args.shapes:
        bench_shape(shape, args.repeat, args.engines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
