"""The typed content model: one pydantic class per YAML source kind.

Field descriptions double as documentation: the JSON Schema (``python -m generator schema``)
and the editor guide are generated from them. Unknown fields are rejected so that typos such
as ``titel`` for ``title`` are caught instead of silently ignored.
"""
from __future__ import annotations

import datetime
import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from generator.kinds import url_problem

# Ids that would replace a generated page: a module 'index' becomes training/index.md, the
# training overview. Refused everywhere, so no id depends on which folder it lands in.
RESERVED_IDS = frozenset({"index"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise PydanticCustomError("reserved_id", "reserved id")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"), AfterValidator(_not_reserved)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markdown = Annotated[str, StringConstraints(min_length=1)]


def _url(value: str) -> str:
    problem = url_problem(value)
    if problem:
        raise PydanticCustomError("url_kind", "{problem}", {"problem": problem})
    return value


def _email(value: str) -> str:
    if not re.fullmatch(r"[^\s@<>()\[\]\\,;:\"']+@[^\s@<>()\[\]\\,;:\"']+\.[^\s@<>()\[\]\\,;:\"']+", value):
        raise PydanticCustomError("email_kind", "not an e-mail address")
    return value


# An address: https:, http:, mailto:, tel: or relative only (generator.kinds.url_problem).
Url = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_url)]
Email = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_email)]
HostName = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True,
                                            pattern=r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")]
Level = Literal["A0", "A1", "A2", "B1", "B2"]
LEVEL_ORDER: tuple[str, ...] = ("A0", "A1", "A2", "B1", "B2")
PracticeLevel = Literal["A1", "A2", "B1"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, strict=True)


# --- site.yml -------------------------------------------------------------------------------

class Contact(Strict):
    email: Email | None = Field(None, description="E-mail address volunteers can write to.")
    phone: Text | None = Field(None, description="Phone number, as it should be shown.")
    website: Url | None = Field(None, description="The organisation's own website (https://…).")
    address: Text | None = Field(None, description="Visiting address, one line.")


class Organisation(Strict):
    name: Text = Field(description="Name shown in the footer and on every handout.")
    contact: Contact = Field(default_factory=Contact)
    logo: Text | None = Field(None, description="Path of a logo image under docs/ (.svg, .png, .jpg, .jpeg or "
                                                ".webp), e.g. img/logo.svg: shown top left on every page.")


class Features(Strict):
    pdf_handouts: bool = Field(True, description="Render PDF handouts with WeasyPrint.")
    offline_copy: bool = Field(True, description="Also make a zip of the whole site that works opened from "
                                                 "disk, linked as 'Download voor offline gebruik'.")
    editor_links: bool = Field(False, description="Show the repository link and the 'edit this page' pencil "
                                                  "(for editors; volunteers do not need them).")


class Hidden(Strict):
    """Default items an organisation does not want (only with ``basis``), by kind."""

    modules: list[Slug] = Field(default_factory=list, description="Default training modules to leave out.")
    themes: list[Slug] = Field(default_factory=list, description="Default practice themes to leave out.")
    methods: list[Slug] = Field(default_factory=list, description="Default NT2 methods to leave out.")
    quizzes: list[Slug] = Field(default_factory=list, description="Default quizzes to leave out.")
    routes: list[Slug] = Field(default_factory=list, description="Default learning routes to leave out.")


class Site(Strict):
    basis: Literal["standaard"] | None = Field(
        None, description="Build on the default content shipped with the generator ('standaard'); "
                          "leave out to use only this portal's own files.")
    verbergen: Hidden = Field(default_factory=Hidden,
                              description="Default items to leave out, by kind (modules, themes, methods, …).")
    title: Text = Field(description="Portal title, shown in the header and browser tab.")
    description: Text = Field(description="One sentence describing the portal (search engines, home).")
    organisation: Organisation
    site_url: Url | None = Field(None, description="Public address, e.g. https://org.github.io/portaal/.")
    repo_url: Url | None = Field(None, description="Repository address, for the 'edit this page' link.")
    repo_branch: Text = Field("main", description="Branch that 'edit this page' links open in the web editor.")
    methods: list[Slug] = Field(default_factory=list,
                                description="Ids of the NT2 methods this organisation's school(s) use; empty = all.")
    home_intro: Markdown | None = Field(None, description="Welcome text on the home page (Markdown).")
    features: Features = Field(default_factory=Features)
    labels: dict[str, Text] = Field(default_factory=dict,
                                    description="Override Dutch UI words from the label table.")
    allowed_hosts: list[HostName] = Field(
        default_factory=list,
        description="Other hosts that content may embed images and iframes from (e.g. www.youtube-nocookie.com); "
                    "everything else on another host is an error, because the portal requests nothing from "
                    "other hosts unless the organisation decided so here.")


