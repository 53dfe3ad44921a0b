"""报表: two tabs. “Figures”: the annual statistics of the session's year as a review sheet,
for one scope and an "as of" day, with the JSON export of ``stats --json`` and the ledger
export. “PDF report”: the printed reports (``report_panel.py``), generated, previewed, opened
and printed.

``show_record(uid)`` chooses the organization ``uid`` as the scope of both tabs (None: the whole
ledger);
``show_pdf_report()`` brings the PDF report tab forward.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.orgtree import OrgTree, load_tree
from desktop_app.errors import LedgerError, NotFoundError, StorageError
from desktop_app.gui import messages
from desktop_app.gui.figure_tables import FiguresModel, FitTableView
from desktop_app.gui.pages.base import Page
from desktop_app.gui.report_panel import ReportPanel
from desktop_app.gui.session import Session
from desktop_app.gui.stats_view import (
    StatsModels,
    activity_lines,
    compliance_lines,
    heading,
    organization_lines,
    rating_lines,
    scope_reference,
    task_lines,
)
from desktop_app.gui.widgets.org_picker import OrgPicker
from desktop_app.gui.worker import run_in_background
from desktop_app.i18n import _
from desktop_app.stats import compute_stats
from desktop_app.stats_json import write_stats_json
from desktop_app.storage import open_ledger

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')


def _section_font(label: QLabel) -> None:
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)


class _Card(QFrame):
    """One section of the sheet: a heading, sentences, then tables side by side."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"card_{name}")
        self.setProperty("role", "card")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(14, 10, 14, 12)
        self.layout_.setSpacing(6)
        self.title = QLabel(title, self)
        self.title.setObjectName(f"heading_{name}")
        _section_font(self.title)
        self.layout_.addWidget(self.title)
        self.lines: list[QLabel] = []
        self.name = name
        self.tables: dict[str, tuple[QLabel | None, FitTableView]] = {}

    def add_lines(self, count: int) -> list[QLabel]:
        for number in range(count):
            label = QLabel(self)
            label.setObjectName(f"line_{self.name}_{number}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.layout_.addWidget(label)
            self.lines.append(label)
        return self.lines

    def add_note(self, name: str) -> QLabel:
        note = QLabel(self)
        note.setObjectName(name)
        note.setProperty("role", "caption")
        note.setWordWrap(True)
        self.layout_.addWidget(note)
        return note

    def add_tables(self, tables: list[tuple[str, str, FiguresModel]], stretch: bool) -> None:
        """Tables side by side, each under its caption; ``stretch``: they share the width,
        else each is as wide as its columns."""
        row = QHBoxLayout()
        row.setSpacing(16)
        for name, caption, model in tables:
            column = QVBoxLayout()
            column.setSpacing(4)
            label = None
            if caption:
                label = QLabel(caption, self)
                label.setObjectName(f"caption_{name}")
                label.setProperty("role", "caption")
                column.addWidget(label)
            view = FitTableView(model, self, stretch=stretch)
            self.tables[name] = (label, view)
            view.setObjectName(f"table_{name}")
            view.setAccessibleName(caption or self.title.text())
            column.addWidget(view)
            column.addStretch(1)
            row.addLayout(column, 1 if stretch else 0)
        if not stretch:
            row.addStretch(1)
        self.layout_.addLayout(row)


class ReportsPage(Page):
    key = "reports"
    icon = "DocumentPrintPreview"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.stats: dict[str, Any] | None = None
        self._tree: OrgTree | None = None
        self._loading = False
        self.models = StatsModels(self)
        page_layout = QVBoxLayout(self)
        page_layout.setContentsMargins(18, 14, 18, 10)
        page_layout.setSpacing(8)
        title = QLabel(_(self.title), self)
        title.setObjectName("pageTitle")
        title.setProperty("role", "pageTitle")
        page_layout.addWidget(title)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("reportTabs")
        self.tabs.setDocumentMode(True)
        page_layout.addWidget(self.tabs, 1)
        self.figures_tab = QWidget(self.tabs)
        self.figures_tab.setObjectName("figuresTab")
        layout = QVBoxLayout(self.figures_tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self._build_header(layout)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setText(
            _(
                "This ledger has no organizations yet, so there are no figures to review. Add "
                "the party committee and its organizations on the Organizations page, or bring "
                "them in with File ▸ Import workbook… (Ctrl+I); the figures of the year then "
                "appear here."
            )
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setContentsMargins(0, 16, 0, 0)
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        self.empty_label.hide()
        layout.addWidget(self.empty_label, 1)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("sheetScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sheet = QWidget(self.scroll)
        self.sheet.setObjectName("sheet")
        self._build_sheet(self.sheet)
        self.scroll.setWidget(self.sheet)
        layout.addWidget(self.scroll, 1)
        self.tabs.addTab(self.figures_tab, _("Figures"))
        self.report_panel = ReportPanel(session, self.tabs)
        self.tabs.addTab(self.report_panel, _("PDF report"))
        self.scope_box.uidChanged.connect(self._scope_changed)
        self.as_of_box.dateChanged.connect(self._scope_changed)
        self.setTabOrder(self.scope_box, self.as_of_box)
        self.setTabOrder(self.as_of_box, self.export_json_button)
        self.setTabOrder(self.export_json_button, self.export_ledger_button)

    # ---- construction -------------------------------------------------------------------

    def _build_header(self, layout: QVBoxLayout) -> None:
        self.heading_label = QLabel(self)
        self.heading_label.setObjectName("headingLabel")
        self.heading_label.setProperty("role", "caption")
        self.heading_label.setWordWrap(True)
        layout.addWidget(self.heading_label)
        controls = QHBoxLayout()
        controls.setSpacing(8)
        scope_label = QLabel(_("&Scope:"), self)
        scope_label.setObjectName("scopeLabel")
        self.scope_box = OrgPicker(
            self, all_label=_("Whole ledger"), accept=lambda org: org.parent_uid is not None
        )
        self.scope_box.setObjectName("scopeBox")
        self.scope_box.setMinimumContentsLength(22)
        self.scope_box.setToolTip(_("The figures of one organization and everything under it"))
        scope_label.setBuddy(self.scope_box)
        as_of_label = QLabel(_("&As of:"), self)
        as_of_label.setObjectName("asOfLabel")
        self.as_of_box = QDateEdit(self)
        self.as_of_box.setObjectName("asOfBox")
        self.as_of_box.setCalendarPopup(True)
        self.as_of_box.setDisplayFormat("yyyy-MM-dd")
        self.as_of_box.setDate(QDate.currentDate())
        self.as_of_box.setToolTip(
            _(
                "The day the figures are taken: months after it are not yet due, and tasks and "
                "committee terms are judged on it"
            )
        )
        as_of_label.setBuddy(self.as_of_box)
        self.export_json_button = QPushButton(_("Export statistics (JSON)…"), self)
        self.export_json_button.setObjectName("exportJsonButton")
        self.export_json_button.setToolTip(
            _("Save these figures as the JSON file that “party-ledger stats --json” writes")
        )
        self.export_json_button.clicked.connect(self.export_json)
        self.export_ledger_button = QPushButton(_("Export ledger…"), self)
        self.export_ledger_button.setObjectName("exportLedgerButton")
        self.export_ledger_button.setToolTip(_("Write the whole ledger to an Excel workbook"))
        self.export_ledger_button.clicked.connect(self.export_ledger)
        for widget in (scope_label, self.scope_box, as_of_label, self.as_of_box):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.export_json_button)
        controls.addWidget(self.export_ledger_button)
        layout.addLayout(controls)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setProperty("role", "caption")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.hide()
        layout.addWidget(self.status_label)

    def _build_sheet(self, sheet: QWidget) -> None:
        models = self.models
        grid = QGridLayout(sheet)
        grid.setContentsMargins(0, 4, 4, 4)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        top = Qt.AlignmentFlag.AlignTop

        self.organizations_card = _Card("organizations", _("Organizations"), sheet)
        self.organizations_card.add_lines(3)
        self.organizations_card.add_tables(
            [("branch_types", _("Branches by type"), models.branch_types)], stretch=False
        )
        self.ratings_card = _Card("ratings", _("Star ratings"), sheet)
        self.ratings_card.add_lines(1)
        self.ratings_card.add_tables([("stars", "", models.stars)], stretch=False)

        self.activities_card = _Card("activities", _("Activities"), sheet)
        self.activities_card.add_lines(2)
        self.activities_note = self.activities_card.add_note("activitiesNote")
        self.activities_card.add_tables(
            [
                ("activity_types", _("By type"), models.activity_types),
                ("categories", _("Theme days by category"), models.categories),
                ("dimensions", _("By dimension"), models.dimensions),
            ],
            stretch=False,
        )

        self.compliance_card = _Card("compliance", _("Theme days"), sheet)
        self.compliance_card.add_lines(1)
        self.compliance_note = self.compliance_card.add_note("complianceNote")
        self.compliance_card.add_tables([("missing", "", models.missing)], stretch=True)

        self.creation_card = _Card("creation", _("Three-level creation"), sheet)
        self.creation_note = self.creation_card.add_note("creationNote")
        self.creation_card.add_tables([("creation", "", models.creation)], stretch=False)

        self.tasks_card = _Card("tasks", _("Tasks"), sheet)
        self.tasks_card.add_lines(1)

        self.terms_card = _Card("terms", _("Committee terms"), sheet)
        self.terms_note = self.terms_card.add_note("termsNote")
        self.terms_card.add_tables(
            [("expired", "", models.expired), ("expiring", "", models.expiring)], stretch=True
        )

        grid.addWidget(self.organizations_card, 0, 0, top)
        grid.addWidget(self.ratings_card, 0, 1, top)
        grid.addWidget(self.activities_card, 1, 0, 1, 2, top)
        grid.addWidget(self.compliance_card, 2, 0, 2, 1, top)
        grid.addWidget(self.creation_card, 2, 1, top)
        grid.addWidget(self.tasks_card, 3, 1, top)
        grid.addWidget(self.terms_card, 4, 0, 1, 2, top)
        grid.setRowStretch(5, 1)

    # ---- Page ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._tree = load_tree(self.session.ledger)
        self._loading = True
        try:
            self.scope_box.load(self._tree)
        finally:
            self._loading = False
        self.report_panel.refresh(self._tree)
        self.recompute()

    def show_record(self, record: object) -> None:
        if record is None or isinstance(record, str):
            self.scope_box.set_uid(record)
            self.report_panel.ui.scopeBox.set_uid(record)

    def show_pdf_report(self) -> None:
        """Bring the PDF report tab forward, the cursor on the kind of report."""
        self.tabs.setCurrentWidget(self.report_panel)
        self.report_panel.ui.kindBox.setFocus()

    # ---- the figures --------------------------------------------------------------------

    def scope(self) -> str | None:
        """The scope as ``compute_stats`` and ``stats --scope`` take it (None: everything)."""
        if self._tree is None:
            return None
        return scope_reference(self._tree, self.scope_box.uid())

    def as_of(self) -> date:
        day = self.as_of_box.date()
        return date(day.year(), day.month(), day.day())

    def _scope_changed(self, *args: object) -> None:
        if not self._loading and self._tree is not None:
            self.recompute()

    def recompute(self) -> None:
        try:
            stats = compute_stats(
                self.session.ledger, self.session.year, self.scope(), self.as_of()
            )
        except NotFoundError:
            # The organization chosen was renamed or deleted meanwhile: show the whole ledger.
            self._loading = True
            try:
                self.scope_box.set_uid(None)
            finally:
                self._loading = False
            stats = compute_stats(self.session.ledger, self.session.year, None, self.as_of())
        self.stats = stats
        self._show(stats)

    def _show(self, stats: dict[str, Any]) -> None:
        empty = not stats["scope"]
        self.empty_label.setVisible(empty)
        self.scroll.setVisible(not empty)
        self.heading_label.setText(heading(stats))
        self.models.fill(stats)
        for card, lines in (
            (self.organizations_card, organization_lines(stats)),
            (self.activities_card, activity_lines(stats)),
            (self.compliance_card, compliance_lines(stats)),
            (self.ratings_card, rating_lines(stats)),
            (self.tasks_card, task_lines(stats)),
        ):
            for label, text in zip(card.lines, lines, strict=True):
                label.setText(text)
        year = stats["year"]
        self._note(
            self.activities_note,
            ""
            if stats["activities"]["total"]
            else _(
                "No activities are recorded for {year} in this scope. Press Ctrl+N to record "
                "one, or choose another year above."
            ).format(year=year),
        )
        self._note(
            self.compliance_note,
            _("Branches with months that have no theme day:")
            if stats["compliance"]["branches_missing"]
            else _("Every branch held a theme day in every month due so far."),
        )
        self._note(
            self.creation_note,
            "" if stats["creation"] else _("No targets or candidates."),
        )
        terms = stats["terms"]
        self._note(
            self.terms_note,
            ""
            if terms["expired"] or terms["expiring_soon"]
            else _("No committee term has expired or ends within 180 days."),
        )
        for card, name, shown in (
            (self.compliance_card, "missing", stats["compliance"]["branches_missing"]),
            (self.creation_card, "creation", stats["creation"]),
            (self.terms_card, "expired", terms["expired"]),
            (self.terms_card, "expiring", terms["expiring_soon"]),
        ):
            card.tables[name][1].setVisible(bool(shown))

    @staticmethod
    def _note(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # ---- exports ------------------------------------------------------------------------

    def default_json_name(self) -> str:
        scope = (self.stats or {}).get("scope") or _("ledger")
        name = _("statistics-{scope}-{year}.json").format(scope=scope, year=self.session.year)
        return _UNSAFE_IN_FILE_NAMES.sub("_", name)

    def export_json(self) -> Path | None:
        """Ask where, then write the figures shown (computed again off the UI thread on a
        connection of its own) exactly as ``party-ledger stats --json`` prints them."""
        folder = self.session.ledger.path.resolve().parent
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export statistics"),
            str(folder / self.default_json_name()),
            _("JSON files (*.json)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".json":
            target = target.with_name(target.name + ".json")
        ledger_path, year, scope, as_of = (
            self.session.ledger.path,
            self.session.year,
            self.scope(),
            self.as_of(),
        )

        def job(progress: Any, cancelled: Any) -> Path:
            with open_ledger(ledger_path, create=False) as ledger:
                stats = compute_stats(ledger, year, scope, as_of)
            try:
                return write_stats_json(target, stats)
            except OSError as exc:
                raise StorageError(
                    _(
                        "The statistics could not be written to {path}: {reason}. Choose "
                        "another folder or file name."
                    ).format(path=target, reason=exc.strerror or exc)
                ) from exc

        try:
            written = run_in_background(self, _("Exporting the statistics…"), job)
        except LedgerError as error:
            messages.show_error(self, error)
            return None
        self.status_label.setText(_("The statistics were written to {path}.").format(path=written))
        self.status_label.show()
        return written

    def export_ledger(self) -> None:
        window = self.window()
        if hasattr(window, "export_ledger"):
            window.export_ledger()
