"""Forked worker processes that die with the build and leave Ctrl-C to it.

Shared by the PDF renderer (a process pool) and the page workers of the MkDocs plugin.
"""
from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager


def worker_init() -> None:
    """Workers die with the build: the kernel kills them when the parent dies (even on
    SIGKILL), and Ctrl-C is handled by the parent alone (no traceback from every worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the build's own handler
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


@contextmanager
def signals_held_while_forking() -> Iterator[None]:
    """A Ctrl-C that reached a child before ``worker_init`` ran would print a traceback from
    it. SIGINT is blocked (not ignored) while forking: children start with it blocked and
    ignore it in ``worker_init``; the parent gets a Ctrl-C from this window as soon as the
    window closes."""
    # SIGTERM too: Python runs a handler that arrives mid-fork inside an at-fork hook, where
    # its exception is printed and dropped (measured: the build then ran to the end).
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
