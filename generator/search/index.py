"""Build the search index as small static files the browser loads only when someone searches.

Layout (all under ``assets/taalcoach/search/`` in the site):

- ``manifest.<hash>.js`` — the sorted term vocabulary, the shard boundaries, stop words and
  synonyms. Query processing (prefixes, compounds, typos, synonyms) runs on the vocabulary,
  so a search loads only the shards of the terms it actually uses.
- ``t<n>.<hash>.js`` — postings of a range of terms: per term, (page, score) pairs.
- ``d<n>.<hash>.js`` — title, address, section and opening text of a block of pages, loaded
  for the pages shown as results.

Every file is a script calling ``taalcoachSearch.receive(name, data)`` rather than JSON:
browsers refuse fetch() and workers on file://, and the offline copy must search too.
Scores are computed here (BM25 over title, headings and body, times the page kind's weight),
so the browser only adds them up.
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from generator import urls
from generator.search.documents import SearchDoc
from generator.search.text import STOP_WORDS, terms, words

ASSET_DIR = "assets/taalcoach/search"
FIELD_WEIGHTS = {"title": 6.0, "headings": 2.0, "body": 1.0}
K1, B = 1.2, 0.75
# Raw bytes of postings per shard: ~4 KB gzipped, so a three-word query at ~2,000 pages
# stays far below the 150 KB first-search budget (numbers in the README).
SHARD_BYTES = 12_000
DOCS_PER_FILE = 50
EXCERPT_CHARS = 180


@dataclass(frozen=True)
class SearchIndex:
    files: dict[str, bytes]     # path in the site → content
    manifest: str               # path of the manifest (its name carries its content hash)


def _script(name: str, data: object) -> bytes:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'taalcoachSearch.receive("{name}",{payload});\n'.encode()


def _hashed(stem_name: str, name_in_data: str, data: object) -> tuple[str, bytes]:
    probe = _script(name_in_data, data)
    digest = hashlib.sha256(probe).hexdigest()[:10]
    return f"{stem_name}.{digest}.js", probe


def _excerpt(text: str) -> str:
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text.rfind(" ", 0, EXCERPT_CHARS)
    return text[: cut if cut > 0 else EXCERPT_CHARS] + " …"


def _postings(docs: list[SearchDoc]) -> dict[str, list[tuple[int, int]]]:
    """term → [(doc number, value)], value = 8 × (score × 10) + the title's number of terms
    (at most 7) when the term is in the title, else + 0.

    The score is BM25 over the weighted fields, times the page kind's weight. The title part
    lets the browser prefer the page whose title the query covers: 'op weg hoofdstuk 1' →
    chapter 1, and 'Voorbeeldmethode Op Weg' → the method, not its twelve chapters."""
    weighted: list[dict[str, float]] = []
    lengths: list[float] = []
    for doc in docs:
        counts: dict[str, float] = defaultdict(float)
        for field, weight in FIELD_WEIGHTS.items():
            found = terms(getattr(doc, field))
            if field == "title":  # a word of a short title says more: 'Voorbeeldmethode Op Weg'
                weight *= min(1.0, (3 / max(1, len(found))) ** 0.5)
            for term in found:
                counts[term] += weight
        weighted.append(counts)
        lengths.append(sum(counts.values()))
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    frequency: Counter[str] = Counter(term for counts in weighted for term in counts)
    n = len(docs)
    postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, (doc, counts) in enumerate(zip(docs, weighted, strict=True)):
        in_title = set(terms(doc.title))
        title_size = min(7, len(in_title))
        norm = K1 * (1 - B + B * lengths[number] / average)
        for term, tf in counts.items():
            idf = math.log(1 + (n - frequency[term] + 0.5) / (frequency[term] + 0.5))
            score = idf * tf * (K1 + 1) / (tf + norm) * doc.weight
            postings[term].append((number, 8 * max(1, round(score * 10)) + (title_size if term in in_title else 0)))
    return postings


def synonym_groups(groups: tuple[tuple[str, ...], ...]) -> list[list[str]]:
    """Synonym groups as the browser uses them: each entry folded and stemmed, words joined by
    a space ('werk zoeken' → 'werk zoek'), plus the unstemmed form where it differs: the
    classic stemmer makes 'fiets' → 'fiet' but 'fietsen' → 'fiets'."""
    result = []
    for group in groups:
        entries = []
        for entry in group:
            plain = " ".join(w for w in words(entry) if w not in STOP_WORDS)
            for key in (" ".join(terms(entry)), plain):
                if key and key not in entries:
                    entries.append(key)
        if len(entries) > 1:
            result.append(entries)
    return result


def build_index(docs: list[SearchDoc], synonyms: tuple[tuple[str, ...], ...] = (),
                directory_urls: bool = True) -> SearchIndex:
    """The index files for ``docs``; deterministic, so unchanged content gives unchanged files."""
    postings = _postings(docs)
    vocabulary = sorted(postings)
    files: dict[str, bytes] = {}
    shard_starts: list[int] = []
    shard_files: list[str] = []
    current: list[list[int]] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            name, data = _hashed(f"t{len(shard_files)}", f"t{len(shard_files)}", current)
            files[f"{ASSET_DIR}/{name}"] = data
            shard_files.append(name)
            current, size = [], 0

    for position, term in enumerate(vocabulary):
        if not current:
            shard_starts.append(position)
        flat: list[int] = []
        previous = 0
        for number, score in postings[term]:
            flat += [number - previous, score]  # page numbers as gaps: smaller, and gzip likes them
            previous = number
        current.append(flat)
        size += len(term) + 4 * len(flat)
        if size >= SHARD_BYTES:
            flush()
    flush()
    doc_files = []
    for start in range(0, len(docs), DOCS_PER_FILE):
        block = [[urls.page_url(d.path, directory_urls), d.title, d.section, _excerpt(d.body)]
                 for d in docs[start:start + DOCS_PER_FILE]]
        number = start // DOCS_PER_FILE
        name, data = _hashed(f"d{number}", f"d{number}", block)
        files[f"{ASSET_DIR}/{name}"] = data
        doc_files.append(name)
    manifest = {
        "version": 1, "pages": len(docs), "pagesPerFile": DOCS_PER_FILE,
        "terms": vocabulary, "shardStarts": shard_starts, "shardFiles": shard_files, "docFiles": doc_files,
        "stopWords": sorted(STOP_WORDS), "synonyms": synonym_groups(synonyms),
    }
    name, data = _hashed("manifest", "manifest", manifest)
    files[f"{ASSET_DIR}/{name}"] = data
    return SearchIndex(files=files, manifest=f"{ASSET_DIR}/{name}")
