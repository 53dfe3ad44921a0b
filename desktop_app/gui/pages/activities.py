"""组织生活台账: the activity table, its filters and search, and the activity dialogs.

The table reads the ledger page by page (``ActivityTableModel``); the filter bar narrows it
in SQL. ``show_record`` accepts an activity's uid (select it, clearing filters that hide it)
or a dict of filters: ``{"org_uid": uid}`` (the dashboard's reminders send this), optionally
with ``"type"``, ``"year"`` and ``"month"``; the filters it does not name are cleared.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.activity_query import any_activity
from desktop_app.domain import activities
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import LedgerError, NotFoundError
from desktop_app.formatting import format_date, format_number
from desktop_app.gui import messages
from desktop_app.gui.activity_dialog import ActivityDialog
from desktop_app.gui.activity_filters import ActivityFilterBar
from desktop_app.gui.activity_model import ActivityTableModel
from desktop_app.gui.activity_table import ActivityTable
from desktop_app.gui.joint_dialog import JointActivityDialog
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.i18n import _, ngettext


class ActivitiesPage(Page):
    key = "activities"
    icon = "AppointmentNew"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._year_seen = session.year
        self._keep_uid: str | None = None
        self._keep_row = -1
        self.model = ActivityTableModel(session.ledger, self)
        self.model.setObjectName("activityModel")
        self.filters = ActivityFilterBar(session.year, self)
        self._build()
        self.filters.changed.connect(self._filters_changed)
        self.filters.search.returnPressed.connect(self._search_entered)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.reloaded.connect(self._after_reload)
        self.model.counted.connect(self._show_count)

    # ---- layout ---------------------------------------------------------------------------

    def _button(self, name: str, text: str, tip: str, slot: Any) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _action(self, name: str, text: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build(self) -> None:
        heading = QLabel(_("Activity ledger"), self)
        heading.setObjectName("pageTitle")
        heading.setProperty("role", "pageTitle")
        self.new_button = self._button(
            "newButton", _("New activity"), _("Record an activity (Ctrl+N)"), self.new_activity
        )
        self.edit_button = self._button(
            "editButton", _("Edit"), _("Edit the selected activity (Enter)"), self.edit_selected
        )
        self.duplicate_button = self._button(
            "duplicateButton",
            _("Duplicate"),
            _("Record a copy of the selected activity dated today, and edit it"),
            self.duplicate_selected,
        )
        self.joint_button = self._button(
            "jointButton",
            _("Joint theme day…"),
            _("Record one theme party day for several branches at once"),
            self.joint_theme_day,
        )
        self.delete_button = self._button(
            "deleteButton",
            _("Delete"),
            _("Move the selected activities to the recycle bin (Del)"),
            self.delete_selected,
        )
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for button in (
            self.new_button,
            self.joint_button,
            self.edit_button,
            self.duplicate_button,
            self.delete_button,
        ):
            top.addWidget(button)

        self.table = ActivityTable(self.model, self)
        self.table.editRequested.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_actions())
        self.edit_action = self._action("editAction", _("Edit…"), self.edit_selected)
        self.duplicate_action = self._action(
            "duplicateAction", _("Duplicate"), self.duplicate_selected
        )
        self.delete_action = self._action(
            "deleteAction", _("Delete to the recycle bin"), self.delete_selected
        )
        self.table.addActions([self.edit_action, self.duplicate_action, self.delete_action])

        self.empty = QWidget(self)
        self.empty.setObjectName("emptyState")
        self.empty_label = QLabel(self.empty)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "caption")
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.empty_label.setFont(font)
        self.empty_button = QPushButton(self.empty)
        self.empty_button.setObjectName("emptyAction")
        self.empty_button.clicked.connect(self._empty_action)
        box = QVBoxLayout(self.empty)
        box.addStretch(1)
        box.addWidget(self.empty_label)
        box.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self._empty_mode = ""

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("activityStack")
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.filters.search, self.filters.clear_button)
        self._update_actions()

    # ---- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        tree = load_tree(self.session.ledger)
        if self.session.year != self._year_seen:
            self._year_seen = self.session.year
            self.filters.follow_year(self.session.year, announce=False)
        self.filters.load_orgs(tree)
        self.model.reload(tree, self.filters.current())

    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.current())

    def _remember_selection(self) -> None:
        self._keep_uid = self.current_uid()
        index = self.table.currentIndex()
        self._keep_row = index.row() if index.isValid() else -1

    def _after_reload(self) -> None:
        self._show_count()
        self._show_empty_state(bool(self.model.rowCount()))
        row = self.model.loaded_row_of(self._keep_uid) if self._keep_uid else None
        if row is None and self._keep_row >= 0 and self.model.rowCount():
            row = min(self._keep_row, self.model.rowCount() - 1)
        if row is not None:
            self.table.select_row(row)
        self._update_actions()

    def _show_count(self) -> None:
        """How many activities the filters let through, or that they are being counted."""
        total = self.model.total()
        if total is None:
            self.filters.set_count(_("Counting activities…"))
            return
        self.filters.set_count(
            ngettext("{count} activity", "{count} activities", total).format(
                count=format_number(total)
            )
        )

    def _show_empty_state(self, any_shown: bool) -> None:
        if any_shown:
            self._empty_mode = ""
            self.stack.setCurrentWidget(self.table)
            return
        if not len(self.model.tree):
            self._empty_mode = "organizations"
            text = _(
                "No activities yet. Add the organizations first on the Organizations page, "
                "then press Ctrl+N to record an activity."
            )
            button = _("Go to Organizations")
        elif not any_activity(self.session.ledger):
            self._empty_mode = "new"
            text = _("No activities yet — press Ctrl+N to record one")
            button = _("New activity")
        elif not self.filters.narrows():
            self._empty_mode = "all_years"
            text = _("No activities in {year} — press Ctrl+N to record one").format(
                year=self.filters.default_year
            )
            button = _("Show all years")
        else:
            self._empty_mode = "clear"
            text = _("No activity matches the filters")
            button = _("Clear filters")
        self.empty_label.setText(text)
        self.empty_button.setText(button)
        self.stack.setCurrentWidget(self.empty)

    def empty_text(self) -> str:
        """What the page says when the table is empty ("" when it is not)."""
        return self.empty_label.text() if self.stack.currentWidget() is self.empty else ""

    def _empty_action(self) -> None:
        if self._empty_mode == "organizations":
            self.session.navigate("organizations")
        elif self._empty_mode == "new":
            self.new_activity()
        elif self._empty_mode == "all_years":
            self.filters.reset(all_years=True)
        else:
            self.filters.reset()

    # ---- selection --------------------------------------------------------------------------

    def current_uid(self) -> str | None:
        return self.table.current_uid()

    def selected_uids(self) -> list[str]:
        return self.table.selected_uids()

    def select_uid(self, uid: str) -> bool:
        """Select activity ``uid`` if the filters show it (reading pages up to its row)."""
        row = self.model.position(uid)
        if row is None or not self.model.ensure_loaded(row):
            return False
        self.table.select_row(row)
        self._update_actions()
        return True

    def show_record(self, record: object) -> None:
        if isinstance(record, dict):  # exactly these filters: the others are cleared
            wanted: dict[str, object] = {
                "year": self.filters.default_year,
                "month": None,
                "org_uid": None,
                "type": None,
                "category": None,
                "dimension": None,
                "featured": None,
                "text": "",
            }
            wanted.update(
                {k: record[k] for k in ("org_uid", "type", "year", "month") if k in record}
            )
            self.filters.set_values(**wanted)
            return
        if not isinstance(record, str) or self.select_uid(record):
            return
        try:
            activity = activities.get_activity(self.session.ledger, record)
        except NotFoundError:
            return
        self.filters.reset(year=activity["date"].year)
        self.select_uid(record)

    def focus_search(self) -> bool:
        self.filters.focus_search()
        return True

    def _update_actions(self) -> None:
        count = len(self.selected_uids())
        for one in (self.edit_button, self.duplicate_button, self.edit_action):
            one.setEnabled(count == 1)
        self.duplicate_action.setEnabled(count == 1)
        self.delete_button.setEnabled(count > 0)
        self.delete_action.setEnabled(count > 0)

    def _search_entered(self) -> None:
        """Enter in the search box: search now and go to the first row found."""
        self.filters.flush()
        if self.model.rowCount():
            if not self.selected_uids():
                self.table.select_row(0)
            self.table.setFocus()

    # ---- actions ----------------------------------------------------------------------------

    def _after_dialog(self, uid: str | None) -> None:
        if uid:
            self.ensure_fresh()
            self.show_record(uid)
        self.table.setFocus()

    def new_activity(self) -> None:
        """Ctrl+N: record an activity (of the organization the filter shows, if one)."""
        dialog = ActivityDialog(self.session, org_uid=self.filters.org_picker.uid(), parent=self)
        dialog.exec()
        self._after_dialog(dialog.saved_uid)

    def edit_selected(self) -> None:
        """Enter or a double click: edit the selected activity (or the one with the focus)."""
        uid = self.table.focused_uid()
        if uid is not None:
            self.edit_activity(uid)

    def edit_activity(self, uid: str) -> None:
        try:
            dialog = ActivityDialog(self.session, uid, parent=self)
        except LedgerError as error:
            messages.show_error(self, error)
            return
        dialog.exec()
        self._after_dialog(dialog.saved_uid or uid)

    def duplicate_selected(self) -> None:
        """Record a copy of the selected activity dated today, then edit the copy."""
        uid = self.current_uid()
        if uid is None:
            return
        ledger = self.session.ledger
        try:
            copy = self.session.write(
                lambda: activities.duplicate_activity(ledger, uid, date=date.today())
            )
        except LedgerError as error:
            messages.show_error(self, error)
            return
        self._after_dialog(copy)
        dialog = ActivityDialog(self.session, copy, parent=self)
        dialog.mark_copy()
        dialog.exec()
        self._after_dialog(dialog.saved_uid or copy)

    def joint_theme_day(self) -> None:
        dialog = JointActivityDialog(self.session, parent=self)
        dialog.exec()
        if dialog.saved_uids:
            self._after_dialog(dialog.saved_uids[0])

    def delete_selected(self) -> None:
        """Move the selected activities (and their files) to the recycle bin, after asking."""
        uids = self.selected_uids()
        if not uids:
            return
        if len(uids) == 1:
            row = self.model.activity(self.model.loaded_row_of(uids[0]) or 0)
            text = _("Move the activity “{date} {theme}” to the recycle bin?").format(
                date=format_date(row.date), theme=row.theme
            )
        else:
            text = ngettext(
                "Move {count} activity to the recycle bin?",
                "Move {count} activities to the recycle bin?",
                len(uids),
            ).format(count=len(uids))
        detail = ngettext(
            "Its attached files go with it. You can restore it from the recycle bin.",
            "Their attached files go with them. You can restore them from the recycle bin.",
            len(uids),
        )
        if not messages.confirm(self, text, _("Delete"), detail=detail, destructive=True):
            return
        ledger = self.session.ledger

        def delete() -> None:
            with ledger.transaction():
                for uid in uids:
                    activities.delete_activity(ledger, uid)

        try:
            self.session.write(delete)
        except LedgerError as error:
            messages.show_error(self, error)
