"""Build the pages on every core: forked workers read, convert and write a share of them.

MkDocs reads, converts and renders pages one after another, so a build used one core of
the machine (GitHub's runners have four, this project's test machine two). Once the nav is
known (`on_nav`), the plugin forks workers; each takes every n-th page, converts it, renders
it with the theme and writes it, exactly as MkDocs would. The main process does its own
share and passes over the others: their Markdown is not converted (`install_elsewhere`) and
their template is an empty one, so MkDocs writes nothing for them.

Pages show other pages' titles (nav, previous/next), and a title can come from a page's first
heading, known only once it is converted. So the work has two steps with one exchange between
them: every process converts its share; the workers send their pages' titles, anchors and
links to the main process, which sends back the titles of all other pages (`exchange`, at
`on_env`); then every process renders its share. At the end each worker reports its warning
count (so `--strict` still fails) and its page-cache counts (`join`).

Workers are used only for `build`, from MIN_PAGES pages on (forking costs more than it gives
on a small portal), and only when every enabled plugin is one known to keep no per-page state
(a worker's state is lost when it exits). TAALCOACH_WORKERS=N sets the number of processes;
1 switches workers off.
"""
from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from mkdocs.commands.build import _build_page, _populate_page  # MkDocs 1.x's own page steps
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.mkdocs_plugin.logcount import counting_warnings
from generator.mkdocs_plugin.page_cache import render_facts, restore_facts
from generator.workers import signals_held_while_forking, worker_init

WORKERS_ENV = "TAALCOACH_WORKERS"
MIN_PAGES = 400
MAX_WORKERS = 4
# The empty template pages built by a worker get in the main process: MkDocs writes no file for them.
ELSEWHERE_TEMPLATE = "taalcoach-built-elsewhere.html"
SAFE_PLUGINS = frozenset({"taalcoach", "search", "material/search"})

log = logging.getLogger("mkdocs.plugins.taalcoach")


def worker_count(config: MkDocsConfig, pages: int, command: str) -> int:
    """How many processes build pages (1: MkDocs alone)."""
    if command != "build" or sys.platform != "linux":
        return 1
    requested = int(os.environ.get(WORKERS_ENV, "0") or 0)
    if requested == 1 or (not requested and pages < MIN_PAGES):
        return 1
    others = [name for name, plugin in config.plugins.items()
              if name not in SAFE_PLUGINS and getattr(plugin.config, "enabled", True)]
    if others:
        log.info("pages are built in one process: plugin(s) %s may collect per-page state", ", ".join(others))
        return 1
    return max(1, min(requested or os.cpu_count() or 1, MAX_WORKERS, pages))


@dataclass
class _Worker:
    pid: int
    to_main: BinaryIO
    to_worker: BinaryIO
    uris: set[str]


@dataclass
class Message:
    """Worker → main process: after converting (``pages``), then once more when done."""
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)
    warnings: int = 0
    cache_hits: int = 0
    converted: int = 0
    error: str | None = None


