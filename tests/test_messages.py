"""Messages for Dutch editors: Dutch by default, English on request, the file as the user typed
it, the exact ``file:line:col`` kept, and GitHub annotations when run by GitHub Actions."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from generator.build import load_portal
from generator.errors import ContentErrors
from generator.messages import has_translation, translate

MINI = ROOT / "tests" / "fixtures" / "mini"
THEME = "content/themes/kennismaken.yml"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The mini portal with a wrong article on line 9 of a theme."""
    root = tmp_path / "ons-portaal"
    shutil.copytree(MINI, root)
    path = root / THEME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("article: het", "article: hat", 1), encoding="utf-8")
    return root


def _line_of_hat(root: Path) -> int:
    lines = (root / THEME).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if "article: hat" in line)


def test_dutch_by_default_with_the_folder_as_typed(broken: Path) -> None:
    result = run_cli("check", "--portal", "ons-portaal", cwd=broken.parent)
    line = _line_of_hat(broken)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"ons-portaal/{THEME}:{line}:5: 'vocabulary.1.article' is 'hat'; dat mag hier niet — "
        "kies uit 'de', 'het' of 'de/het'",
        "1 fout in de inhoud; er is niets gebouwd."]


def test_a_folder_above_stays_relative(broken: Path) -> None:
    inside = broken.parent / "elders"
    inside.mkdir()
    result = run_cli("check", "--portal", "../ons-portaal", cwd=inside)
    assert result.stderr.startswith(f"../ons-portaal/{THEME}:{_line_of_hat(broken)}:5: ")


@pytest.mark.parametrize("how", [("--lang", "en"), ("env",)])
def test_english_on_request(broken: Path, how: tuple[str, ...]) -> None:
    args = ("--lang", "en") if how[0] == "--lang" else ()
    args += ("check", "--portal", str(broken))
    env = {"TAALCOACH_LANG": "en"} if how[0] == "env" else None
    result = run_cli(*args, env=env)
    assert result.stderr.splitlines() == [
        f"{broken}/{THEME}:{_line_of_hat(broken)}:5: 'vocabulary.1.article' is 'hat', which is not allowed — "
        "use one of 'de', 'het' or 'de/het'",
        "1 error in the content; nothing was built."]


