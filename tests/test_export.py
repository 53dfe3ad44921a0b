"""Exporting the ledger and the empty template: same records after a round trip, the layout
of the workbook, drop-down lists, and saving safely."""

from __future__ import annotations

import errno
import gc
import json
import os
import stat
import sys
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot
from openpyxl import load_workbook

from desktop_app.domain import activities, campaign, organizations, orgtree
from desktop_app.errors import StorageError
from desktop_app.storage import Ledger, open_ledger
from desktop_app.workbook.contract import HELP_SHEET, SHEETS
from desktop_app.workbook.exporter import export_template, export_workbook
from desktop_app.workbook.importer import import_workbook

ROOT = "示范学院党委"
JD = "机电学院党总支"
XX = "信息学院党总支"
BOOKKEEPING = ("uid", "created_at", "updated_at", "deleted_at", "deleted_with")
TABLES = (
    "organizations",
    "activities",
    "ratings",
    "creation_targets",
    "creation_candidates",
    "tasks",
    "brands",
)


def fill(ledger: Ledger) -> dict[str, str]:
    """A small university with every kind of record; returns uids by short name."""
    add = organizations.add_organization
    root = add(ledger, name=ROOT, level="committee", secretary="李书记", members_full=3)
    jd = add(ledger, name=JD, level="college", parent_uid=root, founded_on=date(2001, 9, 1))
    xx = add(ledger, name=XX, level="college", parent_uid=root)
    teachers = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=jd,
        branch_type="teacher",
        secretary="张三",
        double_leader=True,
        has_party_groups=True,
        founded_on=date(2015, 3, 1),
        elected_on=date(2023, 6, 1),
        term_years=3,
        members_full=12,
        members_probationary=2,
        activists=4,
    )
    students = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=xx, branch_type="student"
    )
    # A branch directly under the root that shares its name with the colleges' branches.
    direct = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=root, branch_type="admin"
    )
    retired = add(ledger, name="离退休党支部", level="branch", parent_uid=xx, branch_type="retired")
    organizations.dissolve_organization(ledger, retired, date(2024, 12, 31))
    activities.add_activity(
        ledger,
        teachers,
        type="theme_day",
        date=date(2025, 3, 18),
        theme="重温入党誓词",
        category="study",
        place="会议室",
        host="张三",
        expected=12,
        actual=11,
        dimensions=["practice", "curriculum"],
        featured=True,
        summary="全体党员参加。\n第二行",
    )
    activities.add_activity(
        ledger, students, type="party_lecture", date=date(2025, 4, 2), theme="党课"
    )
    activities.add_activity(
        ledger,
        direct,
        type="general_meeting",
        date=date(2025, 5, 6),
        theme="党员大会",
        expected=8,
        actual=8,
    )
    activities.add_activity(ledger, root, type="other", date=date(2025, 6, 30), theme="全校大会")
    gone = activities.add_activity(
        ledger, teachers, type="theme_day", date=date(2025, 7, 1), theme="删掉的活动"
    )
    activities.delete_activity(ledger, gone)
    campaign.set_rating(ledger, teachers, 2025, 5)
    campaign.set_rating(ledger, direct, 2025, 3)
    campaign.set_rating(ledger, jd, 2024, 4)
    campaign.set_target(ledger, "college", "national", 1, "2021-2023")
    campaign.set_target(ledger, "branch", "provincial", 4)
    accepted = campaign.add_candidate(
        ledger, jd, "college", "provincial", "applied", on=date(2022, 1, 1), note="重点培育"
    )
    campaign.advance_candidate(ledger, accepted, "accepted", date(2023, 6, 30))
    campaign.add_candidate(ledger, students, "branch", "school")
    campaign.add_task(
        ledger,
        "健全理论学习制度",
        "党委宣传部",
        "组织部、各党总支",
        date(2023, 12, 31),
        "doing",
        section="二、打造政治强核",
    )
    campaign.add_task(ledger, "建立考核机制")
    campaign.add_brand(ledger, jd, "红色工匠", "college_brand", 2022, "provincial", "approved")
    campaign.add_brand(ledger, direct, "服务之星", "branch_feature")
    return {"root": root, "jd": jd, "teachers": teachers, "direct": direct}


