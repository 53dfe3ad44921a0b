"""Counting the activity table's rows off the UI thread.

Counting every activity that matches a search can take a tenth of a second on a large
university, longer than a keystroke may wait; the table shows its first page at once and
``BackgroundCount`` gets the total meanwhile. Each count runs in a thread of its own, on a
read-only connection to the ledger's file opened for that count alone (a connection belongs to
the thread that made it; under WAL a reader never waits for the window's writes). A new count
abandons the one before it (``sqlite3.Connection.interrupt``); only the newest one is
reported, by a signal queued to the thread that made the ``BackgroundCount``.
"""

from __future__ import annotations

import atexit
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from desktop_app.activity_query import ActivityFilter, count_activities
from desktop_app.storage.ledger import BUSY_TIMEOUT_MS, Ledger

COULD_NOT_COUNT = -1
START_DELAY_MS = 100


def counts_in_background(ledger: Ledger) -> bool:
    """True if the ledger lies in a file another connection can open (not in memory)."""
    files = {name: file for _seq, name, file in ledger.conn.execute("PRAGMA database_list")}
    return bool(files.get("main"))


class _CountConnection(sqlite3.Connection):
    """A connection that refuses to start a statement once its count is abandoned (an
    interrupt stops only the statement running at that moment)."""

    abandoned = False

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        if self.abandoned:
            raise sqlite3.OperationalError("interrupted")
        return super().execute(*args, **kwargs)


class _Job(threading.Thread):
    """One count, on its own read-only connection; ``cancel`` interrupts it."""

    def __init__(self, path: Path, flt: ActivityFilter, ticket: int, done: SignalInstance) -> None:
        super().__init__(name="activity-count", daemon=True)
        self.path = path
        self.flt = flt
        self.ticket = ticket
        self._done = done
        self._lock = threading.Lock()
        self._conn: _CountConnection | None = None
        self._cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._conn is not None:
                self._conn.abandoned = True
                self._conn.interrupt()

    def run(self) -> None:
        try:
            total = self._count()
        except sqlite3.Error:  # interrupted, or the file could not be read
            total = COULD_NOT_COUNT
        with self._lock:
            if not self._cancelled:
                self._done.emit(self.ticket, total)
        _running.discard(self)

    def _count(self) -> int:
        conn = sqlite3.connect(
            self.path.as_uri() + "?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,
            factory=_CountConnection,
        )
        try:
            with self._lock:
                conn.abandoned = self._cancelled
                self._conn = conn
            return count_activities(Ledger(self.path, conn, read_only=True), self.flt)
        finally:
            with self._lock:
                self._conn = None
            conn.close()


# Counts still running, stopped before the interpreter exits (a daemon thread must not be
# signalling while Qt is being torn down).
_running: set[_Job] = set()


@atexit.register
def _stop_all() -> None:
    for job in list(_running):
        job.cancel()
        job.join(timeout=1)


class BackgroundCount(QObject):
    """Counts the activities under a filter in the background; ``counted(total)`` reports the
    newest count (``COULD_NOT_COUNT`` if the file could not be read: count in place then).

    A count starts ``delay_ms`` after it is asked for, so that filters changed in quick
    succession (arrow keys through a list, a search typed on) start no count that the next
    change would abandon: a thread starting or counting beside the window's own queries
    slows them on a busy two-core computer."""

    counted = Signal(int)
    _finished = Signal(int, int)  # ticket, total; emitted from the job's thread

    def __init__(
        self, path: Path, parent: QObject | None = None, *, delay_ms: int = START_DELAY_MS
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._ticket = 0
        self._wanted: ActivityFilter | None = None
        self._job: _Job | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._begin)
        self._finished.connect(self._report)
        # When this object goes (deleted with its parent, or dropped by Python), its job is
        # abandoned: it must not signal a deleted object.
        jobs = _Jobs()
        self._jobs = jobs
        self.destroyed.connect(jobs.stop)
        weakref.finalize(self, jobs.stop)

    def start(self, flt: ActivityFilter) -> None:
        """Count the activities under ``flt`` (soon), abandoning the count under way if any."""
        self.cancel()
        self._wanted = flt
        self._timer.start()

    def cancel(self) -> None:
        """Abandon the count asked for or under way: it will not be reported."""
        self._timer.stop()
        self._wanted = None
        if self._job is not None:
            self._job.cancel()
            self._job = None
            self._jobs.current = None

    def pending(self) -> bool:
        return self._wanted is not None or self._job is not None

    def _begin(self) -> None:
        if self._wanted is None:
            return
        self._ticket += 1
        job = _Job(self.path, self._wanted, self._ticket, self._finished)
        self._wanted = None
        self._job = job
        self._jobs.current = job
        _running.add(job)
        job.start()

    def _report(self, ticket: int, total: int) -> None:
        if self._job is None or ticket != self._ticket:
            return  # abandoned meanwhile
        self._job = None
        self._jobs.current = None
        self.counted.emit(total)


class _Jobs:
    """The job of a ``BackgroundCount``, reachable once the object itself is going."""

    def __init__(self) -> None:
        self.current: _Job | None = None

    def stop(self, *_args: object) -> None:
        """Once ``cancel`` returns, the job never signals (it reports under the same lock)."""
        job, self.current = self.current, None
        if job is not None:
            job.cancel()
