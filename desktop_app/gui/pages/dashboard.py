"""工作台: the year at a glance — key figures, what is missing, 三级联创 progress and the
activities month by month.

Every figure is read from ``compute_stats`` (called once per refresh), the reminders from
``desktop_app.reminders.reminders`` and the chart from ``activities_by_month``; the page only
lays them out. Activating a reminder opens its record: a branch's activities, an organization,
a task.
"""

from __future__ import annotations

import heapq
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import format_date, format_number, format_percent
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.gui.widgets.figure_card import FigureCard
from desktop_app.gui.widgets.month_chart import MonthChart
from desktop_app.gui.widgets.progress_table import ProgressTable
from desktop_app.gui.widgets.reminder_table import (
    TARGET_ROLE,
    ReminderModel,
    ReminderView,
    reminder_rows,
)
from desktop_app.i18n import N_, _
from desktop_app.reminders import reminders
from desktop_app.stats import activities_by_month, compute_stats

CARDS_PER_ROW = 6
MIN_SUBJECT_WIDTH = 360
SUBJECTS_MEASURED = 32
"""The reminders whose subjects are the longest, measured to size the subject column (a whole
university has thousands; measuring every one would take longer than the rest of the page)."""
FIGURES = (
    ("colleges", N_("College organizations")),
    ("branches", N_("Party branches")),
    ("members_full", N_("Full members")),
    ("members_probationary", N_("Probationary members")),
    ("activists", N_("Activists")),
    ("activities", N_("Activities of the year")),
    ("theme_day_rate", N_("Theme-day coverage")),
    ("attendance_rate", N_("Attendance rate")),
    ("featured", N_("Featured cases")),
    ("four_plus", N_("Four stars or more")),
    ("tasks", N_("Tasks done")),
    ("overdue", N_("Overdue tasks")),
)


def figures(stats: dict[str, Any]) -> dict[str, tuple[str, str]]:
    """The text of every card and its tooltip, from the statistics as they are."""
    orgs, acts, tasks = stats["organizations"], stats["activities"], stats["tasks"]
    ratings = stats["ratings"]
    year, as_of = stats["year"], format_date(stats["as_of"])
    number, percent = format_number, format_percent
    return {
        "colleges": (number(orgs["colleges"]), _("Active college-level party organizations")),
        "branches": (number(orgs["branches"]), _("Active party branches")),
        "members_full": (number(orgs["members_full"]), _("Full party members")),
        "members_probationary": (
            number(orgs["members_probationary"]),
            _("Probationary party members"),
        ),
        "activists": (number(orgs["activists"]), _("Activists applying to join the party")),
        "activities": (
            number(acts["total"]),
            _("Activities dated in {year}, every type").format(year=year),
        ),
        "theme_day_rate": (
            percent(stats["compliance"]["theme_day_rate"]),
            _("Branch-months with a theme day, of the months due up to {as_of}").format(
                as_of=as_of
            ),
        ),
        "attendance_rate": (
            percent(acts["attendance_rate"]),
            _("Actual attendance over expected attendance, activities with an expected count"),
        ),
        "featured": (number(acts["featured"]), _("Activities chosen as featured cases")),
        "four_plus": (
            percent(ratings["four_plus_ratio"]),
            _("Share of the {rated} organizations rated for {year}").format(
                rated=number(ratings["rated"]), year=year
            ),
        ),
        "tasks": (
            _("{done} / {total}").format(done=number(tasks["done"]), total=number(tasks["total"])),
            _("Tasks of the task list done, of all tasks"),
        ),
        "overdue": (
            number(tasks["overdue"]),
            _("Tasks not done whose deadline is before {as_of}").format(as_of=as_of),
        ),
    }


