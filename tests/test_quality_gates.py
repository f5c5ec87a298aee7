"""Quality gates over *every* page of the built demo portal (DESIGN.md §5).

One browser pass opens each ``*.html`` of the site (404.html and handout pages included),
served under the GitHub-Pages-like sub-path, and records:

- accessibility: axe-core (npm, pinned in package-lock.json) with the WCAG 2.0/2.1 A + AA rules
  plus a few best-practice rules the portal promises (heading order, skip link, one h1);
  the colour rules run again in every other palette the page offers (dark mode), by switching
  Material's palette attributes exactly as its palette toggle does;
- privacy: every request to a host other than the local test server (they are aborted);
- links: every request to the local server that fails (assets, scripts, search index);
- JavaScript: uncaught page errors and console errors.

Static gates over the same files: broken internal links / assets / ``#fragments``, references
that would load something from another host, ``lang="nl"``, and the Nu Html Checker (vnu.jar).
A keyboard test tabs through the home page and a module page.

Volunteers (issue 13): on every page, at 1280 px (in the browser pass) and at 390 px (a phone),
the page body never scrolls sideways and a table scrolls in its own box only when it has more
than six columns; and no English word appears in any page's text or accessible names (checked
with hunspell-nl against a short allowlist).

Every gate collects all problems of all pages and fails once with a readable list
(page → rule → element). Missing tools fail with the command that installs them.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import sitekit
from conftest import ROOT
from generator.gates import CSS_URL, PageLinks
from generator.portal import Portal

pytestmark = pytest.mark.browser

NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = ("run `npm ci --ignore-scripts` in the repository root (`make test` does this when "
            "node_modules is missing or older than package-lock.json; needs Node.js and npm)")

# --- accessibility ---------------------------------------------------------------------------
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Best-practice rules (not tagged WCAG) the portal promises as well.
AXE_EXTRA_RULES = ["heading-order", "skip-link", "page-has-heading-one", "landmark-one-main",
                   "aria-dialog-name"]
# Rules whose result depends on colours: run again in every other palette (dark mode).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]
# Any violation of these fails, whatever its impact; other rules fail when serious or critical.
AXE_STRICT_RULES = {"heading-order", "skip-link", "page-has-heading-one", "bypass", "html-has-lang",
                    "html-lang-valid", "link-name", "document-title", "landmark-one-main"}
FAILING_IMPACTS = {"serious", "critical"}

# --- valid HTML: messages of the Nu Html Checker that come from Material for MkDocs ----------
# Each entry: (message regex, source-extract regex, reason). Keep this list short and narrow:
# an entry matches only Material's own markup, so the same mistake in our templates fails.
VNU_ACCEPTED: list[tuple[str, str, str]] = [
    (r"^Attribute “autocomplete” is only allowed when the input type is",
     r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" '
     r'autocomplete="off">',
     "Material's base.html: hidden checkboxes that hold the drawer/search state carry "
     "autocomplete=off so Firefox does not restore them checked on reload; browsers ignore it "
     "otherwise (no effect on users or assistive technology)."),
    (r"^Bad value “” for attribute “tabindex” on element “label”",
     r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">',
     "Material's partials/nav-item.html writes tabindex=\"\" on the labels of top-level nav "
     "sections (navigation.sections); an empty tabindex is ignored by browsers, so the label "
     "is simply not focusable, as intended for section headings."),
    (r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
     r'<label class="md-nav__title" for="__toc">',
     "Material's partials/toc.html on section index pages (navigation.indexes): the "
     "table-of-contents toggle input is only written for non-index pages; the label is the "
     "visible 'Inhoud' title and clicking it does nothing there."),
]

# --- keyboard ----------------------------------------------------------------------------------
# Marks every control a keyboard user must be able to reach and records how it looks unfocused.
_MARK_CONTROLS_JS = r"""() => {
  const SEL = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, '
            + 'iframe, [tabindex], [contenteditable=""], [contenteditable="true"]';
  const shown = (el) => {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width >= 1 && r.height >= 1;
  };
  // Where an input shows itself: its labels and, as in Material's palette toggle
  // (`.md-option.focus-visible + label`), a label right after it.
  const standIns = (el) => {
    const next = el.nextElementSibling;
    return [...(el.labels ? Array.from(el.labels) : []),
            ...(el.tagName === 'INPUT' && next && next.tagName === 'LABEL' ? [next] : [])];
  };
  const look = (el) => [el, ...standIns(el)].map((e) => {
    const s = getComputedStyle(e);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.color, s.textDecorationLine, s.borderBottomColor, s.borderBottomWidth].join(' ');
  }).join(' / ');
  window.__gate = {shown, look, standIns};
  const controls = [];
  document.querySelectorAll(SEL).forEach((el, i) => {
    if (el.tabIndex < 0 || el.disabled || el.closest('[inert], [aria-hidden="true"]')) return;
    if (!el.checkVisibility({visibilityProperty: true})) return;  // display:none, hidden
    const labels = standIns(el);
    if (!shown(el) && !labels.some(shown)) return;
    el.dataset.gateId = String(i);
    controls.push({id: String(i), radio: el.type === 'radio' ? el.name : null,
                   name: (el.getAttribute('aria-label') || el.innerText || el.title
                          || (labels[0] && labels[0].innerText) || el.outerHTML).trim().slice(0, 60),
                   unfocused: look(el)});
  });
  return controls;
}"""

_FOCUSED_JS = r"""async () => {
  // Let the page's own focus handlers (Material opens search on focus) run first.
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const labels = window.__gate.standIns(el);
  const s = getComputedStyle(el);
  return {id: el.dataset.gateId || null, tag: el.tagName.toLowerCase(),
          classes: String(el.className && el.className.baseVal === undefined ? el.className : ''),
          name: (el.getAttribute('aria-label') || el.innerText || el.title || '').trim().slice(0, 60),
          shown: window.__gate.shown(el) || labels.some(window.__gate.shown),
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
                   || labels.some((l) => getComputedStyle(l).outlineStyle !== 'none'),
          focused: window.__gate.look(el)};
}"""

# Pages with the site header but without a skip link, each with the reason.
SKIP_LINK_EXEMPT = {
    "404.html": "Material writes the skip link only for pages with a table of contents, which "
                "its 404 template has not; axe's `bypass` rule passes there through the main "
                "landmark, and the page is only a heading plus the navigation.",
}

# --- static link / privacy checks -----------------------------------------------------------

class _PageParser(PageLinks):
    """`toets`' link and resource parser, plus Material's header and skip links."""

    def __init__(self) -> None:
        super().__init__()
        self.has_header = False
        self.skip_links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        classes = (dict(attrs).get("class") or "").split()
        if "md-header" in classes:
            self.has_header = True
        if tag == "a" and "md-skip" in classes:
            self.skip_links.append(dict(attrs).get("href") or "")


def _is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.scheme in ("http", "https", "")


def _html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _report(title: str, lines: list[str], limit: int = 80) -> str:
    shown = lines[:limit]
    more = f"\n  … and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"{title} ({len(lines)}):\n  " + "\n  ".join(shown) + more


def _require_npm_tool(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: {NPM_HINT}", pytrace=False)


# --- the browser pass ------------------------------------------------------------------------
@dataclass
class BrowserAudit:
    pages: list[str]
    seconds: float = 0.0
    audited: list[str] = field(default_factory=list)         # pages axe ran on, in every palette
    axe: list[str] = field(default_factory=list)            # failing findings, one line each
    axe_tolerated: list[str] = field(default_factory=list)  # moderate/minor, for information
    palettes: set[str] = field(default_factory=set)
    external: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    failed: list[str] = field(default_factory=list)
    js_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)        # alert/confirm/prompt a page opened
    layout: list[str] = field(default_factory=list)         # sideways scrolling at 1280 px
    texts: dict[str, str] = field(default_factory=dict)     # page → its words, for the language scan


_AXE_RUN_JS = """async ([tags, extra, colourRules, colourOnly]) => {
  const options = colourOnly
    ? {runOnly: {type: 'rule', values: colourRules}}
    : {runOnly: {type: 'tag', values: tags},
       rules: Object.fromEntries(extra.map((id) => [id, {enabled: true}]))};
  options.resultTypes = ['violations'];
  const result = await axe.run(document, options);
  return result.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '),
                                 summary: (n.failureSummary || '').split('\\n').slice(1, 2).join('').trim()}))}));
}"""

_PALETTES_JS = """() => {
  const body = document.body;
  const current = ['scheme', 'primary', 'accent'].map((k) => body.getAttribute('data-md-color-' + k)).join('/');
  const options = Array.from(document.querySelectorAll('input.md-option[data-md-color-scheme]'))
    .map((i) => ['scheme', 'primary', 'accent'].map((k) => i.getAttribute('data-md-color-' + k)).join('/'));
  return {current, others: [...new Set(options)].filter((o) => o !== current)};
}"""

_SET_PALETTE_JS = """(palette) => {
  const [scheme, primary, accent] = palette.split('/');
  document.body.setAttribute('data-md-color-scheme', scheme);
  document.body.setAttribute('data-md-color-primary', primary);
  document.body.setAttribute('data-md-color-accent', accent);
  document.body.getBoundingClientRect();  // apply the new styles before axe reads them
}"""


# --- layout: no sideways scrolling ------------------------------------------------------------
PHONE = {"width": 390, "height": 844}
# A table may scroll inside its own box only when it has more columns than this (issue 13).
MAX_SCROLL_COLUMNS = 6

# Material hides sideways overflow of <html>, which would clip content instead of scrolling; the
# check shows it again, then measures the page and every scrolling box around a table.
_SIDEWAYS_JS = r"""(maxColumns) => {
  const style = document.createElement('style');
  style.textContent = 'html, body { overflow-x: visible !important; }';
  document.head.appendChild(style);
  const problems = [];
  const doc = document.documentElement;
  const over = Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth;
  if (over > 0) {
    const sticksOut = (el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5;
    const wide = [...document.querySelectorAll('.md-content *')]
      .filter((el) => sticksOut(el) && !(el.parentElement && sticksOut(el.parentElement)))
      .slice(0, 3)
      .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : ''));
    problems.push(`the page scrolls sideways by ${over} px (widest: ${wide.join(', ') || '?'})`);
  }
  document.querySelectorAll('table').forEach((table, i) => {
    const columns = table.rows[0] ? [...table.rows[0].cells].reduce((n, c) => n + c.colSpan, 0) : 0;
    for (let box = table; box && box !== document.body; box = box.parentElement) {
      const o = getComputedStyle(box).overflowX;
      if ((o === 'auto' || o === 'scroll') && box.scrollWidth - box.clientWidth > 1) {
        if (columns <= maxColumns) {
          const head = (table.rows[0] || table).innerText.slice(0, 40).replace(/\s+/g, ' ');
          problems.push(`table ${i + 1} (${columns} columns, "${head}") `
                        + `scrolls sideways by ${box.scrollWidth - box.clientWidth} px`);
        }
        break;
      }
    }
  });
  style.remove();
  return problems;
}"""

# --- language: the words a reader sees or hears ---------------------------------------------
# Every text node (hidden ones too: they show up later, e.g. quiz feedback) except code, plus
# the attributes screen readers read out or browsers show as tooltips and placeholders.
_INTERFACE_TEXT_JS = r"""() => {
  const skip = 'script, style, code, pre, kbd, samp, svg, noscript, template';
  const attrs = ['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'aria-roledescription',
                 'aria-placeholder', 'aria-valuetext'];
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.closest(skip)) out.push(n.textContent);
  }
  document.querySelectorAll(attrs.map((a) => `[${a}]`).join(',')).forEach((el) => {
    attrs.forEach((a) => { if (el.hasAttribute(a)) out.push(el.getAttribute(a)); });
  });
  return out.join('\n');
}"""
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-’'][A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_NOT_WORDS = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|\S+\.(?:yml|md|html|pdf|zip|css|js)\b")
# Words hunspell-nl does not know that may appear: word → (reason, pages it may appear on or None
# for every page). Content words of the YAML are in tests/spelling/wordlist.txt (also used here).
INTERFACE_ALLOWLIST: dict[str, tuple[str, set[str] | None]] = {
    "PDF": ("file format, the Dutch word for it", None),
    "PDF's": ("plural of PDF (Woordenlijst spelling)", None),
    "PDF-hand-outs": ("Dutch compound hunspell-nl lacks", {"aanpassen/index.html"}),
    "portaalmap": ("Dutch compound hunspell-nl lacks", {"aanpassen/index.html"}),
    "mv": ("Dutch abbreviation of 'meervoud' in word lists", None),
    "KNM-onderwerpen": ("Dutch compound with the word list's KNM", None),
    "Rolkaarten": ("Dutch compound hunspell-nl lacks (rolkaartjes is in the word list)", None),
    "Benodigdheid": ("Dutch, singular of benodigdheden; hunspell-nl lacks it", None),
    "YAML": ("name of the file format, on the about page", {"over/index.html"}),
    # The demo's editor guide (docs/aanpassen.md, text the organisation writes) names GitHub's
    # own English buttons and menus so that editors find them: *Use this template*, GitHub
    # Actions, and the Git words editors meet there.
    "Use": ("GitHub button 'Use this template'", {"aanpassen/index.html"}),
    "this": ("GitHub button 'Use this template'", {"aanpassen/index.html"}),
    "Actions": ("GitHub Actions, a product name", {"aanpassen/index.html"}),
    "GitHub-workflow": ("GitHub's word, in the editor guide", {"aanpassen/index.html"}),
    "repository": ("Git word editors meet on GitHub", {"aanpassen/index.html"}),
    "branch": ("Git word editors meet on GitHub", {"aanpassen/index.html"}),
    "fork": ("Git word editors meet on GitHub", {"aanpassen/index.html"}),
    "request": ("GitHub's 'pull request'", {"aanpassen/index.html"}),
    "changed": ("GitHub's tab 'Files changed'", {"aanpassen/index.html"}),
    "Visual": ("product name Visual Studio Code", {"aanpassen/index.html"}),
    "webeditor": ("Dutch compound hunspell-nl lacks", {"aanpassen/index.html"}),
    "proefbouwen": ("Dutch compound hunspell-nl lacks", {"aanpassen/index.html"}),
    "gehusselde": ("Dutch ('husselen'), hunspell-nl lacks it", {"aanpassen/index.html"}),
}


@pytest.fixture(scope="module")
def browser_audit(browser: object, site_url: str, built_site: Path) -> Iterator[BrowserAudit]:
    _require_npm_tool(AXE_JS)
    audit = BrowserAudit(pages=_html_pages(built_site))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(site_url))
    current = {"page": ""}

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if not url.startswith(("http:", "https:", "ws:", "wss:")):
            route.continue_()  # type: ignore[attr-defined]
        else:  # never contact anyone from a test run either
            audit.external[current["page"]].add(url)
            route.abort()  # type: ignore[attr-defined]

    def on_response(response: object) -> None:
        if response.url.startswith(origin) and response.status >= 400:  # type: ignore[attr-defined]
            audit.failed.append(f"{current['page']} → {response.url[len(site_url):]} "  # type: ignore[attr-defined]
                                f"(HTTP {response.status})")  # type: ignore[attr-defined]

    def on_request_failed(request: object) -> None:
        # ERR_ABORTED: the audit moved on to the next page while a background fetch (e.g. the
        # search worker's Dutch stemmer) was still running; a missing file is an HTTP 404 above.
        if request.url.startswith(origin) and request.failure != "net::ERR_ABORTED":  # type: ignore[attr-defined]
            audit.failed.append(f"{current['page']} → {request.url[len(site_url):]} "  # type: ignore[attr-defined]
                                f"({request.failure})")  # type: ignore[attr-defined]

    def on_console(message: object) -> None:
        text = message.text  # type: ignore[attr-defined]
        # 'Failed to load resource' duplicates the failed request, which the links gate reports.
        if message.type == "error" and not text.startswith("Failed to load resource"):  # type: ignore[attr-defined]
            audit.js_errors.append(f"{current['page']}: console error: {text}")

    started = time.monotonic()
    context = sitekit.new_context(browser, color_scheme="light", viewport={"width": 1280, "height": 800})
    context.add_init_script(script=AXE_JS.read_text(encoding="utf-8"))
    # Only other hosts are routed (matched in the Playwright driver, so local requests do not
    # make a round trip through Python).
    context.route(re.compile(r"^(?!" + re.escape(origin) + "/)"), route)
    page = context.new_page()
    page.on("response", on_response)
    page.on("requestfailed", on_request_failed)
    page.on("console", on_console)
    page.on("pageerror", lambda exc: audit.js_errors.append(f"{current['page']}: {exc}"))

    def on_dialog(dialog: object) -> None:  # a dialog is script that content made run
        audit.dialogs.append(f"{current['page']}: {dialog.type} {dialog.message!r}")  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    try:
        for rel in audit.pages:
            current["page"] = rel
            response = page.goto(site_url + rel, wait_until="load")
            if response is None or response.status != 200:
                audit.failed.append(f"{rel} (HTTP {response.status if response else '?'})")
                continue
            runs = [("", page.evaluate(_AXE_RUN_JS, [AXE_TAGS, AXE_EXTRA_RULES, AXE_COLOUR_RULES, False]))]
            palettes = page.evaluate(_PALETTES_JS)
            if palettes["current"] != "//":  # pages without Material's palette (print handouts)
                audit.palettes.add(palettes["current"])
            for other in palettes["others"]:
                audit.palettes.add(other)
                page.evaluate(_SET_PALETTE_JS, other)
                runs.append((f" [palette {other}]",
                             page.evaluate(_AXE_RUN_JS, [AXE_TAGS, [], AXE_COLOUR_RULES, True])))
            for palette, violations in runs:
                for v in violations:
                    failing = v["impact"] in FAILING_IMPACTS or v["id"] in AXE_STRICT_RULES
                    for node in v["nodes"]:
                        line = (f"{rel}{palette} → {v['id']} ({v['impact']}: {v['help']}) → "
                                f"{node['target']}" + (f" — {node['summary']}" if node["summary"] else ""))
                        (audit.axe if failing else audit.axe_tolerated).append(line)
            audit.audited.append(rel)
            audit.texts[rel] = page.evaluate(_INTERFACE_TEXT_JS)
            audit.layout += [f"{rel} @1280px: {problem}" for problem in page.evaluate(_SIDEWAYS_JS, MAX_SCROLL_COLUMNS)]
    finally:
        context.close()
    audit.seconds = time.monotonic() - started
    yield audit


def test_gate_accessibility_axe_on_every_page_in_every_palette(browser_audit: BrowserAudit) -> None:
    assert len(browser_audit.pages) > 1
    assert len(browser_audit.palettes) >= 2, f"expected light and dark palettes, got {browser_audit.palettes}"
    assert not browser_audit.axe, _report(
        f"axe-core: serious/critical WCAG 2.1 A/AA violations on {len(browser_audit.pages)} pages "
        f"(palettes: {', '.join(sorted(browser_audit.palettes))}); page → rule → element",
        browser_audit.axe)


def test_gate_privacy_no_request_to_another_host(browser_audit: BrowserAudit) -> None:
    lines = [f"{page} → {url}" for page, urls in sorted(browser_audit.external.items()) for url in sorted(urls)]
    assert not lines, _report("requests to other hosts (privacy: the site must contact no one)", lines)


def test_gate_no_failed_request_to_the_site(browser_audit: BrowserAudit) -> None:
    assert not browser_audit.failed, _report(
        f"pages, assets or scripts that failed to load under {sitekit.SUB_PATH}", browser_audit.failed)


def test_gate_javascript_no_errors_on_any_page(browser_audit: BrowserAudit) -> None:
    assert not browser_audit.js_errors, _report("JavaScript errors", browser_audit.js_errors)


def test_gate_no_dialog_opened_by_any_page(browser_audit: BrowserAudit) -> None:
    assert not browser_audit.dialogs, _report("dialogs opened (alert/confirm/prompt: content ran script)",
                                              browser_audit.dialogs)


def test_gate_audit_reached_every_page(browser_audit: BrowserAudit, capsys: pytest.CaptureFixture[str]) -> None:
    """The other gates only mean something if the audit opened every page; prints what was
    audited and how long it took."""
    missed = sorted(set(browser_audit.pages) - set(browser_audit.audited))
    assert not missed, _report("pages the browser audit could not open", missed)
    with capsys.disabled():
        print(f"\nquality gates: {len(browser_audit.pages)} pages in "
              f"{len(browser_audit.palettes)} palettes audited in {browser_audit.seconds:.1f} s "
              f"({browser_audit.seconds / max(1, len(browser_audit.pages)):.2f} s/page); "
              f"tolerated moderate/minor axe findings: {len(browser_audit.axe_tolerated)}")
        for line in browser_audit.axe_tolerated[:20]:
            print(f"  (tolerated) {line}")


def test_gate_no_sideways_scrolling_at_1280px(browser_audit: BrowserAudit) -> None:
    assert not browser_audit.layout, _report(
        f"sideways scrolling at 1280 px (tables may scroll in their own box only with more than "
        f"{MAX_SCROLL_COLUMNS} columns)", browser_audit.layout)


def test_gate_no_sideways_scrolling_on_a_phone(browser: object, site_url: str, built_site: Path) -> None:
    """Every page at 390 px, in one context: the page never scrolls sideways, nor do small tables."""
    context = sitekit.new_context(browser, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)
    origin = "{0.scheme}://{0.netloc}/".format(urlsplit(site_url))
    context.route(re.compile(r"^(?!" + re.escape(origin) + ")"), lambda route: route.abort())
    problems: list[str] = []
    pages = _html_pages(built_site)
    try:
        page = context.new_page()
        for rel in pages:
            page.goto(site_url + rel, wait_until="load")
            problems += [f"{rel} @390px: {problem}" for problem in page.evaluate(_SIDEWAYS_JS, MAX_SCROLL_COLUMNS)]
    finally:
        context.close()
    assert len(pages) > 1
    assert not problems, _report(f"sideways scrolling on a phone (390 px), {len(pages)} pages", problems)


def test_gate_no_english_words_in_text_or_accessible_names(browser_audit: BrowserAudit) -> None:
    """Every word of every page (after its scripts ran) is Dutch (hunspell-nl), a content word of
    tests/spelling/wordlist.txt, or in INTERFACE_ALLOWLIST for that page."""
    import importlib.util

    assert shutil.which("hunspell"), "install hunspell and hunspell-nl (apt-get install hunspell hunspell-nl)"
    spec = importlib.util.spec_from_file_location("check_spelling", ROOT / "tests" / "spelling" / "check_spelling.py")
    assert spec and spec.loader
    spelling = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(spelling)
    where: dict[str, set[str]] = defaultdict(set)
    for rel, text in browser_audit.texts.items():
        for word in _WORD.findall(_NOT_WORDS.sub(" ", text)):
            where[word].add(rel)
    # The scan itself must work: every page gives words (a site of any size, not only the demo).
    wordless = sorted(rel for rel, text in browser_audit.texts.items() if len(_WORD.findall(text)) < 10)
    assert browser_audit.texts and not wordless, f"pages without words: is the text scan broken? {wordless}"
    known = {w.lower() for w in spelling.load_wordlist()}  # 'rolkaartjes' covers 'Rolkaartjes' in a heading
    unknown = sorted((w for w in spelling.unknown(set(where)) if w.lower() not in known),
                     key=lambda w: (-len(where[w]), w))
    found = []
    for word in unknown:
        reason, allowed_on = INTERFACE_ALLOWLIST.get(word, ("", set()))
        pages = sorted(where[word] - (where[word] if allowed_on is None else allowed_on))
        if pages:
            found.append(f"'{word}' on {len(pages)} page(s): {', '.join(pages[:4])}")
    assert not found, _report("words that are not Dutch in the pages' text or accessible names "
                              "(translate them, or allowlist a name with its reason)", found)


# --- static gates ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def parsed_pages(built_site: Path) -> dict[str, _PageParser]:
    parsed = {}
    for rel in _html_pages(built_site):
        parser = _PageParser()
        parser.feed((built_site / rel).read_text(encoding="utf-8", errors="replace"))
        parsed[rel] = parser
    return parsed


def test_gate_links_no_broken_internal_link_asset_or_fragment(built_site: Path,
                                                              parsed_pages: dict[str, _PageParser]) -> None:
    base = sitekit.SUB_PATH
    broken: list[str] = []
    for rel, parser in parsed_pages.items():
        for ref in parser.refs:
            url = urlsplit(ref)
            if url.scheme or url.netloc or ref.startswith("//"):
                continue  # other sites (mailto:, https:, …) are links, not part of this site
            target = rel
            if url.path:
                if url.path.startswith("/"):
                    if not url.path.startswith(base):
                        broken.append(f"{rel} → {ref} (root-absolute outside the sub-path {base}: "
                                      "breaks on GitHub Pages)")
                        continue
                    joined = posixpath.normpath(unquote(url.path[len(base):]) or ".")
                else:
                    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(url.path)))
                if joined == ".." or joined.startswith("../"):
                    broken.append(f"{rel} → {ref} (points above the site root)")
                    continue
                path = built_site / joined
                if path.is_dir() or url.path.endswith("/"):
                    path = path / "index.html"
                if not path.is_file():
                    broken.append(f"{rel} → {ref} (no such file)")
                    continue
                target = path.relative_to(built_site).as_posix()
            fragment = unquote(url.fragment)
            if fragment and target in parsed_pages and fragment not in parsed_pages[target].ids:
                broken.append(f"{rel} → {ref} (no element with id '{fragment}' on {target})")
    assert not broken, _report("broken internal links, assets or #fragments", broken)


def test_gate_privacy_no_resource_from_another_host_in_html_or_css(built_site: Path,
                                                                   parsed_pages: dict[str, _PageParser]) -> None:
    """Catches what the browser pass cannot see: resources a page loads only later or conditionally."""
    found = [f"{rel} → {url}" for rel, parser in parsed_pages.items() for url in parser.resources
             if _is_other_host(url)]
    for css in sorted(built_site.rglob("*.css")):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        found += [f"{css.relative_to(built_site).as_posix()} → {url}" for url in CSS_URL.findall(text)]
    assert not found, _report("resources loaded from other hosts (fonts, CDNs, images, …)", found)


def test_gate_every_page_is_dutch_with_a_working_skip_link(parsed_pages: dict[str, _PageParser]) -> None:
    problems = [f"{rel}: <html lang=\"{p.lang}\"> (must be \"nl\")" for rel, p in parsed_pages.items()
                if p.lang != "nl"]
    for rel, p in parsed_pages.items():
        if p.has_header and not p.skip_links and rel not in SKIP_LINK_EXEMPT:
            problems.append(f"{rel}: has the site header but no skip link ('Ga naar inhoud')")
        for href in p.skip_links:
            if not href.startswith("#") or href[1:] not in p.ids:
                problems.append(f"{rel}: skip link {href!r} does not point to an element on the page")
    assert not problems, _report("language and skip links", problems)


def _java() -> str:
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is needed for the Nu Html Checker: apt-get install default-jre-headless "
                    "(.ci/run does this)", pytrace=False)
    return java


def test_gate_valid_html_nu_checker(built_site: Path) -> None:
    _require_npm_tool(VNU_JAR)
    result = subprocess.run([_java(), "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html",
                             str(built_site)], capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr[-2000:]}",
                    pytrace=False)
    errors: list[str] = []
    used: set[int] = set()
    for m in messages:
        if m.get("type") not in ("error", "non-document-error"):
            continue  # info and warnings are not gate failures
        extract = re.sub(r"\s+", " ", m.get("extract", "")).strip()
        accepted = [i for i, (msg, ext, _) in enumerate(VNU_ACCEPTED)
                    if re.search(msg, m.get("message", "")) and re.search(ext, extract)]
        if accepted:
            used.update(accepted)
            continue
        page = unquote(urlsplit(m.get("url", "")).path)
        page = Path(page).relative_to(built_site).as_posix() if page.startswith(str(built_site)) else page
        errors.append(f"{page}:{m.get('lastLine', '?')}: {m.get('message')} — {extract[:160]}")
    stale = [f"accepted entry no longer occurs, remove it from VNU_ACCEPTED: {VNU_ACCEPTED[i][0]}"
             for i in range(len(VNU_ACCEPTED)) if i not in used]
    assert not errors and not stale, _report(
        "Nu Html Checker errors from our templates or content (page:line: message — source)",
        errors + stale)


# --- keyboard --------------------------------------------------------------------------------
def _module_page(portal: Portal) -> str:
    with_quiz = [m for m in portal.modules if portal.quiz_of_module(m)]
    module = (with_quiz or list(portal.modules))[0]
    return f"training/{module.id}/"


@pytest.mark.parametrize("which", ["home", "module"])
def test_gate_keyboard_reaches_search_nav_and_every_control_with_visible_focus(
        which: str, browser: object, site_url: str, demo_portal: Portal) -> None:
    path = "" if which == "home" else _module_page(demo_portal)
    context = sitekit.new_context(browser, viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        controls = {c["id"]: c for c in page.evaluate(_MARK_CONTROLS_JS)}
        reached: dict[str, dict] = {}
        order: list[str] = []
        problems: list[str] = []
        first = None
        for _ in range(2 * len(controls) + 20):
            page.keyboard.press("Tab")
            focused = page.evaluate(_FOCUSED_JS)
            if focused is None:
                continue  # focus left the document (browser UI); the next Tab comes back
            key = focused["id"] or f"{focused['tag']}.{focused['classes']}"
            if key == first:
                break  # went round once
            first = first or key
            what = f"<{focused['tag']} class=\"{focused['classes']}\"> '{focused['name']}'"
            order.append(what)
            if not focused["shown"]:
                problems.append(f"focus lands on an invisible element: {what}")
            elif focused["id"] and not focused["outline"] \
                    and focused["focused"] == controls[focused["id"]]["unfocused"]:
                problems.append(f"no visible focus indicator: {what}")
            if focused["id"]:
                reached[focused["id"]] = focused
        reached_radio_groups = {controls[i]["radio"] for i in reached if controls[i]["radio"]}
        for cid, control in controls.items():
            if cid not in reached and not (control["radio"] and control["radio"] in reached_radio_groups):
                problems.append(f"not reachable with Tab: '{control['name']}'")
        classes = " ".join(r["classes"] + " " + r["tag"] for r in reached.values())
        if "md-search__input" not in classes:
            problems.append("the search box is not reachable with Tab")
        if "md-tabs__link" not in classes and "md-nav__link" not in classes:
            problems.append("the navigation is not reachable with Tab")
        if order and "md-skip" not in order[0]:
            problems.append(f"the first Tab should reach the skip link, not {order[0]}")
        assert not problems, _report(f"keyboard on /{path} ({len(controls)} controls, tab order: "
                                     f"{len(order)} stops)", problems)
    finally:
        context.close()


def test_dark_palette_is_what_the_system_setting_selects(browser: object, site_url: str) -> None:
    """The audit switches palettes by attribute; check Material does the same for a dark system."""
    context = sitekit.new_context(browser, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(site_url)
        palettes = page.evaluate(_PALETTES_JS)
        assert palettes["current"].startswith("slate/"), palettes
    finally:
        context.close()
