"""The joint theme party day (联合主题党日): one form, many branches, one step.

The form is ``ui/joint_activity_dialog.ui``. The branches are a checkable tree: ticking a
college ticks every branch under it. Saving records one theme party day for each branch ticked,
in one transaction (``activities.add_joint_activity``), so one Ctrl+Z takes them all back.
Attendance is left blank: each branch's own figures can be filled in afterwards.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidgetItem, QWidget

import desktop_app.gui.forms  # noqa: F401  (supplies the forms' translation function)
from desktop_app.domain import activities
from desktop_app.domain.orgtree import OrgTree, load_tree
from desktop_app.errors import Fault, LedgerError, ValidationError
from desktop_app.gui import messages
from desktop_app.gui.activity_form import (
    add_dimension_boxes,
    fill_categories,
    setup_date,
    show_faults,
    text_or_none,
)
from desktop_app.gui.forms.ui_joint_activity_dialog import Ui_JointActivityDialog
from desktop_app.gui.session import Session
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.i18n import _, ngettext

UID_ROLE = Qt.ItemDataRole.UserRole


class JointActivityDialog(QDialog):
    """After ``exec()``, ``saved_uids`` are the activities recorded (empty if none)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.saved_uids: list[str] = []
        self.ui = Ui_JointActivityDialog()
        self.ui.setupUi(self)
        ui = self.ui
        fill_categories(ui.categoryBox)
        self.dimension_boxes = add_dimension_boxes(ui.dimensionsGroup, ui.dimensionsLayout)
        previous: QWidget = ui.featuredCheck
        for box in self.dimension_boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, ui.summaryEdit)
        setup_date(ui.dateEdit, date.today())
        self.errors = FieldErrors()
        self.errors.add("org_uids", ui.branchTree, ui.branchesError)
        self.errors.add("date", ui.dateEdit, ui.dateError)
        self.errors.add("theme", ui.themeEdit, ui.themeError)
        self.errors.add("category", ui.categoryBox, ui.categoryError)
        self.errors.add("dimensions", ui.dimensionsGroup, ui.dimensionsError)
        ui.generalError.hide()

        self.branch_items: dict[str, QTreeWidgetItem] = {}
        self._fill_tree(load_tree(session.ledger))
        ui.branchTree.itemChanged.connect(lambda _item, _column: self._update_count())
        ui.selectAllButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Checked))
        ui.selectNoneButton.clicked.connect(lambda: self._check_all(Qt.CheckState.Unchecked))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self._update_count()
        self._clean = self._state()

    # ---- the branches -----------------------------------------------------------------------

    def _fill_tree(self, tree: OrgTree) -> None:
        """Colleges with their active branches; branches directly under the committee are
        grouped under the committee's name."""
        widget = self.ui.branchTree
        widget.clear()
        root = tree.root
        if root is None:
            return
        groups: list[tuple[str, str, list[str]]] = []
        direct = []
        for uid in tree.children.get(root.uid, []):
            org = tree.by_uid[uid]
            if not org.active:
                continue
            if org.level == "branch":
                direct.append(uid)
            else:
                kids = [
                    k
                    for k in tree.children.get(uid, [])
                    if tree.by_uid[k].active and tree.by_uid[k].level == "branch"
                ]
                if kids:
                    groups.append((uid, org.name, kids))
        if direct:
            groups.append((root.uid, root.name, direct))
        for group_uid, name, kids in groups:
            parent = QTreeWidgetItem(widget, [name])
            parent.setData(0, UID_ROLE, group_uid)
            parent.setFlags(
                parent.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
            )
            parent.setCheckState(0, Qt.CheckState.Unchecked)
            parent.setToolTip(0, _("Tick to choose every branch under it"))
            for uid in kids:
                item = QTreeWidgetItem(parent, [tree.by_uid[uid].name])
                item.setData(0, UID_ROLE, uid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
                item.setToolTip(0, tree.path(uid))
                self.branch_items[uid] = item
        widget.expandAll()

    def _check_all(self, state: Qt.CheckState) -> None:
        tree = self.ui.branchTree
        for n in range(tree.topLevelItemCount()):
            tree.topLevelItem(n).setCheckState(0, state)

    def set_chosen(self, uids: list[str]) -> None:
        for uid, item in self.branch_items.items():
            item.setCheckState(0, Qt.CheckState.Checked if uid in uids else Qt.CheckState.Unchecked)

    def choose_group(self, group_uid: str) -> None:
        """Tick every branch under the college ``group_uid`` (as a click on it does)."""
        tree = self.ui.branchTree
        for n in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(n)
            if item.data(0, UID_ROLE) == group_uid:
                item.setCheckState(0, Qt.CheckState.Checked)

    def chosen(self) -> list[str]:
        """The branches ticked, in the order the tree shows them."""
        return [
            uid
            for uid, item in self.branch_items.items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_count(self) -> None:
        count = len(self.chosen())
        self.ui.chosenLabel.setText(
            ngettext("{count} branch chosen", "{count} branches chosen", count).format(count=count)
        )

    # ---- values and saving --------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "type": "theme_day",
            "date": ui.dateEdit.date().toPython(),
            "theme": ui.themeEdit.text().strip(),
            "category": ui.categoryBox.currentData(),
            "place": text_or_none(ui.placeEdit.text()),
            "host": text_or_none(ui.hostEdit.text()),
            "dimensions": [c for c, box in self.dimension_boxes.items() if box.isChecked()],
            "featured": ui.featuredCheck.isChecked(),
            "summary": ui.summaryEdit.toPlainText().strip() or None,
        }

    def _state(self) -> tuple[dict[str, Any], list[str]]:
        return self.values(), self.chosen()

    def is_dirty(self) -> bool:
        return self._state() != self._clean

    def save(self) -> bool:
        self.errors.clear()
        self.ui.generalError.hide()
        values, chosen = self.values(), self.chosen()
        faults = activities.check_activity(values)
        if not chosen:
            message = (
                _("Tick the branches that took part.")
                if self.branch_items
                else _("There is no branch yet: add branches on the Organizations page first.")
            )
            faults.insert(0, Fault(message, field="org_uids"))
        if faults:
            error = ValidationError(_("The activity was not saved."), faults)
            show_faults(self.errors, self.ui.generalError, error)
            return False
        ledger = self.session.ledger
        try:
            uids = self.session.write(
                lambda: activities.add_joint_activity(ledger, chosen, **values)
            )
        except ValidationError as error:
            show_faults(self.errors, self.ui.generalError, error)
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self.saved_uids = uids
        self._clean = self._state()
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        if self.is_dirty():
            answer = messages.ask_unsaved(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()
