"""Small read-only tables of figures: a model of ready-made cells and a view as tall as its
rows, for sheets that scroll as a whole (the Reports page, the Settings page's record counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QWidget,
)

from desktop_app.formatting import format_number
from desktop_app.gui.widgets.rows_model import RowsModel

SORT_ROLE = Qt.ItemDataRole.UserRole
"""The raw value of a cell (a number, a code, a path) for sorting and for tests."""

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Cell:
    text: str
    value: Any
    tooltip: str = ""
    right: bool | None = None
    """Right-aligned; by default numbers are, text is not."""

    @classmethod
    def number(cls, value: int, tooltip: str = "") -> Cell:
        return cls(format_number(value), value, tooltip)

    @classmethod
    def label(cls, text: str, value: Any = None, tooltip: str = "") -> Cell:
        return cls(text, text if value is None else value, tooltip)


class FiguresModel(RowsModel[list[Cell]]):
    """Rows of ``Cell``s under translated headers; numbers are right-aligned. ``keys`` names
    each row (a code, a path) so callers can find a figure again."""

    sort_role = SORT_ROLE

    def __init__(
        self,
        headers: list[str],
        rows: list[list[Cell]] | None = None,
        keys: list[Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self.keys: list[Any] = []
        self.set_rows(rows or [], keys)

    def set_rows(self, rows: list[list[Cell]], keys: list[Any] | None = None) -> None:
        self.keys = list(keys) if keys is not None else list(range(len(rows)))
        self.load(rows)

    def row_of(self, key: Any) -> int:
        """The row named ``key`` (a ``ValueError`` when there is none)."""
        return self.keys.index(key)

    def value(self, key: Any, column: int) -> Any:
        """The raw value in the row named ``key``."""
        return self._rows[self.row_of(key)][column].value

    def text(self, key: Any, column: int) -> str:
        return self._rows[self.row_of(key)][column].text

    # ---- cells --------------------------------------------------------------------------

    def headers(self) -> list[str]:
        return self._headers

    def display(self, row: list[Cell], column: int) -> str:
        return row[column].text

    def sort_value(self, row: list[Cell], column: int) -> Any:
        return row[column].value

    def tooltip(self, row: list[Cell], column: int) -> str:
        return row[column].tooltip or row[column].text

    def alignment(self, row: list[Cell], column: int) -> int:
        cell = row[column]
        right = cell.right
        if right is None:
            right = isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool)
        return int(_RIGHT if right else _LEFT)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Nothing in the columns past a row's last cell."""
        row = index.row()
        if (
            index.isValid()
            and 0 <= row < len(self._rows)
            and index.column() >= len(self._rows[row])
        ):
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def fit_to_rows(view: QTableView, *, stretch: bool = True) -> None:
    """Make ``view`` (its model already set) a read-only table as tall as all its rows, so it
    never scrolls on its own inside a scrolling sheet. ``stretch``: it takes the width it is
    given (the last column fills it); otherwise it is as wide as its columns."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch)
    header.setHighlightSections(False)
    header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("0") * 8)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    policy = view.sizePolicy()
    policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
    if not stretch:
        policy.setHorizontalPolicy(QSizePolicy.Policy.Fixed)
    view.setSizePolicy(policy)
    model = view.model()
    if model is not None:
        model.modelReset.connect(view.updateGeometry)


class FitTableView(QTableView):
    """A table made by ``fit_to_rows`` over ``model``."""

    def __init__(
        self, model: FiguresModel, parent: QWidget | None = None, *, stretch: bool = True
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        fit_to_rows(self, stretch=stretch)
