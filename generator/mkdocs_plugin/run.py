"""Run MkDocs for the CLI: build into a temporary folder and swap it in only on success.

MkDocs' strict mode aborts *after* writing files; building beside the old site keeps a good
site in place whenever a build fails.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
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
    """Build with --strict into a temp folder next to the target, then replace the target."""
    _setup_logging()
    config_file = _config_file(portal)
    target = Path(site_dir) if site_dir else Path(portal) / "site"
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-building-", dir=target.parent))
    built = False
    try:
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(staging))
        for plugin in config.plugins.values():
            if isinstance(plugin, TaalcoachPlugin):
                plugin.config.handouts = plugin.config.handouts and handouts
                plugin.shown_root = os.fspath(portal)
        build(config)
        built = True
    except PluginError as exc:
        print(str(exc))
    except (Abort, ConfigurationError) as exc:
        print(f"Build failed: {exc}")
    finally:
        if not built:  # also on an unexpected exception, which then propagates
            shutil.rmtree(staging, ignore_errors=True)
    if not built:
        print(f"Nothing was changed in {target}.")
        return 1
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    staging.rename(target)
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
