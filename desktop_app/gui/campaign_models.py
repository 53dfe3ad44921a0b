"""The tables of the 三级联创 page: targets with their progress and candidates grouped by
status (the brands are in ``brand_panel``). Models hold plain rows read once per refresh; the
figures (how many candidates were accepted) come from the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from desktop_app.domain.campaign import STATUS_DATE
from desktop_app.domain.enums import CANDIDATE_STATUSES, CREATION_LEVELS, GRADES
from desktop_app.domain.orgtree import OrgTree
from desktop_app.formatting import format_date, format_number
from desktop_app.gui.campaign_widgets import PROGRESS_ROLE, SORT_ROLE, UID_ROLE
from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, _
from desktop_app.storage.ledger import Ledger

AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
NO_VALUE = "—"


def _order(codes: tuple[str, ...], code: str) -> int:
    return codes.index(code) if code in codes else len(codes)


# ---- targets ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    """A target of a plan period, or (uid None) a level and grade with candidates but no
    target. ``achieved`` is the statistics' count for the level and grade."""

    uid: str | None
    level: str
    grade: str
    period: str
    target: int | None
    achieved: int


def target_rows(ledger: Ledger, creation: list[dict[str, Any]]) -> list[TargetRow]:
    """The targets of the ledger beside ``creation``, ``compute_stats(...)["creation"]``."""
    achieved = {(c["level"], c["grade"]): c["achieved"] for c in creation}
    rows = [
        TargetRow(
            r["uid"],
            r["level"],
            r["grade"],
            r["period"],
            r["target"],
            achieved.get((r["level"], r["grade"]), 0),
        )
        for r in ledger.query(
            "SELECT uid, level, grade, period, target FROM creation_targets "
            "WHERE deleted_at IS NULL"
        )
    ]
    with_target = {(r.level, r.grade) for r in rows}
    rows += [
        TargetRow(None, c["level"], c["grade"], "", None, c["achieved"])
        for c in creation
        if (c["level"], c["grade"]) not in with_target
    ]
    rows.sort(
        key=lambda r: (
            _order(CREATION_LEVELS.codes, r.level),
            _order(GRADES.codes, r.grade),
            r.period,
        )
    )
    return rows


class TargetsModel(RowsModel[TargetRow]):
    LEVEL, GRADE, PERIOD, TARGET, ACHIEVED, PROGRESS = range(6)
    HEADERS = (
        N_("Level"),
        N_("Grade"),
        N_("Plan period"),
        N_("Target"),
        N_("Accepted"),
        N_("Progress"),
    )
    sort_role = SORT_ROLE
    uid_role = UID_ROLE

    @property
    def rows(self) -> list[TargetRow]:
        """The rows shown, in the order loaded."""
        return self._rows

    def display(self, row: TargetRow, column: int) -> str:
        if column == self.LEVEL:
            return CREATION_LEVELS.label(row.level)
        if column == self.GRADE:
            return GRADES.label(row.grade)
        if column == self.PERIOD:
            return row.period or NO_VALUE
        if column == self.TARGET:
            return NO_VALUE if row.target is None else format_number(row.target)
        if column == self.ACHIEVED:
            return format_number(row.achieved)
        if not row.target:
            return _("no target")
        return _("{done} of {target} ({percent:.0%})").format(
            done=row.achieved, target=row.target, percent=row.achieved / row.target
        )

    def sort_value(self, row: TargetRow, column: int) -> Any:
        if column == self.LEVEL:
            return _order(CREATION_LEVELS.codes, row.level)
        if column == self.GRADE:
            return _order(GRADES.codes, row.grade)
        if column == self.PERIOD:
            return row.period
        if column == self.TARGET:
            return -1 if row.target is None else row.target
        if column == self.ACHIEVED:
            return row.achieved
        return row.achieved / row.target if row.target else -1.0

    def role_data(self, row: TargetRow, column: int, role: int) -> Any:
        if role == PROGRESS_ROLE and column == self.PROGRESS:
            return (row.achieved, row.target or 0)
        return None

    def alignment(self, row: TargetRow, column: int) -> Any:
        if column in (self.TARGET, self.ACHIEVED):
            return RIGHT
        return CENTER if column == self.PROGRESS else None

    def tooltip(self, row: TargetRow, column: int) -> str | None:
        if row.uid is None:
            return _("Candidates were accepted but no target is set; press Edit to set one.")
        if column == self.ACHIEVED:
            return _("Candidates of this level and grade accepted, whatever the period.")
        return None


