"""Editing campaign records as the window does: a target's key, a task's fields, several
tasks' state, several deletions and ratings in one change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import table_snapshot

from desktop_app.domain import campaign, organizations
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.storage import Ledger, recycle


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    college = organizations.add_organization(
        ledger, name="机电工程学院党总支", level="college", parent_uid=root
    )
    branch = organizations.add_organization(
        ledger, name="教工第一党支部", level="branch", parent_uid=college
    )
    return {"root": root, "college": college, "branch": branch}


def _refused(ledger: Ledger, action: Callable[[], object]) -> dict[str | None, str]:
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        action()
    assert table_snapshot(ledger) == before
    return {f.field: f.message for f in caught.value.faults}


def test_update_target_changes_its_key_but_keeps_it_unique(ledger: Ledger) -> None:
    uid = campaign.set_target(ledger, "branch", "provincial", 4, "2021-2023")
    campaign.set_target(ledger, "branch", "provincial", 2, "2024-2026")
    assert _refused(
        ledger, lambda: campaign.update_target(ledger, uid, "branch", "provincial", 4, "2024-2026")
    ) == {
        "period": "There is already a target for Model branch (Provincial) in the period "
        "“2024-2026”; edit that one instead."
    }
    assert _refused(
        ledger, lambda: campaign.update_target(ledger, uid, "x", "provincial", -1, "")
    ) == {
        "level": "Unknown creation level “x”.",
        "target": "-1 is not a whole number of zero or more.",
    }
    campaign.update_target(ledger, uid, "college", "national", 1, " 2021-2025 ")
    assert ledger.query(
        "SELECT level, grade, target, period FROM creation_targets WHERE uid = ?", [uid]
    ) == [{"level": "college", "grade": "national", "target": 1, "period": "2021-2025"}]
    with pytest.raises(NotFoundError):
        campaign.update_target(ledger, "no-such-target", "college", "national", 1)


def test_update_task_writes_every_field(ledger: Ledger) -> None:
    uid = campaign.add_task(ledger, "任务甲", lead_department="组织部", deadline=date(2025, 6, 30))
    campaign.add_task(ledger, "任务乙")
    assert _refused(ledger, lambda: campaign.update_task(ledger, uid, " 任务乙 ")) == {
        "title": "There is already a task titled “任务乙”."
    }
    assert _refused(ledger, lambda: campaign.update_task(ledger, uid, "", status="late")) == {
        "title": "Give the task a title.",
        "status": "Unknown status “late”.",
    }
    campaign.update_task(ledger, uid, "任务甲", None, "宣传部", None, "doing", "二、强核")
    [row] = ledger.query(
        "SELECT title, lead_department, cooperating_departments, deadline, status, section "
        "FROM tasks WHERE uid = ?",
        [uid],
    )
    assert row == {
        "title": "任务甲",
        "lead_department": None,
        "cooperating_departments": "宣传部",
        "deadline": None,
        "status": "doing",
        "section": "二、强核",
    }


def test_several_tasks_change_state_and_go_to_the_bin_together(ledger: Ledger) -> None:
    uids = [campaign.add_task(ledger, f"任务{n}") for n in range(3)]
    assert campaign.set_tasks_status(ledger, uids[:2], "done") == 2
    assert campaign.set_tasks_status(ledger, uids[:2], "done") == 0
    with pytest.raises(NotFoundError):
        campaign.set_tasks_status(ledger, [uids[2], "no-such-task"], "done")
    assert ledger.scalar("SELECT status FROM tasks WHERE uid = ?", [uids[2]]) == "todo"
    campaign.delete_records(ledger, "tasks", uids[1:])
    assert ledger.scalar("SELECT count(*) FROM tasks WHERE deleted_at IS NULL") == 1
    recycle.restore(ledger, uids[2])  # each deleted task is restored on its own
    assert ledger.scalar("SELECT count(*) FROM tasks WHERE deleted_at IS NULL") == 2


def test_set_ratings_gives_many_cells_the_same_stars(ledger: Ledger, orgs: dict[str, str]) -> None:
    cells = [(orgs["college"], 2025), (orgs["branch"], 2025), (orgs["branch"], 2024)]
    campaign.set_ratings(ledger, cells, 4)
    assert ledger.scalar("SELECT count(*) FROM ratings WHERE stars = 4") == 3
    campaign.set_ratings(ledger, cells[1:], None)
    assert ledger.query("SELECT org_uid, year FROM ratings WHERE deleted_at IS NULL") == [
        {"org_uid": orgs["college"], "year": 2025}
    ]
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError):
        campaign.set_ratings(ledger, cells, 6)
    assert table_snapshot(ledger) == before
