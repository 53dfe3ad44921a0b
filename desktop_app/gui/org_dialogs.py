"""The dialogs of the organization tree: add or edit an organization, move it, dissolve it.

Each dialog is a Qt Designer form (``ui/organization_dialog.ui``, ``ui/move_dialog.ui``,
``ui/dissolve_dialog.ui``) driven here. A dialog does not write by itself: it calls the
``save`` function it was given (which runs the domain operation through the session) and,
when the domain refuses, shows each fault beside its field and stays open with nothing lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QWidget,
)

import desktop_app.gui.forms  # noqa: F401  (supplies ``_`` to the generated forms)
from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR, from_iso
from desktop_app.domain.enums import BRANCH_TYPES, ORG_LEVELS
from desktop_app.domain.organizations import (
    ALLOWED_PARENT_LEVELS,
    COUNT_FIELDS,
    DEFAULT_TERM_YEARS,
    check_placement,
)
from desktop_app.domain.orgtree import Organization, OrgTree
from desktop_app.errors import Fault, LedgerError, ValidationError
from desktop_app.gui import messages
from desktop_app.gui.forms.ui_dissolve_dialog import Ui_DissolveDialog
from desktop_app.gui.forms.ui_move_dialog import Ui_MoveDialog
from desktop_app.gui.forms.ui_organization_dialog import Ui_OrganizationDialog
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.i18n import _, ngettext

FIRST_DAY = QDate(MIN_YEAR, 1, 1)
LAST_DAY = QDate(MAX_YEAR, 12, 31)

SaveFunction = Callable[[dict[str, Any]], object]


def place_name(tree: OrgTree, uid: str | None) -> str:
    """Where an organization sits, for messages: its parent's path."""
    if uid is None or uid not in tree.by_uid:
        return _("none: the party committee is the root of the tree")
    return tree.path(uid)


def allowed_parents(tree: OrgTree, org: Organization) -> list[str]:
    """The organizations ``org`` may move under: of a level that may hold it, active (for an
    active organization), not inside it and not its present parent."""
    inside = set(tree.subtree(org.uid))
    return [
        o.uid
        for o in tree
        if o.level in ALLOWED_PARENT_LEVELS[org.level]
        and o.uid not in inside
        and o.uid != org.parent_uid
        and (o.active or not org.active)
    ]


def child_levels(tree: OrgTree, parent_uid: str | None) -> list[str]:
    """The levels an organization added under ``parent_uid`` may have."""
    if parent_uid is None:
        return ["committee"]
    parent_level = tree.by_uid[parent_uid].level
    return [lv for lv in ORG_LEVELS.codes if parent_level in ALLOWED_PARENT_LEVELS[lv]]


def _setup_date(edit: QDateEdit) -> None:
    edit.setDateRange(FIRST_DAY, LAST_DAY)
    edit.setDate(QDate.currentDate())


def _show_unplaced(label: QLabel, faults: list[Fault]) -> None:
    label.setText("\n".join(f.message for f in faults))
    label.setVisible(bool(faults))


def fit_height(dialog: QDialog) -> None:
    """Grow ``dialog`` when the messages now shown beside its fields need more room."""
    layout = dialog.layout()
    layout.activate()
    needed = max(layout.totalHeightForWidth(dialog.width()), layout.totalMinimumSize().height())
    if needed > dialog.height():
        dialog.resize(dialog.width(), needed)


