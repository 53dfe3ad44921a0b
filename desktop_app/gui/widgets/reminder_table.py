"""The dashboard's reminders as a table model: what kind of reminder, about what, and what is
missing; each row knows the page and the record it leads to (``reminder_rows`` turns
``desktop_app.reminders.reminders`` into rows)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.formatting import format_date, format_month, format_period
from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, _, join_list
from desktop_app.reminders import Reminders

SORT_ROLE = Qt.ItemDataRole.UserRole
"""Raw values to sort by: the kind's rank, the subject, the text (the date or month it names,
for the reminders that name one)."""
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
"""``(page key, record)``: where activating the row leads."""

KINDS = {
    "theme_day": N_("Theme day"),
    "meeting": N_("Meeting"),
    "term": N_("Committee term"),
    "task": N_("Overdue task"),
}
KIND_COLORS = {"theme_day": "#a31515", "meeting": "#b45309", "term": "#6a1b9a", "task": "#b00020"}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ReminderRow:
    kind: str
    """A key of ``KINDS``."""
    subject: str
    """The organization's path or the task's title."""
    text: str
    """What is missing, in words."""
    page: str
    record: Any
    tooltip: str = ""
    order: str = ""
    """What the text column sorts by when not the text itself (an ISO date, a month)."""


class ReminderModel(RowsModel[ReminderRow]):
    HEADERS = (N_("Kind"), N_("Organization or task"), N_("What is missing"))
    sort_role = SORT_ROLE

    def set_rows(self, rows: list[ReminderRow]) -> None:
        self.load(rows)

    def rows(self) -> list[ReminderRow]:
        return list(self._rows)

    def display(self, item: ReminderRow, column: int) -> str:
        return (_(KINDS[item.kind]), item.subject, item.text)[column]

    def sort_value(self, item: ReminderRow, column: int) -> Any:
        return (list(KINDS).index(item.kind), item.subject, item.order or item.text)[column]

    def tooltip(self, item: ReminderRow, column: int) -> str:
        return item.tooltip or f"{item.subject}\n{item.text}"

    def alignment(self, item: ReminderRow, column: int) -> int:
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def foreground(self, item: ReminderRow, column: int) -> QColor | None:
        return QColor(KIND_COLORS[item.kind]) if column == 0 else None

    def role_data(self, item: ReminderRow, column: int, role: int) -> Any:
        return (item.page, item.record) if role == TARGET_ROLE else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def reminder_rows(found: Reminders) -> list[ReminderRow]:
    """The reminders as table rows, each with the page and record it opens."""
    rows: list[ReminderRow] = []
    for gap in found.theme_day_gaps:
        months = join_list(format_month(m) for m in gap.months)
        rows.append(
            ReminderRow(
                "theme_day",
                gap.path,
                _("No theme day in {months}").format(months=months),
                "activities",
                {"org_uid": gap.org_uid, "type": "theme_day", "year": found.year},
                order=f"{found.year:04d}-{min(gap.months, default=0):02d}",
            )
        )
    for meeting in found.meetings_missing:
        rows.append(
            ReminderRow(
                "meeting",
                meeting.path,
                _("No {type} in {periods}").format(
                    type=ACTIVITY_TYPES.label(meeting.type),
                    periods=join_list(format_period(p) for p in meeting.periods),
                ),
                "activities",
                {"org_uid": meeting.org_uid, "type": meeting.type, "year": found.year},
                order=min(meeting.periods, default=""),
            )
        )
    for term in found.terms:
        end = format_date(term.end)
        text = (
            _("Committee term ended on {date}: hold the election")
            if term.state == "expired"
            else _("Committee term ends on {date}: prepare the election")
        )
        rows.append(
            ReminderRow(
                "term",
                term.path,
                text.format(date=end),
                "organizations",
                term.uid,
                order=term.end.isoformat(),
            )
        )
    for task in found.overdue_tasks:
        text = _("Deadline {date} has passed").format(date=format_date(task.deadline))
        if task.lead_department:
            text = _("{text} (lead: {department})").format(
                text=text, department=task.lead_department
            )
        rows.append(
            ReminderRow(
                "task", task.title, text, "tasks", task.uid, order=task.deadline.isoformat()
            )
        )
    return rows