def records(ledger: Ledger) -> dict[str, list[str]]:
    """Every live record without its bookkeeping, organizations named by path."""
    tree = orgtree.load_tree(ledger)
    result = {}
    for table in TABLES:
        rows = []
        for row in ledger.query(f"SELECT * FROM {table} WHERE deleted_at IS NULL"):
            for key in ("org_uid", "parent_uid"):
                if row.get(key):
                    row[key] = tree.path(row[key])
            values = {k: v for k, v in row.items() if k not in BOOKKEEPING}
            rows.append(json.dumps(values, sort_keys=True, ensure_ascii=False))
        result[table] = sorted(rows)
    return result


def test_round_trip_gives_the_same_records_and_figures(ledger: Ledger, tmp_path: Path) -> None:
    fill(ledger)
    path = tmp_path / "ledger.xlsx"
    export_workbook(ledger, path)
    with open_ledger(tmp_path / "copy.sqlite") as copy:
        report = import_workbook(copy, path)
        assert report.warnings == []
        assert {name: c.added for name, c in report.sheets.items()} == {
            "组织": 7,
            "活动": 4,
            "星级评定": 3,
            "创建目标": 2,
            "创建单位": 2,
            "任务": 2,
            "品牌项目": 2,
        }
        assert records(copy) == records(ledger)
        from desktop_app.stats import compute_stats

        for year in (2024, 2025):
            assert compute_stats(copy, year, as_of=date(2025, 12, 31)) == compute_stats(
                ledger, year, as_of=date(2025, 12, 31)
            )
        assert compute_stats(copy, 2025, JD, date(2025, 9, 1)) == compute_stats(
            ledger, 2025, JD, date(2025, 9, 1)
        )
        tasks = [r["title"] for r in copy.query("SELECT title FROM tasks ORDER BY rowid")]
        assert tasks == ["健全理论学习制度", "建立考核机制"]


