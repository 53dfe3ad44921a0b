"""回收站: the table of deletions (checked with qtmodeltester), restore (asking first for an
identical live activity), purge and empty (after a destructive confirmation), the empty state,
and Ctrl+Z after a delete or a restore."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from conftest import table_snapshot
from PySide6.QtCore import QItemSelectionModel, Qt

from desktop_app.bin_items import describe_bin
from desktop_app.domain import activities, campaign, organizations
from desktop_app.gui import messages
from desktop_app.gui.bin_model import COUNT, DELETED_AT, KIND, ORGANIZATION, WHAT, BinModel
from desktop_app.gui.pages.recycle_bin import EMPTY, TABLE, RecycleBinPage
from desktop_app.storage import Ledger, recycle

DAY = date(2025, 3, 18)
BRANCH = "机电工程学院党总支/教工第一党支部"


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid = {"root": add(ledger, name="党委", level="committee")}
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["t1"] = add(ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"])
    return uid


def theme_day(ledger: Ledger, org: str, theme: str = "学习二十大精神") -> str:
    return activities.add_activity(ledger, org, type="theme_day", date=DAY, theme=theme)


def live(ledger: Ledger, table: str, uid: str) -> bool | None:
    """True if live, False if in the recycle bin, None if gone for good."""
    row = ledger.conn.execute(f"SELECT deleted_at FROM {table} WHERE uid = ?", [uid]).fetchone()
    return None if row is None else row[0] is None


class Confirm:
    """Stands in for ``messages.confirm``: records each question and gives ``answer``."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[dict[str, Any]] = []

    def __call__(self, parent: Any, text: str, yes: str, **options: Any) -> bool:
        self.asked.append({"text": text, "yes": yes, **options})
        return self.answer


def patch_confirm(monkeypatch: pytest.MonkeyPatch, answer: bool) -> Confirm:
    confirm = Confirm(answer)
    monkeypatch.setattr(messages, "confirm", confirm)
    return confirm


def bin_page(window: Any) -> RecycleBinPage:
    page = window.navigate("recycle_bin")
    assert isinstance(page, RecycleBinPage)
    return page


def select(page: RecycleBinPage, *uids: str) -> None:
    page._select(list(uids))
    assert {e.uid for e in page.selected_entries()} == set(uids)


def test_the_model_passes_qtmodeltester_and_shows_people_words(
    qtmodeltester: Any, ledger: Ledger, orgs: dict[str, str]
) -> None:
    act = theme_day(ledger, orgs["t1"])
    rating = campaign.set_rating(ledger, orgs["t1"], 2025, 4)
    activities.delete_activity(ledger, act)
    campaign.delete_record(ledger, "ratings", rating)
    organizations.delete_organization(ledger, orgs["jd"])

    model = BinModel()
    model.set_entries(describe_bin(ledger))
    qtmodeltester.check(model)
    rows = [
        [model.data(model.index(r, c)) for c in (WHAT, KIND, ORGANIZATION, COUNT)]
        for r in range(model.rowCount())
    ]
    assert rows == [
        ["机电工程学院党总支", "College party organization", "党委", "2"],
        ["2025: 4 stars", "Star rating", BRANCH, "1"],
        ["Theme party day Mar 18, 2025 学习二十大精神", "Activity", BRANCH, "1"],
    ]
    first = model.index(0, DELETED_AT)
    assert model.data(first, Qt.ItemDataRole.UserRole + 1) == model.entry(0).deleted_at
    local = datetime.fromisoformat(model.entry(0).deleted_at).astimezone()
    hour = local.hour % 12 or 12
    assert model.data(first) == (  # Mar 18, 2025, 2:30 PM in local time
        f"{local:%b} {local.day}, {local.year}, {hour}:{local:%M}\N{NO-BREAK SPACE}{local:%p}"
    )
    assert model.data(model.index(0, COUNT), Qt.ItemDataRole.UserRole + 1) == 2
    assert "2 records together" in model.data(model.index(0, COUNT), Qt.ItemDataRole.ToolTipRole)


