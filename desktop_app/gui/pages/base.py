"""What every page of the navigation list has in common.

A page shows part of the ledger for the session's year. It reloads lazily: a change while the
page is hidden only marks it stale, and it reloads when it is shown again, so one edit does not
make nine pages query the ledger.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from desktop_app.gui.session import Session


class Page(QWidget):
    key: ClassVar[str] = ""
    """Stable name: the screenshot's file name and the remembered last page."""
    title: ClassVar[str] = ""
    """The navigation entry, marked with ``N_`` and translated where shown."""
    icon: ClassVar[str] = ""
    """A name of ``QIcon.ThemeIcon`` or a file in resources/icons (optional)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        session.changed.connect(self._on_changed)
        session.yearChanged.connect(self._on_changed)

    # ---- to override --------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload everything the page shows from the ledger."""

    def show_record(self, record: object) -> None:
        """Bring ``record`` (usually a uid) into view; called after navigating here."""

    def focus_search(self) -> bool:
        """Put the cursor in the page's search box; False if the page has none."""
        return False

    def delete_selected(self) -> None:
        """The Delete key: move the selected record to the recycle bin (after asking)."""

    # ---- lazy reload --------------------------------------------------------------------

    def ensure_fresh(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_changed(self, *args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.ensure_fresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_fresh()
