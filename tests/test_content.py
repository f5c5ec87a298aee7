"""Checks on the demo content itself: completeness and internal consistency.

The schema (generator/model.py) checks the shape of every file; these tests check what the
issue asks of the *default content*: every theme is used by a chapter and the required lists
reach their minimum counts. Rules every portal must keep (minutes add up, every module has a
quiz) are `check` rules in generator/rules.py, tested in test_rules.py; these counts are the
demo's own and are not part of an organisation's repository (`new` copies no tests).
``content_problems`` is also run on deliberately broken copies of the demo portal, to show that
each check really catches what it claims to.
"""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.build import load_portal
from generator.portal import Portal

ROOT = Path(__file__).resolve().parents[1]

MIN_THEMES = 15
MIN_VOCABULARY = 20
MIN_QUESTIONS_PER_LEVEL = 4
MIN_ROLE_PLAYS = 2
MIN_METHODS = 2
MIN_CHAPTERS = 10
MIN_QUIZ_QUESTIONS = 5
MIN_SECTIONS = 2
MIN_ACTIVITIES = 2
PHASES = ("aanmelden", "intake", "training", "match", "begeleiding", "tussenevaluatie",
          "afsluiting", "rapportage")
PLAN_STEPS = ("visie", "inrichten", "uitvoering", "evaluatie")
ROUTES = ("b1-route", "onderwijsroute", "z-route")
SUPPLEMENTS = ("taalcafe", "spreekgroepje", "werkvloer")
COORDINATORS = ("coordinator-taalschool", "coordinator-taalcoaching")
# One module per training topic of the seed (stap 3), plus werkvloer, taalcafé and the bijlage.
MODULES = (
    "inburgering-en-leerroutes", "doelen-van-taalcoaching", "oefenen-met-spreken",
    "aansluiten-op-de-methode", "oefenen-in-de-praktijk", "lezen-en-proefexamens",
    "wat-je-niet-doet", "participatiesituaties", "de-eigen-taalvraag", "rol-van-de-taalcoach",
    "communiceren-en-grenzen", "taalcoaching-op-de-werkvloer", "taalcafe-en-spreekgroepjes",
    "vrijwilliger-in-de-klas",
)
SEED_THEMES = ("naar-de-dokter", "gezond-eten", "kringloopwinkel", "voedselbank", "werk-zoeken",
               "op-het-werk")


