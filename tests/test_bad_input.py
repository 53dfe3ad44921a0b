"""Bad input, each refused (or read) with a clear message and nothing lost: files that are not
workbooks, damaged workbooks, formulas, merged cells, hidden sheets, Excel error values, stray
spaces, full-width digits, dates written in many ways, a disk that cannot be written and a
ledger file that is not a ledger."""

from __future__ import annotations

import errno
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot
from openpyxl import Workbook

from desktop_app import cli
from desktop_app.errors import ValidationError
from desktop_app.storage import Ledger, open_ledger
from desktop_app.workbook.importer import import_workbook

NOT_A_WORKBOOK = "it is not a readable Excel workbook (.xlsx)"
ORGS = [
    ["名称", "上级组织", "层级", "支部类型", "正式党员"],
    ["某某大学党委", None, "党委", None, None],
    ["学生党支部", "某某大学党委", "党支部", "学生", 10],
]


def _ledger_with_records(path: Path, make_workbook: WorkbookFactory) -> Path:
    with open_ledger(path) as ledger:
        import_workbook(ledger, make_workbook({"组织": ORGS}, name="base.xlsx"))
    return path


def _snapshot(path: Path) -> dict[str, Any]:
    with open_ledger(path, create=False) as ledger:
        return table_snapshot(ledger)


def _random_bytes(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 20)


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<<>>\n%%EOF\n")


def _csv(path: Path) -> None:
    path.write_text("名称,层级\n某某大学党委,党委\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _truncated(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "组织"
    for row in ORGS:
        sheet.append(row)
    for i in range(300):
        sheet.append([f"支部{i}", "某某大学党委", "党支部", "学生", i])
    book.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("random.xlsx", _random_bytes),
        ("report.pdf", _pdf),
        ("report-pdf.xlsx", _pdf),
        ("members.xlsx", _csv),
        ("empty.xlsx", _empty),
        ("truncated.xlsx", _truncated),
    ],
)
def test_a_file_that_is_not_a_workbook_is_refused_and_nothing_changes(
    tmp_path: Path,
    make_workbook: WorkbookFactory,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make: Any,
) -> None:
    db = _ledger_with_records(tmp_path / "ledger.sqlite", make_workbook)
    before = _snapshot(db)
    junk = tmp_path / name
    make(junk)
    assert cli.main(["--db", str(db), "import", str(junk)]) == 2
    err = capsys.readouterr().err
    assert NOT_A_WORKBOOK in err
    assert "Traceback" not in err
    assert _snapshot(db) == before


def test_junk_through_the_real_command_exits_2_without_a_traceback(
    tmp_path: Path, make_workbook: WorkbookFactory
) -> None:
    db = _ledger_with_records(tmp_path / "ledger.sqlite", make_workbook)
    before = _snapshot(db)
    junk = tmp_path / "members.xlsx"
    _csv(junk)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1]))
    done = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "import", str(junk)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert done.returncode == 2
    assert NOT_A_WORKBOOK in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert _snapshot(db) == before


