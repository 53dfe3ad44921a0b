"""The recycle bin as a table: what was deleted, what kind of record, whose, when, how many
records go with it. Rows come from ``bin_items.describe_bin``; a proxy sorts and filters."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop_app.bin_items import BinEntry
from desktop_app.formatting import format_datetime, format_number
from desktop_app.gui.widgets.rows_model import RowsModel
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

DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class BinModel(RowsModel[BinEntry]):
    HEADERS = HEADERS
    sort_role = SORT_ROLE

    def set_entries(self, entries: list[BinEntry]) -> None:
        self.load(entries)

    def entries(self) -> list[BinEntry]:
        return list(self._rows)

    def entry(self, row: int) -> BinEntry:
        return self.row_at(row)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(HEADER_TIPS):
            return _(HEADER_TIPS[section])
        return super().headerData(section, orientation, role)

    # ---- cells --------------------------------------------------------------------------

    def display(self, entry: BinEntry, column: int) -> str:
        if column == WHAT:
            return entry.what
        if column == KIND:
            return entry.kind
        if column == ORGANIZATION:
            return entry.organization
        if column == DELETED_AT:
            return format_datetime(entry.deleted_at)
        return format_number(entry.count)

    def sort_value(self, entry: BinEntry, column: int) -> Any:
        if column == DELETED_AT:
            return entry.deleted_at
        if column == COUNT:
            return entry.count
        return self.display(entry, column)

    def tooltip(self, entry: BinEntry, column: int) -> str:
        if column == COUNT:
            return ngettext(
                "Restoring or purging it acts on {count} record.",
                "Restoring or purging it acts on {count} records together.",
                entry.count,
            ).format(count=entry.count)
        text = self.display(entry, column)
        if column == WHAT and entry.organization:
            return f"{text}\n{entry.organization}"
        return text

    def alignment(self, entry: BinEntry, column: int) -> int:
        return RIGHT if column == COUNT else LEFT

    def role_data(self, entry: BinEntry, column: int, role: int) -> Any:
        return entry if role == ENTRY_ROLE else None


class BinProxy(QSortFilterProxyModel):
    """Sorting by the raw values; the filter matches any column's text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
