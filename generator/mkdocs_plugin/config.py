"""Typed options of the ``taalcoach`` MkDocs plugin."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TaalcoachConfig(Config):
    # Folder holding content/ and quizzes/, relative to mkdocs.yml.
    portal_dir = c.Type(str, default=".")
    # Render PDF handouts during the build (also switchable in content/site.yml).
    handouts = c.Type(bool, default=True)
    # The portal's own Dutch search (generator/search). false = leave search to the theme
    # (Material's lunr search, if mkdocs.yml lists it); the search benchmark compares both.
    search = c.Type(bool, default=True)
    # Remove the blank lines and indentation theme templates emit (see minify.py).
    strip_blank_lines = c.Type(bool, default=True)
    # Print the primary nav in Python (nav_html.py) instead of Material's Jinja macro: the same
    # markup in a fraction of the time. false = Material's macro (tests compare the two).
    fast_nav = c.Type(bool, default=True)
    # Keep converted pages in .cache/pages/ and convert only changed Markdown (page_cache.py).
    page_cache = c.Type(bool, default=True)
