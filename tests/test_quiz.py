"""Quizzes (issue 4): markup, safety and behaviour in real headless Chromium.

The demo portal (``built_site``) is used for behaviour; a small portal of our own, built from
tests/fixtures/mini plus a hostile quiz, proves that quiz text is data and never code, and that
the script works with Material's instant navigation.
"""
from __future__ import annotations

import gzip
import html.parser
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from markupsafe import escape
from playwright.sync_api import expect

import sitekit
from conftest import ROOT, PageProbe, build_ok, open_probe
from generator import site_config
from generator.labels import Labels
from generator.model import Quiz
from generator.portal import Portal
from generator.quizdata import OptionView, QuestionView, QuizView, quiz_view

ASSETS = ROOT / "generator" / "assets"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
L = Labels()

# A quiz that tries everything a careless template would run or mangle.
HOSTILE = {
    "title": 'Quiz <script>window.__pwned = "title"</script> & "aanhalingstekens"',
    "module": "oefenen-met-spreken",
    "intro": 'Intro <img src=x onerror="window.__pwned=\'intro\'"> **vet**',
    "questions": [
        {"type": "single",
         "question": ('Wat doet <script>window.__pwned = "question"</script>? "Quotes", \'apostrof\' en '
                      '</div></fieldset> *geen nadruk*'),
         "options": [
             {"text": '<img src=x onerror="window.__pwned=\'option\'"> optie A', "correct": True,
              "feedback": 'Goed </details></div><script>window.__pwned="feedback"</script>'},
             {"text": "Optie B & {done} </label>", "feedback": "Fout <b>niet vet</b>"}],
         "explanation": 'Uitleg met **Markdown** en <script>window.__pwned="explanation"</script> </div>'},
        {"type": "open",
         "question": "Open <textarea></textarea> vraag",
         "model_answer": '</details><button onclick="window.__pwned=1">klik</button> voorbeeld',
         "explanation": "Uitleg bij open vraag."},
    ],
}
HOSTILE_STRINGS = [
    HOSTILE["questions"][0]["question"],
    HOSTILE["questions"][0]["options"][0]["text"],
    HOSTILE["questions"][0]["options"][1]["text"],
    HOSTILE["questions"][1]["question"],
]


# --- helpers ---------------------------------------------------------------------------------

def quiz_url(base: str, quiz_id: str) -> str:
    return f"{base}quizzen/{quiz_id}/"


def module_url(base: str, module_id: str) -> str:
    return f"{base}training/{module_id}/"


def first_quiz_with(portal: Portal, kind: str) -> tuple[Any, int]:
    """A demo quiz and the 0-based index of its first question of ``kind``."""
    for quiz in portal.quizzes:
        for i, question in enumerate(quiz.questions):
            if question.type == kind:
                return quiz, i
    pytest.skip(f"the demo content has no '{kind}' question")


def open_quiz(page: Any, url: str) -> None:
    """Go to a page with quizzes and wait until quiz.js has set each of them up (under load the
    script can still be starting when the load event has fired)."""
    page.goto(url)
    page.wait_for_function("() => [...document.querySelectorAll('.tc-quiz')]"
                           ".every((q) => q.getAttribute('data-tc-ready') === 'true')")


def open_first_question(probe: PageProbe, site_url: str, portal: Portal, kind: str) -> tuple[Any, int, Any, Any]:
    """Open the quiz page of the first demo question of ``kind``: (quiz, index, page, fieldset)."""
    quiz, index = first_quiz_with(portal, kind)
    page = probe.page
    open_quiz(page, quiz_url(site_url, quiz.id))
    return quiz, index, page, page.locator("fieldset.tc-q").nth(index)


def live_text(page: Any, quiz_id: str) -> str:
    live = page.locator(f"#tcq-{quiz_id} .tc-quiz__live")
    page.wait_for_function("(el) => el.textContent.trim() !== ''", arg=live.element_handle())
    return live.text_content() or ""


