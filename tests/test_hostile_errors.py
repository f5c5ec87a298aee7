"""Hostile and broken inputs that `check` must refuse: exit 1, `file:line:col: message`, no traceback.

Each case copies the mini portal, changes one file and runs the real CLI in-process (the same
``main()`` the console script calls), so a traceback would fail the test as an exception.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def _portal(tmp_path: Path, rel: str, edit: str, append: bool = True) -> Path:
    portal = tmp_path / "portal"
    shutil.copytree(MINI, portal)
    target = portal / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if append:
        target.write_text(target.read_text(encoding="utf-8") + edit, encoding="utf-8")
    else:
        target.write_text(edit, encoding="utf-8")
    return portal


def _check(portal: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--lang", "en", "check", "--portal", str(portal)])
    out = capsys.readouterr()
    return code, out.out + out.err


# (case id, file, text appended to it, expected 'file:line' prefix, words the message must contain)
APPENDED = [
    ("label-unknown-key", "content/site.yml", "labels:\n  vocabulry: Woorden\n", "content/site.yml:18:",
     ["unknown label 'vocabulry'", "did you mean 'vocabulary'"]),
    ("label-bool-key", "content/site.yml", "labels:\n  true: Ja\n", "content/site.yml:18:",
     ["key 'true'", "quotes"]),
    ("label-int-key", "content/site.yml", "labels:\n  12: twaalf\n", "content/site.yml:18:",
     ["key '12'", "quotes"]),
    ("label-format-attribute", "content/site.yml",
     "labels:\n  norm_line: \"{meetings.__class__.__mro__}\"\n", "content/site.yml:18:",
     ["uses '{meetings.__class__.__mro__}', which is not a plain placeholder", "{meetings}"]),
    ("label-unknown-placeholder", "content/site.yml", "labels:\n  quiz_progress: \"{aantal} gedaan\"\n",
     "content/site.yml:18:", ["unknown placeholder '{aantal}'", "{done}, {total}"]),
    ("label-format-spec", "content/site.yml", "labels:\n  quiz_score: \"{right:>10} van {total}\"\n",
     "content/site.yml:18:", ["not a plain placeholder"]),
    ("label-stray-brace", "content/site.yml", "labels:\n  home: \"Start {\"\n", "content/site.yml:18:",
     ["unmatched brace"]),
    ("label-placeholder-in-plain-label", "content/site.yml", "labels:\n  home: \"{done}\"\n",
     "content/site.yml:18:", ["unknown placeholder '{done}'", "no placeholders"]),
]
SITE_URLS = [
    ("repo-url-javascript", "repo_url", "javascript:alert(1)", "'javascript:' are not allowed"),
    ("repo-url-javascript-tab", "repo_url", "\"java\\tscript:alert(1)\"", "spaces or control characters"),
    ("repo-url-data", "repo_url", "\"data:text/html,<script>alert(1)</script>\"", "'data:' are not allowed"),
    ("site-url-vbscript", "site_url", "vbscript:msgbox(1)", "'vbscript:' are not allowed"),
    ("site-url-file", "site_url", "file:///etc/passwd", "'file:' are not allowed"),
    ("site-url-protocol-relative", "site_url", "//evil.example/x", "not start with '//'"),
    ("site-url-no-host", "site_url", "https:evil", "needs a host"),
]


@pytest.mark.parametrize("case, rel, edit, where, words", APPENDED, ids=[c[0] for c in APPENDED])
def test_check_refuses(case: str, rel: str, edit: str, where: str, words: list[str], tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _check(_portal(tmp_path, rel, edit), capsys)
    assert code == 1, output
    assert "Traceback" not in output
    line = next((ln for ln in output.splitlines() if f"/{where}" in ln), None)
    assert line, f"no error at {where}:\n{output}"
    for word in words:
        assert word in line, line


@pytest.mark.parametrize("case, field, value, words", SITE_URLS, ids=[c[0] for c in SITE_URLS])
def test_url_fields_accept_only_safe_schemes(case: str, field: str, value: str, words: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    site = (MINI / "content/site.yml").read_text(encoding="utf-8")
    site = re.sub(rf"^{field}: .*$", f"{field}: {value}", site, flags=re.MULTILINE)
    line_no = next(i for i, ln in enumerate(site.splitlines(), 1) if ln.startswith(f"{field}:"))
    code, output = _check(_portal(tmp_path, "content/site.yml", site, append=False), capsys)
    assert code == 1 and "Traceback" not in output, output
    assert f"content/site.yml:{line_no}:" in output and words in output, output


@pytest.mark.parametrize("value", ["https://org.example/", "mailto:info@org.example", "tel:+31101234567",
                                   "../andere-site/", "http://localhost:8000/"])
def test_url_fields_accept_https_http_mailto_tel_and_relative(value: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    site = (MINI / "content/site.yml").read_text(encoding="utf-8") + "\n"
    site = re.sub(r"^repo_url: .*$", f"repo_url: \"{value}\"", site, flags=re.MULTILINE)
    code, output = _check(_portal(tmp_path, "content/site.yml", site, append=False), capsys)
    assert code == 0, output


def test_contact_email_must_be_an_address(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = (MINI / "content/site.yml").read_text(encoding="utf-8").replace(
        "email: info@taalcoach-voorbeeldstad.nl", "email: \"x@y.nl><script>alert(1)</script>\"")
    code, output = _check(_portal(tmp_path, "content/site.yml", site, append=False), capsys)
    assert code == 1 and "content/site.yml:6:" in output and "not an e-mail address" in output, output


# --- group 4: YAML that cannot be weaponised ----------------------------------------------------
MODULE = "content/modules/oefenen-met-spreken.yml"
THEME = "content/themes/kennismaken.yml"
BOMB = ('lol: &a ["x","x","x","x","x","x","x","x","x","x"]\n'
        + "".join(f'l{n}: &{chr(98 + n)} [' + ",".join([f"*{chr(97 + n)}"] * 10) + "]\n" for n in range(7)))

YAML_CASES = [
    # (case id, file, full new text or None to append, appended text, 'line:col', words)
    ("control-character-line-2", THEME, "title: Kennismaken\nsummary: Oefenen\x07 met kennismaken.\n", "", 2, 17,
     ["control character (U+0007)"]),
    ("unclosed-quote-last-line", THEME, None, "coach_tips_extra: 'nooit gesloten\n", 24, 19,
     ["quote is opened here and never closed"]),
    ("env-tag", MODULE, None, "extra: !ENV HOME\n", 18, 8, ["tag '!ENV' is not allowed"]),
    ("python-tag", MODULE, None, "extra: !!python/object/apply:os.system ['id']\n", 18, 8,
     ["python/object/apply:os.system' is not allowed"]),
    ("billion-laughs", MODULE, None, BOMB, None, None, ["expands to more than 100000 values"]),
    ("recursive-alias", MODULE, None, "extra: &r [*r]\n", 18, 8, ["alias refers to the list or mapping"]),
    ("hex-number", MODULE, None, "extra: 0x1F\n", 18, 8, ["'0x1F' is not a whole number in decimal notation"]),
    ("sexagesimal-number", MODULE, None, "extra: 1:30\n", 18, 8, ["'1:30' is not a whole number"]),
    ("underscore-number", MODULE, None, "extra: 1_0\n", 18, 8, ["'1_0' is not a whole number"]),
    ("merge-of-a-list", MODULE, None, "extra:\n  <<: [1, 2]\n", 19, 8, ["'<<' merges a mapping"]),
    ("duplicate-key-still-refused", MODULE, None, "title: Nog een titel\n", 18, 1, ["duplicate key 'title'"]),
]


@pytest.mark.parametrize("case, rel, text, extra, line, col, words", YAML_CASES, ids=[c[0] for c in YAML_CASES])
def test_yaml_cannot_be_weaponised(case: str, rel: str, text: str | None, extra: str, line: int | None,
                                   col: int | None, words: list[str], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    if text is None:
        text = (MINI / rel).read_text(encoding="utf-8") + extra
    code, output = _check(_portal(tmp_path, rel, text, append=False), capsys)
    assert code == 1 and "Traceback" not in output, output
    where = f"/{rel}:{line}:{col}: " if line else f"/{rel}:"
    hit = [ln for ln in output.splitlines() if where in ln]
    assert hit, f"no error at {where}:\n{output}"
    for word in words:
        assert word in hit[0], hit[0]


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (MINI / MODULE).read_text(encoding="utf-8") + "# " + "x" * 2_100_000 + "\n"
    code, output = _check(_portal(tmp_path, MODULE, text, append=False), capsys)
    assert code == 1 and f"/{MODULE}:1:1: file is too large" in output, output


def test_merge_key_override_follows_the_yaml_spec(tmp_path: Path) -> None:
    from generator.build import load_portal

    text = (MINI / THEME).read_text(encoding="utf-8").replace(
        "  - title: Aan de balie\n",
        "  - <<: {title: Oud, level: A1, coach_role: medewerker}\n    title: Aan de balie van de bibliotheek\n", 1)
    assert "<<:" in text
    play = next(t for t in load_portal(_portal(tmp_path, THEME, text, append=False)).themes
                if t.id == "kennismaken").role_plays[0]
    assert play.title == "Aan de balie van de bibliotheek"  # the mapping's own key wins over '<<'
    assert play.level == "A2"


def test_a_leading_zero_is_decimal_never_octal(tmp_path: Path) -> None:
    from generator.build import load_portal

    text = (MINI / MODULE).read_text(encoding="utf-8").replace("order: 20", "order: 010")
    module = next(m for m in load_portal(_portal(tmp_path, MODULE, text, append=False)).modules
                  if m.id == "oefenen-met-spreken")
    assert module.order == 10


@pytest.mark.parametrize("rel", ["content/modules/index.yml", "content/themes/index.yml", "quizzes/index.yml"])
def test_reserved_ids_are_refused(rel: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = {"content/modules": MODULE, "content/themes": THEME,
              "quizzes": "quizzes/rol-van-de-taalcoach.yml"}[rel.rsplit("/", 1)[0]]
    text = (MINI / source).read_text(encoding="utf-8")
    if rel.startswith("quizzes"):
        text = text.replace("module: rol-van-de-taalcoach", "module: oefenen-met-spreken")
    code, output = _check(_portal(tmp_path, rel, text, append=False), capsys)
    assert code == 1 and f"/{rel}:1:1: 'id' is 'index', a name the portal uses" in output, output


# --- group 2: files stay inside the portal ------------------------------------------------------
SECRET = "geheim-TAALCOACH-9-niet-publiceren"


@pytest.mark.parametrize("link", ["content/themes/geheim.yml", "content/modules/geheim.yml", "quizzes/geheim.yml",
                                  "docs/geheim.md", "docs/map"])
def test_a_link_out_of_the_portal_is_an_error_that_prints_nothing_of_the_target(
        link: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(f"# {SECRET}\ntitle: {SECRET}\n", encoding="utf-8")
    portal = _portal(tmp_path, "content/site.yml", "")
    (portal / link).symlink_to(outside if link.endswith("map") else outside / "geheim.md")
    code, output = _check(portal, capsys)
    assert code == 1 and "Traceback" not in output, output
    assert f"/{link}:1:1: this file is a link to a place outside the portal folder" in output, output
    assert SECRET not in output


def test_a_link_inside_the_portal_is_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    portal = _portal(tmp_path, "content/site.yml", "")
    (portal / "docs" / "ook-over.md").symlink_to(portal / "docs" / "over.md")
    code, output = _check(portal, capsys)
    assert code == 0, output


@pytest.mark.pdf
@pytest.mark.parametrize("html", [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    '<a rel="attachment" href="file:///etc/hostname">bijlage</a>',
    '<img src="https://example.org/tracker.png">',
])
@pytest.mark.pdf
def test_weasyprint_fetches_no_local_file_and_no_network(html: str, tmp_path: Path) -> None:
    """The fetcher itself refuses, even for HTML that skipped the sanitiser."""
    from pypdf import PdfReader

    from generator.handouts.pdf import render_pdf

    target = tmp_path / "h.pdf"
    render_pdf(f"<p>Handout</p>{html}", target)
    reader = PdfReader(target)
    assert not dict(reader.attachments)
    assert b"root:x:0:0" not in target.read_bytes()
    assert not any(page.images for page in reader.pages)  # nothing was embedded


# --- group 3: privacy at build time ---------------------------------------------------------------
REMOTE = [
    ("markdown-image", "![logo](https://cdn.example.com/logo.png)", "image from another host (cdn.example.com)"),
    ("img-tag", '<img src="https://tracker.example/p.gif" alt="">', "<img> from another host (tracker.example)"),
    ("img-protocol-relative", "<img src=//evil.example/x.gif>", "<img> from another host (evil.example)"),
    ("img-srcset", '<img src="a.png" srcset="a.png 1x, https://cdn.example/b.png 2x">',
     "<img> from another host (cdn.example)"),
    ("script", '<script src="https://evil.example/x.js"></script>', "<script> from another host (evil.example)"),
    ("stylesheet", '<link rel="stylesheet" href="https://fonts.example/a.css">',
     "<link> from another host (fonts.example)"),
    ("iframe", '<iframe src="https://video.example/embed/1"></iframe>', "add 'video.example' to 'allowed_hosts'"),
    ("video-poster", '<video poster="https://cdn.example/p.jpg"></video>', "<video> from another host (cdn.example)"),
    ("css-url", '<span style="background:url(https://cdn.example/bg.png)">x</span>',
     "url() from another host (cdn.example)"),
]


def _with_section_body(body: str) -> str:
    text = (MINI / MODULE).read_text(encoding="utf-8")
    indented = "".join(f"      {line}\n" for line in body.splitlines())
    return text.replace("sections:\n", f"sections:\n  - title: Extra\n    body: |\n      Eerst tekst.\n\n{indented}", 1)


@pytest.mark.parametrize("case, html, words", REMOTE, ids=[c[0] for c in REMOTE])
def test_remote_references_in_content_are_check_errors(case: str, html: str, words: str, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    text = _with_section_body(html)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if html.splitlines()[0] in ln)
    code, output = _check(_portal(tmp_path, MODULE, text, append=False), capsys)
    assert code == 1 and "Traceback" not in output, output
    assert f"/{MODULE}:{line}:" in output and words in output, output


def test_remote_reference_in_a_hand_written_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    portal = _portal(tmp_path, "docs/over.md", "\n![kaart](https://maps.example/tile.png)\n")
    code, output = _check(portal, capsys)
    assert code == 1 and "/docs/over.md:6:1: image from another host (maps.example)" in output, output


def test_allowlisted_iframe_host_and_plain_links_are_fine(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _with_section_body('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n'
                              "[onze site](https://org.example/) en <https://org.example/over/>")
    portal = _portal(tmp_path, MODULE, text, append=False)
    site = portal / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "allowed_hosts: [youtube-nocookie.com]\n", encoding="utf-8")
    code, output = _check(portal, capsys)
    assert code == 0, output


@pytest.mark.parametrize("html, kept, dropped", [
    ('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>', "youtube-nocookie.com/embed/x", None),
    ('<iframe src="https://evil.example/x"></iframe>', None, "evil.example"),
    ('<iframe src="javascript:alert(1)"></iframe>', None, "javascript"),
    ('<img src="https://www.youtube-nocookie.com/a.png">', None, "a.png"),
    ('<img src="../img/logo.svg" alt="logo">', "../img/logo.svg", None),
    ('<a href="javascript:alert(1)" onclick="x()">a</a>', None, "javascript"),
])
def test_sanitiser_allowlist(html: str, kept: str | None, dropped: str | None) -> None:
    from generator.sanitize import clean_html

    out = clean_html(html, ["youtube-nocookie.com"])
    if kept:
        assert kept in out
    if dropped:
        assert dropped not in out and "onclick" not in out
