"""The open ledger as the window sees it: the chosen year, change notifications, undo.

Every page holds the one ``Session``. A page that writes calls ``session.write(action)``; when
the action succeeds the session remembers what changed (for Ctrl+Z) and tells every page to
refresh, so the dashboard, the tables and the recycle bin never show stale figures.

When another program is writing to the ledger the window opens it read-only
(``session.read_only``): every write and undo is refused with a message saying who is writing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop_app.errors import RefusedError
from desktop_app.storage.ledger import Ledger

T = TypeVar("T")

UNDO_DEPTH = 50


class Session(QObject):
    changed = Signal()
    """Something in the ledger changed; pages reload what they show."""
    yearChanged = Signal(int)
    undoChanged = Signal()
    navigateRequested = Signal(str, object)
    """A page asks the window to show another page and, optionally, a record on it."""

    def __init__(self, ledger: Ledger, year: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.ledger = ledger
        self._year = year or date.today().year
        self._undo: list[Any] = []

    @property
    def read_only(self) -> bool:
        """True when the ledger was opened read-only (another program is writing to it)."""
        return bool(getattr(self.ledger, "read_only", False))

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be changed, and what to do (empty when writing is allowed)."""
        if not self.read_only:
            return ""
        return str(getattr(self.ledger, "read_only_reason", ""))

    def ensure_writable(self) -> None:
        """Refuse (``RefusedError`` naming who is writing) when the ledger is read-only: for
        work that writes through a connection of its own, in the background."""
        if self.read_only:
            raise RefusedError(self.read_only_reason)

    @property
    def year(self) -> int:
        return self._year

    def set_year(self, year: int) -> None:
        if year != self._year:
            self._year = year
            self.yearChanged.emit(year)

    def write(self, action: Callable[[], T]) -> T:
        """Run one user action that writes. Errors propagate unchanged (the caller shows them
        beside the fields or in a dialog); on success the change can be undone. In read-only
        mode the action is not run: ``RefusedError`` says who is writing to the ledger."""
        self.ensure_writable()
        before = getattr(self.ledger, "last_change", None)
        result = action()
        after = getattr(self.ledger, "last_change", None)
        if after is not None and after is not before and self._undoable(after):
            self._undo.append(after)
            del self._undo[:-UNDO_DEPTH]
            self.undoChanged.emit()
        self.changed.emit()
        return result

    def notify_changed(self) -> None:
        """The ledger changed outside ``write`` (an import in the background, say)."""
        self._undo.clear()
        self.undoChanged.emit()
        self.changed.emit()

    # ---- undo ---------------------------------------------------------------------------

    def _undoable(self, change: Any) -> bool:
        from desktop_app.storage.undo import can_undo

        return can_undo(self.ledger, change)

    def can_undo(self) -> bool:
        return bool(self._undo) and not self.read_only

    def undo_text(self) -> str:
        from desktop_app.i18n import _

        if not self._undo:
            return _("Undo")
        from desktop_app.storage.undo import describe_change

        return describe_change(self.ledger, self._undo[-1])

    def undo(self) -> int:
        """Undo the last change made in this window; raises ``RefusedError`` when it cannot be
        undone (the record was changed since, or purged). The change is dropped either way."""
        from desktop_app.storage.undo import undo_change

        self.ensure_writable()
        change = self._undo.pop()
        try:
            count = undo_change(self.ledger, change)
        finally:
            self.undoChanged.emit()
        self.changed.emit()
        return count

    def navigate(self, page: str, record: object = None) -> None:
        self.navigateRequested.emit(page, record)