# --- routes.yml -----------------------------------------------------------------------------

class Supplement(Strict):
    id: Slug
    name: Text
    description: Markdown


class Route(Strict):
    id: Slug = Field(description="Becomes the URL: leerroutes/<id>/.")
    name: Text
    target_level: Level | None = Field(
        None, description="Target language level (CEFR). Leave it out for a route without an exam level, "
                          "such as the Z-route; the page then shows the label 'no_target_level'.")
    summary: Text = Field(description="One or two sentences, shown in overviews.")
    for_whom: Markdown = Field(description="Who follows this route (Markdown).")
    aim: Markdown | None = Field(None, description="What the route aims at (Markdown).")
    coach_focus: list[Text] = Field(min_length=1, description="What the taalcoach focuses on.")
    supplements: list[Slug] = Field(default_factory=list, description="Ids from 'supplements'.")
    modules: list[Slug] = Field(default_factory=list, description="Training modules that serve this route.")
    themes: list[Slug] = Field(default_factory=list, description="Practice themes that fit this route well.")
    coach_guidance: Markdown | None = Field(
        None, description="What is different for a taalcoach in this route (Markdown), shown on the route page.")


class RoutesFile(Strict):
    intro: Markdown | None = None
    supplements: list[Supplement] = Field(default_factory=list)
    routes: list[Route] = Field(min_length=1)


# --- roles.yml and tasks.yml -------------------------------------------------------------------

class Role(Strict):
    id: Slug
    name: Text
    short: Text = Field(description="Short name for table headers, e.g. 'Coach'.")
    summary: Text
    description: Markdown | None = None
    tasks: list[Text] = Field(default_factory=list, description="What this role does.")
    not_tasks: list[Text] = Field(default_factory=list, description="What this role does not do.")


class RolesFile(Strict):
    roles: list[Role] = Field(min_length=1)


class Phase(Strict):
    id: Slug
    name: Text
    summary: Text
    responsibilities: dict[Slug, Text] = Field(
        min_length=1, description="Role id → what that role does in this phase.")


class Boundary(Strict):
    text: Text = Field(description="What the coach does not do.")
    why: Text | None = Field(None, description="Why not, in one sentence.")
    refer_to: Slug = Field(description="Role id the coach refers the question to.")


class CoachConduct(Strict):
    do: list[Text] = Field(min_length=1, description="What the coach does.")
    dont: list[Boundary] = Field(min_length=1, description="What the coach does not do, with whom to refer to.")


class PlanStep(Strict):
    id: Slug
    name: Text
    summary: Markdown
    checklist: list[Text] = Field(min_length=1, description="'Te nemen stappen' for the taalcoach-organisatie.")
    tips: list[Text] = Field(default_factory=list)


class Norm(Strict):
    months: int = Field(gt=0)
    meetings: int = Field(gt=0)
    hours_per_meeting: float = Field(gt=0)


class TasksFile(Strict):
    intro: Markdown | None = None
    phases: list[Phase] = Field(min_length=1)
    coach: CoachConduct
    plan: list[PlanStep] = Field(default_factory=list, description="The coordinators' step plan.")
    norms: list[Norm] = Field(default_factory=list, description="Example trajectory norms.")


# --- modules/*.yml -----------------------------------------------------------------------------

class Section(Strict):
    title: Text
    body: Markdown
    trainer_notes: Markdown | None = Field(None, description="Only in the trainer edition.")


