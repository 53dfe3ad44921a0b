"""Importing workbooks: the tree and its paths, every sheet, idempotency, updates, preview."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot

from desktop_app.domain import activities, organizations, orgtree
from desktop_app.errors import RefusedError
from desktop_app.storage import Ledger, open_ledger
from desktop_app.workbook.importer import import_workbook, preview_workbook
from desktop_app.workbook.report_text import format_import_report

ORG_HEADER = [
    "名称*",
    "上级组织",
    "层级*",
    "支部类型",
    "书记",
    "双带头人",
    "成立日期",
    "换届日期",
    "任期(年)",
    "正式党员",
    "预备党员",
    "入党积极分子",
]
ROOT = "示范学院党委"
JD = "机电学院党总支"
XX = "信息学院党总支"


def university() -> list[list[Any]]:
    return [
        ORG_HEADER,
        [ROOT, None, "党委", None, "李书记"],
        [JD, ROOT, "院系党组织"],
        [XX, None, "党总支"],
        [
            "教工第一党支部",
            JD,
            "党支部",
            "教师",
            "张三",
            "是",
            "2020-09-01",
            datetime(2023, 6, 1),
            3,
            12,
            2,
            5,
        ],
        ["教工第一党支部", XX, "党支部", "教工", "王五", "否", None, None, None, 8.0, "1", None],
        ["机关直属党支部", None, "党支部", "机关", None, None, None, None, 5, 6, 0, 0],
    ]


ACTIVITY_HEADER = [
    "组织*",
    "类型*",
    "日期*",
    "主题*",
    "主题党日+类别",
    "地点",
    "应到人数",
    "实到人数",
    "育人维度",
    "特色案例",
    "内容摘要",
]


def orgs_by_path(ledger: Ledger) -> dict[str, dict[str, Any]]:
    tree = orgtree.load_tree(ledger)
    rows = ledger.query("SELECT * FROM organizations WHERE deleted_at IS NULL")
    return {tree.path(r["uid"]): r for r in rows}


def activity_rows(ledger: Ledger) -> list[dict[str, Any]]:
    tree = orgtree.load_tree(ledger)
    rows = ledger.query("SELECT * FROM activities WHERE deleted_at IS NULL ORDER BY date, theme")
    for row in rows:
        row["org"] = tree.path(row["org_uid"])
    return rows


def test_organizations_form_the_tree(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    report = import_workbook(ledger, make_workbook({"组织": university()}))
    assert report.sheets["组织"].added == 6
    assert report.sheets["组织"].updated == 0
    assert report.warnings == []
    assert list(report.sheets) == ["组织"]
    assert report.sheets["活动"].added == 0  # a sheet the workbook does not have
    assert report.added == {"组织": 6} and report.counts["组织"]["unchanged"] == 0
    orgs = orgs_by_path(ledger)
    assert sorted(orgs) == sorted(
        [
            ROOT,
            JD,
            XX,
            f"{JD}/教工第一党支部",
            f"{XX}/教工第一党支部",
            "机关直属党支部",
        ]
    )
    root = orgs[ROOT]
    assert root["level"] == "committee" and root["parent_uid"] is None
    assert root["secretary"] == "李书记"
    assert orgs[XX]["level"] == "college" and orgs[XX]["parent_uid"] == root["uid"]
    first = orgs[f"{JD}/教工第一党支部"]
    assert first["parent_uid"] == orgs[JD]["uid"]
    assert (first["branch_type"], first["secretary"], first["double_leader"]) == (
        "teacher",
        "张三",
        1,
    )
    assert (first["founded_on"], first["elected_on"], first["term_years"]) == (
        "2020-09-01",
        "2023-06-01",
        3,
    )
    assert (first["members_full"], first["members_probationary"], first["activists"]) == (12, 2, 5)
    second = orgs[f"{XX}/教工第一党支部"]
    assert (second["branch_type"], second["double_leader"], second["term_years"]) == (
        "teacher",
        0,
        3,
    )
    assert (second["members_full"], second["members_probationary"], second["activists"]) == (
        8,
        1,
        0,
    )
    direct = orgs["机关直属党支部"]
    assert direct["parent_uid"] == root["uid"] and direct["branch_type"] == "admin"
    assert direct["term_years"] == 5


def test_parents_may_come_after_their_children(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    rows = [
        ["名称", "上级组织", "层级"],
        ["学生第一党支部", f"{ROOT}/{JD}", "党支部"],
        ["学生第二党支部", JD, "党支部"],
        [JD, ROOT, "党总支"],
        [ROOT, None, "党委"],
    ]
    report = import_workbook(ledger, make_workbook({"组织": rows}))
    assert report.sheets["组织"].added == 4
    orgs = orgs_by_path(ledger)
    assert orgs[f"{JD}/学生第一党支部"]["parent_uid"] == orgs[JD]["uid"]
    assert orgs[f"{JD}/学生第二党支部"]["parent_uid"] == orgs[JD]["uid"]
    # Inserted parent first, so the foreign keys hold.
    assert ledger.scalar("PRAGMA foreign_key_check") is None


def test_a_sheet_may_add_under_an_existing_tree(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    organizations.add_organization(ledger, name=JD, level="college", parent_uid=root)
    rows = [
        ["名称", "上级组织", "层级", "支部类型"],
        ["学生党支部", JD, "党支部", "学生"],
        ["校办直属党支部", "", "党支部", "机关"],
        ["后勤直属党支部", ROOT, "党支部", "其他"],
    ]
    report = import_workbook(ledger, make_workbook({"组织": rows}))
    assert report.sheets["组织"].added == 3
    orgs = orgs_by_path(ledger)
    assert orgs[f"{JD}/学生党支部"]["branch_type"] == "student"
    assert orgs["校办直属党支部"]["parent_uid"] == root
    assert orgs["后勤直属党支部"]["parent_uid"] == root


def test_references_by_name_path_and_root(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(
        {
            "组织": university(),
            "活动": [
                ACTIVITY_HEADER,
                [f"{JD}/教工第一党支部", "主题党日", date(2025, 3, 5), "学习", "理论学习"],
                [f"{ROOT}/{XX}/教工第一党支部", "主题党日", date(2025, 3, 6), "学习", "志愿服务"],
                ["机关直属党支部", "党课", date(2025, 3, 7), "党课"],
                [f"{ROOT}/机关直属党支部", "支委会", date(2025, 3, 8), "支委会"],
                [ROOT, "其他", date(2025, 3, 9), "全校大会"],
                [XX, "其他", date(2025, 3, 10), "学院会议"],
            ],
            "星级评定": [
                ["组织", "年度", "星级"],
                [ROOT, 2025, 5],
                [f"{JD}/教工第一党支部", 2025, 4],
            ],
        }
    )
    report = import_workbook(ledger, path)
    assert report.sheets["活动"].added == 6
    assert report.sheets["星级评定"].added == 2
    got = [(r["org"], r["type"], r["category"]) for r in activity_rows(ledger)]
    assert got == [
        (f"{JD}/教工第一党支部", "theme_day", "study"),
        (f"{XX}/教工第一党支部", "theme_day", "volunteer"),
        ("机关直属党支部", "party_lecture", None),
        ("机关直属党支部", "committee_meeting", None),
        (ROOT, "other", None),
        (XX, "other", None),
    ]
    tree = orgtree.load_tree(ledger)
    ratings = {tree.path(r["org_uid"]): r["stars"] for r in ledger.query("SELECT * FROM ratings")}
    assert ratings == {ROOT: 5, f"{JD}/教工第一党支部": 4}


def test_activity_values(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(
        {
            "组织": university(),
            "活动": [
                [*ACTIVITY_HEADER, "主持人"],
                [
                    f"{JD}/教工第一党支部",
                    "主题党日",
                    datetime(2025, 3, 18, 0, 0),
                    "  重温入党誓词 ",
                    "志愿服务",
                    "会议室",
                    12.0,
                    "10",
                    "实践, 课程；网络 心理、实践",
                    "是",
                    "全体党员参加",
                    "张三",
                ],
                ["机关直属党支部", "支部党员大会", "2025/3/19", "换届", None, None, None, None],
                ["机关直属党支部", "党小组会", "2025年3月20日", "小组学习", "", "", 0, 0, "", "否"],
                ["机关直属党支部", "组织生活会", 45750, "组织生活会"],
            ],
        }
    )
    import_workbook(ledger, path)
    rows = activity_rows(ledger)
    first = rows[0]
    assert (first["date"], first["theme"], first["category"], first["place"]) == (
        "2025-03-18",
        "重温入党誓词",
        "volunteer",
        "会议室",
    )
    assert (first["expected"], first["actual"], first["featured"]) == (12, 10, 1)
    assert json.loads(first["dimensions"]) == ["curriculum", "practice", "network", "psychology"]
    assert (first["summary"], first["host"]) == ("全体党员参加", "张三")
    second = rows[1]
    assert (second["date"], second["type"], second["expected"], second["actual"]) == (
        "2025-03-19",
        "general_meeting",
        None,
        None,
    )
    assert (second["dimensions"], second["featured"], second["host"]) == ("[]", 0, None)
    third = rows[2]
    assert (third["date"], third["expected"], third["actual"], third["place"]) == (
        "2025-03-20",
        0,
        0,
        None,
    )
    assert rows[3]["date"] == "2025-04-03"  # an Excel serial number without a date format


def full_workbook() -> dict[str, list[list[Any]]]:
    return {
        "组织": university(),
        "活动": [
            ACTIVITY_HEADER,
            [
                f"{JD}/教工第一党支部",
                "主题党日",
                date(2025, 3, 5),
                "学习",
                "理论学习",
                "会议室",
                12,
                10,
            ],
            ["机关直属党支部", "党课", "2025-04-01", "党课", None, None, 20, 18, "课程", "是"],
        ],
        "星级评定": [["组织", "年度", "星级"], [JD, 2025, 4], ["机关直属党支部", "2025", "5"]],
        "创建目标": [
            ["层级", "级别", "目标数", "规划期"],
            ["标杆院系", "全国", 1, "2021-2023"],
            ["样板支部", "省级", 4, None],
        ],
        "创建单位": [
            ["组织", "层级", "级别", "状态", "立项日期", "验收日期", "申报日期", "备注"],
            [JD, "标杆院系", "省级", "已验收", "2022-01-10", date(2023, 6, 30), "2021-11-01", "好"],
            [f"{XX}/教工第一党支部", "样板支部", "校级", "培育", None, None],
        ],
        "任务": [
            ["任务", "牵头部门", "配合部门", "截止日期", "状态", "所属部分"],
            ["健全理论学习制度", "党委宣传部", "组织部、各党总支", "2023-12-31", "进行中", "二"],
            ["建立考核机制", "组织部", None, None, None, None],
        ],
        "品牌项目": [
            ["组织", "名称", "类别", "立项年度", "级别", "状态"],
            [JD, "红色工匠", "一总支一品牌", 2022, "省级", "已立项"],
            ["机关直属党支部", "服务之星", "一支部一特色", None, None, None],
        ],
    }


def test_every_sheet(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    report = import_workbook(ledger, make_workbook(full_workbook()))
    assert {name: c.added for name, c in report.sheets.items()} == {
        "组织": 6,
        "活动": 2,
        "星级评定": 2,
        "创建目标": 2,
        "创建单位": 2,
        "任务": 2,
        "品牌项目": 2,
    }
    orgs = orgs_by_path(ledger)
    uid_path = {r["uid"]: p for p, r in orgs.items()}
    ratings = {
        (uid_path[r["org_uid"]], r["year"], r["stars"])
        for r in ledger.query("SELECT * FROM ratings")
    }
    assert ratings == {(JD, 2025, 4), ("机关直属党支部", 2025, 5)}
    targets = {
        (r["level"], r["grade"], r["target"], r["period"])
        for r in ledger.query("SELECT * FROM creation_targets")
    }
    assert targets == {("college", "national", 1, "2021-2023"), ("branch", "provincial", 4, "")}
    candidates = {
        uid_path[r["org_uid"]]: r for r in ledger.query("SELECT * FROM creation_candidates")
    }
    accepted = candidates[JD]
    assert (accepted["level"], accepted["grade"], accepted["status"]) == (
        "college",
        "provincial",
        "accepted",
    )
    assert (accepted["approved_on"], accepted["accepted_on"], accepted["applied_on"]) == (
        "2022-01-10",
        "2023-06-30",
        "2021-11-01",
    )
    assert accepted["note"] == "好"
    assert candidates[f"{XX}/教工第一党支部"]["status"] == "cultivating"
    tasks = {r["title"]: r for r in ledger.query("SELECT * FROM tasks")}
    assert tasks["健全理论学习制度"]["status"] == "doing"
    assert tasks["健全理论学习制度"]["deadline"] == "2023-12-31"
    assert tasks["健全理论学习制度"]["cooperating_departments"] == "组织部、各党总支"
    assert tasks["健全理论学习制度"]["section"] == "二"
    assert (tasks["建立考核机制"]["status"], tasks["建立考核机制"]["deadline"]) == ("todo", None)
    brands = {r["name"]: r for r in ledger.query("SELECT * FROM brands")}
    assert (brands["红色工匠"]["kind"], brands["红色工匠"]["year_approved"]) == (
        "college_brand",
        2022,
    )
    assert (brands["红色工匠"]["grade"], brands["红色工匠"]["status"]) == ("provincial", "approved")
    assert (brands["服务之星"]["kind"], brands["服务之星"]["status"]) == (
        "branch_feature",
        "cultivating",
    )


def test_importing_twice_changes_nothing(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(full_workbook())
    import_workbook(ledger, path)
    before = table_snapshot(ledger)
    report = import_workbook(ledger, path)
    assert table_snapshot(ledger) == before
    for name, counts in report.sheets.items():
        assert (counts.added, counts.updated) == (0, 0), name
    assert report.sheets["活动"].unchanged == 2
    assert report.sheets["组织"].unchanged == 6
    assert report.changed is False


def test_a_changed_row_updates_only_its_record(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    book = full_workbook()
    import_workbook(ledger, make_workbook(book, name="first.xlsx"))
    stamps = {
        r["uid"]: r["updated_at"] for r in ledger.query("SELECT uid, updated_at FROM organizations")
    }
    audits = ledger.scalar("SELECT count(*) FROM audit_log")
    book["组织"][4][9] = 13  # 正式党员 of 机电/教工第一党支部
    book["活动"][2][7] = 19  # 实到人数 of the 党课
    report = import_workbook(ledger, make_workbook(book, name="second.xlsx"))
    assert (report.sheets["组织"].updated, report.sheets["组织"].unchanged) == (1, 5)
    assert (report.sheets["活动"].updated, report.sheets["活动"].unchanged) == (0 + 1, 1)
    orgs = orgs_by_path(ledger)
    changed = orgs[f"{JD}/教工第一党支部"]
    assert changed["members_full"] == 13
    assert changed["updated_at"] != stamps[changed["uid"]]
    for path, row in orgs.items():
        if path != f"{JD}/教工第一党支部":
            assert row["updated_at"] == stamps[row["uid"]], path
    lecture = [r for r in activity_rows(ledger) if r["type"] == "party_lecture"]
    assert [r["actual"] for r in lecture] == [19]
    # Two changed records, each audited with only its changed field.
    assert ledger.scalar("SELECT count(*) FROM audit_log") == audits + 2
    changes = ledger.query("SELECT changes FROM audit_log ORDER BY id DESC LIMIT 2")
    assert sorted((json.loads(c["changes"]) for c in changes), key=str) == sorted(
        [{"members_full": [12, 13]}, {"actual": [18, 19]}], key=str
    )


def test_absent_columns_keep_their_values_blank_ones_reset(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook({"组织": university()}, name="first.xlsx"))
    narrow = [
        ["名称", "上级组织", "层级", "书记", "支部类型", "任期(年)"],
        ["教工第一党支部", JD, "党支部", "赵六", None, None],
    ]
    report = import_workbook(ledger, make_workbook({"组织": narrow}, name="second.xlsx"))
    assert report.sheets["组织"].updated == 1
    branch = orgs_by_path(ledger)[f"{JD}/教工第一党支部"]
    assert branch["secretary"] == "赵六"
    assert branch["branch_type"] is None  # blank 支部类型 stores NULL
    assert branch["term_years"] == 3  # blank 任期 is 3
    assert (branch["members_full"], branch["double_leader"], branch["founded_on"]) == (
        12,
        1,
        "2020-09-01",
    )


def test_extension_columns_of_organizations(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    rows = [
        ["名称", "上级组织", "层级", "设党小组", "状态", "撤销日期"],
        [ROOT, None, "党委", None, None, None],
        ["老干部党支部", ROOT, "党支部", "是", "已撤销", "2024-07-01"],
        ["机关党支部", ROOT, "党支部", "否", "正常", None],
    ]
    import_workbook(ledger, make_workbook({"组织": rows}))
    orgs = orgs_by_path(ledger)
    old = orgs["老干部党支部"]
    assert (old["has_party_groups"], old["active"], old["dissolved_on"]) == (1, 0, "2024-07-01")
    office = orgs["机关党支部"]
    assert (office["has_party_groups"], office["active"], office["dissolved_on"]) == (0, 1, None)


def test_headers_are_matched_loosely(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    rows = [
        [" 名 称 *", "上级组织", "层级＊", "任期（年）", "正式党员 "],
        [ROOT, None, "党委", 4, 30],
    ]
    report = import_workbook(ledger, make_workbook({"组织": rows}))
    assert report.warnings == []
    root = orgs_by_path(ledger)[ROOT]
    assert (root["term_years"], root["members_full"]) == (4, 30)


def test_blank_rows_are_skipped(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    rows = [
        ["名称", "上级组织", "层级"],
        [None, None, None],
        [ROOT, None, "党委"],
        ["  ", "", None],
        [],
        [JD, ROOT, "院系党组织"],
    ]
    report = import_workbook(ledger, make_workbook({"组织": rows}))
    assert report.sheets["组织"].added == 2


def test_warnings_do_not_stop_the_import(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(
        {
            "说明": [["这一页是说明"], ["随便写什么"]],
            "组织": [
                ["名称", "上级组织", "层级", "支部类型", "备注"],
                [ROOT, None, "党委", "教师", "根"],
                [JD, ROOT, "院系党组织", "学生", None],
            ],
            "活动": [
                ACTIVITY_HEADER,
                [JD, "党课", "2025-05-01", "党课", "志愿服务"],
                [JD, "党课", "2025-05-02", "党课", "不存在的类别"],
            ],
            "附表": [["随便"], ["什么"]],
        }
    )
    report = import_workbook(ledger, path)
    where = [(w.sheet, w.row, w.column) for w in report.warnings]
    assert where == [
        ("组织", 1, "E (备注)"),
        ("组织", 2, "D (支部类型)"),
        ("组织", 3, "D (支部类型)"),
        ("活动", 2, "E (主题党日+类别)"),
        ("活动", 3, "E (主题党日+类别)"),
        ("附表", None, None),
    ]
    assert "Unknown column “备注”" in report.warnings[0].message
    assert "Only a branch" in report.warnings[1].message
    assert "Only a theme party day" in report.warnings[3].message
    assert "Unknown sheet “附表”" in report.warnings[5].message
    orgs = orgs_by_path(ledger)
    assert orgs[ROOT]["branch_type"] is None and orgs[JD]["branch_type"] is None
    assert [r["category"] for r in activity_rows(ledger)] == [None, None]


def test_preview_writes_nothing(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(full_workbook())
    before = table_snapshot(ledger)
    preview = preview_workbook(ledger, path)
    assert table_snapshot(ledger) == before
    assert preview.written is False
    assert preview.sheets["活动"].added == 2
    report = import_workbook(ledger, path)
    assert report.written is True
    assert report.sheets == preview.sheets
    second = preview_workbook(ledger, path)
    assert second.sheets["活动"].unchanged == 2 and not second.changed


def test_progress_is_reported(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    calls: list[tuple[int, int]] = []
    import_workbook(
        ledger,
        make_workbook(full_workbook()),
        progress=lambda done, total: calls.append((done, total)),
    )
    assert calls
    totals = {total for _, total in calls}
    assert len(totals) == 1
    done = [d for d, _ in calls]
    assert done == sorted(done)
    assert calls[-1] == (totals.pop(),) * 2


@pytest.mark.parametrize("stop_at", ["first", "last"])
def test_cancel_stops_and_changes_nothing(
    ledger: Ledger, make_workbook: WorkbookFactory, tmp_path: Path, stop_at: str
) -> None:
    path = make_workbook(full_workbook())
    asked = 0

    def count() -> bool:
        nonlocal asked
        asked += 1
        return False

    with open_ledger(tmp_path / "other.sqlite") as other:
        import_workbook(other, path, cancel=count)
    last = asked  # the last question comes after the last table was written
    assert last > 7
    organizations.add_organization(ledger, name=ROOT, level="committee")
    before = table_snapshot(ledger)
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked == (1 if stop_at == "first" else last)

    with pytest.raises(RefusedError) as caught:
        import_workbook(ledger, path, cancel=cancel)
    assert "cancelled" in caught.value.message
    assert "nothing was changed" in caught.value.message
    assert table_snapshot(ledger) == before


def test_references_to_organizations_already_in_the_ledger(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    college = organizations.add_organization(ledger, name=JD, level="college", parent_uid=root)
    branch = organizations.add_organization(
        ledger, name="学生党支部", level="branch", parent_uid=college, branch_type="student"
    )
    activities.add_activity(
        ledger, branch, type="theme_day", date=date(2025, 1, 8), theme="学习", expected=5, actual=5
    )
    path = make_workbook(
        {
            "活动": [
                ACTIVITY_HEADER,
                ["学生党支部", "主题党日", "2025-01-08", "学习", None, None, 5, 5],
                ["学生党支部", "主题党日", "2025-02-08", "学习", None, None, 5, 4],
            ]
        }
    )
    report = import_workbook(ledger, path)
    assert (report.sheets["活动"].added, report.sheets["活动"].unchanged) == (1, 1)
    assert ledger.scalar("SELECT count(*) FROM activities") == 2


def test_report_text(ledger: Ledger, make_workbook: WorkbookFactory, tmp_path: Path) -> None:
    path = make_workbook({"组织": university(), "附表": [["x"]]})
    text = format_import_report(preview_workbook(ledger, path), dry_run=True)
    assert text.splitlines()[0].startswith("Nothing was changed")
    assert "组织: 6 added, 0 updated, 0 unchanged" in text
    assert "Unknown sheet “附表”" in text
    text = format_import_report(import_workbook(ledger, path))
    assert text.splitlines()[0] == "The workbook was imported:"


def test_the_command_line_imports_and_reports(
    make_workbook: WorkbookFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop_app.cli import main

    db = str(tmp_path / "cli.sqlite")
    good = make_workbook({"组织": university()}, name="good.xlsx")
    assert main(["--db", db, "import", "--dry-run", str(good)]) == 0
    assert "组织: 6 added, 0 updated, 0 unchanged" in capsys.readouterr().out
    with open_ledger(db) as ledger:
        assert ledger.scalar("SELECT count(*) FROM organizations") == 0
    assert main(["--db", db, "import", str(good)]) == 0
    assert "The workbook was imported" in capsys.readouterr().out
    bad = make_workbook(
        {"活动": [ACTIVITY_HEADER, [f"{JD}/教工第一党支部", "党课", "2025-02-30", "党课"]]},
        name="bad.xlsx",
    )
    assert main(["--db", db, "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "sheet “活动”, row 2, column C (日期)" in err
    assert "Traceback" not in err


def test_common_spellings_are_understood(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(
        {
            "组织": [
                ["名称", "上级组织", "层级", "支部类型", "双带头人", "正式党员"],
                [ROOT, None, "学校党委", None, None, None],
                [JD, ROOT, "二级党委", None, None, None],
                ["教工党支部", f"{ROOT}／{JD}", "支部", "teacher", "yes", "12人"],
            ],
            "星级评定": [
                ["组织", "年度", "星级"],
                [JD, "2025年度", "★★★★☆"],
                [ROOT, 2025.0, "5星"],
            ],
            "活动": [
                ACTIVITY_HEADER,
                [f"{JD} / 教工党支部", "Party lecture", "2025.3.1", "党课", None, None, "20人"],
            ],
        }
    )
    import_workbook(ledger, path)
    orgs = orgs_by_path(ledger)
    branch = orgs[f"{JD}/教工党支部"]
    assert (branch["level"], branch["branch_type"], branch["double_leader"]) == (
        "branch",
        "teacher",
        1,
    )
    assert branch["members_full"] == 12
    assert orgs[JD]["level"] == "college"
    stars = {r["org_uid"]: (r["year"], r["stars"]) for r in ledger.query("SELECT * FROM ratings")}
    assert stars == {orgs[JD]["uid"]: (2025, 4), orgs[ROOT]["uid"]: (2025, 5)}
    [lecture] = activity_rows(ledger)
    assert (lecture["type"], lecture["date"], lecture["expected"]) == (
        "party_lecture",
        "2025-03-01",
        20,
    )


def test_the_report_counts_warnings_past_fifty(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    from desktop_app.workbook.report_text import format_import_report

    rows = [
        ["组织", "类型", "日期", "主题", "主题党日+类别"],
        *(["党委", "党课", f"2025-01-{day:02d}", f"党课{day}", "理论学习"] for day in range(1, 31)),
        *(["党委", "党课", f"2025-02-{day:02d}", f"党课{day}", "理论学习"] for day in range(1, 29)),
    ]
    book = make_workbook({"组织": [["名称", "层级"], ["党委", "党委"]], "活动": rows})
    report = import_workbook(ledger, book)
    assert len(report.warnings) == 58
    text = format_import_report(report)
    assert text.count("  • ") == 50
    assert text.rstrip().endswith("… and 8 more warnings.")


def test_control_characters_never_enter_the_ledger(
    ledger: Ledger, make_workbook: WorkbookFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text pasted from Word may hold control characters a worksheet cannot hold; a cell that
    holds them anyway gives its text without them."""
    from desktop_app.workbook import cells, reader

    assert cells.text("会议\x0b纪要\x01") == "会议纪要"
    assert cells.text("\x07\x08") is None
    assert cells.is_blank("\x0b\x01 ")  # so a required cell of nothing else is empty
    read_rows = reader._sheet_rows

    def with_controls(sheet: Any) -> Any:  # "^K" stands for a vertical tab, "^A" for SOH
        for values in read_rows(sheet):
            yield tuple(
                v.replace("^K", "\x0b").replace("^A", "\x01") if isinstance(v, str) else v
                for v in values
            )

    monkeypatch.setattr(reader, "_sheet_rows", with_controls)
    path = make_workbook(
        {
            "组织": [["名称", "上级组织", "层级", "书记"], [ROOT, None, "党委", "李^K书记"]],
            "活动": [
                ACTIVITY_HEADER,
                [ROOT, "党课^A", "2025-03-18", "学习^K会议", *[None] * 6, "第一段^K第二段"],
            ],
        }
    )
    import_workbook(ledger, path)
    assert [r["secretary"] for r in ledger.query("SELECT secretary FROM organizations")] == [
        "李书记"
    ]
    row = ledger.query("SELECT type, theme, summary FROM activities")[0]
    assert (row["type"], row["theme"], row["summary"]) == (
        "party_lecture",
        "学习会议",
        "第一段第二段",
    )
