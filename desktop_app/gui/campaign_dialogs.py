"""The dialogs of the 三级联创 page: a target, a new candidate, and a candidate's next step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLabel, QWidget

import desktop_app.gui.forms  # noqa: F401  (supplies ``_`` to the generated forms)
from desktop_app.domain import campaign
from desktop_app.domain.candidate_steps import check_advance, latest_milestone, next_statuses
from desktop_app.domain.enums import CANDIDATE_STATUSES, CREATION_LEVELS, GRADES, Enumeration
from desktop_app.domain.orgtree import Organization, OrgTree
from desktop_app.errors import ValidationError
from desktop_app.formatting import format_date
from desktop_app.gui.campaign_models import CandidateRow, TargetRow
from desktop_app.gui.campaign_widgets import GuardedDialog
from desktop_app.gui.forms.ui_advance_dialog import Ui_AdvanceDialog
from desktop_app.gui.forms.ui_candidate_dialog import Ui_CandidateDialog
from desktop_app.gui.forms.ui_target_dialog import Ui_TargetDialog
from desktop_app.gui.session import Session
from desktop_app.i18n import _

# The organizations that may stand for each creation level.
ORG_LEVEL_FOR = {"school": "committee", "college": "college", "branch": "branch"}


def fill_combo(box: QComboBox, enumeration: Enumeration, codes: list[str] | None = None) -> None:
    box.clear()
    for code in codes if codes is not None else enumeration.codes:
        box.addItem(enumeration.label(code), code)


def choose(box: QComboBox, code: object) -> None:
    index = box.findData(code)
    if index >= 0:
        box.setCurrentIndex(index)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _form_error(label: QLabel) -> QLabel:
    label.setProperty("role", "fieldError")
    label.hide()
    return label


class TargetDialog(GuardedDialog):
    """Add a target (``target`` None), or edit one; a row with no target yet (uid None)
    opens with its level and grade chosen."""

    def __init__(
        self, session: Session, target: TargetRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.uid = target.uid if target else None
        self.ui = ui = Ui_TargetDialog()
        ui.setupUi(self)
        self.setObjectName("targetDialog")
        fill_combo(ui.levelBox, CREATION_LEVELS)
        fill_combo(ui.gradeBox, GRADES)
        if target is not None:
            choose(ui.levelBox, target.level)
            choose(ui.gradeBox, target.grade)
            ui.periodEdit.setText(target.period)
            ui.targetBox.setValue(target.target or 0)
        if self.uid:
            self.setWindowTitle(_("Edit target"))
        self.form_error = _form_error(ui.formError)
        self.errors.add("level", ui.levelBox, ui.levelError)
        self.errors.add("grade", ui.gradeBox, ui.gradeError)
        self.errors.add("period", ui.periodEdit, ui.periodError)
        self.errors.add("target", ui.targetBox, ui.targetError)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        (ui.targetBox if target is not None else ui.levelBox).setFocus()
        self.mark_clean()

    def values(self) -> tuple[object, ...]:
        ui = self.ui
        return (
            ui.levelBox.currentData(),
            ui.gradeBox.currentData(),
            ui.periodEdit.text().strip(),
            ui.targetBox.value(),
        )

    def write(self) -> str:
        ui, ledger, uid = self.ui, self.session.ledger, self.uid
        level: str = ui.levelBox.currentData()
        grade: str = ui.gradeBox.currentData()
        period, target = ui.periodEdit.text().strip(), ui.targetBox.value()
        if uid:
            self.session.write(
                lambda: campaign.update_target(ledger, uid, level, grade, target, period)
            )
            return uid
        return self.session.write(lambda: campaign.set_target(ledger, level, grade, target, period))


class CandidateDialog(GuardedDialog):
    """Enter an organization for a (level, grade) at the step it has reached."""

    def __init__(self, session: Session, tree: OrgTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tree = tree
        self.ui = ui = Ui_CandidateDialog()
        ui.setupUi(self)
        self.setObjectName("candidateDialog")
        fill_combo(ui.levelBox, CREATION_LEVELS)
        choose(ui.levelBox, "branch")
        fill_combo(ui.gradeBox, GRADES)
        choose(ui.gradeBox, "school")
        fill_combo(ui.statusBox, CANDIDATE_STATUSES)
        today = date.today()
        ui.dateEdit.setMaximumDate(to_qdate(today))
        ui.dateEdit.setDate(to_qdate(today))
        self._load_orgs()
        ui.levelBox.currentIndexChanged.connect(self._load_orgs)
        self.form_error = _form_error(ui.formError)
        self.errors.add("level", ui.levelBox, ui.levelError)
        self.errors.add("grade", ui.gradeBox, ui.gradeError)
        self.errors.add("org_uid", ui.orgBox, ui.orgError)
        self.errors.add("status", ui.statusBox, ui.statusError)
        self.errors.add("date", ui.dateEdit, ui.dateError)
        self.errors.add("note", ui.noteEdit, ui.noteError)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.levelBox.setFocus()
        self.mark_clean()

    def _load_orgs(self) -> None:
        wanted = ORG_LEVEL_FOR.get(self.ui.levelBox.currentData(), "branch")

        def accept(org: Organization) -> bool:
            return org.level == wanted

        box = self.ui.orgBox
        box.accept = accept
        box.load(self.tree)
        # Only one level is listed, without the parents that tell apart the many branches
        # of the same name: show each one's path.
        for row in range(box.count()):
            uid = box.itemData(row)
            if isinstance(uid, str) and uid in self.tree.by_uid:
                box.setItemText(row, self.tree.path(uid))

    def values(self) -> tuple[object, ...]:
        ui = self.ui
        return (
            ui.levelBox.currentData(),
            ui.gradeBox.currentData(),
            ui.orgBox.uid(),
            ui.statusBox.currentData(),
            ui.dateEdit.date().toPython(),
            ui.noteEdit.text().strip(),
        )

    def write(self) -> str:
        ui, ledger = self.ui, self.session.ledger
        org_uid = ui.orgBox.uid()
        if org_uid is None:
            raise ValidationError.single(
                _("Choose the organization; only those of the chosen level are listed."),
                "org_uid",
            )
        level: str = ui.levelBox.currentData()
        grade: str = ui.gradeBox.currentData()
        status: str = ui.statusBox.currentData()
        on: date = ui.dateEdit.date().toPython()
        note = ui.noteEdit.text().strip() or None
        return self.session.write(
            lambda: campaign.add_candidate(ledger, org_uid, level, grade, status, on, note)
        )


class AdvanceDialog(GuardedDialog):
    """Move a candidate to a later step, dated."""

    def __init__(
        self, session: Session, candidate: CandidateRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.candidate = candidate
        self.ui = ui = Ui_AdvanceDialog()
        ui.setupUi(self)
        self.setObjectName("advanceDialog")
        record = candidate.as_record()
        latest = latest_milestone(record)
        status = CANDIDATE_STATUSES.label(candidate.status)
        now = (
            _("now {status}, since {day}").format(status=status, day=format_date(latest))
            if latest
            else _("now {status}").format(status=status)
        )
        ui.candidateLabel.setText(
            _("{path}\n{level}, {grade}: {now}").format(
                path=candidate.path,
                level=CREATION_LEVELS.label(candidate.level),
                grade=GRADES.label(candidate.grade),
                now=now,
            )
        )
        fill_combo(ui.statusBox, CANDIDATE_STATUSES, next_statuses(candidate.status))
        today = date.today()
        ui.dateEdit.setMaximumDate(to_qdate(today))
        ui.dateEdit.setDate(to_qdate(today))
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Advance"))
        self.form_error = _form_error(ui.formError)
        self.errors.add("status", ui.statusBox, ui.statusError)
        self.errors.add("date", ui.dateEdit, ui.dateError)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.statusBox.setFocus()
        self.mark_clean()

    def values(self) -> tuple[object, ...]:
        return (self.ui.statusBox.currentData(), self.ui.dateEdit.date().toPython())

    def write(self) -> None:
        status: str | None = self.ui.statusBox.currentData()
        on: date = self.ui.dateEdit.date().toPython()
        faults = check_advance(self.candidate.as_record(), status, on)
        if faults or status is None:
            raise ValidationError(_("The step was not recorded."), faults)
        ledger, uid = self.session.ledger, self.candidate.uid
        self.session.write(lambda: campaign.advance_candidate(ledger, uid, status, on))
