"""Star ratings and the 三级联创 campaign: targets, candidates, tasks and brands."""

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


# ---- ratings -----------------------------------------------------------------------------------


def test_one_rating_per_organization_and_year(ledger: Ledger, orgs: dict[str, str]) -> None:
    first = campaign.set_rating(ledger, orgs["branch"], 2025, 3)
    again = campaign.set_rating(ledger, orgs["branch"], 2025, 5)
    other_year = campaign.set_rating(ledger, orgs["branch"], 2024, 2)
    assert again == first != other_year
    rows = ledger.query(
        "SELECT year, stars FROM ratings WHERE org_uid = ? ORDER BY year", [orgs["branch"]]
    )
    assert rows == [{"year": 2024, "stars": 2}, {"year": 2025, "stars": 5}]
    actions = [
        r[0]
        for r in ledger.conn.execute(
            "SELECT action FROM audit_log WHERE uid = ? ORDER BY id", [first]
        )
    ]
    assert actions == ["insert", "update"]


def test_clearing_a_rating(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = campaign.set_rating(ledger, orgs["college"], 2025, 4)
    campaign.clear_rating(ledger, orgs["college"], 2025)
    assert ledger.scalar("SELECT count(*) FROM ratings WHERE deleted_at IS NULL") == 0
    campaign.clear_rating(ledger, orgs["college"], 2025)  # nothing left to clear
    # A new rating of the same year is a new record; the old one stays in the bin.
    assert campaign.set_rating(ledger, orgs["college"], 2025, 2) != uid


@pytest.mark.parametrize("stars", [0, 6, -1, 3.5, "4", True, None])
def test_stars_are_one_to_five(ledger: Ledger, orgs: dict[str, str], stars: object) -> None:
    faults = _refused(ledger, lambda: campaign.set_rating(ledger, orgs["branch"], 2025, stars))
    assert faults == {"stars": f"{stars} is not a star rating; give a whole number from 1 to 5."}


@pytest.mark.parametrize("year", [1920, 2101, 0, "2025", 2025.0, None])
def test_years_between_1921_and_2100(ledger: Ledger, orgs: dict[str, str], year: object) -> None:
    faults = _refused(ledger, lambda: campaign.set_rating(ledger, orgs["branch"], year, 4))
    assert faults == {"year": f"{year} is not a year between 1921 and 2100."}


@pytest.mark.parametrize("year", [1921, 2100])
def test_the_first_and_last_years(ledger: Ledger, orgs: dict[str, str], year: int) -> None:
    campaign.set_rating(ledger, orgs["branch"], year, 1)
    assert campaign.check_year(year) == []


def test_a_rating_needs_a_live_organization(ledger: Ledger, orgs: dict[str, str]) -> None:
    with pytest.raises(NotFoundError):
        campaign.set_rating(ledger, "no-such-org", 2025, 3)
    organizations.delete_organization(ledger, orgs["branch"])
    with pytest.raises(NotFoundError):
        campaign.set_rating(ledger, orgs["branch"], 2025, 3)


# ---- targets -----------------------------------------------------------------------------------


def test_targets_are_keyed_by_level_grade_and_period(ledger: Ledger) -> None:
    a = campaign.set_target(ledger, "branch", "national", 1, "2021-2023")
    b = campaign.set_target(ledger, "branch", "national", 2, " 2021-2023 ")
    c = campaign.set_target(ledger, "branch", "national", 3, "2024-2026")
    d = campaign.set_target(ledger, "branch", "provincial", 4, "2021-2023")
    e = campaign.set_target(ledger, "college", "national", 5)
    assert a == b and len({a, c, d, e}) == 4
    rows = ledger.query("SELECT level, grade, period, target FROM creation_targets ORDER BY target")
    assert [(r["level"], r["grade"], r["period"], r["target"]) for r in rows] == [
        ("branch", "national", "2021-2023", 2),
        ("branch", "national", "2024-2026", 3),
        ("branch", "provincial", "2021-2023", 4),
        ("college", "national", "", 5),
    ]


def test_a_target_with_bad_values_is_refused(ledger: Ledger) -> None:
    faults = _refused(ledger, lambda: campaign.set_target(ledger, "department", "galactic", -1))
    assert faults == {
        "level": "Unknown creation level “department”.",
        "grade": "Unknown grade “galactic”.",
        "target": "-1 is not a whole number of zero or more.",
    }
    campaign.set_target(ledger, "school", "national", 0)  # zero is a target


# ---- candidates --------------------------------------------------------------------------------


def test_a_candidate_records_its_milestones(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = campaign.add_candidate(
        ledger, orgs["branch"], "branch", "provincial", on=date(2024, 1, 10), note="重点培育"
    )
    campaign.advance_candidate(ledger, uid, "applied", date(2024, 3, 1))
    campaign.advance_candidate(ledger, uid, "approved", date(2024, 9, 1))
    campaign.advance_candidate(ledger, uid, "accepted", date(2025, 6, 30))
    [row] = ledger.query("SELECT * FROM creation_candidates")
    assert {
        k: row[k]
        for k in (
            "status",
            "cultivated_on",
            "applied_on",
            "approved_on",
            "accepted_on",
            "rejected_on",
            "note",
        )
    } == {
        "status": "accepted",
        "cultivated_on": "2024-01-10",
        "applied_on": "2024-03-01",
        "approved_on": "2024-09-01",
        "accepted_on": "2025-06-30",
        "rejected_on": None,
        "note": "重点培育",
    }


def test_a_candidate_entered_at_a_later_status(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = campaign.add_candidate(
        ledger, orgs["college"], "college", "school", "approved", on=date(2023, 5, 1)
    )
    campaign.advance_candidate(ledger, uid, "rejected", date(2023, 12, 1))
    [row] = ledger.query("SELECT * FROM creation_candidates")
    assert (row["status"], row["cultivated_on"], row["approved_on"], row["rejected_on"]) == (
        "rejected",
        None,
        "2023-05-01",
        "2023-12-01",
    )


def test_one_candidacy_per_organization_level_and_grade(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    campaign.add_candidate(ledger, orgs["branch"], "branch", "provincial")
    faults = _refused(
        ledger, lambda: campaign.add_candidate(ledger, orgs["branch"], "branch", "provincial")
    )
    assert faults == {
        "level": "“教工第一党支部” is already a candidate for Model branch (Provincial)."
    }
    campaign.add_candidate(ledger, orgs["branch"], "branch", "national")
    campaign.add_candidate(ledger, orgs["college"], "branch", "provincial")
    assert ledger.scalar("SELECT count(*) FROM creation_candidates") == 3


def test_candidates_with_bad_values_are_refused(ledger: Ledger, orgs: dict[str, str]) -> None:
    faults = _refused(
        ledger, lambda: campaign.add_candidate(ledger, orgs["branch"], "x", "y", "won")
    )
    assert set(faults) == {"level", "grade", "status"}
    uid = campaign.add_candidate(ledger, orgs["branch"], "branch", "school")
    assert _refused(
        ledger, lambda: campaign.advance_candidate(ledger, uid, "won", date(2025, 1, 1))
    ) == {"status": "Unknown status “won”."}
    with pytest.raises(NotFoundError):
        campaign.advance_candidate(ledger, "no-such-candidate", "applied", date(2025, 1, 1))
    with pytest.raises(NotFoundError):
        campaign.add_candidate(ledger, "no-such-org", "branch", "school")


# ---- tasks ---------------------------------------------------------------------------------------


def test_tasks_are_unique_by_title(ledger: Ledger) -> None:
    uid = campaign.add_task(
        ledger,
        " 健全理论学习研讨制度 ",
        lead_department="组织部",
        cooperating_departments="宣传部、马克思主义学院",
        deadline=date(2023, 12, 31),
        section="打造政治强核",
    )
    [row] = ledger.query("SELECT * FROM tasks")
    assert {
        k: row[k]
        for k in (
            "uid",
            "title",
            "lead_department",
            "cooperating_departments",
            "deadline",
            "status",
            "section",
        )
    } == {
        "uid": uid,
        "title": "健全理论学习研讨制度",
        "lead_department": "组织部",
        "cooperating_departments": "宣传部、马克思主义学院",
        "deadline": "2023-12-31",
        "status": "todo",
        "section": "打造政治强核",
    }
    faults = _refused(ledger, lambda: campaign.add_task(ledger, "健全理论学习研讨制度"))
    assert faults == {"title": "There is already a task titled “健全理论学习研讨制度”."}
    # Once deleted, the title is free again.
    campaign.delete_record(ledger, "tasks", uid)
    campaign.add_task(ledger, "健全理论学习研讨制度")


def test_task_statuses(ledger: Ledger) -> None:
    uid = campaign.add_task(ledger, "任务", status="doing")
    campaign.set_task_status(ledger, uid, "done")
    assert ledger.scalar("SELECT status FROM tasks") == "done"
    assert _refused(ledger, lambda: campaign.set_task_status(ledger, uid, "late")) == {
        "status": "Unknown status “late”."
    }
    assert _refused(ledger, lambda: campaign.add_task(ledger, "", status="late")) == {
        "title": "Give the task a title.",
        "status": "Unknown status “late”.",
    }
    with pytest.raises(NotFoundError):
        campaign.set_task_status(ledger, "no-such-task", "done")


# ---- brands and deleting -------------------------------------------------------------------------


def test_brands(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = campaign.add_brand(
        ledger, orgs["college"], " 红色机电 ", "college_brand", 2024, "provincial", "approved"
    )
    [row] = ledger.query("SELECT * FROM brands")
    assert {
        k: row[k] for k in ("uid", "org_uid", "name", "kind", "year_approved", "grade", "status")
    } == {
        "uid": uid,
        "org_uid": orgs["college"],
        "name": "红色机电",
        "kind": "college_brand",
        "year_approved": 2024,
        "grade": "provincial",
        "status": "approved",
    }
    assert _refused(
        ledger, lambda: campaign.add_brand(ledger, orgs["college"], "红色机电", "innovation")
    ) == {"name": "“机电工程学院党总支” already has a brand or project named “红色机电”."}
    campaign.add_brand(ledger, orgs["branch"], "红色机电", "branch_feature")  # another org
    faults = _refused(
        ledger,
        lambda: campaign.add_brand(ledger, orgs["branch"], "", "logo", 1800, "galactic", "won"),
    )
    assert set(faults) == {"name", "kind", "year_approved", "grade", "status"}


def test_deleting_records_goes_to_the_bin(ledger: Ledger, orgs: dict[str, str]) -> None:
    uids = {
        "ratings": campaign.set_rating(ledger, orgs["branch"], 2025, 4),
        "creation_targets": campaign.set_target(ledger, "branch", "school", 3),
        "creation_candidates": campaign.add_candidate(ledger, orgs["branch"], "branch", "school"),
        "tasks": campaign.add_task(ledger, "任务"),
        "brands": campaign.add_brand(ledger, orgs["branch"], "品牌", "branch_feature"),
    }
    for table, uid in uids.items():
        campaign.delete_record(ledger, table, uid)
        assert ledger.scalar(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL") == 0
    assert sorted(i.table for i in recycle.list_bin(ledger)) == sorted(uids)
    with pytest.raises(NotFoundError):
        campaign.delete_record(ledger, "tasks", uids["tasks"])
    with pytest.raises(ValueError):
        campaign.delete_record(ledger, "organizations", orgs["branch"])
