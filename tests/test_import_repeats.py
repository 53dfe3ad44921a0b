"""Rows that repeat another row's identity: imported, not refused.

In 活动 rows with the same organization, type, date and theme are distinct activities,
matched to the ledger's activities of that identity by occurrence (the k-th row to the k-th
activity, in the order they were created). In the other sheets the identity is unique in the
ledger, so repeated rows are merged into one record with the last row's values. Either way a
warning names the rows, and importing the same workbook again changes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot

from desktop_app.domain import activities, orgtree
from desktop_app.errors import Fault
from desktop_app.storage import Ledger
from desktop_app.workbook.exporter import export_workbook
from desktop_app.workbook.importer import ImportReport, import_workbook, preview_workbook
from desktop_app.workbook.report_text import format_import_report

ROOT = "示范学院党委"
JD = "机电学院党总支"
BRANCH = f"{JD}/教工第一党支部"
ORGS: list[list[Any]] = [
    ["名称", "上级组织", "层级", "支部类型", "正式党员"],
    [ROOT, None, "党委"],
    [JD, ROOT, "院系党组织"],
    ["教工第一党支部", JD, "党支部", "教师", 10],
]
ACTIVITY = ["组织", "类型", "日期", "主题", "地点", "应到人数", "实到人数"]
MEETING = [BRANCH, "支委会", "2025-03-05", "研究发展党员工作"]


def with_activities(*rows: list[Any]) -> dict[str, list[list[Any]]]:
    return {"组织": ORGS, "活动": [ACTIVITY, *rows]}


def meetings(ledger: Ledger) -> list[tuple[Any, ...]]:
    """The live activities in the order they were created: (theme, place, expected)."""
    return [
        (r["theme"], r["place"], r["expected"])
        for r in ledger.query(
            "SELECT theme, place, expected FROM activities WHERE deleted_at IS NULL ORDER BY rowid"
        )
    ]


def counts(report: ImportReport, sheet: str) -> tuple[int, int, int]:
    found = report.sheets[sheet]
    return found.added, found.updated, found.unchanged


def located(warnings: list[Fault]) -> list[tuple[str | None, int | None, str | None, str]]:
    return [(w.sheet, w.row, w.column, w.message) for w in warnings]


TWO_MEETINGS = (
    "Rows 2 and 3 record the same activity (the same organization, type, date and theme); "
    "both were imported as separate activities. If one is a copy made by mistake, delete the "
    "extra activity from the ledger and the extra row from the workbook."
)


# ---- activities ----------------------------------------------------------------------------


def test_two_identical_activity_rows_are_two_activities(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    book = make_workbook(with_activities(MEETING, MEETING))
    report = import_workbook(ledger, book)
    assert counts(report, "活动") == (2, 0, 0)
    assert meetings(ledger) == [("研究发展党员工作", None, None)] * 2
    assert located(report.warnings) == [("活动", 3, None, TWO_MEETINGS)]

    before = table_snapshot(ledger)
    again = import_workbook(ledger, book)
    assert counts(again, "活动") == (0, 0, 2)
    assert not again.changed
    assert located(again.warnings) == [("活动", 3, None, TWO_MEETINGS)]
    assert table_snapshot(ledger) == before  # no new row, no value and no updated_at changed


def test_rows_written_differently_are_still_the_same_activity(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    """By name or path, the date in another form, the theme with a trailing space."""
    rows = [
        [f"{ROOT}/{BRANCH}", "党课", "2025/3/1", "党课 "],
        ["教工第一党支部", "党课", "2025年3月1日", "党课"],
        [BRANCH, "党课", "2025-03-01", "党课"],
    ]
    report = import_workbook(ledger, make_workbook(with_activities(*rows)))
    assert counts(report, "活动") == (3, 0, 0)
    assert located(report.warnings) == [
        (
            "活动",
            3,
            None,
            "Rows 2, 3, 4 record the same activity (the same organization, type, date and "
            "theme); all 3 were imported as separate activities. If some are copies made by "
            "mistake, delete the extra activities from the ledger and the extra rows from the "
            "workbook.",
        )
    ]


def test_three_identical_rows_onto_a_ledger_that_has_one(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook(with_activities(MEETING), name="one.xlsx"))
    (first,) = ledger.query("SELECT uid, updated_at FROM activities")
    book = make_workbook(with_activities(MEETING, MEETING, MEETING), name="three.xlsx")

    preview = preview_workbook(ledger, book)
    report = import_workbook(ledger, book)
    assert counts(preview, "活动") == counts(report, "活动") == (2, 0, 1)
    assert len(meetings(ledger)) == 3
    # The activity already there is the first row's, untouched.
    assert ledger.query("SELECT uid, updated_at FROM activities ORDER BY rowid LIMIT 1") == [first]
    before = table_snapshot(ledger)
    assert counts(import_workbook(ledger, book), "活动") == (0, 0, 3)
    assert table_snapshot(ledger) == before


def test_activities_beyond_the_workbooks_count_are_left_alone(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    three = [[*MEETING, place] for place in ("会议室", "党员之家", "校史馆")]
    import_workbook(ledger, make_workbook(with_activities(*three), name="three.xlsx"))
    report = import_workbook(ledger, make_workbook(with_activities(three[0]), name="one.xlsx"))
    assert counts(report, "活动") == (0, 0, 1)
    assert [place for _theme, place, _expected in meetings(ledger)] == [
        "会议室",
        "党员之家",
        "校史馆",
    ]


def test_repeated_activities_are_matched_by_occurrence(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    """The k-th row of an identity updates the k-th activity of it, only where it differs."""
    rows = [[*MEETING, "会议室", 7], [*MEETING, "党员之家", 9]]
    import_workbook(ledger, make_workbook(with_activities(*rows), name="first.xlsx"))
    stamps = [r["updated_at"] for r in ledger.query("SELECT updated_at FROM activities")]

    rows[1][5] = 8  # the second meeting expected 8, not 9
    report = import_workbook(ledger, make_workbook(with_activities(*rows), name="second.xlsx"))
    assert counts(report, "活动") == (0, 1, 1)
    assert meetings(ledger) == [
        ("研究发展党员工作", "会议室", 7),
        ("研究发展党员工作", "党员之家", 8),
    ]
    first = ledger.query("SELECT updated_at FROM activities ORDER BY rowid LIMIT 1")
    assert first[0]["updated_at"] == stamps[0]
    changes = ledger.query(
        "SELECT changes FROM audit_log WHERE table_name = 'activities' AND action = 'update'"
    )
    assert [c["changes"] for c in changes] == ['{"expected": [9, 8]}']

    # Rows in the other order: each activity takes the values of the row of its occurrence.
    report = import_workbook(
        ledger, make_workbook(with_activities(rows[1], rows[0]), name="swapped.xlsx")
    )
    assert counts(report, "活动") == (0, 2, 0)
    assert meetings(ledger) == [
        ("研究发展党员工作", "党员之家", 8),
        ("研究发展党员工作", "会议室", 7),
    ]


def test_an_activity_added_by_hand_is_matched_like_an_imported_one(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook({"组织": ORGS}, name="tree.xlsx"))
    branch = orgtree.load_tree(ledger).resolve(BRANCH).uid
    activities.add_activity(
        ledger,
        org_uid=branch,
        type="committee_meeting",
        date="2025-03-05",
        theme="研究发展党员工作",
        place="会议室",
    )
    report = import_workbook(ledger, make_workbook(with_activities([*MEETING, "会议室"])))
    assert counts(report, "活动") == (0, 0, 1)


def test_exporting_and_importing_repeated_activities_changes_nothing(
    ledger: Ledger, make_workbook: WorkbookFactory, tmp_path: Path
) -> None:
    """The export keeps activities of one identity in the order they were created, so
    importing it into the same ledger matches each to itself."""
    rows = [[*MEETING, place] for place in ("校史馆", "会议室", "党员之家")]
    rows.insert(1, [BRANCH, "党课", "2025-03-05", "党课"])
    import_workbook(ledger, make_workbook(with_activities(*rows)))
    exported = tmp_path / "exported.xlsx"
    export_workbook(ledger, exported)
    before = table_snapshot(ledger)
    report = import_workbook(ledger, exported)
    assert not report.changed
    assert counts(report, "活动") == (0, 0, 4)
    assert table_snapshot(ledger) == before


# ---- sheets whose identity is unique: merged, the last row's values kept -----------------------


def repeats(row: int, first: int, what: str) -> str:
    return (
        f"Row {row} repeats row {first} ({what}); the values of row {row} were kept. If row "
        f"{first} was the right one, delete row {row} and import again."
    )


TASKS = ["任务", "牵头部门", "截止日期", "状态"]


def test_a_repeated_task_title_is_one_task_with_the_later_values(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    book = make_workbook(
        {
            "任务": [
                TASKS,
                ["制定实施方案", "党委组织部", "2025-03-01", "已完成"],
                ["建立工作台账", "党委办公室", None, None],
                ["制定实施方案", "各院系党组织", "2025-06-30", "进行中"],
            ]
        }
    )
    report = import_workbook(ledger, book)
    assert counts(report, "任务") == (2, 0, 0)
    tasks = ledger.query(
        "SELECT title, lead_department, deadline, status FROM tasks ORDER BY rowid"
    )
    assert tasks == [
        {
            "title": "制定实施方案",
            "lead_department": "各院系党组织",
            "deadline": "2025-06-30",
            "status": "doing",
        },
        {
            "title": "建立工作台账",
            "lead_department": "党委办公室",
            "deadline": None,
            "status": "todo",
        },
    ]
    assert located(report.warnings) == [("任务", 4, None, repeats(4, 2, "the same task title"))]

    before = table_snapshot(ledger)
    again = import_workbook(ledger, book)
    assert counts(again, "任务") == (0, 0, 2)
    assert table_snapshot(ledger) == before


def test_a_repeated_task_title_updates_the_task_in_the_ledger_once(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook({"任务": [TASKS, ["制定实施方案"]]}, name="one.xlsx"))
    rows = [
        TASKS,
        ["制定实施方案", "甲"],
        ["制定实施方案", "乙"],
        ["制定实施方案", "丙", None, "已完成"],
    ]
    book = make_workbook({"任务": rows}, name="three.xlsx")
    preview = preview_workbook(ledger, book)
    report = import_workbook(ledger, book)
    assert counts(preview, "任务") == counts(report, "任务") == (0, 1, 0)
    assert ledger.query("SELECT title, lead_department, status FROM tasks") == [
        {"title": "制定实施方案", "lead_department": "丙", "status": "done"}
    ]
    assert located(report.warnings) == [
        (
            "任务",
            4,
            None,
            "Row 4 repeats rows 2, 3 (the same task title); the values of row 4 were kept. If "
            "another of these rows was the right one, keep only that one and import again.",
        )
    ]


MERGED = [
    (
        "星级评定",
        [["组织", "年度", "星级"], [JD, 2025, 3], [f"{ROOT}/{JD}", 2025, 4]],
        "the same organization and year",
        "SELECT stars FROM ratings",
        [{"stars": 4}],
    ),
    (
        "创建目标",
        [
            ["层级", "级别", "目标数", "规划期"],
            ["样板支部", "省级", 2, None],
            ["样板支部", "省级", 3],
        ],
        "the same level, grade and plan period",
        "SELECT target, period FROM creation_targets",
        [{"target": 3, "period": ""}],
    ),
    (
        "创建单位",
        [
            ["组织", "层级", "级别", "状态"],
            [BRANCH, "样板支部", "省级", "已申报"],
            [BRANCH, "样板支部", "省级", "已立项"],
        ],
        "the same organization, level and grade",
        "SELECT status FROM creation_candidates",
        [{"status": "approved"}],
    ),
    (
        "品牌项目",
        [
            ["组织", "名称", "类别", "立项年度"],
            [JD, "红色引擎", "品牌", 2023],
            [JD, "红色引擎", "品牌", 2024],
        ],
        "the same organization and name",
        "SELECT name, year_approved FROM brands",
        [{"name": "红色引擎", "year_approved": 2024}],
    ),
]


@pytest.mark.parametrize(
    ("sheet", "rows", "what", "query", "stored"), MERGED, ids=[m[0] for m in MERGED]
)
def test_repeated_rows_of_a_unique_record_are_merged(
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    sheet: str,
    rows: list[list[Any]],
    what: str,
    query: str,
    stored: list[dict[str, Any]],
) -> None:
    book = make_workbook({"组织": ORGS, sheet: rows})
    report = import_workbook(ledger, book)
    assert counts(report, sheet) == (1, 0, 0)
    assert ledger.query(query) == stored
    assert located(report.warnings) == [(sheet, 3, None, repeats(3, 2, what))]
    before = table_snapshot(ledger)
    assert counts(import_workbook(ledger, book), sheet) == (0, 0, 1)
    assert table_snapshot(ledger) == before


def test_repeated_organization_rows_are_merged(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    """The same path written twice (the parent by name, then by path; 党总支 is a college
    level like 院系党组织): one organization, the last row's values."""
    rows = [*ORGS, ["教工第一党支部", f"{ROOT}/{JD}", "党支部", "教师", 12], [JD, None, "党总支"]]
    book = make_workbook({"组织": rows})
    report = import_workbook(ledger, book)
    assert counts(report, "组织") == (3, 0, 0)
    members = {
        r["name"]: r["members_full"]
        for r in ledger.query("SELECT name, members_full FROM organizations")
    }
    assert members == {ROOT: 0, JD: 0, "教工第一党支部": 12}
    what = "the same organization: the same name under the same parent"
    assert located(report.warnings) == [
        ("组织", 5, None, repeats(5, 4, what)),
        ("组织", 6, None, repeats(6, 3, what)),
    ]
    before = table_snapshot(ledger)
    assert counts(import_workbook(ledger, book), "组织") == (0, 0, 3)
    assert table_snapshot(ledger) == before