@pytest.mark.parametrize("content", [b"hello, not a ledger\n", bytes(range(256)) * 40])
def test_a_ledger_file_that_is_not_sqlite_is_refused_and_kept(
    tmp_path: Path,
    make_workbook: WorkbookFactory,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(content)
    book = make_workbook({"组织": ORGS})
    for command in (["import", str(book)], ["stats", "--year", "2025"], ["check"]):
        assert cli.main(["--db", str(junk), *command]) == 2
        err = capsys.readouterr().err
        assert "is not a readable ledger" in err
        assert "Traceback" not in err
    assert junk.read_bytes() == content


def _faults(ledger: Ledger, path: Path) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    return [f"{f.row}|{f.column}|{f.message}" for f in caught.value.faults]


@pytest.mark.parametrize("error", ["#N/A", "#DIV/0!", "#VALUE!", "#REF!"])
def test_an_excel_error_value_is_a_fault_in_any_column(
    ledger: Ledger, make_workbook: WorkbookFactory, error: str
) -> None:
    book = make_workbook(
        {
            "组织": [*ORGS, ["第二党支部", "某某大学党委", "党支部", "学生", error]],
            "活动": [["组织", "类型", "日期", "主题"], ["学生党支部", "党课", "2025-03-01", error]],
        }
    )
    before = table_snapshot(ledger)
    message = (
        f"The cell shows the error {error}: a formula that failed, not a value. Correct the "
        "formula or type the value instead."
    )
    assert _faults(ledger, book) == [f"4|E (正式党员)|{message}", f"2|D (主题)|{message}"]
    assert table_snapshot(ledger) == before


def _formula_book(path: Path, cached: bool) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "组织"
    for row in ORGS[:2]:
        sheet.append(row)
    sheet.append(["学生党支部", "某某大学党委", "党支部", "学生", "=10+2"])
    book.save(path)
    if cached:  # as Excel or WPS saves it: the formula and its result
        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        name = "xl/worksheets/sheet1.xml"
        parts[name], replaced = re.subn(
            rb"<f>10\+2</f><v\s*/>", b"<f>10+2</f><v>12</v>", parts[name]
        )
        assert replaced == 1
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for part, data in parts.items():
                target.writestr(part, data)
    return path


def test_a_formula_gives_its_saved_result(ledger: Ledger, tmp_path: Path) -> None:
    import_workbook(ledger, _formula_book(tmp_path / "cached.xlsx", cached=True))
    row = ledger.conn.execute("SELECT members_full FROM organizations WHERE name = '学生党支部'")
    assert row.fetchone()[0] == 12


def test_a_formula_without_a_saved_result_is_a_fault_not_a_blank(
    ledger: Ledger, tmp_path: Path
) -> None:
    assert _faults(ledger, _formula_book(tmp_path / "uncached.xlsx", cached=False)) == [
        "3|E (正式党员)|The cell holds a formula whose result was not saved in the file. Open the "
        "workbook in Excel or WPS and save it, or type the value instead."
    ]


def test_merged_cells_down_a_column_give_every_row_the_value(
    ledger: Ledger, make_workbook: WorkbookFactory, tmp_path: Path
) -> None:
    book = Workbook()
    orgs = book.active
    orgs.title = "组织"
    for row in [*ORGS, ["第二党支部", "某某大学党委", "党支部", "学生", 5]]:
        orgs.append(row)
    orgs.merge_cells("D3:E3")  # across columns: only D3 is read, and that is said
    activities = book.create_sheet("活动")
    activities.append(["组织", "类型", "日期", "主题"])
    for day in ("2025-03-01", "2025-04-01", "2025-05-01"):
        activities.append(["第二党支部" if day.endswith("03-01") else None, "党课", day, "学习"])
    activities.merge_cells("A2:A4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    report = import_workbook(ledger, path)
    assert report.sheets["活动"].added == 3
    orgs_of = ledger.conn.execute(
        "SELECT o.name, count(*) FROM activities a JOIN organizations o ON o.uid = a.org_uid "
        "GROUP BY o.name"
    ).fetchall()
    assert orgs_of == [("第二党支部", 3)]
    assert [w.message for w in report.warnings] == [
        "The cells D3:E3 are merged; only the value of D3 was read. Unmerge them and give each "
        "column its own value."
    ]


def test_a_hidden_sheet_is_read_and_said_to_be(ledger: Ledger, tmp_path: Path) -> None:
    book = Workbook()
    orgs = book.active
    orgs.title = "组织"
    for row in ORGS:
        orgs.append(row)
    activities = book.create_sheet("活动")
    activities.sheet_state = "hidden"
    activities.append(["组织", "类型", "日期", "主题"])
    activities.append(["学生党支部", "党课", "2025-03-01", "学习"])
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    report = import_workbook(ledger, path)
    assert report.sheets["活动"].added == 1
    assert [(w.sheet, w.message) for w in report.warnings] == [
        (
            "活动",
            "The sheet “活动” is hidden in the workbook; its rows were read like those of the "
            "other sheets.",
        )
    ]


def test_stray_spaces_full_width_digits_and_dates_in_many_forms(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    book = make_workbook(
        {
            "组织": [
                ["名称", "上级组织", "层级", "支部类型", "正式党员", "预备党员", "成立日期"],
                ["某某大学党委", None, "党委", None, None, None, None],
                [" 一支部 ", " 某某大学党委", " 党支部 ", " 学生", "１２", " 3 ", "2021年3月5日"],
                ["二支部", "某某大学党委", "党支部", "学生", "12人", 2.0, "2021/3/5"],
                ["三支部", "某某大学党委", "党支部", "学生", 7, None, datetime(2021, 3, 5)],
                ["四支部", "某某大学党委", "党支部", "学生", 7, None, 44260],
                ["五支部", "某某大学党委", "党支部", "学生", 7, None, "2021.03.05"],
            ]
        }
    )
    import_workbook(ledger, book)
    rows = ledger.conn.execute(
        "SELECT name, branch_type, members_full, members_probationary, founded_on "
        "FROM organizations WHERE level = 'branch' ORDER BY name"
    ).fetchall()
    assert rows == [
        ("一支部", "student", 12, 3, "2021-03-05"),
        ("三支部", "student", 7, 0, "2021-03-05"),
        ("二支部", "student", 12, 2, "2021-03-05"),
        ("五支部", "student", 7, 0, "2021-03-05"),
        ("四支部", "student", 7, 0, "2021-03-05"),
    ]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "the folder is read-only"),
        (OSError(errno.ENOSPC, "No space left on device"), "The disk is full"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
    ],
)
def test_an_export_to_a_disk_that_cannot_be_written(
    tmp_path: Path,
    make_workbook: WorkbookFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    expected: str,
) -> None:
    db = _ledger_with_records(tmp_path / "ledger.sqlite", make_workbook)
    before = _snapshot(db)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "old.xlsx").write_bytes(b"the previous export")

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    assert cli.main(["--db", str(db), "export", str(folder / "old.xlsx")]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "Traceback" not in err
    # Nothing lost: the previous file is whole and no half-written file is left beside it.
    assert sorted(p.name for p in folder.iterdir()) == ["old.xlsx"]
    assert (folder / "old.xlsx").read_bytes() == b"the previous export"
    assert _snapshot(db) == before


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes")
def test_an_export_into_a_read_only_folder(
    tmp_path: Path, make_workbook: WorkbookFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _ledger_with_records(tmp_path / "ledger.sqlite", make_workbook)
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert cli.main(["--db", str(db), "export", str(folder / "out.xlsx")]) == 2
    finally:
        folder.chmod(0o755)
    assert "the folder is read-only" in capsys.readouterr().err
    assert list(folder.iterdir()) == []


@pytest.mark.slow
def test_a_very_large_workbook_is_imported_whole(ledger: Ledger, tmp_path: Path) -> None:
    """200,000 activities: slow (about half a minute) but imported, not a crash."""
    book = Workbook(write_only=True)
    orgs = book.create_sheet("组织")
    for row in ORGS:
        orgs.append(row)
    activities = book.create_sheet("活动")
    activities.append(["组织", "类型", "日期", "主题"])
    for i in range(200_000):
        activities.append(["学生党支部", "党课", f"2025-{i % 12 + 1:02d}-01", f"主题{i}"])
    path = tmp_path / "large.xlsx"
    book.save(path)
    assert import_workbook(ledger, path).sheets["活动"].added == 200_000