class OrganizationDialog(QDialog):
    """Add an organization under ``parent_uid`` (``org`` None) or edit ``org``.

    ``save(values)`` receives the fields (with ``level`` when adding) and raises a
    ``LedgerError`` when the ledger refuses them."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        tree: OrgTree,
        save: SaveFunction,
        parent_uid: str | None = None,
        org: Organization | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OrganizationDialog()
        self.ui.setupUi(self)
        self.tree = tree
        self.org = org
        self._save = save
        self.result_value: object = None
        ui = self.ui
        self.parent_uid = org.parent_uid if org is not None else parent_uid
        ui.parentValue.setText(place_name(tree, self.parent_uid))
        levels = [org.level] if org is not None else child_levels(tree, parent_uid)
        for level in levels:
            ui.levelCombo.addItem(ORG_LEVELS.label(level), level)
        ui.levelCombo.setEnabled(len(levels) > 1)
        ui.branchTypeCombo.addItem(_("(not set)"), None)
        for code in BRANCH_TYPES.codes:
            ui.branchTypeCombo.addItem(BRANCH_TYPES.label(code), code)
        for edit in (ui.foundedEdit, ui.electedEdit):
            _setup_date(edit)
        ui.termSpin.setValue(DEFAULT_TERM_YEARS)
        ui.termSpin.setSuffix(_(" years"))
        self._link_date(ui.foundedEdit, ui.foundedUnknown)
        self._link_date(ui.electedEdit, ui.electedUnknown)
        self.errors = FieldErrors()
        for name, widget, label in (
            ("name", ui.nameEdit, ui.nameError),
            ("level", ui.levelCombo, ui.levelError),
            ("parent", ui.parentValue, ui.parentError),
            ("branch_type", ui.branchTypeCombo, ui.branchTypeError),
            ("secretary", ui.secretaryEdit, ui.secretaryError),
            ("double_leader", ui.doubleLeaderCheck, ui.doubleLeaderError),
            ("has_party_groups", ui.partyGroupsCheck, ui.partyGroupsError),
            ("founded_on", ui.foundedEdit, ui.foundedError),
            ("elected_on", ui.electedEdit, ui.electedError),
            ("term_years", ui.termSpin, ui.termError),
            ("members_full", ui.fullSpin, ui.fullError),
            ("members_probationary", ui.probationarySpin, ui.probationaryError),
            ("activists", ui.activistsSpin, ui.activistsError),
        ):
            self.errors.add(name, widget, label)
        ui.formError.setProperty("role", "fieldError")
        ui.formError.hide()
        save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(_("Save"))
        save_button.setDefault(True)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.levelCombo.currentIndexChanged.connect(self._level_changed)
        ui.branchTypeCombo.currentIndexChanged.connect(self._level_changed)
        if org is not None:
            self._load(org)
            self.setWindowTitle(_("Edit “{name}”").format(name=org.name))
        elif levels == ["committee"]:
            self.setWindowTitle(_("Add the party committee"))
        else:
            self.setWindowTitle(_("Add an organization"))
        self._level_changed()
        self._align_labels()
        self._initial = self.values()
        ui.nameEdit.setFocus()
        self.resize(self.sizeHint())

    def _align_labels(self) -> None:
        """One width for the labels of the three groups, so their fields line up."""
        ui = self.ui
        labels = [
            ui.parentLabel, ui.levelLabel, ui.nameLabel, ui.branchTypeLabel, ui.foundedLabel,
            ui.secretaryLabel, ui.electedLabel, ui.termLabel,
            ui.fullLabel, ui.probationaryLabel, ui.activistsLabel,
        ]  # fmt: skip
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

    # ---- fields -------------------------------------------------------------------------

    @staticmethod
    def _link_date(edit: QDateEdit, unknown: QCheckBox) -> None:
        unknown.toggled.connect(lambda checked: edit.setEnabled(not checked))
        unknown.setChecked(True)

    @staticmethod
    def _set_date(edit: QDateEdit, unknown: QCheckBox, text: str | None) -> None:
        day = from_iso(text)
        if day is not None:
            edit.setDate(QDate(day.year, day.month, day.day))
        unknown.setChecked(day is None)

    @staticmethod
    def _date(edit: QDateEdit, unknown: QCheckBox) -> date | None:
        return None if unknown.isChecked() else edit.date().toPython()

    def _load(self, org: Organization) -> None:
        ui = self.ui
        ui.nameEdit.setText(org.name)
        ui.branchTypeCombo.setCurrentIndex(max(ui.branchTypeCombo.findData(org.branch_type), 0))
        ui.secretaryEdit.setText(org.secretary or "")
        ui.doubleLeaderCheck.setChecked(org.double_leader)
        ui.partyGroupsCheck.setChecked(org.has_party_groups)
        self._set_date(ui.foundedEdit, ui.foundedUnknown, org.founded_on)
        self._set_date(ui.electedEdit, ui.electedUnknown, org.elected_on)
        ui.termSpin.setValue(org.term_years)
        ui.fullSpin.setValue(org.members_full)
        ui.probationarySpin.setValue(org.members_probationary)
        ui.activistsSpin.setValue(org.activists)

    def level(self) -> str:
        return str(self.ui.levelCombo.currentData())

    def _level_changed(self, *_args: object) -> None:
        ui = self.ui
        branch = self.level() == "branch"
        only_branches = _("Only party branches have a branch type and party groups.")
        for widget in (ui.branchTypeCombo, ui.partyGroupsCheck):
            widget.setEnabled(branch)
            widget.setToolTip("" if branch else only_branches)
        teacher = branch and ui.branchTypeCombo.currentData() == "teacher"
        ui.doubleLeaderCheck.setEnabled(teacher)

    def values(self) -> dict[str, Any]:
        """The fields as the domain functions take them (``level`` only when adding)."""
        ui = self.ui
        branch = self.level() == "branch"
        values: dict[str, Any] = {
            "name": ui.nameEdit.text().strip(),
            "branch_type": ui.branchTypeCombo.currentData() if branch else None,
            "secretary": ui.secretaryEdit.text().strip() or None,
            "double_leader": ui.doubleLeaderCheck.isChecked(),
            "has_party_groups": ui.partyGroupsCheck.isChecked() and branch,
            "founded_on": self._date(ui.foundedEdit, ui.foundedUnknown),
            "elected_on": self._date(ui.electedEdit, ui.electedUnknown),
            "term_years": ui.termSpin.value(),
            **{
                key: spin.value()
                for key, spin in zip(
                    COUNT_FIELDS,
                    (ui.fullSpin, ui.probationarySpin, ui.activistsSpin),
                    strict=True,
                )
            },
        }
        if self.org is None:
            values["level"] = self.level()
        return values

    def is_modified(self) -> bool:
        return self.values() != self._initial

    # ---- saving and closing -------------------------------------------------------------

    def save(self) -> bool:
        """Save through the given function; on a refusal show the faults and stay open."""
        self.errors.clear()
        _show_unplaced(self.ui.formError, [])
        try:
            self.result_value = self._save(self.values())
        except ValidationError as error:
            unplaced = self.errors.show(error)
            if error.faults and unplaced:
                unplaced.insert(0, Fault(error.message))
            _show_unplaced(self.ui.formError, unplaced)
            fit_height(self)
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self._initial = self.values()
        self.accept()
        return True

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask first when something was changed."""
        if not self.is_modified():
            super().reject()
            return
        answer = messages.ask_unsaved(self)
        if answer == "save":
            self.save()  # closes when saved; otherwise stays open showing the faults
        elif answer == "discard":
            super().reject()