class _Ids(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.markdown_attrs = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids[value] += 1
            if name == "markdown":
                self.markdown_attrs += 1


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/mini + the hostile quiz, with Material's instant navigation switched on."""
    root = tmp_path_factory.mktemp("quizportal") / "portal"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini", root)
    (root / "quizzes" / "gevaarlijk.yml").write_text(yaml.safe_dump(HOSTILE, allow_unicode=True), encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("    - navigation.tabs\n",
                                                    "    - navigation.tabs\n    - navigation.instant\n"),
                                     encoding="utf-8")
    return build_ok(root, root / "site", "--no-pdf")


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path) -> Iterator[str]:
    with sitekit.serve(hostile_site) as url:
        yield url


@pytest.fixture
def hostile_probe(browser: Any, hostile_url: str) -> Iterator[PageProbe]:
    with open_probe(browser, hostile_url) as opened:
        yield opened


# --- markup (no browser) ---------------------------------------------------------------------

def test_quiz_on_module_page_and_own_page_listed_in_overview(built_site: Path, demo_portal: Portal) -> None:
    overview = (built_site / "quizzen" / "index.html").read_text(encoding="utf-8")
    for quiz in demo_portal.quizzes:
        own = (built_site / "quizzen" / quiz.id / "index.html").read_text(encoding="utf-8")
        module = (built_site / "training" / quiz.module / "index.html").read_text(encoding="utf-8")
        for page in (own, module):
            assert page.count('class="tc-quiz"') == 1
            assert page.count('<fieldset class="tc-q"') == len(quiz.questions)
        assert f'href="../../quizzen/{quiz.id}/"' in module  # the module page links to the quiz page
        assert f'href="{quiz.id}/"' in overview


def test_every_question_is_a_fieldset_with_legend_and_native_controls(built_site: Path,
                                                                       demo_portal: Portal) -> None:
    quiz = demo_portal.quizzes[0]
    page = (built_site / "quizzen" / quiz.id / "index.html").read_text(encoding="utf-8")
    fieldsets = re.findall(r'<fieldset class="tc-q".*?</fieldset>', page, re.S)
    assert len(fieldsets) == len(quiz.questions)
    for question, block in zip(quiz.questions, fieldsets, strict=True):
        assert re.match(r'<fieldset[^>]*>\s*<legend class="tc-q__legend">', block)
        kind = {"single": "radio", "truefalse": "radio", "multiple": "checkbox"}.get(question.type)
        if kind:
            inputs = re.findall(r'<input type="(\w+)"', block)
            assert inputs and set(inputs) == {kind}
        else:
            assert "<textarea" in block
        assert '<details class="tc-q__key">' in block  # answers folded, readable without JS


def test_ids_are_unique_and_no_markdown_attribute_leaks(built_site: Path) -> None:
    problems = []
    for path in sorted(built_site.rglob("*.html")):
        parser = _Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        doubles = [i for i, n in parser.ids.items() if n > 1]
        if doubles:
            problems.append(f"{path.relative_to(built_site)}: duplicate ids {doubles[:5]}")
        if parser.markdown_attrs:
            problems.append(f"{path.relative_to(built_site)}: {parser.markdown_attrs} markdown= attributes")
    assert not problems, "\n".join(problems)