# ---- candidates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CandidateRow:
    uid: str
    org_uid: str
    path: str
    level: str
    grade: str
    status: str
    dates: dict[str, str | None]
    """The milestone date of each status (``STATUS_DATE``), ISO text or None."""
    note: str

    def as_record(self) -> dict[str, Any]:
        """The row as ``creation_candidates`` columns (what the step rules read)."""
        dates = {STATUS_DATE[status]: day for status, day in self.dates.items()}
        return {"uid": self.uid, "status": self.status, **dates}


def candidate_rows(ledger: Ledger, tree: OrgTree) -> list[CandidateRow]:
    columns = ", ".join(STATUS_DATE.values())
    rows = [
        CandidateRow(
            r["uid"],
            r["org_uid"],
            tree.path(r["org_uid"]),
            r["level"],
            r["grade"],
            r["status"],
            {status: r[column] for status, column in STATUS_DATE.items()},
            r["note"] or "",
        )
        for r in ledger.query(
            f"SELECT uid, org_uid, level, grade, status, note, {columns} "
            "FROM creation_candidates WHERE deleted_at IS NULL"
        )
        if r["org_uid"] in tree.by_uid  # an organization in the recycle bin hides its entries
    ]
    rows.sort(
        key=lambda r: (
            _order(CREATION_LEVELS.codes, r.level),
            _order(GRADES.codes, r.grade),
            r.path,
        )
    )
    return rows


_GROUP = 0  # internal id of a status group; a candidate's is its group's row + 1


class CandidatesModel(QAbstractItemModel):
    """Candidates under their status, the statuses in the order a candidacy moves."""

    ORG, LEVEL, GRADE = range(3)
    FIRST_DATE = 3
    STATUSES = CANDIDATE_STATUSES.codes
    NOTE = FIRST_DATE + len(STATUSES)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: dict[str, list[CandidateRow]] = {s: [] for s in self.STATUSES}

    def load(self, rows: list[CandidateRow]) -> None:
        self.beginResetModel()
        self.groups = {s: [] for s in self.STATUSES}
        for row in rows:
            self.groups.setdefault(row.status, []).append(row)
        self.endResetModel()

    def total(self) -> int:
        return sum(len(rows) for rows in self.groups.values())

    def candidate(self, index: AnyIndex) -> CandidateRow | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self.groups[self.STATUSES[index.internalId() - 1]][index.row()]

    def group_index(self, status: str) -> QModelIndex:
        return self.index(self.STATUSES.index(status), 0)

    def index_of(self, uid: str) -> QModelIndex:
        for group, status in enumerate(self.STATUSES):
            for row, candidate in enumerate(self.groups[status]):
                if candidate.uid == uid:
                    return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    # ---- structure ----------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.STATUSES)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[self.STATUSES[parent.row()]])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return self.NOTE + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != DISPLAY:
            return None
        if section == self.ORG:
            return _("Organization")
        if section == self.LEVEL:
            return _("Level")
        if section == self.GRADE:
            return _("Grade")
        if section == self.NOTE:
            return _("Note")
        return CANDIDATE_STATUSES.label(self.STATUSES[section - self.FIRST_DATE])

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        candidate = self.candidate(index)
        if candidate is None:
            return self._group_data(index, role)
        column = index.column()
        if role == DISPLAY:
            if column == self.ORG:
                return candidate.path
            if column == self.LEVEL:
                return CREATION_LEVELS.label(candidate.level)
            if column == self.GRADE:
                return GRADES.label(candidate.grade)
            if column == self.NOTE:
                return candidate.note
            return format_date(candidate.dates[self.STATUSES[column - self.FIRST_DATE]])
        if role == UID_ROLE:
            return candidate.uid
        if role == TOOLTIP and column in (self.ORG, self.NOTE):
            return candidate.path + (f"\n{candidate.note}" if candidate.note else "")
        return None

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        status = self.STATUSES[index.row()]
        if role == DISPLAY and index.column() == 0:
            return _("{status} ({count})").format(
                status=CANDIDATE_STATUSES.label(status), count=len(self.groups[status])
            )
        if role == Qt.ItemDataRole.FontRole and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
