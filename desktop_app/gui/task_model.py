"""The 任务书 table: every task with its departments, deadline and state, overdue ones tinted;
a proxy searches the text and filters by state."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.domain.dates import from_iso
from desktop_app.domain.enums import TASK_STATUSES
from desktop_app.formatting import format_date
from desktop_app.gui.campaign_widgets import SORT_ROLE, UID_ROLE
from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, _
from desktop_app.stats import OVERDUE_TASK
from desktop_app.storage.ledger import Ledger

AnyIndex = QModelIndex | QPersistentModelIndex
OVERDUE_BACKGROUND = QColor("#fbe3e1")
OVERDUE_TEXT = QColor("#9b1c1c")
NO_VALUE = "—"
OVERDUE_FILTER = "overdue"
"""The state filter that keeps the overdue tasks (a task state code keeps that state)."""


@dataclass(frozen=True)
class TaskRow:
    uid: str
    title: str
    section: str
    lead_department: str
    cooperating_departments: str
    deadline: date | None
    status: str
    overdue: bool


def task_rows(ledger: Ledger, as_of: date) -> list[TaskRow]:
    """The live tasks in the order they were added (the plan's order for its tasks), each
    marked overdue on ``as_of`` by the very condition the statistics count and the reminders
    list (``stats.OVERDUE_TASK``)."""
    return [
        TaskRow(
            r["uid"],
            r["title"],
            r["section"] or "",
            r["lead_department"] or "",
            r["cooperating_departments"] or "",
            from_iso(r["deadline"]),
            r["status"],
            bool(r["overdue"]),
        )
        for r in ledger.query(
            "SELECT uid, title, section, lead_department, cooperating_departments, deadline, "
            f"status, ({OVERDUE_TASK}) AS overdue FROM tasks WHERE deleted_at IS NULL "
            "ORDER BY created_at, rowid",
            {"as_of": as_of.isoformat()},
        )
    ]


class TasksModel(RowsModel[TaskRow]):
    TITLE, SECTION, LEAD, COOPERATING, DEADLINE, STATUS = range(6)
    HEADERS = (
        N_("Task"),
        N_("Section"),
        N_("Lead department"),
        N_("Cooperating departments"),
        N_("Deadline"),
        N_("Status"),
    )
    sort_role = SORT_ROLE
    uid_role = UID_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._section_order: dict[str, int] = {}

    def load(self, rows: Iterable[TaskRow]) -> None:
        rows = list(rows)
        self._section_order = {}
        for row in rows:
            self._section_order.setdefault(row.section, len(self._section_order))
        super().load(rows)

    @property
    def rows(self) -> list[TaskRow]:
        """The rows shown, in the order loaded."""
        return self._rows

    def display(self, row: TaskRow, column: int) -> str:
        if column == self.TITLE:
            return row.title
        if column == self.SECTION:
            return row.section
        if column == self.LEAD:
            return row.lead_department
        if column == self.COOPERATING:
            return row.cooperating_departments
        if column == self.DEADLINE:
            if row.deadline is None:
                return NO_VALUE
            day = format_date(row.deadline)
            return _("{day} (overdue)").format(day=day) if row.overdue else day
        label = TASK_STATUSES.label(row.status) if row.status in TASK_STATUSES else row.status
        return label

    def sort_value(self, row: TaskRow, column: int) -> Any:
        if column == self.SECTION:
            return self._section_order.get(row.section, 0)
        if column == self.DEADLINE:
            return row.deadline.isoformat() if row.deadline else "9999"
        if column == self.STATUS:
            return TASK_STATUSES.codes.index(row.status) if row.status in TASK_STATUSES else 9
        return self.display(row, column)

    def tooltip(self, row: TaskRow, column: int) -> str | None:
        if row.overdue:
            return _("Overdue: the deadline {day} has passed and the task is not done.").format(
                day=format_date(row.deadline)
            )
        if column in (self.TITLE, self.SECTION, self.COOPERATING):
            return self.display(row, column)
        return None

    def foreground(self, row: TaskRow, column: int) -> QBrush | None:
        return QBrush(OVERDUE_TEXT) if row.overdue else None

    def role_data(self, row: TaskRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        return None


class TaskFilter(QSortFilterProxyModel):
    """Keeps the tasks whose title, section or departments contain every word searched, in
    the chosen state (a state code, ``OVERDUE_FILTER``, or None for all)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._state: str | None = None

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def is_filtering(self) -> bool:
        return bool(self._words) or self._state is not None

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TasksModel) or source_parent.isValid():
            return True
        row = model.row_at(source_row)
        if self._state == OVERDUE_FILTER and not row.overdue:
            return False
        if self._state not in (None, OVERDUE_FILTER) and row.status != self._state:
            return False
        text = " ".join(
            (row.title, row.section, row.lead_department, row.cooperating_departments)
        ).casefold()
        return all(word in text for word in self._words)