def _section_title(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def _card(parent: QWidget, name: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 10)
    layout.setSpacing(6)
    return frame, layout


class DashboardPage(Page):
    key = "dashboard"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.stats: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("dashboardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QWidget(self.scroll)
        content.setObjectName("dashboardContent")
        self.scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(16, 10, 16, 12)
        layout.setSpacing(10)

        header = QHBoxLayout()
        self.heading = QLabel(content)
        self.heading.setObjectName("dashboardTitle")
        self.heading.setProperty("role", "pageTitle")
        self.as_of_label = QLabel(content)
        self.as_of_label.setObjectName("asOf")
        self.as_of_label.setProperty("role", "caption")
        header.addWidget(self.heading)
        header.addSpacing(12)
        header.addWidget(self.as_of_label, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        layout.addLayout(header)

        layout.addWidget(self._build_empty_panel(content))
        layout.addLayout(self._build_cards(content))

        middle = QHBoxLayout()
        middle.setSpacing(10)
        middle.addWidget(self._build_chart(content), 3)
        middle.addWidget(self._build_creation(content), 2)
        layout.addLayout(middle)
        layout.addWidget(self._build_reminders(content), 1)

    # ---- construction -------------------------------------------------------------------

    def _build_empty_panel(self, parent: QWidget) -> QFrame:
        self.empty_panel, box = _card(parent, "emptyLedger")
        box.addWidget(_section_title(_("This ledger is empty"), self.empty_panel))
        self.empty_text = QLabel(
            _(
                "This ledger has no organizations yet: import a workbook (File ▸ Import "
                "workbook…) or add the party committee on the Organizations page."
            ),
            self.empty_panel,
        )
        self.empty_text.setObjectName("emptyLedgerText")
        self.empty_text.setWordWrap(True)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(_("Import a workbook…"), self.empty_panel)
        self.import_button.setObjectName("importWorkbook")
        self.import_button.clicked.connect(self.import_workbook)
        self.add_root_button = QPushButton(_("Go to Organizations"), self.empty_panel)
        self.add_root_button.setObjectName("addCommittee")
        self.add_root_button.clicked.connect(lambda: self.session.navigate("organizations"))
        self.add_root_button.setDefault(True)
        self.demo_button = QPushButton(_("Look at the demo ledger"), self.empty_panel)
        self.demo_button.setObjectName("openDemo")
        self.demo_button.setToolTip(
            _("Opens an example university in a ledger file of its own; this ledger is kept.")
        )
        self.demo_button.clicked.connect(self.open_demo)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_root_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        box.addWidget(self.empty_text)
        box.addLayout(buttons)
        self.empty_panel.hide()
        return self.empty_panel

    def _build_cards(self, parent: QWidget) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        self.cards: dict[str, FigureCard] = {}
        for number, (key, caption) in enumerate(FIGURES):
            card = FigureCard(key, _(caption), parent)
            self.cards[key] = card
            grid.addWidget(card, number // CARDS_PER_ROW, number % CARDS_PER_ROW)
        for column in range(CARDS_PER_ROW):
            grid.setColumnStretch(column, 1)
        return grid

    def _build_chart(self, parent: QWidget) -> QFrame:
        frame, box = _card(parent, "chartCard")
        self.chart_title = _section_title("", frame)
        self.chart = MonthChart(frame)
        self.chart.setMinimumHeight(190)
        box.addWidget(self.chart_title)
        box.addWidget(self.chart, 1)
        return frame

    def _build_creation(self, parent: QWidget) -> QFrame:
        frame, box = _card(parent, "creationCard")
        box.addWidget(_section_title(_("Three-level creation: achieved of target"), frame))
        self.progress = ProgressTable(frame)
        self.no_creation = QLabel(
            _(
                "No targets or candidates yet. Set the targets of the plan and enter the "
                "candidate units on the three-level creation page."
            ),
            frame,
        )
        self.no_creation.setObjectName("noCreation")
        self.no_creation.setProperty("role", "caption")
        self.no_creation.setWordWrap(True)
        self.open_campaign = QPushButton(_("Open three-level creation"), frame)
        self.open_campaign.setObjectName("openCampaign")
        self.open_campaign.clicked.connect(lambda: self.session.navigate("campaign"))
        box.addWidget(self.progress)
        box.addWidget(self.no_creation)
        box.addWidget(self.open_campaign, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(1)
        return frame

    def _build_reminders(self, parent: QWidget) -> QFrame:
        frame, box = _card(parent, "remindersCard")
        top = QHBoxLayout()
        self.reminders_title = _section_title(_("Reminders"), frame)
        self.reminders_hint = QLabel(
            _("Double-click a reminder or press Enter to open its record."), frame
        )
        self.reminders_hint.setProperty("role", "caption")
        top.addWidget(self.reminders_title)
        top.addSpacing(12)
        top.addWidget(self.reminders_hint)
        top.addStretch(1)
        box.addLayout(top)

        # The model sorts itself: thousands of reminders, no proxy calling Python per comparison.
        self.reminder_model = ReminderModel(frame)
        self.reminder_view = ReminderView(frame)
        self.reminder_view.setObjectName("reminders")
        self.reminder_view.setModel(self.reminder_model)
        self.reminder_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.reminder_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.reminder_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reminder_view.setSortingEnabled(True)
        self.reminder_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.reminder_view.setAlternatingRowColors(True)
        self.reminder_view.setWordWrap(False)
        self.reminder_view.verticalHeader().hide()
        self.reminder_view.verticalHeader().setDefaultSectionSize(
            self.reminder_view.fontMetrics().height() + 8
        )
        self.reminder_view.setMinimumHeight(120)
        header = self.reminder_view.horizontalHeader()
        # Sized by ``fit_reminder_columns`` at each refresh, from a few rows, not all of them.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.reminder_view.activated.connect(self.open_reminder)

        self.no_reminders = QLabel(frame)
        self.no_reminders.setObjectName("noReminders")
        self.no_reminders.setWordWrap(True)
        self.no_reminders.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.reminder_view, 1)
        box.addWidget(self.no_reminders, 1)
        return frame

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        ledger, year, today = self.session.ledger, self.session.year, date.today()
        self.stats = compute_stats(ledger, year, as_of=today)
        found = reminders(ledger, year, today, stats=self.stats)
        by_month = activities_by_month(ledger, year)
        empty = not self.stats["scope"]

        self.heading.setText(_("Dashboard {year}").format(year=year))
        self.as_of_label.setText(_("as of {date}").format(date=format_date(today)))
        self.empty_panel.setVisible(empty)
        for key, (text, tooltip) in figures(self.stats).items():
            self.cards[key].set_figure(text, tooltip)

        self.chart_title.setText(_("Activities of {year} by month").format(year=year))
        if empty:
            no_activities = _("No activities yet.")
        else:
            no_activities = _(
                "No activities recorded in {year} yet. Press Ctrl+N to record one."
            ).format(year=year)
        self.chart.set_data(by_month, year, no_activities)

        creation = self.stats["creation"]
        self.progress.set_rows(creation)
        self.progress.setVisible(bool(creation))
        self.no_creation.setVisible(not creation)
        self.open_campaign.setVisible(not creation and not empty)

        rows = reminder_rows(found)
        self.reminder_model.set_rows(rows)
        self.fit_reminder_columns()
        self.reminders_title.setText(
            _("Reminders ({count})").format(count=len(rows)) if rows else _("Reminders")
        )
        if empty:
            self.no_reminders.setText(
                _("Reminders of missing theme days, meetings, elections and tasks appear here.")
            )
        else:
            self.no_reminders.setText(
                _(
                    "Nothing is missing: every branch has held its theme days and required "
                    "meetings, no committee term ends within 180 days and no task is overdue."
                )
            )
        self.reminder_view.setVisible(bool(rows))
        self.reminders_hint.setVisible(bool(rows))
        self.no_reminders.setVisible(not rows)

    def fit_reminder_columns(self) -> None:
        """The kind column as wide as its widest kind, the subject column as wide as its
        longest subjects (measured on the ``SUBJECTS_MEASURED`` longest) up to half the table:
        long task titles are elided (the tooltip has them whole) so the text column keeps
        room."""
        view, shown = self.reminder_view, self.reminder_model.rows()
        first_of_kind: dict[str, int] = {}
        for number, row in enumerate(shown):
            first_of_kind.setdefault(row.kind, number)
        longest = heapq.nlargest(
            SUBJECTS_MEASURED, range(len(shown)), key=lambda number: len(shown[number].subject)
        )
        widest = max(MIN_SUBJECT_WIDTH, view.viewport().width() // 2)
        view.setColumnWidth(0, view.content_width(0, first_of_kind.values()))
        view.setColumnWidth(1, min(view.content_width(1, longest), widest))

    # ---- actions ------------------------------------------------------------------------

    def open_reminder(self, index: QModelIndex) -> None:
        """Show the record a reminder is about on its page."""
        if not index.isValid():
            return
        page, record = index.data(TARGET_ROLE)
        self.session.navigate(page, record)

    def import_workbook(self) -> None:
        window = self.window()
        if hasattr(window, "import_workbook"):
            window.import_workbook()

    def open_demo(self) -> None:
        window = self.window()
        if hasattr(window, "open_demo"):
            window.open_demo()

    def show_record(self, record: object) -> None:
        """Nothing to select here: the dashboard has no records of its own."""