def test_the_page_on_an_empty_ledger_says_the_bin_is_empty(window: Any, qtmodeltester: Any) -> None:
    page = bin_page(window)
    assert page.stack.currentIndex() == EMPTY
    assert page.empty_label.text() == "The recycle bin is empty."
    assert not page.empty_button.isEnabled()
    assert not page.restore_button.isEnabled()
    qtmodeltester.check(page.proxy)


def test_the_proxy_sorts_and_filters(
    window: Any, ledger: Ledger, orgs: dict[str, str], qtmodeltester: Any
) -> None:
    session = window.session
    first = theme_day(ledger, orgs["t1"], "第一次")
    second = theme_day(ledger, orgs["t1"], "第二次")
    task = campaign.add_task(ledger, "制定实施方案")
    for uid in (first, second):
        session.write(lambda uid=uid: activities.delete_activity(ledger, uid))
    session.write(lambda: campaign.delete_record(ledger, "tasks", task))
    page = bin_page(window)
    assert page.stack.currentIndex() == TABLE
    assert page.count_label.text() == "3 deletions, 3 records in all"
    proxy = page.proxy
    qtmodeltester.check(proxy)

    def whats() -> list[str]:
        return [proxy.data(proxy.index(r, WHAT)) for r in range(proxy.rowCount())]

    # newest first
    assert whats() == ["制定实施方案", *(f"Theme party day Mar 18, 2025 第{n}次" for n in "二一")]
    page.view.sortByColumn(DELETED_AT, Qt.SortOrder.AscendingOrder)
    assert whats()[0] == "Theme party day Mar 18, 2025 第一次"
    page.filter_edit.setText("第二")
    assert whats() == ["Theme party day Mar 18, 2025 第二次"]
    page.filter_edit.setText("task")
    assert whats() == ["制定实施方案"]
    assert page.focus_search() and page.filter_edit.hasFocus()


