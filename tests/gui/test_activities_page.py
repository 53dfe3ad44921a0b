"""组织生活台账: the activity table, its filters and search, loading on demand, sorting, the
page's actions, and the newcomer's path on the demo ledger."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.activity_query import ActivityFilter, count_activities, fetch_activities
from desktop_app.domain import activities, organizations
from desktop_app.domain.activities import to_row
from desktop_app.gui import messages
from desktop_app.gui.activity_dialog import ActivityDialog
from desktop_app.gui.activity_model import COLUMNS, SORT_ROLE, ActivityTableModel, column_of
from desktop_app.gui.pages.activities import ActivitiesPage
from desktop_app.gui.session import Session
from desktop_app.i18n import set_language
from desktop_app.storage import Ledger, records, recycle
from gui.conftest import DEMO_YEAR

YEAR = 2025


def build_small_ledger(ledger: Ledger) -> dict[str, str]:
    """A committee, two colleges with three branches, a branch directly under the committee,
    and six activities; returns their uids by short name."""
    add = organizations.add_organization
    root = add(ledger, name="党委", level="committee")
    mech = add(ledger, name="机电工程学院党总支", level="college", parent_uid=root)
    chem = add(ledger, name="化学工程学院党总支", level="college", parent_uid=root)
    teachers = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=mech, branch_type="teacher"
    )
    students = add(
        ledger, name="学生第一党支部", level="branch", parent_uid=mech, branch_type="student"
    )
    chem_students = add(
        ledger, name="学生第二党支部", level="branch", parent_uid=chem, branch_type="student"
    )
    office = add(ledger, name="机关党支部", level="branch", parent_uid=root, branch_type="admin")
    act = activities.add_activity
    uids = {
        "root": root,
        "mech": mech,
        "chem": chem,
        "teachers": teachers,
        "students": students,
        "chem_students": chem_students,
        "office": office,
    }
    uids["a1"] = act(
        ledger,
        teachers,
        type="theme_day",
        date=date(YEAR, 3, 18),
        theme="学习二十大精神",
        category="study",
        place="图书馆",
        expected=10,
        actual=9,
        dimensions=["organization", "curriculum"],
        featured=True,
        summary="集中学习党课内容",
    )
    uids["a2"] = act(
        ledger,
        students,
        type="party_lecture",
        date=date(YEAR, 3, 25),
        theme="专题党课：初心使命",
        place="会议室",
        dimensions=["curriculum"],
    )
    uids["a3"] = act(
        ledger,
        chem_students,
        type="theme_day",
        date=date(YEAR, 4, 10),
        theme="志愿服务进社区",
        category="volunteer",
        expected=20,
        actual=18,
        dimensions=["service"],
    )
    uids["a4"] = act(
        ledger,
        office,
        type="general_meeting",
        date=date(YEAR, 6, 1),
        theme="支部党员大会",
        place="行政楼",
        summary="讨论 Budget ABC",
    )
    uids["a5"] = act(
        ledger,
        teachers,
        type="theme_day",
        date=date(YEAR - 1, 12, 20),
        theme="年终总结",
        category="other",
    )
    uids["a6"] = act(
        ledger,
        students,
        type="other",
        date=date(YEAR, 11, 5),
        theme="Visit to museum",
        place="Museum",
    )
    return uids


def make_page(qtbot, ledger: Ledger, year: int = YEAR) -> ActivitiesPage:  # type: ignore[no-untyped-def]
    page = ActivitiesPage(Session(ledger, year))
    qtbot.addWidget(page)
    page.resize(1130, 700)
    page.show()
    return page


@pytest.fixture
def uids(ledger: Ledger) -> dict[str, str]:
    return build_small_ledger(ledger)


@pytest.fixture
def page(qtbot, ledger: Ledger, uids: dict[str, str]) -> ActivitiesPage:  # type: ignore[no-untyped-def]
    return make_page(qtbot, ledger)


def shown(page: ActivitiesPage) -> list[str]:
    """Every uid the table holds, reading the pages not loaded yet."""
    model = page.model
    while model.canFetchMore():
        model.fetchMore()
    return [str(model.uid_at(r)) for r in range(model.rowCount())]


def names(uids: dict[str, str], found: list[str]) -> set[str]:
    back = {v: k for k, v in uids.items()}
    return {back[u] for u in found}


def display(model: ActivityTableModel, row: int, key: str) -> str:
    return model.index(row, column_of(key)).data()


# ---- opening ------------------------------------------------------------------------------------


def test_page_opens_on_an_empty_ledger(window) -> None:  # type: ignore[no-untyped-def]
    page = window.navigate("activities")
    assert isinstance(page, ActivitiesPage)
    assert page.model.rowCount() == 0
    assert page.filters.count_label.text() == "0 activities"
    assert page.empty_text() == (
        "No activities yet. Add the organizations first on the Organizations page, then press "
        "Ctrl+N to record an activity."
    )
    assert page.empty_button.isVisible()


def test_a_ledger_with_organizations_but_no_activities(qtbot, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    organizations.add_organization(ledger, name="党委", level="committee")
    page = make_page(qtbot, ledger)
    assert page.empty_text() == "No activities yet — press Ctrl+N to record one"
    assert page.empty_button.text() == "New activity"


def test_page_opens_on_the_demo_ledger(qtbot, demo_window, demo_ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.navigate("activities")
    total = count_activities(demo_ledger, ActivityFilter(year=DEMO_YEAR))
    assert total > 400  # more than two pages
    assert page.model.rowCount() == 200  # the first page, at once
    assert page.model.total() is None  # the rest are counted in the background
    assert page.filters.count_label.text() == "Counting activities…"
    with qtbot.waitSignal(page.model.counted, timeout=5000):
        pass
    assert page.model.total() == total
    assert page.model.rowCount() == 200
    assert page.filters.count_label.text() == f"{total:,} activities"
    assert page.empty_text() == ""
    newest = fetch_activities(demo_ledger, ActivityFilter(year=DEMO_YEAR), limit=1)[0]
    assert page.model.uid_at(0) == newest.uid
    day = newest.date
    assert display(page.model, 0, "date") == f"{day:%b} {day.day}, {day.year}"  # Mar 8, 2025


# ---- the model ----------------------------------------------------------------------------------


def test_model_passes_the_model_tester(qtmodeltester, page: ActivitiesPage) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.model)
    page.filters.set_values(year=None, type="theme_day")
    assert page.model.total() == 3
    qtmodeltester.check(page.model)
    page.filters.set_values(text="党课")
    page.filters.flush()
    assert page.model.total() == 1
    qtmodeltester.check(page.model)


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh_CN", "2025年3月18日"), ("zh_TW", "2025年3月18日"), ("en", "Mar 18, 2025")],
)
def test_the_date_column_is_written_in_the_interface_language(  # type: ignore[no-untyped-def]
    page: ActivitiesPage, uids, code: str, expected: str
) -> None:
    set_language(code)
    row = page.model.loaded_row_of(uids["a1"])
    assert row is not None
    assert display(page.model, row, "date") == expected
    assert page.model.index(row, column_of("date")).data(SORT_ROLE) == "2025-03-18"


def test_cells_show_labels_paths_attendance_and_marks(page: ActivitiesPage, uids) -> None:  # type: ignore[no-untyped-def]
    model = page.model
    row = model.loaded_row_of(uids["a1"])
    assert row is not None
    cells = {c.key: display(model, row, c.key) for c in COLUMNS}
    assert cells == {
        "date": "Mar 18, 2025",
        "organization": "机电工程学院党总支/教工第一党支部",
        "type": "Theme party day",
        "theme": "学习二十大精神",
        "category": "Theory study",
        "place": "图书馆",
        "attendance": "9/10",
        "dimensions": "Curriculum, Organization",
        "featured": "★",
        "files": "",
    }
    org_tip = model.index(row, column_of("organization")).data(Qt.ItemDataRole.ToolTipRole)
    assert org_tip == "机电工程学院党总支/教工第一党支部"
    assert model.index(row, column_of("date")).data(SORT_ROLE) == "2025-03-18"  # the raw date
    office = model.loaded_row_of(uids["a4"])
    assert display(model, office, "organization") == "机关党支部"
    assert display(model, office, "attendance") == ""
    assert display(model, office, "category") == ""
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(COLUMNS))]
    assert headers == [
        "Date",
        "Organization",
        "Type",
        "Theme",
        "Category",
        "Place",
        "Attendance",
        "Dimensions",
        "Featured",
        "Files",
    ]


# ---- filters and search -------------------------------------------------------------------------

FILTER_CASES = [
    ({}, {"a1", "a2", "a3", "a4", "a6"}),
    ({"year": None}, {"a1", "a2", "a3", "a4", "a5", "a6"}),
    ({"year": YEAR - 1}, {"a5"}),
    ({"month": 3}, {"a1", "a2"}),
    ({"org_uid": "mech"}, {"a1", "a2", "a6"}),
    ({"org_uid": "students"}, {"a2", "a6"}),
    ({"org_uid": "root"}, {"a1", "a2", "a3", "a4", "a6"}),
    ({"type": "theme_day"}, {"a1", "a3"}),
    ({"category": "volunteer"}, {"a3"}),
    ({"dimension": "curriculum"}, {"a1", "a2"}),
    ({"featured": True}, {"a1"}),
    ({"featured": False}, {"a2", "a3", "a4", "a6"}),
    ({"type": "theme_day", "org_uid": "mech", "year": None}, {"a1", "a5"}),
]


@pytest.mark.parametrize(("settings", "expected"), FILTER_CASES)
def test_each_filter_narrows_the_table(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, settings: dict, expected: set
) -> None:
    values = {k: uids[v] if k == "org_uid" else v for k, v in settings.items()}
    page.filters.set_values(**values)
    flt = page.filters.current()
    assert flt == ActivityFilter(**{"year": YEAR, **values})
    queried = [r.uid for r in fetch_activities(ledger, flt, limit=1000)]
    assert shown(page) == queried
    assert names(uids, shown(page)) == expected
    assert page.filters.count_label.text() == (
        f"{len(expected)} activity" if len(expected) == 1 else f"{len(expected)} activities"
    )
    assert page.filters.clear_button.isEnabled() == bool(settings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("党课", {"a1", "a2"}),  # two characters: theme of a2, summary of a1
        ("党", {"a1", "a2", "a4"}),
        ("志愿服务", {"a3"}),  # indexed (trigram) search
        ("abc", {"a4"}),  # in a summary, Latin case ignored
        ("MUSEUM", {"a6"}),
        ("党课 初心", {"a2"}),  # every term must match
        ("没有这个", set()),
    ],
)
def test_search_narrows_the_table(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, text: str, expected: set
) -> None:
    page.filters.search.setText(text)
    page.filters.flush()
    queried = [r.uid for r in fetch_activities(ledger, ActivityFilter(year=YEAR, text=text))]
    assert shown(page) == queried
    assert names(uids, shown(page)) == expected


def test_search_waits_for_a_pause_in_typing_and_esc_clears_it(qtbot, page: ActivitiesPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(page.filters.search, "museum")
    assert page.model.total() == 5  # not yet: the search runs after a short pause
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Escape)
    assert page.filters.search.text() == ""
    assert page.model.total() == 5


def test_enter_in_the_search_goes_to_the_first_row_found(qtbot, page: ActivitiesPage, uids) -> None:  # type: ignore[no-untyped-def]
    page.table.clearSelection()
    page.focus_search()
    qtbot.keyClicks(page.filters.search, "museum")
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    assert page.model.total() == 1
    assert page.current_uid() == uids["a6"]


def test_nothing_matching_says_so_and_offers_to_clear(page: ActivitiesPage) -> None:
    page.filters.set_values(type="member_review")
    assert page.empty_text() == "No activity matches the filters"
    assert page.empty_button.text() == "Clear filters"
    page.empty_button.click()
    assert page.filters.current() == ActivityFilter(year=YEAR)
    assert page.model.total() == 5


def test_a_year_without_activities_offers_all_years(qtbot, ledger: Ledger, uids) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ledger, year=2023)
    assert page.empty_text() == "No activities in 2023 — press Ctrl+N to record one"
    page.empty_button.click()
    assert page.filters.current() == ActivityFilter()
    assert page.model.total() == 6


def test_the_year_follows_the_window(page: ActivitiesPage, uids: dict[str, str]) -> None:
    page.filters.set_values(type="theme_day")
    page.session.set_year(YEAR - 1)
    assert page.filters.current() == ActivityFilter(year=YEAR - 1, type="theme_day")
    assert names(uids, shown(page)) == {"a5"}
    assert page.filters.year_box.currentText() == str(YEAR - 1)


def test_clear_filters_returns_to_the_year_in_view(page: ActivitiesPage, uids) -> None:  # type: ignore[no-untyped-def]
    page.filters.set_values(year=None, org_uid=uids["mech"], featured=True, text="学习")
    page.filters.clear_button.click()
    assert page.filters.current() == ActivityFilter(year=YEAR)
    assert not page.filters.clear_button.isEnabled()
    assert page.filters.org_picker.currentText() == "All organizations"


# ---- sorting and loading on demand --------------------------------------------------------------


def test_sorting_by_a_header_queries_the_ledger(page: ActivitiesPage, ledger: Ledger) -> None:
    header = page.table.horizontalHeader()
    header.setSortIndicator(column_of("theme"), Qt.SortOrder.AscendingOrder)
    assert (page.model.sort_key, page.model.descending) == ("theme", False)
    flt = ActivityFilter(year=YEAR)
    expected = [r.uid for r in fetch_activities(ledger, flt, sort="theme", descending=False)]
    assert shown(page) == expected
    header.setSortIndicator(column_of("attendance"), Qt.SortOrder.DescendingOrder)
    expected = [r.uid for r in fetch_activities(ledger, flt, sort="attendance", descending=True)]
    assert shown(page) == expected
    # A column that cannot be sorted keeps the order in force, and the indicator says so.
    header.setSortIndicator(column_of("dimensions"), Qt.SortOrder.AscendingOrder)
    assert shown(page) == expected
    assert header.sortIndicatorSection() == column_of("attendance")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_selection_survives_a_new_order(page: ActivitiesPage, uids: dict[str, str]) -> None:
    assert page.select_uid(uids["a3"])
    page.table.horizontalHeader().setSortIndicator(
        column_of("organization"), Qt.SortOrder.AscendingOrder
    )
    assert page.current_uid() == uids["a3"]


@pytest.fixture
def big_ledger(ledger: Ledger) -> list[str]:
    """450 activities of one branch in YEAR."""
    root = organizations.add_organization(ledger, name="党委", level="committee")
    branch = organizations.add_organization(
        ledger, name="机关党支部", level="branch", parent_uid=root
    )
    rows = [
        {
            **to_row(
                {
                    "type": "theme_day",
                    "date": date(YEAR, 1 + n % 12, 1 + n % 28),
                    "theme": f"主题党日 {n:03d}",
                    "dimensions": [],
                    "featured": False,
                }
            ),
            "org_uid": branch,
        }
        for n in range(450)
    ]
    with ledger.transaction():
        return records.insert_many(ledger, "activities", rows)


def test_rows_are_loaded_page_by_page(qtbot, ledger: Ledger, big_ledger: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ledger)
    model = page.model
    assert (model.total(), model.rowCount()) == (None, 200)  # counting in the background
    assert page.filters.count_label.text() == "Counting activities…"
    qtbot.waitUntil(lambda: model.total() == 450, timeout=5000)
    assert page.filters.count_label.text() == "450 activities"
    assert model.rowCount() == 200
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    expected = [r.uid for r in fetch_activities(ledger, ActivityFilter(year=YEAR), limit=1000)]
    assert [model.uid_at(r) for r in range(450)] == expected


def test_scrolling_to_the_end_loads_more(qtbot, ledger: Ledger, big_ledger: list[str]) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ledger)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > 200, timeout=2000)


def test_a_record_beyond_the_loaded_rows_is_found(qtbot, ledger: Ledger, big_ledger) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, ledger)
    flt = ActivityFilter(year=YEAR)
    far = fetch_activities(ledger, flt, offset=420, limit=1)[0].uid
    page.show_record(far)
    assert page.model.rowCount() == 450
    assert page.current_uid() == far
    assert page.table.currentIndex().row() == 420


# ---- showing a record ---------------------------------------------------------------------------


def test_show_record_clears_the_filters_that_hide_it(page: ActivitiesPage, uids) -> None:  # type: ignore[no-untyped-def]
    page.filters.set_values(type="theme_day")
    page.show_record(uids["a3"])  # shown: the filters stay
    assert page.current_uid() == uids["a3"]
    assert page.filters.current() == ActivityFilter(year=YEAR, type="theme_day")
    page.filters.set_values(type="party_lecture", text="初心")
    page.show_record(uids["a5"])  # hidden: a theme day of the year before
    assert page.current_uid() == uids["a5"]
    assert page.filters.current() == ActivityFilter(year=YEAR - 1)
    page.show_record("no-such-activity")  # gone: nothing changes
    assert page.current_uid() == uids["a5"]


def test_show_record_of_an_organization_filters_the_table(page: ActivitiesPage, uids) -> None:  # type: ignore[no-untyped-def]
    page.filters.set_values(featured=True, text="学习")
    page.show_record({"org_uid": uids["mech"]})
    assert page.filters.current() == ActivityFilter(year=YEAR, org_uid=uids["mech"])
    assert names(uids, shown(page)) == {"a1", "a2", "a6"}
    page.show_record({"org_uid": uids["teachers"], "type": "theme_day", "year": YEAR - 1})
    assert names(uids, shown(page)) == {"a5"}


def test_ctrl_f_focuses_the_search(window) -> None:  # type: ignore[no-untyped-def]
    window.navigate("activities")
    window.find()
    page = window.pages["activities"]
    assert QApplication.focusWidget() is page.filters.search


# ---- actions ------------------------------------------------------------------------------------


def fill_and_save(theme: str, expected: int | None = None, actual: int | None = None):  # type: ignore[no-untyped-def]
    def run(dialog: ActivityDialog) -> int:
        dialog.ui.themeEdit.setText(theme)
        if expected is not None:
            dialog.ui.expectedSpin.setValue(expected)
        if actual is not None:
            dialog.ui.actualSpin.setValue(actual)
        dialog.accept()
        return int(dialog.result())

    return run


def test_new_activity_is_saved_and_selected(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.filters.set_values(org_uid=uids["chem_students"])
    monkeypatch.setattr(ActivityDialog, "exec", fill_and_save("安全教育主题党日", 12, 11))
    page.new_activity()
    uid = page.current_uid()
    assert uid is not None and uid not in uids.values()
    row = activities.get_activity(ledger, uid)
    assert (row["org_uid"], row["type"], row["date"], row["theme"]) == (
        uids["chem_students"],
        "theme_day",
        date.today(),
        "安全教育主题党日",
    )
    assert (row["expected"], row["actual"]) == (12, 11)
    assert page.session.can_undo()


def test_enter_edits_the_selected_activity(
    qtbot, page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[str | None] = []

    def run(dialog: ActivityDialog) -> int:
        seen.append(dialog.uid)
        dialog.ui.placeEdit.setText("党员活动室")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ActivityDialog, "exec", run)
    page.select_uid(uids["a2"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert seen == [uids["a2"]]
    assert activities.get_activity(ledger, uids["a2"])["place"] == "党员活动室"
    assert page.current_uid() == uids["a2"]
    assert display(page.model, page.table.currentIndex().row(), "place") == "党员活动室"


def test_a_double_click_edits_the_row(
    qtbot, page: ActivitiesPage, uids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[str | None] = []
    monkeypatch.setattr(ActivityDialog, "exec", lambda dialog: seen.append(dialog.uid) or 0)
    row = page.model.loaded_row_of(uids["a4"])
    rect = page.table.visualRect(page.model.index(row, column_of("theme")))
    viewport = page.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == [uids["a4"]]


def test_delete_then_restore_from_the_bin(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: asked.append(text) or False
    )
    page.select_uid(uids["a3"])
    page.delete_selected()
    assert asked == ["Move the activity “Apr 10, 2025 志愿服务进社区” to the recycle bin?"]
    assert uids["a3"] in shown(page)  # refused: nothing happened

    monkeypatch.setattr(messages, "confirm", lambda parent, text, yes, **kw: True)
    page.select_uid(uids["a3"])
    page.delete_selected()
    assert uids["a3"] not in shown(page)
    assert page.model.total() == 4
    assert [i.uid for i in recycle.list_bin(ledger)] == [uids["a3"]]
    recycle.restore(ledger, uids["a3"])
    page.session.notify_changed()
    assert uids["a3"] in shown(page)


def test_several_selected_are_deleted_in_one_step(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: asked.append(text) or True
    )
    page.filters.set_values(type="theme_day")
    page.table.selectAll()
    page.delete_selected()
    assert asked == ["Move 2 activities to the recycle bin?"]
    assert page.model.total() == 0
    page.session.undo()
    assert names(uids, shown(page)) == {"a1", "a3"}


def test_duplicate_from_the_page_records_a_copy_dated_today(
    page: ActivitiesPage, uids: dict[str, str], ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str | None, str]] = []

    def run(dialog: ActivityDialog) -> int:
        opened.append((dialog.uid, dialog.windowTitle()))
        dialog.reject()
        return 0

    monkeypatch.setattr(ActivityDialog, "exec", run)
    page.select_uid(uids["a1"])
    page.duplicate_selected()
    [(copy, title)] = opened
    assert copy not in uids.values()
    assert title == "Edit the copy"
    got = activities.get_activity(ledger, copy)
    assert (got["date"], got["theme"], got["org_uid"], got["featured"]) == (
        date.today(),
        "学习二十大精神",
        uids["teachers"],
        True,
    )
    assert page.current_uid() == copy


def test_buttons_follow_the_selection(page: ActivitiesPage, uids: dict[str, str]) -> None:
    page.table.clearSelection()
    assert not page.edit_button.isEnabled()
    assert not page.delete_button.isEnabled()
    page.select_uid(uids["a1"])
    assert page.edit_button.isEnabled()
    assert page.duplicate_button.isEnabled()
    assert page.delete_button.isEnabled()
    page.table.selectAll()
    assert not page.edit_button.isEnabled()
    assert page.delete_button.isEnabled()


# ---- the newcomer's path ------------------------------------------------------------------------


def test_a_newcomer_records_finds_deletes_and_restores_a_theme_day(
    qtbot, demo_window, demo_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    dashboard = window.pages.get("dashboard")

    def activity_figure() -> str | None:
        if dashboard is None:
            return None
        window.navigate("dashboard")
        label = dashboard.findChild(QLabel, "figure_activities")
        return label.text() if label is not None else None

    before = activity_figure()
    assert dashboard is None or before is not None  # the dashboard shows the figure
    branch = demo_ledger.query(
        "SELECT uid FROM organizations WHERE level = 'branch' AND active = 1 "
        "AND deleted_at IS NULL ORDER BY name LIMIT 1"
    )[0]["uid"]

    def record(dialog: ActivityDialog) -> int:
        dialog.ui.orgPicker.set_uid(branch)
        assert dialog.ui.typeBox.currentData() == "theme_day"
        dialog.ui.dateEdit.setDate(dialog.ui.dateEdit.date().currentDate())
        dialog.ui.themeEdit.setText("主题党日：走进科技馆感受创新力量")
        dialog.ui.expectedSpin.setValue(15)
        dialog.ui.actualSpin.setValue(14)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ActivityDialog, "exec", record)
    window.new_activity()  # Ctrl+N
    page = window.pages["activities"]
    assert window.current_page() is page
    saved = page.current_uid()
    assert saved is not None
    if before is not None:
        assert activity_figure() == f"{int(before.replace(',', '')) + 1:,}"

    window.navigate("activities")
    page.filters.reset()
    window.find()  # Ctrl+F
    assert QApplication.focusWidget() is page.filters.search
    page.filters.search.insert("科技馆")  # as an input method types it
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)
    assert page.model.uid_at(0) == saved

    monkeypatch.setattr(messages, "confirm", lambda parent, text, yes, **kw: True)
    page.table.selectRow(0)
    window.delete_selected()  # the Delete key
    assert page.model.total() == 0
    if before is not None:
        assert activity_figure() == before

    recycle.restore(demo_ledger, saved)
    window.session.notify_changed()
    window.navigate("activities")
    page.filters.flush()
    assert page.model.total() == 1
    assert page.model.uid_at(0) == saved
    if before is not None:
        assert activity_figure() == f"{int(before.replace(',', '')) + 1:,}"
