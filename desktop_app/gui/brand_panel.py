"""The brands and innovation projects of the 三级联创 page (一总支一品牌, 一支部一特色,
党建创新项目): a sortable table, deleting to the recycle bin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.domain.enums import BRAND_KINDS, CANDIDATE_STATUSES, GRADES
from desktop_app.domain.orgtree import OrgTree
from desktop_app.gui.campaign_widgets import (
    SORT_ROLE,
    UID_ROLE,
    EmptyState,
    delete_after_asking,
    make_button,
    make_table,
)
from desktop_app.gui.session import Session
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger

AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
NO_VALUE = "—"


def _order(codes: tuple[str, ...], code: str) -> int:
    return codes.index(code) if code in codes else len(codes)


@dataclass(frozen=True)
class BrandRow:
    uid: str
    path: str
    name: str
    kind: str
    year_approved: int | None
    grade: str | None
    status: str


def brand_rows(ledger: Ledger, tree: OrgTree) -> list[BrandRow]:
    rows = [
        BrandRow(
            r["uid"],
            tree.path(r["org_uid"]),
            r["name"],
            r["kind"],
            r["year_approved"],
            r["grade"],
            r["status"],
        )
        for r in ledger.query(
            "SELECT uid, org_uid, name, kind, year_approved, grade, status FROM brands "
            "WHERE deleted_at IS NULL"
        )
        if r["org_uid"] in tree.by_uid
    ]
    rows.sort(key=lambda r: (_order(BRAND_KINDS.codes, r.kind), r.path, r.name))
    return rows


class BrandsModel(QAbstractTableModel):
    NAME, ORG, KIND, YEAR, GRADE, STATUS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BrandRow] = []

    def load(self, rows: list[BrandRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        return (
            _("Brand or project"),
            _("Organization"),
            _("Kind"),
            _("Year approved"),
            _("Grade"),
            _("Status"),
        )[section]

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == DISPLAY:
            return (
                row.name,
                row.path,
                BRAND_KINDS.label(row.kind) if row.kind in BRAND_KINDS else row.kind,
                str(row.year_approved) if row.year_approved else NO_VALUE,
                GRADES.label(row.grade) if row.grade in GRADES else NO_VALUE,
                CANDIDATE_STATUSES.label(row.status)
                if row.status in CANDIDATE_STATUSES
                else row.status,
            )[column]
        if role == UID_ROLE:
            return row.uid
        if role == SORT_ROLE:
            return (
                row.name,
                row.path,
                _order(BRAND_KINDS.codes, row.kind),
                row.year_approved or 0,
                _order(GRADES.codes, row.grade or ""),
                _order(CANDIDATE_STATUSES.codes, row.status),
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.NAME, self.ORG):
            return f"{row.name}\n{row.path}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.YEAR:
            return RIGHT
        return None


class BrandsPanel(QWidget):
    """The brands tab: a note, a Delete button and the table (or what to do when empty)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        note = QLabel(
            _("一总支一品牌, 一支部一特色 and 党建创新项目, as recorded or imported."), self
        )
        note.setProperty("role", "caption")
        bar.addWidget(note, 1)
        self.delete_button = make_button(self, _("Delete"), "deleteBrand", self.delete_selected)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        self.model = BrandsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = make_table(self, "brandsView")
        self.view.setModel(self.proxy)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState(
            _(
                "No brands or innovation projects yet. They come in with a workbook "
                "(File ▸ Import workbook)."
            ),
            self,
        )
        self.empty.finish()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def load(self, ledger: Ledger, tree: OrgTree) -> int:
        self.model.load(brand_rows(ledger, tree))
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self._update_buttons()
        return self.model.rowCount()

    def selected(self) -> BrandRow | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().hasSelection():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected() is not None)

    def delete_selected(self) -> None:
        brand = self.selected()
        if brand is not None:
            question = _("Delete “{name}”?").format(name=brand.name)
            delete_after_asking(self, self.session, "brands", brand.uid, question)
