"""Drop the blank lines and indentation Material's templates emit around every tag.

Material's Jinja templates are indented for reading; each nav entry comes out as ~10 lines,
most of them blank or indented (demo: `oefenen/index.html` had 1,859 blank lines of 2,587).
Whitespace between tags collapses to one space in HTML anyway, so removing it changes
nothing a reader sees; only `<pre>`, `<textarea>` and `<script>` keep their text as written.
"""
from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.DOTALL | re.IGNORECASE)
_SPACE_LINES = re.compile(r"\n[ \t\r\n]+")  # a lone newline stays as it is: no substitution


def strip_blank_lines(html: str) -> str:
    """Every run of newlines and indentation outside <pre>/<textarea>/<script> becomes one newline."""
    parts = _KEEP.split(html)
    out: list[str] = []
    # split() with two groups yields: text, whole-match, tag-name, text, whole-match, tag-name, …
    for i in range(0, len(parts), 3):
        out.append(_SPACE_LINES.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