class Activity(Strict):
    title: Text
    minutes: int = Field(gt=0)
    work_form: Text = Field(description="E.g. plenair, in tweetallen, in groepjes, individueel.")
    warm_up: bool = Field(False, description="An opener (icebreaker, what do you know already?): "
                                             "scheduled before the explanation of the sections.")
    instructions: Markdown
    materials: list[Slug] = Field(default_factory=list,
                                  description="Ids of material items (content/materialen/<id>.yml) this activity uses.")
    trainer_notes: Markdown | None = None


class Module(Strict):
    id: Slug = Field("", description="Defaults to the file name; becomes training/<id>/.")
    title: Text
    summary: Text
    order: int = Field(100, description="Position in the training overview (lower first).")
    duration: int = Field(gt=0, description="Length in minutes: explaining the sections, the activities and "
                                            "discussing them. Activities must leave time for the explanation.")
    audience: Text = Field(description="Who the module is for.")
    learning_goals: list[Text] = Field(min_length=1)
    routes: list[Slug] = Field(default_factory=list)
    themes: list[Slug] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    activities: list[Activity] = Field(default_factory=list)


# --- themes/*.yml ------------------------------------------------------------------------------

class Word(Strict):
    word: Text
    article: Literal["de", "het", "de/het"] | None = Field(
        None, description="de, het, or de/het for a noun that takes both (gram, wifi); leave out for verbs etc.")
    plural: bool = Field(False, description="True for a plural noun such as 'buren'; shown as 'de (mv.)'.")
    example: Text = Field(description="A short example sentence.")
    level: PracticeLevel | None = Field(
        None, description="Level the word belongs to; practice cards pick words of the chapter's level first. "
                          "Left out: guessed from the word's place in the theme's list (easy words first).")

    @model_validator(mode="after")
    def _plural_takes_de(self) -> Word:
        # Every Dutch plural noun takes 'de'; anything else is a typo an editor should see.
        if self.plural and self.article != "de":
            raise ValueError(f"'{self.word}' has 'plural: true' but article '{self.article or ''}' "
                             "— a plural noun always takes 'de': write 'article: de'")
        return self


class RolePlay(Strict):
    title: Text
    level: PracticeLevel
    situation: Markdown
    coach_role: Text = Field(description="Who the coach plays.")
    learner_role: Text = Field(description="Who the inburgeraar plays.")


class Questions(Strict):
    A1: list[Text] = Field(default_factory=list)
    A2: list[Text] = Field(default_factory=list)
    B1: list[Text] = Field(default_factory=list)

    def for_level(self, level: str) -> list[str]:
        return list(getattr(self, level, []) or [])


class Theme(Strict):
    id: Slug = Field("", description="Defaults to the file name; becomes oefenen/thema/<id>/.")
    title: Text
    summary: Text
    levels: list[PracticeLevel] = Field(min_length=1, description="Levels this theme has material for.")
    vocabulary: list[Word] = Field(min_length=1)
    questions: Questions
    role_plays: list[RolePlay] = Field(default_factory=list)
    outing: Markdown | None = Field(None, description="The 'er op uit' task: practise in real life.")
    coach_tips: list[Text] = Field(default_factory=list)


# --- methods/*.yml -----------------------------------------------------------------------------

class Chapter(Strict):
    number: int = Field(ge=0)
    title: Text
    level: PracticeLevel
    themes: list[Slug] = Field(min_length=1)
    focus: list[Text] = Field(default_factory=list, description="What this chapter practises.")
    words: list[Word] = Field(default_factory=list, description="Chapter-specific words.")


class Method(Strict):
    id: Slug = Field("", description="Defaults to the file name; becomes oefenen/methodes/<id>/.")
    name: Text
    example: bool = Field(False, description="True for a made-up example method (shown as such).")
    levels: list[PracticeLevel] = Field(min_length=1)
    description: Markdown
    chapters: list[Chapter] = Field(min_length=1)

    @cached_property
    def chapters_by_number(self) -> dict[int, Chapter]:
        """Chapters by number: a method may have thousands, and every chapter page and card
        looks its chapter up (a scan each was quadratic: 5 s at 10,000 chapters)."""
        return {c.number: c for c in self.chapters}

    def chapter(self, number: int) -> Chapter:
        return self.chapters_by_number[number]


# --- quizzes/*.yml -----------------------------------------------------------------------------

class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text = Field(description="Why this option is right or wrong.")


