"""The brands and innovation projects of the 三级联创 page (一总支一品牌, 一支部一特色,
党建创新项目): a sortable table, deleting to the recycle bin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
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
from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, _
from desktop_app.storage.ledger import Ledger

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


class BrandsModel(RowsModel[BrandRow]):
    NAME, ORG, KIND, YEAR, GRADE, STATUS = range(6)
    HEADERS = (
        N_("Brand or project"),
        N_("Organization"),
        N_("Kind"),
        N_("Year approved"),
        N_("Grade"),
        N_("Status"),
    )
    sort_role = SORT_ROLE
    uid_role = UID_ROLE

    def display(self, row: BrandRow, column: int) -> str:
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

    def sort_value(self, row: BrandRow, column: int) -> Any:
        return (
            row.name,
            row.path,
            _order(BRAND_KINDS.codes, row.kind),
            row.year_approved or 0,
            _order(GRADES.codes, row.grade or ""),
            _order(CANDIDATE_STATUSES.codes, row.status),
        )[column]

    def tooltip(self, row: BrandRow, column: int) -> str | None:
        return f"{row.name}\n{row.path}" if column in (self.NAME, self.ORG) else None

    def alignment(self, row: BrandRow, column: int) -> Any:
        return RIGHT if column == self.YEAR else None


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
        return self.model.row_at(self.proxy.mapToSource(index).row())

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(self.selected() is not None)

    def delete_selected(self) -> None:
        brand = self.selected()
        if brand is not None:
            question = _("Delete “{name}”?").format(name=brand.name)
            delete_after_asking(self, self.session, "brands", brand.uid, question)