def content_problems(portal: Portal) -> list[str]:
    """Every way the content falls short of the issue's requirements, as readable lines."""
    problems: list[str] = []

    # --- modules and quizzes ---------------------------------------------------------------
    ids = {m.id for m in portal.modules}
    for mid in MODULES:
        if mid not in ids:
            problems.append(f"module {mid}: missing")
    for m in portal.modules:
        if len(m.sections) < MIN_SECTIONS:
            problems.append(f"module {m.id}: {len(m.sections)} sections, needs {MIN_SECTIONS}")
        if len(m.activities) < MIN_ACTIVITIES:
            problems.append(f"module {m.id}: {len(m.activities)} activities, needs {MIN_ACTIVITIES}")
        if not any(s.trainer_notes for s in m.sections) and not any(a.trainer_notes for a in m.activities):
            problems.append(f"module {m.id}: no trainer notes")
    for q in portal.quizzes:
        if len(q.questions) < MIN_QUIZ_QUESTIONS:
            problems.append(f"quiz {q.id}: {len(q.questions)} questions, needs {MIN_QUIZ_QUESTIONS}")
        kinds = {qu.type for qu in q.questions}
        if len(kinds) < 3:
            problems.append(f"quiz {q.id}: only question types {sorted(kinds)}; mix at least 3")
    all_kinds = {qu.type for q in portal.quizzes for qu in q.questions}
    for kind in ("single", "multiple", "truefalse", "open"):
        if kind not in all_kinds:
            problems.append(f"quizzes: no '{kind}' question anywhere")

    # --- themes and methods -----------------------------------------------------------------
    if len(portal.themes) < MIN_THEMES:
        problems.append(f"themes: {len(portal.themes)}, needs {MIN_THEMES}")
    theme_ids = {t.id for t in portal.themes}
    for tid in SEED_THEMES:
        if tid not in theme_ids:
            problems.append(f"theme {tid}: missing (named in the seed)")
    used = {tid for m in portal.methods for c in m.chapters for tid in c.themes}
    for t in portal.themes:
        if t.id not in used:
            problems.append(f"theme {t.id}: used by no chapter")
        if len(t.vocabulary) < MIN_VOCABULARY:
            problems.append(f"theme {t.id}: {len(t.vocabulary)} words, needs {MIN_VOCABULARY}")
        words = [w.word for w in t.vocabulary]
        for word, n in Counter(words).items():
            if n > 1:
                problems.append(f"theme {t.id}: word '{word}' appears {n} times")
        for level in ("A1", "A2", "B1"):
            n = len(t.questions.for_level(level))
            if n < MIN_QUESTIONS_PER_LEVEL:
                problems.append(f"theme {t.id}: {n} {level} questions, needs {MIN_QUESTIONS_PER_LEVEL}")
        if len(t.role_plays) < MIN_ROLE_PLAYS:
            problems.append(f"theme {t.id}: {len(t.role_plays)} role plays, needs {MIN_ROLE_PLAYS}")
        if not any(rp.level == "A1" for rp in t.role_plays):
            problems.append(f"theme {t.id}: no A1 role play")
        if not t.outing:
            problems.append(f"theme {t.id}: no 'er op uit' task")
        if not t.coach_tips:
            problems.append(f"theme {t.id}: no coach tips")
    if len(portal.methods) < MIN_METHODS:
        problems.append(f"methods: {len(portal.methods)}, needs {MIN_METHODS}")
    for m in portal.methods:
        if len(m.chapters) < MIN_CHAPTERS:
            problems.append(f"method {m.id}: {len(m.chapters)} chapters, needs {MIN_CHAPTERS}")
        # DOMAIN.md records no checked chapter titles of real methods: demo methods are examples.
        if not (m.example and m.name.startswith("Voorbeeldmethode")):
            problems.append(f"method {m.id}: not marked as an example method")

    # --- routes, roles, tasks ---------------------------------------------------------------
    route_ids = {r.id for r in portal.routes}
    for rid in ROUTES:
        if rid not in route_ids:
            problems.append(f"route {rid}: missing")
    supplement_ids = {s.id for s in portal.supplements}
    for sid in SUPPLEMENTS:
        if sid not in supplement_ids:
            problems.append(f"supplement {sid}: missing")
    for r in portal.routes:
        if not r.coach_guidance:
            problems.append(f"route {r.id}: no guidance for the coach")
        if not r.modules or not r.themes:
            problems.append(f"route {r.id}: links no modules or no themes")
    phase_ids = [p.id for p in portal.phases]
    for pid in PHASES:
        if pid not in phase_ids:
            problems.append(f"phase {pid}: missing")
    role_ids = {r.id for r in portal.roles}
    for rid in COORDINATORS:
        if rid not in role_ids or not portal.role(rid).tasks:
            problems.append(f"role {rid}: missing or without a task list")
    plan_ids = [s.id for s in portal.plan]
    for sid in PLAN_STEPS:
        if sid not in plan_ids:
            problems.append(f"plan step {sid}: missing")
    for step in portal.plan:
        if len(step.checklist) < 3 or not step.tips:
            problems.append(f"plan step {step.id}: needs its checklist and tips")
    refer = {b.refer_to for b in portal.coach.dont}
    if "nt2-docent" not in refer:
        problems.append("coach boundaries: nothing is referred to the NT2-docent")
    if {(n.months, n.meetings) for n in portal.norms} < {(6, 20), (12, 40)}:
        problems.append("norms: the seed's 20 meetings in 6 months / 40 in 12 months are missing")
    return problems


# --- the real demo content ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def portal() -> Portal:
    return load_portal(ROOT)


def test_demo_content_is_complete(portal: Portal) -> None:
    assert content_problems(portal) == []


def test_counts_reach_the_minimums(portal: Portal) -> None:
    assert len(portal.modules) >= len(MODULES)
    assert len(portal.themes) >= MIN_THEMES
    assert sum(len(q.questions) for q in portal.quizzes) >= MIN_QUIZ_QUESTIONS * len(portal.modules)
    assert all(len(t.vocabulary) >= MIN_VOCABULARY for t in portal.themes)
    assert sum(len(m.chapters) for m in portal.methods) >= MIN_METHODS * MIN_CHAPTERS


def test_every_option_explains_why(portal: Portal) -> None:
    """Feedback is required by the schema; here we check it is more than a bare 'Goed'."""
    short = [(q.id, o.text) for q in portal.quizzes for qu in q.questions for o in qu.options
             if len(o.feedback.split()) < 4]
    assert short == []


def test_law_date_is_written_correctly() -> None:
    """DOMAIN.md: the Wet inburgering 2021 applies since 1 January 2022, not 1 July 2021."""
    text = "\n".join(p.read_text(encoding="utf-8") for folder in ("content", "quizzes", "docs")
                     for p in sorted((ROOT / folder).rglob("*")) if p.suffix in (".yml", ".md"))
    assert "1 januari 2022" in text
    assert "1 juli 2021" not in text


