"""组织架构: the tree (checked with qtmodeltester, with and without its filter), its member
totals against the statistics, the empty state, adding the committee, a college and a branch
through the dialog, faults shown beside their field with nothing written, edit, the unsaved
changes guard, move with confirmation, dissolve and reinstate, delete to the recycle bin,
the name filter, and ``show_record``."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from conftest import table_snapshot
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.domain.compliance import term_end
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui import messages
from desktop_app.gui.org_dialogs import DissolveDialog, MoveDialog, OrganizationDialog
from desktop_app.gui.org_tree_model import SORT_ROLE, UID_ROLE, Column, OrgTreeModel
from desktop_app.gui.pages.organizations import OrganizationsPage
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger, recycle
from desktop_app.storage.recycle import dependents_of_organizations
from gui.conftest import DEMO_YEAR

COLLEGE = "机电工程学院党总支"
OTHER_COLLEGE = "信息工程学院党总支"
BRANCH = "机电工程学院党总支/教工第一党支部"
DISSOLVED = "机电工程学院党总支/学生第三党支部"


class Answer:
    """Stands in for a question of ``messages``: records each call and gives ``answer``."""

    def __init__(self, answer: Any) -> None:
        self.answer = answer
        self.asked: list[dict[str, Any]] = []

    def __call__(self, parent: Any, text: str = "", yes: str = "", **options: Any) -> Any:
        self.asked.append({"text": text, "yes": yes, **options})
        return self.answer


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Errors and notices that would have been shown in a message box."""
    seen: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda parent, error, title=None: seen.append(str(error))
    )
    monkeypatch.setattr(messages, "show_info", lambda parent, text, title=None: seen.append(text))
    return seen


def confirm(monkeypatch: pytest.MonkeyPatch, answer: bool) -> Answer:
    stand_in = Answer(answer)
    monkeypatch.setattr(messages, "confirm", stand_in)
    return stand_in


def open_page(window: Any) -> OrganizationsPage:
    page = window.navigate("organizations")
    assert isinstance(page, OrganizationsPage)
    return page


def uid_of(ledger: Ledger, reference: str) -> str:
    return load_tree(ledger).resolve(reference).uid


def row(ledger: Ledger, uid: str) -> dict[str, Any]:
    return ledger.query("SELECT * FROM organizations WHERE uid = ?", [uid])[0]


def cell(page: OrganizationsPage, uid: str, column: Column) -> str:
    return str(page.model.index_of(uid, column).data())


def visible_names(page: OrganizationsPage) -> list[str]:
    return [str(i.data()) for i in page._walk()]


def save(dialog: OrganizationDialog) -> None:
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).click()


def org_dialog(page: OrganizationsPage) -> OrganizationDialog:
    dialog = page.org_actions.dialog
    assert isinstance(dialog, OrganizationDialog)
    assert dialog.isVisible()
    return dialog


# ---- opening --------------------------------------------------------------------------------


def test_empty_ledger_says_what_to_do(window: Any) -> None:
    page = open_page(window)
    assert page.stack.currentWidget().objectName() == "emptyPanel"
    assert page.add_committee_button.isVisible()
    assert page.add_committee_button.text() == "Add the party committee"
    assert page.summary.text() == ""
    assert page.focus_search() is False
    assert page.model.rowCount() == 0