class Question(Strict):
    type: Literal["single", "multiple", "truefalse", "open"]
    question: Text
    options: list[Option] = Field(default_factory=list, description="For single and multiple.")
    answer: bool | None = Field(None, description="For truefalse: is the statement true?")
    model_answer: Markdown | None = Field(None, description="For open: an example of a good answer.")
    lines: int | None = Field(None, ge=1, le=20,
                              description="For open: writing lines on paper (default 3); "
                                          "more when the question asks for more.")
    explanation: Markdown = Field(description="Shown after answering.")
    keep_order: bool = Field(False, description="Show the options in the written order (e.g. A1, A2, B1). "
                                                "Otherwise they appear in a fixed shuffled order.")

    @model_validator(mode="after")
    def _fits_type(self) -> Question:
        correct = sum(o.correct for o in self.options)
        if self.type in ("single", "multiple"):
            if len(self.options) < 2:
                raise ValueError(f"a '{self.type}' question needs at least 2 options")
            if self.type == "single" and correct != 1:
                raise ValueError(f"a 'single' question needs exactly 1 option with 'correct: true' (has {correct})")
            if self.type == "multiple" and correct < 1:
                raise ValueError("a 'multiple' question needs at least 1 option with 'correct: true'")
        elif self.options:
            raise ValueError(f"a '{self.type}' question has no 'options'")
        if self.type == "truefalse" and self.answer is None:
            raise ValueError("a 'truefalse' question needs 'answer: true' or 'answer: false'")
        if self.type == "open" and not self.model_answer:
            raise ValueError("an 'open' question needs a 'model_answer'")
        if self.lines is not None and self.type != "open":
            raise ValueError("only an 'open' question has writing 'lines'")
        return self


class Quiz(Strict):
    id: Slug = Field("", description="Defaults to the file name; becomes quizzen/<id>/.")
    title: Text
    module: Slug = Field(description="Id of the training module this quiz checks.")
    intro: Markdown | None = None
    questions: list[Question] = Field(min_length=1)


# --- zoekwoorden.yml (optional) -------------------------------------------------------------

class SearchWordsFile(Strict):
    synonyms: list[list[Text]] = Field(
        default_factory=list,
        description="Groups of words that find each other in the site search, e.g. "
                    "[dokter, huisarts, arts]. A group needs at least two words.")


# --- materialen/*.yml --------------------------------------------------------------------------

MaterialKind = Literal["kaartjes", "werkblad", "formulier", "video", "benodigdheid"]


class FormField(Strict):
    label: Text = Field(description="The question or the name of the field, as printed.")
    type: Literal["lines", "scale", "choice", "table", "signature"] = Field(
        "lines", description="lines: writing lines; scale: three faces (not yet / fairly / good); "
                             "choice: boxes to tick; table: a table with columns and rows; "
                             "signature: name, date, signature.")
    lines: int = Field(1, ge=1, le=40, description="Writing lines (type lines) or table rows (type table).")
    options: list[Text] = Field(default_factory=list, description="For choice: the boxes to tick.")
    columns: list[Text] = Field(default_factory=list, description="For table: the column headers.")
    help: Text | None = Field(None, description="A short explanation under the label.")

    @model_validator(mode="after")
    def _fits_type(self) -> FormField:
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError("a 'choice' field needs at least 2 'options'")
        if self.type == "table" and not self.columns:
            raise ValueError("a 'table' field needs 'columns'")
        return self


class FormSection(Strict):
    title: Text | None = None
    fields: list[FormField] = Field(min_length=1)


