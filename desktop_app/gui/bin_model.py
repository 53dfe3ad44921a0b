"""The recycle bin as a table: what was deleted, what kind of record, whose, when, how many
records go with it. Rows come from ``bin_items.describe_bin``; a proxy sorts and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop_app.bin_items import BinEntry, local_time
from desktop_app.i18n import N_, _, ngettext

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value a column sorts by (the ISO time, the count as a number)."""
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's ``BinEntry``."""

WHAT, KIND, ORGANIZATION, DELETED_AT, COUNT = range(5)
HEADERS = (
    N_("Deleted record"),
    N_("Kind"),
    N_("Organization"),
    N_("Deleted at"),
    N_("Records"),
)
HEADER_TIPS = (
    N_("What was deleted"),
    N_("What kind of record it is"),
    N_("The organization it belongs to"),
    N_("When it was moved to the recycle bin (local time)"),
    N_("How many records were deleted with it, itself included; they come back together"),
)

AnyIndex = QModelIndex | QPersistentModelIndex


class BinModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[BinEntry] = []

    def set_entries(self, entries: list[BinEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[BinEntry]:
        return list(self._entries)

    def entry(self, row: int) -> BinEntry:
        return self._entries[row]

    def row_of(self, uid: str) -> int:
        return next((n for n, e in enumerate(self._entries) if e.uid == uid), -1)

    # ---- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == SORT_ROLE:
            return self._sort_value(entry, column)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == COUNT:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _(HEADER_TIPS[section])
        return None

    # ---- cells --------------------------------------------------------------------------

    @staticmethod
    def _text(entry: BinEntry, column: int) -> str:
        if column == WHAT:
            return entry.what
        if column == KIND:
            return entry.kind
        if column == ORGANIZATION:
            return entry.organization
        if column == DELETED_AT:
            return local_time(entry.deleted_at)
        return str(entry.count)

    @staticmethod
    def _sort_value(entry: BinEntry, column: int) -> Any:
        if column == DELETED_AT:
            return entry.deleted_at
        if column == COUNT:
            return entry.count
        return BinModel._text(entry, column)

    @staticmethod
    def _tooltip(entry: BinEntry, column: int) -> str:
        if column == COUNT:
            return ngettext(
                "Restoring or purging it acts on {count} record.",
                "Restoring or purging it acts on {count} records together.",
                entry.count,
            ).format(count=entry.count)
        text = BinModel._text(entry, column)
        if column == WHAT and entry.organization:
            return f"{text}\n{entry.organization}"
        return text


class BinProxy(QSortFilterProxyModel):
    """Sorting by the raw values; the filter matches any column's text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
