"""The organisation's word for its volunteers (issue 13): one setting, used by every label.

Many organisations say 'taalmaatje' or 'maatje' instead of 'taalcoach'. The word, its plural and
its article are labels (site.yml `labels:`); the other labels use them as placeholders, so pages,
role plays and hand-outs all say the organisation's word.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import build_ok
from generator import urls
from generator.cli import main
from generator.labels import Labels, default_labels, label_problems

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MAATJE = {"volunteer": "taalmaatje", "volunteers": "taalmaatjes", "volunteer_article": "het"}


def test_labels_say_the_organisations_word_with_its_article() -> None:
    L = Labels(MAATJE)
    assert L.coach_plays == "Het taalmaatje speelt"
    assert L.coach_focus == "Waar richt het taalmaatje zich op?"
    assert L.coach_tips == "Tips voor het taalmaatje"
    assert L.entrance_volunteer == "Ik ben taalmaatje"
    default = Labels()
    assert default.coach_plays == "De taalcoach speelt" and default.coach_tips == "Tips voor de taalcoach"


def test_no_default_label_still_names_the_taalcoach_itself() -> None:
    """Every label that speaks of the volunteer goes through the setting, not a fixed word."""
    # The person, not compounds about the programme ('taalcoachtraject', 'taalcoach-organisatie').
    person = re.compile(r"\btaalcoach(es)?\b(?!-)", re.I)
    fixed = {k: v for k, v in default_labels().items()
             if k not in ("volunteer", "volunteers") and person.search(v)}
    assert not fixed, f"labels with a fixed 'taalcoach': {fixed}"
    L = Labels(MAATJE)
    leaked = [k for k in default_labels() if person.search(L[k])]
    assert not leaked, leaked


def test_an_organisation_label_may_use_the_word_and_must_set_the_whole_group() -> None:
    assert label_problems({**MAATJE, "more_info": "Meer voor {volunteers}"}) == []
    assert Labels({**MAATJE, "more_info": "Meer voor {volunteers}"}).more_info == "Meer voor taalmaatjes"
    problems = label_problems({"volunteer": "maatje"})
    assert [p[1] for p in problems] == ["label 'volunteer' is set but 'volunteers' is not",
                                        "label 'volunteer' is set but 'volunteer_article' is not"]


def test_check_refuses_half_a_word_setting_with_a_position(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    portal = tmp_path / "portal"
    shutil.copytree(MINI, portal)
    site = portal / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "labels:\n  volunteer: maatje\n", encoding="utf-8")
    code = main(["check", "--portal", str(portal)])
    out = capsys.readouterr()
    output = out.out + out.err
    assert code == 1 and "Traceback" not in output, output
    assert "content/site.yml:" in output and "volunteers" in output and "volunteer_article" in output, output


def test_pages_and_handouts_say_the_organisations_word(tmp_path: Path) -> None:
    portal = tmp_path / "portal"
    shutil.copytree(MINI, portal)
    site_yml = portal / "content" / "site.yml"
    data = yaml.safe_load(site_yml.read_text(encoding="utf-8"))
    data["labels"] = {**data.get("labels", {}), **MAATJE}
    site_yml.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    site = build_ok(portal, tmp_path / "site", "--no-pdf")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Ik ben taalmaatje" in home and "Ik ben taalcoach" not in home
    theme = next(p.stem for p in (portal / "content" / "themes").glob("*.yml")
                 if "role_plays" in p.read_text(encoding="utf-8"))
    page = (site / urls.html_file(urls.theme(theme))).read_text(encoding="utf-8")
    assert "Het taalmaatje speelt" in page and "De taalcoach speelt" not in page
    cards = [p.read_text(encoding="utf-8") for p in (site / "handouts").rglob("*.html")]
    assert any("Het taalmaatje speelt" in c for c in cards)
    assert not any("De taalcoach speelt" in c for c in cards)


def test_cli_help_names_the_installed_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert capsys.readouterr().out.startswith("usage: taalcoach-portaal ")
