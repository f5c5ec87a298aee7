"""How long build caches under `.cache/` keep what no build uses, so a cache kept between CI
runs does not grow without end. The PDF cache is one file per handout (pruned here by file
age); the page cache keeps the same age in its SQLite rows (page_cache.py)."""
from __future__ import annotations

import contextlib
import time
from pathlib import Path

CACHE_MAX_AGE_DAYS = 30


def prune_unused(folder: Path, pattern: str, max_age_days: int = CACHE_MAX_AGE_DAYS,
                 sidecar_suffix: str | None = None) -> int:
    """Delete the entries matching ``pattern`` not used for ``max_age_days`` (and each one's
    sidecar file with ``sidecar_suffix``); how many went."""
    if not folder.is_dir():
        return 0
    limit = time.time() - max_age_days * 86400
    removed = 0
    for entry in folder.glob(pattern):
        with contextlib.suppress(OSError):  # removed meanwhile, or not ours to remove
            if entry.stat().st_mtime < limit:
                entry.unlink()
                if sidecar_suffix:
                    entry.with_suffix(sidecar_suffix).unlink(missing_ok=True)
                removed += 1
    return removed