def test_vocabulary_articles_are_plausible(portal: Portal) -> None:
    """Spot checks of de/het for words where a mistake would be embarrassing, and for words
    that take both articles (Van Dale: de/het gram, schap, tablet, account, wifi, snoep)."""
    expected = {"huis": "het", "werk": "het", "taal": "de", "huisarts": "de", "recept": "het",
                "formulier": "het", "gemeente": "de", "kind": "het", "fiets": "de",
                "gram": "de/het", "schap": "de/het", "tablet": "de/het", "account": "de/het",
                "wifi": "de/het", "snoep": "de/het", "buren": "de"}
    for t in portal.themes:
        for w in t.vocabulary:
            if w.word in expected:
                assert w.article == expected[w.word], (t.id, w.word, w.article)


# --- deliberately broken copies: the checks catch what they claim to -------------------------

def _copy_portal(tmp_path: Path) -> Path:
    root = tmp_path / "portal"
    for part in ("mkdocs.yml", "content", "quizzes", "docs"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.exists():
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / part)
    return root


def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_catches_a_theme_used_by_no_chapter(tmp_path: Path) -> None:
    root = _copy_portal(tmp_path)
    for method in (root / "content" / "methods").glob("*.yml"):
        def drop(d):
            for c in d["chapters"]:
                c["themes"] = [t for t in c["themes"] if t != "een-opleiding-kiezen"]
            d["chapters"] = [c for c in d["chapters"] if c["themes"]]
        _edit_yaml(method, drop)
    assert "theme een-opleiding-kiezen: used by no chapter" in content_problems(load_portal(root))


def test_catches_lists_below_the_minimum(tmp_path: Path) -> None:
    root = _copy_portal(tmp_path)

    def shrink_theme(d):
        d["vocabulary"] = d["vocabulary"][:19]
        d["questions"]["B1"] = d["questions"]["B1"][:3]
        d["role_plays"] = d["role_plays"][:1]
        del d["outing"]

    _edit_yaml(root / "content" / "themes" / "vervoer.yml", shrink_theme)
    _edit_yaml(root / "quizzes" / "doelen-van-taalcoaching.yml", lambda d: d.update(questions=d["questions"][:4]))
    _edit_yaml(root / "content" / "methods" / "voorbeeldmethode-verder.yml",
               lambda d: d.update(chapters=d["chapters"][:9]))
    problems = content_problems(load_portal(root))
    assert "theme vervoer: 19 words, needs 20" in problems
    assert "theme vervoer: 3 B1 questions, needs 4" in problems
    assert "theme vervoer: 1 role plays, needs 2" in problems
    assert "theme vervoer: no 'er op uit' task" in problems
    assert "quiz doelen-van-taalcoaching: 4 questions, needs 5" in problems
    assert "method voorbeeldmethode-verder: 9 chapters, needs 10" in problems


def test_catches_a_real_looking_method(tmp_path: Path) -> None:
    root = _copy_portal(tmp_path)
    _edit_yaml(root / "content" / "methods" / "voorbeeldmethode-verder.yml",
               lambda d: d.update(name="Verder", example=False))
    assert "method voorbeeldmethode-verder: not marked as an example method" in content_problems(load_portal(root))


# --- spelling (hunspell-nl) ---------------------------------------------------------------------

def test_spelling_with_project_word_list() -> None:
    """Every word of the YAML text is known to hunspell-nl or to tests/spelling/wordlist.txt."""
    import importlib.util
    import subprocess

    # Not skipped when missing: .ci/run installs both; a silent skip would hide spelling errors.
    assert shutil.which("hunspell"), "install hunspell and hunspell-nl (apt-get install hunspell hunspell-nl)"
    probe = subprocess.run(["hunspell", "-d", "nl", "-l"], input="huis\n", capture_output=True, text=True)
    assert probe.returncode == 0, "install the Dutch dictionary: apt-get install hunspell-nl"
    spec = importlib.util.spec_from_file_location("check_spelling", ROOT / "tests" / "spelling" / "check_spelling.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    result = module.report(ROOT)
    assert result["tokens"] > 10_000
    assert result["remaining"] == [], (f"unknown words: {result['remaining']} "
                                       "(fix them, or add correct ones to the word list)")


def test_facts_the_trainer_review_corrected() -> None:
    """Issue 14: 112 is only for life-threatening emergencies, an own intake still falls under
    the AVG, the Z-route has no exam level, and no plural is shown like a verb."""
    text = "\n".join(p.read_text(encoding="utf-8") for folder in ("content", "quizzes")
                     for p in sorted((ROOT / folder).rglob("*.yml")))
    assert "Bij spoed bel je 112" not in text and "huisartsenpost" in text
    assert "geen AVG-risico" not in text
    assert "blijft tussen jullie" not in text


def test_z_route_has_no_exam_level_and_plurals_are_marked(portal: Portal) -> None:
    assert portal.route("z-route").target_level is None
    plurals = {w.word for t in portal.themes for w in t.vocabulary if w.plural}
    assert {"buren", "vaste lasten", "openingstijden", "verse producten"} <= plurals