# ---- the preview and the report ----------------------------------------------------------------


def test_the_preview_counts_what_the_import_does(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook(with_activities(MEETING), name="start.xlsx"))
    sheets = {
        **with_activities(
            [*MEETING, "会议室"], MEETING, [BRANCH, "党课", "2025-03-01", "党课"], MEETING
        ),
        "任务": [TASKS, ["制定实施方案"], ["建立工作台账"], ["制定实施方案", "组织部"]],
        "星级评定": [["组织", "年度", "星级"], [JD, 2025, 3], [JD, 2025, 5]],
    }
    book = make_workbook(sheets)
    before = table_snapshot(ledger)
    preview = preview_workbook(ledger, book)
    assert table_snapshot(ledger) == before
    report = import_workbook(ledger, book)
    expected = {"组织": (0, 0, 3), "活动": (3, 1, 0), "任务": (2, 0, 0), "星级评定": (1, 0, 0)}
    assert {s: counts(preview, s) for s in expected} == expected
    assert {s: counts(report, s) for s in expected} == expected
    assert located(preview.warnings) == located(report.warnings)
    assert len(report.warnings) == 3


def test_the_report_lists_the_warning_about_repeated_rows(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    report = import_workbook(ledger, make_workbook(with_activities(MEETING, MEETING)))
    text = format_import_report(report)
    assert "  活动: 2 added, 0 updated, 0 unchanged" in text
    assert "Warnings (they do not stop the import; check them):" in text
    assert f"  • sheet “活动”, row 3: {TWO_MEETINGS}" in text
