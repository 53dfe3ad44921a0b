"""The dashboard's first reads, done while the window is still being built.

The dashboard's first paint needs the whole ledger's figures for the year, its months and
its reminders. ``start`` reads them in a background thread on a read-only connection of its
own while the main thread imports Qt and builds the window (SQLite runs without Python's
global lock, so the two really overlap on a multi-core PC). ``compute_stats``,
``activities_by_month`` and ``reminders`` then ``take`` their result instead of reading it
again — only if it answers the same question (file, year, as-of date, whole ledger) about the
same state of the ledger (no audit row written since), and each only once. Anything that goes
wrong in the background is dropped: the reads are then done as always, and errors show there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

STATS, MONTHS, REMINDERS = "stats", "months", "reminders"


@dataclass
class _Prefetch:
    path: Path
    year: int
    as_of: date
    done: threading.Event = field(default_factory=threading.Event)
    results: dict[str, Any] = field(default_factory=dict)
    audit_id: int = -1
    thread_id: int | None = None


_lock = threading.Lock()
_pending: _Prefetch | None = None


def start(path: str | Path, year: int, as_of: date) -> None:
    """Begin reading the whole ledger's figures, months and reminders of ``year``."""
    global _pending
    job = _Prefetch(Path(path).expanduser().resolve(), year, as_of)
    with _lock:
        _pending = job
    threading.Thread(target=_run, args=(job,), name="dashboard-prefetch", daemon=True).start()


def _run(job: _Prefetch) -> None:
    job.thread_id = threading.get_ident()
    try:
        from desktop_app.reminders import reminders
        from desktop_app.stats import activities_by_month, figures_of
        from desktop_app.storage.ledger import open_ledger

        if not job.path.is_file():
            return
        with open_ledger(job.path, create=False, read_only=True) as ledger, ledger.snapshot():
            job.audit_id = ledger.last_audit_id()
            figures = figures_of(ledger, job.year, None, job.as_of)
            job.results[STATS] = figures
            job.results[MONTHS] = activities_by_month(ledger, job.year)
            job.results[REMINDERS] = reminders(ledger, job.year, job.as_of, stats=figures)
    except Exception:  # read again in the foreground, where errors show
        job.results.clear()
    finally:
        job.done.set()


def take(kind: str, path: Path, year: int, as_of: date | None, audit_id: int) -> Any:
    """The prefetched result of ``kind`` if it answers this question about this state of the
    ledger (waiting for it if it is on its way); None otherwise. Each is given out once.
    ``as_of`` None: the question does not depend on the day (the months)."""
    with _lock:
        job = _pending
        if job is None or (job.path, job.year) != (path.resolve(), year):
            return None
        if job.thread_id == threading.get_ident():  # the prefetch's own reads
            return None
        if as_of is not None and as_of != job.as_of:
            return None
    job.done.wait()
    with _lock:
        result = job.results.pop(kind, None)
    return result if job.audit_id == audit_id else None