def test_demo_tree_and_totals_agree_with_the_statistics(demo_window: Any) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    tree = load_tree(ledger)
    assert page.stack.currentWidget().objectName() != "emptyPanel"
    assert page.model.rowCount() == 1
    root = page.model.index(0, 0)
    assert root.data() == tree.root.name
    whole = compute_stats(ledger, DEMO_YEAR)["organizations"]
    root_uid = tree.root.uid
    assert cell(page, root_uid, Column.MEMBERS_FULL) == f"{whole['members_full']:,}"
    assert cell(page, root_uid, Column.MEMBERS_PROBATIONARY) == f"{whole['members_probationary']:,}"
    assert cell(page, root_uid, Column.ACTIVISTS) == f"{whole['activists']:,}"
    college = compute_stats(ledger, DEMO_YEAR, scope=COLLEGE)["organizations"]
    college_uid = uid_of(ledger, COLLEGE)
    assert cell(page, college_uid, Column.MEMBERS_FULL) == str(college["members_full"])
    assert cell(page, college_uid, Column.ACTIVISTS) == str(college["activists"])
    # A branch shows its own figures.
    branch_uid = uid_of(ledger, BRANCH)
    assert cell(page, branch_uid, Column.MEMBERS_FULL) == str(
        row(ledger, branch_uid)["members_full"]
    )
    assert page.summary.text().startswith(
        f"{whole['colleges']} colleges · {whole['branches']} branches · "
    )
    # Colleges come before the branches directly under the committee.
    levels = [
        page.model.org(page.model.index(r, 0, root)).level for r in range(page.model.rowCount(root))
    ]
    assert levels == sorted(levels, key=["college", "branch"].index)
    assert levels.count("college") == whole["colleges"]
    # The dissolved branch is hidden until asked for.
    dissolved_uid = uid_of(ledger, DISSOLVED)
    assert not page.proxy.mapFromSource(page.model.index_of(dissolved_uid)).isValid()
    assert page.dissolved_box.text() == "Show dissolved (1)"
    page.dissolved_box.setChecked(True)
    assert page.proxy.mapFromSource(page.model.index_of(dissolved_uid)).isValid()
    assert cell(page, dissolved_uid, Column.STATE).startswith("Dissolved on ")


def test_models_pass_the_model_tester(demo_window: Any, qtmodeltester: Any) -> None:
    page = open_page(demo_window)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    page.dissolved_box.setChecked(True)
    page.filter_edit.setText("教工")
    qtmodeltester.check(page.proxy)
    empty = OrgTreeModel()
    qtmodeltester.check(empty)


