"""工作台: the figures are the statistics' own, the reminders agree with ``reminders()`` and
with the statistics and open their records, the chart and the 三级联创 bars show the ledger's
numbers, and an empty ledger says what to do next."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication

from desktop_app.domain import activities, organizations
from desktop_app.domain.enums import ACTIVITY_TYPES, CREATION_LEVELS, GRADES
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui.pages import dashboard as dashboard_module
from desktop_app.gui.pages.dashboard import FIGURES, DashboardPage
from desktop_app.gui.widgets import month_chart
from desktop_app.gui.widgets.reminder_table import (
    KINDS,
    SORT_ROLE,
    TARGET_ROLE,
    ReminderModel,
    ReminderRow,
)
from desktop_app.reminders import Reminders, recent_months, reminders
from desktop_app.stats import activities_by_month, compute_stats
from desktop_app.storage import Ledger
from gui.conftest import DEMO_YEAR, make_window


def page_of(window: Any) -> DashboardPage:
    page = window.pages["dashboard"]
    assert isinstance(page, DashboardPage)
    window.navigate("dashboard")
    return page


def shown(page: DashboardPage) -> dict[str, str]:
    """What each card says, read from its label."""
    return {key: page.cards[key].figure.text() for key, _caption in FIGURES}


def expected_figures(stats: dict[str, Any]) -> dict[str, str]:
    """The statistics written as the cards should show them."""

    def pct(value: float) -> str:
        return f"{value * 100:.1f}%"

    orgs, acts, tasks = stats["organizations"], stats["activities"], stats["tasks"]
    return {
        "colleges": f"{orgs['colleges']:,}",
        "branches": f"{orgs['branches']:,}",
        "members_full": f"{orgs['members_full']:,}",  # 1,329
        "members_probationary": f"{orgs['members_probationary']:,}",
        "activists": f"{orgs['activists']:,}",
        "activities": f"{acts['total']:,}",
        "theme_day_rate": pct(stats["compliance"]["theme_day_rate"]),
        "attendance_rate": pct(acts["attendance_rate"]),
        "featured": f"{acts['featured']:,}",
        "four_plus": pct(stats["ratings"]["four_plus_ratio"]),
        "tasks": f"{tasks['done']:,} / {tasks['total']:,}",
        "overdue": f"{tasks['overdue']:,}",
    }


def english_date(day: date) -> str:
    return f"{day:%b} {day.day}, {day.year}"  # Mar 18, 2025


def english_period(label: str) -> str:
    """A compliance period as the window writes it in English: Mar 2025, Q1 2025, 2025."""
    year, _sep, part = label.partition("-")
    if part.startswith("Q"):
        return f"{part} {year}"
    return f"{date(int(year), int(part), 1):%b} {year}" if part else year


def rows_of(page: DashboardPage, kind: str) -> list[ReminderRow]:
    return [row for row in page.reminder_model.rows() if row.kind == kind]


# ---- an empty ledger ------------------------------------------------------------------------


def test_empty_ledger_shows_zeros_and_the_next_step(window: Any) -> None:
    page = page_of(window)
    assert window.current_page() is page
    assert page.empty_panel.isVisible()
    assert "no organizations yet" in page.empty_text.text()
    assert "Import workbook" in page.empty_text.text()
    assert shown(page) == {
        "colleges": "0",
        "branches": "0",
        "members_full": "0",
        "members_probationary": "0",
        "activists": "0",
        "activities": "0",
        "theme_day_rate": "0.0%",
        "attendance_rate": "0.0%",
        "featured": "0",
        "four_plus": "0.0%",
        "tasks": "0 / 0",
        "overdue": "0",
    }
    assert page.chart.types_shown() == []
    assert page.reminder_model.rowCount() == 0
    assert not page.reminder_view.isVisible()
    assert page.no_reminders.isVisible() and page.no_reminders.text()
    assert not page.progress.isVisible() and page.no_creation.isVisible()
    assert not page.scroll.verticalScrollBar().isVisible()


def test_empty_ledger_buttons_lead_to_import_and_organizations(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(window)
    imported: list[bool] = []
    monkeypatch.setattr(window, "import_workbook", lambda: imported.append(True))
    page.import_button.click()
    assert imported == [True]
    page.add_root_button.click()
    assert window.current_page().key == "organizations"


def test_adding_the_committee_hides_the_empty_panel(window: Any) -> None:
    page = page_of(window)
    ledger = window.session.ledger
    window.session.write(
        lambda: organizations.add_organization(ledger, name="示范学院党委", level="committee")
    )
    assert not page.empty_panel.isVisible()
    assert page.no_reminders.text().startswith("Nothing is missing")


# ---- the demo ledger ------------------------------------------------------------------------


def test_demo_figures_are_the_statistics(demo_window: Any) -> None:
    page = page_of(demo_window)
    stats = compute_stats(demo_window.session.ledger, DEMO_YEAR, as_of=date.today())
    assert stats["activities"]["total"] > 100 and stats["organizations"]["branches"] > 10
    assert shown(page) == expected_figures(stats)
    assert page.heading.text() == f"Dashboard {DEMO_YEAR}"
    assert page.as_of_label.text() == f"as of {english_date(date.today())}"
    assert not page.empty_panel.isVisible()
    # Every card is readable: its caption is not cut.
    for card in page.cards.values():
        caption = card.caption
        assert caption.width() >= caption.fontMetrics().horizontalAdvance(caption.text())


def test_demo_fits_a_1280_by_800_window(demo_window: Any) -> None:
    page = page_of(demo_window)
    QApplication.processEvents()
    assert not page.scroll.verticalScrollBar().isVisible()
    assert not page.scroll.horizontalScrollBar().isVisible()
    assert page.reminder_view.isVisible() and page.reminder_view.height() >= 120
    assert page.chart.height() >= page.chart.minimumSizeHint().height()


def test_reminders_agree_with_reminders_and_statistics(demo_window: Any) -> None:
    page = page_of(demo_window)
    ledger = demo_window.session.ledger
    today = date.today()
    found = reminders(ledger, DEMO_YEAR, today)
    stats = compute_stats(ledger, DEMO_YEAR, as_of=today)

    gaps = rows_of(page, "theme_day")
    assert [(r.subject, r.record) for r in gaps] == [
        (g.path, {"org_uid": g.org_uid, "type": "theme_day", "year": DEMO_YEAR})
        for g in found.theme_day_gaps
    ]
    months = set(recent_months(DEMO_YEAR, today))
    missing = {
        item["branch"]
        for item in stats["compliance"]["branches_missing"]
        if months & set(item["missing_months"])
    }
    assert {r.subject for r in gaps} == missing

    meetings = rows_of(page, "meeting")
    assert len(meetings) == len(found.meetings_missing)
    assert [(r.page, r.subject, r.record) for r in meetings] == [
        ("activities", m.path, {"org_uid": m.org_uid, "type": m.type, "year": DEMO_YEAR})
        for m in found.meetings_missing
    ]

    terms = rows_of(page, "term")
    assert sorted(r.subject for r in terms) == sorted(
        stats["terms"]["expired"] + stats["terms"]["expiring_soon"]
    )
    assert [r.record for r in terms] == [t.uid for t in found.terms]

    tasks = rows_of(page, "task")
    assert len(tasks) == stats["tasks"]["overdue"] > 0
    assert [r.record for r in tasks] == [t.uid for t in found.overdue_tasks]
    assert page.reminder_model.rowCount() == found.count
    assert page.reminders_title.text() == f"Reminders ({found.count})"


def test_reminder_texts(demo_window: Any) -> None:
    page = page_of(demo_window)
    found = reminders(demo_window.session.ledger, DEMO_YEAR, date.today())
    task = found.overdue_tasks[0]
    row = next(r for r in rows_of(page, "task") if r.record == task.uid)
    assert row.subject == task.title
    assert row.text.startswith(f"Deadline {english_date(task.deadline)} has passed")
    assert row.order == task.deadline.isoformat()  # sorted by the date, not its words
    if found.theme_day_gaps:
        gap = found.theme_day_gaps[0]
        row = rows_of(page, "theme_day")[0]
        months = ", ".join(f"{date(DEMO_YEAR, m, 1):%b}" for m in gap.months)
        assert row.text == f"No theme day in {months}"
    if found.meetings_missing:
        meeting = found.meetings_missing[0]
        row = rows_of(page, "meeting")[0]
        assert ACTIVITY_TYPES.label(meeting.type) in row.text
        assert english_period(meeting.periods[0]) in row.text


@pytest.mark.parametrize(
    ("kind", "page_key"),
    [
        ("theme_day", "activities"),
        ("meeting", "activities"),
        ("term", "organizations"),
        ("task", "tasks"),
    ],
)
@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_activating_a_reminder_opens_its_record(
    qtbot: Any,
    demo_window: Any,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    page_key: str,
    how: str,
) -> None:
    if page_key not in demo_window.pages:
        pytest.skip(f"the {page_key} page is not built yet")
    page = page_of(demo_window)
    target = demo_window.pages[page_key]
    received: list[object] = []
    original = target.show_record

    def show_record(record: object) -> None:
        received.append(record)
        original(record)

    monkeypatch.setattr(target, "show_record", show_record)
    view, model = page.reminder_view, page.reminder_model
    of_kind = [model.index(r, 1) for r in range(model.rowCount()) if model.row_at(r).kind == kind]
    if not of_kind:
        pytest.skip(f"the demo ledger has no {kind} reminder today")
    index = of_kind[-1]
    expected = model.row_at(index.row())
    assert index.data(TARGET_ROLE) == (page_key, expected.record)
    view.scrollTo(index)
    if how == "enter":
        view.setCurrentIndex(index)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Return)
    else:
        centre = view.visualRect(index).center()
        # A real double-click starts with a press: the view only activates the row it pressed.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert demo_window.current_page().key == page_key
    assert received == [expected.record]


def test_adding_an_activity_counts_at_once(demo_window: Any) -> None:
    page = page_of(demo_window)
    ledger = demo_window.session.ledger
    before = int(page.cards["activities"].figure.text().replace(",", ""))
    day = date.today()
    month_before = page.chart.month_total(day.month)
    branch = next(o for o in load_tree(ledger) if o.level == "branch" and o.active)
    demo_window.session.write(
        lambda: activities.add_activity(
            ledger, branch.uid, type="theme_day", date=day, theme="学习新党章", category="study"
        )
    )
    assert page.cards["activities"].figure.text() == f"{before + 1:,}"
    assert page.chart.month_total(day.month) == month_before + 1


def test_year_change_reloads(demo_window: Any) -> None:
    page = page_of(demo_window)
    demo_window.session.set_year(DEMO_YEAR - 1)
    stats = compute_stats(demo_window.session.ledger, DEMO_YEAR - 1, as_of=date.today())
    assert page.heading.text() == f"Dashboard {DEMO_YEAR - 1}"
    assert shown(page) == expected_figures(stats)


def test_one_computation_per_refresh(demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = page_of(demo_window)
    calls: list[str] = []

    def counted(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return function(*args, **kwargs)

        return wrapper

    for name in ("compute_stats", "reminders", "activities_by_month"):
        monkeypatch.setattr(dashboard_module, name, counted(name, getattr(dashboard_module, name)))
    page.refresh()
    assert sorted(calls) == ["activities_by_month", "compute_stats", "reminders"]


def test_nothing_missing_is_said_positively(
    demo_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = page_of(demo_window)
    monkeypatch.setattr(
        dashboard_module,
        "reminders",
        lambda ledger, year, as_of, stats=None: Reminders(year, as_of),
    )
    page.refresh()
    assert page.reminder_model.rowCount() == 0
    assert not page.reminder_view.isVisible()
    assert page.no_reminders.isVisible()
    assert page.no_reminders.text().startswith("Nothing is missing")
    assert page.reminders_title.text() == "Reminders"


def test_reminder_model(qtmodeltester: Any, demo_window: Any) -> None:
    page = page_of(demo_window)
    assert page.reminder_model.rowCount() > 0
    qtmodeltester.check(page.reminder_model)
    page.reminder_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.reminder_model)
    empty = ReminderModel()
    qtmodeltester.check(empty)


def test_reminders_sort_by_kind_then_keep_their_order(demo_window: Any) -> None:
    page = page_of(demo_window)
    model = page.reminder_model
    kinds = [model.index(r, 0).data() for r in range(model.rowCount())]
    order = ["Theme day", "Meeting", "Committee term", "Overdue task"]
    assert kinds == sorted(kinds, key=order.index)


# ---- chart and 三级联创 ----------------------------------------------------------------------


def test_chart_shows_the_months(demo_window: Any) -> None:
    page = page_of(demo_window)
    ledger = demo_window.session.ledger
    counts = activities_by_month(ledger, DEMO_YEAR)
    stats = compute_stats(ledger, DEMO_YEAR, as_of=date.today())
    chart = page.chart
    assert sum(chart.month_total(m) for m in range(1, 13)) == stats["activities"]["total"]
    assert chart.types_shown() == [code for code, months in counts.items() if any(months)]
    march = chart.bar_rect(3)
    assert march.height() > 0
    assert chart.month_at(march.center()) == 3
    text = chart.tooltip_text(3)
    assert text.startswith(f"Mar {DEMO_YEAR}: {chart.month_total(3):,} activities")
    assert f"{ACTIVITY_TYPES.label('theme_day')}: {counts['theme_day'][2]}" in text
    # Taller bars for busier months.
    busiest = max(range(1, 13), key=chart.month_total)
    quietest = min(range(1, 13), key=chart.month_total)
    if chart.month_total(busiest) > chart.month_total(quietest):
        assert chart.bar_rect(busiest).height() > chart.bar_rect(quietest).height()


def test_chart_tooltip_on_hover(demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    chart = page_of(demo_window).chart
    shown_tips: list[str] = []
    monkeypatch.setattr(
        month_chart.QToolTip, "showText", lambda pos, text, widget=None: shown_tips.append(text)
    )
    monkeypatch.setattr(month_chart.QToolTip, "hideText", lambda: shown_tips.append(""))
    for point in (chart.bar_rect(5).center().toPoint(), QPoint(1, 1)):
        event = QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point))
        QApplication.sendEvent(chart, event)
    assert shown_tips == [chart.tooltip_text(5), ""]


def test_chart_grab_paints(demo_window: Any) -> None:
    chart = page_of(demo_window).chart
    image = chart.grab().toImage()
    march = chart.bar_rect(3)
    colour = image.pixelColor(QPoint(int(march.center().x()), int(march.bottom()) - 2))
    assert colour.name() == "#c62828"  # the theme days' red at the foot of the bar


def test_creation_progress(demo_window: Any) -> None:
    page = page_of(demo_window)
    stats = compute_stats(demo_window.session.ledger, DEMO_YEAR, as_of=date.today())
    rows = stats["creation"]
    assert rows and len(page.progress.bars) == len(rows)
    for row, bar, (level, grade) in zip(
        rows, page.progress.bars, page.progress.labels, strict=True
    ):
        assert level.text() == CREATION_LEVELS.label(row["level"])
        assert grade.text() == GRADES.label(row["grade"])
        if row["target"]:
            assert bar.text() == f"{row['achieved']} of {row['target']}"
            assert bar.value() == row["achieved"]
            assert bar.maximum() == max(row["target"], row["achieved"])
        else:
            assert bar.text() == f"{row['achieved']} (no target set)"
    assert not page.no_creation.isVisible()


def test_page_opens_on_a_ledger_of_another_year(qtbot: Any, demo_ledger: Ledger) -> None:
    window = make_window(qtbot, demo_ledger, year=DEMO_YEAR + 1)
    page = page_of(window)
    stats = compute_stats(demo_ledger, DEMO_YEAR + 1, as_of=date.today())
    assert shown(page) == expected_figures(stats)
    assert page.chart.types_shown() == []


# ---- the reminder table on a whole university ----------------------------------------------


def synthetic_rows() -> list[ReminderRow]:
    """Reminders with many equal values (the order among them shows a stable sort) and
    subjects beyond the Basic Multilingual Plane (Qt orders text by UTF-16 code units)."""
    rnd = random.Random(1329)
    subjects = ["第一党支部", "第二党支部", "\U00020000支部", "\uff21支部", "a支部", "B支部"]
    rows = []
    for number in range(60):
        kind = rnd.choice(list(KINDS))
        order = rnd.choice(["", "2025-03", "2025-Q1", "2025-11-02"])
        text = rnd.choice(["No theme day in Mar", "Deadline Mar 1, 2025 has passed", "\U0001f4c5"])
        rows.append(ReminderRow(kind, rnd.choice(subjects), text, "tasks", number, order=order))
    return rows


def shown_records(model: Any) -> list[Any]:
    return [model.index(r, 0).data(TARGET_ROLE)[1] for r in range(model.rowCount())]


def test_the_reminder_model_sorts_as_a_proxy_would(qapp: Any) -> None:
    """The model sorts itself (a proxy would call into Python for every comparison): the same
    order as a ``QSortFilterProxyModel`` on the sort role, click after click."""
    rows = synthetic_rows()
    model, source = ReminderModel(), ReminderModel()
    model.set_rows(rows)
    source.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.setSortRole(SORT_ROLE)
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    clicks = [(0, ascending), (2, ascending), (1, descending), (0, descending), (2, descending)]
    clicks += [(1, ascending), (0, ascending), (-1, ascending)]
    for column, order in clicks:
        model.sort(column, order)
        proxy.sort(column, order)
        assert shown_records(model) == shown_records(proxy), (column, order)
        assert [r.record for r in model.rows()] == shown_records(proxy)
    # Loaded again while sorted: sorted at once, equal values in the order given.
    model.sort(1, descending)
    proxy.sort(1, descending)
    model.set_rows(rows[::-1])
    source.set_rows(rows[::-1])
    assert shown_records(model) == shown_records(proxy)
    assert shown_records(model)[0] != rows[-1].record  # the order given was not kept


def test_the_selected_reminder_stays_selected_when_sorted(demo_window: Any) -> None:
    page = page_of(demo_window)
    view, model = page.reminder_view, page.reminder_model
    assert model.rowCount() > 3
    view.selectRow(model.rowCount() - 2)
    chosen = model.row_at(view.currentIndex().row())
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert model.row_at(view.currentIndex().row()) is chosen
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(index.row()) for index in selected] == [chosen]
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert model.row_at(view.currentIndex().row()) is chosen
    assert [r.kind for r in model.rows()] == sorted(
        (r.kind for r in model.rows()), key=list(KINDS).index
    )


def test_reminder_columns_fit_their_contents(demo_window: Any) -> None:
    """Sized from the header and a few rows, the columns are as wide as Qt would make them by
    measuring every row: the kind column whole, the subject column up to half the table."""
    page = page_of(demo_window)
    view = page.reminder_view
    QApplication.processEvents()
    page.refresh()
    assert page.reminder_model.rowCount() > dashboard_module.SUBJECTS_MEASURED  # a sample
    kind, subject = view.columnWidth(0), view.columnWidth(1)
    widest = max(dashboard_module.MIN_SUBJECT_WIDTH, view.viewport().width() // 2)
    view.resizeColumnToContents(0)
    view.resizeColumnToContents(1)
    assert kind == view.columnWidth(0)
    assert subject == min(view.columnWidth(1), widest)
    assert len({row.kind for row in page.reminder_model.rows()}) == len(KINDS)
