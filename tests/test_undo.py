"""Undo of the last change: what each kind of change reverts to, what is refused, and the
change a transaction names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot

from desktop_app.domain import activities, campaign, compliance, organizations
from desktop_app.errors import RefusedError
from desktop_app.storage import Ledger, records, recycle
from desktop_app.storage.undo import Change, can_undo, describe_change, undo_change

DAY = date(2025, 3, 18)
# The search index's own storage: its rows are compared through activity_search itself.
_FTS_STORAGE = {f"activity_search_{part}" for part in ("data", "idx", "docsize", "config")}
_FTS_STORAGE.add("activity_search_content")


def state(ledger: Ledger, without: Iterable[str] = ()) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but the audit log, without ``updated_at`` and the records ``without``."""
    skip = set(without)
    result: dict[str, list[tuple[Any, ...]]] = {}
    for table, rows in table_snapshot(ledger).items():
        if table in {"audit_log", "sqlite_sequence", *_FTS_STORAGE}:
            continue
        if table == "activity_search":
            rows = ledger.conn.execute(
                "SELECT k.uid, s.theme, s.summary, s.place FROM activity_search s "
                "JOIN activity_search_keys k ON k.docid = s.rowid"
            ).fetchall()
            columns = ["uid", "theme", "summary", "place"]
        else:
            columns = [c[1] for c in ledger.conn.execute(f'PRAGMA table_info("{table}")')]
        keep = [i for i, c in enumerate(columns) if c != "updated_at"]
        at = columns.index("uid") if "uid" in columns else None
        result[table] = sorted(
            (tuple(row[i] for i in keep) for row in rows if at is None or row[at] not in skip),
            key=repr,
        )
    return result


def in_bin(ledger: Ledger, table: str, uids: Iterable[str]) -> list[tuple[str, str]]:
    """(uid, deleted_with) of ``uids`` that are in the recycle bin."""
    rows = ledger.conn.execute(
        f"SELECT uid, deleted_with FROM {table} WHERE deleted_at IS NOT NULL ORDER BY uid"
    ).fetchall()
    wanted = set(uids)
    return [(uid, cause) for uid, cause in rows if uid in wanted]


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid = {"root": add(ledger, name="党委", level="committee")}
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["t1"] = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=uid["jd"],
        branch_type="teacher",
        members_full=9,
    )
    uid["s1"] = add(ledger, name="学生第一党支部", level="branch", parent_uid=uid["jd"])
    uid["lecture"] = activities.add_activity(
        ledger, uid["t1"], type="party_lecture", date=DAY, theme="专题党课", place="报告厅"
    )
    return uid


def _activity(ledger: Ledger, org: str, theme: str = "学习二十大精神") -> str:
    return activities.add_activity(
        ledger,
        org,
        type="theme_day",
        date=DAY,
        theme=theme,
        category="study",
        place="图书馆",
        expected=10,
        actual=9,
        dimensions=["curriculum"],
        summary="集中学习。",
    )


def _refused(ledger: Ledger, change: Change, *words: str) -> None:
    """Undoing ``change`` is refused with a message holding ``words``, and changes nothing."""
    before = table_snapshot(ledger)
    last = ledger.last_change
    with pytest.raises(RefusedError) as caught:
        undo_change(ledger, change)
    for word in words:
        assert word in caught.value.message
    assert table_snapshot(ledger) == before
    assert ledger.last_change is last


# ---- the change a transaction names ---------------------------------------------------------


def test_a_committed_transaction_names_its_audit_rows(ledger: Ledger, orgs: dict[str, str]) -> None:
    first = ledger.last_audit_id() + 1
    uid = _activity(ledger, orgs["t1"])
    assert ledger.last_change == Change(first, first)
    assert ledger.query("SELECT uid, action FROM audit_log WHERE id = ?", [first]) == [
        {"uid": uid, "action": "insert"}
    ]
    with ledger.transaction():
        activities.update_activity(ledger, uid, theme="新主题")  # nested: a savepoint
        activities.delete_activity(ledger, orgs["lecture"])
    assert ledger.last_change == Change(first + 1, first + 2)