def test_term_column_and_tooltips(demo_window: Any) -> None:
    page = open_page(demo_window)
    model = page.model
    shown: dict[str, set[str]] = {"Expired": set(), "Ends within 180 days": set()}
    for org in model.tree:
        text = cell(page, org.uid, Column.TERM)
        if org.elected_on is None:
            assert text == ""
        elif org.active:
            state, elected = text.split(" · ")
            day = date.fromisoformat(org.elected_on)
            assert elected == f"elected {day:%b} {day.day}, {day.year}"  # elected Oct 31, 2023
            shown.setdefault(state, set()).add(model.tree.path(org.uid))
            index = model.index_of(org.uid, Column.TERM)
            end = term_end(org)
            assert end is not None and index.data(SORT_ROLE) == end.isoformat()
            years = "year" if org.term_years == 1 else "years"
            assert index.data(Qt.ItemDataRole.ToolTipRole) == (
                f"Elected on {day:%b} {day.day}, {day.year} for {org.term_years} {years}; "
                f"the term ends on {end:%b} {end.day}, {end.year}."
            )
    # The states agree with the statistics' lists of terms.
    terms = compute_stats(page.session.ledger, DEMO_YEAR)["terms"]
    assert shown["Expired"] == set(terms["expired"]) and terms["expired"]
    assert shown["Ends within 180 days"] == set(terms["expiring_soon"])
    assert set(shown) <= {"Expired", "Ends within 180 days", "Current"}
    header = model.headerData(
        Column.MEMBERS_FULL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert "total of the active organizations under it" in header
    college_uid = uid_of(page.session.ledger, COLLEGE)
    tip = model.index_of(college_uid, Column.MEMBERS_FULL).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Total of {COLLEGE} and the active organizations under it")


# ---- adding ---------------------------------------------------------------------------------


def test_add_committee_college_and_branch_through_the_dialog(window: Any, shown: list[str]) -> None:
    page = open_page(window)
    ledger = page.session.ledger
    page.add_committee_button.click()
    dialog = org_dialog(page)
    assert dialog.windowTitle() == "Add the party committee"
    assert dialog.ui.levelCombo.count() == 1 and not dialog.ui.levelCombo.isEnabled()
    assert not dialog.ui.branchTypeCombo.isEnabled()
    dialog.ui.nameEdit.setText("中共测试大学委员会")
    dialog.ui.secretaryEdit.setText("王书记")
    dialog.ui.electedUnknown.setChecked(False)
    dialog.ui.electedEdit.setDate(QDate(2023, 6, 30))
    dialog.ui.termSpin.setValue(5)
    save(dialog)
    assert not dialog.isVisible()
    [committee] = ledger.query("SELECT * FROM organizations")
    assert (committee["level"], committee["parent_uid"], committee["name"]) == (
        "committee",
        None,
        "中共测试大学委员会",
    )
    assert (committee["secretary"], committee["elected_on"], committee["term_years"]) == (
        "王书记",
        "2023-06-30",
        5,
    )
    assert committee["founded_on"] is None  # “Not recorded” stays ticked
    assert page.stack.currentWidget().objectName() != "emptyPanel"
    assert page.current_uid() == committee["uid"]

    # Under the committee: a college or a branch directly under it.
    page.org_actions.add.trigger()
    dialog = org_dialog(page)
    levels = [dialog.ui.levelCombo.itemData(i) for i in range(dialog.ui.levelCombo.count())]
    assert levels == ["college", "branch"]
    assert dialog.ui.parentValue.text() == "中共测试大学委员会"
    dialog.ui.levelCombo.setCurrentIndex(0)
    dialog.ui.nameEdit.setText(COLLEGE)
    save(dialog)
    college = ledger.query("SELECT * FROM organizations WHERE level = 'college'")[0]
    assert college["parent_uid"] == committee["uid"]
    assert page.current_uid() == college["uid"]

    # Under a college: only a branch.
    page.org_actions.add.trigger()
    dialog = org_dialog(page)
    assert [dialog.ui.levelCombo.itemData(i) for i in range(dialog.ui.levelCombo.count())] == [
        "branch"
    ]
    ui = dialog.ui
    ui.nameEdit.setText("教工第一党支部")
    ui.branchTypeCombo.setCurrentIndex(ui.branchTypeCombo.findData("teacher"))
    assert ui.doubleLeaderCheck.isEnabled()
    ui.doubleLeaderCheck.setChecked(True)
    ui.partyGroupsCheck.setChecked(True)
    ui.foundedUnknown.setChecked(False)
    ui.foundedEdit.setDate(QDate(2019, 9, 1))
    ui.fullSpin.setValue(12)
    ui.probationarySpin.setValue(2)
    ui.activistsSpin.setValue(3)
    save(dialog)
    branch = ledger.query("SELECT * FROM organizations WHERE level = 'branch'")[0]
    assert {k: branch[k] for k in ("parent_uid", "name", "branch_type", "founded_on")} == {
        "parent_uid": college["uid"],
        "name": "教工第一党支部",
        "branch_type": "teacher",
        "founded_on": "2019-09-01",
    }
    assert (branch["double_leader"], branch["has_party_groups"]) == (1, 1)
    assert (branch["members_full"], branch["members_probationary"], branch["activists"]) == (
        12,
        2,
        3,
    )
    assert page.current_uid() == branch["uid"]
    # Adding with a branch selected adds beside it, under the same college.
    assert page.org_actions.add_parent() == college["uid"]
    assert cell(page, college["uid"], Column.MEMBERS_FULL) == "12"
    assert cell(page, committee["uid"], Column.ACTIVISTS) == "3"
    assert page.summary.text() == (
        "1 college · 1 branch · 12 full members · 2 probationary members · 3 activists"
    )
    assert shown == []


def test_a_name_clash_is_shown_beside_the_name_and_nothing_is_written(
    demo_window: Any, shown: list[str]
) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    page.show_record(uid_of(ledger, COLLEGE))
    before = table_snapshot(ledger)
    page.org_actions.add.trigger()
    dialog = org_dialog(page)
    dialog.ui.nameEdit.setText("教工第一党支部")
    dialog.ui.fullSpin.setValue(9)
    save(dialog)
    assert dialog.isVisible()
    message = dialog.errors.message("name")
    assert message.startswith(f"“{COLLEGE}” already has an organization named “教工第一党支部”")
    assert dialog.ui.nameError.isVisibleTo(dialog)
    assert dialog.ui.nameEdit.property("invalid") is True
    assert dialog.ui.fullSpin.value() == 9  # nothing lost
    assert table_snapshot(ledger) == before
    # An empty name: its own message, beside the same field.
    dialog.ui.nameEdit.setText("  ")
    save(dialog)
    assert dialog.errors.message("name") == "The name is empty; give the organization a name."
    # Corrected, it saves and the mark goes.
    dialog.ui.nameEdit.setText("教工第三党支部")
    save(dialog)
    assert not dialog.isVisible()
    assert load_tree(ledger).resolve(f"{COLLEGE}/教工第三党支部").members_full == 9
    assert shown == []


# ---- editing --------------------------------------------------------------------------------


def test_edit_with_enter_changes_the_record_and_the_totals(demo_window: Any, qtbot: Any) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    uid = uid_of(ledger, BRANCH)
    college_uid = uid_of(ledger, COLLEGE)
    old = row(ledger, uid)
    old_total = int(cell(page, college_uid, Column.MEMBERS_FULL))
    page.show_record(uid)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    dialog = org_dialog(page)
    assert dialog.org is not None and dialog.org.uid == uid
    assert dialog.ui.nameEdit.text() == "教工第一党支部"
    assert dialog.ui.fullSpin.value() == old["members_full"]
    assert dialog.windowTitle() == "Edit “教工第一党支部”"
    dialog.ui.secretaryEdit.setText("新书记")
    dialog.ui.fullSpin.setValue(old["members_full"] + 5)
    save(dialog)
    assert not dialog.isVisible()
    new = row(ledger, uid)
    assert (new["secretary"], new["members_full"]) == ("新书记", old["members_full"] + 5)
    assert new["parent_uid"] == old["parent_uid"] and new["founded_on"] == old["founded_on"]
    assert cell(page, college_uid, Column.MEMBERS_FULL) == str(old_total + 5)
    assert cell(page, uid, Column.SECRETARY) == "新书记"
    assert page.current_uid() == uid
    # Ctrl+Z takes the edit back.
    page.session.undo()
    assert row(ledger, uid)["members_full"] == old["members_full"]


def test_unsaved_changes_are_guarded(demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    page.show_record(uid_of(ledger, BRANCH))
    before = table_snapshot(ledger)
    page.view.doubleClicked.emit(page.view.currentIndex())
    dialog = org_dialog(page)
    ask = Answer("cancel")
    monkeypatch.setattr(messages, "ask_unsaved", ask)
    dialog.reject()  # unchanged: closes without asking
    assert not dialog.isVisible() and ask.asked == []
    page.org_actions.edit.trigger()
    dialog = org_dialog(page)
    dialog.ui.nameEdit.setText("改过的名字")
    dialog.reject()
    assert dialog.isVisible() and len(ask.asked) == 1
    assert dialog.ui.nameEdit.text() == "改过的名字"
    ask.answer = "discard"
    dialog.reject()
    assert not dialog.isVisible()
    assert table_snapshot(ledger) == before
    page.org_actions.edit.trigger()
    dialog = org_dialog(page)
    dialog.ui.nameEdit.setText("改过的名字")
    ask.answer = "save"
    dialog.close()
    assert not dialog.isVisible()
    assert row(ledger, uid_of(ledger, f"{COLLEGE}/改过的名字"))["name"] == "改过的名字"


# ---- moving, dissolving, deleting ---------------------------------------------------------


def test_move_asks_naming_old_and_new_place(
    demo_window: Any, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    uid = uid_of(ledger, f"{COLLEGE}/校企合作联合党支部")
    target = uid_of(ledger, OTHER_COLLEGE)
    page.show_record(uid)
    assert page.org_actions.move.isEnabled()
    page.org_actions.move.trigger()
    dialog = page.org_actions.dialog
    assert isinstance(dialog, MoveDialog)
    picker = dialog.ui.parentPicker
    listed = {picker.itemData(i) for i in range(picker.count())}
    tree = load_tree(ledger)
    assert uid_of(ledger, COLLEGE) not in listed  # its present place
    assert tree.root.uid in listed  # a branch may sit directly under the committee
    assert all(tree.by_uid[u].level in ("committee", "college") for u in listed)
    assert all(tree.by_uid[u].active for u in listed)
    assert picker.set_uid(target)
    before = table_snapshot(ledger)
    asked = confirm(monkeypatch, False)
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert (
        asked.asked[0]["text"]
        == f"Move “校企合作联合党支部” from “{COLLEGE}” to “{OTHER_COLLEGE}”?"
    )
    assert table_snapshot(ledger) == before
    assert dialog.isVisible()
    asked.answer = True
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert row(ledger, uid)["parent_uid"] == target
    assert page.current_uid() == uid
    assert page.proxy.mapToSource(page.view.currentIndex().parent()) == page.model.index_of(target)
    assert shown == []


def test_move_into_a_name_clash_is_shown_beside_the_picker(
    demo_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    page.show_record(uid_of(ledger, BRANCH))
    page.org_actions.move.trigger()
    dialog = page.org_actions.dialog
    assert isinstance(dialog, MoveDialog)
    asked = confirm(monkeypatch, True)
    dialog.ui.parentPicker.set_uid(uid_of(ledger, OTHER_COLLEGE))
    before = table_snapshot(ledger)
    assert dialog.try_move() is False
    assert asked.asked == []
    assert dialog.errors.message("parent").startswith(
        f"“{OTHER_COLLEGE}” already has an organization named “教工第一党支部”"
    )
    assert table_snapshot(ledger) == before


def test_colleges_and_the_committee_cannot_move(demo_window: Any) -> None:
    page = open_page(demo_window)
    page.show_record(uid_of(page.session.ledger, COLLEGE))
    assert not page.org_actions.move.isEnabled()
    page.show_record(page.model.tree.root.uid)
    actions = page.org_actions
    assert actions.edit.isEnabled() and actions.add.isEnabled()
    assert not any(a.isEnabled() for a in (actions.move, actions.dissolve, actions.delete))


def test_dissolve_then_reinstate(demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    college = uid_of(ledger, OTHER_COLLEGE)
    under = load_tree(ledger).subtree(college)
    page.show_record(college)
    page.org_actions.dissolve.trigger()
    dialog = page.org_actions.dialog
    assert isinstance(dialog, DissolveDialog)
    assert dialog.day() == date.today()
    assert f"The {len(under) - 1} active organizations under it" in dialog.ui.introLabel.text()
    dialog.ui.dateEdit.setDate(QDate(2025, 12, 31))
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    states = {
        r["uid"]: (r["active"], r["dissolved_on"])
        for r in ledger.query("SELECT * FROM organizations")
    }
    assert all(states[u] == (0, "2025-12-31") for u in under)
    # The dissolved organization stays in view, shown as dissolved.
    assert page.dissolved_box.isChecked() and page.current_uid() == college
    assert cell(page, college, Column.STATE) == "Dissolved on Dec 31, 2025"
    assert page.notice.text() == f"“{OTHER_COLLEGE}” was dissolved on Dec 31, 2025."
    assert not page.org_actions.dissolve.isEnabled() and page.org_actions.reinstate.isEnabled()
    # Its branches cannot come back before it.
    page.show_record(under[1])
    assert not page.org_actions.reinstate.isEnabled()
    page.show_record(college)
    asked = confirm(monkeypatch, True)
    page.org_actions.reinstate.trigger()
    assert asked.asked[0]["text"] == f"Reinstate “{OTHER_COLLEGE}”?"
    states = {
        r["uid"]: (r["active"], r["dissolved_on"])
        for r in ledger.query("SELECT * FROM organizations")
    }
    assert all(states[u] == (1, None) for u in under)
    assert cell(page, college, Column.STATE) == "Active"


def test_delete_goes_to_the_recycle_bin(demo_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    uid = uid_of(ledger, BRANCH)
    records = len(dependents_of_organizations(ledger, [uid]))
    assert records > 0
    page.show_record(uid)
    before = table_snapshot(ledger)
    asked = confirm(monkeypatch, False)
    demo_window.delete_selected()  # the window's Delete key
    assert asked.asked[0]["text"] == "Move “教工第一党支部” to the recycle bin?"
    assert asked.asked[0]["destructive"] is True
    assert f"{records} records (activities, ratings" in asked.asked[0]["detail"]
    assert table_snapshot(ledger) == before
    asked.answer = True
    page.delete_selected()
    [item] = recycle.list_bin(ledger)
    assert (item.table, item.uid, item.count) == ("organizations", uid, records + 1)
    assert page.model.index_of(uid).isValid() is False
    assert page.notice.text() == "“教工第一党支部” is in the recycle bin; Ctrl+Z brings it back."


def test_deleting_a_college_says_how_many_organizations_go(
    demo_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    college = uid_of(ledger, OTHER_COLLEGE)
    subtree = load_tree(ledger).subtree(college)
    page.show_record(college)
    asked = confirm(monkeypatch, True)
    page.delete_selected()
    assert asked.asked[0]["detail"].startswith(
        f"The {len(subtree) - 1} organizations under it go with it."
    )
    assert ledger.scalar(
        "SELECT count(*) FROM organizations WHERE deleted_with = ?", [college]
    ) == len(subtree)


# ---- finding --------------------------------------------------------------------------------


def test_filter_narrows_the_tree(demo_window: Any) -> None:
    page = open_page(demo_window)
    tree = page.model.tree
    everything = len(visible_names(page))
    assert everything == sum(1 for o in tree if o.active)
    assert page.focus_search() is True
    page.filter_edit.setText("机电")
    college = tree.resolve(COLLEGE)
    branches = [tree.by_uid[u] for u in tree.children[college.uid] if tree.by_uid[u].active]
    # The college, its active branches (shown with it) and the committee above it.
    assert visible_names(page) == [
        tree.root.name,
        COLLEGE,
        *[b.name for b in page_order(page, branches)],
    ]
    page.filter_edit.setText("联合")
    names = visible_names(page)
    leaves = [n for n in names if "联合" in n]
    assert leaves and all(n.endswith("党支部") for n in leaves)
    assert all("联合" in n or tree.matches(n)[0].level != "branch" for n in names)
    assert page.current_uid() is not None and "联合" in str(page.view.currentIndex().data())
    page.filter_edit.setText("没有这个名字")
    assert visible_names(page) == []
    page.filter_edit.clear()
    assert len(visible_names(page)) == everything


def page_order(page: OrganizationsPage, orgs: list[Any]) -> list[Any]:
    order = {i.data(UID_ROLE): n for n, i in enumerate(page._walk())}
    return sorted(orgs, key=lambda o: order[o.uid])


def test_show_record_expands_and_selects(demo_window: Any) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    page.view.collapseAll()
    uid = uid_of(ledger, BRANCH)
    demo_window.navigate("organizations", uid)
    assert page.current_uid() == uid
    index = page.view.currentIndex()
    assert page.view.isExpanded(index.parent())
    # A dissolved one is shown; a filter hiding the record is cleared.
    page.filter_edit.setText("信息")
    dissolved = uid_of(ledger, DISSOLVED)
    page.show_record({"uid": dissolved})
    assert page.dissolved_box.isChecked() and page.filter_edit.text() == ""
    assert page.current_uid() == dissolved
    page.show_record("no such uid")
    assert page.current_uid() == dissolved


def test_the_tree_keeps_its_shape_when_the_ledger_changes(demo_window: Any) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    college = page.proxy.mapFromSource(page.model.index_of(uid_of(ledger, COLLEGE)))
    page.view.collapse(college)
    uid = uid_of(ledger, f"{OTHER_COLLEGE}/教工第一党支部")
    page.show_record(uid)
    page.session.notify_changed()
    college = page.proxy.mapFromSource(page.model.index_of(uid_of(ledger, COLLEGE)))
    assert not page.view.isExpanded(college)
    assert page.current_uid() == uid
    assert page.view.currentIndex() != QModelIndex()


def test_keys_add_and_edit(demo_window: Any, qtbot: Any) -> None:
    page = open_page(demo_window)
    ledger = page.session.ledger
    uid = uid_of(ledger, BRANCH)
    page.show_record(uid)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    dialog = org_dialog(page)
    assert dialog.org is not None and dialog.org.uid == uid
    dialog.reject()
    qtbot.keyClick(page.view, Qt.Key.Key_Insert)
    dialog = org_dialog(page)
    assert dialog.org is None and dialog.parent_uid == uid_of(ledger, COLLEGE)
    dialog.reject()
    page.focus_search()
    page.filter_edit.insert("联合")  # typed (QTest types ASCII only)
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert page.view.hasFocus()
    assert "联合" in str(page.view.currentIndex().data())