class MoveDialog(QDialog):
    """Choose a new parent for ``org`` among the allowed ones, confirm naming the old and the
    new place, then ``move(new_parent_uid)``."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        tree: OrgTree,
        org: Organization,
        move: Callable[[str], object],
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_MoveDialog()
        self.ui.setupUi(self)
        self.tree = tree
        self.org = org
        self._move = move
        ui = self.ui
        self.setWindowTitle(_("Move “{name}”").format(name=org.name))
        ui.introLabel.setText(
            _("Choose where “{name}” goes. Only the places a {level} may sit are listed.").format(
                name=org.name, level=ORG_LEVELS.label(org.level)
            )
        )
        ui.currentValue.setText(place_name(tree, org.parent_uid))
        allowed = set(allowed_parents(tree, org))
        picker = ui.parentPicker
        picker.include_dissolved = not org.active
        picker.accept = lambda o: o.uid in allowed
        picker.load(tree)
        self.errors = FieldErrors()
        self.errors.add("parent", picker, ui.parentError)
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Move…"))
        ok.setEnabled(bool(allowed))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        ui.buttonBox.accepted.connect(self.try_move)
        ui.buttonBox.rejected.connect(self.reject)
        picker.setFocus()
        self.resize(self.sizeHint())

    def try_move(self) -> bool:
        """Check the place, ask for confirmation, move. False when nothing was moved."""
        self.errors.clear()
        new_parent = self.ui.parentPicker.uid()
        org = self.org
        faults = check_placement(self.tree, org.level, new_parent, org.name, exclude_uid=org.uid)
        if faults:
            self._show(ValidationError(_("The organization was not moved."), faults))
            return False
        below = len(self.tree.subtree(org.uid)) - 1
        detail = (
            ngettext(
                "The {count} organization under it moves with it.",
                "The {count} organizations under it move with it.",
                below,
            ).format(count=below)
            if below
            else ""
        )
        question = _("Move “{name}” from “{old}” to “{new}”?").format(
            name=org.name,
            old=place_name(self.tree, org.parent_uid),
            new=place_name(self.tree, new_parent),
        )
        if not messages.confirm(self, question, _("Move"), detail=detail):
            return False
        try:
            self._move(str(new_parent))
        except ValidationError as error:
            self._show(error)
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self.accept()
        return True

    def _show(self, error: ValidationError) -> None:
        # A clash of names is about the place chosen: every fault goes beside the picker.
        placed = ValidationError(error.message, [Fault(f.message, "parent") for f in error.faults])
        self.errors.show(placed)
        fit_height(self)


class DissolveDialog(QDialog):
    """Choose the day ``org`` (and everything under it) is dissolved, then ``dissolve(day)``."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        tree: OrgTree,
        org: Organization,
        dissolve: Callable[[date], object],
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DissolveDialog()
        self.ui.setupUi(self)
        self.org = org
        self._dissolve = dissolve
        ui = self.ui
        self.setWindowTitle(_("Dissolve “{name}”").format(name=org.name))
        below = sum(1 for u in tree.subtree(org.uid)[1:] if tree.by_uid[u].active)
        intro = _("“{name}” will be marked as dissolved (撤销) on the day you choose.").format(
            name=org.name
        )
        if below:
            intro += " " + ngettext(
                "The {count} active organization under it is dissolved with it.",
                "The {count} active organizations under it are dissolved with it.",
                below,
            ).format(count=below)
        ui.introLabel.setText(intro)
        _setup_date(ui.dateEdit)
        self.errors = FieldErrors()
        self.errors.add("dissolved_on", ui.dateEdit, ui.dateError)
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Dissolve"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        ui.buttonBox.accepted.connect(self.try_dissolve)
        ui.buttonBox.rejected.connect(self.reject)
        ui.dateEdit.setFocus()
        self.resize(self.sizeHint())

    def day(self) -> date:
        return self.ui.dateEdit.date().toPython()

    def try_dissolve(self) -> bool:
        self.errors.clear()
        try:
            self._dissolve(self.day())
        except ValidationError as error:
            if self.errors.show(error):
                messages.show_error(self, error)
            fit_height(self)
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self.accept()
        return True