def test_restore_through_the_page(
    window: Any, ledger: Ledger, orgs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    confirm = patch_confirm(monkeypatch, False)
    act = theme_day(ledger, orgs["t1"])
    window.session.write(lambda: activities.delete_activity(ledger, act))
    page = bin_page(window)
    select(page, act)
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    assert confirm.asked == []  # restoring asks nothing: Ctrl+Z takes it back
    assert live(ledger, "activities", act) is True
    assert page.model.rowCount() == 0
    assert page.stack.currentIndex() == EMPTY
    assert "“Theme party day Mar 18, 2025 学习二十大精神” was restored" in page.status.text()
    # Ctrl+Z sends it back to the recycle bin
    window.undo_action.trigger()
    assert live(ledger, "activities", act) is False
    assert [e.uid for e in page.model.entries()] == [act]


def test_restore_of_a_whole_organization_and_a_refusal(
    window: Any,
    ledger: Ledger,
    orgs: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    act = theme_day(ledger, orgs["t1"])
    window.session.write(lambda: activities.delete_activity(ledger, act))
    window.session.write(lambda: organizations.delete_organization(ledger, orgs["jd"]))
    errors: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error, **kw: errors.append(error))
    page = bin_page(window)
    # the activity waits for its organization: refused, nothing changed
    select(page, act)
    before = table_snapshot(ledger)
    assert page.restore_selected() == 0
    assert "Restore the organization “教工第一党支部” first" in errors[0].message
    assert table_snapshot(ledger) == before
    # both at once: the organization comes back first, then the activity
    select(page, act, orgs["jd"])
    assert page.restore_selected() == 3
    assert live(ledger, "activities", act) and live(ledger, "organizations", orgs["t1"])
    assert recycle.list_bin(ledger) == []
    # one change: one Ctrl+Z deletes both again
    window.undo_action.trigger()
    assert {i.uid for i in recycle.list_bin(ledger)} == {act, orgs["jd"]}


def test_restoring_an_activity_with_a_live_twin_asks_first(
    window: Any, ledger: Ledger, orgs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    act = theme_day(ledger, orgs["t1"])
    window.session.write(lambda: activities.delete_activity(ledger, act))
    twin = theme_day(ledger, orgs["t1"])
    window.session.notify_changed()
    page = bin_page(window)
    select(page, act)
    refuse = patch_confirm(monkeypatch, False)
    assert page.restore_selected() == 0
    assert live(ledger, "activities", act) is False
    assert "Mar 18, 2025 学习二十大精神" in refuse.asked[0]["text"]
    assert refuse.asked[0]["yes"] == "Restore"
    agree = patch_confirm(monkeypatch, True)
    assert page.restore_selected() == 1
    assert len(agree.asked) == 1
    assert live(ledger, "activities", act) and live(ledger, "activities", twin)


def test_purge_asks_and_deletes_for_good(
    window: Any, ledger: Ledger, orgs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    act = theme_day(ledger, orgs["t1"])
    task = campaign.add_task(ledger, "制定实施方案")
    window.session.write(lambda: activities.delete_activity(ledger, act))
    window.session.write(lambda: campaign.delete_record(ledger, "tasks", task))
    page = bin_page(window)
    select(page, act)
    before = table_snapshot(ledger)
    no = patch_confirm(monkeypatch, False)
    page.purge_button.click()
    assert table_snapshot(ledger) == before
    assert no.asked[0]["destructive"] is True
    assert no.asked[0]["text"] == "Purge “Theme party day Mar 18, 2025 学习二十大精神” for good?"
    assert "cannot be undone" in no.asked[0]["detail"]
    yes = patch_confirm(monkeypatch, True)
    window.delete_action.trigger()  # the Delete key purges the selection
    assert len(yes.asked) == 1
    assert live(ledger, "activities", act) is None
    assert [e.uid for e in page.model.entries()] == [task]
    assert "1 record was purged." in page.status.text()


def test_empty_the_bin(
    window: Any, ledger: Ledger, orgs: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    act = theme_day(ledger, orgs["t1"])
    window.session.write(lambda: activities.delete_activity(ledger, act))
    window.session.write(lambda: organizations.delete_organization(ledger, orgs["jd"]))
    page = bin_page(window)
    assert page.empty_button.isEnabled()
    no = patch_confirm(monkeypatch, False)
    page.empty_button.click()
    assert len(recycle.list_bin(ledger)) == 2
    assert no.asked[0]["text"] == "Empty the recycle bin: purge all its 2 items for good?"
    assert no.asked[0]["detail"].startswith("3 records will be deleted permanently.")
    patch_confirm(monkeypatch, True)
    assert page.empty() == 3
    assert recycle.list_bin(ledger) == []
    assert live(ledger, "organizations", orgs["t1"]) is None
    assert live(ledger, "organizations", orgs["root"]) is True
    assert page.stack.currentIndex() == EMPTY


def test_ctrl_z_after_a_delete_brings_the_activity_back(
    window: Any, ledger: Ledger, orgs: dict[str, str]
) -> None:
    act = theme_day(ledger, orgs["t1"])
    window.session.write(lambda: activities.delete_activity(ledger, act))
    assert live(ledger, "activities", act) is False
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "Undo: delete activity"
    page = bin_page(window)
    assert page.model.rowCount() == 1
    window.undo_action.trigger()
    assert live(ledger, "activities", act) is True
    assert recycle.list_bin(ledger) == []
    assert page.model.rowCount() == 0  # the page refreshed


def test_show_record_selects_the_deletion(
    window: Any, ledger: Ledger, orgs: dict[str, str]
) -> None:
    uids = [theme_day(ledger, orgs["t1"], f"活动{n}") for n in range(3)]
    for uid in uids:
        window.session.write(lambda uid=uid: activities.delete_activity(ledger, uid))
    page = bin_page(window)
    page.filter_edit.setText("活动0")
    window.navigate("recycle_bin", uids[1])
    assert page.filter_edit.text() == ""
    assert [e.uid for e in page.selected_entries()] == [uids[1]]
    selection = page.view.selectionModel()
    selection.select(
        page.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert [e.uid for e in page.selected_entries()] == [uids[2]]
