"""The recycle bin: one item per deletion, restoring (and when it is refused), purging."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import table_snapshot

from desktop_app.domain import activities, campaign, organizations, orgtree
from desktop_app.errors import NotFoundError, RefusedError
from desktop_app.storage import Ledger, recycle

DAY = date(2025, 3, 18)


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid = {"root": add(ledger, name="党委", level="committee")}
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["t1"] = add(ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"])
    uid["s1"] = add(ledger, name="学生第一党支部", level="branch", parent_uid=uid["jd"])
    return uid


def _activity(ledger: Ledger, org: str, theme: str = "主题党日") -> str:
    return activities.add_activity(ledger, org, type="theme_day", date=DAY, theme=theme)


def _attach(ledger: Ledger, activity: str, path: Path, content: bytes) -> str:
    path.write_bytes(content)
    return activities.attach_file(ledger, activity, path)


def _rows_but_updated_at(ledger: Ledger) -> dict[str, list[dict[str, object]]]:
    tables = ("organizations", "activities", "attachments", "ratings")
    return {
        t: [
            {k: v for k, v in row.items() if k != "updated_at"}
            for row in ledger.query(f"SELECT * FROM {t} ORDER BY uid")
        ]
        for t in tables
    }


def _refused_restore(ledger: Ledger, uid: str, *words: str) -> None:
    before = table_snapshot(ledger)
    with pytest.raises(RefusedError) as caught:
        recycle.restore(ledger, uid)
    for word in words:
        assert word in caught.value.message
    assert table_snapshot(ledger) == before


def test_one_item_per_deletion_with_what_went_with_it(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    first = _activity(ledger, orgs["t1"])
    _attach(ledger, first, tmp_path / "a.jpg", b"a")
    _activity(ledger, orgs["s1"], "学生主题党日")
    campaign.set_rating(ledger, orgs["t1"], 2025, 4)
    lone = _activity(ledger, orgs["root"], "党委活动")
    task = campaign.add_task(ledger, "任务")

    activities.delete_activity(ledger, lone)
    organizations.delete_organization(ledger, orgs["jd"])
    campaign.delete_record(ledger, "tasks", task)

    items = recycle.list_bin(ledger)
    assert [(i.table, i.uid, i.title, i.count) for i in items] == [
        ("tasks", task, "任务", 1),
        # the college, its 2 branches, 2 activities, 1 attachment, 1 rating
        ("organizations", orgs["jd"], "机电工程学院党总支", 7),
        ("activities", lone, "2025-03-18 党委活动", 1),
    ]
    assert items[0].deleted_at > items[1].deleted_at > items[2].deleted_at


def test_restore_brings_the_whole_deletion_back(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    act = _activity(ledger, orgs["t1"])
    _attach(ledger, act, tmp_path / "a.jpg", b"a")
    campaign.set_rating(ledger, orgs["s1"], 2025, 5)
    before = _rows_but_updated_at(ledger)
    organizations.delete_organization(ledger, orgs["jd"])
    assert recycle.restore(ledger, orgs["jd"]) == 6
    assert recycle.list_bin(ledger) == []
    # Every record is back as it was, but for its updated_at.
    assert _rows_but_updated_at(ledger) == before
    tree = orgtree.load_tree(ledger)
    assert tree.path(orgs["t1"]) == "机电工程学院党总支/教工第一党支部"
    assert ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL") == 1
    with pytest.raises(NotFoundError, match="no longer in the recycle bin"):
        recycle.restore(ledger, orgs["jd"])


def test_restore_is_refused_while_the_parent_organization_is_deleted(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    organizations.delete_organization(ledger, orgs["t1"])
    organizations.delete_organization(ledger, orgs["jd"])
    _refused_restore(ledger, orgs["t1"], "Restore “机电工程学院党总支” first")
    assert recycle.restore(ledger, orgs["jd"]) == 2
    assert recycle.restore(ledger, orgs["t1"]) == 1
    assert len(orgtree.load_tree(ledger)) == 4


def test_a_record_waits_for_its_organization(ledger: Ledger, orgs: dict[str, str]) -> None:
    act = _activity(ledger, orgs["t1"])
    rating = campaign.set_rating(ledger, orgs["t1"], 2025, 3)
    activities.delete_activity(ledger, act)
    campaign.delete_record(ledger, "ratings", rating)
    organizations.delete_organization(ledger, orgs["t1"])
    _refused_restore(ledger, act, "Restore the organization “教工第一党支部” first")
    _refused_restore(ledger, rating, "Restore the organization “教工第一党支部” first")
    recycle.restore(ledger, orgs["t1"])
    recycle.restore(ledger, act)
    recycle.restore(ledger, rating)
    assert ledger.scalar("SELECT count(*) FROM ratings WHERE deleted_at IS NULL") == 1


def test_a_file_waits_for_its_activity(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    act = _activity(ledger, orgs["t1"])
    file_uid = _attach(ledger, act, tmp_path / "a.jpg", b"a")
    activities.delete_attachment(ledger, file_uid)
    activities.delete_activity(ledger, act)
    _refused_restore(ledger, file_uid, "Restore the activity “2025-03-18 主题党日” first")


@pytest.mark.parametrize("kind", ["organization", "task", "rating"])
def test_restore_is_refused_when_the_name_is_taken_again(
    ledger: Ledger, orgs: dict[str, str], kind: str
) -> None:
    if kind == "organization":
        uid = orgs["t1"]
        organizations.delete_organization(ledger, uid)
        organizations.add_organization(
            ledger, name="教工第一党支部", level="branch", parent_uid=orgs["jd"]
        )
        title = "教工第一党支部"
    elif kind == "task":
        uid = campaign.add_task(ledger, "健全制度")
        campaign.delete_record(ledger, "tasks", uid)
        campaign.add_task(ledger, "健全制度")
        title = "健全制度"
    else:
        uid = campaign.set_rating(ledger, orgs["t1"], 2025, 3)
        campaign.clear_rating(ledger, orgs["t1"], 2025)
        campaign.set_rating(ledger, orgs["t1"], 2025, 4)
        title = "2025: 3"
    _refused_restore(
        ledger,
        uid,
        f"“{title}” cannot be restored",
        "Rename or delete that record first, then restore this one.",
    )


def test_purge_removes_the_rows_for_good(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    act = _activity(ledger, orgs["t1"])
    _attach(ledger, act, tmp_path / "a.jpg", b"photo")
    campaign.add_candidate(ledger, orgs["t1"], "branch", "school")
    campaign.add_brand(ledger, orgs["jd"], "品牌", "college_brand")
    organizations.delete_organization(ledger, orgs["jd"])
    files = list(ledger.attachments_dir.iterdir())
    assert len(files) == 1
    assert recycle.purge(ledger, orgs["jd"]) == 3 + 1 + 1 + 1 + 1
    for table in ("activities", "attachments", "creation_candidates", "brands"):
        assert ledger.scalar(f"SELECT count(*) FROM {table}") == 0
    assert [o["name"] for o in ledger.query("SELECT name FROM organizations")] == ["党委"]
    assert recycle.list_bin(ledger) == []
    assert not files[0].exists()  # no record refers to the copy any more
    assert ledger.scalar("SELECT count(*) FROM audit_log WHERE action = 'purge'") == 7
    with pytest.raises(NotFoundError):
        recycle.restore(ledger, orgs["jd"])
    with pytest.raises(NotFoundError):
        recycle.purge(ledger, orgs["jd"])


def test_purge_keeps_a_file_another_record_uses(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    gone = _activity(ledger, orgs["t1"])
    kept = _activity(ledger, orgs["s1"])
    _attach(ledger, gone, tmp_path / "a.jpg", b"same photo")
    _attach(ledger, kept, tmp_path / "b.jpg", b"same photo")
    activities.delete_activity(ledger, gone)
    assert recycle.purge(ledger, gone) == 2
    assert activities.verify_attachments(ledger) == []
    assert len(list(ledger.attachments_dir.iterdir())) == 1


def test_purge_takes_what_was_deleted_earlier_from_inside(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    act = _activity(ledger, orgs["t1"])
    file_uid = _attach(ledger, act, tmp_path / "a.jpg", b"a")
    activities.delete_attachment(ledger, file_uid)
    activities.delete_activity(ledger, act)
    organizations.delete_organization(ledger, orgs["s1"])
    organizations.delete_organization(ledger, orgs["jd"])
    assert len(recycle.list_bin(ledger)) == 4
    # The college goes with its earlier-deleted branch, activity and file.
    assert recycle.purge(ledger, orgs["jd"]) == 2 + 1 + 1 + 1
    assert recycle.list_bin(ledger) == []
    assert ledger.scalar("SELECT count(*) FROM organizations") == 1
    assert ledger.scalar("PRAGMA foreign_key_check") is None


def test_empty_bin(ledger: Ledger, orgs: dict[str, str]) -> None:
    act = _activity(ledger, orgs["t1"])
    activities.delete_activity(ledger, act)
    campaign.delete_record(ledger, "tasks", campaign.add_task(ledger, "任务"))
    organizations.delete_organization(ledger, orgs["jd"])
    assert recycle.empty_bin(ledger) == 1 + 1 + 3
    assert recycle.list_bin(ledger) == []
    assert ledger.scalar("SELECT count(*) FROM organizations") == 1
    assert recycle.empty_bin(ledger) == 0


def test_restoring_an_activity_recorded_again_is_allowed_and_its_twin_named(
    ledger: Ledger,
) -> None:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    values = {"type": "party_lecture", "date": date(2025, 3, 1), "theme": "专题党课"}
    first = activities.add_activity(ledger, root, **values)
    activities.delete_activity(ledger, first)
    activities.add_activity(ledger, root, **values)  # entered (or imported) again
    # Two identical activities may both be real, so the restore goes ahead; the window
    # uses activity_twins to ask first.
    assert recycle.activity_twins(ledger, first) == ["Mar 1, 2025 专题党课"]
    assert recycle.restore(ledger, first) == 1
    assert ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL") == 2


def test_purge_refuses_to_run_inside_another_transaction(ledger: Ledger) -> None:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    college = organizations.add_organization(ledger, name="学院", level="college", parent_uid=root)
    organizations.delete_organization(ledger, college)
    with pytest.raises(RuntimeError), ledger.transaction():
        recycle.purge(ledger, college)
    assert recycle.list_bin(ledger)[0].uid == college


def test_the_bin_counts_each_deletion_with_one_query_per_table(ledger: Ledger) -> None:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    colleges = [
        organizations.add_organization(ledger, name=f"学院{i}", level="college", parent_uid=root)
        for i in range(30)
    ]
    for i, college in enumerate(colleges):
        for j in range(i % 3):
            organizations.add_organization(
                ledger, name=f"支部{j}", level="branch", parent_uid=college
            )
        organizations.delete_organization(ledger, college)
    statements: list[str] = []
    ledger.conn.set_trace_callback(statements.append)
    items = recycle.list_bin(ledger)
    ledger.conn.set_trace_callback(None)
    assert sorted(i.count for i in items) == sorted(1 + i % 3 for i in range(30))
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) <= 16
