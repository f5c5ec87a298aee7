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
