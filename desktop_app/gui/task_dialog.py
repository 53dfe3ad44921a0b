"""Adding or editing a task of the 任务书: title, section, lead and cooperating departments, a
deadline (or none) and its state, each fault shown beside its field."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QWidget

import desktop_app.gui.forms  # noqa: F401  (supplies ``_`` to the generated forms)
from desktop_app.domain import campaign
from desktop_app.domain.enums import TASK_STATUSES
from desktop_app.domain.plan_template import DEPARTMENT_SEPARATOR
from desktop_app.gui.campaign_dialogs import choose, fill_combo, to_qdate
from desktop_app.gui.campaign_widgets import GuardedDialog
from desktop_app.gui.forms.ui_task_dialog import Ui_TaskDialog
from desktop_app.gui.session import Session
from desktop_app.gui.task_model import TaskRow
from desktop_app.i18n import _

# Separators a secretary may type between cooperating departments; the ledger keeps 、.
_DEPARTMENT_SPLIT = re.compile(r"\s*[、,，;；/]+\s*")


def join_departments(text: str) -> str | None:
    """``"宣传部, 马克思主义学院"`` → ``"宣传部、马克思主义学院"``; None when empty."""
    parts = [part.strip() for part in _DEPARTMENT_SPLIT.split(text) if part.strip()]
    return DEPARTMENT_SEPARATOR.join(parts) or None


def _fill_editable(box: QComboBox, choices: list[str], current: str) -> None:
    box.clear()
    box.addItem("")
    box.addItems([c for c in choices if c])
    box.setCurrentText(current)


class TaskDialog(GuardedDialog):
    """A new task (``task`` None) or an edit of one. ``sections`` and ``departments`` are the
    ones already in the ledger, offered in the editable boxes."""

    def __init__(
        self,
        session: Session,
        task: TaskRow | None = None,
        *,
        sections: list[str] | None = None,
        departments: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.uid = task.uid if task else None
        self.ui = ui = Ui_TaskDialog()
        ui.setupUi(self)
        self.setObjectName("taskDialog")
        self.setWindowTitle(_("Edit task") if task else _("New task"))
        fill_combo(ui.statusBox, TASK_STATUSES)
        _fill_editable(ui.sectionBox, sections or [], task.section if task else "")
        _fill_editable(ui.leadBox, departments or [], task.lead_department if task else "")
        ui.noDeadlineBox.toggled.connect(lambda checked: ui.deadlineEdit.setEnabled(not checked))
        if task is not None:
            ui.titleEdit.setText(task.title)
            ui.cooperatingEdit.setText(task.cooperating_departments)
            ui.deadlineEdit.setDate(to_qdate(task.deadline or date(session.year, 12, 31)))
            ui.noDeadlineBox.setChecked(task.deadline is None)
            choose(ui.statusBox, task.status)
        else:
            ui.deadlineEdit.setDate(QDate(session.year, 12, 31))
        self.form_error = ui.formError
        ui.formError.setProperty("role", "fieldError")
        ui.formError.hide()
        self.errors.add("title", ui.titleEdit, ui.titleError)
        self.errors.add("section", ui.sectionBox, ui.sectionError)
        self.errors.add("lead_department", ui.leadBox, ui.leadError)
        self.errors.add("cooperating_departments", ui.cooperatingEdit, ui.cooperatingError)
        self.errors.add("deadline", ui.deadlineEdit, ui.deadlineError)
        self.errors.add("status", ui.statusBox, ui.statusError)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.titleEdit.setFocus()
        self.mark_clean()

    def deadline(self) -> date | None:
        if self.ui.noDeadlineBox.isChecked():
            return None
        day: date = self.ui.deadlineEdit.date().toPython()
        return day

    def values(self) -> tuple[object, ...]:
        ui = self.ui
        return (
            ui.titleEdit.text().strip(),
            ui.sectionBox.currentText().strip(),
            ui.leadBox.currentText().strip(),
            join_departments(ui.cooperatingEdit.text()),
            self.deadline(),
            ui.statusBox.currentData(),
        )

    def write(self) -> str:
        ui, ledger, uid = self.ui, self.session.ledger, self.uid
        title = ui.titleEdit.text().strip()
        section = ui.sectionBox.currentText().strip() or None
        lead = ui.leadBox.currentText().strip() or None
        cooperating = join_departments(ui.cooperatingEdit.text())
        deadline = self.deadline()
        status: str = ui.statusBox.currentData()
        if uid:
            self.session.write(
                lambda: campaign.update_task(
                    ledger, uid, title, lead, cooperating, deadline, status, section
                )
            )
            return uid
        return self.session.write(
            lambda: campaign.add_task(ledger, title, lead, cooperating, deadline, status, section)
        )
