"""Hostile content, group 5: builds that survive faults. Real build processes are stopped with
real signals; the tests wait on state (a PDF worker exists, the process ended), not on time."""
from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, build_ok, run_cli

pytestmark = pytest.mark.slow  # every test runs real builds

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TAALCOACH_LANG": "en",
       "TAALCOACH_PDF_WORKERS": "2"}


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):  # the task ended meanwhile
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_until(condition, what: str, limit: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    """Poll a state; the limit only guards against a hang, it is not what the test measures."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for: {what}"
        time.sleep(0.05)


def _start_build(portal: Path, site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--portal", str(portal),
                             "--site-dir", str(site)], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


@pytest.mark.pdf
@pytest.mark.parametrize("how, code, word", [("SIGINT", 130, "Ctrl-C"), ("SIGTERM", 143, "SIGTERM")])
def test_interrupt_while_rendering_pdfs_stops_cleanly(how: str, code: int, word: str, portal: Path,
                                                      tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    build = _start_build(portal, site)
    _wait_until(lambda: build.poll() is not None or len(_children(build.pid)) >= 2, "PDF workers")
    workers = _children(build.pid)
    assert build.poll() is None, "the build ended before it could be interrupted"
    if how == "SIGINT":  # Ctrl-C in a terminal signals the whole process group
        os.killpg(build.pid, signal.SIGINT)
    else:
        build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=120)
    assert build.returncode == code, out + err
    assert "Traceback" not in err and "Traceback" not in out, err
    assert f"stopped ({word}); the site was not changed" in err
    _wait_until(lambda: not any(_alive(w) for w in workers), "workers to end")
    assert not site.exists()
    assert not list(site.parent.glob(".site-building-*"))
    assert not list((portal / ".cache" / "handouts").glob(".*.tmp"))


@pytest.mark.pdf
def test_sigkill_takes_the_workers_along_and_the_next_build_cleans_up(portal: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    build = _start_build(portal, site)
    _wait_until(lambda: build.poll() is not None or len(_children(build.pid)) >= 2, "PDF workers")
    workers = _children(build.pid)
    assert build.poll() is None
    build.kill()
    build.communicate(timeout=60)
    _wait_until(lambda: not any(_alive(w) for w in workers), "workers to die with the build")
    assert list(site.parent.glob(".site-building-*")), "expected the killed build's folder"
    build_ok(portal, site, "--no-pdf")
    assert not list(site.parent.glob(".site-building-*"))
    assert (site / "index.html").is_file()


def test_a_second_build_stops_with_a_clear_message(portal: Path, tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    site.parent.mkdir(parents=True)
    with open(site.with_name(".site.lock"), "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # what a running build holds
        result = run_cli("--lang", "en", "build", "--no-pdf", "--portal", str(portal), "--site-dir", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"another build is writing {site} right now" in result.stderr
    assert not site.exists()


@pytest.mark.pdf
def test_damaged_pdf_cache_entries_are_rendered_again(portal: Path, tmp_path: Path) -> None:
    """A truncated, an emptied and a bit-flipped entry: all three are checked (size and SHA-256)
    and rendered again instead of being published."""
    site = build_ok(portal, tmp_path / "site")
    cache = sorted((portal / ".cache" / "handouts").glob("*.pdf"))
    assert len(cache) >= 3
    for victim, damage in zip(cache, ("truncate", "empty", "flip-a-byte"), strict=False):
        data = victim.read_bytes()
        victim.write_bytes({"truncate": data[: len(data) // 2], "empty": b"",
                            "flip-a-byte": data[:100] + bytes([data[100] ^ 1]) + data[101:]}[damage])
    result = run_cli("build", "--portal", str(portal), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert "rendered 3, from cache" in result.stdout + result.stderr
    for pdf in site.rglob("*.pdf"):
        assert len(PdfReader(pdf).pages) >= 1


def test_read_only_output_folder_is_one_message_and_the_old_site_stays(portal: Path, tmp_path: Path) -> None:
    parent = tmp_path / "out"
    site = build_ok(portal, parent / "site", "--no-pdf")
    before = (site / "index.html").read_bytes()
    subprocess.run(["chattr", "+i", str(parent)], check=True)  # root ignores chmod; not this
    try:
        result = run_cli("--lang", "en", "build", "--no-pdf", "--portal", str(portal), "--site-dir", str(site))
    finally:
        subprocess.run(["chattr", "-i", str(parent)], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "(read-only or no permission); nothing was changed in" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert (site / "index.html").read_bytes() == before


def test_full_disk_is_one_message_and_the_old_site_stays(portal: Path, tmp_path: Path) -> None:
    site = build_ok(portal, tmp_path / "site", "--no-pdf")
    before = (site / "index.html").read_bytes()

    def small_disk() -> None:  # writes past 64 kB fail with EFBIG, as on a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64_000, 64_000))

    result = subprocess.run([sys.executable, "-m", "generator", "build", "--no-pdf", "--portal", str(portal),
                             "--site-dir", str(site)], env=ENV, capture_output=True, text=True,
                            preexec_fn=small_disk)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "the disk is full, or a file is too large for it" in result.stderr
    assert (site / "index.html").read_bytes() == before
    assert not list(site.parent.glob(".site-building-*"))
