"""The activity table's view: column widths, sorting by the headers, selection by uid, and
Enter or a double click to edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop_app.formatting import format_date
from desktop_app.gui.activity_model import COLUMNS, ActivityTableModel, column_of

# Starting widths: a sample of each column's usual content (the theme takes what is left, and
# every column can be widened by hand). Samples are data, not interface text; the date's is
# written in the interface language when the table is made.
COLUMN_SAMPLES = {
    "organization": "机电工程学院党总支/教工第一",
    "type": "支部党员大会",
    "category": "创业创新",
    "place": "学院党员活动室",
    "attendance": "100/100",
    "dimensions": "课程、管理",
    "featured": "★",
    "files": "99",
}


class ActivityTable(QTableView):
    editRequested = Signal()
    """Enter or a double click on a row."""

    def __init__(self, model: ActivityTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityTable")
        self.activity_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._size_columns()
        header = self.horizontalHeader()
        header.setSortIndicator(column_of("date"), Qt.SortOrder.DescendingOrder)
        # Sorting re-queries the ledger through the model's sort(): no proxy model.
        self.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.doubleClicked.connect(lambda _index: self.editRequested.emit())
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        widest_date = max(
            (format_date(date(2025, month, 28)) for month in range(1, 13)),
            key=metrics.horizontalAdvance,
        )
        samples = {"date": widest_date, **COLUMN_SAMPLES}
        for number, column in enumerate(COLUMNS):
            if column.key in samples:
                title = self.activity_model.headerData(number, Qt.Orientation.Horizontal)
                width = max(
                    metrics.horizontalAdvance(samples[column.key]) + 16,
                    metrics.horizontalAdvance(str(title)) + 28,  # room for the sort arrow
                )
                header.resizeSection(number, width)
        header.setMinimumSectionSize(metrics.horizontalAdvance("99") + 16)
        header.setSectionResizeMode(column_of("theme"), QHeaderView.ResizeMode.Stretch)

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """A column that cannot be sorted keeps the indicator on the order in force."""
        if COLUMNS[column].sort is None:
            model = self.activity_model
            order = (
                Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
            )
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column(), order)
            header.blockSignals(False)

    # ---- selection ------------------------------------------------------------------------

    def current_uid(self) -> str | None:
        """The selected activity with the focus (None when that row is not selected)."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row()):
            return None
        return self.activity_model.uid_at(index.row())

    def focused_uid(self) -> str | None:
        """The selected activity, else the row with the keyboard focus."""
        uid = self.current_uid()
        if uid is None and self.currentIndex().isValid():
            uid = self.activity_model.uid_at(self.currentIndex().row())
        return uid

    def selected_uids(self) -> list[str]:
        rows = sorted(i.row() for i in self.selectionModel().selectedRows())
        return [uid for uid in (self.activity_model.uid_at(r) for r in rows) if uid]

    def select_row(self, row: int) -> None:
        index = self.activity_model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not plain:
            event.accept()
            self.editRequested.emit()
            return
        super().keyPressEvent(event)
