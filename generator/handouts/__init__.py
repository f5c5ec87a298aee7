"""Printable handouts: trainer and participant editions of each module, a practice card per
method chapter, the coordinators' checklists and a training booklet.

Engine-agnostic core (no MkDocs): ``catalog`` says which handouts exist and where,
``documents`` renders their HTML from the Portal with Jinja, ``pdf`` turns that HTML into
cached PDFs with WeasyPrint. The MkDocs plugin only wires these into a build.
"""
from __future__ import annotations

from dataclasses import replace

from generator.handouts.catalog import Entry, by_page, catalog, groups
from generator.handouts.documents import Handout, render_handout, render_handouts
from generator.portal import Portal

__all__ = ["Entry", "Handout", "by_page", "catalog", "groups", "render_handout", "render_handouts",
           "with_pdfs"]


def with_pdfs(portal: Portal, enabled: bool) -> Portal:
    """The portal with PDF handouts switched off when ``enabled`` is false (CLI --no-pdf,
    plugin option ``handouts: false``); pages then offer the print versions only."""
    if enabled or not portal.site.features.pdf_handouts:
        return portal
    features = portal.site.features.model_copy(update={"pdf_handouts": False})
    return replace(portal, site=portal.site.model_copy(update={"features": features}))
