"""Typed options of the ``taalcoach`` MkDocs plugin."""
from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TaalcoachConfig(Config):
    # Folder holding content/ and quizzes/, relative to mkdocs.yml.
    portal_dir = c.Type(str, default=".")
    # Render PDF handouts during the build (also switchable in content/site.yml).
    handouts = c.Type(bool, default=True)
