"""The demonstration ledger: deterministic, complete, obeying every rule, with the gaps a
checker should find."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from conftest import table_snapshot

from desktop_app.demo import ROOT_NAME, WEAK_BRANCH, DemoSummary, build_demo
from desktop_app.domain.activities import check_activity
from desktop_app.domain.campaign import (
    STATUS_DATE,
    check_level_grade,
    check_stars,
    check_task,
    check_year,
)
from desktop_app.domain.compliance import (
    COMMITTEE_MIN_MEMBERS,
    missing_meetings,
    term_state,
)
from desktop_app.domain.dates import add_years
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    DIMENSIONS,
    GRADES,
    TASK_STATUSES,
    THEME_CATEGORIES,
)
from desktop_app.domain.organizations import (
    add_organization,
    check_counts,
    check_name,
    check_placement,
)
from desktop_app.domain.orgtree import load_tree
from desktop_app.domain.plan_template import apply_plan_tasks, load_plan
from desktop_app.errors import NotFoundError, RefusedError, ValidationError
from desktop_app.storage import Ledger, open_ledger
from desktop_app.storage.schema import RECORD_TABLES

YEAR = 2025


class Built(NamedTuple):
    ledger: Ledger
    year: int


@pytest.fixture(params=[YEAR, 2000, 2024, 2100])
def built(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Built]:
    """The demonstration of a year; the rules must hold whatever the year."""
    with open_ledger(tmp_path / f"demo-{request.param}.sqlite") as ledger:
        build_demo(ledger, request.param, date(request.param, 12, 31))
        yield Built(ledger, request.param)


def canonical(ledger: Ledger) -> dict[str, list[str]]:
    """Every record, without uids and timestamps, organizations referred to by path."""
    tree = load_tree(ledger)
    paths = {org.uid: tree.path(org.uid) for org in tree}
    result: dict[str, list[str]] = {}
    for table in RECORD_TABLES:
        rows = []
        for row in ledger.query(f'SELECT * FROM "{table}"'):
            for key in ("uid", "created_at", "updated_at"):
                del row[key]
            for key in ("parent_uid", "org_uid"):
                if row.get(key) is not None:
                    row[key] = paths[row[key]]
            rows.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
        result[table] = sorted(rows)
    return result


def activities(ledger: Ledger) -> list[dict[str, Any]]:
    rows = ledger.query("SELECT * FROM activities")
    for row in rows:
        row["date"] = date.fromisoformat(row["date"])
        row["dimensions"] = json.loads(row["dimensions"])
    return rows


# ---- what it writes -----------------------------------------------------------------------


def test_summary_counts_what_was_written(ledger: Ledger) -> None:
    summary = build_demo(ledger, YEAR)
    counts = {t: ledger.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in RECORD_TABLES}
    assert summary == DemoSummary(
        organizations=counts["organizations"],
        activities=counts["activities"],
        ratings=counts["ratings"],
        candidates=counts["creation_candidates"],
        tasks=counts["tasks"],
        targets=counts["creation_targets"],
        brands=counts["brands"],
    )
    assert summary.organizations == 49
    assert summary.tasks == 26
    assert summary.targets == 5
    assert summary.candidates == 20
    assert summary.brands == 7
    assert summary.activities > 1000
    levels = Counter(r["level"] for r in ledger.query("SELECT level FROM organizations"))
    assert levels == {"committee": 1, "college": 8, "branch": 40}


def test_same_year_gives_the_same_ledger(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "a.sqlite") as first, open_ledger(tmp_path / "b.sqlite") as second:
        build_demo(first, YEAR)
        build_demo(second, YEAR)
        one, two = canonical(first), canonical(second)
        assert one == two
        assert len(one["activities"]) > 1000
        first_uids = {r["uid"] for r in first.query("SELECT uid FROM organizations")}
        second_uids = {r["uid"] for r in second.query("SELECT uid FROM organizations")}
        assert not first_uids & second_uids
    with open_ledger(tmp_path / "c.sqlite") as other:
        build_demo(other, YEAR - 1)
        assert canonical(other)["activities"] != one["activities"]


def test_tree_covers_every_branch_type_and_repeats_names(built: Built) -> None:
    demo = built.ledger
    tree = load_tree(demo)
    root = tree.root
    assert root is not None and root.name == ROOT_NAME
    branches = [o for o in tree if o.level == "branch"]
    assert {b.branch_type for b in branches} == set(BRANCH_TYPES.codes)
    direct = sorted(
        tree.by_uid[u].name for u in tree.children[root.uid] if tree.by_uid[u].level == "branch"
    )
    assert direct == ["机关第一党支部", "离退休党支部"]
    first_teacher = [tree.path(o.uid) for o in tree.matches("教工第一党支部")]
    assert len(first_teacher) >= 5
    assert "机电工程学院党总支/教工第一党支部" in first_teacher
    assert "信息工程学院党总支/教工第一党支部" in first_teacher
    with pytest.raises(NotFoundError, match="is the name of"):
        tree.resolve("教工第一党支部")
    assert tree.resolve("机电工程学院党总支/教工第一党支部").branch_type == "teacher"
    assert any(b.members_full >= COMMITTEE_MIN_MEMBERS for b in branches)
    assert any(b.members_full < COMMITTEE_MIN_MEMBERS for b in branches)
    assert any(b.has_party_groups for b in branches)
    teachers = [b for b in branches if b.branch_type == "teacher"]
    assert sum(b.double_leader for b in teachers) == len(teachers) - 2
    assert all(b.secretary for b in tree)


def test_one_dissolved_branch_and_branches_founded_mid_year(built: Built) -> None:
    demo, year = built
    tree = load_tree(demo)
    dissolved = [o for o in tree if not o.active]
    assert [(tree.path(o.uid), o.dissolved_on) for o in dissolved] == [
        ("机电工程学院党总支/学生第三党支部", f"{year}-07-10")
    ]
    founded = sorted(
        (o.founded_on, tree.path(o.uid))
        for o in tree
        if o.founded_on and o.founded_on >= f"{year}-01-01"
    )
    assert founded == [
        (f"{year}-05-12", "信息工程学院党总支/学生第三党支部"),
        (f"{year}-09-08", "化学工程学院党总支/学生第三党支部"),
    ]
    for org in tree:
        rows = [a for a in activities(demo) if a["org_uid"] == org.uid]
        if org.founded_on:
            assert all(a["date"] >= date.fromisoformat(org.founded_on) for a in rows)
        if org.dissolved_on:
            assert rows and all(a["date"] < date.fromisoformat(org.dissolved_on) for a in rows)


def test_terms_expired_and_expiring(built: Built) -> None:
    demo, year = built
    year_end = date(year, 12, 31)
    tree = load_tree(demo)
    states = Counter(term_state(o, year_end) for o in tree if o.active)
    assert states["expired"] == 3
    assert states["expiring_soon"] == 5
    assert states[None] == 0
    assert tree.root is not None and tree.root.term_years == 5
    for org in tree:
        if org.active and term_state(org, year_end) == "expiring_soon":
            end = add_years(date.fromisoformat(org.elected_on or ""), org.term_years)
            assert year_end <= end <= year_end + timedelta(days=180)


# ---- activities ---------------------------------------------------------------------------


def test_activities_cover_every_type_category_and_dimension(built: Built) -> None:
    demo, year = built
    rows = activities(demo)
    assert {a["type"] for a in rows} == set(ACTIVITY_TYPES.codes)
    assert {a["category"] for a in rows if a["type"] == "theme_day"} == set(THEME_CATEGORIES.codes)
    assert {d for a in rows for d in a["dimensions"]} == set(DIMENSIONS.codes)
    assert all(a["date"].year == year for a in rows)
    featured = [a for a in rows if a["featured"]]
    assert len(featured) == 12
    assert all(a["type"] == "theme_day" and a["summary"] for a in featured)
    assert len({a["org_uid"] for a in featured}) == 12
    unrecorded = [a for a in rows if a["expected"] is None]
    assert len(unrecorded) == 6
    assert all(a["actual"] is None for a in unrecorded)
    assert all(a["place"] and a["host"] for a in rows)


def test_branches_hold_everything_but_some_theme_days(built: Built) -> None:
    demo, year = built
    year_end = date(year, 12, 31)
    tree = load_tree(demo)
    missing = {}
    for branch in (o for o in tree if o.level == "branch" and o.active):
        gaps = missing_meetings(demo, branch, date(year, 1, 1), year_end)
        assert set(gaps) <= {"theme_day"}, (tree.path(branch.uid), gaps)
        if gaps:
            missing[tree.path(branch.uid)] = gaps["theme_day"]
    weak = missing.pop(WEAK_BRANCH)
    assert weak == [f"{year}-{m:02d}" for m in (1, 2, 4, 5, 7, 8, 9, 11, 12)]
    assert len(missing) == 5
    assert all(1 <= len(months) <= 2 for months in missing.values())
    for path in ("信息工程学院党总支/学生第三党支部", "化学工程学院党总支/学生第三党支部"):
        assert path not in missing


# ---- the rules of the domain ----------------------------------------------------------------


def test_organizations_obey_the_rules(built: Built) -> None:
    demo, year = built
    year_end = date(year, 12, 31)
    tree = load_tree(demo)
    for org in tree:
        parent = org.parent_uid
        assert check_name(org.name) == []
        assert check_placement(tree, org.level, parent, org.name, exclude_uid=org.uid) == []
        values = {
            "members_full": org.members_full,
            "activists": org.activists,
            "members_probationary": org.members_probationary,
            "term_years": org.term_years,
            "branch_type": org.branch_type,
        }
        assert check_counts(values) == []
        assert (org.branch_type is not None) == (org.level == "branch")
        assert org.double_leader is False or org.branch_type == "teacher"
        assert org.founded_on and org.elected_on
        assert org.founded_on <= org.elected_on <= year_end.isoformat()
        assert org.active == (org.dissolved_on is None)
        if parent is not None:
            assert (tree.get(parent).founded_on or "") <= org.founded_on


def test_activities_obey_the_rules(built: Built) -> None:
    demo = built.ledger
    tree = load_tree(demo)
    for row in activities(demo):
        assert check_activity(row) == [], row
        org = tree.get(row["org_uid"])
        assert (row["category"] is not None) == (row["type"] == "theme_day")
        if row["expected"] is not None:
            assert 0 <= row["actual"] <= row["expected"]
        if row["type"] == "committee_meeting":
            assert org.members_full >= COMMITTEE_MIN_MEMBERS
        if row["type"] == "group_meeting":
            assert org.has_party_groups
        assert row["dimensions"] == [d for d in DIMENSIONS.codes if d in row["dimensions"]]


def test_ratings_targets_candidates_and_brands_obey_the_rules(built: Built) -> None:
    demo, year = built
    year_end = date(year, 12, 31)
    tree = load_tree(demo)
    ratings = demo.query("SELECT * FROM ratings")
    for row in ratings:
        assert check_year(row["year"]) == [] and check_stars(row["stars"]) == []
        assert row["year"] == year and tree.get(row["org_uid"]).active
    stars = Counter(r["stars"] for r in ratings)
    assert stars[1] + stars[2] == 3
    assert stars[4] + stars[5] > len(ratings) / 2
    weak = tree.resolve(WEAK_BRANCH)
    assert [r["stars"] for r in ratings if r["org_uid"] == weak.uid] == [2]

    targets = demo.query("SELECT level, grade, target, period FROM creation_targets")
    assert sorted(tuple(t.values()) for t in targets) == sorted(
        (t.level, t.grade, t.target, t.period) for t in load_plan().targets
    )
    assert all(check_level_grade(t["level"], t["grade"]) == [] for t in targets)

    candidates = demo.query("SELECT * FROM creation_candidates")
    assert {c["status"] for c in candidates} == set(CANDIDATE_STATUSES.codes)
    order = ("cultivated_on", "applied_on", "approved_on", "accepted_on")
    for row in candidates:
        assert check_level_grade(row["level"], row["grade"]) == []
        org = tree.get(row["org_uid"])
        assert org.active
        assert (
            row["level"]
            == {"committee": "school", "college": "college", "branch": "branch"}[org.level]
        )
        assert row[STATUS_DATE[row["status"]]] is not None
        reached = [row[k] for k in order if row[k] is not None]
        if row["rejected_on"]:
            reached.append(row["rejected_on"])
        assert reached == sorted(reached) and len(set(reached)) == len(reached)
        assert org.founded_on < reached[0] and reached[-1] <= year_end.isoformat()
        steps = {"cultivating": 1, "applied": 2, "approved": 3, "accepted": 4, "rejected": 3}
        assert len(reached) == steps[row["status"]]

    brands = demo.query("SELECT * FROM brands")
    assert {b["kind"] for b in brands} == set(BRAND_KINDS.codes)
    for row in brands:
        assert row["grade"] in GRADES and row["status"] in CANDIDATE_STATUSES
        if row["year_approved"] is not None:
            assert check_year(row["year_approved"]) == [] and row["year_approved"] <= year
        tree.get(row["org_uid"])


def test_tasks_are_the_plan_with_a_mix_of_states(built: Built) -> None:
    demo, year = built
    year_end = date(year, 12, 31)
    tasks = demo.query("SELECT * FROM tasks")
    plan = {task.title: (section.title, task) for section, task in load_plan().tasks}
    assert {t["title"] for t in tasks} == set(plan)
    for row in tasks:
        assert check_task(row) == []
        section, task = plan[row["title"]]
        assert row["section"] == section
        assert row["lead_department"] == task.lead_department
        assert row["cooperating_departments"] == "、".join(task.cooperating_departments)
        assert row["deadline"] is not None
    assert Counter(t["status"] for t in tasks) == {"done": 10, "doing": 9, "todo": 7}
    assert set(Counter(t["status"] for t in tasks)) == set(TASK_STATUSES.codes)
    overdue = [t for t in tasks if t["status"] != "done" and t["deadline"] < year_end.isoformat()]
    assert len(overdue) == 7
    assert apply_plan_tasks(demo) == 0


# ---- refusals -------------------------------------------------------------------------------


def test_refuses_a_ledger_that_has_organizations(ledger: Ledger) -> None:
    add_organization(ledger, name="中共某某学院委员会", level="committee")
    before = table_snapshot(ledger)
    with pytest.raises(RefusedError, match="already holds organizations") as caught:
        build_demo(ledger, YEAR)
    assert "create a new ledger file" in caught.value.message
    assert table_snapshot(ledger) == before


def test_refuses_a_ledger_with_only_tasks(ledger: Ledger) -> None:
    apply_plan_tasks(ledger)
    before = table_snapshot(ledger)
    with pytest.raises(RefusedError):
        build_demo(ledger, YEAR)
    assert table_snapshot(ledger) == before


def test_refuses_a_year_out_of_range(ledger: Ledger) -> None:
    with pytest.raises(ValidationError, match="from 2000 to 2100 for the demonstration, not 1999"):
        build_demo(ledger, 1999)
    assert ledger.scalar("SELECT COUNT(*) FROM organizations") == 0


def test_a_demonstration_of_this_year_holds_nothing_after_today(tmp_path: Path) -> None:
    with open_ledger(tmp_path / "demo.sqlite") as ledger:
        build_demo(ledger, YEAR, date(YEAR, 6, 15))
        last = ledger.scalar("SELECT max(date) FROM activities")
        first = ledger.scalar("SELECT min(date) FROM activities")
    assert str(last) <= f"{YEAR}-06-15"
    assert str(first) < f"{YEAR}-02-01"
