"""回收站: what was deleted, restoring it, purging it for good.

A deletion and everything deleted with it (an organization's subtree, an activity's files) is
one row; restore and purge act on the whole group. Restoring is an ordinary change (Ctrl+Z puts
it back in the bin); purging cannot be undone, so it asks first.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bin_items import BinEntry, describe_bin
from desktop_app.errors import LedgerError, NotFoundError
from desktop_app.formatting import format_number
from desktop_app.gui import messages
from desktop_app.gui.bin_model import (
    COUNT,
    DELETED_AT,
    KIND,
    ORGANIZATION,
    WHAT,
    BinModel,
    BinProxy,
)
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.storage import recycle
from desktop_app.storage.schema import RECORD_TABLES

EMPTY, TABLE = 0, 1


class RecycleBinPage(Page):
    key = "recycle_bin"
    icon = "EditDelete"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = BinModel(self)
        self.proxy = BinProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._update_buttons()

    # ---- construction -------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(8)

        heading = QLabel(_("Recycle bin"), self)
        heading.setObjectName("binTitle")
        heading.setProperty("role", "pageTitle")
        layout.addWidget(heading)
        about = QLabel(
            _(
                "Deleted records stay here until you purge them. Restoring a record brings back "
                "everything that was deleted with it."
            ),
            self,
        )
        about.setObjectName("binCaption")
        about.setProperty("role", "caption")
        about.setWordWrap(True)
        layout.addWidget(about)

        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("binFilter")
        self.filter_edit.setPlaceholderText(_("Filter the recycle bin"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(_("Filter the recycle bin"))
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.textChanged.connect(self._filter)
        bar.addWidget(self.filter_edit)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("binCount")
        self.count_label.setProperty("role", "caption")
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        self.restore_button = self._button("restoreButton", _("&Restore"), self.restore_selected)
        self.restore_button.setToolTip(_("Bring the selected records back (Enter)"))
        self.purge_button = self._button("purgeButton", _("&Purge…"), self.purge_selected)
        self.purge_button.setToolTip(_("Delete the selected records for good (Delete)"))
        self.empty_button = self._button("emptyButton", _("&Empty recycle bin…"), self.empty)
        self.empty_button.setToolTip(_("Delete everything in the recycle bin for good"))
        for button in (self.restore_button, self.purge_button, self.empty_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("binStack")
        self.stack.addWidget(self._empty_state())
        self.view = QTableView(self)
        self.view.setObjectName("binTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.sortByColumn(DELETED_AT, Qt.SortOrder.DescendingOrder)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (KIND, DELETED_AT, COUNT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ORGANIZATION, 280)
        self.view.activated.connect(lambda _index: self.restore_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.stack.addWidget(self.view)
        layout.addWidget(self.stack, 1)

        self.status = QLabel(self)
        self.status.setObjectName("binStatus")
        self.status.setProperty("role", "caption")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        QWidget.setTabOrder(self.filter_edit, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.purge_button)
        QWidget.setTabOrder(self.purge_button, self.empty_button)
        QWidget.setTabOrder(self.empty_button, self.view)

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _empty_state(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("binEmpty")
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        self.empty_label = QLabel(_("The recycle bin is empty."), box)
        self.empty_label.setObjectName("binEmptyLabel")
        self.empty_label.setProperty("role", "pageTitle")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.empty_label)
        hint = QLabel(
            _(
                "Records you delete on the other pages come here. You can restore them, or "
                "purge them for good."
            ),
            box,
        )
        hint.setObjectName("binEmptyHint")
        hint.setProperty("role", "caption")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addStretch(2)
        return box

    # ---- Page ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = [e.uid for e in self.selected_entries()]
        self.status.clear()
        self.model.set_entries(describe_bin(self.session.ledger))
        self._select(keep)
        self._update_state()

    def show_record(self, record: object) -> None:
        """``record`` is the uid of a deletion (the record the user deleted)."""
        if isinstance(record, str):
            self.filter_edit.clear()
            self._select([record])

    def focus_search(self) -> bool:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
        return True

    def delete_selected(self) -> None:
        self.purge_selected()

    # ---- selection ----------------------------------------------------------------------

    def selected_entries(self) -> list[BinEntry]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [
            self.model.entry(self.proxy.mapToSource(self.proxy.index(r, 0)).row()) for r in rows
        ]

    def _select(self, uids: list[str]) -> None:
        selection = self.view.selectionModel()
        selection.clearSelection()
        first = None
        for uid in uids:
            row = self.model.row_of(uid)
            if row < 0:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if not index.isValid():
                continue
            flags = (
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.select(index, flags)
            first = first or index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)
        self._update_buttons()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_buttons()

    def _update_state(self) -> None:
        total = self.model.rowCount()
        self.stack.setCurrentIndex(TABLE if total else EMPTY)
        records = sum(e.count for e in self.model.entries())
        self.count_label.setText(
            ngettext(
                "{count} deletion, {records} records in all",
                "{count} deletions, {records} records in all",
                total,
            ).format(count=format_number(total), records=format_number(records))
            if total
            else ""
        )
        self._update_buttons()

    def _update_buttons(self, *args: object) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.restore_button.setEnabled(chosen)
        self.purge_button.setEnabled(chosen)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    # ---- actions ------------------------------------------------------------------------

    def restore_selected(self) -> int:
        """Restore the selected deletions in one change (Ctrl+Z deletes them again); asks
        first when a live activity is identical to one coming back. Returns how many records
        came back."""
        entries = self.selected_entries()
        if not entries:
            return 0
        ledger = self.session.ledger
        try:
            twins = [t for e in entries for t in recycle.activity_twins(ledger, e.uid)]
        except NotFoundError:
            twins = []
        if twins and not messages.confirm(
            self,
            _(
                "The ledger already has an activity like this one (same organization, type, "
                "date and theme): {activities}. Both may be real, such as two meetings on one "
                "day. Restore it anyway?"
            ).format(activities=join_list(sorted(set(twins)))),
            _("Restore"),
        ):
            return 0
        order = {table: n for n, table in enumerate(RECORD_TABLES)}
        ordered = sorted(entries, key=lambda e: order.get(e.table, len(order)))

        def restore_all() -> int:
            with ledger.transaction():
                return sum(recycle.restore(ledger, e.uid) for e in ordered)

        try:
            count = self.session.write(restore_all)
        except LedgerError as error:
            messages.show_error(self, error)
            return 0
        self.status.setText(self._restored_text(entries, count))
        return count

    @staticmethod
    def _restored_text(entries: list[BinEntry], count: int) -> str:
        if len(entries) == 1:
            text = ngettext(
                "“{what}” was restored ({count} record).",
                "“{what}” was restored with what went with it ({count} records).",
                count,
            ).format(what=entries[0].what, count=count)
        else:
            text = ngettext(
                "{count} record was restored.", "{count} records were restored.", count
            ).format(count=count)
        return text + " " + _("Ctrl+Z moves it back to the recycle bin.")

    def purge_selected(self) -> int:
        """Purge the selected deletions for good, after asking. Returns how many records
        went."""
        entries = self.selected_entries()
        if not entries:
            return 0
        records = sum(e.count for e in entries)
        if len(entries) == 1:
            question = _("Purge “{what}” for good?").format(what=entries[0].what)
        else:
            question = ngettext(
                "Purge {count} item for good?", "Purge {count} items for good?", len(entries)
            ).format(count=len(entries))
        if not messages.confirm(
            self,
            question,
            _("Purge"),
            detail=self._purge_detail(records),
            destructive=True,
        ):
            return 0
        ledger = self.session.ledger

        def purge_all() -> int:
            total = 0
            for entry in entries:
                try:
                    total += recycle.purge(ledger, entry.uid)
                except NotFoundError:  # it went with an item purged before it
                    continue
            return total

        try:
            count = self.session.write(purge_all)
        except LedgerError as error:
            messages.show_error(self, error)
            return 0
        self.status.setText(
            ngettext("{count} record was purged.", "{count} records were purged.", count).format(
                count=count
            )
        )
        return count

    @staticmethod
    def _purge_detail(records: int) -> str:
        return ngettext(
            "{count} record will be deleted permanently. This cannot be undone.",
            "{count} records will be deleted permanently. This cannot be undone.",
            records,
        ).format(count=records)

    def empty(self) -> int:
        """Purge everything in the recycle bin, after asking. Returns how many records went."""
        entries = self.model.entries()
        if not entries:
            return 0
        if not messages.confirm(
            self,
            ngettext(
                "Empty the recycle bin: purge its {count} item for good?",
                "Empty the recycle bin: purge all its {count} items for good?",
                len(entries),
            ).format(count=len(entries)),
            _("Empty recycle bin"),
            detail=self._purge_detail(sum(e.count for e in entries)),
            destructive=True,
        ):
            return 0
        ledger = self.session.ledger
        try:
            count = self.session.write(lambda: recycle.empty_bin(ledger))
        except LedgerError as error:
            messages.show_error(self, error)
            return 0
        self.status.setText(
            ngettext(
                "The recycle bin was emptied: {count} record was purged.",
                "The recycle bin was emptied: {count} records were purged.",
                count,
            ).format(count=count)
        )
        return count
