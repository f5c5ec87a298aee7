"""Bad input gives one precise line per problem: file:line:col, what is wrong, and a hint."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import edit, errors_of, line_of, run_cli
from generator.build import load_portal


def test_fixture_portal_is_valid(portal: Path) -> None:
    assert load_portal(portal).modules


def test_yaml_syntax_error_points_at_the_line(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "summary: Oefenen", "summary: Oefenen: met: x\n  - kapot")
    [error] = errors_of(portal)
    assert error.startswith("content/themes/kennismaken.yml:2:")
    assert "YAML syntax error" in error and "indentation" in error


def test_wrong_type_names_field_and_expected_type(portal: Path) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: zestig")
    [error] = errors_of(portal)
    line = line_of(portal, "content/modules/oefenen-met-spreken.yml", "duration:")
    assert error.startswith(f"content/modules/oefenen-met-spreken.yml:{line}:1: 'duration' should be a whole number")


def test_missing_required_field(portal: Path) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "audience: Nieuwe taalcoaches in de basistraining\n", "")
    [error] = errors_of(portal)
    assert error.startswith("content/modules/oefenen-met-spreken.yml:1:1: missing required field 'audience'")
    assert "add a line 'audience: …'" in error


def test_unknown_field_suggests_the_right_name(portal: Path) -> None:
    edit(portal, "content/modules/rol-van-de-taalcoach.yml", "title: Jouw rol", "titel: Jouw rol")
    [error] = errors_of(portal)  # no second 'missing title' error for the same typo
    assert error.startswith("content/modules/rol-van-de-taalcoach.yml:1:1: unknown field 'titel'")
    assert "did you mean 'title'?" in error


def test_nested_unknown_field_points_at_its_line(portal: Path) -> None:
    rel = "content/modules/rol-van-de-taalcoach.yml"
    edit(portal, rel, "    minutes: 30", "    minuten: 30")
    errors = errors_of(portal)
    line = line_of(portal, rel, "minuten:")
    assert f"{rel}:{line}:5: unknown field 'minuten' — did you mean 'minutes'?" in errors[0]


def test_duplicate_id_across_files(portal: Path) -> None:
    src = portal / "content/themes/boodschappen.yml"
    (portal / "content/themes/kopie-van-boodschappen.yml").write_text(
        "id: boodschappen\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
    [error] = errors_of(portal)
    assert error.startswith("content/themes/kopie-van-boodschappen.yml:1:1: duplicate id 'boodschappen'")
    assert "content/themes/boodschappen.yml" in error


def test_unknown_theme_in_chapter_suggests_close_match(portal: Path) -> None:
    rel = "content/methods/voorbeeldmethode-op-weg.yml"
    edit(portal, rel, "themes: [boodschappen]", "themes: [boodschapen]")
    [error] = errors_of(portal)
    line = line_of(portal, rel, "boodschapen")
    assert error == (f"{rel}:{line}:14: unknown theme 'boodschapen' — did you mean 'boodschappen'?")


def test_unknown_module_in_route(portal: Path) -> None:
    edit(portal, "content/routes.yml", "modules: [oefenen-met-spreken]", "modules: [bestaat-niet]")
    [error] = errors_of(portal)
    line = line_of(portal, "content/routes.yml", "bestaat-niet")
    assert error.startswith(f"content/routes.yml:{line}:15: unknown module 'bestaat-niet'")


def test_unknown_role_in_task_division(portal: Path) -> None:
    edit(portal, "content/tasks.yml", "      taalcoach: Oefent", "      taalcoch: Oefent")
    [error] = errors_of(portal)
    line = line_of(portal, "content/tasks.yml", "taalcoch:")
    assert error.startswith(f"content/tasks.yml:{line}:7: unknown role 'taalcoch' — did you mean 'taalcoach'?")


def test_quiz_for_unknown_module(portal: Path) -> None:
    edit(portal, "quizzes/rol-van-de-taalcoach.yml", "module: rol-van-de-taalcoach", "module: rol-taalcoach")
    [error] = errors_of(portal)
    assert error.startswith("quizzes/rol-van-de-taalcoach.yml:2:1: unknown module 'rol-taalcoach'")


def test_unknown_route_in_module(portal: Path) -> None:
    rel = "content/modules/oefenen-met-spreken.yml"
    edit(portal, rel, "routes: [z-route]", "routes: [z-roete]")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:{line_of(portal, rel, 'z-roete')}:") and "unknown route 'z-roete'" in error


def test_empty_file(portal: Path) -> None:
    (portal / "content/themes/leeg.yml").write_text("", encoding="utf-8")
    assert errors_of(portal) == ["content/themes/leeg.yml:1:1: file is empty — "
                                 "add content, or delete the file if it is not needed"]


def test_file_that_is_not_utf8(portal: Path) -> None:
    (portal / "content/themes/cafe.yml").write_bytes("title: Caf\u00e9\n".encode("latin-1"))
    [error] = errors_of(portal)
    assert error.startswith("content/themes/cafe.yml:1:11: file is not UTF-8") and "UTF-8" in error.split("—")[1]


def test_duplicate_key_is_not_silently_overwritten(portal: Path) -> None:
    rel = "content/modules/oefenen-met-spreken.yml"
    edit(portal, rel, "order: 20", "order: 20\norder: 30")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:{line_of(portal, rel, 'order: 30')}:1: duplicate key 'order'")


def test_wrong_article_lists_allowed_values(portal: Path) -> None:
    rel = "content/themes/kennismaken.yml"
    edit(portal, rel, "article: het", "article: hat")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:{line_of(portal, rel, 'article: hat')}:5: 'vocabulary.1.article' is 'hat'")
    assert "'de', 'het' or 'de/het'" in error


def test_single_choice_question_needs_one_correct_option(portal: Path) -> None:
    rel = "quizzes/rol-van-de-taalcoach.yml"
    edit(portal, rel, "      - text: Ik kijk het samen met hem na.\n",
            "      - text: Ik kijk het samen met hem na.\n        correct: true\n")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:4:5: a 'single' question needs exactly 1 option with 'correct: true' (has 2)")


def test_all_errors_of_a_run_are_reported_together(portal: Path) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: zestig")
    edit(portal, "content/themes/kennismaken.yml", "article: het", "article: hat")
    (portal / "content/methods/leeg.yml").write_text("", encoding="utf-8")
    files = sorted(e.split(":")[0] for e in errors_of(portal))
    assert files == ["content/methods/leeg.yml", "content/modules/oefenen-met-spreken.yml",
                     "content/themes/kennismaken.yml"]


def test_cli_check_prints_lines_and_exits_1_without_traceback(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "article: het", "article: hat")
    result = run_cli("check", "--portal", str(portal))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    first = result.stderr.splitlines()[0]
    # The folder as typed (here absolute), Dutch by default (test_messages.py covers --lang en).
    assert first.startswith(f"{portal}/content/themes/kennismaken.yml:") and "'hat'" in first
    assert "1 fout in de inhoud; er is niets gebouwd." in result.stderr


@pytest.mark.slow  # two builds
def test_failed_build_keeps_the_previous_site(portal: Path) -> None:
    site = portal / "site"
    assert run_cli("build", "--portal", str(portal), "--no-pdf").returncode == 0
    good = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: zestig")
    result = run_cli("build", "--portal", str(portal), "--no-pdf")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "content/modules/oefenen-met-spreken.yml:" in result.stdout + result.stderr
    assert sorted(p.relative_to(site) for p in site.rglob("*.html")) == good
    assert not list(portal.glob(".site-building-*")), "a half-built folder was left behind"


def test_theme_with_material_for_an_undeclared_level_is_an_error(portal: Path) -> None:
    rel = "content/themes/kennismaken.yml"
    edit(portal, rel, "levels: [A1, A2, B1]", "levels: [A2, B1]")
    errors = errors_of(portal)
    line = line_of(portal, rel, "A1: [Hoe heet je?]")
    assert errors == [f"{rel}:{line}:3: theme 'kennismaken' has A1 questions but 'levels' does not list A1 — "
                      "add the level to 'levels', or move or remove the material"]
    edit(portal, rel, "    level: A2", "    level: B2")  # not a practice level at all: schema error
    edit(portal, rel, "levels: [A2, B1]", "levels: [A1, B1]")
    [error] = errors_of(portal)
    assert "role_plays.0.level" in error and "'B2'" in error


def test_role_play_for_an_undeclared_level_is_an_error(portal: Path) -> None:
    rel = "content/themes/kennismaken.yml"
    edit(portal, rel, "levels: [A1, A2, B1]", "levels: [A1, B1]")
    edit(portal, rel, "  A2: [Wat heb je gisteren gedaan?]\n", "")
    [error] = errors_of(portal)
    line = line_of(portal, rel, "    level: A2")
    assert error.startswith(f"{rel}:{line}:5: role play 'Aan de balie' is for A2, but 'levels' does not list A2")


def test_plural_noun_must_take_de(portal: Path) -> None:
    rel = "content/themes/kennismaken.yml"
    edit(portal, rel, "  - word: formulier\n    article: het\n",
            "  - word: formulieren\n    article: het\n    plural: true\n")
    [error] = errors_of(portal)
    assert error.startswith(f"{rel}:{line_of(portal, rel, '- word: formulieren')}:")
    assert "'formulieren' has 'plural: true' but article 'het'" in error
    assert error.endswith("— a plural noun always takes 'de': write 'article: de'")


def test_check_warns_when_right_answers_pile_up(portal: Path) -> None:
    rel = "quizzes/rol-van-de-taalcoach.yml"
    statement = ("  - type: truefalse\n    question: Stelling {n}.\n    answer: false\n"
                 "    explanation: Uitleg.\n")
    path = portal / rel
    path.write_text(path.read_text(encoding="utf-8") + "".join(statement.format(n=n) for n in range(3)),
                    encoding="utf-8")
    result = run_cli("--lang", "en", "check", "--portal", str(portal))
    assert result.returncode == 0, result.stderr  # a warning, not an error
    line = line_of(portal, rel, "questions:")
    assert (f"{rel}:{line}:1: warning: in 4 of 4 true/false statements of quiz 'rol-van-de-taalcoach' "
            "the answer is 'false' — make some statements true and some false") in result.stderr
    assert "warning" in result.stdout
    dutch = run_cli("check", "--portal", str(portal)).stderr
    assert "in 4 van de 4 stellingen van quiz 'rol-van-de-taalcoach' is het antwoord 'false'" in dutch


def test_check_renders_handouts_so_their_template_errors_show(portal: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from jinja2 import Environment, FunctionLoader, StrictUndefined, UndefinedError

    from generator import cli
    from generator.handouts import documents

    assert cli.main(["--lang", "en", "check", "--portal", str(portal)]) == 0
    assert " handouts" in capsys.readouterr().out
    broken = Environment(loader=FunctionLoader(lambda name: "{{ no_such_variable.title }}"),
                         undefined=StrictUndefined)
    monkeypatch.setattr(documents, "_ENV", broken)
    with pytest.raises(UndefinedError):
        cli.main(["check", "--portal", str(portal)])


# --- the remaining error branches of build.py, validate.py and yaml_source.py ------------------
def test_file_name_that_is_no_id_and_no_id_field(portal: Path) -> None:
    (portal / "content/themes/kennismaken.yml").rename(portal / "content/themes/Kennis_Maken.yml")
    errors = errors_of(portal)
    assert any(e.startswith("content/themes/Kennis_Maken.yml:1:1: file name 'Kennis_Maken.yml' is not a valid id")
               and "rename the file" in e for e in errors), errors


def test_duplicate_chapter_number_in_a_method(portal: Path) -> None:
    rel = "content/methods/voorbeeldmethode-op-weg.yml"
    edit(portal, rel, "  - number: 2\n", "  - number: 1\n")
    [error] = errors_of(portal)
    line = [n for n, text in enumerate((portal / rel).read_text(encoding="utf-8").splitlines(), 1)
            if "- number: 1" in text][1]
    assert error.startswith(f"{rel}:{line}:") and "duplicate chapter number '1'" in error


def test_unknown_method_in_site_yml(portal: Path) -> None:
    edit(portal, "content/site.yml", "methods: []", "methods: [voorbeeldmethode-op-wge]")
    [error] = errors_of(portal)
    assert error.startswith(f"content/site.yml:{line_of(portal, 'content/site.yml', 'methods:')}:")
    assert "voorbeeldmethode-op-wge" in error and "voorbeeldmethode-op-weg" in error  # did you mean


def test_second_quiz_for_the_same_module(portal: Path) -> None:
    shutil.copy(portal / "quizzes/rol-van-de-taalcoach.yml", portal / "quizzes/nog-een-quiz.yml")
    errors = errors_of(portal)
    assert any("module 'rol-van-de-taalcoach' already has a quiz" in e and "merge the questions" in e
               for e in errors), errors


def test_id_that_is_not_a_slug(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "title: Kennismaken", "id: Kennis Maken\ntitle: Kennismaken")
    errors = errors_of(portal)
    assert any(e.startswith("content/themes/kennismaken.yml:1:") and "not a valid id" in e
               and "lowercase letters, digits and hyphens" in e for e in errors), errors


def test_number_below_its_minimum(portal: Path) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: 0")
    errors = errors_of(portal)
    assert any("'duration' is '0', but must be greater than 0" in e for e in errors), errors


@pytest.mark.parametrize(("value", "described"), [("{a: 1}", "a mapping"), ("[a, b]", "a list"),
                                                  ("true", "'true'"), ("", "nothing")])
def test_wrong_kind_of_value_is_named(portal: Path, value: str, described: str) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", f"duration: {value}")
    errors = errors_of(portal)
    assert any(f"'duration' should be a whole number, not {described}" in e for e in errors), errors


def test_file_that_is_a_list_instead_of_fields(portal: Path) -> None:
    (portal / "content/themes/kennismaken.yml").write_text("- title: Kennismaken\n", encoding="utf-8")
    [error] = errors_of(portal)
    assert error.startswith("content/themes/kennismaken.yml:1:1: expected a mapping of fields at the top "
                            "of the file, found a list")


def test_sexagesimal_float_is_refused(portal: Path) -> None:
    edit(portal, "content/modules/oefenen-met-spreken.yml", "duration: 60", "duration: 1:30.5")
    [error] = errors_of(portal)
    assert "'1:30.5' is not a number in decimal notation" in error


def test_merge_key_that_merges_its_own_mapping(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "questions:\n", "questions: &q\n  <<: *q\n")
    errors = errors_of(portal)
    assert any("an alias refers to the list or mapping it is part of" in e for e in errors), errors


def test_key_that_is_a_list(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "title: Kennismaken", "? [a, b]\n: x\ntitle: Kennismaken")
    [error] = errors_of(portal)
    assert error.startswith("content/themes/kennismaken.yml:1:") and "a key cannot be a list or mapping" in error


def test_file_saved_with_a_byte_order_mark_is_read(portal: Path) -> None:
    path = portal / "content/themes/kennismaken.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert any(t.title == "Kennismaken" for t in load_portal(portal).themes)


def test_blank_title_is_empty(portal: Path) -> None:
    edit(portal, "content/themes/kennismaken.yml", "title: Kennismaken", 'title: "   "')
    [error] = errors_of(portal)
    assert error.startswith("content/themes/kennismaken.yml:1:") and "'title' is empty" in error


@pytest.mark.parametrize(("logo", "problem"), [
    ("https://cdn.example.org/logo.svg", "is not a path inside docs/"),
    ("../../../etc/hosts.png", "is not a path inside docs/"),
    ("/img/logo.svg", "is not a path inside docs/"),
    ("img/logo.pdf", "is not a picture every browser shows"),
    ('img/a"onerror="alert(1).svg', "has characters other than letters"),  # printed into an attribute
    ("img/mijn logo.svg", "has characters other than letters"),
    ("img/ontbreekt.svg", "there is no file docs/img/ontbreekt.svg"),
])
def test_a_logo_must_be_a_picture_in_docs(portal: Path, logo: str, problem: str) -> None:
    """site.yml's logo: an address on another host, a path out of docs/ or a missing file is an
    error at its line (the build would show a broken picture, or load it from elsewhere)."""
    edit(portal, "content/site.yml", "  name: Stichting Taalcoach Voorbeeldstad\n",
         f"  name: Stichting Taalcoach Voorbeeldstad\n  logo: '{logo}'\n")
    line = line_of(portal, "content/site.yml", "  logo:")
    errors = errors_of(portal)
    assert len(errors) == 1 and errors[0].startswith(f"content/site.yml:{line}:3: "), errors
    assert problem in errors[0] and ("img/logo.svg" in errors[0] or ".webp" in errors[0])


def test_a_logo_in_docs_is_accepted(portal: Path) -> None:
    (portal / "docs" / "img").mkdir(parents=True)
    (portal / "docs" / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    edit(portal, "content/site.yml", "  name: Stichting Taalcoach Voorbeeldstad\n",
         "  name: Stichting Taalcoach Voorbeeldstad\n  logo: img/logo.png\n")
    assert load_portal(portal).site.organisation.logo == "img/logo.png"
