"""Pieces the 三级联创, 任务书 and 星级评定 pages share: an empty state that says what to do, a
progress bar painted in a table cell, and a dialog base that guards unsaved changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import campaign
from desktop_app.errors import LedgerError, ValidationError
from desktop_app.gui import messages
from desktop_app.gui.session import Session
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.i18n import _

PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 10
"""A cell's progress as ``(done, whole)``; ``whole`` 0 or None means no bar."""
UID_ROLE = Qt.ItemDataRole.UserRole + 11
"""The uid of the record a row shows."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 12
"""The raw value a column sorts by."""

AnyIndex = QModelIndex | QPersistentModelIndex
PROGRESS_MAX_WIDTH = 360


class EmptyState(QWidget):
    """Shown instead of an empty table: a sentence saying what is missing and buttons for the
    next step."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(text, self)
        self.label.setObjectName("emptyText")
        self.label.setProperty("role", "caption")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(self.buttons)
        layout.addStretch(2)

    def add_button(self, text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons.insertWidget(self.buttons.count(), button)
        return button

    def finish(self) -> None:
        """Call after the last ``add_button``: centres the buttons."""
        self.buttons.addStretch(1)


class ProgressDelegate(QStyledItemDelegate):
    """Paints ``PROGRESS_ROLE`` as a progress bar with the cell's text on it; a cell with no
    whole shows its text only."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        progress = index.data(PROGRESS_ROLE)
        if not progress or not progress[1]:
            super().paint(painter, option, index)
            return
        done, whole = progress
        # The selection background first, so a selected row still looks selected.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)
        bar = QStyleOptionProgressBar()
        rect = option.rect.adjusted(4, 3, -4, -3)
        rect.setWidth(min(rect.width(), PROGRESS_MAX_WIDTH))
        bar.rect = rect
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        bar.minimum = 0
        bar.maximum = whole
        bar.progress = min(done, whole)
        bar.text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class GuardedDialog(QDialog):
    """A form dialog that saves through ``save()`` and asks before losing changes.

    Subclasses register fields with ``self.errors`` (a ``FieldErrors``), implement
    ``values()`` (what the fields hold now, comparable) and ``write()`` (save them; raise
    ``ValidationError`` to keep the dialog open), and call ``mark_clean()`` once loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FieldErrors()
        self._clean: object = None
        self.form_error: QLabel | None = None
        self.result_value: object = None

    # ---- to implement -------------------------------------------------------------------

    def values(self) -> object:
        raise NotImplementedError

    def write(self) -> object:
        raise NotImplementedError

    # ---- state --------------------------------------------------------------------------

    def mark_clean(self) -> None:
        self._clean = self.values()

    def is_dirty(self) -> bool:
        return self.values() != self._clean

    def save(self) -> bool:
        """Write the fields; on a refusal show each fault beside its field and stay open."""
        self.errors.clear()
        if self.form_error is not None:
            self.form_error.hide()
        try:
            self.result_value = self.write()
        except ValidationError as error:
            unplaced = self.errors.show(error)
            if unplaced:
                self._show_unplaced(error, [str(f) for f in unplaced])
            self.fit_height()
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        super().accept()
        return True

    def fit_height(self) -> None:
        """Grow to show the messages that appeared under the fields (wrapped labels need
        more height than the dialog had)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
        else:
            needed = layout.totalSizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_unplaced(self, error: LedgerError, lines: list[str]) -> None:
        if self.form_error is None:
            messages.show_error(self, error)
            return
        self.form_error.setText("\n".join(lines))
        self.form_error.show()

    def accept(self) -> None:
        self.save()

    def reject(self) -> None:
        if self.is_dirty():
            answer = messages.ask_unsaved(self)
            if answer == "save":
                self.save()
                return
            if answer == "cancel":
                return
        super().reject()


def compact_rows(view: QTableView) -> None:
    """Rows one line of text high, as in a spreadsheet."""
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)


def select_uid(view: QAbstractItemView, uid: str | None, column: int = 0) -> bool:
    """Select and scroll to the row of a flat view whose ``UID_ROLE`` is ``uid``."""
    model = view.model()
    if uid is None or model is None:
        return False
    matches = model.match(model.index(0, column), UID_ROLE, uid, 1, Qt.MatchFlag.MatchExactly)
    if not matches:
        return False
    view.setCurrentIndex(matches[0])  # the views select whole rows
    view.scrollTo(matches[0], QAbstractItemView.ScrollHint.PositionAtCenter)
    return True


def make_button(parent: QWidget, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.clicked.connect(lambda _checked=False: slot())
    return button


def make_table(parent: QWidget, name: str) -> QTableView:
    """A read-only, sortable table selecting one whole row."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    compact_rows(view)
    return view


def delete_after_asking(
    parent: QWidget, session: Session, table: str, uid: str, question: str
) -> bool:
    """Ask ``question``; if the user agrees, move the record to the recycle bin."""
    if not messages.confirm(
        parent,
        question,
        _("Delete"),
        detail=_("It goes to the recycle bin, where you can restore it."),
        destructive=True,
    ):
        return False
    ledger = session.ledger
    try:
        session.write(lambda: campaign.delete_record(ledger, table, uid))
    except LedgerError as error:
        messages.show_error(parent, error)
        return False
    return True
