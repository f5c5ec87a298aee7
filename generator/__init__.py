"""taalcoach-portaal: YAML sources in, a Dutch training portal for taalcoaches out.

The pipeline is load → validate → Portal → pages; engine adapters (MkDocs plugin, exporter)
sit on top and are the only modules that know about MkDocs.
"""
from generator.build import load_portal
from generator.errors import ContentError, ContentErrors

__all__ = ["ContentError", "ContentErrors", "load_portal"]
