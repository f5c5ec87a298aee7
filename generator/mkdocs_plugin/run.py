"""Run MkDocs for the CLI: build into a temporary folder and swap it in only on success.

MkDocs' strict mode aborts *after* writing files; building beside the old site keeps a good
site in place whenever a build fails.
"""
from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from generator.errors import UserError
from generator.mkdocs_plugin.plugin import TaalcoachPlugin

log = logging.getLogger("mkdocs")


def _config_file(portal: str | Path) -> Path:
    path = Path(portal) / "mkdocs.yml"
    if not path.exists():
        raise UserError(f"{path} not found — run this in a portal folder or pass --portal DIR "
                        "(`python -m generator new DIR` creates one)")
    return path


def _setup_logging() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
    if log.level == logging.NOTSET:
        log.setLevel(logging.INFO)


def build_site(portal: str | Path, site_dir: str | Path | None = None, handouts: bool = True) -> int:
    """Build with --strict into a temp folder next to the target, then replace the target.

    One build at a time per output folder (a lock file beside it); a disk or permission
    problem is one message, and the previous site stays as it was.
    """
    _setup_logging()
    config_file = _config_file(portal)
    target = Path(site_dir) if site_dir else Path(portal) / "site"
    target = target.resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _build_lock(target):
            _remove_leftovers(target)
            return _build_into(portal, config_file, target, handouts)
    except OSError as exc:
        raise UserError(_write_problem(exc, target)) from None


@contextmanager
def _build_lock(target: Path) -> Iterator[None]:
    """Two builds writing one site would swap folders under each other's feet."""
    lock_path = target.with_name(f".{target.name}.lock")
    with open(lock_path, "a+") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UserError(f"another build is writing {target} right now; "
                            "run this build again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _remove_leftovers(target: Path) -> None:
    """Folders of a build that was killed (SIGKILL, power loss); we hold the lock, so no
    running build owns them."""
    for stale in target.parent.glob(".site-building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    old = target.with_name(f".{target.name}-old")
    if old.exists() and target.exists():
        shutil.rmtree(old, ignore_errors=True)
    elif old.exists():  # killed between the two renames: the old site is the good one
        old.rename(target)


def _write_problem(exc: OSError, target: Path) -> str:
    where = exc.filename or target.parent
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"the disk is full, or a file is too large for it ({where}); nothing was changed in {target}"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write to {where} (read-only or no permission); nothing was changed in {target}"
    return f"could not write the site ({exc.strerror}: {where}); nothing was changed in {target}"


def _build_into(portal: str | Path, config_file: Path, target: Path, handouts: bool) -> int:
    staging = Path(tempfile.mkdtemp(prefix=".site-building-", dir=target.parent))
    built = False
    plugins: list[TaalcoachPlugin] = []
    try:
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(staging))
        plugins = [p for p in config.plugins.values() if isinstance(p, TaalcoachPlugin)]
        for plugin in plugins:
            plugin.config.handouts = plugin.config.handouts and handouts
            plugin.shown_root = os.fspath(portal)
        build(config)
        built = True
    except PluginError as exc:
        print(str(exc))
    except (Abort, ConfigurationError) as exc:
        print(f"Build failed: {exc}")
    finally:
        for plugin in plugins:
            plugin.stop_workers()  # none may write into the staging folder once it is removed
            plugin.collector.end()  # the usual garbage collector again, however the build ended
        if not built:  # also on an unexpected exception or an interrupt, which then propagates
            shutil.rmtree(staging, ignore_errors=True)
    if not built:
        print(f"Nothing was changed in {target}.")
        return 1
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    try:
        if target.exists():
            target.rename(old)
        staging.rename(target)
    except BaseException:
        if old.exists() and not target.exists():
            old.rename(target)  # put the previous site back
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.html"))
    print(f"Site written to {target} ({pages} HTML pages).")
    return 0


def serve_site(portal: str | Path, dev_addr: str = "127.0.0.1:8000") -> int:
    from mkdocs.commands.serve import serve

    _setup_logging()
    config_file = _config_file(portal)
    try:
        serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True)
    except (PluginError, Abort, ConfigurationError) as exc:
        print(str(exc))
        return 1
    return 0
