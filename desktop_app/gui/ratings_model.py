"""The 星级评定 grid: a row per active college and branch, a column per year, each cell the
stars of that year; edited in place with a combo box (1–5 stars or not rated)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.domain.orgtree import OrgTree
from desktop_app.gui.campaign_widgets import SORT_ROLE, UID_ROLE
from desktop_app.gui.widgets.org_picker import INDENT
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger

AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
MAX_STARS = 5
NOT_RATED = "—"
YEARS_SHOWN = 3
RatingWriter = Callable[[str, int, int | None], bool]
"""Saves a cell: (organization uid, year, stars or None to clear) → whether it was saved."""


def stars_text(stars: int) -> str:
    return "★" * stars + "☆" * (MAX_STARS - stars)


@dataclass(frozen=True)
class RatedOrg:
    uid: str
    name: str
    path: str
    level: str
    depth: int
    """0 for a college or a branch directly under the committee, 1 for a college's branch."""


def rated_orgs(tree: OrgTree) -> list[RatedOrg]:
    """The active colleges and branches, each college followed by its branches."""
    root = tree.root
    if root is None:
        return []
    rows = []
    depths = {root.uid: -1}
    for uid in tree.subtree(root.uid):
        org = tree.by_uid[uid]
        if uid != root.uid:
            depths[uid] = depths[org.parent_uid or root.uid] + 1
        if org.active and org.level in ("college", "branch"):
            rows.append(RatedOrg(uid, org.name, tree.path(uid), org.level, max(depths[uid], 0)))
    return rows


def years_shown(year: int) -> list[int]:
    """The session's year and the two before it, oldest first."""
    return list(range(year - YEARS_SHOWN + 1, year + 1))


def ratings_of(ledger: Ledger, years: list[int]) -> dict[tuple[str, int], int]:
    return {
        (r["org_uid"], r["year"]): r["stars"]
        for r in ledger.query(
            "SELECT org_uid, year, stars FROM ratings "
            "WHERE deleted_at IS NULL AND year BETWEEN ? AND ?",
            [min(years), max(years)],
        )
    }


class RatingsModel(QAbstractTableModel):
    ORG = 0

    def __init__(self, writer: RatingWriter | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self.orgs: list[RatedOrg] = []
        self.years: list[int] = []
        self.stars: dict[tuple[str, int], int] = {}

    def load(
        self, orgs: list[RatedOrg], years: list[int], stars: dict[tuple[str, int], int]
    ) -> None:
        """Show new figures; the rows are only rebuilt when the organizations or the years
        change, so an edit keeps the selection and the scroll position."""
        if orgs == self.orgs and years == self.years:
            self.stars = stars
            if self.orgs:
                last = self.index(len(self.orgs) - 1, len(self.years))
                self.dataChanged.emit(self.index(0, 1), last)
            return
        self.beginResetModel()
        self.orgs, self.years, self.stars = orgs, years, stars
        self.endResetModel()

    def cell(self, index: AnyIndex) -> tuple[RatedOrg, int] | None:
        """The organization and year of a stars cell."""
        if not index.isValid() or index.column() == self.ORG:
            return None
        return self.orgs[index.row()], self.years[index.column() - 1]

    def column_of(self, year: int) -> int:
        return self.years.index(year) + 1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.orgs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.years)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == DISPLAY:
            return _("Organization") if section == self.ORG else str(self.years[section - 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and section != self.ORG:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        org = self.orgs[index.row()]
        if index.column() == self.ORG:
            return self._org_data(org, index.row(), role)
        year = self.years[index.column() - 1]
        stars = self.stars.get((org.uid, year))
        if role == DISPLAY:
            return stars_text(stars) if stars else NOT_RATED
        if role in (EDIT, SORT_ROLE):
            return stars or 0
        if role == UID_ROLE:
            return org.uid
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole:
            if not stars:
                return QBrush(QColor("#9a8f8a"))
            return QBrush(QColor("#b7791f" if stars >= 4 else "#7a6a62"))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = (
                _("{stars} stars in {year}").format(stars=stars, year=year)
                if stars
                else _("Not rated in {year}").format(year=year)
            )
            return _("{path}: {text}. Type 1–5 to rate, 0 to clear, or double-click.").format(
                path=org.path, text=text
            )
        return None

    def _org_data(self, org: RatedOrg, row: int, role: int) -> Any:
        if role == DISPLAY:
            return INDENT * 2 * org.depth + org.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return org.path
        if role == UID_ROLE:
            return org.uid
        if role == SORT_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and org.level == "college":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() != self.ORG:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        """Save a cell through the writer: ``value`` 1–5 rates, 0 or None clears."""
        cell = self.cell(index)
        if cell is None or role != EDIT or self.writer is None:
            return False
        org, year = cell
        stars = int(value) if value else None
        if stars == self.stars.get((org.uid, year)):
            return False
        return self.writer(org.uid, year, stars)


class RatingsFilter(QSortFilterProxyModel):
    """Keeps the organizations whose path contains every word searched."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RatingsModel) or source_parent.isValid():
            return True
        path = model.orgs[source_row].path.casefold()
        return all(word in path for word in self._words)


class StarsDelegate(QStyledItemDelegate):
    """Edits a stars cell with a combo box: not rated, or one to five stars."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.setObjectName("starsEditor")
        editor.addItem(_("Not rated"), 0)
        for stars in range(MAX_STARS, 0, -1):
            editor.addItem(f"{stars_text(stars)}  {stars}", stars)
        editor.activated.connect(lambda _i: self._commit(editor))
        return editor

    def _commit(self, editor: QComboBox) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(EDIT) or 0)
            editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
