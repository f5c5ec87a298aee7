"""Count the warnings MkDocs logs while a piece of work runs (strict mode fails on them)."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class WarningCount(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def counting_warnings() -> Iterator[WarningCount]:
    """Warnings and errors logged under the ``mkdocs`` logger inside the block."""
    counter = WarningCount()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)
