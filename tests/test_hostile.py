"""Hostile content, group 1: injection. Every field kind stays what it is on the site and in PDFs.

One hostile portal (tests/hostile.py: a payload in every listed field) is built once with the
real CLI, PDFs included; each test then inspects the built HTML or PDFs for one field.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import sitekit
from conftest import build_ok
from hostile import MARKDOWN_FIELDS, TEXT_FIELDS, PageParts, make_hostile_portal, marker_of, parse, text_payload

# One hostile portal, built once with PDFs, serves every test here.
pytestmark = [pytest.mark.slow, pytest.mark.pdf]

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "#", "./", "../")


@pytest.fixture(scope="session")
def hostile_portal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_portal(tmp_path_factory.mktemp("hostile") / "portal")


@pytest.fixture(scope="session")
def hostile_site(hostile_portal: Path) -> Path:
    return build_ok(hostile_portal, hostile_portal.parent / "site")


@pytest.fixture(scope="session")
def hostile_pages(hostile_site: Path) -> dict[str, PageParts]:
    return {f.relative_to(hostile_site).as_posix(): parse(f.read_text(encoding="utf-8"))
            for f in sorted(hostile_site.rglob("*.html"))}


def _visible_payload(field_id: str) -> str:
    return re.sub(r"\s+", " ", text_payload(marker_of(field_id)))


@pytest.mark.parametrize("field_id", sorted(TEXT_FIELDS))
def test_text_field_shows_its_payload_as_text(field_id: str, hostile_pages: dict[str, PageParts]) -> None:
    marker = marker_of(field_id)
    shown = [rel for rel, p in hostile_pages.items() if _visible_payload(field_id) in p.visible]
    if field_id != "site-description":  # shown in <meta> only (home_intro is set): see below
        assert shown, f"{field_id}: the payload is not shown literally on any page"
    for rel, p in hostile_pages.items():
        assert not any(marker in s for s in p.scripts), f"{field_id}: runs as <script> on {rel}"
        assert not any(marker in v for _t, _n, v in p.handlers), f"{field_id}: event handler on {rel}"
        assert not any(marker in v for _t, _n, v in p.urls), f"{field_id}: became a link or source on {rel}"


@pytest.mark.parametrize("field_id", sorted(MARKDOWN_FIELDS))
def test_markdown_field_is_rendered_and_sanitised(field_id: str, hostile_pages: dict[str, PageParts]) -> None:
    marker = marker_of(field_id)
    assert any(marker in p.visible for p in hostile_pages.values()), f"{field_id}: safe Markdown text is lost"
    for rel, p in hostile_pages.items():
        assert not any(marker in s for s in p.scripts), f"{field_id}: <script> kept on {rel}"
        assert not any(marker in v for _t, _n, v in p.handlers), f"{field_id}: event handler kept on {rel}"
        assert not any(marker in v for _t, _n, v in p.urls), f"{field_id}: javascript: URL kept on {rel}"


def test_no_page_has_event_handlers_script_urls_or_local_file_links(hostile_pages: dict[str, PageParts]) -> None:
    problems = []
    for rel, p in hostile_pages.items():
        problems += [f"{rel}: <{t} {n}=…>" for t, n, _v in p.handlers]
        problems += [f"{rel}: <{t} {n}={v!r}>" for t, n, v in p.urls
                     if re.match(r"\s*[a-zA-Z][a-zA-Z0-9+.-]*:", v) and not v.lower().strip().startswith(SAFE_SCHEMES)]
        problems += [f"{rel}: <{tag}>" for tag in p.tags if tag in ("object", "embed")]
        problems += [f"{rel}: <iframe src={v!r}>" for t, _n, v in p.urls if t == "iframe"]
        problems += [f"{rel}: <link> in content" for tag in p.tags[p.tags.index("body"):] if tag == "link"] \
            if "body" in p.tags else []
    assert not problems, "\n".join(problems[:40])


def test_page_titles_and_meta_description_stay_text(hostile_site: Path, hostile_pages: dict[str, PageParts]) -> None:
    for rel, p in hostile_pages.items():
        assert len(p.titles) == 1, f"{rel}: the title broke out of <title>: {p.titles}"
    module_page = hostile_pages["training/rol-van-de-taalcoach/index.html"]
    assert _visible_payload("module-title") in module_page.titles[0]
    assert _visible_payload("site-title") in module_page.titles[0]
    html = (hostile_site / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description, "the description broke the <meta> tag"
    assert marker_of("site-description") in description.group(1)


def test_search_indexes_payloads_as_data_and_shows_them_as_text(hostile_site: Path) -> None:
    """The search index carries field text as data; the search script must only ever show it
    with textContent, never parse it as HTML."""
    folder = hostile_site / "assets" / "taalcoach" / "search"
    shards = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("d*.js")))
    assert marker_of("module-title") in shards, "the module title is not in the search index"
    script = (folder / "search.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", script)


def _pdf_text_and_attachments(path: Path) -> tuple[str, dict[str, list[bytes]]]:
    reader = PdfReader(path)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))
    return text, dict(reader.attachments)


@pytest.mark.parametrize("pdf, field_id", [
    ("handouts/trainer/rol-van-de-taalcoach.pdf", "learning-goal"),
    ("handouts/trainer/rol-van-de-taalcoach.pdf", "material-title"),
    ("handouts/materiaal/casuskaarten.pdf", "material-card"),
    ("handouts/programma/basis-draaiboek.pdf", "meeting-title"),
    ("handouts/oefenkaart/voorbeeldmethode-op-weg-hoofdstuk-1.pdf", "conversation-question"),
    ("handouts/checklist/stappenplan.pdf", "plan-checklist"),
])
def test_pdf_shows_text_payload_as_text(hostile_site: Path, pdf: str, field_id: str) -> None:
    text, _ = _pdf_text_and_attachments(hostile_site / pdf)

    def squeeze(value: str) -> str:  # PDF text wraps lines anywhere
        return re.sub(r"\s+", "", value)

    assert squeeze(text_payload(marker_of(field_id))) in squeeze(text), text[:400]


def test_no_pdf_has_attachments_or_local_files(hostile_site: Path) -> None:
    pdfs = sorted(hostile_site.rglob("*.pdf"))
    assert len(pdfs) >= 5
    for path in pdfs:
        text, attachments = _pdf_text_and_attachments(path)
        assert not attachments, f"{path.name} has attachments: {list(attachments)}"
        assert "root:x:0:0" not in text and b"root:x:0:0" not in path.read_bytes()


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with sitekit.serve(hostile_site) as url:
        yield url


@pytest.mark.browser
def test_chromium_opens_no_dialog_and_asks_no_other_host(browser: object, hostile_site: Path,
                                                         hostile_url: str) -> None:
    from urllib.parse import urlsplit

    origin = "{0.scheme}://{0.netloc}".format(urlsplit(hostile_url))
    dialogs: list[str] = []
    external: list[str] = []
    current = {"page": ""}
    context = sitekit.new_context(browser)

    def route(route: object) -> None:
        external.append(f"{current['page']} → {route.request.url}")  # type: ignore[attr-defined]
        route.abort()  # type: ignore[attr-defined]

    context.route(re.compile(r"^(?!" + re.escape(origin) + "/)(https?|wss?):"), route)
    page = context.new_page()

    def on_dialog(dialog: object) -> None:
        dialogs.append(f"{current['page']}: {dialog.message}")  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    pages = sorted(f.relative_to(hostile_site).as_posix() for f in hostile_site.rglob("*.html"))
    try:
        for rel in pages:
            current["page"] = rel
            page.goto(hostile_url + rel, wait_until="load")
            # open every <details> (trainer notes, answer keys) so 'ontoggle' would fire
            page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
            page.wait_for_load_state("load")
    finally:
        context.close()
    assert len(pages) >= 20
    assert not dialogs, "\n".join(dialogs)
    assert not external, "\n".join(external)


def test_export_for_another_engine_carries_no_live_markup(hostile_portal: Path) -> None:
    """Another engine renders the exported Markdown without our plugin's sanitiser: rendered
    with plain Python-Markdown and the same extensions, no page may hold live markup."""
    import markdown

    from conftest import run_cli
    from generator.site_config import MARKDOWN_EXTENSIONS

    out = hostile_portal.parent / "export"
    result = run_cli("export", str(out), "--portal", str(hostile_portal))
    assert result.returncode == 0, result.stderr
    pages = sorted((out / "docs").rglob("*.md"))
    assert pages
    for page in pages:
        text = re.sub(r"\A---\n.*?\n---\n", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
        html = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS), extension_configs=MARKDOWN_EXTENSIONS)
        parts = parse(html)
        rel = page.relative_to(out)
        assert not parts.handlers, f"{rel}: {parts.handlers[:3]}"
        assert not any("alert" in s for s in parts.scripts), f"{rel}: script"
        assert not [u for u in parts.urls if u[2].lower().lstrip().startswith(("javascript:", "data:", "file:"))], \
            f"{rel}: {[u for u in parts.urls if 'javascript' in u[2].lower()][:3]}"
    module = next(p for p in pages if p.name == "rol-van-de-taalcoach.md" and "training" in p.parts)
    assert "XSectionBody" in module.read_text(encoding="utf-8")