class WorkerFailed(PluginError):
    """A worker could not build a page; the build fails with the reason, as for any plugin error."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"a page could not be built: {reason}")


class PageWorkers:
    """The forked workers of one build."""

    def __init__(self) -> None:
        self.workers: list[_Worker] = []
        self.elsewhere: set[str] = set()
        self.last_uri: str | None = None
        self.finished: list[Message] = []
        self.in_worker = False  # True in a forked worker, whose plugin object is a copy

    def start(self, count: int, config: MkDocsConfig, files: Files, nav: Navigation,
              finish_cache: Callable[[], tuple[int, int]]) -> None:
        """Fork ``count - 1`` workers; worker k takes every ``count``-th page from the k-th."""
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
        self.last_uri = pages[-1].src_uri if pages else None
        for k in range(1, count):
            share = pages[k::count]
            main_in, worker_out = os.pipe()
            worker_in, main_out = os.pipe()
            with signals_held_while_forking():
                pid = os.fork()
            if pid == 0:  # the worker: never returns into MkDocs' build
                os.close(main_in)
                os.close(main_out)
                for other in self.workers:  # earlier workers' pipes are the main process's business
                    os.close(other.to_main.fileno())
                    os.close(other.to_worker.fileno())
                worker_init()
                self.in_worker = True
                with os.fdopen(worker_out, "wb") as out, os.fdopen(worker_in, "rb") as inp:
                    _work(share, config, files, nav, finish_cache, out, inp)
                sys.stderr.flush()
                os._exit(0)
            os.close(worker_out)
            os.close(worker_in)
            uris = {f.src_uri for f in share}
            self.workers.append(_Worker(pid, os.fdopen(main_in, "rb"), os.fdopen(main_out, "wb"), uris))
            self.elsewhere |= uris

    def install_elsewhere(self, page: Page) -> bool:
        """A page a worker builds: not converted here, and written by the worker only."""
        if page.file.src_uri not in self.elsewhere:
            return False

        def render(config: MkDocsConfig, files: Files) -> None:
            page.content, page.toc = "", get_toc([])
        page.render = render  # type: ignore[method-assign]
        return True

    def exchange(self, files: Files) -> None:
        """All pages converted: take the workers' facts, send every worker the others' titles;
        pages a worker builds get the empty template here."""
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for worker in self.workers:
            _apply(self._receive(worker).pages, files)
        titles = {f.src_uri: f.page.title for f in doc_files if f.page is not None}
        for worker in self.workers:
            pickle.dump({uri: title for uri, title in titles.items() if uri not in worker.uris}, worker.to_worker)
            worker.to_worker.flush()
        for file in doc_files:
            if file.src_uri in self.elsewhere and file.page is not None:
                file.page.meta["template"] = ELSEWHERE_TEMPLATE
        # MkDocs says it wrote nothing for each of those pages; that line is kept out of the log.
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet)

    def join(self) -> list[Message]:
        """Wait for the workers to finish writing their pages; their last messages."""
        try:
            for worker in self.workers:
                self.finished.append(self._receive(worker))
                os.waitpid(worker.pid, 0)
                worker.to_main.close()
                worker.to_worker.close()
            self.workers = []
        finally:
            self.stop()
        return self.finished

    def stop(self) -> None:
        """After a failed or interrupted build: no worker may go on writing into the site."""
        for worker in self.workers:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(worker.pid, signal.SIGKILL)
                os.waitpid(worker.pid, 0)
            worker.to_main.close()
            worker.to_worker.close()
        self.workers = []

    def release(self) -> None:
        """The build is over (or failed): no worker left, and MkDocs' log as it was."""
        self.stop()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)

    def _receive(self, worker: _Worker) -> Message:
        try:
            message = pickle.load(worker.to_main)
        except (EOFError, pickle.UnpicklingError, OSError):
            message = None
        if not isinstance(message, Message):
            raise WorkerFailed("a page worker stopped without reporting")
        if message.error:
            raise WorkerFailed(message.error)
        return message

    def _quiet(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Page skipped: '") and message.split("'")[1] in self.elsewhere)


def _work(share: Sequence[File], config: MkDocsConfig, files: Files, nav: Navigation,
          finish_cache: Callable[[], tuple[int, int]], out: BinaryIO, inp: BinaryIO) -> None:
    """In the worker: convert the share, exchange titles, render and write the share."""
    with counting_warnings() as counter:
        try:
            pickle.dump(Message(pages=_convert(share, config, files)), out)
            out.flush()
            titles = pickle.load(inp)
            _take_titles(titles, files, config)
            _render(share, config, files, nav)
            done = Message()
        except Exception as exc:  # reported by the main process, which fails the build
            done = Message(error=f"{type(exc).__name__}: {exc}")
    done.warnings = counter.count
    done.cache_hits, done.converted = finish_cache()  # the worker's new cache entries saved
    with contextlib.suppress(OSError):
        pickle.dump(done, out)


def _convert(share: Sequence[File], config: MkDocsConfig, files: Files) -> dict[str, dict[str, Any]]:
    facts = {}
    for file in share:
        page = _page_of(file, config)
        assert page is not None
        _populate_page(page, config, files)
        facts[file.src_uri] = render_facts(page)
    return facts


def _apply(facts: dict[str, dict[str, Any]], files: Files) -> None:
    """The main process learns what it did not convert itself: titles, anchors, links."""
    for uri, fact in facts.items():
        file = files.get_file_from_path(uri)
        if file is not None and file.page is not None:
            restore_facts(file.page, fact, files)  # the same files in every process: all found


def _take_titles(titles: dict[str, str | None], files: Files, config: MkDocsConfig) -> None:
    """The other pages' front matter (their icons and such show in the nav) and final titles."""
    for uri, title in titles.items():
        file = files.get_file_from_path(uri)
        page = _page_of(file, config) if file is not None else None
        if page is not None:
            page.read_source(config)
            page._title_from_render = title


def _page_of(file: File, config: MkDocsConfig) -> Page | None:
    """The file's page; pages left out of the nav get theirs here, as MkDocs' own loop does."""
    if file.page is None and file.inclusion.is_not_in_nav():
        Page(None, file, config)
    return file.page


def _render(share: Sequence[File], config: MkDocsConfig, files: Files, nav: Navigation) -> None:
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in share:
        assert file.page is not None
        _build_page(file.page, config, doc_files, nav, env)
