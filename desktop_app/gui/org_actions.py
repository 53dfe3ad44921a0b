"""What can be done to an organization of the tree: add, edit, move, dissolve, reinstate,
delete. ``OrgActions`` owns the ``QAction``s of the organizations page (its buttons, its
context menu and its keys), keeps them enabled only where the ledger allows them, opens the
dialogs and writes through the session, so Ctrl+Z undoes each change and every page refreshes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.domain.organizations import (
    add_organization,
    delete_organization,
    dissolve_organization,
    move_organization,
    reinstate_organization,
    update_organization,
)
from desktop_app.domain.orgtree import Organization
from desktop_app.errors import LedgerError
from desktop_app.formatting import format_date
from desktop_app.gui import messages
from desktop_app.gui.org_dialogs import (
    DissolveDialog,
    MoveDialog,
    OrganizationDialog,
    allowed_parents,
)
from desktop_app.gui.org_tree_model import OrgTreeModel
from desktop_app.gui.session import Session
from desktop_app.i18n import _, ngettext
from desktop_app.storage.ledger import Ledger
from desktop_app.storage.recycle import dependents_of_organizations


class OrgActions(QObject):
    """The page's actions. ``current()`` is the selected organization (or None), ``show(uid)``
    brings one into view, ``say(text)`` shows a short notice under the tree."""

    def __init__(
        self,
        widget: QWidget,
        session: Session,
        model: OrgTreeModel,
        *,
        current: Callable[[], Organization | None],
        show: Callable[[str], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.session = session
        self.model = model
        self.current = current
        self.show = show
        self.say = say
        self.dialog: QDialog | None = None
        """The dialog opened last (tests drive it)."""
        self.add = self._action("addAction", _("Add…"), self.add_organization, "Ins")
        self.edit = self._action("editAction", _("Edit…"), self.edit_organization, "F2")
        self.move = self._action("moveAction", _("Move…"), self.move_organization)
        self.dissolve = self._action("dissolveAction", _("Dissolve…"), self.dissolve_organization)
        self.reinstate = self._action(
            "reinstateAction", _("Reinstate"), self.reinstate_organization
        )
        self.delete = self._action("deleteAction", _("Delete…"), self.delete_organization)
        self.delete.setToolTip(_("Move to the recycle bin (Del)"))
        self.all = [self.add, self.edit, self.move, self.dissolve, self.reinstate, self.delete]

    def _action(
        self, name: str, text: str, slot: Callable[[], object], key: str | None = None
    ) -> QAction:
        action = QAction(text, self.widget)
        action.setObjectName(name)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.widget.addAction(action)
        return action

    # ---- state --------------------------------------------------------------------------

    def add_parent(self) -> str | None:
        """Where “Add” puts the new organization: under the selected committee or college,
        beside the selected branch; the first organization of a ledger has no parent."""
        tree = self.model.tree
        if tree.root is None:
            return None
        org = self.current()
        if org is None:
            return tree.root.uid
        return org.parent_uid if org.level == "branch" else org.uid

    def update(self) -> None:
        """Enable what the selected organization allows, with tooltips saying why not."""
        tree = self.model.tree
        org = self.current()
        parent_uid = self.add_parent()
        parent = tree.by_uid.get(parent_uid) if parent_uid else None
        self.add.setEnabled(parent is None or parent.active)
        if parent is None:
            self.add.setToolTip(_("Add the party committee"))
        elif parent.active:
            self.add.setToolTip(
                _("Add an organization under “{name}” (Ins)").format(name=parent.name)
            )
        else:
            self.add.setToolTip(
                _("“{name}” is dissolved; reinstate it to add organizations under it.").format(
                    name=parent.name
                )
            )
        is_root = org is not None and org.parent_uid is None
        parent_active = org is not None and (
            org.parent_uid is None or tree.by_uid[org.parent_uid].active
        )
        self.edit.setEnabled(org is not None)
        self.move.setEnabled(org is not None and bool(allowed_parents(tree, org)))
        self.dissolve.setEnabled(org is not None and org.active and not is_root)
        self.reinstate.setEnabled(org is not None and not org.active and parent_active)
        self.delete.setEnabled(org is not None and not is_root)

    # ---- helpers ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _write(self, action: Callable[[Ledger], Any]) -> Any:
        ledger = self.session.ledger
        return self.session.write(lambda: action(ledger))

    # ---- the actions --------------------------------------------------------------------

    def add_organization(self) -> None:
        parent_uid = self.add_parent()

        def save(values: dict[str, Any]) -> object:
            return self._write(
                lambda ledger: add_organization(ledger, parent_uid=parent_uid, **values)
            )

        dialog = OrganizationDialog(
            self.widget, tree=self.model.tree, save=save, parent_uid=parent_uid
        )
        dialog.accepted.connect(lambda: self.show(str(dialog.result_value)))
        self._open(dialog)

    def edit_organization(self) -> None:
        org = self.current()
        if org is None:
            return

        def save(values: dict[str, Any]) -> object:
            return self._write(lambda ledger: update_organization(ledger, org.uid, **values))

        self._open(OrganizationDialog(self.widget, tree=self.model.tree, save=save, org=org))

    def move_organization(self) -> None:
        org = self.current()
        if org is None:
            return

        def move(new_parent: str) -> object:
            return self._write(lambda ledger: move_organization(ledger, org.uid, new_parent))

        dialog = MoveDialog(self.widget, tree=self.model.tree, org=org, move=move)
        dialog.accepted.connect(lambda: self.show(org.uid))
        self._open(dialog)

    def dissolve_organization(self) -> None:
        org = self.current()
        if org is None or not org.active:
            return

        def dissolve(day: date) -> object:
            return self._write(lambda ledger: dissolve_organization(ledger, org.uid, day))

        dialog = DissolveDialog(self.widget, tree=self.model.tree, org=org, dissolve=dissolve)
        dialog.accepted.connect(lambda: self._dissolved(org, dialog.day()))
        self._open(dialog)

    def _dissolved(self, org: Organization, day: date) -> None:
        self.show(org.uid)  # shows dissolved organizations, so the change can be seen
        self.say(
            _("“{name}” was dissolved on {date}.").format(name=org.name, date=format_date(day))
        )

    def reinstate_organization(self) -> None:
        org = self.current()
        if org is None or org.active:
            return
        question = _("Reinstate “{name}”?").format(name=org.name)
        detail = _("Organizations under it that were dissolved the same day come back with it.")
        if not messages.confirm(self.widget, question, _("Reinstate"), detail=detail):
            return
        try:
            self._write(lambda ledger: reinstate_organization(ledger, org.uid))
        except LedgerError as error:
            messages.show_error(self.widget, error)
            return
        self.say("")
        self.show(org.uid)

    def delete_organization(self) -> None:
        org = self.current()
        if org is None:
            return
        if org.parent_uid is None:
            messages.show_info(
                self.widget,
                _("The party committee is the root of the ledger and cannot be deleted."),
            )
            return
        question = _("Move “{name}” to the recycle bin?").format(name=org.name)
        if not messages.confirm(
            self.widget, question, _("Delete"), detail=self.delete_detail(org), destructive=True
        ):
            return
        try:
            self._write(lambda ledger: delete_organization(ledger, org.uid))
        except LedgerError as error:
            messages.show_error(self.widget, error)
            return
        self.say(_("“{name}” is in the recycle bin; Ctrl+Z brings it back.").format(name=org.name))

    def delete_detail(self, org: Organization) -> str:
        """What goes to the recycle bin with ``org``, for the question before deleting."""
        subtree = self.model.tree.subtree(org.uid)
        records = len(dependents_of_organizations(self.session.ledger, subtree))
        details = []
        if len(subtree) > 1:
            details.append(
                ngettext(
                    "The {count} organization under it goes with it.",
                    "The {count} organizations under it go with it.",
                    len(subtree) - 1,
                ).format(count=len(subtree) - 1)
            )
        details.append(
            ngettext(
                "{count} record (activities, ratings, candidacies, brands, attachments) goes "
                "with it.",
                "{count} records (activities, ratings, candidacies, brands, attachments) go "
                "with it.",
                records,
            ).format(count=records)
        )
        details.append(_("You can restore everything from the recycle bin."))
        return " ".join(details)
