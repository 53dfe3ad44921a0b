"""Slow work (import, export, reports, backups) off the UI thread, with progress and cancel.

``run_in_background`` starts the job in a ``QThread`` and shows a modal progress dialog while
the window stays responsive; it returns the job's result, or raises the job's exception in the
calling (UI) thread so callers handle errors as if the work had run in place. A job that
touches the ledger opens its own connection to the file (``open_ledger`` on the same path):
an SQLite connection belongs to the thread that made it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.errors import RefusedError
from desktop_app.i18n import _

T = TypeVar("T")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], T]

SHOW_AFTER_MS = 300


class JobCancelled(RefusedError):
    """The user cancelled; the job left everything as it was."""

    def __init__(self) -> None:
        super().__init__(_("Cancelled; nothing was changed."))


class _JobThread(QThread, Generic[T]):
    progressed = Signal(int, int)

    def __init__(self, job: Job[T]) -> None:
        super().__init__()
        self.job = job
        self.result: T | None = None
        self.error: BaseException | None = None
        self.cancel_requested = threading.Event()

    def run(self) -> None:
        try:
            self.result = self.job(self._progress, self.cancel_requested.is_set)
        except BaseException as exc:  # handed to the UI thread and raised there
            self.error = exc

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


def run_in_background(parent: QWidget | None, label: str, job: Job[T]) -> T:
    """Run ``job(progress, cancelled)`` in a worker thread behind a progress dialog.

    ``progress(done, total)`` moves the bar; ``cancelled()`` tells the job the user pressed
    Cancel. A job that stops on cancel raises (the importer raises ``RefusedError``); one that
    returns anyway after a cancel is reported as ``JobCancelled``.
    """
    thread: _JobThread[T] = _JobThread(job)
    dialog = QProgressDialog(label, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(_("Party Ledger"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)

    def on_progress(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))

    def on_cancel() -> None:
        thread.cancel_requested.set()
        dialog.setLabelText(_("Cancelling…"))

    loop = QEventLoop()
    thread.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    thread.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
    thread.start()
    if not thread.isFinished():
        # The dialog appears only if the job takes longer than SHOW_AFTER_MS.
        QTimer.singleShot(0, lambda: dialog.setValue(0))
        loop.exec()
    thread.wait()
    dialog.canceled.disconnect(on_cancel)
    dialog.close()
    dialog.deleteLater()
    if thread.error is not None:
        raise thread.error
    if thread.cancel_requested.is_set():
        raise JobCancelled()
    return thread.result  # type: ignore[return-value]
