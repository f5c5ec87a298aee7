"""One Markdown converter per process gives what MkDocs' one-per-page conversion gives.

The pages below carry what a reused converter could leak from one page into the next: an
abbreviation defined on one page and only used on the next, headings whose ids would be
numbered on, admonitions and details blocks mid-document, raw HTML anchors, links to other
pages' anchors, a page without a first heading after one with it. Each is converted in turn
by one converter and by MkDocs' own ``Page.render``, and every result is compared.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from markdown import treeprocessors
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page

from generator import site_config
from generator.mkdocs_plugin.converter import REUSABLE_EXTENSIONS, Converter, reusable
from generator.mkdocs_plugin.quick_inline import QuickInlineProcessor

PAGES = {
    "a.md": """# Titel A

*[NT2]: Nederlands als tweede taal

De NT2-les en de taalcoach. Zie [woorden op B](b.md#woorden).

## Woorden

| Woord | de/het |
| --- | --- |
| afspraak | de |

## Woorden

!!! note "Let op"
    Een opmerking met **nadruk**.

??? tip "Meer"
    Verborgen tip.

<div class="kaart" markdown>
Tekst in een blok met [een link](c.md).
</div>

## Eigen id {#eigen-id}

```python
print("code blijft code")
```

Term
:   Uitleg bij de term.

"Aanhalingstekens" -- en een gedachtestreepje.
""",
    "b.md": """Geen titel-kop bovenaan; NT2 staat hier zonder afkorting-uitleg.

## Woorden

Tekst.

## Woorden

<span id="ruw-anker">ruw anker</span>
""",
    # each inline construct alone in its text: the quick inline step must not skip it
    "d.md": """# Inline

Regel een\x20\x20
regel twee

Tom &amp; Jerry &copy; en & los

<https://example.org/pad> en <info@example.org>

Gebruik `code` hier

Een \\*ster\\* en 5 \\< 6

![Een plaatje](plaatje.png) en ![ref-plaatje][p]

[Naar C](c.md) en [ref][r] en [c]

*nadruk* en **sterk** en _laag_ en __dubbel__ en ***beide***

<span class="x">ruwe html</span> en <!-- commentaar --> en a < b > c

| kop | `cel` |
| --- | --- |
| *cel* | [link](c.md) |

- lijst met **vet**
- lijst zonder iets

[r]: c.md
[c]: c.md
[p]: plaatje.png
""",
    "c.md": """# Titel C

[Naar een ontbrekend anker](a.md#bestaat-niet) en [naar een bestaand](a.md#eigen-id).

## Woorden
""",
}


# The portal's own extensions, and every extension the converter may reuse (with its options).
EXTENSION_SETS = {
    "portal": [{name: opts} if opts else name for name, opts in site_config.MARKDOWN_EXTENSIONS.items()],
    "all-reusable": [*sorted(REUSABLE_EXTENSIONS - {"toc"}), {"toc": {"permalink": True}}],
}


@pytest.fixture(params=EXTENSION_SETS)
def site(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[MkDocsConfig, Files]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump({
        "site_name": "Proef", "docs_dir": "docs",
        "markdown_extensions": EXTENSION_SETS[request.param],
    }), encoding="utf-8")
    config = load_config(config_file=str(config_file))
    return config, get_files(config)


def _convert(render, config: MkDocsConfig, files: Files, order: list[str]) -> list[tuple]:  # type: ignore[no-untyped-def]
    results = []
    for uri in order:
        file = files.get_file_from_path(uri)
        assert file is not None
        page = Page(None, file, config)
        page.read_source(config)
        render(page, config, files)
        results.append((uri, page.content, [(t.id, t.title, t.level, [c.id for c in t.children]) for t in page.toc],
                        page._title_from_render, sorted(page.present_anchor_ids or ()),
                        {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}))
    return results


def test_a_reused_converter_gives_what_mkdocs_gives_page_after_page(site: tuple[MkDocsConfig, Files]) -> None:
    config, files = site
    converter = Converter(config)
    assert converter.reuse, "these Markdown extensions are all reusable"
    order = ["a.md", "b.md", "c.md", "d.md", "a.md", "b.md"]
    ours = _convert(converter.render, config, files, order)
    theirs = _convert(Page.render, config, files, order)
    assert ours == theirs
    b_page = ours[1]
    assert "<abbr" not in b_page[1]  # the abbreviation of page a stayed on page a
    assert b_page[3] is None and [t[0] for t in b_page[2]] == ["woorden", "woorden_1"]
    assert ours[0][5]["b.md"] == {"woorden": "b.md#woorden"}
    inline = ours[3][1]
    for made in ("<br />", "&amp; Jerry", "<code>code</code>", "<em>laag</em>", "<strong>sterk</strong>",
                 '<img alt="Een plaatje"', 'href="https://example.org/pad"', '<span class="x">'):
        assert made in inline, made  # each construct was converted, not skipped


def test_the_quick_inline_step_skips_tries_that_cannot_match(site: tuple[MkDocsConfig, Files]) -> None:
    """The speed-up is in place for the portal's extensions (and would be lost silently)."""
    config, files = site
    converter = Converter(config)
    tries = 0
    original = treeprocessors.InlineProcessor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal tries
        tries += 1
        return original(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", counting)
        _convert(converter.render, config, files, ["a.md"])
        quick = tries
        tries = 0
        _convert(Page.render, config, files, ["a.md"])
    assert isinstance(converter._md.treeprocessors["inline"], QuickInlineProcessor)  # type: ignore[union-attr]
    assert 0 < quick < tries  # fewer tries, the same HTML (test above)


def test_other_extensions_get_mkdocs_own_conversion() -> None:
    """An extension not read for state between pages: MkDocs' one converter per page."""
    assert reusable(["toc", "tables", "markdown.extensions.attr_list", "pymdownx.details"])
    assert not reusable(["toc", "footnotes"])
    assert not reusable(["toc", "pymdownx.snippets"])
