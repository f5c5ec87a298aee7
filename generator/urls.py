"""Where each page lives. One place, so pages and links can never disagree."""
from __future__ import annotations

HOME = "index.md"
ROUTES = "leerroutes/index.md"
TASKS = "taakverdeling/index.md"
COACH_CONDUCT = "taakverdeling/wel-en-niet-doen.md"
PLAN = "taakverdeling/stappenplan.md"
TRAINING = "training/index.md"
PRACTICE = "oefenen/index.md"
THEMES = "oefenen/thema/index.md"
LEVELS = "oefenen/niveau.md"
QUIZZES = "quizzen/index.md"


def route(id: str) -> str:
    return f"leerroutes/{id}.md"


def role(id: str) -> str:
    return f"taakverdeling/rollen/{id}.md"


def module(id: str) -> str:
    return f"training/{id}.md"


def theme(id: str) -> str:
    return f"oefenen/thema/{id}.md"


def method(id: str) -> str:
    return f"oefenen/methodes/{id}/index.md"


def chapter(method_id: str, number: int) -> str:
    return f"oefenen/methodes/{method_id}/hoofdstuk-{number}.md"


def quiz(id: str) -> str:
    return f"quizzen/{id}.md"


def relative(from_page: str, to_page: str) -> str:
    """A Markdown link from one page source to another, as MkDocs resolves them."""
    import posixpath
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


# --- handouts (print-ready HTML and PDF, see generator/handouts) ------------------------------
HANDOUTS = "handouts/index.md"


def handout(kind: str, id: str, ext: str = "html") -> str:
    """A handout file inside the site: handouts/<kind>/<id>.html (or .pdf)."""
    return f"handouts/{kind}/{id}.{ext}"
