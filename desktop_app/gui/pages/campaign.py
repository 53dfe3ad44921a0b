"""三级联创: the plan's targets with the progress made, the candidates grouped by the step they
have reached, and the brands and innovation projects."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.candidate_steps import next_statuses
from desktop_app.domain.enums import CREATION_LEVELS, GRADES
from desktop_app.domain.orgtree import OrgTree, load_tree
from desktop_app.gui import messages
from desktop_app.gui.brand_panel import BrandsPanel
from desktop_app.gui.campaign_dialogs import AdvanceDialog, CandidateDialog, TargetDialog
from desktop_app.gui.campaign_models import (
    CandidateRow,
    CandidatesModel,
    TargetRow,
    TargetsModel,
    candidate_rows,
    target_rows,
)
from desktop_app.gui.campaign_widgets import (
    SORT_ROLE,
    EmptyState,
    ProgressDelegate,
    delete_after_asking,
    make_button,
    make_table,
    select_uid,
)
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.i18n import _
from desktop_app.stats import compute_stats


class CampaignPage(Page):
    key = "campaign"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.tree = OrgTree([])
        layout = QVBoxLayout(self)
        heading = QLabel(_("Three-level creation (三级联创)"), self)
        heading.setProperty("role", "pageTitle")
        layout.addWidget(heading)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("campaignSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_targets())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("campaignTabs")
        self.tabs.addTab(self._build_candidates(), _("Candidates"))
        self.brands = BrandsPanel(session, self)
        self.tabs.addTab(self.brands, _("Brands and projects"))
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout.addWidget(splitter, 1)

    # ---- construction -------------------------------------------------------------------

    def _build_targets(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        label = QLabel(_("Targets and progress"), box)
        label.setProperty("role", "caption")
        bar.addWidget(label)
        bar.addStretch(1)
        self.add_target_button = make_button(box, _("Add target…"), "addTarget", self.add_target)
        self.edit_target_button = make_button(box, _("Edit…"), "editTarget", self.edit_target)
        self.delete_target_button = make_button(
            box, _("Delete"), "deleteTarget", self.delete_target
        )
        for button in (self.add_target_button, self.edit_target_button, self.delete_target_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.targets_model = TargetsModel(self)
        self.targets_proxy = QSortFilterProxyModel(self)
        self.targets_proxy.setSourceModel(self.targets_model)
        self.targets_proxy.setSortRole(SORT_ROLE)
        self.targets_view = make_table(box, "targetsView")
        self.targets_view.setModel(self.targets_proxy)
        self.targets_view.setItemDelegateForColumn(TargetsModel.PROGRESS, ProgressDelegate(self))
        header = self.targets_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TargetsModel.PROGRESS, QHeaderView.ResizeMode.Stretch)
        self.targets_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.targets_view.activated.connect(lambda _index: self.edit_target())
        self.targets_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.targets_empty = EmptyState(
            _(
                "No creation targets yet. Add how many model branches, benchmark colleges and "
                "model universities the plan aims for in each period; the progress of the "
                "accepted candidates then shows here."
            ),
            box,
        )
        self.targets_empty.add_button(_("Add target…"), self.add_target, "emptyAddTarget")
        self.targets_empty.finish()
        self.targets_stack = QStackedWidget(box)
        self.targets_stack.addWidget(self.targets_view)
        self.targets_stack.addWidget(self.targets_empty)
        layout.addWidget(self.targets_stack, 1)
        return box

    def _build_candidates(self) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        bar = QHBoxLayout()
        self.search = QLineEdit(box)
        self.search.setObjectName("candidateSearch")
        self.search.setPlaceholderText(_("Find a candidate by organization"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Find a candidate"))
        bar.addWidget(self.search, 1)
        self.add_candidate_button = make_button(
            box, _("Add candidate…"), "addCandidate", self.add_candidate
        )
        self.advance_button = make_button(box, _("Advance…"), "advanceCandidate", self.advance)
        self.delete_candidate_button = make_button(
            box, _("Delete"), "deleteCandidate", self.delete_candidate
        )
        for button in (
            self.add_candidate_button,
            self.advance_button,
            self.delete_candidate_button,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.candidates_model = CandidatesModel(self)
        self.candidates_proxy = QSortFilterProxyModel(self)
        self.candidates_proxy.setSourceModel(self.candidates_model)
        self.candidates_proxy.setRecursiveFilteringEnabled(True)
        self.candidates_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.candidates_proxy.setFilterKeyColumn(CandidatesModel.ORG)
        self.search.textChanged.connect(self._filter_candidates)
        self.candidates_view = QTreeView(box)
        self.candidates_view.setObjectName("candidatesView")
        self.candidates_view.setModel(self.candidates_proxy)
        self.candidates_view.setUniformRowHeights(True)
        self.candidates_view.setAlternatingRowColors(True)
        self.candidates_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.candidates_view.header()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(60)
        self.candidates_view.setExpandsOnDoubleClick(False)  # ``activated`` toggles a group
        self.candidates_view.activated.connect(self._candidate_activated)
        self.candidates_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.candidates_empty = EmptyState(
            _(
                "No candidates yet. Enter an organization for a level and grade of the "
                "campaign; advance it step by step as it is applied for, approved and accepted."
            ),
            box,
        )
        self.candidates_empty.add_button(
            _("Add candidate…"), self.add_candidate, "emptyAddCandidate"
        )
        self.candidates_empty.finish()
        self.candidates_stack = QStackedWidget(box)
        self.candidates_stack.addWidget(self.candidates_view)
        self.candidates_stack.addWidget(self.candidates_empty)
        layout.addWidget(self.candidates_stack, 1)
        return box

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        ledger = self.session.ledger
        self.tree = load_tree(ledger)
        keep_target = self._selected_target()
        keep_candidate = self._selected_candidate()
        creation = compute_stats(ledger, self.session.year)["creation"]
        self.targets_model.load(target_rows(ledger, creation))
        self.targets_stack.setCurrentIndex(0 if self.targets_model.rowCount() else 1)
        if keep_target is not None and keep_target.uid:
            select_uid(self.targets_view, keep_target.uid)
        self._fit_targets()
        self.candidates_model.load(candidate_rows(ledger, self.tree))
        self.candidates_view.expandAll()
        self.candidates_view.header().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        self.candidates_stack.setCurrentIndex(0 if self.candidates_model.total() else 1)
        self.tabs.setTabText(
            0, _("Candidates ({count})").format(count=self.candidates_model.total())
        )
        if keep_candidate is not None:
            self._select_candidate(keep_candidate.uid)
        brands = self.brands.load(ledger, self.tree)
        self.tabs.setTabText(1, _("Brands and projects ({count})").format(count=brands))
        self._update_buttons()

    def _fit_targets(self) -> None:
        """Give the targets the height of their rows (up to 45% of the page), the candidates
        the rest."""
        view = self.targets_view
        rows = max(self.targets_model.rowCount(), 3)
        wanted = (
            view.horizontalHeader().height()
            + rows * view.verticalHeader().defaultSectionSize()
            + 2 * view.frameWidth()
            + self.add_target_button.sizeHint().height()
            + 12
        )
        total = sum(self.splitter.sizes()) or self.height()
        top = min(wanted, int(total * 0.45))
        self.splitter.setSizes([top, max(total - top, 1)])

    def _filter_candidates(self, text: str) -> None:
        self.candidates_proxy.setFilterFixedString(text.strip())
        self.candidates_view.expandAll()

    # ---- selection ----------------------------------------------------------------------

    def _selected_target(self) -> TargetRow | None:
        index = self.targets_view.currentIndex()
        if not index.isValid() or not self.targets_view.selectionModel().hasSelection():
            return None
        return self.targets_model.rows[self.targets_proxy.mapToSource(index).row()]

    def _selected_candidate(self) -> CandidateRow | None:
        index = self.candidates_view.currentIndex()
        if not index.isValid() or not self.candidates_view.selectionModel().hasSelection():
            return None
        return self.candidates_model.candidate(self.candidates_proxy.mapToSource(index))

    def _update_buttons(self) -> None:
        target = self._selected_target()
        self.edit_target_button.setEnabled(target is not None)
        self.delete_target_button.setEnabled(target is not None and target.uid is not None)
        candidate = self._selected_candidate()
        self.advance_button.setEnabled(
            candidate is not None and bool(next_statuses(candidate.status))
        )
        self.delete_candidate_button.setEnabled(candidate is not None)

    def show_record(self, record: object) -> None:
        """Select a candidate (its uid) or a target (its uid)."""
        if not isinstance(record, str):
            return
        if self.candidates_model.index_of(record).isValid():
            if not self._select_candidate(record):
                self.search.clear()  # the search hides it
                self._select_candidate(record)
            self.tabs.setCurrentIndex(0)
            return
        select_uid(self.targets_view, record)

    def _select_candidate(self, uid: str) -> bool:
        index = self.candidates_proxy.mapFromSource(self.candidates_model.index_of(uid))
        if not index.isValid():
            return False
        self.candidates_view.setCurrentIndex(index)
        self.candidates_view.scrollTo(index)
        return True

    def focus_search(self) -> bool:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()
        return True

    # ---- actions ------------------------------------------------------------------------

    def add_target(self) -> None:
        dialog = TargetDialog(self.session, None, self)
        if dialog.exec():
            select_uid(self.targets_view, str(dialog.result_value))

    def edit_target(self) -> None:
        target = self._selected_target()
        if target is None:
            return
        dialog = TargetDialog(self.session, target, self)
        if dialog.exec():
            select_uid(self.targets_view, str(dialog.result_value))

    def delete_target(self) -> None:
        target = self._selected_target()
        if target is None or target.uid is None:
            return
        question = _("Delete the target for {what}?").format(what=self._what(target))
        delete_after_asking(self, self.session, "creation_targets", target.uid, question)

    def add_candidate(self) -> None:
        dialog = CandidateDialog(self.session, self.tree, self)
        if dialog.exec():
            self.show_record(str(dialog.result_value))

    def _candidate_activated(self, index: QModelIndex) -> None:
        if self._selected_candidate() is not None:
            self.advance()
        else:  # a status group: open or close it
            self.candidates_view.setExpanded(index, not self.candidates_view.isExpanded(index))

    def advance(self) -> None:
        candidate = self._selected_candidate()
        if candidate is None:
            return
        if not next_statuses(candidate.status):
            messages.show_info(
                self,
                _("“{path}” has reached a final step; there is no step after it.").format(
                    path=candidate.path
                ),
            )
            return
        dialog = AdvanceDialog(self.session, candidate, self)
        if dialog.exec():
            self.show_record(candidate.uid)

    def delete_candidate(self) -> None:
        candidate = self._selected_candidate()
        if candidate is None:
            return
        question = _("Delete the candidacy of “{path}”?").format(path=candidate.path)
        delete_after_asking(self, self.session, "creation_candidates", candidate.uid, question)

    def delete_selected(self) -> None:
        if self.targets_view.hasFocus():
            self.delete_target()
        elif self.tabs.currentIndex() == 1:
            self.brands.delete_selected()
        else:
            self.delete_candidate()

    @staticmethod
    def _what(target: TargetRow) -> str:
        text = _("{level} ({grade})").format(
            level=CREATION_LEVELS.label(target.level), grade=GRADES.label(target.grade)
        )
        return f"{text} {target.period}".strip()