def test_rollback_and_audit_less_transactions_leave_the_last_change(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    uid = _activity(ledger, orgs["t1"])
    change = ledger.last_change
    with pytest.raises(RuntimeError), ledger.transaction():
        activities.update_activity(ledger, uid, theme="不会保存")
        raise RuntimeError("the user's action failed half-way")
    assert ledger.last_change is change
    assert activities.update_activity(ledger, uid, theme="学习二十大精神") is False  # no change
    assert ledger.last_change is change
    with ledger.snapshot():
        ledger.query("SELECT * FROM activities")
    assert ledger.last_change is change


# ---- what an undo reverts to ----------------------------------------------------------------


def test_undo_add_activity(ledger: Ledger, orgs: dict[str, str]) -> None:
    before = state(ledger)
    uid = _activity(ledger, orgs["t1"])
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: add activity"
    assert undo_change(ledger, change) == 1
    assert state(ledger, without=[uid]) == before
    assert in_bin(ledger, "activities", [uid]) == [(uid, uid)]
    assert [i.uid for i in recycle.list_bin(ledger)] == [uid]


def test_undo_edit_activity(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = _activity(ledger, orgs["t1"])
    before = state(ledger)
    activities.update_activity(
        ledger, uid, theme="换届选举", place=None, dimensions=["research"], actual=10
    )
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: edit activity"
    assert undo_change(ledger, change) == 1
    assert state(ledger) == before  # the search index too
    assert ledger.query("SELECT action, changes FROM audit_log ORDER BY id DESC LIMIT 1") == [
        {
            "action": "update",
            "changes": '{"theme": ["换届选举", "学习二十大精神"], "place": [null, "图书馆"], '
            '"actual": [10, 9], "dimensions": ["[\\"research\\"]", "[\\"curriculum\\"]"]}',
        }
    ]


def test_undo_delete_activity_brings_back_its_files(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    uid = _activity(ledger, orgs["t1"])
    sheet = tmp_path / "签到表.jpg"
    sheet.write_bytes(b"sign-in sheet")
    activities.attach_file(ledger, uid, sheet)
    before = state(ledger)
    activities.delete_activity(ledger, uid)
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: delete activity"
    assert undo_change(ledger, change) == 2
    assert state(ledger) == before
    assert recycle.list_bin(ledger) == []
    actions = ledger.query(
        "SELECT table_name, action, changes FROM audit_log WHERE id > ? ORDER BY id",
        [change.last_id],
    )
    assert actions == [
        {
            "table_name": "attachments",
            "action": "restore",
            "changes": f'{{"deleted_with": ["{uid}", null]}}',
        },
        {
            "table_name": "activities",
            "action": "restore",
            "changes": f'{{"deleted_with": ["{uid}", null]}}',
        },
    ]


def test_undo_restore_puts_the_records_back_in_the_bin_as_they_were(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    uid = _activity(ledger, orgs["t1"])
    organizations.delete_organization(ledger, orgs["t1"])
    in_the_bin = state(ledger)
    bin_before = recycle.list_bin(ledger)
    assert recycle.restore(ledger, orgs["t1"]) == 3
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: restore organization"
    assert undo_change(ledger, change) == 3
    assert state(ledger) == in_the_bin  # same group, same time of deletion
    assert recycle.list_bin(ledger) == bin_before
    # ... and from the bin they restore as before.
    assert recycle.restore(ledger, orgs["t1"]) == 3
    assert activities.get_activity(ledger, uid)["theme"] == "学习二十大精神"


def test_undo_edit_organization(ledger: Ledger, orgs: dict[str, str]) -> None:
    before = state(ledger)
    organizations.update_organization(
        ledger, orgs["t1"], name="教工党支部", members_full=12, double_leader=True
    )
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: edit organization"
    assert undo_change(ledger, change) == 1
    assert state(ledger) == before


def test_undo_dissolve_and_delete_organization(ledger: Ledger, orgs: dict[str, str]) -> None:
    campaign.set_rating(ledger, orgs["t1"], 2025, 4)
    before = state(ledger)
    organizations.dissolve_organization(ledger, orgs["jd"], date(2025, 6, 30))
    dissolved = ledger.last_change
    assert dissolved is not None
    assert describe_change(ledger, dissolved) == "Undo: edit organizations"
    assert undo_change(ledger, dissolved) == 3
    assert state(ledger) == before
    organizations.delete_organization(ledger, orgs["jd"])
    deleted = ledger.last_change
    assert deleted is not None
    assert describe_change(ledger, deleted) == "Undo: delete organization"
    assert undo_change(ledger, deleted) == 5  # 3 organizations, the lecture, the rating
    assert state(ledger) == before


def test_undo_an_import_of_many_rows(ledger: Ledger, orgs: dict[str, str]) -> None:
    before = state(ledger)
    rows = [
        {
            "org_uid": orgs["s1"],
            "type": "other",
            "date": f"2025-{1 + n % 12:02d}-09",
            "theme": f"{n}",
        }
        for n in range(300)
    ]
    with ledger.transaction():
        uids = records.insert_many(ledger, "activities", rows)
    change = ledger.last_change
    assert change is not None
    assert change.last_id - change.first_id == 299
    assert describe_change(ledger, change) == "Undo: add activities"
    assert undo_change(ledger, change) == 300
    assert state(ledger, without=uids) == before
    assert in_bin(ledger, "activities", uids) == sorted((u, u) for u in uids)


def test_undo_a_change_of_several_kinds(ledger: Ledger, orgs: dict[str, str]) -> None:
    before = state(ledger)
    with ledger.transaction():  # as an import writes: new records and updated ones
        [new] = records.insert_many(
            ledger,
            "activities",
            [{"org_uid": orgs["s1"], "type": "other", "date": "2025-05-01", "theme": "新"}],
        )
        records.update_many(
            ledger,
            "organizations",
            [(orgs["t1"], {"secretary": "张老师"}), (orgs["s1"], {"members_full": 30})],
        )
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: last change"
    assert undo_change(ledger, change) == 3
    assert state(ledger, without=[new]) == before


def test_undo_star_ratings(ledger: Ledger, orgs: dict[str, str]) -> None:
    empty = state(ledger)
    uid = campaign.set_rating(ledger, orgs["t1"], 2025, 3)
    added = ledger.last_change
    rated = state(ledger)
    campaign.set_rating(ledger, orgs["t1"], 2025, 5)
    edited = ledger.last_change
    five = state(ledger)
    campaign.clear_rating(ledger, orgs["t1"], 2025)
    cleared = ledger.last_change
    assert added and edited and cleared
    assert [describe_change(ledger, c) for c in (added, edited, cleared)] == [
        "Undo: add star rating",
        "Undo: edit star rating",
        "Undo: delete star rating",
    ]
    assert undo_change(ledger, cleared) == 1
    assert state(ledger) == five
    assert undo_change(ledger, edited) == 1
    assert state(ledger) == rated
    assert undo_change(ledger, added) == 1
    assert state(ledger, without=[uid]) == empty


def test_undo_a_changed_setting(ledger: Ledger) -> None:
    compliance.set_frequencies(ledger, {"general_meeting": "monthly"})
    before = compliance.frequencies(ledger)
    compliance.set_frequencies(ledger, {"party_lecture": "monthly", "life_meeting": "none"})
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Undo: edit settings"
    assert undo_change(ledger, change) == 1
    assert compliance.frequencies(ledger) == before


def test_undo_the_last_changes_one_after_the_other(ledger: Ledger, orgs: dict[str, str]) -> None:
    """The window keeps a list: each undo may go one step further back."""
    start = state(ledger)
    uid = _activity(ledger, orgs["t1"])
    changes = [ledger.last_change]
    activities.update_activity(ledger, uid, theme="第二版")
    changes.append(ledger.last_change)
    activities.update_activity(ledger, uid, theme="第三版", actual=5)
    changes.append(ledger.last_change)
    activities.delete_activity(ledger, uid)
    changes.append(ledger.last_change)
    for change in reversed(changes):
        assert change is not None
        assert undo_change(ledger, change) == 1
    assert state(ledger, without=[uid]) == start
    assert in_bin(ledger, "activities", [uid]) == [(uid, uid)]


# ---- what is refused ------------------------------------------------------------------------


def test_a_purge_cannot_be_undone(ledger: Ledger, orgs: dict[str, str]) -> None:
    activities.delete_activity(ledger, orgs["lecture"])
    recycle.purge(ledger, orgs["lecture"])
    change = ledger.last_change
    assert change is not None
    assert describe_change(ledger, change) == "Cannot undo: purge activity"
    assert not can_undo(ledger, change)
    _refused(ledger, change, "purge cannot be undone")


def test_an_edit_can_be_undone(ledger: Ledger, orgs: dict[str, str]) -> None:
    activities.update_activity(ledger, orgs["lecture"], theme="新主题")
    assert ledger.last_change is not None
    assert can_undo(ledger, ledger.last_change)


def test_a_record_changed_since_is_not_overwritten(ledger: Ledger, orgs: dict[str, str]) -> None:
    uid = _activity(ledger, orgs["t1"])
    activities.update_activity(ledger, uid, theme="第二版")
    first = ledger.last_change
    activities.update_activity(ledger, uid, place="会议室")
    second = ledger.last_change
    assert first and second
    _refused(ledger, first, "activity “2025-03-18 第二版” has been changed since", "by hand")
    assert undo_change(ledger, second) == 1
    assert undo_change(ledger, first) == 1
    assert activities.get_activity(ledger, uid)["theme"] == "学习二十大精神"


def test_a_change_by_another_program_blocks_the_undo(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    from desktop_app.storage import open_ledger

    organizations.update_organization(ledger, orgs["s1"], members_full=8)
    change = ledger.last_change
    assert change is not None
    with open_ledger(ledger.path) as other:
        organizations.update_organization(other, orgs["s1"], secretary="李老师")
    _refused(ledger, change, "organization “学生第一党支部” has been changed since")


def test_undoing_twice_is_refused(ledger: Ledger, orgs: dict[str, str]) -> None:
    organizations.update_organization(ledger, orgs["s1"], members_full=8)
    change = ledger.last_change
    assert change is not None
    assert undo_change(ledger, change) == 1
    _refused(ledger, change, "has been changed since")
    uid = _activity(ledger, orgs["s1"])
    added = ledger.last_change
    assert added is not None
    assert undo_change(ledger, added) == 1
    _refused(ledger, added, "has been changed since")
    assert in_bin(ledger, "activities", [uid]) == [(uid, uid)]


def test_a_record_added_since_keeps_its_organization(ledger: Ledger, orgs: dict[str, str]) -> None:
    new = organizations.add_organization(
        ledger, name="教工第二党支部", level="branch", parent_uid=orgs["jd"]
    )
    added = ledger.last_change
    assert added is not None
    _activity(ledger, new, theme="新支部的第一次主题党日")
    with_activity = ledger.last_change
    assert with_activity is not None
    _refused(
        ledger, added, "“2025-03-18 新支部的第一次主题党日” has been added to “教工第二党支部”"
    )
    assert undo_change(ledger, with_activity) == 1
    assert undo_change(ledger, added) == 1
    assert in_bin(ledger, "organizations", [new]) == [(new, new)]


def test_a_restore_that_records_were_added_to_since_stays(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    organizations.delete_organization(ledger, orgs["s1"])
    recycle.restore(ledger, orgs["s1"])
    restored = ledger.last_change
    assert restored is not None
    campaign.set_rating(ledger, orgs["s1"], 2025, 4)
    _refused(ledger, restored, "has been added to “学生第一党支部”")


def test_a_record_purged_since_cannot_come_back(ledger: Ledger, orgs: dict[str, str]) -> None:
    activities.delete_activity(ledger, orgs["lecture"])
    deleted = ledger.last_change
    assert deleted is not None
    recycle.purge(ledger, orgs["lecture"])
    _refused(ledger, deleted, "purged from the recycle bin")


def test_a_record_with_the_same_key_added_since_blocks_the_restore(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    campaign.set_rating(ledger, orgs["t1"], 2025, 3)
    campaign.clear_rating(ledger, orgs["t1"], 2025)
    cleared = ledger.last_change
    assert cleared is not None
    campaign.set_rating(ledger, orgs["t1"], 2025, 5)  # a new record for the same year
    _refused(ledger, cleared, "same name or key", "2025: 3")


def test_a_record_whose_organization_went_to_the_bin_since_stays(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    activities.delete_activity(ledger, orgs["lecture"])
    deleted = ledger.last_change
    assert deleted is not None
    organizations.delete_organization(ledger, orgs["t1"])
    _refused(ledger, deleted, "Restore the organization “教工第一党支部” first")


def test_nothing_to_undo(ledger: Ledger) -> None:
    _refused(ledger, Change(1000, 1001), "nothing to undo")
