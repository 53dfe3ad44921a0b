"""Faults of a workbook: each kind located by sheet, row and column, all reported at once, and
nothing written when there is any."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot

from desktop_app.domain import organizations
from desktop_app.errors import Fault, ValidationError
from desktop_app.storage import Ledger
from desktop_app.workbook.importer import import_workbook, preview_workbook

ROOT = "示范学院党委"
JD = "机电学院党总支"
XX = "信息学院党总支"
ORGS: list[list[Any]] = [
    ["名称", "上级组织", "层级", "支部类型", "正式党员"],
    [ROOT, None, "党委"],
    [JD, ROOT, "院系党组织"],
    [XX, ROOT, "院系党组织"],
    ["教工第一党支部", JD, "党支部", "教师", 10],
    ["教工第一党支部", XX, "党支部", "教师", 8],
]
BRANCH = f"{JD}/教工第一党支部"
ACTIVITY = [
    "组织",
    "类型",
    "日期",
    "主题",
    "主题党日+类别",
    "地点",
    "应到人数",
    "实到人数",
    "育人维度",
]


def faults_of(ledger: Ledger, path: Path) -> list[Fault]:
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    error = caught.value
    assert "cannot be imported" in error.message
    return error.faults


def orgs_with(*rows: list[Any]) -> dict[str, list[list[Any]]]:
    return {"组织": [*ORGS, *rows]}


def with_activity(*row: Any) -> dict[str, list[list[Any]]]:
    return {"组织": ORGS, "活动": [ACTIVITY, list(row)]}


CASES: list[tuple[str, dict[str, list[list[Any]]], tuple[str, int, str, str]]] = [
    (
        "missing required cell",
        with_activity(BRANCH, "主题党日", "2025-03-01", None),
        ("活动", 2, "D (主题)", "required cell “主题” is empty"),
    ),
    (
        "missing required column",
        {"组织": [["名称", "上级组织"], ["某党支部", ROOT]]},
        ("组织", 1, "层级", "required column “层级” is missing"),
    ),
    (
        "unknown parent",
        orgs_with(["学生党支部", "化工学院党总支", "党支部"]),
        ("组织", 7, "B (上级组织)", "“化工学院党总支” is neither in the ledger nor in this sheet"),
    ),
    (
        "unknown organization",
        with_activity("不存在党支部", "主题党日", "2025-03-01", "学习"),
        ("活动", 2, "A (组织)", "There is no organization “不存在党支部”"),
    ),
    (
        "ambiguous name",
        with_activity("教工第一党支部", "主题党日", "2025-03-01", "学习"),
        ("活动", 2, "A (组织)", f"({XX}/教工第一党支部, {JD}/教工第一党支部)"),
    ),
    (
        "unknown level",
        orgs_with(["新组织", ROOT, "支委"]),
        ("组织", 7, "C (层级)", "Unknown level “支委”"),
    ),
    (
        "unknown branch type",
        orgs_with(["新党支部", JD, "党支部", "教授"]),
        ("组织", 7, "D (支部类型)", "Unknown branch type “教授”"),
    ),
    (
        "unknown activity type",
        with_activity(BRANCH, "开会", "2025-03-01", "学习"),
        ("活动", 2, "B (类型)", "Unknown activity type “开会”"),
    ),
    (
        "unknown category",
        with_activity(BRANCH, "主题党日", "2025-03-01", "学习", "唱歌"),
        ("活动", 2, "E (主题党日+类别)", "Unknown category “唱歌”"),
    ),
    (
        "unknown dimension",
        with_activity(BRANCH, "党课", "2025-03-01", "党课", None, None, None, None, "课程、跳舞"),
        ("活动", 2, "I (育人维度)", "Unknown dimension “跳舞”"),
    ),
    (
        "unknown candidate status",
        {
            "组织": ORGS,
            "创建单位": [["组织", "层级", "级别", "状态"], [JD, "标杆院系", "省级", "完工"]],
        },
        ("创建单位", 2, "D (状态)", "Unknown status “完工”"),
    ),
    (
        "unknown task status",
        {
            "任务": [
                ["任务", "牵头部门", "配合部门", "截止日期", "状态"],
                ["某任务", None, None, None, "搁置"],
            ]
        },
        ("任务", 2, "E (状态)", "Unknown status “搁置”"),
    ),
    (
        "unknown creation level",
        {"创建目标": [["层级", "级别", "目标数"], ["示范支部", "省级", 3]]},
        ("创建目标", 2, "A (层级)", "Unknown creation level “示范支部”"),
    ),
    (
        "unknown grade",
        {"创建目标": [["层级", "级别", "目标数"], ["样板支部", "市级", 3]]},
        ("创建目标", 2, "B (级别)", "Unknown grade “市级”"),
    ),
    (
        "unknown brand kind",
        {"组织": ORGS, "品牌项目": [["组织", "名称", "类别"], [JD, "红色工匠", "品牌甲"]]},
        ("品牌项目", 2, "C (类别)", "Unknown kind “品牌甲”"),
    ),
    (
        "unreadable date",
        with_activity(BRANCH, "党课", "3月18号", "党课"),
        ("活动", 2, "C (日期)", "write it like 2025-03-18"),
    ),
    (
        "impossible date",
        with_activity(BRANCH, "党课", "2025-02-30", "党课"),
        ("活动", 2, "C (日期)", "“2025-02-30” is not a real date: that day does not exist"),
    ),
    (
        "negative count",
        orgs_with(["新党支部", JD, "党支部", "学生", -3]),
        ("组织", 7, "E (正式党员)", "-3 is negative"),
    ),
    (
        "fractional count",
        orgs_with(["新党支部", JD, "党支部", "学生", 12.5]),
        ("组织", 7, "E (正式党员)", "12.5 is not a whole number"),
    ),
    (
        "non-numeric count",
        orgs_with(["新党支部", JD, "党支部", "学生", "十二"]),
        ("组织", 7, "E (正式党员)", "“十二” is not a number"),
    ),
    (
        "non-numeric attendance",
        with_activity(BRANCH, "党课", "2025-03-01", "党课", None, None, "全体"),
        ("活动", 2, "G (应到人数)", "“全体” is not a number"),
    ),
    (
        "more attending than expected",
        with_activity(BRANCH, "党课", "2025-03-01", "党课", None, None, 10, 12),
        ("活动", 2, "H (实到人数)", "12 attended but only 10 were expected"),
    ),
    (
        "stars above five",
        {"组织": ORGS, "星级评定": [["组织", "年度", "星级"], [JD, 2025, 6]]},
        ("星级评定", 2, "C (星级)", "“6” is not a star rating; give a whole number from 1 to 5"),
    ),
    (
        "fractional stars",
        {"组织": ORGS, "星级评定": [["组织", "年度", "星级"], [JD, 2025, 3.5]]},
        ("星级评定", 2, "C (星级)", "“3.5” is not a star rating"),
    ),
    (
        "a year that is not a year",
        {"组织": ORGS, "星级评定": [["组织", "年度", "星级"], [JD, "二〇二五", 4]]},
        ("星级评定", 2, "B (年度)", "“二〇二五” is not a year"),
    ),
    (
        "a year out of range",
        {
            "组织": ORGS,
            "品牌项目": [["组织", "名称", "类别", "立项年度"], [JD, "品牌", "品牌", 25]],
        },
        ("品牌项目", 2, "D (立项年度)", "“25” is not a year"),
    ),
    (
        # Two rows of one organization may repeat each other (they are merged), but not with
        # different levels.
        "the same organization with two levels",
        orgs_with([JD, ROOT, "党支部"]),
        (
            "组织",
            7,
            "C (层级)",
            "Row 3 gives “机电学院党总支” the level 院系党组织, but this row gives it 党支部",
        ),
    ),
    (
        "a college under a branch",
        orgs_with(["化工学院党总支", BRANCH, "院系党组织"]),
        (
            "组织",
            7,
            "B (上级组织)",
            "cannot sit under the Party branch “机电学院党总支/教工第一党支部”",
        ),
    ),
    (
        "a branch under a branch",
        orgs_with(["学生党支部", BRANCH, "党支部"]),
        ("组织", 7, "B (上级组织)", "A Party branch cannot sit under the Party branch"),
    ),
    (
        "a second committee",
        orgs_with(["另一个党委", None, "党委"]),
        ("组织", 7, "C (层级)", "There is already a party committee, “示范学院党委”"),
    ),
    (
        "a name with a slash",
        orgs_with(["机电/学院", ROOT, "院系党组织"]),
        ("组织", 7, "A (名称)", "The name “机电/学院” contains “/”"),
    ),
    (
        "a committee with a parent",
        {"组织": [["名称", "上级组织", "层级"], [ROOT, "教育厅党组", "党委"]]},
        ("组织", 2, "B (上级组织)", "has no parent organization"),
    ),
    (
        "no committee for a college",
        {"组织": [["名称", "层级"], [JD, "院系党组织"]]},
        (
            "组织",
            2,
            "上级组织",
            "There is no party committee (党委) in the ledger or in this sheet",
        ),
    ),
]


@pytest.mark.parametrize(("sheets", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_fault_is_located_and_explained(
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    sheets: dict[str, list[list[Any]]],
    expected: tuple[str, int, str, str],
) -> None:
    before = table_snapshot(ledger)
    faults = faults_of(ledger, make_workbook(sheets))
    assert [(f.sheet, f.row, f.column) for f in faults] == [expected[:3]]
    assert expected[3] in faults[0].message
    assert table_snapshot(ledger) == before


def test_a_second_committee_beside_the_ledgers_own(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    organizations.add_organization(ledger, name="原有党委", level="committee")
    faults = faults_of(ledger, make_workbook({"组织": [["名称", "层级"], [ROOT, "党委"]]}))
    assert [(f.row, f.column) for f in faults] == [(2, "B (层级)")]
    assert "There is already a party committee, “原有党委”" in faults[0].message


def test_the_level_of_an_existing_organization_cannot_change(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    organizations.add_organization(ledger, name=JD, level="college", parent_uid=root)
    before = table_snapshot(ledger)
    rows = [["名称", "上级组织", "层级"], [JD, ROOT, "党支部"]]
    faults = faults_of(ledger, make_workbook({"组织": rows}))
    assert [(f.row, f.column) for f in faults] == [(2, "C (层级)")]
    assert "cannot change the level" in faults[0].message
    assert table_snapshot(ledger) == before


def test_an_ambiguous_parent_lists_the_paths(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    rows = [
        ["名称", "上级组织", "层级"],
        [ROOT, None, "党委"],
        [JD, None, "院系党组织"],
        [XX, None, "院系党组织"],
        ["一支部", JD, "党支部"],
        ["一支部", XX, "党支部"],
        ["小组", "一支部", "党支部"],
    ]
    faults = faults_of(ledger, make_workbook({"组织": rows}))
    assert [(f.row, f.column) for f in faults] == [(7, "B (上级组织)")]
    assert f"({XX}/一支部, {JD}/一支部)" in faults[0].message


def test_children_of_a_faulty_row_are_not_reported_again(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    rows = [
        ["名称", "上级组织", "层级"],
        [ROOT, None, "党委"],
        ["化工学院党总支", "不存在的党委", "院系党组织"],
        ["学生党支部", "化工学院党总支", "党支部"],
    ]
    sheets = {
        "组织": rows,
        "活动": [ACTIVITY, ["化工学院党总支/学生党支部", "党课", "2025-03-01", "党课"]],
    }
    faults = faults_of(ledger, make_workbook(sheets))
    assert [(f.sheet, f.row, f.column) for f in faults] == [("组织", 3, "B (上级组织)")]


def test_every_fault_at_once(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    import_workbook(ledger, make_workbook({"组织": ORGS}, name="tree.xlsx"))
    before = table_snapshot(ledger)
    sheets = {
        "组织": [
            *ORGS,
            ["学生党支部", JD, "党支部", "学生", "五"],
            ["机电/学院", ROOT, "院系党组织"],
            ["学生第二党支部", "化工学院党总支", "党支部"],
        ],
        "活动": [
            ACTIVITY,
            [BRANCH, "党课", "2025-02-30", "党课", None, None, 5, 6],
            ["教工第一党支部", "开会", "2025-03-01", None],
            [BRANCH, "主题党日", "2025-03-02", "学习", "理论学习", None, -1, None, "网络"],
            [f"{JD}/学生党支部", "主题党日", "2025-03-03", "学习"],
        ],
        "星级评定": [["组织", "年度", "星级"], [JD, 2025, 7], [JD, "去年", 3]],
        "创建目标": [["层级", "目标数"], ["样板支部", 3]],
    }
    faults = faults_of(ledger, make_workbook(sheets))
    assert [(f.sheet, f.row, f.column) for f in faults] == [
        ("组织", 7, "E (正式党员)"),
        ("组织", 8, "A (名称)"),
        ("组织", 9, "B (上级组织)"),
        ("活动", 2, "C (日期)"),
        ("活动", 2, "H (实到人数)"),
        ("活动", 3, "A (组织)"),
        ("活动", 3, "B (类型)"),
        ("活动", 3, "D (主题)"),
        ("活动", 4, "G (应到人数)"),
        ("星级评定", 2, "C (星级)"),
        ("星级评定", 3, "B (年度)"),
        ("创建目标", 1, "级别"),
    ]
    assert table_snapshot(ledger) == before


def test_the_summary_counts_the_problems(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    sheets = {"星级评定": [["组织", "年度", "星级"], ["无", 2025, 7]]}
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, make_workbook(sheets))
    assert caught.value.message.startswith("The workbook cannot be imported: 2 problems")
    assert "Nothing was changed" in caught.value.message


def test_a_failed_import_leaves_the_ledger_as_it_was(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook({"组织": ORGS}, name="tree.xlsx"))
    before = table_snapshot(ledger)
    sheets = {
        "组织": [*ORGS, ["学生党支部", JD, "党支部", "学生", 30]],
        "活动": [
            ACTIVITY,
            [BRANCH, "党课", "2025-03-01", "党课"],
            [BRANCH, "党课", "2025-03-02", "党课", None, None, 1, 2],
        ],
        "任务": [["任务"], ["建立制度"]],
    }
    with pytest.raises(ValidationError):
        import_workbook(ledger, make_workbook(sheets))
    assert table_snapshot(ledger) == before
    with pytest.raises(ValidationError):
        preview_workbook(ledger, make_workbook(sheets, name="preview.xlsx"))
    assert table_snapshot(ledger) == before


def _csv_renamed(path: Path) -> None:
    path.write_text("名称,层级\n党委,党委\n", encoding="utf-8")


def _corrupt(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)


def _other_zip(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("missing.xlsx", None, "does not exist"),
        ("data.xlsx", _csv_renamed, "not a readable Excel workbook"),
        ("broken.xlsx", _corrupt, "not a readable Excel workbook"),
        ("archive.xlsx", _other_zip, "not a readable Excel workbook"),
        ("old.xls", _corrupt, "old Excel 97–2003 format"),
        ("data.csv", _csv_renamed, "not a readable Excel workbook"),
    ],
)
def test_a_file_that_is_not_a_workbook(
    ledger: Ledger, tmp_path: Path, name: str, make: Any, reason: str
) -> None:
    path = tmp_path / name
    if make is not None:
        make(path)
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    assert reason in caught.value.message
    assert name in caught.value.message
    assert len(caught.value.faults) == 1
    assert table_snapshot(ledger) == before


def test_a_folder_is_not_a_workbook(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        preview_workbook(ledger, tmp_path)
    assert "is a folder" in caught.value.message


def _damaged_sheet(path: Path) -> None:
    """A real workbook whose 组织 sheet breaks off in the middle of its rows."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "组织"
    for row in ORGS:
        book.active.append(row)
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet[: sheet.index(b'<row r="4"')] + b"<row r="
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_sheet_that_breaks_off_is_not_a_readable_workbook(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "damaged.xlsx"
    _damaged_sheet(path)
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    assert "not a readable Excel workbook" in caught.value.message


def test_a_fault_of_the_program_is_not_taken_for_a_damaged_file(
    ledger: Ledger, make_workbook: WorkbookFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.workbook import reader

    def broken(*args: object) -> None:
        raise KeyError("a bug of the reader")

    monkeypatch.setattr(reader, "_map_header", broken)
    # Reported as what it is (an internal error, with its traceback in the crash log), not as
    # a workbook the user should repair.
    with pytest.raises(KeyError, match="a bug of the reader"):
        import_workbook(ledger, make_workbook({"组织": ORGS}))


# ---- numbers in date columns ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2025, "2025 looks like a year, not a date; write the full date such as 2025-03-18."),
        (2024.0, "2024 looks like a year, not a date; write the full date such as 2024-03-18."),
        (" 2025 ", "2025 looks like a year, not a date; write the full date such as 2025-03-18."),
        ("2023年", "2023 looks like a year, not a date; write the full date such as 2023-03-18."),
        (202503, "“202503” is not a date that can be read; write it like 2025-03-18."),
        (1900, "“1900” is not a date that can be read; write it like 2025-03-18."),
    ],
)
def test_a_number_in_a_date_column_is_not_read_as_an_excel_day(
    ledger: Ledger, make_workbook: WorkbookFactory, value: object, message: str
) -> None:
    before = table_snapshot(ledger)
    faults = faults_of(ledger, make_workbook(with_activity(BRANCH, "党课", value, "党课")))
    assert [(f.sheet, f.row, f.column, f.message) for f in faults] == [
        ("活动", 2, "C (日期)", message)
    ]
    assert table_snapshot(ledger) == before


