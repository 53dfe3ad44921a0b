"""任务书: the tasks of the 三级联创 plan with their departments, deadlines and states; overdue
ones tinted red, the plan's own task list loadable as a template."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import campaign
from desktop_app.domain.enums import TASK_STATUSES
from desktop_app.domain.plan_template import apply_plan_tasks, load_plan
from desktop_app.errors import LedgerError
from desktop_app.formatting import format_date, format_number
from desktop_app.gui import messages
from desktop_app.gui.campaign_widgets import EmptyState, compact_rows, make_button, select_uid
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.gui.task_dialog import TaskDialog
from desktop_app.gui.task_model import OVERDUE_FILTER, TaskFilter, TaskRow, TasksModel, task_rows
from desktop_app.i18n import _, ngettext
from desktop_app.stats import compute_stats

# The widths the text columns start at, in characters of the interface font.
COLUMN_CHARS = {TasksModel.TITLE: 26, TasksModel.SECTION: 16, TasksModel.COOPERATING: 14}


class TasksPage(Page):
    key = "tasks"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.today = date.today()
        layout = QVBoxLayout(self)
        heading = QLabel(_("Task list (任务书)"), self)
        heading.setProperty("role", "pageTitle")
        layout.addWidget(heading)
        self.summary = QLabel(self)
        self.summary.setObjectName("taskSummary")
        self.summary.setProperty("role", "caption")
        layout.addWidget(self.summary)
        layout.addLayout(self._build_bar())
        self.model = TasksModel(self)
        self.proxy = TaskFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("tasksView")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        compact_rows(self.view)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TasksModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (TasksModel.LEAD, TasksModel.DEADLINE, TasksModel.STATUS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        width = self.fontMetrics().horizontalAdvance("中")
        for column, chars in COLUMN_CHARS.items():
            self.view.setColumnWidth(column, chars * width)
        self.view.activated.connect(lambda _index: self.edit_task())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = EmptyState(
            _(
                "The task list is empty. Load the tasks of the 三级联创 implementation plan as "
                "a starting point, or add tasks one by one."
            ),
            self,
        )
        self.empty.add_button(_("Load the 三级联创 plan tasks…"), self.load_plan, "emptyLoadPlan")
        self.empty.add_button(_("Add task…"), self.add_task, "emptyAddTask")
        self.empty.finish()
        self.no_match = EmptyState(_("No task matches the search and the state chosen."), self)
        self.no_match.add_button(_("Show all tasks"), self.clear_filter, "clearTaskFilter")
        self.no_match.finish()
        self.stack = QStackedWidget(self)
        for widget in (self.view, self.empty, self.no_match):
            self.stack.addWidget(widget)
        layout.addWidget(self.stack, 1)
        self.search.textChanged.connect(self._filter)
        self.state.currentIndexChanged.connect(self._filter)

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("taskSearch")
        self.search.setPlaceholderText(_("Search title, section or department"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search tasks"))
        bar.addWidget(self.search, 2)
        self.state = QComboBox(self)
        self.state.setObjectName("taskState")
        self.state.setAccessibleName(_("State"))
        self.state.addItem(_("All states"), None)
        for choice in TASK_STATUSES:
            self.state.addItem(TASK_STATUSES.label(choice.code), choice.code)
        self.state.addItem(_("Overdue"), OVERDUE_FILTER)
        bar.addWidget(self.state)
        bar.addStretch(1)
        self.add_button = make_button(self, _("Add task…"), "addTask", self.add_task)
        self.edit_button = make_button(self, _("Edit…"), "editTask", self.edit_task)
        self.done_button = make_button(self, _("Mark done"), "markDone", self.mark_done)
        self.delete_button = make_button(self, _("Delete"), "deleteTask", self.delete_selected)
        self.plan_button = make_button(
            self, _("Load the 三级联创 plan tasks…"), "loadPlanTasks", self.load_plan
        )
        self.plan_button.setToolTip(
            _("Adds the plan's tasks that the list does not have yet; a second time adds none.")
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.done_button,
            self.delete_button,
            self.plan_button,
        ):
            bar.addWidget(button)
        return bar

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        ledger = self.session.ledger
        self.today = date.today()
        keep = [row.uid for row in self.selected_tasks()]
        self.model.load(task_rows(ledger, self.today))
        figures = compute_stats(ledger, self.session.year, as_of=self.today)["tasks"]
        self.summary.setText(
            ngettext(
                "{total} task: {done} done, {overdue} overdue as of {day}.",
                "{total} tasks: {done} done, {overdue} overdue as of {day}.",
                figures["total"],
            ).format(
                day=format_date(self.today),
                **{key: format_number(value) for key, value in figures.items()},
            )
        )
        for uid in keep:
            self._select(uid, add=True)
        self._update_stack()

    def _filter(self) -> None:
        self.proxy.set_text(self.search.text())
        self.proxy.set_state(self.state.currentData())
        self._update_stack()

    def clear_filter(self) -> None:
        self.search.clear()
        self.state.setCurrentIndex(0)

    def _update_stack(self) -> None:
        if not self.model.rowCount():
            self.stack.setCurrentWidget(self.empty)
        elif not self.proxy.rowCount():
            self.stack.setCurrentWidget(self.no_match)
        else:
            self.stack.setCurrentWidget(self.view)
        self._update_buttons()

    def selected_tasks(self) -> list[TaskRow]:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return [self.model.rows[self.proxy.mapToSource(index).row()] for index in rows]

    def _update_buttons(self) -> None:
        selected = self.selected_tasks()
        self.edit_button.setEnabled(len(selected) == 1)
        self.done_button.setEnabled(any(t.status != "done" for t in selected))
        self.delete_button.setEnabled(bool(selected))

    def _select(self, uid: str, *, add: bool = False) -> bool:
        if add:
            row = self.model.row_of(uid)
            if row < 0:
                return False
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                flags = self.view.selectionModel().SelectionFlag
                self.view.selectionModel().select(index, flags.Select | flags.Rows)
            return index.isValid()
        return select_uid(self.view, uid)

    def show_record(self, record: object) -> None:
        """Select the task whose uid is ``record`` (the dashboard's overdue reminders)."""
        if not isinstance(record, str) or self.model.row_of(record) < 0:
            return
        if not self._select(record):
            self.clear_filter()
            self._select(record)
        self.view.setFocus()

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    # ---- actions ------------------------------------------------------------------------

    def _dialog(self, task: TaskRow | None) -> TaskDialog:
        sections = list(dict.fromkeys(row.section for row in self.model.rows if row.section))
        departments = sorted({row.lead_department for row in self.model.rows} - {""})
        return TaskDialog(
            self.session, task, sections=sections, departments=departments, parent=self
        )

    def add_task(self) -> None:
        dialog = self._dialog(None)
        if dialog.exec():
            self.show_record(dialog.result_value)

    def edit_task(self) -> None:
        selected = self.selected_tasks()
        if len(selected) != 1:
            return
        dialog = self._dialog(selected[0])
        if dialog.exec():
            self.show_record(selected[0].uid)

    def mark_done(self) -> None:
        uids = [t.uid for t in self.selected_tasks() if t.status != "done"]
        if not uids:
            return
        ledger = self.session.ledger
        try:
            self.session.write(lambda: campaign.set_tasks_status(ledger, uids, "done"))
        except LedgerError as error:
            messages.show_error(self, error)

    def delete_selected(self) -> None:
        selected = self.selected_tasks()
        if not selected:
            return
        question = (
            _("Delete the task “{title}”?").format(title=selected[0].title)
            if len(selected) == 1
            else ngettext("Delete {count} task?", "Delete {count} tasks?", len(selected)).format(
                count=len(selected)
            )
        )
        if not messages.confirm(
            self,
            question,
            _("Delete"),
            detail=_("Deleted tasks go to the recycle bin, where you can restore them."),
            destructive=True,
        ):
            return
        ledger, uids = self.session.ledger, [t.uid for t in selected]
        try:
            self.session.write(lambda: campaign.delete_records(ledger, "tasks", uids))
        except LedgerError as error:
            messages.show_error(self, error)

    def load_plan(self) -> None:
        try:
            plan = load_plan()
        except LedgerError as error:
            messages.show_error(self, error)
            return
        count = len(plan.tasks)
        if not messages.confirm(
            self,
            ngettext(
                "Add the {count} task of “{plan}” to the task list?",
                "Add the {count} tasks of “{plan}” to the task list?",
                count,
            ).format(count=count, plan=plan.title),
            _("Add tasks"),
            detail=_(
                "Tasks the list already has (by title) are left as they are. Each new task "
                "starts as not started, with no deadline; edit them to set one."
            ),
        ):
            return
        ledger = self.session.ledger
        try:
            added = self.session.write(lambda: apply_plan_tasks(ledger))
        except LedgerError as error:
            messages.show_error(self, error)
            return
        messages.show_info(
            self,
            ngettext(
                "{count} task of the plan was added.",
                "{count} tasks of the plan were added.",
                added,
            ).format(count=added)
            if added
            else _("The task list already has every task of the plan; nothing was added."),
        )
