"""Dutch site search, a component of the generator rather than of the engine.

``search_files`` turns the rendered portal into static files — the index (see ``index.py``),
the search script and its vendored stemmer — that the MkDocs plugin adds to the build and the
exporter writes into the export, so every engine and the offline copy get the same search.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from generator.pages import RenderedSite
from generator.portal import Portal
from generator.search.documents import documents
from generator.search.index import ASSET_DIR, build_index

# Scripts every page loads (small: the dialog and its words); the index itself loads lazily.
SCRIPTS = [f"{ASSET_DIR}/config.js", f"{ASSET_DIR}/search.js"]
STYLES = [f"{ASSET_DIR}/search.css"]
VENDOR = ["lunr.stemmer.support.js", "lunr.nl.js", "LICENSE-lunr-languages.txt"]
LABEL_KEYS = ["search", "search_hint", "search_loading", "search_none", "search_one", "search_other",
              "search_clear", "search_close", "search_results", "search_section", "search_failed"]


def search_files(portal: Portal, rendered: RenderedSite, docs_dir: Path | None,
                 directory_urls: bool = True) -> dict[str, bytes]:
    """Every file the search needs, keyed by its path inside the built site."""
    index = build_index(documents(portal, rendered, docs_dir), portal.synonyms, directory_urls)
    labels = portal.labels
    config = {"manifest": index.manifest.rsplit("/", 1)[1], "labels": {k: labels[k] for k in LABEL_KEYS}}
    assets = resources.files("generator.search").joinpath("assets")
    files = dict(index.files)
    files[f"{ASSET_DIR}/config.js"] = (
        "window.taalcoachSearchConfig = " + json.dumps(config, ensure_ascii=False) + ";\n").encode("utf-8")
    for name in ("search.js", "search.css"):
        files[f"{ASSET_DIR}/{name}"] = assets.joinpath(name).read_bytes()
    for name in VENDOR:
        files[f"{ASSET_DIR}/vendor/{name}"] = assets.joinpath("vendor", name).read_bytes()
    return files
