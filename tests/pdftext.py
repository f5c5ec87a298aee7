"""Read back what a PDF shows: text runs with their font size and position (pypdf visitor).

WeasyPrint writes each run with a font size and a text matrix; the size on paper is the font
size times the matrix scale. Used by the print tests to measure font sizes, lines per page and
how far down a page the text reaches, the way a reader sees the printed sheet.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader

FOOTER_PT = 20 * 72 / 25.4   # the bottom margin (20 mm) holds the footer line only


@dataclass(frozen=True)
class Run:
    text: str
    size: float   # points, as printed
    y: float      # baseline, points from the bottom of the page


@dataclass(frozen=True)
class Page:
    number: int
    height: float
    runs: tuple[Run, ...]

    @property
    def body(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if r.y > FOOTER_PT)

    @property
    def footer(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if r.y <= FOOTER_PT)

    @property
    def lines(self) -> int:
        """Distinct baselines of body text (a table row of three cells is one line)."""
        return len({round(r.y) for r in self.body})

    @property
    def lowest(self) -> float:
        """How far down the body text reaches, as a share of the page height (0 = top)."""
        return max((1 - r.y / self.height for r in self.body), default=0.0)

    @property
    def text(self) -> str:
        return " ".join(r.text for r in self.body)


@cache
def read(path: Path) -> tuple[Page, ...]:
    pages = []
    for number, page in enumerate(PdfReader(path).pages, 1):
        runs: list[Run] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  runs: list[Run] = runs) -> None:
            if text.strip():
                scale = (tm[3] or 1) * (cm[3] or 1)
                runs.append(Run(text.strip(), round(size * scale, 2), tm[5] * (cm[3] or 1) + cm[5]))

        page.extract_text(visitor_text=visit)
        pages.append(Page(number, float(page.mediabox.height), tuple(runs)))
    return tuple(pages)
