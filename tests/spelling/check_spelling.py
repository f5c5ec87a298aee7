#!/usr/bin/env python3
"""Spell-check the Dutch text of the portal's YAML sources with hunspell (Debian hunspell-nl).

Extracts every text value from content/**/*.yml and quizzes/*.yml (ids, references, URLs and
other non-prose fields are skipped), splits it into words and asks ``hunspell -d nl -l`` which
words it does not know. Reports the unknown-word rate (unknown word tokens / all word tokens)
without and with the project word list (tests/spelling/wordlist.txt, one correct domain word a
line), and lists the words that are still unknown.

    python tests/spelling/check_spelling.py [--portal DIR] [--max-rate 0.5] [--quiet]

Exit code 1 when the rate *with* the word list is above --max-rate (in percent), 2 when hunspell
or the Dutch dictionary is missing.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
WORDLIST = HERE / "wordlist.txt"
# Keys whose values are ids, references or machine values, not Dutch prose.
SKIP_KEYS = {"id", "module", "refer_to", "routes", "themes", "modules", "supplements", "methods",
             "site_url", "repo_url", "repo_branch", "email", "website", "phone", "logo", "type",
             "level", "levels", "target_level", "article", "correct", "answer", "number",
             "duration", "minutes", "order", "months", "hours_per_meeting", "features",
             "materials", "kind", "block", "url", "start", "length", "date"}
WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-’'][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
URL = re.compile(r"(\]\([^)]*\)|https?://\S+|www\.\S+|\S+@\S+|`[^`]*`)")


def texts(node, key: str | None = None):
    if key in SKIP_KEYS:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from texts(v, str(k))
    elif isinstance(node, list):
        for v in node:
            yield from texts(v, key)
    elif isinstance(node, str):
        yield node


def words_of(root: Path) -> list[str]:
    files = sorted((root / "content").rglob("*.yml")) + sorted((root / "quizzes").glob("*.yml"))
    out: list[str] = []
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for text in texts(data):
            text = URL.sub(" ", text)
            out.extend(WORD.findall(text))
    return out


def unknown(words: set[str]) -> set[str]:
    result = subprocess.run(["hunspell", "-d", "nl", "-l"], input="\n".join(sorted(words)) + "\n",
                            capture_output=True, text=True, check=True)
    return {w for w in result.stdout.split("\n") if w}


def load_wordlist(path: Path = WORDLIST) -> set[str]:
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def report(root: Path) -> dict:
    tokens = words_of(root)
    counts = Counter(tokens)
    bad = unknown(set(counts))
    wordlist = load_wordlist()
    still = {w for w in bad if w not in wordlist and w.lower() not in wordlist}
    total = len(tokens)
    n_bad = sum(counts[w] for w in bad)
    n_still = sum(counts[w] for w in still)
    return {
        "tokens": total, "unique": len(counts),
        "unknown_without": n_bad, "unique_unknown_without": len(bad),
        "rate_without": 100 * n_bad / total if total else 0.0,
        "unknown_with": n_still, "unique_unknown_with": len(still),
        "rate_with": 100 * n_still / total if total else 0.0,
        "remaining": sorted(still, key=lambda w: (-counts[w], w.lower())),
        "counts": counts,
        "unused_in_wordlist": sorted(w for w in wordlist if w not in bad),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--portal", type=Path, default=HERE.parents[1])
    ap.add_argument("--max-rate", type=float, default=None,
                    help="fail when the rate with the word list is above this percentage")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    if not shutil.which("hunspell"):
        print("hunspell is not installed (apt-get install hunspell hunspell-nl)", file=sys.stderr)
        return 2
    try:
        r = report(args.portal)
    except subprocess.CalledProcessError as exc:
        print(f"hunspell failed: {exc.stderr}", file=sys.stderr)
        return 2
    print(f"word tokens: {r['tokens']} ({r['unique']} different)")
    print(f"unknown without word list: {r['unknown_without']} tokens, {r['unique_unknown_without']} words"
          f" = {r['rate_without']:.2f}%")
    print(f"unknown with word list:    {r['unknown_with']} tokens, {r['unique_unknown_with']} words"
          f" = {r['rate_with']:.2f}%")
    if not args.quiet and r["remaining"]:
        print("still unknown:", ", ".join(f"{w} ({r['counts'][w]})" for w in r["remaining"]))
    if not args.quiet and r["unused_in_wordlist"]:
        print("word list entries hunspell already knows or that no longer occur:",
              ", ".join(r["unused_in_wordlist"]))
    if args.max_rate is not None and r["rate_with"] > args.max_rate:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
