"""任务书: the task table, its search and state filter, overdue tasks tinted exactly as the
statistics count them, the task dialog with faults beside the fields, and the plan template."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.domain import campaign
from desktop_app.domain.plan_template import load_plan
from desktop_app.gui import messages
from desktop_app.gui.campaign_widgets import SORT_ROLE, UID_ROLE
from desktop_app.gui.pages.tasks import TasksPage
from desktop_app.gui.task_dialog import TaskDialog, join_departments
from desktop_app.gui.task_model import OVERDUE_BACKGROUND, OVERDUE_FILTER, TasksModel
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger
from gui.conftest import DEMO_YEAR

TODAY = date.today()


def english(day: date) -> str:
    """A date as the window writes it in English: Mar 18, 2025."""
    return f"{day:%b} {day.day}, {day.year}"


def open_page(window) -> TasksPage:  # type: ignore[no-untyped-def]
    page = window.navigate("tasks")
    assert isinstance(page, TasksPage)
    return page


def shown_titles(page: TasksPage) -> list[str]:
    proxy = page.proxy
    return [proxy.index(r, TasksModel.TITLE).data() for r in range(proxy.rowCount())]


def tinted_rows(page: TasksPage) -> list[str]:
    model = page.model
    return [
        model.index(r, TasksModel.TITLE).data(UID_ROLE)
        for r in range(model.rowCount())
        if model.index(r, TasksModel.DEADLINE).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]


# ---- opening --------------------------------------------------------------------------------


def test_empty_ledger_offers_the_plan(window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window)
    assert page.stack.currentWidget() is page.empty
    assert "The task list is empty" in page.empty.label.text()
    assert page.summary.text() == f"0 tasks: 0 done, 0 overdue as of {english(TODAY)}."
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()


def test_demo_overdue_tasks_agree_with_the_statistics(  # type: ignore[no-untyped-def]
    demo_window, demo_ledger: Ledger, qtmodeltester
) -> None:
    page = open_page(demo_window)
    figures = compute_stats(demo_ledger, DEMO_YEAR, as_of=TODAY)["tasks"]
    assert page.model.rowCount() == figures["total"] == 26
    overdue = tinted_rows(page)
    assert len(overdue) == figures["overdue"] > 0
    expected = {
        r["uid"]
        for r in demo_ledger.query(
            "SELECT uid FROM tasks WHERE deleted_at IS NULL AND status != 'done' AND deadline < ?",
            [TODAY.isoformat()],
        )
    }
    assert set(overdue) == expected
    row = page.model.row_of(overdue[0])
    index = page.model.index(row, TasksModel.TITLE)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    deadline = page.model.rows[row].deadline
    assert deadline is not None
    assert index.data(Qt.ItemDataRole.ToolTipRole) == (
        f"Overdue: the deadline {english(deadline)} has passed and the task is not done."
    )
    cell = page.model.index(row, TasksModel.DEADLINE)
    assert cell.data() == f"{english(deadline)} (overdue)"  # Jun 30, 2026 (overdue)
    assert cell.data(SORT_ROLE) == deadline.isoformat()
    assert page.summary.text() == (
        f"26 tasks: {figures['done']} done, {figures['overdue']} overdue as of {english(TODAY)}."
    )
    page.state.setCurrentIndex(page.state.findData(OVERDUE_FILTER))
    assert page.proxy.rowCount() == figures["overdue"]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_search_and_state_narrow_the_table(demo_window, demo_ledger: Ledger, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = open_page(demo_window)
    page.search.setText("纪委办")
    expected = [
        r["title"]
        for r in demo_ledger.query(
            "SELECT title FROM tasks WHERE deleted_at IS NULL AND (lead_department LIKE "
            "'%纪委办%' OR cooperating_departments LIKE '%纪委办%') ORDER BY created_at, rowid"
        )
    ]
    assert shown_titles(page) == expected and expected
    page.state.setCurrentIndex(page.state.findData("done"))
    done = [t for t in page.model.rows if t.status == "done" and t.title in expected]
    assert shown_titles(page) == [t.title for t in done]
    qtmodeltester.check(page.proxy)
    page.search.setText("没有这样的任务")
    assert page.stack.currentWidget() is page.no_match
    page.clear_filter()
    assert page.proxy.rowCount() == 26 and page.stack.currentWidget() is page.view


# ---- the plan template ----------------------------------------------------------------------


def test_loading_the_plan_adds_26_tasks_then_none(  # type: ignore[no-untyped-def]
    window, ledger: Ledger, monkeypatch
) -> None:
    page = open_page(window)
    questions: list[str] = []
    infos: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: questions.append(text) or True
    )
    monkeypatch.setattr(messages, "show_info", lambda parent, text, **kw: infos.append(text))
    page.load_plan()
    assert len(load_plan().tasks) == 26
    assert questions == [f"Add the 26 tasks of “{load_plan().title}” to the task list?"]
    assert infos == ["26 tasks of the plan were added."]
    assert page.model.rowCount() == 26 == ledger.scalar("SELECT count(*) FROM tasks")
    assert page.stack.currentWidget() is page.view
    assert [t.title for t in page.model.rows] == [task.title for _s, task in load_plan().tasks]
    page.load_plan()
    assert infos[-1] == "The task list already has every task of the plan; nothing was added."
    assert ledger.scalar("SELECT count(*) FROM tasks") == 26


def test_refusing_the_plan_adds_nothing(window, ledger: Ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, yes, **kw: False)
    page.load_plan()
    assert ledger.scalar("SELECT count(*) FROM tasks") == 0


# ---- the dialog -----------------------------------------------------------------------------


def test_add_and_edit_a_task_with_faults_beside_the_fields(  # type: ignore[no-untyped-def]
    window, ledger: Ledger, monkeypatch
) -> None:
    campaign.add_task(ledger, "健全理论学习研讨制度", lead_department="组织部")
    window.session.notify_changed()
    page = open_page(window)

    def fill(dialog: TaskDialog) -> int:
        ui = dialog.ui
        dialog.accept()  # no title yet
        assert dialog.result() == 0
        assert dialog.errors.message("title") == "Give the task a title."
        assert ui.titleEdit.property("invalid") is True
        assert ui.titleError.isVisibleTo(dialog)
        ui.titleEdit.setText("健全理论学习研讨制度")
        dialog.accept()  # a title already used
        assert dialog.errors.message("title") == (
            "There is already a task titled “健全理论学习研讨制度”."
        )
        ui.titleEdit.setText("建立党建工作问题清单")
        ui.sectionBox.setCurrentText("落实全面从严治党主体责任")
        ui.leadBox.setCurrentText("党政办")
        ui.cooperatingEdit.setText("组织部, 宣传部，纪委办")
        ui.deadlineEdit.setDate(QDate(2026, 6, 30))
        ui.statusBox.setCurrentIndex(ui.statusBox.findData("doing"))
        dialog.accept()
        assert dialog.errors.message("title") == ""
        assert ui.titleEdit.property("invalid") is False
        return dialog.result()

    monkeypatch.setattr(TaskDialog, "exec", fill)
    page.add_task()
    [row] = ledger.query(
        "SELECT uid, section, lead_department, cooperating_departments, deadline, status "
        "FROM tasks WHERE title = '建立党建工作问题清单'"
    )
    assert {k: v for k, v in row.items() if k != "uid"} == {
        "section": "落实全面从严治党主体责任",
        "lead_department": "党政办",
        "cooperating_departments": "组织部、宣传部、纪委办",
        "deadline": "2026-06-30",
        "status": "doing",
    }
    assert [t.uid for t in page.selected_tasks()] == [row["uid"]]

    task = page.selected_tasks()[0]
    dialog = TaskDialog(window.session, task, parent=page)
    assert dialog.windowTitle() == "Edit task"
    assert dialog.ui.deadlineEdit.date() == QDate(2026, 6, 30)
    dialog.ui.noDeadlineBox.setChecked(True)
    assert not dialog.ui.deadlineEdit.isEnabled()
    dialog.ui.statusBox.setCurrentIndex(dialog.ui.statusBox.findData("done"))
    dialog.accept()
    assert dialog.result() == 1
    assert ledger.query("SELECT deadline, status FROM tasks WHERE uid = ?", [row["uid"]]) == [
        {"deadline": None, "status": "done"}
    ]


def test_task_dialog_asks_before_dropping_changes(window, ledger: Ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window)
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: "cancel")
    dialog = TaskDialog(window.session, None, parent=page)
    dialog.show()
    dialog.ui.titleEdit.setText("新任务")
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: "discard")
    dialog.reject()
    assert not dialog.isVisible()
    assert ledger.scalar("SELECT count(*) FROM tasks") == 0


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("宣传部、马克思主义学院", "宣传部、马克思主义学院"),
        (" 宣传部 , 马克思主义学院；纪委办 ", "宣传部、马克思主义学院、纪委办"),
        ("  ", None),
    ],
)
def test_cooperating_departments_are_joined_with_the_ledger_separator(
    typed: str, stored: str | None
) -> None:
    assert join_departments(typed) == stored


# ---- marking, deleting, finding -------------------------------------------------------------


def test_mark_done_removes_the_overdue_tint(window, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    late = campaign.add_task(ledger, "逾期任务", deadline=TODAY - timedelta(days=1))
    campaign.add_task(ledger, "未到期任务", deadline=TODAY + timedelta(days=30))
    window.session.notify_changed()
    page = open_page(window)
    assert tinted_rows(page) == [late]
    page.show_record(late)
    assert page.done_button.isEnabled()
    page.mark_done()
    assert ledger.scalar("SELECT status FROM tasks WHERE uid = ?", [late]) == "done"
    assert tinted_rows(page) == []
    assert compute_stats(ledger, DEMO_YEAR)["tasks"]["overdue"] == 0
    assert not page.done_button.isEnabled()  # still selected, and done


def test_delete_several_tasks_after_asking(window, ledger: Ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uids = [campaign.add_task(ledger, f"任务{n}") for n in range(3)]
    window.session.notify_changed()
    page = open_page(window)
    page.view.selectAll()
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: asked.append(text) or True
    )
    page.delete_selected()
    assert asked == ["Delete 3 tasks?"]
    assert ledger.query("SELECT uid, deleted_with FROM tasks ORDER BY rowid") == [
        {"uid": uid, "deleted_with": uid} for uid in uids
    ]
    assert page.stack.currentWidget() is page.empty


def test_show_record_selects_a_task_hidden_by_the_filter(demo_window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(demo_window)
    done = next(t for t in page.model.rows if t.status == "done")
    page.state.setCurrentIndex(page.state.findData(OVERDUE_FILTER))
    demo_window.session.navigate("tasks", done.uid)
    assert page.state.currentData() is None and page.search.text() == ""
    assert [t.uid for t in page.selected_tasks()] == [done.uid]
    assert page.focus_search() and page.search.hasFocus()
