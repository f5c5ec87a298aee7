"""Engine settings every taalcoach portal needs, shared by the plugin and the exporter.

Kept here (not in each organisation's mkdocs.yml) so privacy and accessibility settings
cannot be forgotten or drift between the plugin build and an exported build.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from generator.portal import Portal

# Markdown extensions the page templates rely on, with their options.
MARKDOWN_EXTENSIONS: dict[str, dict[str, Any]] = {
    "tables": {},
    "attr_list": {},
    "md_in_html": {},
    "admonition": {},
    "pymdownx.details": {},
    "abbr": {},  # glossary terms explained where they appear (pages.py appends the definitions)
    "toc": {"permalink": True, "permalink_title": "Link naar dit kopje"},
}

ASSET_DIR = "assets/taalcoach"
# Theme templates we override (privacy-safe repository link, Dutch 404), for plugin and export.
OVERRIDES_DIR = Path(__file__).resolve().parent / "templates" / "overrides"
# Overrides that only make the plugin's build faster (Python renderers for Material's partials,
# the empty template of pages built by another process): the export keeps the theme's own.
PLUGIN_ONLY_OVERRIDES = ("partials/language.html", "partials/tabs.html", "partials/toc.html",
                         "taalcoach-built-elsewhere.html")
CSS = ["taalcoach.css", "quiz.css"]
CSS += ["print.css"]  # @media print only: A4, no navigation, search or buttons on paper
JS = ["taalcoach.js", "quiz.js"]

SITE_URL_ENV = "TAALCOACH_SITE_URL"

# The label-table words the theme overrides print ({{ config.extra.tc_labels.<key> | e }}).
# The engine's own Jinja fills them in, in the plugin build and in an export alike.
THEME_LABELS = ("not_found_title", "not_found_text", "not_found_home")


def theme_labels(portal: Portal) -> dict[str, str]:
    """The theme overrides' words, from the portal's label table (its overrides included)."""
    labels = portal.labels
    return {key: labels[key] for key in THEME_LABELS}


def site_url(portal: Portal) -> str | None:
    """The public address: the environment (set by the Pages workflow) wins over site.yml."""
    return os.environ.get(SITE_URL_ENV) or portal.site.site_url


def repo_name(repo_url: str) -> str:
    """What MkDocs would show for a repo_url set in mkdocs.yml: 'GitHub', 'GitLab' or the host."""
    from urllib.parse import urlsplit

    host = urlsplit(repo_url).netloc.lower()
    for name in ("GitHub", "GitLab", "Bitbucket"):
        if name.lower() in host:
            return name
    return host or repo_url


def edit_url(repo_url: str, branch: str, source: str) -> str:
    """GitHub/GitLab web-editor address of a source file."""
    return f"{repo_url.rstrip('/')}/edit/{branch}/{source}"


def copyright_line(portal: Portal) -> str:
    return portal.site.organisation.name


def asset_files() -> dict[str, bytes]:
    """Package CSS/JS, keyed by their path inside the built site."""
    folder = resources.files("generator").joinpath("assets")
    return {f"{ASSET_DIR}/{name}": folder.joinpath(name).read_bytes() for name in CSS + JS}
