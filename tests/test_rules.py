"""Content rules run in `check` for every portal, with file:line: what an editor must keep true."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, edit, line_of, run_cli
from generator.build import load_portal
from generator.errors import ContentErrors, ErrorCollector
from generator.portal import SourceRef
from generator.rules import Findings

MODULE = "content/modules/oefenen-met-spreken.yml"


def test_activities_must_leave_time_to_explain(portal: Path) -> None:
    minutes = sum(a.minutes for a in load_portal(portal).module("oefenen-met-spreken").activities)
    edit(portal, MODULE, "duration: 60", f"duration: {minutes}")
    edit(portal, "content/trainingen/basis.yml", "length: 180", f"length: {180 - 60 + minutes}")  # still adds up
    with pytest.raises(ContentErrors) as info:
        load_portal(portal)
    errors = [str(e) for e in info.value.errors]
    line = line_of(portal, MODULE, f"duration: {minutes}")
    assert f"{MODULE}:{line}:1: the activities take {minutes} of the module's {minutes} minutes: no time is left " \
        "to explain the sections and discuss them — make 'duration' longer or shorten an activity's 'minutes'" in errors
    result = run_cli("check", "--portal", str(portal))
    assert result.returncode == 1 and f"de activiteiten duren {minutes} van de {minutes} minuten" in result.stderr


def test_module_without_quiz_is_a_warning_not_a_failure(portal: Path) -> None:
    (portal / "quizzes/rol-van-de-taalcoach.yml").unlink()
    warned = [str(w) for w in load_portal(portal).warnings]
    assert any(w.startswith("content/modules/rol-van-de-taalcoach.yml:1:1: module 'rol-van-de-taalcoach' has no quiz")
               for w in warned)
    result = run_cli("check", "--portal", str(portal))
    assert result.returncode == 0
    assert "waarschuwing: module 'rol-van-de-taalcoach' heeft geen quiz" in result.stderr
    assert "waarschuwing" in result.stdout  # the OK line counts them


def test_theme_nobody_uses_is_a_warning(portal: Path) -> None:
    src = (portal / "content/themes/boodschappen.yml").read_text(encoding="utf-8")
    (portal / "content/themes/wees.yml").write_text(src, encoding="utf-8")
    warned = [str(w) for w in load_portal(portal).warnings]
    assert any("theme 'wees' is not used by any shown chapter, module or route" in w
               and w.startswith("content/themes/wees.yml:") for w in warned)
    assert not any("'boodschappen' is not used" in w for w in warned)


def test_the_demo_keeps_every_rule() -> None:
    assert [str(w) for w in load_portal(ROOT).warnings] == []


def test_single_choice_answers_in_one_shown_place_are_a_warning(portal: Path) -> None:
    """Shuffled questions spread their right answers (quizdata.py); 'keep_order' questions are
    the editor's own choice, so three right answers in the same place get a warning."""
    rel = "quizzes/rol-van-de-taalcoach.yml"
    question = ("  - type: single\n    question: Vraag {n}?\n    keep_order: true\n    options:\n"
                "      - {{text: Eerste {n}, feedback: Niet goed want zo.}}\n"
                "      - {{text: Tweede {n}, correct: true, feedback: Goed want zo.}}\n"
                "    explanation: Uitleg.\n")
    path = portal / rel
    path.write_text(path.read_text(encoding="utf-8") + "".join(question.format(n=n) for n in range(3)),
                    encoding="utf-8")
    warned = [str(w) for w in load_portal(portal).warnings]
    [piled] = [w for w in warned if "single-choice" in w]
    assert piled.startswith(f"{rel}:{line_of(portal, rel, 'questions:')}:1: in ")  # 3 or 4 of 4: the
    assert piled.endswith(" of 4 single-choice questions of quiz 'rol-van-de-taalcoach' the right answer "
                          "is shown as option 2 — remove 'keep_order: true' where the order does not "
                          "matter, or reorder those options")  # fixture's own question is shuffled
    path.write_text(path.read_text(encoding="utf-8").replace("    keep_order: true\n", ""), encoding="utf-8")
    assert not [w for w in load_portal(portal).warnings if "single-choice" in str(w)]


def test_a_finding_whose_file_is_unknown_names_its_source(tmp_path: Path) -> None:
    """Rules address sources by a typed SourceRef; without a file position the message still
    says which item it is about, in the text editors know ('module:<id>', 'routes')."""
    errors = ErrorCollector(tmp_path)
    findings = Findings({}, errors)
    findings.warning(SourceRef("module", "intake"), ("title",), "module 'intake' has no quiz")
    findings.error(SourceRef("routes"), ("routes",), "no route", "add one")
    assert [str(w) for w in errors.warnings] == ["module:intake:1:1: module 'intake' has no quiz"]
    assert [str(e) for e in errors.errors] == ["routes:1:1: no route — add one"]
