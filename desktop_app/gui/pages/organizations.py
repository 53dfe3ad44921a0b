"""组织架构: the organization tree with its member counts; add, edit, move, dissolve,
reinstate and delete organizations (``OrgActions``).

``show_record(uid)`` (or ``{"uid": uid}``) expands the tree down to the organization and
selects it; a dissolved one is shown by ticking “Show dissolved”, a filter that hides it is
cleared.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.orgtree import Organization, load_tree
from desktop_app.formatting import format_number
from desktop_app.gui.org_actions import OrgActions
from desktop_app.gui.org_tree_model import UID_ROLE, Column, OrgFilterProxy, OrgTreeModel
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.i18n import _, ngettext
from desktop_app.stats import organization_figures

RESIZE_PRECISION = 200


class OrgTreeView(QTreeView):
    """The tree; Enter asks to edit the current organization."""

    editRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.editRequested.emit()
            return
        super().keyPressEvent(event)


class OrganizationsPage(Page):
    key = "organizations"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = OrgTreeModel(self)
        self.proxy = OrgFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.org_actions = OrgActions(
            self,
            session,
            self.model,
            current=self.current_org,
            show=self.show_record,
            say=self._say,
        )
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        heading = QHBoxLayout()
        title = QLabel(_(self.title), self)
        title.setObjectName("pageTitle")
        title.setProperty("role", "pageTitle")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setProperty("role", "caption")
        self.summary.setWordWrap(True)  # a longer translation wraps rather than widening the page
        heading.addWidget(title)
        heading.addSpacing(16)
        heading.addWidget(self.summary, 1)
        layout.addLayout(heading)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("organizationsStack")
        self.stack.addWidget(self._build_tree_panel())
        self.stack.addWidget(self._build_empty_panel())
        layout.addWidget(self.stack, 1)
        self.org_actions.update()

    # ---- construction -------------------------------------------------------------------

    def _build_tree_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(panel)
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText(_("Filter by name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(180)
        self.filter_edit.setAccessibleName(_("Filter organizations by name"))
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.returnPressed.connect(self.view_focus)
        self.dissolved_box = QCheckBox(_("Show dissolved"), panel)
        self.dissolved_box.setObjectName("showDissolved")
        self.dissolved_box.toggled.connect(self._show_dissolved_changed)
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.dissolved_box)
        bar.addStretch(1)
        for action in self.org_actions.all:
            button = QToolButton(panel)
            button.setObjectName(action.objectName().replace("Action", "Button"))
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        layout.addLayout(bar)
        self.view = OrgTreeView(panel)
        self.view.setObjectName("organizationTree")
        self.view.setModel(self.proxy)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setExpandsOnDoubleClick(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _index: self.org_actions.edit_organization())
        self.view.editRequested.connect(self.org_actions.edit_organization)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self.org_actions.update())
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(56)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        # Columns fit the rows in view and 200 more (Qt's default, 1,000, measured every row of
        # a whole university's tree at each refresh: 0.8 s instead of 0.25 s, the same widths).
        header.setResizeContentsPrecision(RESIZE_PRECISION)
        layout.addWidget(self.view, 1)
        hint = QLabel(
            _(
                "Bold figures are totals of a college or of the party committee with everything "
                "under it. Double-click or press Enter to edit; right-click for more."
            ),
            panel,
        )
        hint.setObjectName("treeHint")
        hint.setProperty("role", "caption")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.notice = QLabel(panel)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.setTabOrder(self.filter_edit, self.dissolved_box)
        self.setTabOrder(self.dissolved_box, self.view)
        return panel

    def _build_empty_panel(self) -> QWidget:
        panel = QWidget(self)
        panel.setObjectName("emptyPanel")
        card = QFrame(panel)
        card.setProperty("role", "card")
        card.setFixedWidth(600)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        heading = QLabel(_("The ledger has no organizations yet."), card)
        heading.setProperty("role", "pageTitle")
        heading.setWordWrap(True)
        text = QLabel(
            _(
                "Start with the party committee, the root of the tree; then add its colleges and "
                "their party branches. Or import a workbook that lists them (File ▸ Import "
                "workbook…, Ctrl+I)."
            ),
            card,
        )
        text.setObjectName("emptyText")
        text.setWordWrap(True)
        self.add_committee_button = QPushButton(_("Add the party committee"), card)
        self.add_committee_button.setObjectName("addCommitteeButton")
        self.add_committee_button.clicked.connect(self.org_actions.add_organization)
        inner.addWidget(heading)
        inner.addWidget(text)
        inner.addWidget(self.add_committee_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(panel)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return panel

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.current_uid()
        collapsed = self._collapsed_uids() if self._loaded else set()
        tree = load_tree(self.session.ledger)
        self.model.load(tree)
        self._loaded = True
        self.stack.setCurrentIndex(1 if len(tree) == 0 else 0)
        self._update_summary()
        self.view.expandAll()
        for index in self._walk():
            if index.data(UID_ROLE) in collapsed:
                self.view.collapse(index)
        if keep is None or not self.select_uid(keep):
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self.org_actions.update()

    def _update_summary(self) -> None:
        tree = self.model.tree
        dissolved = sum(1 for o in tree if not o.active)
        self.dissolved_box.setText(
            _("Show dissolved ({count})").format(count=dissolved)
            if dissolved
            else _("Show dissolved")
        )
        if tree.root is None:
            self.summary.clear()
            return
        # The figures of the statistics (active organizations), as the dashboard shows them.
        f = organization_figures(tree, tree.subtree(tree.root.uid))
        parts = [
            ngettext("{n} college", "{n} colleges", f["colleges"]),
            ngettext("{n} branch", "{n} branches", f["branches"]),
            ngettext("{n} full member", "{n} full members", f["members_full"]),
            ngettext(
                "{n} probationary member", "{n} probationary members", f["members_probationary"]
            ),
            ngettext("{n} activist", "{n} activists", f["activists"]),
        ]
        keys = ("colleges", "branches", "members_full", "members_probationary", "activists")
        self.summary.setText(
            _(" · ").join(
                part.format(n=format_number(f[key])) for part, key in zip(parts, keys, strict=True)
            )
        )

    def _walk(self, parent: QModelIndex | None = None) -> list[QModelIndex]:
        parent = QModelIndex() if parent is None else parent
        found = []
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            found.append(index)
            found += self._walk(index)
        return found

    def _collapsed_uids(self) -> set[str]:
        return {
            str(i.data(UID_ROLE))
            for i in self._walk()
            if self.proxy.hasChildren(i) and not self.view.isExpanded(i)
        }

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.view.expandAll()
        wanted = self.proxy.text
        current = self.view.currentIndex()
        if not current.isValid() or wanted not in str(current.data()).casefold():
            # Select the first organization that matches, ready for Enter to edit it.
            matches = [i for i in self._walk() if wanted in str(i.data()).casefold()]
            if matches:
                self.view.setCurrentIndex(matches[0])
                self.view.scrollTo(matches[0])
        self.org_actions.update()

    def _show_dissolved_changed(self, show: bool) -> None:
        keep = self.current_uid()
        self.proxy.set_show_dissolved(show)
        self.view.expandAll()
        if keep is not None:
            self.select_uid(keep)
        self.org_actions.update()

    def view_focus(self) -> None:
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # ---- selection ----------------------------------------------------------------------

    def current_uid(self) -> str | None:
        index = self.view.currentIndex()
        uid = index.data(UID_ROLE) if index.isValid() else None
        return str(uid) if uid else None

    def current_org(self) -> Organization | None:
        uid = self.current_uid()
        return self.model.tree.by_uid.get(uid) if uid else None

    def select_uid(self, uid: str) -> bool:
        """Select ``uid`` if the filters show it; False otherwise."""
        index = self.proxy.mapFromSource(self.model.index_of(uid))
        if not index.isValid():
            return False
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def show_record(self, record: object) -> None:
        uid = record.get("uid") if isinstance(record, dict) else record
        if not isinstance(uid, str) or uid not in self.model.tree.by_uid:
            return
        if not self.model.tree.by_uid[uid].active and not self.proxy.show_dissolved:
            self.dissolved_box.setChecked(True)
        if not self.select_uid(uid):
            self.filter_edit.clear()
            self.select_uid(uid)
        self.view.setFocus()

    def focus_search(self) -> bool:
        if self.stack.currentIndex() != 0:
            return False
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()
        return True

    def delete_selected(self) -> None:
        self.org_actions.delete_organization()

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in self.org_actions.all:
            if action in (self.org_actions.dissolve, self.org_actions.delete):
                menu.addSeparator()
            if action.isEnabled():
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(_("Expand all"), self.view.expandAll)
        menu.addAction(_("Collapse to the colleges"), self._collapse_to_colleges)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _collapse_to_colleges(self) -> None:
        self.view.collapseAll()
        self.view.expand(self.proxy.index(0, 0))