def test_an_export_imported_into_its_own_ledger_changes_nothing(
    ledger: Ledger, tmp_path: Path
) -> None:
    fill(ledger)
    path = tmp_path / "ledger.xlsx"
    export_workbook(ledger, path)
    before = table_snapshot(ledger)
    report = import_workbook(ledger, path)
    assert not report.changed
    assert report.sheets["活动"].unchanged == 4
    assert table_snapshot(ledger) == before


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_the_layout_of_an_export(ledger: Ledger, tmp_path: Path) -> None:
    fill(ledger)
    path = tmp_path / "ledger.xlsx"
    export_workbook(ledger, path)
    book = load_workbook(path)
    assert book.sheetnames == [s.name for s in SHEETS]
    orgs = book["组织"]
    assert [c.value for c in orgs[1]][:3] == ["名称", "上级组织", "层级"]
    assert orgs.freeze_panes == "A2"
    assert [(r[0], r[1], r[2]) for r in _rows(orgs)] == [
        (ROOT, None, "党委"),  # the root, then colleges, then branches, each by path
        (XX, ROOT, "院系党组织"),
        (JD, ROOT, "院系党组织"),
        ("教工第一党支部", XX, "党支部"),
        ("离退休党支部", XX, "党支部"),
        ("教工第一党支部", ROOT, "党支部"),
        ("教工第一党支部", JD, "党支部"),
    ]
    first = _rows(orgs)[6]
    assert first[3:] == (
        "教师",
        "张三",
        "是",
        datetime(2015, 3, 1),
        datetime(2023, 6, 1),
        3,
        12,
        2,
        4,
        "是",
        "正常",
        None,
    )
    assert orgs["G8"].number_format == "yyyy-mm-dd"
    retired = _rows(orgs)[4]
    assert retired[12:] == ("否", "已撤销", datetime(2024, 12, 31))
    acts = _rows(book["活动"])
    assert [r[0] for r in acts] == [
        f"{JD}/教工第一党支部",
        f"{XX}/教工第一党支部",
        f"{ROOT}/教工第一党支部",  # a bare name several organizations share gets the root
        ROOT,
    ]
    assert acts[0][1:] == (
        "主题党日",
        datetime(2025, 3, 18),
        "重温入党誓词",
        "理论学习",
        "会议室",
        12,
        11,
        "课程、实践",
        "是",
        "全体党员参加。\n第二行",
        "张三",
    )
    assert book["活动"]["C2"].number_format == "yyyy-mm-dd"
    assert acts[1][6:10] == (None, None, None, "否")
    assert "删掉的活动" not in {r[3] for r in acts}
    assert _rows(book["星级评定"]) == [
        (JD, 2024, 4),
        (f"{JD}/教工第一党支部", 2025, 5),
        (f"{ROOT}/教工第一党支部", 2025, 3),
    ]
    candidates = {row[0]: row for row in _rows(book["创建单位"])}
    assert candidates[f"{XX}/教工第一党支部"][1:4] == ("样板支部", "校级", "培育")
    assert candidates[JD] == (
        JD,
        "标杆院系",
        "省级",
        "已验收",
        None,
        datetime(2023, 6, 30),
        None,
        datetime(2022, 1, 1),
        None,
        "重点培育",
    )
    assert _rows(book["任务"])[0] == (
        "健全理论学习制度",
        "党委宣传部",
        "组织部、各党总支",
        datetime(2023, 12, 31),
        "进行中",
        "二、打造政治强核",
    )
    assert _rows(book["品牌项目"]) == [
        (JD, "红色工匠", "一总支一品牌", 2022, "省级", "已立项"),
        (f"{ROOT}/教工第一党支部", "服务之星", "一支部一特色", None, None, "培育"),
    ]
    assert _rows(book["创建目标"]) == [
        ("样板支部", "省级", 4, None),
        ("标杆院系", "全国", 1, "2021-2023"),
    ]


def test_the_demonstration_ledger_survives_a_round_trip(ledger: Ledger, tmp_path: Path) -> None:
    demo = pytest.importorskip("desktop_app.demo")
    demo.build_demo(ledger, 2025)
    path = tmp_path / "demo.xlsx"
    export_workbook(ledger, path)
    with open_ledger(tmp_path / "copy.sqlite") as copy:
        assert import_workbook(copy, path).warnings == []
        assert records(copy) == records(ledger)
        from desktop_app.stats import compute_stats

        as_of = date(2025, 12, 31)
        assert compute_stats(copy, 2025, as_of=as_of) == compute_stats(ledger, 2025, as_of=as_of)


def test_activities_are_written_a_day_at_a_time_in_order(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The activities are sorted by date, organization, type and theme whatever order they were
    entered in, the sheet's size at its top is right, and the rows are never all in memory."""
    from desktop_app.workbook import exporter

    demo = pytest.importorskip("desktop_app.demo")
    demo.build_demo(ledger, 2025)
    # The newest first: the export must still come out sorted.
    ledger.conn.execute("UPDATE activities SET rowid = -rowid")
    largest_day: list[int] = []
    day_rows = exporter._activity_day

    def watched(rows: list[dict[str, Any]], index: Any) -> Any:
        largest_day.append(len(rows))
        return day_rows(rows, index)

    monkeypatch.setattr(exporter, "_activity_day", watched)
    path = tmp_path / "demo.xlsx"
    export_workbook(ledger, path)
    total = ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL")
    assert max(largest_day) < total / 20  # never more than a day's activities at once
    book = load_workbook(path, read_only=True)
    sheet = book["活动"]
    assert sheet.calculate_dimension().endswith(f"{total + 1}") and sheet.max_row == total + 1
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    book.close()
    assert len(rows) == total
    keys = [(r[2], r[0], r[1], r[3]) for r in rows]  # date, organization, type, theme
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)


