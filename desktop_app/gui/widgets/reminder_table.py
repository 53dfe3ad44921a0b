"""The dashboard's reminders as a table model and its view: what kind of reminder, about what,
and what is missing; each row knows the page and the record it leads to (``reminder_rows`` turns
``desktop_app.reminders.reminders`` into rows).

A whole university has thousands of reminders, so the model sorts itself (``sort``, called by
the view when a header is clicked): one key per row and Python's stable sort, in the order a
``QSortFilterProxyModel`` would give, without a call into Python for every comparison.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QTableView

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


KIND_RANKS = {kind: rank for rank, kind in enumerate(KINDS)}


def _qt_order(value: Any) -> Any:
    """A sort key ordering as Qt compares the values: text by its UTF-16 code units."""
    return value.encode("utf-16-be") if isinstance(value, str) else value


class ReminderModel(RowsModel[ReminderRow]):
    HEADERS = (N_("Kind"), N_("Organization or task"), N_("What is missing"))
    sort_role = SORT_ROLE

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._given: list[ReminderRow] = []
        self._shown: list[int] = []
        """The number in ``_given`` of each row shown, top to bottom."""
        self._order: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def set_rows(self, rows: list[ReminderRow]) -> None:
        self.load(rows)

    def load(self, rows: Iterable[ReminderRow]) -> None:
        """Show ``rows`` (a model reset), in the order of the column sorted by, if any."""
        self._given = list(rows)
        self._shown = self._sorted(list(range(len(self._given))))
        super().load(self._given[number] for number in self._shown)

    def rows(self) -> list[ReminderRow]:
        """The rows as shown, top to bottom."""
        return list(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``'s ``sort_value``, rows of equal value keep the order
        they were shown in (as a proxy's stable sort does); -1 restores the order they were
        given in. Selected rows stay selected."""
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        before = self._shown
        self._shown = self._sorted(before)
        self._rows = [self._given[number] for number in self._shown]
        row_of = {number: row for row, number in enumerate(self._shown)}
        moved = self.persistentIndexList()
        self.changePersistentIndexList(
            moved, [self.index(row_of[before[i.row()]], i.column()) for i in moved]
        )
        self.layoutChanged.emit()

    def _sorted(self, numbers: list[int]) -> list[int]:
        """``numbers`` (of rows in ``_given``) in the order sorted by, stably."""
        column, order = self._order
        if not 0 <= column < len(self.HEADERS):
            return list(range(len(self._given)))
        keys = [_qt_order(self.sort_value(row, column)) for row in self._given]
        return sorted(numbers, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def display(self, item: ReminderRow, column: int) -> str:
        return (_(KINDS[item.kind]), item.subject, item.text)[column]

    def sort_value(self, item: ReminderRow, column: int) -> Any:
        if column == 0:
            return KIND_RANKS[item.kind]
        return item.subject if column == 1 else item.order or item.text

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


class ReminderView(QTableView):
    """The reminders table; it asks for little height so the page fits a 1280×800 window and
    takes whatever room is left."""

    def sizeHint(self) -> QSize:
        return QSize(600, 160)

    def content_width(self, column: int, rows: Iterable[int]) -> int:
        """The width ``resizeColumnToContents`` gives ``column``, from the header and the
        cells of ``rows`` only."""
        model, grid = self.model(), 1 if self.showGrid() else 0
        cells = (self.sizeHintForIndex(model.index(row, column)).width() + grid for row in rows)
        return max([self.horizontalHeader().sectionSizeHint(column), *cells])


def reminder_rows(found: Reminders) -> list[ReminderRow]:
    """The reminders as table rows, each with the page and record it opens. Branches often miss
    the same periods, so each distinct text is written once."""
    rows: list[ReminderRow] = []
    texts: dict[tuple[Any, ...], str] = {}
    for gap in found.theme_day_gaps:
        key: tuple[Any, ...] = ("theme_day", *gap.months)
        if key not in texts:
            months = join_list(format_month(m) for m in gap.months)
            texts[key] = _("No theme day in {months}").format(months=months)
        rows.append(
            ReminderRow(
                "theme_day",
                gap.path,
                texts[key],
                "activities",
                {"org_uid": gap.org_uid, "type": "theme_day", "year": found.year},
                order=f"{found.year:04d}-{min(gap.months, default=0):02d}",
            )
        )
    periods: dict[str, str] = {}
    for meeting in found.meetings_missing:
        key = (meeting.type, *meeting.periods)
        if key not in texts:
            for label in meeting.periods:
                if label not in periods:
                    periods[label] = format_period(label)
            texts[key] = _("No {type} in {periods}").format(
                type=ACTIVITY_TYPES.label(meeting.type),
                periods=join_list(periods[label] for label in meeting.periods),
            )
        rows.append(
            ReminderRow(
                "meeting",
                meeting.path,
                texts[key],
                "activities",
                {"org_uid": meeting.org_uid, "type": meeting.type, "year": found.year},
                order=min(meeting.periods, default=""),
            )
        )
    for term in found.terms:
        key = ("term", term.state, term.end)
        if key not in texts:
            text = (
                _("Committee term ended on {date}: hold the election")
                if term.state == "expired"
                else _("Committee term ends on {date}: prepare the election")
            )
            texts[key] = text.format(date=format_date(term.end))
        rows.append(
            ReminderRow(
                "term",
                term.path,
                texts[key],
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
