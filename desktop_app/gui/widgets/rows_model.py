"""A read-only table model over rows held in memory (one object per row, loaded at once).

A subclass names its columns and says what each cell shows; the model does the rest (row and
column counts, the header, the roles):

    class TasksModel(RowsModel[TaskRow]):
        HEADERS = (N_("Task"), N_("Deadline"))
        sort_role = SORT_ROLE  # the role giving ``sort_value`` (None: not offered)
        uid_role = UID_ROLE  # the role giving ``uid(row)`` (None: not offered)

        def display(self, row: TaskRow, column: int) -> str: ...

Optional hooks, each given the row object and the column: ``sort_value`` (by default the
displayed text), ``tooltip``, ``alignment``, ``foreground`` and ``role_data`` for any other
role. ``load(rows)`` replaces every row; ``row_at(n)`` and ``row_of(uid)`` find them again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.i18n import _, current_language

RowT = TypeVar("RowT")
AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


class RowsModel(QAbstractTableModel, Generic[RowT]):
    HEADERS: ClassVar[tuple[str, ...]] = ()
    """The column headers as source texts (marked with ``N_``), translated when shown."""
    sort_role: ClassVar[int | None] = None
    uid_role: ClassVar[int | None] = None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._shown_headers: tuple[str | None, tuple[str, ...]] = (None, ())

    def load(self, rows: Iterable[RowT]) -> None:
        """Show ``rows`` instead of the rows shown (a model reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> RowT:
        return self._rows[row]

    def row_of(self, uid: Any) -> int:
        """The number of the row whose ``uid`` is ``uid``, or -1."""
        return next((n for n, row in enumerate(self._rows) if self.uid(row) == uid), -1)

    # ---- what subclasses say ------------------------------------------------------------

    def headers(self) -> Sequence[str]:
        """The header texts, as shown (one per column): ``HEADERS`` translated, once per
        language (a view asks for the column count for every cell it looks at)."""
        language = current_language()
        translated_in, shown = self._shown_headers
        if translated_in != language:
            shown = tuple(_(text) for text in self.HEADERS)
            self._shown_headers = (language, shown)
        return shown

    def display(self, row: RowT, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row: RowT, column: int) -> Any:
        """The raw value the column sorts by (given for ``sort_role``)."""
        return self.display(row, column)

    def uid(self, row: RowT) -> Any:
        """The uid of the record the row shows (given for ``uid_role``, found by ``row_of``)."""
        return getattr(row, "uid", None)

    def tooltip(self, row: RowT, column: int) -> Any:
        return None

    def alignment(self, row: RowT, column: int) -> Any:
        return None

    def foreground(self, row: RowT, column: int) -> Any:
        return None

    def role_data(self, row: RowT, column: int, role: int) -> Any:
        """Any other role (a background, a progress, the row itself)."""
        return None

    # ---- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == DISPLAY:
            return self.display(row, column)
        if role == self.sort_role:
            return self.sort_value(row, column)
        if role == self.uid_role:
            return self.uid(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        return self.role_data(row, column, role)
