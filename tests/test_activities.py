"""Activity records: fields, validation, duplicating, deleting, and attached files."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import table_snapshot

from desktop_app.domain import activities, organizations, orgtree
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.storage import Ledger, recycle


@pytest.fixture
def branch(ledger: Ledger) -> str:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    college = organizations.add_organization(
        ledger, name="机电工程学院党总支", level="college", parent_uid=root
    )
    return organizations.add_organization(
        ledger, name="教工第一党支部", level="branch", parent_uid=college, branch_type="teacher"
    )


def _row(ledger: Ledger, uid: str) -> dict[str, object]:
    return ledger.query("SELECT * FROM activities WHERE uid = ?", [uid])[0]


def _faults(ledger: Ledger, branch: str, **values: object) -> dict[str | None, str]:
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        activities.add_activity(ledger, branch, **values)
    assert caught.value.message == "The activity was not saved."
    assert table_snapshot(ledger) == before
    return {f.field: f.message for f in caught.value.faults}


VALID = {"type": "theme_day", "date": date(2025, 3, 18), "theme": "主题党日"}


def test_every_field_is_stored(ledger: Ledger, branch: str) -> None:
    uid = activities.add_activity(
        ledger,
        branch,
        type="theme_day",
        date=date(2025, 3, 18),
        theme="  学习二十大精神 ",
        category="volunteer",
        place="图书馆",
        host="张老师",
        expected=10,
        actual=9,
        dimensions=["organization", "curriculum"],
        featured=True,
        summary="集中学习。",
    )
    got = activities.get_activity(ledger, uid)
    assert {k: got[k] for k in activities.FIELDS} == {
        "org_uid": branch,
        "type": "theme_day",
        "date": date(2025, 3, 18),
        "theme": "学习二十大精神",
        "category": "volunteer",
        "place": "图书馆",
        "host": "张老师",
        "expected": 10,
        "actual": 9,
        "dimensions": ["curriculum", "organization"],
        "featured": True,
        "summary": "集中学习。",
    }
    row = _row(ledger, uid)
    assert (row["date"], row["featured"]) == ("2025-03-18", 1)


def test_defaults_of_a_bare_activity(ledger: Ledger, branch: str) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    row = _row(ledger, uid)
    assert (
        row["category"],
        row["expected"],
        row["actual"],
        row["dimensions"],
        row["featured"],
    ) == (None, None, None, "[]", 0)


def test_dates_as_text_and_datetimes_are_stored_as_days(ledger: Ledger, branch: str) -> None:
    a = activities.add_activity(
        ledger, branch, type="party_lecture", date="2025年4月1日", theme="党课"
    )
    b = activities.add_activity(
        ledger, branch, type="party_lecture", date=datetime(2025, 4, 2, 14, 30), theme="党课"
    )
    assert (_row(ledger, a)["date"], _row(ledger, b)["date"]) == ("2025-04-01", "2025-04-02")


def test_category_is_dropped_for_other_types(ledger: Ledger, branch: str) -> None:
    lecture = activities.add_activity(
        ledger, branch, type="party_lecture", date=date(2025, 4, 1), theme="党课", category="study"
    )
    assert _row(ledger, lecture)["category"] is None
    day = activities.add_activity(ledger, branch, **VALID, category="study")
    assert _row(ledger, day)["category"] == "study"
    activities.update_activity(ledger, day, type="general_meeting")
    assert _row(ledger, day)["category"] is None


def test_dimensions_are_stored_in_enumeration_order(ledger: Ledger, branch: str) -> None:
    uid = activities.add_activity(
        ledger, branch, **VALID, dimensions=["aid", "curriculum", "network", "aid", "research"]
    )
    assert json.loads(str(_row(ledger, uid)["dimensions"])) == [
        "curriculum",
        "research",
        "network",
        "aid",
    ]


def test_more_attending_than_expected_is_refused(ledger: Ledger, branch: str) -> None:
    faults = _faults(ledger, branch, **VALID, expected=10, actual=11)
    assert faults == {
        "actual": "11 attended but only 10 were expected; the number attending "
        "cannot exceed the number expected."
    }
    # Equal is fine, and either alone is fine.
    activities.add_activity(ledger, branch, **VALID, expected=10, actual=10)
    activities.add_activity(ledger, branch, **VALID, actual=3)


@pytest.mark.parametrize("field", ["expected", "actual"])
@pytest.mark.parametrize("value", [-1, 2.5, "ten", True])
def test_counts_must_be_whole_numbers_of_zero_or_more(
    ledger: Ledger, branch: str, field: str, value: object
) -> None:
    faults = _faults(ledger, branch, **VALID, **{field: value})
    assert faults == {field: f"{value} is not a whole number of zero or more."}


def test_missing_date_theme_and_type_are_refused_together(ledger: Ledger, branch: str) -> None:
    faults = _faults(ledger, branch, theme="   ")
    assert faults == {
        "type": "Choose the type of the activity.",
        "date": "Give the date of the activity.",
        "theme": "Give the theme (title) of the activity.",
    }


def test_unknown_values_are_refused(ledger: Ledger, branch: str) -> None:
    faults = _faults(
        ledger,
        branch,
        type="picnic",
        date="2025-02-30",
        theme="x",
        category="fun",
        dimensions=["curriculum", "sport"],
    )
    assert faults == {
        "type": "Choose the type of the activity.",
        "date": "“2025-02-30” is not a date; write it like 2025-03-18.",
        "category": "Unknown category “fun”.",
        "dimensions": "Unknown dimension “sport”.",
    }


def test_an_unknown_organization_is_refused(ledger: Ledger, branch: str) -> None:
    before = table_snapshot(ledger)
    with pytest.raises(NotFoundError):
        activities.add_activity(ledger, "no-such-org", **VALID)
    assert table_snapshot(ledger) == before


def test_update_merges_and_validates(ledger: Ledger, branch: str) -> None:
    uid = activities.add_activity(ledger, branch, **VALID, expected=10, actual=8)
    assert activities.update_activity(ledger, uid, actual=9, place="会议室") is True
    got = activities.get_activity(ledger, uid)
    assert (got["expected"], got["actual"], got["place"], got["theme"]) == (
        10,
        9,
        "会议室",
        "主题党日",
    )
    assert activities.update_activity(ledger, uid, actual=9) is False
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        activities.update_activity(ledger, uid, actual=12)
    assert [f.field for f in caught.value.faults] == ["actual"]
    assert table_snapshot(ledger) == before
    with pytest.raises(NotFoundError):
        activities.update_activity(ledger, uid, org_uid="no-such-org")
    assert table_snapshot(ledger) == before


def test_duplicate(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    uid = activities.add_activity(
        ledger,
        branch,
        **VALID,
        category="study",
        expected=5,
        actual=5,
        dimensions=["culture"],
        featured=True,
    )
    source = tmp_path / "photo.jpg"
    source.write_bytes(b"photo")
    activities.attach_file(ledger, uid, source)
    copy = activities.duplicate_activity(ledger, uid, date=date(2025, 4, 15))
    got = activities.get_activity(ledger, copy)
    assert copy != uid
    assert (got["date"], got["theme"], got["category"], got["dimensions"], got["featured"]) == (
        date(2025, 4, 15),
        "主题党日",
        "study",
        ["culture"],
        True,
    )
    assert activities.list_attachments(ledger, copy) == []
    # Into another organization.
    other = organizations.add_organization(
        ledger,
        name="机关党支部",
        level="branch",
        parent_uid=orgtree.load_tree(ledger).resolve("党委").uid,
    )
    moved = activities.duplicate_activity(ledger, uid, org_uid=other, theme="机关主题党日")
    got = activities.get_activity(ledger, moved)
    assert (got["org_uid"], got["theme"], got["expected"]) == (other, "机关主题党日", 5)


def test_delete_goes_to_the_bin_and_comes_back(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    source = tmp_path / "签到表.pdf"
    source.write_bytes(b"sign-in")
    activities.attach_file(ledger, uid, source)
    activities.delete_activity(ledger, uid)
    with pytest.raises(NotFoundError):
        activities.get_activity(ledger, uid)
    [item] = recycle.list_bin(ledger)
    assert (item.table, item.uid, item.title, item.count) == (
        "activities",
        uid,
        "2025-03-18 主题党日",
        2,
    )
    assert recycle.restore(ledger, uid) == 2
    assert activities.get_activity(ledger, uid)["theme"] == "主题党日"
    assert [a["file_name"] for a in activities.list_attachments(ledger, uid)] == ["签到表.pdf"]
    assert recycle.list_bin(ledger) == []


# ---- attachments ------------------------------------------------------------------------------


def test_a_file_is_copied_under_its_sha256(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    source = tmp_path / "incoming" / "合影.JPG"
    source.parent.mkdir()
    source.write_bytes(b"\xff\xd8 a group photo")
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    file_uid = activities.attach_file(ledger, uid, source)
    [row] = activities.list_attachments(ledger, uid)
    assert (row["uid"], row["file_name"], row["sha256"], row["size"]) == (
        file_uid,
        "合影.JPG",
        sha,
        source.stat().st_size,
    )
    folder = ledger.path.parent / "ledger-attachments"
    assert ledger.attachments_dir == folder
    assert sorted(p.name for p in folder.iterdir()) == [f"{sha}.jpg"]
    assert activities.attachment_path(ledger, row).read_bytes() == source.read_bytes()
    source.unlink()  # the ledger keeps its own copy
    assert activities.verify_attachments(ledger) == []


def test_the_same_file_twice_is_stored_once(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    first = activities.add_activity(ledger, branch, **VALID)
    second = activities.add_activity(ledger, branch, **VALID)
    a = tmp_path / "a.png"
    b = tmp_path / "b.png"
    a.write_bytes(b"same picture")
    b.write_bytes(b"same picture")
    activities.attach_file(ledger, first, a)
    activities.attach_file(ledger, second, b)
    activities.attach_file(ledger, second, a)
    assert len(list(ledger.attachments_dir.iterdir())) == 1
    assert ledger.scalar("SELECT count(*) FROM attachments") == 3


def test_verify_finds_missing_and_changed_files(
    ledger: Ledger, branch: str, tmp_path: Path
) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    kept, lost, changed = (tmp_path / n for n in ("kept.txt", "lost.txt", "changed.txt"))
    for path in (kept, lost, changed):
        path.write_text(f"content of {path.name}", encoding="utf-8")
        activities.attach_file(ledger, uid, path)
    rows = {r["file_name"]: r for r in activities.list_attachments(ledger, uid)}
    activities.attachment_path(ledger, rows["lost.txt"]).unlink()
    activities.attachment_path(ledger, rows["changed.txt"]).write_text("edited", encoding="utf-8")
    lost_name = activities.attachment_path(ledger, rows["lost.txt"]).name
    changed_name = activities.attachment_path(ledger, rows["changed.txt"]).name
    assert activities.verify_attachments(ledger) == [
        f"missing file lost.txt ({lost_name})",
        f"file changed.txt ({changed_name}) has changed since it was attached",
    ]
    # Attaching the original again repairs the damaged copy.
    activities.attach_file(ledger, uid, changed)
    activities.attach_file(ledger, uid, lost)
    assert activities.verify_attachments(ledger) == []


def test_attaching_what_is_not_there(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    with pytest.raises(ValidationError, match="does not exist or is not a file"):
        activities.attach_file(ledger, uid, tmp_path / "nothing.jpg")
    with pytest.raises(ValidationError, match="does not exist or is not a file"):
        activities.attach_file(ledger, uid, tmp_path)
    source = tmp_path / "x.txt"
    source.write_text("x", encoding="utf-8")
    activities.delete_activity(ledger, uid)
    before = table_snapshot(ledger)
    with pytest.raises(NotFoundError):
        activities.attach_file(ledger, uid, source)
    assert table_snapshot(ledger) == before


def test_deleting_an_attachment(ledger: Ledger, branch: str, tmp_path: Path) -> None:
    uid = activities.add_activity(ledger, branch, **VALID)
    source = tmp_path / "x.txt"
    source.write_text("x", encoding="utf-8")
    file_uid = activities.attach_file(ledger, uid, source)
    activities.delete_attachment(ledger, file_uid)
    assert activities.list_attachments(ledger, uid) == []
    with pytest.raises(NotFoundError):
        activities.delete_attachment(ledger, file_uid)
    assert recycle.restore(ledger, file_uid) == 1
    assert len(activities.list_attachments(ledger, uid)) == 1


def test_a_misspelled_field_is_a_programming_error_not_silently_dropped(ledger: Ledger) -> None:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    with pytest.raises(TypeError, match="expeced"):
        activities.add_activity(
            ledger, root, type="other", date=date(2025, 1, 1), theme="x", expeced=3
        )


# ---- joint theme days ------------------------------------------------------------------------


@pytest.fixture
def three_branches(ledger: Ledger, branch: str) -> list[str]:
    tree = orgtree.load_tree(ledger)
    college = tree.resolve("机电工程学院党总支").uid
    second = organizations.add_organization(
        ledger, name="教工第二党支部", level="branch", parent_uid=college, branch_type="teacher"
    )
    third = organizations.add_organization(
        ledger, name="学生党支部", level="branch", parent_uid=college, branch_type="student"
    )
    return [branch, second, third]


def test_a_joint_theme_day_is_one_activity_per_branch(
    ledger: Ledger, three_branches: list[str]
) -> None:
    audit_before = ledger.scalar("SELECT ifnull(max(id), 0) FROM audit_log")
    uids = activities.add_joint_activity(
        ledger,
        three_branches,
        type="theme_day",
        date=date(2025, 5, 20),
        theme="  联合主题党日：走进社区 ",
        category="co_building",
        place="社区服务中心",
        dimensions=["service", "practice"],
        featured=True,
        summary="三个支部联合开展。",
    )
    assert len(uids) == 3
    rows = [activities.get_activity(ledger, uid) for uid in uids]
    assert [r["org_uid"] for r in rows] == three_branches
    for got in rows:
        assert {k: got[k] for k in activities.FIELDS if k != "org_uid"} == {
            "type": "theme_day",
            "date": date(2025, 5, 20),
            "theme": "联合主题党日：走进社区",
            "category": "co_building",
            "place": "社区服务中心",
            "host": None,
            "expected": None,
            "actual": None,
            "dimensions": ["practice", "service"],
            "featured": True,
            "summary": "三个支部联合开展。",
        }
    # One transaction: the ledger's last change covers the three inserts and nothing else.
    change = ledger.last_change
    assert change is not None
    assert change.first_id == audit_before + 1
    logged = ledger.query(
        "SELECT uid, action FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id",
        [change.first_id, change.last_id],
    )
    assert logged == [{"uid": uid, "action": "insert"} for uid in uids]


def test_a_joint_activity_names_each_branch_once(ledger: Ledger, three_branches: list[str]) -> None:
    first, second, _third = three_branches
    uids = activities.add_joint_activity(ledger, [second, first, second], **VALID)
    assert [activities.get_activity(ledger, u)["org_uid"] for u in uids] == [second, first]


def test_a_joint_activity_is_checked_once_and_writes_nothing_when_refused(
    ledger: Ledger, three_branches: list[str]
) -> None:
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        activities.add_joint_activity(
            ledger, three_branches, type="theme_day", date=date(2025, 5, 20), theme=" ", actual=5
        )
    assert caught.value.message == "The activity was not saved."
    assert [(f.field, f.message) for f in caught.value.faults] == [
        ("theme", "Give the theme (title) of the activity.")
    ]
    with pytest.raises(ValidationError) as caught:
        activities.add_joint_activity(ledger, [], **VALID)
    assert [(f.field, f.message) for f in caught.value.faults] == [
        ("org_uids", "Choose at least one organization that took part in the activity.")
    ]
    with pytest.raises(NotFoundError):
        activities.add_joint_activity(ledger, [*three_branches, "no-such-org"], **VALID)
    assert table_snapshot(ledger) == before


def test_a_joint_activity_takes_no_single_organization(
    ledger: Ledger, three_branches: list[str]
) -> None:
    with pytest.raises(TypeError, match="org_uids"):
        activities.add_joint_activity(ledger, three_branches, org_uid=three_branches[0], **VALID)
    with pytest.raises(TypeError, match="expeced"):
        activities.add_joint_activity(ledger, three_branches, expeced=3, **VALID)