def test_quiz_script_has_no_dutch_and_no_innerhtml() -> None:
    script = (ASSETS / "quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    assert "innerHTML" not in code and "insertAdjacentHTML" not in code and "eval(" not in code
    for key in ("quiz_right", "quiz_wrong", "quiz_check", "quiz_reset", "quiz_progress", "quiz_score",
                "true", "false", "show_answer"):
        assert L[key] not in code, f"Dutch label '{L[key]}' is hard-coded in quiz.js"
    template = (ROOT / "generator" / "templates" / "pages" / "_quiz.md.j2").read_text(encoding="utf-8")
    for name in set(re.findall(r"label\('([a-z-]+)'\)", code)) | set(re.findall(r"'(option-[a-z]+)'", code)):
        assert f"data-l-{name}=" in template, f"quiz.js uses label '{name}' the template does not render"
    assert "fetch(" not in code and "XMLHttpRequest" not in code and "sendBeacon" not in code


def test_assets_are_shipped_in_the_package_and_small() -> None:
    assert "quiz.js" in site_config.JS and "quiz.css" in site_config.CSS
    files = site_config.asset_files()
    js, css = files[f"{site_config.ASSET_DIR}/quiz.js"], files[f"{site_config.ASSET_DIR}/quiz.css"]
    gz = len(gzip.compress(js, 9)) + len(gzip.compress(css, 9))
    assert gz < 8_000, f"quiz script + CSS are {gz} bytes gzipped"


def test_quiz_view_stays_backwards_compatible(demo_portal: Portal) -> None:
    """The handouts print answer keys from these exact fields."""
    quiz = demo_portal.quizzes[0]
    view = quiz_view(quiz, L)
    assert isinstance(view, QuizView) and view.id == quiz.id and view.module == quiz.module
    assert len(view.questions) == len(quiz.questions)
    for question, qv in zip(quiz.questions, view.questions, strict=True):
        assert isinstance(qv, QuestionView) and qv.text == question.question and qv.type == question.type
        assert all(isinstance(o, OptionView) for o in qv.options)
        if question.type == "truefalse":
            assert [o.key for o in qv.options] == ["waar", "niet-waar"]
            assert qv.correct_options[0].key == ("waar" if question.answer else "niet-waar")
        elif question.type == "open":
            assert qv.options == () and qv.model_answer
        else:
            assert sorted(o.text for o in qv.options) == sorted(o.text for o in question.options)


def _single(text: str, right: int, n: int = 3, **extra: Any) -> dict[str, Any]:
    return {"type": "single", "question": text, "explanation": "Uitleg.", **extra,
            "options": [{"text": f"{text} optie {i}", "correct": i == right, "feedback": "F."} for i in range(n)]}


def test_options_are_shuffled_the_same_way_everywhere_and_right_answers_spread() -> None:
    """Editors write the right answer second out of habit; readers must not be able to guess it."""
    quiz = Quiz.model_validate({"id": "q", "title": "Q", "module": "m",
                                "questions": [_single(f"Vraag {i}", right=1) for i in range(6)]})
    view = quiz_view(quiz, L)
    shown = [next(i for i, o in enumerate(qv.options) if o.correct) for qv in view.questions]
    assert max(Counter(shown).values()) == 2, shown  # 6 questions over 3 positions: 2 each
    assert view == quiz_view(quiz, L)  # same sources, same order (print and screen call this)
    for q, qv in zip(quiz.questions, view.questions, strict=True):
        # keys name the written option, so answers saved in a browser survive a reshuffle
        assert {o.key: o.text for o in qv.options} == {chr(97 + i): o.text for i, o in enumerate(q.options)}
    ordered = Quiz.model_validate({"id": "q", "title": "Q", "module": "m",
                                   "questions": [_single("Welk niveau?", right=1, keep_order=True)]})
    assert [o.key for o in quiz_view(ordered, L).questions[0].options] == ["a", "b", "c"]


def test_print_and_screen_show_the_same_option_order(demo_portal: Portal) -> None:
    from generator.handouts.documents import render_handouts
    from generator.pages import render_pages

    pages = render_pages(demo_portal).pages
    printed = "\n".join(h.print_html for h in render_handouts(demo_portal))
    checked = 0
    for quiz in demo_portal.quizzes:
        page = pages[f"quizzen/{quiz.id}.md"]
        for qv in quiz_view(quiz, L).questions:
            if qv.type not in ("single", "multiple"):
                continue
            texts = [str(escape(o.text)) for o in qv.options]  # both template sets escape like this
            on_paper = "".join(f"<li>{t}</li>\n" for t in texts)
            assert _in_order(page, [f'tc-opt__text">{t}<' for t in texts]), f"screen order of {qv.text!r}"
            assert on_paper in printed, f"print order of {qv.text!r}"
            checked += 1
    assert checked


def _in_order(text: str, needles: list[str]) -> bool:
    at = 0
    for needle in needles:
        at = text.find(needle, at)
        if at < 0:
            return False
    return True


def test_hostile_quiz_text_is_escaped_in_html(hostile_site: Path) -> None:
    page = (hostile_site / "quizzen" / "gevaarlijk" / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"):page.index("</article>")]
    assert "<script" not in article and "<img" not in article and "<textarea></textarea>" not in article
    assert "<button onclick" not in article and "<b>niet vet</b>" not in article
    assert "&lt;script&gt;" in article and "<em>geen nadruk</em>" not in article
    assert "<strong>Markdown</strong>" in article  # Markdown fields still format


# --- behaviour in Chromium -------------------------------------------------------------------

@pytest.mark.browser
def test_answer_wrong_then_right_shows_feedback_and_announces_it(probe: PageProbe, site_url: str,
                                                                  demo_portal: Portal) -> None:
    quiz, index = first_quiz_with(demo_portal, "single")
    question = quiz.questions[index]
    wrong = next(o for o in question.options if not o.correct)
    right = next(o for o in question.options if o.correct)
    page = probe.page
    open_quiz(page, quiz_url(site_url, quiz.id))
    fieldset = page.locator("fieldset.tc-q").nth(index)
    key = fieldset.locator("details.tc-q__key")
    expect(key).to_be_hidden()  # with JavaScript the answer key waits until the question is checked

    fieldset.get_by_label(wrong.text, exact=True).check()
    fieldset.get_by_role("button", name=L.quiz_check).click()
    feedback = fieldset.locator(".tc-q__feedback")
    expect(feedback).to_be_visible()
    text = feedback.inner_text()
    assert L.quiz_wrong in text and wrong.feedback in text and "✘" in text
    assert f"{L.quiz_right_answer_is} {right.text}" in text
    said = live_text(page, quiz.id)
    assert said.startswith(f"{L.question} {index + 1}: {L.quiz_wrong}") and wrong.feedback in said
    # Not colour alone: the options carry an icon and a word.
    assert L.quiz_option_wrong in fieldset.locator("label.tc-opt", has_text=wrong.text).inner_text()
    assert L.quiz_option_right in fieldset.locator("label.tc-opt", has_text=right.text).inner_text()
    expect(key).to_be_visible()
    assert key.get_attribute("open") is not None

    fieldset.locator("label.tc-opt", has_text=right.text).locator("input").check()
    expect(feedback).to_be_hidden()  # changing the answer clears the old feedback
    fieldset.get_by_role("button", name=L.quiz_check).click()
    expect(feedback).to_be_visible()
    text = feedback.inner_text()
    assert L.quiz_right in text and right.feedback in text and "✔" in text and L.quiz_wrong not in text
    page.wait_for_function("([el, t]) => el.textContent.startsWith(t)",
                           arg=[page.locator(f"#tcq-{quiz.id} .tc-quiz__live").element_handle(),
                                f"{L.question} {index + 1}: {L.quiz_right}"])
    assert page.locator(f"#tcq-{quiz.id} .tc-quiz__live").get_attribute("aria-live") == "polite"
    assert probe.js_errors == [] and probe.external == []


def _active(page: Any) -> dict[str, Any]:
    return page.evaluate("""() => {
      const el = document.activeElement;
      const fs = el && el.closest('fieldset.tc-q');
      return {tag: el.tagName.toLowerCase(), type: el.type || '', value: el.value || '',
              cls: String(el.className || ''), text: (el.innerText || '').trim(),
              q: fs ? Number(fs.dataset.number) : 0, quiz: !!(el.closest('.tc-quiz'))};
    }""")


def _tab_until(page: Any, want: Any, limit: int = 400) -> dict[str, Any]:
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = _active(page)
        if want(active):
            return active
    raise AssertionError(f"Tab never reached the wanted element; last: {_active(page)}")


@pytest.mark.browser
def test_finish_a_quiz_with_the_keyboard_alone(probe: PageProbe, site_url: str, demo_portal: Portal) -> None:
    quiz = max(demo_portal.quizzes, key=lambda q: len({qu.type for qu in q.questions}))
    view = quiz_view(quiz, L)
    page = probe.page
    open_quiz(page, quiz_url(site_url, quiz.id))
    page.locator("body").focus()
    for question in view.questions:
        n = question.number
        if question.type == "open":
            _tab_until(page, lambda a, n=n: a["q"] == n and a["tag"] == "textarea")
            page.keyboard.type("Ik luister en verwijs door.")
            _tab_until(page, lambda a, n=n: a["q"] == n and "tc-q__check" in a["cls"])
            page.keyboard.press("Enter")
        elif question.type == "multiple":
            for option in question.options:
                _tab_until(page, lambda a, n=n, k=option.key: a["q"] == n and a["value"] == k)
                if option.correct:
                    page.keyboard.press("Space")
            _tab_until(page, lambda a, n=n: a["q"] == n and "tc-q__check" in a["cls"])
            page.keyboard.press("Enter")
        else:
            first = _tab_until(page, lambda a, n=n: a["q"] == n and a["type"] == "radio")
            keys = [o.key for o in question.options]
            page.keyboard.press("Space")  # select the focused (first) radio
            target = question.correct_options[0].key
            for _ in range(keys.index(target) - keys.index(first["value"])):
                page.keyboard.press("ArrowDown")  # arrows move the choice within the group
            assert _active(page)["value"] == target
            _tab_until(page, lambda a, n=n: a["q"] == n and "tc-q__check" in a["cls"])
            page.keyboard.press("Enter")
        feedback = page.locator(f"#tcq-{quiz.id}-{n} .tc-q__feedback")
        expect(feedback).to_be_visible()
        if question.type != "open":
            assert L.quiz_right in feedback.inner_text(), f"question {n}: {feedback.inner_text()}"
    scored = sum(q.type != "open" for q in view.questions)
    score = page.locator(f"#tcq-{quiz.id} .tc-quiz__score")
    expect(score).to_be_visible()
    expected = L.quiz_score.format(right=scored, total=scored)
    assert expected in score.inner_text()
    expect(page.locator(f"#tcq-{quiz.id} .tc-quiz__live")).to_contain_text(expected)  # the last check's message
    # The reset button is reachable too.
    _tab_until(page, lambda a: "tc-quiz__reset" in a["cls"])
    page.keyboard.press("Enter")
    expect(score).to_be_hidden()
    assert probe.js_errors == [] and probe.external == []


@pytest.mark.browser
def test_progress_survives_reload_is_shared_with_module_page_and_resets(probe: PageProbe, site_url: str,
                                                                         demo_portal: Portal) -> None:
    quiz, index, page, fieldset = open_first_question(probe, site_url, demo_portal, "multiple")
    picked = [o.key for o in quiz_view(quiz, L).questions[index].options if o.correct][:1]
    for key in picked:
        fieldset.locator(f"input[value='{key}']").check()
    fieldset.get_by_role("button", name=L.quiz_check).click()
    total = len(quiz.questions)
    progress = L.quiz_progress.format(done=1, total=total)
    expect(page.locator(".tc-quiz__progress")).to_have_text(progress)
    stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('taalcoach-quiz:'))")
    assert stored == [f"taalcoach-quiz:/taalcoach-portaal/:{quiz.id}"]

    for url in (quiz_url(site_url, quiz.id), module_url(site_url, quiz.module)):
        open_quiz(page, url)
        fieldset = page.locator("fieldset.tc-q").nth(index)
        for key in picked:
            assert fieldset.locator(f"input[value='{key}']").is_checked()
        expect(fieldset.locator(".tc-q__feedback")).to_be_visible()
        expect(page.locator(".tc-quiz__progress")).to_have_text(progress)

    reset = page.get_by_role("button", name=L.quiz_reset)
    expect(reset).to_be_visible()
    reset.click()
    assert L.quiz_reset_done in live_text(page, quiz.id)
    expect(fieldset.locator(".tc-q__feedback")).to_be_hidden()
    expect(page.locator(".tc-quiz__progress")).to_have_text(L.quiz_progress.format(done=0, total=total))
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('taalcoach-quiz:'))") == []
    page.reload()
    fieldset = page.locator("fieldset.tc-q").nth(index)
    assert not any(fieldset.locator(f"input[value='{key}']").is_checked() for key in picked)
    assert probe.js_errors == [] and probe.external == []


@pytest.mark.browser
def test_open_question_shows_model_answer_after_writing_or_skipping(probe: PageProbe, site_url: str,
                                                                    demo_portal: Portal) -> None:
    quiz, index, page, fieldset = open_first_question(probe, site_url, demo_portal, "open")
    model = fieldset.locator(".tc-q__model")
    expect(model).to_be_hidden()
    fieldset.get_by_role("button", name=L.quiz_show_model_answer).click()  # skipped: nothing written
    expect(model).to_be_visible()
    expect(fieldset.locator(".tc-q__feedback")).to_contain_text(L.quiz_compare)
    fieldset.get_by_label(L.quiz_your_answer).fill("Mijn eigen antwoord")
    expect(model).to_be_hidden()
    fieldset.get_by_role("button", name=L.quiz_show_model_answer).click()
    expect(model).to_be_visible()
    page.reload()
    answer = page.locator("fieldset.tc-q").nth(index).get_by_label(L.quiz_your_answer)
    assert answer.input_value() == "Mijn eigen antwoord"
    assert probe.js_errors == []


@pytest.mark.browser
def test_without_javascript_everything_is_readable(browser: Any, site_url: str, demo_portal: Portal) -> None:
    quiz = demo_portal.quizzes[0]
    context = sitekit.new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(quiz_url(site_url, quiz.id))
        expect(page.locator(".tc-quiz button").first).to_be_hidden()  # nothing that would not work
        for summary in page.locator("details.tc-q__key > summary").all():
            summary.click()  # native <details>, no script needed
        text = page.locator(".tc-quiz").inner_text()
        for question in quiz.questions:
            assert question.question in text
            for option in question.options:
                assert option.text in text and option.feedback in text
            assert question.explanation.strip().split("\n")[0].replace("**", "")[:40] in text
            if question.model_answer:
                assert question.model_answer.strip()[:40] in text
    finally:
        context.close()


def _axe(page: Any) -> list[str]:
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm ci --ignore-scripts` in the repository root")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate("""async () => {
      const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                                         resultTypes: ['violations']});
      return r.violations.map(v => ({id: v.id, impact: v.impact,
                                     nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
    }""")
    return [f"{v['id']} ({v['impact']}): {v['nodes']}" for v in result if v["impact"] in ("serious", "critical")]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_axe_violations_on_a_quiz_page_before_and_after_answering(
        browser: Any, site_url: str, demo_portal: Portal, scheme: str) -> None:
    quiz = max(demo_portal.quizzes, key=lambda q: len({qu.type for qu in q.questions}))
    context = sitekit.new_context(browser, color_scheme="dark" if scheme == "slate" else "light")
    try:
        page = context.new_page()
        open_quiz(page, quiz_url(site_url, quiz.id))
        assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
        problems = ["before: " + p for p in _axe(page)]
        for i, fieldset in enumerate(page.locator("fieldset.tc-q").all()):
            choices = fieldset.locator("input")
            if choices.count():
                choices.nth(i % choices.count()).check()  # a mix of right and wrong answers
            fieldset.locator("button.tc-q__check").click()
        expect(page.locator(".tc-quiz__score")).to_be_visible()
        problems += ["after: " + p for p in _axe(page)]
        assert not problems, "\n".join(problems)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1280])
def test_fits_a_phone_and_a_desktop_screen(browser: Any, site_url: str, demo_portal: Portal, width: int) -> None:
    quiz = demo_portal.quizzes[0]
    context = sitekit.new_context(browser, viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        open_quiz(page, quiz_url(site_url, quiz.id))
        for fieldset in page.locator("fieldset.tc-q").all():
            choices = fieldset.locator("input")
            if choices.count():
                choices.first.check()
            fieldset.locator("button.tc-q__check").click()
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0
        box = page.locator(".tc-quiz").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width
        height = page.locator("label.tc-opt").first.bounding_box()["height"]
        assert height >= 44  # a comfortable touch target
    finally:
        context.close()


@pytest.mark.browser
def test_hostile_quiz_renders_as_text_and_runs_nothing(hostile_probe: PageProbe, hostile_url: str) -> None:
    page = hostile_probe.page
    open_quiz(page, quiz_url(hostile_url, "gevaarlijk"))
    assert page.evaluate("() => window.__pwned") is None
    quiz = page.locator(".tc-quiz")
    text = quiz.inner_text()
    for string in HOSTILE_STRINGS:
        assert " ".join(string.split()) in " ".join(text.split()), string
    assert page.locator("h1").inner_text().startswith("Quiz <script>")
    first = page.locator("fieldset.tc-q").first
    first.locator("label.tc-opt", has_text="optie A").locator("input").check()  # options are shuffled
    first.locator("button.tc-q__check").click()
    expect(first.locator(".tc-q__feedback")).to_contain_text(HOSTILE["questions"][0]["options"][0]["feedback"])
    assert first.locator(".tc-q__explanation strong").inner_text() == "Markdown"
    assert '<script>window.__pwned="explanation"</script>' in first.locator(".tc-q__explanation").inner_text()
    second = page.locator("fieldset.tc-q").nth(1)
    second.locator("button.tc-q__check").click()
    expect(second.locator(".tc-q__model")).to_contain_text("<button onclick")
    assert page.evaluate("() => window.__pwned") is None
    assert hostile_probe.js_errors == [] and hostile_probe.external == []


@pytest.mark.browser
def test_works_with_material_instant_navigation(hostile_probe: PageProbe, hostile_url: str) -> None:
    page = hostile_probe.page
    origin = hostile_url.split("/taalcoach-portaal/")[0]

    def local_sitemap(route: Any) -> None:
        # Material's instant navigation only takes over links listed in sitemap.xml, which
        # names the public site_url; it swaps in the served host but keeps the port empty.
        # Rewrite it to the test server, as it would match when deployed.
        body = route.fetch().text().replace("https://voorbeeld.github.io", origin)
        route.fulfill(body=body, content_type="application/xml")

    page.route("**/sitemap.xml", local_sitemap)
    open_quiz(page, module_url(hostile_url, "rol-van-de-taalcoach"))
    assert page.evaluate("() => typeof window.document$") == "object"
    expect(page.locator(".tc-quiz .tc-q__check").first).to_be_visible()
    page.evaluate("() => { window.__sameDocument = true; document.querySelector('.tc-quiz').__old = true; }")
    page.locator("article a[href$='quizzen/rol-van-de-taalcoach/']").first.click()
    page.wait_for_url(re.compile(r"/quizzen/rol-van-de-taalcoach/$"))
    # Wait for the swapped-in quiz (not the module page's) to be set up.
    page.wait_for_function("() => [...document.querySelectorAll('.tc-quiz')]"
                           ".some((q) => !q.__old && q.getAttribute('data-tc-ready') === 'true')")
    assert page.evaluate("() => window.__sameDocument") is True  # no full reload: instant navigation
    first = page.locator("fieldset.tc-q").first
    expect(first.locator(".tc-q__check")).to_be_visible()  # the quiz was set up on the new page
    first.locator("input").first.check()
    first.locator(".tc-q__check").click()
    expect(first.locator(".tc-q__feedback")).to_be_visible()
    assert hostile_probe.js_errors == [] and hostile_probe.external == []


@pytest.mark.browser
def test_hostile_quiz_is_text_in_the_trainer_handout_too(hostile_probe: PageProbe, hostile_url: str,
                                                        hostile_site: Path) -> None:
    handout = hostile_site / "handouts" / "trainer" / "oefenen-met-spreken.html"
    assert handout.exists()
    page = hostile_probe.page
    page.goto(f"{hostile_url}handouts/trainer/oefenen-met-spreken.html")
    assert page.evaluate("() => window.__pwned") is None
    text = " ".join(page.locator("body").inner_text().split())
    for string in HOSTILE_STRINGS:
        assert " ".join(string.split()) in text, string
    assert '<script>window.__pwned="explanation"</script>' in text
    assert page.locator("script").count() == 0
    assert hostile_probe.js_errors == []


@pytest.mark.browser
def test_a_newer_check_replaces_a_message_still_waiting(probe: PageProbe, site_url: str,
                                                        demo_portal: Portal) -> None:
    """Two checks in a row (on a slow phone, within the live region's short pause): only the
    second message is read, not the first one after it."""
    quiz = max(demo_portal.quizzes, key=lambda q: len(q.questions))
    page = probe.page
    open_quiz(page, quiz_url(site_url, quiz.id))
    said = page.evaluate("""(id) => {
        const root = document.getElementById('tcq-' + id);
        const live = root.querySelector('.tc-quiz__live');
        const seen = [];
        new MutationObserver(() => { if (live.textContent.trim()) seen.push(live.textContent); })
            .observe(live, {childList: true, characterData: true, subtree: true});
        window.__tcSeen = seen;
        const checks = root.querySelectorAll('.tc-q__check');
        checks[0].click(); checks[1].click();  // in one go: the first pause has not ended
        return checks.length;
    }""", quiz.id)
    assert said >= 2
    page.wait_for_function("() => window.__tcSeen.some((m) => m.includes(' 2: '))")  # the second check's
    seen = page.evaluate("() => window.__tcSeen")
    assert len(seen) == 1 and " 2: " in seen[0], seen  # timers end in order: a stale first would come first