def _validations(sheet: Any) -> dict[str, str]:
    """Column letter → the list or rule of its drop-down."""
    found = {}
    for validation in sheet.data_validations.dataValidation:
        for cells in validation.sqref.ranges:
            letter = cells.coord.split(":")[0].rstrip("0123456789")
            found[letter] = validation.formula1
    return found


def test_the_template(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    export_template(path)
    book = load_workbook(path)
    assert book.sheetnames == [HELP_SHEET, *(s.name for s in SHEETS)]
    for spec in SHEETS:
        sheet = book[spec.name]
        assert sheet.max_row == 1
        assert sheet.freeze_panes == "A2"
        for index, column in enumerate(spec.columns, start=1):
            cell = sheet.cell(1, index)
            assert cell.value == column.header
            assert cell.font.b
            required = cell.font.color is not None and cell.font.color.rgb == "00C00000"
            assert required == column.required, column.header
            assert sheet.column_dimensions[cell.column_letter].width >= 8
    lists = {spec.name: _validations(book[spec.name]) for spec in SHEETS}
    assert lists["组织"] == {
        "C": '"党委,院系党组织,党总支,二级党委,党支部"',
        "D": '"教师,学生,师生联合,机关,离退休,其他"',
        "F": '"是,否"',
        "M": '"是,否"',
        "N": '"正常,已撤销"',
    }
    assert set(lists["活动"]) == {"B", "E", "J"}
    assert lists["活动"]["B"].startswith('"主题党日,支部党员大会,支委会')
    assert lists["星级评定"] == {"C": '"1,2,3,4,5"'}
    assert lists["创建目标"] == {"A": '"示范高校,标杆院系,样板支部"', "B": '"全国,省级,校级"'}
    assert lists["创建单位"]["D"] == '"培育,已申报,已立项,已验收,未通过"'
    assert set(lists["创建单位"]) == {"B", "C", "D"}
    assert lists["任务"] == {"E": '"未开始,进行中,已完成"'}
    assert lists["品牌项目"] == {
        "C": '"一总支一品牌,一支部一特色,党建创新项目"',
        "E": '"全国,省级,校级"',
        "F": '"培育,已申报,已立项,已验收,未通过"',
    }
    help_text = "\n".join(
        str(v) for row in book[HELP_SHEET].iter_rows(values_only=True) for v in row if v
    )
    for words in ("路径", "上级组织/名称", "2025-03-18", "2025/3/18", "2025年3月18日", "必填"):
        assert words in help_text
    for spec in SHEETS:
        assert spec.name in help_text


def test_the_template_imports_cleanly(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    export_template(path)
    before = table_snapshot(ledger)
    report = import_workbook(ledger, path)
    assert report.warnings == []
    assert not report.changed
    assert table_snapshot(ledger) == before


def test_a_locked_file_gives_a_clear_message(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(ledger)
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"the old file")

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(StorageError) as caught:
        export_workbook(ledger, path)
    assert "open in another program (Excel" in caught.value.message
    assert str(path) in caught.value.message
    assert path.read_bytes() == b"the old file"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_full_disk_gives_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(StorageError) as caught:
        export_template(tmp_path / "template.xlsx")
    assert "disk is full" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_gives_a_clear_message(ledger: Ledger, tmp_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        export_workbook(ledger, tmp_path / "no such folder" / "ledger.xlsx")
    assert "does not exist" in caught.value.message


def test_an_export_replaces_an_older_file(ledger: Ledger, tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    export_template(path)
    fill(ledger)
    export_workbook(ledger, path)
    assert len(_rows(load_workbook(path)["组织"])) == 7
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["ledger.xlsx"]


def test_the_command_line_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop_app.cli import main

    db = tmp_path / "cli.sqlite"
    with open_ledger(db) as ledger:
        fill(ledger)
    out = tmp_path / "out.xlsx"
    assert main(["--db", str(db), "export", str(out)]) == 0
    assert len(_rows(load_workbook(out)["活动"])) == 4
    template = tmp_path / "template.xlsx"
    assert main(["export-template", str(template)]) == 0
    assert load_workbook(template).sheetnames[0] == HELP_SHEET
    assert main(["--db", str(db), "export", str(tmp_path / "nowhere" / "x.xlsx")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_text_beginning_with_an_equals_sign_stays_text(ledger: Ledger, tmp_path: Path) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee")
    activities.add_activity(
        ledger, root, type="other", date=date(2025, 3, 1), theme="=学习 会议", summary="=1+1"
    )
    path = tmp_path / "ledger.xlsx"
    export_workbook(ledger, path)
    sheet = load_workbook(path)["活动"]
    assert (sheet["D2"].value, sheet["D2"].data_type) == ("=学习 会议", "s")
    assert (sheet["K2"].value, sheet["K2"].data_type) == ("=1+1", "s")
    # Not a formula for Excel either: no <f> element, the text itself.
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet2.xml").decode("utf-8")
    assert "<f>" not in xml
    assert "=学习 会议" in xml
    with open_ledger(tmp_path / "copy.sqlite") as copy:
        import_workbook(copy, path)
        row = copy.query("SELECT theme, summary FROM activities")[0]
        assert (row["theme"], row["summary"]) == ("=学习 会议", "=1+1")


def test_control_characters_are_left_out_of_an_export(
    ledger: Ledger, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    root = organizations.add_organization(ledger, name=ROOT, level="committee", secretary="李\x07")
    activities.add_activity(
        ledger,
        root,
        type="other",
        date=date(2025, 3, 1),
        theme="学习\x0b会议",
        summary="第一段\x0b第二段\x1f",
    )
    path = tmp_path / "ledger.xlsx"
    export_workbook(ledger, path)
    book = load_workbook(path)
    assert book["组织"]["E2"].value == "李"
    assert (book["活动"]["D2"].value, book["活动"]["K2"].value) == ("学习会议", "第一段第二段")
    assert capfd.readouterr().err == ""


def test_a_failed_export_leaves_nothing_and_prints_nothing(
    ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl.worksheet import _writer

    from desktop_app.workbook import exporter

    fill(ledger)
    folder = tmp_path / "out"
    folder.mkdir()
    complaints: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", complaints.append)
    scratch = list(_writer.ALL_TEMP_FILES)

    def broken(*args: object) -> Any:
        raise RuntimeError("the ratings cannot be read")

    # Two sheets are written when the third fails.
    monkeypatch.setattr(exporter, "_ratings", broken)
    with pytest.raises(RuntimeError):
        export_workbook(ledger, folder / "ledger.xlsx")
    gc.collect()
    assert complaints == []  # no “Exception ignored in …” traceback
    assert list(folder.iterdir()) == []
    assert scratch == _writer.ALL_TEMP_FILES  # openpyxl's scratch files are gone too


def test_an_export_gets_the_mode_of_a_new_file(ledger: Ledger, tmp_path: Path) -> None:
    fill(ledger)
    path = tmp_path / "ledger.xlsx"
    before = os.umask(0o027)
    try:
        export_workbook(ledger, path)
        export_template(tmp_path / "template.xlsx")
    finally:
        os.umask(before)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert stat.S_IMODE((tmp_path / "template.xlsx").stat().st_mode) == 0o640
    assert os.umask(before) == before  # the umask is as it was


def test_exporting_onto_a_folder_says_it_is_a_folder(ledger: Ledger, tmp_path: Path) -> None:
    folder = tmp_path / "ledger.xlsx"
    folder.mkdir()
    with pytest.raises(StorageError) as caught:
        export_workbook(ledger, folder)
    assert caught.value.message == (
        f"{folder} is a folder, not a file. Choose a file name to save under (ending in .xlsx)."
    )
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == ["ledger.xlsx"]
    assert list(folder.iterdir()) == []


def test_removed_helpers_stay_removed() -> None:
    """One way to do each thing: cells.converter, Ledger.attachment_file, Column.header."""
    from desktop_app.workbook import cells, xlsx

    assert not hasattr(cells, "convert")
    assert not hasattr(activities, "stored_name")
    assert not hasattr(xlsx, "header_text")
