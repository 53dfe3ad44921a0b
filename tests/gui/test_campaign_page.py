"""三级联创: targets with progress from the statistics, candidates grouped by status and
advanced through a dialog, brands; empty states; the unsaved-changes guard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.domain import campaign, organizations
from desktop_app.domain.enums import CANDIDATE_STATUSES
from desktop_app.gui import messages
from desktop_app.gui.campaign_dialogs import AdvanceDialog, CandidateDialog, TargetDialog
from desktop_app.gui.campaign_models import CandidatesModel, TargetsModel
from desktop_app.gui.campaign_widgets import PROGRESS_ROLE, UID_ROLE
from desktop_app.gui.pages.campaign import CampaignPage
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger
from gui.conftest import DEMO_YEAR, make_window

TODAY = date.today()


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    college = organizations.add_organization(
        ledger, name="机电工程学院党总支", level="college", parent_uid=root
    )
    branch = organizations.add_organization(
        ledger, name="教工第一党支部", level="branch", parent_uid=college
    )
    other = organizations.add_organization(
        ledger, name="学生第一党支部", level="branch", parent_uid=college
    )
    return {"root": root, "college": college, "branch": branch, "other": other}


@pytest.fixture
def small_window(qtbot, ledger: Ledger, orgs: dict[str, str]):  # type: ignore[no-untyped-def]
    return make_window(qtbot, ledger)


def open_page(window) -> CampaignPage:  # type: ignore[no-untyped-def]
    page = window.navigate("campaign")
    assert isinstance(page, CampaignPage)
    return page


def target_texts(page: CampaignPage) -> list[list[str]]:
    model = page.targets_model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def group_counts(model: CandidatesModel) -> dict[str, int]:
    return {status: len(rows) for status, rows in model.groups.items()}


# ---- opening --------------------------------------------------------------------------------


def test_empty_ledger_says_what_to_do(window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window)
    assert page.targets_stack.currentWidget() is page.targets_empty
    assert "No creation targets yet" in page.targets_empty.label.text()
    assert page.candidates_stack.currentWidget() is page.candidates_empty
    assert "No candidates yet" in page.candidates_empty.label.text()
    assert page.brands.stack.currentWidget() is page.brands.empty
    assert page.tabs.tabText(0) == "Candidates (0)"
    assert not page.edit_target_button.isEnabled()
    assert not page.advance_button.isEnabled()


def test_demo_ledger_figures_come_from_the_statistics(  # type: ignore[no-untyped-def]
    demo_window, demo_ledger: Ledger, qtmodeltester
) -> None:
    page = open_page(demo_window)
    creation = compute_stats(demo_ledger, DEMO_YEAR)["creation"]
    achieved = {(c["level"], c["grade"]): c["achieved"] for c in creation}
    rows = page.targets_model.rows
    assert {(r.level, r.grade) for r in rows} == set(achieved)
    assert all(r.achieved == achieved[(r.level, r.grade)] for r in rows)
    targets = demo_ledger.query(
        "SELECT level, grade, period, target FROM creation_targets WHERE deleted_at IS NULL"
    )
    assert sorted((r.level, r.grade, r.period, r.target) for r in rows if r.uid) == sorted(
        (t["level"], t["grade"], t["period"], t["target"]) for t in targets
    )
    # The plan's provincial model branches: the progress cell carries (achieved, target).
    branch = next(i for i, r in enumerate(rows) if (r.level, r.grade) == ("branch", "provincial"))
    cell = page.targets_model.index(branch, TargetsModel.PROGRESS)
    assert cell.data(PROGRESS_ROLE) == (achieved[("branch", "provincial")], 4)

    by_status = dict(
        demo_ledger.conn.execute(
            "SELECT status, count(*) FROM creation_candidates WHERE deleted_at IS NULL "
            "GROUP BY status"
        ).fetchall()
    )
    assert group_counts(page.candidates_model) == {
        s: by_status.get(s, 0) for s in CANDIDATE_STATUSES.codes
    }
    assert page.tabs.tabText(0) == f"Candidates ({sum(by_status.values())})"
    assert page.brands.model.rowCount() == 7
    assert page.candidates_stack.currentWidget() is page.candidates_view
    for model in (
        page.targets_model,
        page.targets_proxy,
        page.candidates_model,
        page.candidates_proxy,
        page.brands.model,
        page.brands.proxy,
    ):
        qtmodeltester.check(model)


def test_candidate_search_keeps_the_groups_of_what_matches(demo_window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    page = open_page(demo_window)
    page.search.setText("机电工程学院")
    proxy = page.candidates_proxy
    shown = []
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        shown += [proxy.index(r, 0, parent).data() for r in range(proxy.rowCount(parent))]
    expected = sorted(
        c.path
        for rows in page.candidates_model.groups.values()
        for c in rows
        if "机电工程学院" in c.path
    )
    assert shown and sorted(shown) == expected
    qtmodeltester.check(proxy)
    # A refresh keeps the search and the candidate selected in it.
    first = proxy.index(0, 0, proxy.index(0, 0))
    page.candidates_view.setCurrentIndex(first)
    uid = page._selected_candidate().uid
    demo_window.session.notify_changed()
    assert page.search.text() == "机电工程学院"
    assert page._selected_candidate().uid == uid


# ---- targets --------------------------------------------------------------------------------


def test_set_a_target_and_see_progress(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger, orgs: dict[str, str], monkeypatch
) -> None:
    page = open_page(small_window)

    def fill_and_save(dialog: TargetDialog) -> int:
        dialog.ui.levelBox.setCurrentIndex(dialog.ui.levelBox.findData("branch"))
        dialog.ui.gradeBox.setCurrentIndex(dialog.ui.gradeBox.findData("provincial"))
        dialog.ui.periodEdit.setText("2024-2026")
        dialog.ui.targetBox.setValue(2)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TargetDialog, "exec", fill_and_save)
    page.add_target()
    assert page.targets_stack.currentWidget() is page.targets_view
    assert target_texts(page) == [
        ["Model branch", "Provincial", "2024-2026", "2", "0", "0 of 2 (0%)"]
    ]
    # The new target is selected, so Edit and Delete apply to it.
    assert page.edit_target_button.isEnabled() and page.delete_target_button.isEnabled()

    campaign.add_candidate(ledger, orgs["branch"], "branch", "provincial", "accepted", TODAY)
    small_window.session.notify_changed()
    assert target_texts(page)[0][3:] == ["2", "1", "1 of 2 (50%)"]
    cell = page.targets_model.index(0, TargetsModel.PROGRESS)
    assert cell.data(PROGRESS_ROLE) == (1, 2)
    [row] = compute_stats(ledger, DEMO_YEAR)["creation"]
    assert (row["target"], row["achieved"]) == (2, 1)


def test_edit_a_target_shows_a_clash_beside_the_period(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger
) -> None:
    first = campaign.set_target(ledger, "college", "national", 1, "2021-2023")
    campaign.set_target(ledger, "college", "national", 2, "2024-2026")
    small_window.session.notify_changed()
    page = open_page(small_window)
    row = next(r for r in page.targets_model.rows if r.uid == first)
    dialog = TargetDialog(small_window.session, row, page)
    assert dialog.windowTitle() == "Edit target"
    dialog.ui.periodEdit.setText("2024-2026")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.errors.message("period") == (
        "There is already a target for Benchmark college (National) in the period "
        "“2024-2026”; edit that one instead."
    )
    assert dialog.ui.periodEdit.property("invalid") is True
    dialog.ui.periodEdit.setText("2021-2025")
    dialog.ui.targetBox.setValue(3)
    dialog.accept()
    assert dialog.result() == 1
    assert ledger.query("SELECT period, target FROM creation_targets WHERE uid = ?", [first]) == [
        {"period": "2021-2025", "target": 3}
    ]


def test_target_dialog_guards_unsaved_changes(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger, monkeypatch
) -> None:
    page = open_page(small_window)
    answers: list[str] = []
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: answers.pop(0))
    dialog = TargetDialog(small_window.session, None, page)
    dialog.show()
    dialog.reject()  # nothing changed: closes without asking
    assert not dialog.isVisible()

    dialog = TargetDialog(small_window.session, None, page)
    dialog.show()
    dialog.ui.targetBox.setValue(5)
    answers[:] = ["cancel"]
    dialog.reject()
    assert dialog.isVisible() and dialog.ui.targetBox.value() == 5
    answers[:] = ["discard"]
    dialog.reject()
    assert not dialog.isVisible()
    assert ledger.scalar("SELECT count(*) FROM creation_targets") == 0

    dialog = TargetDialog(small_window.session, None, page)
    dialog.show()
    dialog.ui.targetBox.setValue(5)
    answers[:] = ["save"]
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == 1
    assert ledger.scalar("SELECT target FROM creation_targets") == 5
    assert answers == []


def test_delete_a_target_after_asking(small_window, ledger: Ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    uid = campaign.set_target(ledger, "school", "national", 1, "2021-2023")
    small_window.session.notify_changed()
    page = open_page(small_window)
    page.targets_view.selectRow(0)
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: asked.append(text) or False
    )
    page.delete_target()
    assert ledger.scalar("SELECT deleted_at FROM creation_targets WHERE uid = ?", [uid]) is None
    monkeypatch.setattr(messages, "confirm", lambda parent, text, yes, **kw: True)
    page.targets_view.setFocus()
    page.delete_target()
    assert ledger.scalar("SELECT deleted_at FROM creation_targets WHERE uid = ?", [uid])
    assert asked == ["Delete the target for Model university (National) 2021-2023?"]
    assert page.targets_stack.currentWidget() is page.targets_empty


# ---- candidates -----------------------------------------------------------------------------


def test_add_and_advance_a_candidate_through_the_dialogs(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger, orgs: dict[str, str], monkeypatch
) -> None:
    page = open_page(small_window)
    dialog = CandidateDialog(small_window.session, page.tree, page)
    ui = dialog.ui
    # The organizations offered follow the level: branches for 样板支部, colleges for 标杆院系.
    assert [ui.orgBox.itemData(i) for i in range(ui.orgBox.count())] == [
        orgs["other"],  # siblings by name: 学生… before 教工…
        orgs["branch"],
    ]
    ui.levelBox.setCurrentIndex(ui.levelBox.findData("college"))
    assert [ui.orgBox.itemData(i) for i in range(ui.orgBox.count())] == [orgs["college"]]
    ui.levelBox.setCurrentIndex(ui.levelBox.findData("branch"))
    ui.orgBox.set_uid(orgs["branch"])
    ui.gradeBox.setCurrentIndex(ui.gradeBox.findData("provincial"))
    started = TODAY - timedelta(days=90)
    ui.dateEdit.setDate(QDate(started.year, started.month, started.day))
    ui.noteEdit.setText("第一批")
    dialog.accept()
    assert dialog.result() == 1
    uid = dialog.result_value
    [row] = ledger.query("SELECT * FROM creation_candidates")
    assert (row["uid"], row["org_uid"], row["level"], row["grade"], row["status"]) == (
        uid,
        orgs["branch"],
        "branch",
        "provincial",
        "cultivating",
    )
    assert (row["cultivated_on"], row["note"]) == (started.isoformat(), "第一批")
    assert group_counts(page.candidates_model)["cultivating"] == 1

    # The same organization again for the same level and grade: refused beside the level.
    again = CandidateDialog(small_window.session, page.tree, page)
    again.ui.orgBox.set_uid(orgs["branch"])
    again.ui.gradeBox.setCurrentIndex(again.ui.gradeBox.findData("provincial"))
    again.accept()
    assert again.result() == 0
    assert again.errors.message("level") == (
        "“教工第一党支部” is already a candidate for Model branch (Provincial)."
    )

    page.show_record(uid)
    candidate = page._selected_candidate()
    assert candidate is not None and candidate.uid == uid
    advance = AdvanceDialog(small_window.session, candidate, page)
    box = advance.ui.statusBox
    assert [box.itemData(i) for i in range(box.count())] == [
        "applied",
        "approved",
        "accepted",
        "rejected",
    ]
    # A date before the last step is shown beside the date and nothing is written.
    box.setCurrentIndex(box.findData("approved"))
    early = started - timedelta(days=1)
    advance.ui.dateEdit.setDate(QDate(early.year, early.month, early.day))
    advance.accept()
    assert advance.result() == 0
    assert advance.errors.message("date") == (
        f"The date is before the candidate's last step ({started.isoformat()})."
    )
    assert ledger.scalar("SELECT status FROM creation_candidates") == "cultivating"
    advance.ui.dateEdit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    advance.accept()
    assert advance.result() == 1
    [row] = ledger.query("SELECT status, approved_on FROM creation_candidates")
    assert row == {"status": "approved", "approved_on": TODAY.isoformat()}
    assert group_counts(page.candidates_model)["approved"] == 1
    assert group_counts(page.candidates_model)["cultivating"] == 0


def test_advance_from_the_page_and_final_steps(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger, orgs: dict[str, str], monkeypatch
) -> None:
    uid = campaign.add_candidate(ledger, orgs["college"], "college", "school", "applied", TODAY)
    small_window.session.notify_changed()
    page = open_page(small_window)
    page.show_record(uid)
    assert page.advance_button.isEnabled()

    def accept_step(dialog: AdvanceDialog) -> int:
        dialog.ui.statusBox.setCurrentIndex(dialog.ui.statusBox.findData("accepted"))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(AdvanceDialog, "exec", accept_step)
    page.advance()
    assert ledger.query("SELECT status, accepted_on FROM creation_candidates") == [
        {"status": "accepted", "accepted_on": TODAY.isoformat()}
    ]
    # Still selected after the refresh, and 已验收 is final: no further step.
    candidate = page._selected_candidate()
    assert candidate is not None and candidate.status == "accepted"
    assert not page.advance_button.isEnabled()
    assert page.targets_model.rows[0].achieved == 1  # shown with no target set


def test_delete_a_candidate(
    small_window, ledger: Ledger, orgs: dict[str, str], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    uid = campaign.add_candidate(ledger, orgs["branch"], "branch", "school")
    small_window.session.notify_changed()
    page = open_page(small_window)
    page.show_record(uid)
    monkeypatch.setattr(messages, "confirm", lambda parent, text, yes, **kw: True)
    page.delete_selected()
    assert ledger.scalar("SELECT deleted_with FROM creation_candidates") == uid
    assert page.candidates_model.total() == 0
    assert small_window.session.can_undo()


def test_group_rows_name_their_status_and_count(demo_window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(demo_window)
    model = page.candidates_model
    for status in CANDIDATE_STATUSES.codes:
        index = model.group_index(status)
        count = len(model.groups[status])
        assert index.data() == f"{CANDIDATE_STATUSES.label(status)} ({count})"
        assert model.rowCount(index) == count
        if count:
            child = model.index(0, CandidatesModel.ORG, index)
            assert child.data(UID_ROLE) == model.groups[status][0].uid
            assert child.data(Qt.ItemDataRole.DisplayRole) == model.groups[status][0].path