def test_english_for_one_call_leaves_the_next_call_dutch(broken: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """`--lang en` in one in-process call must not make later commands (or their
    subprocesses, which inherit the environment) speak English."""
    from generator import cli
    from generator.messages import LANG_ENV

    monkeypatch.delenv(LANG_ENV, raising=False)
    assert cli.main(["--lang", "en", "check", "--portal", str(broken)]) == 1
    assert "which is not allowed" in capsys.readouterr().err
    assert LANG_ENV not in os.environ
    assert cli.main(["check", "--portal", str(broken)]) == 1
    assert "1 fout in de inhoud" in capsys.readouterr().err


@pytest.mark.slow  # runs a build
def test_build_reports_in_dutch_with_the_typed_folder(broken: Path) -> None:
    result = run_cli("build", "--no-pdf", "--portal", "ons-portaal", cwd=broken.parent)
    assert result.returncode == 1
    assert f"ons-portaal/{THEME}:{_line_of_hat(broken)}:5: 'vocabulary.1.article' is 'hat'; dat mag hier niet" \
        in result.stdout + result.stderr


def test_github_actions_annotations_point_at_the_line(broken: Path) -> None:
    result = run_cli("check", "--portal", "ons-portaal", cwd=broken.parent, env={"GITHUB_ACTIONS": "true"})
    line = _line_of_hat(broken)
    assert (f"::error file=ons-portaal/{THEME},line={line},col=5::'vocabulary.1.article' is 'hat'; "
            "dat mag hier niet — kies uit 'de', 'het' of 'de/het'") in result.stderr.splitlines()
    plain = run_cli("check", "--portal", "ons-portaal", cwd=broken.parent)
    assert "::error" not in plain.stderr


def test_annotation_escapes_what_would_cut_it(broken: Path) -> None:
    from generator.errors import ContentError

    finding = ContentError("a,b:c.yml", 3, 4, "100% wrong\nsecond line", severity="warning")
    assert finding.annotation("en") == "::warning file=a%2Cb%3Ac.yml,line=3,col=4::100%25 wrong%0Asecond line"


BREAKAGES: list[tuple[str, str, str]] = [
    ("content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: zestig"),
    ("content/modules/oefenen-met-spreken.yml", "audience: Nieuwe taalcoaches in de basistraining\n", ""),
    ("content/modules/rol-van-de-taalcoach.yml", "title: Jouw rol", "titel: Jouw rol"),
    ("content/modules/oefenen-met-spreken.yml", "order: 20", "order: 20\norder: 30"),
    ("content/methods/voorbeeldmethode-op-weg.yml", "themes: [boodschappen]", "themes: [boodschapen]"),
    ("content/routes.yml", "modules: [oefenen-met-spreken]", "modules: [bestaat-niet]"),
    ("content/tasks.yml", "      taalcoach: Oefent", "      taalcoch: Oefent"),
    ("quizzes/rol-van-de-taalcoach.yml", "module: rol-van-de-taalcoach", "module: rol-taalcoach"),
    ("content/themes/kennismaken.yml", "summary: Oefenen", "summary: Oefenen: met: x\n  - kapot"),
    ("quizzes/rol-van-de-taalcoach.yml", "      - text: Ik kijk het samen met hem na.\n",
     "      - text: Ik kijk het samen met hem na.\n        correct: true\n"),
]


def test_every_message_of_common_mistakes_has_a_dutch_sentence(tmp_path: Path) -> None:
    """A message added without a catalogue entry would reach Dutch editors in English."""
    untranslated = []
    for number, (rel, old, new) in enumerate(BREAKAGES):
        root = tmp_path / str(number)
        shutil.copytree(MINI, root)
        text = (root / rel).read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {old!r} not in {rel}"
        (root / rel).write_text(text.replace(old, new, 1), encoding="utf-8")
        (root / "content/themes/leeg.yml").write_text("", encoding="utf-8")
        with pytest.raises(ContentErrors) as info:
            load_portal(root)
        for error in info.value.errors:
            untranslated += [text for text in (error.message, error.hint) if text and not has_translation(text)]
    assert untranslated == []


def test_kinds_inside_sentences_are_translated() -> None:
    assert translate("unknown module 'x'", "nl") == "onbekende module 'x'"
    assert translate("unknown theme 'x'", "nl") == "onbekend thema 'x'"
    assert translate("there are no methods yet", "nl") == "er zijn nog geen methodes"
    assert translate("no entry for this sentence", "nl") == "no entry for this sentence"


def test_every_message_of_the_hostile_cases_has_a_dutch_sentence(tmp_path: Path) -> None:
    """The YAML-hardening and field-kind messages (test_hostile_errors.py) reach Dutch editors in Dutch."""
    from test_hostile_errors import APPENDED, YAML_CASES

    cases = [(rel, (MINI / rel).read_text(encoding="utf-8") + edit) for _, rel, edit, *_ in APPENDED]
    cases += [(rel, text if text is not None else (MINI / rel).read_text(encoding="utf-8") + extra)
              for _, rel, text, extra, *_ in YAML_CASES]
    untranslated = []
    for number, (rel, text) in enumerate(cases):
        root = tmp_path / str(number)
        shutil.copytree(MINI, root)
        (root / rel).write_text(text, encoding="utf-8")
        with pytest.raises(ContentErrors) as info:
            load_portal(root)
        untranslated += [f"{rel}: {part}" for error in info.value.errors for part in (error.message, error.hint)
                         if part and not has_translation(part)]
    assert untranslated == []
