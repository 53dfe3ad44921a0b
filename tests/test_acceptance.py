"""The issue's acceptance run, end to end through the installed command line: import a
workbook written to the contract, print the statistics as JSON, import again (nothing changes),
and a faulty workbook that exits 2, names every fault and leaves the ledger as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot

from desktop_app.storage import open_ledger

ORGS = [
    [
        "名称",
        "上级组织",
        "层级",
        "支部类型",
        "书记",
        "双带头人",
        "成立日期",
        "换届日期",
        "任期(年)",
        "正式党员",
        "预备党员",
        "入党积极分子",
    ],
    ["某某大学党委", "", "党委", "", "王书记", "否", "", "2023-03-01", 5, None, None, None],
    [
        "机电学院党总支",
        "某某大学党委",
        "党总支",
        "",
        "李",
        "否",
        "",
        "2021/4/1",
        3,
        None,
        None,
        None,
    ],
    [
        "教工第一党支部",
        "机电学院党总支",
        "党支部",
        "教师",
        "张",
        "是",
        "2020-01-01",
        "2023年6月1日",
        3,
        10,
        1,
        2,
    ],
    # the same name in another college, whose row comes later in the sheet
    ["教工第一党支部", "信息学院党总支", "党支部", "教师", "赵", "否", "", "", "", 5, 0, 0],
    ["信息学院党总支", "", "二级党委", "", "", "", "", "", "", "", "", ""],
    # founded in the middle of the year
    ["学生党支部", "信息学院党总支", "党支部", "学生", "", "", "2025-06-15", "", "", 3, "4", 5],
    # a 直属党支部
    ["机关党支部", "某某大学党委", "党支部", "机关", "", "", "", "", "", 8, 0, 0],
]
ACTIVITIES = [
    [
        "组织",
        "类型",
        "日期",
        "主题",
        "主题党日+类别",
        "地点",
        "应到人数",
        "实到人数",
        "育人维度",
        "特色案例",
        "内容摘要",
    ],
    [
        "机电学院党总支/教工第一党支部",
        "主题党日",
        datetime(2025, 1, 10),
        "学习一",
        "理论学习",
        "会议室",
        10,
        8,
        "组织、课程",
        "是",
        "摘要",
    ],
    [
        "机电学院党总支/教工第一党支部",
        "主题党日",
        "2025/2/10",
        "学习二",
        "志愿服务",
        "",
        10,
        10,
        "实践,服务",
        "否",
        "",
    ],
    # expected but no attendance recorded
    ["信息学院党总支/教工第一党支部", "党课", "2025-03-01", "党课一", "", "", 5, None, "", "", ""],
    # no attendance at all
    ["学生党支部", "主题党日", "2025-07-01", "学生一", "社会实践", "", None, None, "", "", ""],
    # outside the year
    ["机关党支部", "主题党日", "2024-12-31", "去年", "其他", "", 8, 8, "", "", ""],
]
GOOD = {
    "组织": ORGS,
    "活动": ACTIVITIES,
    "星级评定": [
        ["组织", "年度", "星级"],
        ["机关党支部", 2025, 4],
        ["学生党支部", 2025, 2],
        ["机关党支部", 2024, 1],
    ],
    "创建目标": [["层级", "级别", "目标数", "规划期"], ["样板支部", "省级", 3, "2021-2023"]],
    "创建单位": [
        ["组织", "层级", "级别", "状态", "立项日期", "验收日期"],
        ["机关党支部", "样板支部", "省级", "已验收", "2024-01-01", "2025-06-01"],
        # a candidate without a target
        ["学生党支部", "样板支部", "校级", "培育", "", ""],
    ],
    "任务": [
        ["任务", "牵头部门", "配合部门", "截止日期", "状态"],
        ["任务甲", "组织部", "宣传部", "2025-12-31", "进行中"],
        ["任务乙", "组织部", "", "2026-12-31", "未开始"],
    ],
}
EXPECTED: dict[str, Any] = {
    "year": 2025,
    "scope": "某某大学党委",
    "as_of": "2026-01-15",
    "organizations": {
        "colleges": 2,
        "branches": 4,
        "branches_by_type": {
            "teacher": 2,
            "student": 1,
            "mixed": 0,
            "admin": 1,
            "retired": 0,
            "other": 0,
        },
        "members_full": 26,
        "members_probationary": 5,
        "activists": 7,
        "double_leader_ratio": 0.5,
    },
    "activities": {
        "total": 4,
        "by_type": {
            "theme_day": 3,
            "general_meeting": 0,
            "committee_meeting": 0,
            "group_meeting": 0,
            "party_lecture": 1,
            "life_meeting": 0,
            "member_review": 0,
            "other": 0,
        },
        "theme_day_by_category": {
            "volunteer": 1,
            "practice": 1,
            "innovation": 0,
            "deliberation": 0,
            "co_building": 0,
            "study": 1,
            "other": 0,
        },
        "by_dimension": {
            "curriculum": 1,
            "research": 0,
            "practice": 1,
            "culture": 0,
            "network": 0,
            "psychology": 0,
            "management": 0,
            "service": 1,
            "aid": 0,
            "organization": 1,
        },
        "attendance_rate": 0.72,  # (8 + 10 + 0) / (10 + 10 + 5)
        "featured": 1,
    },
    "compliance": {
        "theme_day_rate": round(3 / 43, 4),  # due 12 + 12 + 7 + 12, held 2 + 0 + 1 + 0
        "branches_missing": [
            {"branch": "信息学院党总支/学生党支部", "missing_months": [6, 8, 9, 10, 11, 12]},
            {"branch": "信息学院党总支/教工第一党支部", "missing_months": list(range(1, 13))},
            {"branch": "机关党支部", "missing_months": list(range(1, 13))},
            {"branch": "机电学院党总支/教工第一党支部", "missing_months": list(range(3, 13))},
        ],
    },
    "ratings": {
        "rated": 2,
        "by_stars": {"1": 0, "2": 1, "3": 0, "4": 1, "5": 0},
        "four_plus_ratio": 0.5,
    },
    "creation": [
        {"level": "branch", "grade": "provincial", "target": 3, "achieved": 1},
        {"level": "branch", "grade": "school", "target": 0, "achieved": 0},
    ],
    "tasks": {"total": 2, "done": 0, "overdue": 1},
    "terms": {"expired": ["机电学院党总支"], "expiring_soon": ["机电学院党总支/教工第一党支部"]},
}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("party-ledger")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]
    return subprocess.run(
        [*command, "--lang", "en", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def _stats(db: Path) -> dict[str, Any]:
    run = _cli("--db", str(db), "stats", "--year", "2025", "--as-of", "2026-01-15", "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_import_then_stats_then_import_again(
    tmp_path: Path, make_workbook: WorkbookFactory
) -> None:
    book = make_workbook(GOOD)
    db = tmp_path / "x.sqlite"
    first = _cli("--db", str(db), "import", str(book))
    assert first.returncode == 0, first.stderr
    assert _stats(db) == EXPECTED
    with open_ledger(db) as ledger:
        before = table_snapshot(ledger)
    again = _cli("--db", str(db), "import", str(book))
    assert again.returncode == 0, again.stderr
    assert _stats(db) == EXPECTED
    with open_ledger(db) as ledger:
        after = table_snapshot(ledger)
    after.pop("audit_log"), before.pop("audit_log")
    assert after == before


def test_export_then_import_into_an_empty_ledger(
    tmp_path: Path, make_workbook: WorkbookFactory
) -> None:
    db, copy, exported = tmp_path / "a.sqlite", tmp_path / "b.sqlite", tmp_path / "out.xlsx"
    assert _cli("--db", str(db), "import", str(make_workbook(GOOD))).returncode == 0
    assert _cli("--db", str(db), "export", str(exported)).returncode == 0
    run = _cli("--db", str(copy), "import", str(exported))
    assert run.returncode == 0, run.stderr
    assert _stats(copy) == EXPECTED


def test_faulty_workbook_exits_2_names_every_fault_and_changes_nothing(
    tmp_path: Path, make_workbook: WorkbookFactory
) -> None:
    db = tmp_path / "x.sqlite"
    assert _cli("--db", str(db), "import", str(make_workbook(GOOD))).returncode == 0
    with open_ledger(db) as ledger:
        before = table_snapshot(ledger)
    bad = make_workbook(
        {
            "组织": [
                ["名称", "上级组织", "层级", "正式党员"],
                ["新支部", "机电学院党总支", "支部X", -1],
            ],
            "活动": [
                ["组织", "类型", "日期", "主题", "应到人数", "实到人数"],
                ["教工第一党支部", "主题党日", "2025-02-30", "x", 3, 4],
            ],
            "星级评定": [["组织", "年度", "星级"], ["机关党支部", 2025, 6]],
        },
        name="bad.xlsx",
    )
    run = _cli("--db", str(db), "import", str(bad))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    for where in [
        "“组织”, row 2, column C (层级)",
        "“组织”, row 2, column D (正式党员)",
        "“活动”, row 2, column A (组织)",
        "“活动”, row 2, column C (日期)",
        "“活动”, row 2, column F (实到人数)",
        "“星级评定”, row 2, column C (星级)",
    ]:
        assert where in run.stderr
    with open_ledger(db) as ledger:
        assert table_snapshot(ledger) == before


@pytest.mark.parametrize("content", [b"name,level\n a,b\n", b""])
def test_a_file_that_is_not_a_workbook_exits_2(tmp_path: Path, content: bytes) -> None:
    fake = tmp_path / "book.xlsx"
    fake.write_bytes(content)
    run = _cli("--db", str(tmp_path / "x.sqlite"), "import", str(fake))
    assert run.returncode == 2
    assert "not a readable Excel workbook" in run.stderr
    assert "Traceback" not in run.stderr