def test_a_serial_number_of_a_day_is_still_a_date(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    import_workbook(ledger, make_workbook(with_activity(BRANCH, "党课", 45734, "党课")))
    assert [r["date"] for r in ledger.query("SELECT date FROM activities")] == ["2025-03-18"]


# ---- the states of organizations (状态, 撤销日期) ---------------------------------------------

STATES = ["名称", "上级组织", "层级", "状态", "撤销日期"]


def test_an_active_branch_under_a_college_marked_dissolved(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    rows = [
        STATES,
        [ROOT, None, "党委"],
        [JD, ROOT, "院系党组织", "已撤销", "2024-12-31"],
        ["教工第一党支部", JD, "党支部", "正常"],
        ["学生第一党支部", JD, "党支部", None],  # blank 状态 is 正常
        ["学生第二党支部", JD, "党支部", "已撤销", "2024-12-31"],
    ]
    faults = faults_of(ledger, make_workbook({"组织": rows}))
    assert [(f.row, f.column) for f in faults] == [(4, "D (状态)"), (5, "D (状态)")]
    assert faults[0].message == (
        "“教工第一党支部” is 正常 (active), but its parent “机电学院党总支” is marked 已撤销 "
        "(dissolved) in row 3; an organization under a dissolved one is dissolved too. Write "
        "已撤销 in 状态 here as well, or write 正常 in row 3 to keep “机电学院党总支”."
    )
    assert "“学生第一党支部” is 正常 (active)" in faults[1].message
    assert ledger.scalar("SELECT count(*) FROM organizations") == 0


def test_an_active_branch_under_a_college_dissolved_in_the_ledger(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    jd = organizations.add_organization(ledger, name=JD, level="college", parent_uid=root)
    organizations.dissolve_organization(ledger, jd, date(2024, 12, 31))
    before = table_snapshot(ledger)
    # Without a 状态 column a new organization is 正常.
    faults = faults_of(
        ledger, make_workbook({"组织": [["名称", "上级组织", "层级"], ["新党支部", JD, "党支部"]]})
    )
    assert [(f.row, f.column, f.field) for f in faults] == [(2, "状态", "active")]
    assert faults[0].message == (
        "“新党支部” is 正常 (active), but its parent “机电学院党总支” is dissolved in the ledger; "
        "an organization under a dissolved one is dissolved too. Write 已撤销 in 状态, or "
        "reinstate “机电学院党总支” first (in the ledger, or with a row of its own whose 状态 "
        "is 正常)."
    )
    assert table_snapshot(ledger) == before
    # Reinstating the college in the same sheet is the other way.
    rows = [STATES, [JD, ROOT, "院系党组织", "正常"], ["新党支部", JD, "党支部", "正常"]]
    import_workbook(ledger, make_workbook({"组织": rows}, name="reinstate.xlsx"))
    states = {
        r["name"]: (r["active"], r["dissolved_on"])
        for r in ledger.query("SELECT name, active, dissolved_on FROM organizations")
    }
    # Reinstated, the college no longer has a date of dissolution.
    assert states == {ROOT: (1, None), JD: (1, None), "新党支部": (1, None)}


def test_dissolving_a_college_whose_branches_stay_active_in_the_ledger(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    jd = organizations.add_organization(ledger, name=JD, level="college", parent_uid=root)
    for name in ("教工第一党支部", "学生第一党支部"):
        organizations.add_organization(ledger, name=name, level="branch", parent_uid=jd)
    before = table_snapshot(ledger)
    rows = [
        STATES,
        [JD, ROOT, "院系党组织", "已撤销", "2025-01-31"],
        ["学生第一党支部", JD, "党支部", "已撤销", "2025-01-31"],
    ]
    faults = faults_of(ledger, make_workbook({"组织": rows}))
    assert [(f.row, f.column) for f in faults] == [(2, "D (状态)")]
    assert faults[0].message == (
        "“机电学院党总支” is marked 已撤销 (dissolved), but 1 organization under it in the "
        "ledger is still active: 机电学院党总支/教工第一党支部. An organization under a "
        "dissolved one is dissolved too: add a row for it with 状态 已撤销, or write 正常 here."
    )
    assert table_snapshot(ledger) == before
    rows.append(["教工第一党支部", JD, "党支部", "撤销"])  # no date: the day is not known
    import_workbook(ledger, make_workbook({"组织": rows}, name="all.xlsx"))
    states = {
        r["name"]: (r["active"], r["dissolved_on"])
        for r in ledger.query("SELECT name, active, dissolved_on FROM organizations")
    }
    assert states == {
        ROOT: (1, None),
        JD: (0, "2025-01-31"),
        "学生第一党支部": (0, "2025-01-31"),
        "教工第一党支部": (0, None),
    }


def test_an_active_organization_has_no_date_of_dissolution(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    rows = [
        STATES,
        [ROOT, None, "党委"],
        [JD, ROOT, "院系党组织", "正常", "2024-12-31"],
        [XX, ROOT, "院系党组织", None, "2024-12-31"],
        ["离退休党支部", ROOT, "党支部", "已撤销", "2024-12-31"],
        ["老干部党支部", ROOT, "党支部", "已撤销", None],  # dissolved on a day not known
    ]
    faults = faults_of(ledger, make_workbook({"组织": rows}))
    assert [(f.row, f.column) for f in faults] == [(3, "E (撤销日期)"), (4, "E (撤销日期)")]
    assert faults[0].message == (
        "An organization that is 正常 (active) has no 撤销日期 (date of dissolution). If it was "
        "dissolved, write 已撤销 in 状态; otherwise clear 撤销日期."
    )
    del rows[2:4]
    import_workbook(ledger, make_workbook({"组织": rows}, name="good.xlsx"))
    states = {
        r["name"]: (r["active"], r["dissolved_on"])
        for r in ledger.query("SELECT name, active, dissolved_on FROM organizations")
    }
    assert states == {
        ROOT: (1, None),
        "离退休党支部": (0, "2024-12-31"),
        "老干部党支部": (0, None),
    }


def test_the_party_committee_cannot_be_marked_dissolved(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    faults = faults_of(ledger, make_workbook({"组织": [STATES, [ROOT, None, "党委", "已撤销"]]}))
    assert [(f.row, f.column) for f in faults] == [(2, "D (状态)")]
    assert "cannot be dissolved" in faults[0].message


def test_an_ambiguous_name_lists_five_paths_and_counts_the_rest(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    colleges = [f"第{n}学院党总支" for n in range(1, 9)]
    rows: list[list[Any]] = [["名称", "上级组织", "层级"], [ROOT, None, "党委"]]
    rows += [[college, ROOT, "院系党组织"] for college in colleges]
    rows += [["教工党支部", college, "党支部"] for college in colleges]
    sheets = {"组织": rows, "活动": [ACTIVITY, ["教工党支部", "党课", "2025-03-01", "党课"]]}
    faults = faults_of(ledger, make_workbook(sheets))
    shown = ", ".join(f"{college}/教工党支部" for college in sorted(colleges)[:5])
    assert [(f.sheet, f.message) for f in faults] == [
        (
            "活动",
            f"“教工党支部” is the name of 8 organizations ({shown} and 3 more); write the path "
            "of the one you mean.",
        )
    ]
