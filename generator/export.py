"""``export DIR``: the generated pages plus a standalone mkdocs.yml, without our plugin.

Material for MkDocs reaches end of life in 2027 and MkDocs 2 drops plugins; an export can be
built by any MkDocs-compatible engine (ProperDocs, Zensical), so the content stays portable.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator import site_config
from generator.errors import UserError
from generator.handouts import render_handouts
from generator.handouts import site_files as handout_site_files
from generator.pages import RenderedSite, render_pages
from generator.portal import Portal
from generator.search import SCRIPTS as SEARCH_SCRIPTS
from generator.search import STYLES as SEARCH_STYLES
from generator.search import search_files

MARKER = ".taalcoach-export"


DEFAULT_FEATURES = ["navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.top",
                    "navigation.prune", "search.suggest", "search.highlight"]


class _TolerantLoader(yaml.SafeLoader):
    """Reads an mkdocs.yml that may hold !!python/name or !ENV tags, keeping them as None."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _theme_choices(root: Path) -> dict[str, Any]:
    """The palette and features the portal's own mkdocs.yml chose (its accessible colours)."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError):
        config = {}
    has_theme = isinstance(config, dict) and isinstance(config.get("theme"), dict)
    theme: dict[str, Any] = config["theme"] if has_theme else {}
    chosen = {"features": theme.get("features") or DEFAULT_FEATURES}
    if theme.get("palette"):
        chosen["palette"] = theme["palette"]
    return chosen


# Export-only template: 'edit this page' opens the YAML file a generated page is made from
# (front matter `tc_edit_url`; null for generated overviews, which have no single source, as
# in the plugin build), else the engine's own edit link (hand-written docs/ pages).
# MkDocs, ProperDocs and Zensical all read page.meta, but none lets config say "this page
# comes from content/modules/x.yml"; without this the link opened edit/master/docs/….md.
ACTIONS_TEMPLATE = """{#- Written by `python -m generator export`. -#}
{% if page.meta and "tc_edit_url" in page.meta %}{% set edit_url = page.meta.tc_edit_url %}
{% else %}{% set edit_url = page.edit_url %}{% endif %}
{% if edit_url and "content.action.edit" in features %}
<a href="{{ edit_url }}" title="{{ lang.t('action.edit') }}" class="md-content__button md-icon" rel="edit">
{% include ".icons/material/file-edit-outline.svg" %}
</a>
{% endif %}
"""


def _with_edit_link(markdown: str, url: str | None) -> str:
    """The page with front matter naming the YAML file to edit (JSON is valid YAML)."""
    return f"---\ntc_edit_url: {json.dumps(url)}\n---\n\n{markdown}"


def export_config(portal: Portal, rendered: RenderedSite, root: Path | None = None) -> dict[str, Any]:
    theme = {"name": "material", "language": "nl", "font": False, "custom_dir": "overrides",
             # Zensical's default "modern" look fails colour contrast (85 demo pages); its
             # "classic" look is Material's, with the portal's accessible palette. MkDocs
             # and ProperDocs ignore the key.
             "variant": "classic",
             **(_theme_choices(root) if root else {"features": DEFAULT_FEATURES})}
    if portal.site.organisation.logo:  # a picture in docs/, copied with the hand-written pages
        theme["logo"] = portal.site.organisation.logo
    edit: dict[str, Any] = {}
    # Editor widgets only when site.yml switches them on (features.editor_links), as in the plugin.
    if portal.site.repo_url and portal.site.features.editor_links:  # hand-written pages live in docs/
        edit = {"repo_url": portal.site.repo_url, "edit_uri": f"edit/{portal.site.repo_branch}/docs/"}
    return {
        "site_name": portal.site.title,
        "site_description": portal.site.description,
        "site_url": site_config.site_url(portal),
        **edit,
        "copyright": site_config.copyright_line(portal),
        "docs_dir": "docs",
        "theme": theme,
        # No engine search: the portal's own search files are in docs/. Zensical has search
        # built in (a second search box, over its own index) unless it is switched off;
        # MkDocs and ProperDocs accept `enabled` on every plugin.
        "plugins": [{"search": {"enabled": False}}],
        "markdown_extensions": [{name: opts} if opts else name
                                for name, opts in site_config.MARKDOWN_EXTENSIONS.items()],
        "extra_css": [f"{site_config.ASSET_DIR}/{n}" for n in site_config.CSS] + SEARCH_STYLES,
        "extra_javascript": [f"{site_config.ASSET_DIR}/{n}" for n in site_config.JS] + SEARCH_SCRIPTS,
        "nav": rendered.nav,
        # No English "Made with Material for MkDocs" footer line; the Dutch words of the 404 page.
        "extra": {"generator": False, "tc_labels": site_config.theme_labels(portal)},
    }


def export_portal(portal: Portal, root: Path, target: Path) -> int:
    """Write pages, hand-written docs, assets and mkdocs.yml; never overwrite other files."""
    if target.exists() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UserError(f"{target} is not empty and was not made by `export`; choose an empty folder "
                        "(nothing was changed)")
    if target.exists():
        shutil.rmtree(target)
    docs = target / "docs"
    docs.mkdir(parents=True)
    count = 0
    hand_written = root / "docs"
    if hand_written.is_dir():
        shutil.copytree(hand_written, docs, dirs_exist_ok=True)
        count += sum(1 for p in docs.rglob("*") if p.is_file())
    rendered = render_pages(portal, pdfs=False)  # the handouts' print versions are exported; PDFs need `build`
    pages = dict(rendered.pages)
    if portal.site.repo_url and portal.site.features.editor_links:  # editors only (site.yml)
        for page in pages:
            source = rendered.sources.get(page)
            pages[page] = _with_edit_link(pages[page], site_config.edit_url(
                portal.site.repo_url, portal.site.repo_branch, source) if source else None)
    files: dict[str, str | bytes] = {**pages, **site_config.asset_files(),
                                     **search_files(portal, rendered, hand_written),
                                     **{h.html_path: h.web_html for h in render_handouts(portal, pdfs=False)},
                                     **handout_site_files()}
    for rel, content in files.items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        count += 1
    skipped = {site_config.OVERRIDES_DIR / name for name in site_config.PLUGIN_ONLY_OVERRIDES}
    shutil.copytree(site_config.OVERRIDES_DIR, target / "overrides",
                    ignore=lambda folder, names: [n for n in names if Path(folder, n) in skipped])
    (target / "overrides" / "partials" / "actions.html").write_text(ACTIONS_TEMPLATE, encoding="utf-8")
    config = yaml.safe_dump(export_config(portal, rendered, root), allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text("# Exported by taalcoach-portaal; no plugin needed.\n" + config,
                                       encoding="utf-8")
    (target / MARKER).write_text("This folder is written by `python -m generator export`.\n", encoding="utf-8")
    return count + 1