class Material(Strict):
    """Something an activity uses: printable cards, a worksheet or form, a video link or a supply."""

    id: Slug = Field("", description="Defaults to the file name; activities name it in 'materials'.")
    title: Text
    kind: MaterialKind = Field(description="kaartjes (8 per A4, to cut), werkblad, formulier (A4), "
                                           "video (a link with its title) or benodigdheid "
                                           "(bring it, nothing to print).")
    summary: Text | None = Field(None, description="What it is for, in one sentence.")
    instructions: Markdown | None = Field(None, description="How to prepare and use it (for the trainer).")
    copies: Text | None = Field(None, description="How many to print or bring, e.g. 'één set per groepje'.")
    card_label: Text | None = Field(None, description="Small heading on every card, e.g. 'Casus'.")
    cards: list[Text] = Field(default_factory=list, description="For kaartjes: the text of each card.")
    intro: Markdown | None = Field(None, description="For werkblad and formulier: text at the top of the sheet.")
    sections: list[FormSection] = Field(default_factory=list, description="For werkblad and formulier: the fields.")
    body: Markdown | None = Field(None, description="For werkblad: text to read (e.g. a written-out role play).")
    url: Url | None = Field(None, description="For video: the address (https://…).")
    video_title: Text | None = Field(None, description="For video: the title of the video as its maker gives it.")

    @model_validator(mode="after")
    def _fits_kind(self) -> Material:
        if self.kind == "kaartjes" and not self.cards:
            raise ValueError("a 'kaartjes' material needs 'cards'")
        if self.kind == "formulier" and not self.sections:
            raise ValueError("a 'formulier' material needs 'sections' with fields")
        if self.kind == "werkblad" and not (self.body or self.sections):
            raise ValueError("a 'werkblad' material needs a 'body' or 'sections'")
        if self.kind == "video":
            if not (self.url and self.url.startswith("https://")):
                raise ValueError("a 'video' material needs a 'url' starting with https://")
            if not self.video_title:
                raise ValueError("a 'video' material needs the 'video_title'")
        if self.cards and self.kind != "kaartjes":
            raise ValueError("only a 'kaartjes' material has 'cards'")
        return self

    @property
    def printable(self) -> bool:
        return self.kind in ("kaartjes", "werkblad", "formulier")


# --- trainingen/*.yml ---------------------------------------------------------------------------

BlockKind = Literal["welkom", "pauze", "quiz", "evaluatie", "afsluiting"]
Clock = Annotated[str, StringConstraints(pattern=r"^([01]?\d|2[0-3]):[0-5]\d$")]


class MeetingPart(Strict):
    module: Slug | None = Field(None, description="Id of a training module; it takes the module's duration.")
    block: BlockKind | None = Field(None, description="A fixed block: welkom, pauze, quiz, evaluatie or afsluiting.")
    minutes: int | None = Field(None, gt=0, description="Length of a fixed block in minutes.")
    title: Text | None = Field(None, description="Own title for a fixed block, e.g. 'Quiz over module 1 en 2'.")

    @model_validator(mode="after")
    def _one_kind(self) -> MeetingPart:
        if (self.module is None) == (self.block is None):
            raise ValueError("a part is either '- module: <id>' or '- block: <welkom|pauze|quiz|evaluatie|afsluiting>'")
        if self.block and self.minutes is None:
            raise ValueError(f"the block '{self.block}' needs 'minutes'")
        if self.module and self.minutes is not None:
            raise ValueError("a module takes its minutes from its 'duration'; leave out 'minutes' here")
        return self


class Meeting(Strict):
    title: Text
    date: datetime.date | None = Field(None, description="Date (2026-03-05); leave out when not yet known.")
    start: Clock = Field(description="Start time, e.g. '19:00' (with quotes).")
    length: int = Field(gt=0, description="Length of the meeting in minutes, breaks included.")
    location: Text | None = None
    parts: list[MeetingPart] = Field(min_length=1)


class Training(Strict):
    id: Slug = Field("", description="Defaults to the file name; becomes training/programma/<id>/.")
    title: Text
    summary: Text
    audience: Text | None = None
    intro: Markdown | None = None
    certificate: bool = Field(True, description="Print a Bewijs van Deelname for who completed this training.")
    meetings: list[Meeting] = Field(min_length=1)


# --- begrippen.yml ------------------------------------------------------------------------------

class Term(Strict):
    term: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\[\]\n]+$")] = Field(
        description="The word or abbreviation, as it appears in texts (e.g. PIP); no square brackets.")
    full: Text | None = Field(None, description="What an abbreviation stands for.")
    definition: Text = Field(description="One or two plain sentences (B1).")
    also: list[Text] = Field(default_factory=list, description="Other spellings that should also be explained.")


class GlossaryFile(Strict):
    intro: Markdown | None = None
    terms: list[Term] = Field(min_length=1)
