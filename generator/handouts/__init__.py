"""Printable handouts: trainer and participant editions of each module, a practice card per
method chapter, the coordinators' checklists and a training booklet.

Engine-agnostic core (no MkDocs): ``catalog`` says which handouts exist and where,
``documents`` renders their HTML from the Portal with Jinja, ``pdf`` turns that HTML into
cached PDFs with WeasyPrint. The MkDocs plugin only wires these into a build.
"""
from __future__ import annotations

from generator.handouts.catalog import Entry, by_page, catalog, groups, offers_pdfs
from generator.handouts.documents import Handout, render_handout, render_handouts, site_files

__all__ = ["Entry", "Handout", "by_page", "catalog", "groups", "offers_pdfs", "render_handout",
           "render_handouts", "site_files"]
