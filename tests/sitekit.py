"""Test support: serve a built site under a sub-path and drive Debian's Chromium.

Used by the browser tests; the sub-path mimics GitHub Pages (https://org.github.io/repo/).
"""
from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SUB_PATH = "/taalcoach-portaal/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# Measure the final state, never a frame of an animation: Material fades and slides colours,
# tabs and permalinks in, and the quiz feedback fades in. On a busy machine (load 2-9 on 2
# cores) axe read contrast mid-fade and the keyboard test met half-moved elements. Every test
# context asks for reduced motion (the quiz's own animation honours it) and gets this
# stylesheet before any page script runs (Material's transitions ignore the media query).
NO_MOTION_CSS = ("*, *::before, *::after { transition: none !important; animation: none !important; "
                 "scroll-behavior: auto !important; }")
_NO_MOTION_JS = """(() => {
  const add = () => {
    const style = document.createElement('style');
    style.setAttribute('data-test', 'no-motion');
    style.textContent = %s;
    (document.head || document.documentElement).appendChild(style);
  };
  if (document.documentElement) add(); else document.addEventListener('DOMContentLoaded', add);
})();"""


def new_context(browser: Any, **options: Any) -> Any:
    """A Playwright browser context for measuring: Dutch, reduced motion, no transitions."""
    import json

    options = {"locale": "nl-NL", "reduced_motion": "reduce", **options}
    context = browser.new_context(**options)
    context.add_init_script(script=_NO_MOTION_JS % json.dumps(NO_MOTION_CSS))
    return context


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    prefix = SUB_PATH

    def translate_path(self, path: str) -> str:
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_sub_path__")
        return super().translate_path("/" + clean[len(self.prefix):])

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 under SUB_PATH; yields the base URL ending in '/'."""
    handler = functools.partial(_SubPathHandler, directory=str(site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = shutil.which("chromium") or CHROMIUM
    if not Path(path).exists():
        raise RuntimeError("Debian's chromium is needed for the browser tests: apt-get install chromium "
                           "(.ci/run does this); never `playwright install`.")
    return path
