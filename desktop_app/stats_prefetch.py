"""The first statistics of the window, computed while the window is still being built.

The dashboard's first paint needs the whole ledger's figures for the year. ``start`` computes
them in a background thread on a read-only connection of its own while the main thread
imports and builds the window (SQLite runs without Python's global lock, so the two really
overlap on a multi-core PC); ``compute_stats`` then ``take``s the result instead of computing
it again — only if it is the same question (file, year, as-of date, whole ledger) about the
same ledger state (no audit row written since). Anything that goes wrong in the background is
dropped: the figures are then computed as always, and any error shows there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any


@dataclass
class _Prefetch:
    path: Path
    year: int
    as_of: date
    done: threading.Event = field(default_factory=threading.Event)
    figures: dict[str, Any] | None = None
    audit_id: int = -1


_lock = threading.Lock()
_pending: _Prefetch | None = None


def start(path: str | Path, year: int, as_of: date) -> None:
    """Begin computing the whole ledger's figures of ``year`` as of ``as_of``."""
    global _pending
    job = _Prefetch(Path(path).expanduser().resolve(), year, as_of)
    with _lock:
        _pending = job
    threading.Thread(target=_run, args=(job,), name="stats-prefetch", daemon=True).start()


def _run(job: _Prefetch) -> None:
    try:
        from desktop_app.stats import figures_of
        from desktop_app.storage.ledger import open_ledger

        if not job.path.is_file():
            return
        with open_ledger(job.path, create=False, read_only=True) as ledger, ledger.snapshot():
            job.audit_id = ledger.last_audit_id()
            job.figures = figures_of(ledger, job.year, None, job.as_of)
    except Exception:
        job.figures = None
    finally:
        job.done.set()


def take(path: Path, year: int, as_of: date, audit_id: int) -> dict[str, Any] | None:
    """The prefetched figures if they answer this question about this state of the ledger
    (waiting for them if they are on their way); None otherwise. Given out once."""
    global _pending
    with _lock:
        job = _pending
        if job is None or (job.path, job.year, job.as_of) != (path.resolve(), year, as_of):
            return None
        _pending = None
    job.done.wait()
    return job.figures if job.audit_id == audit_id else None
