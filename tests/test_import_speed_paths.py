"""The fast paths of importing: the workbook's own reader (every kind of cell, both date
systems, shared and inline strings, merged cells, formulas without a saved result), the
records looked up only where the workbook can match them, and records written many rows per
statement. Each is checked against exact values, and the reader against openpyxl, the library
that read workbooks before it."""

from __future__ import annotations

import uuid
import warnings
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory
from openpyxl import load_workbook

from desktop_app.errors import ValidationError
from desktop_app.storage import Ledger, records
from desktop_app.workbook import records_plan
from desktop_app.workbook.cellrefs import cell_range, column_index, column_letter, coordinate
from desktop_app.workbook.importer import import_workbook, preview_workbook
from desktop_app.workbook.xlsxpackage import Package
from desktop_app.workbook.xlsxvalues import MAC_EPOCH, WINDOWS_EPOCH, from_serial

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_TYPE = f"{RELS}/worksheet"

# The shared strings: plain text, rich text in runs with a phonetic guide (left out), an
# escaped underscore as Excel writes it, text with XML entities, and an empty string.
SHARED = [
    "<si><t>学生党支部</t></si>",
    "<si><r><t>第一</t></r><r><rPr><b/></rPr><t>党支部</t></r>"
    '<rPh sb="0" eb="2"><t>ダイイチ</t></rPh></si>',
    "<si><t>a_x005F_x000D_b</t></si>",
    "<si><t>甲&amp;乙&lt;丙&gt;</t></si>",
    "<si><t/></si>",
]
# Cell styles: 0 General, 1 a built-in date (14), 2 a custom Chinese date, 3 elapsed hours,
# 4 two decimals (a number, not a date), 5 a time of day (21), 6 a custom quoted literal that
# only looks like a date format.
STYLES = (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="3">'
    '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="165" formatCode="[h]:mm"/>'
    '<numFmt numFmtId="166" formatCode="0.0&quot;days&quot;"/></numFmts>'
    '<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
    '<xf numFmtId="165"/><xf numFmtId="2"/><xf numFmtId="21"/><xf numFmtId="166"/></cellXfs>'
    "</styleSheet>"
)
# Every kind of cell, as Excel and WPS write them.
KINDS = (
    '<row r="1">'
    '<c r="A1" t="s"><v>0</v></c>'  # shared string
    '<c r="B1" t="s"><v>1</v></c>'  # shared rich text
    '<c r="C1" t="s"><v>2</v></c>'  # shared, escaped underscore
    '<c r="D1" t="s"><v>3</v></c>'  # shared, entities
    '<c r="E1" t="s"><v>4</v></c>'  # shared, empty
    '<c r="F1" t="inlineStr"><is><t xml:space="preserve"> 前后 </t></is></c>'
    '<c r="G1" t="inlineStr"><is><r><t>主题</t></r><r><t>党日</t></r></is></c>'
    '<c r="H1"><v>12</v></c>'  # a whole number
    '<c r="I1" t="n"><v>2.5</v></c>'
    '<c r="J1"><v>1E3</v></c>'
    '<c r="K1" s="4"><v>3</v></c>'  # a number format that is no date
    '<c r="L1" t="b"><v>1</v></c>'
    '<c r="M1" t="b"><v>0</v></c>'
    "</row>"
    '<row r="2">'
    '<c r="A2" s="1"><v>45734</v></c>'  # a date (built-in format 14)
    '<c r="B2" s="2"><v>45734</v></c>'  # a date (yyyy"年"m"月"d"日")
    '<c r="C2" s="1"><v>45734.75</v></c>'  # a date with a time
    '<c r="D2" s="5"><v>0.5</v></c>'  # a time of day
    '<c r="E2" s="3"><v>1.5</v></c>'  # elapsed time
    '<c r="F2" t="d"><v>2025-03-18</v></c>'  # an ISO date
    '<c r="G2" t="d"><v>2025-03-18T08:30:00</v></c>'
    '<c r="H2" t="e"><v>#N/A</v></c>'  # an error value
    '<c r="I2" t="str"><f>A1&amp;"x"</f><v>学生党支部x</v></c>'  # a formula's saved text
    '<c r="J2"><f>1+1</f><v>2</v></c>'  # a formula's saved number
    '<c r="K2"><f>1+1</f></c>'  # a formula whose result was not saved
    '<c r="L2" t="str"><f>""</f><v></v></c>'  # an empty text result is a result
    '<c r="M2" s="1"><v>10000000000</v></c>'  # no date can be this: the error Excel shows
    '<c r="N2" s="6"><v>7</v></c>'  # "days" in quotes: a number
    "</row>"
    '<row r="4"><c t="inlineStr"><is><t>无位置</t></is></c><c><v>7</v></c>'  # no r: A, B
    '<c r="E4"><v>5</v></c></row>'  # cells left out of the row are None
    '<row r="5"><c r="A5" t="inlineStr"><is><t>合并</t></is></c></row>'
    '<row r="6"><c r="B6"><v>1</v></c></row>'
)
MERGES = '<mergeCells count="2"><mergeCell ref="A5:A6"/><mergeCell ref="$B$1:$C$1"/></mergeCells>'


def _sheet_xml(rows: str, tail: str = "", prefix: str = "") -> str:
    p = f"{prefix}:" if prefix else ""
    ns = f"xmlns:{prefix}" if prefix else "xmlns"
    if prefix:  # the same XML with every element of the sheet under a prefix
        for tag in ("row", "c", "v", "f", "is", "t", "r", "mergeCells", "mergeCell"):
            rows = rows.replace(f"<{tag} ", f"<{p}{tag} ").replace(f"<{tag}>", f"<{p}{tag}>")
            rows = rows.replace(f"</{tag}>", f"</{p}{tag}>").replace(f"<{tag}/>", f"<{p}{tag}/>")
            tail = tail.replace(f"<{tag} ", f"<{p}{tag} ").replace(f"</{tag}>", f"</{p}{tag}>")
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<{p}worksheet {ns}="{MAIN}"><{p}sheetData>{rows}</{p}sheetData>{tail}</{p}worksheet>'
    )


def write_xlsx(
    path: Path,
    sheets: list[tuple[str, str]],
    *,
    shared: list[str] | None = None,
    styles: str | None = STYLES,
    date1904: bool = False,
    hidden: tuple[str, ...] = (),
) -> Path:
    """A workbook made of raw XML, as a spreadsheet program writes it."""
    types = [
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ]
    rels = []
    entries = []
    parts: dict[str, str] = {}
    for number, (title, xml) in enumerate(sheets, start=1):
        name = f"xl/worksheets/sheet{number}.xml"
        parts[name] = xml
        types.append(
            f'<Override PartName="/{name}" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{number}" Type="{SHEET_TYPE}" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
        state = ' state="hidden"' if title in hidden else ""
        entries.append(f'<sheet name="{title}" sheetId="{number}"{state} r:id="rId{number}"/>')
    if shared is not None:
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{"".join(shared)}</sst>'
        types.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rIdS" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if styles is not None:
        parts["xl/styles.xml"] = styles
        rels.append(f'<Relationship Id="rIdY" Type="{RELS}/styles" Target="styles.xml"/>')
    flag = ' date1904="1"' if date1904 else ""
    parts["xl/workbook.xml"] = (
        f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr{flag}/>'
        f"<sheets>{''.join(entries)}</sheets></workbook>"
    )
    parts["xl/_rels/workbook.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{''.join(rels)}</Relationships>"
    )
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{RELS}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f"{''.join(types)}</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return path


def read_mine(path: Path) -> dict[str, tuple[str | None, list[tuple[Any, ...]], Any]]:
    with Package(path) as book:
        found = {}
        for sheet in book.sheets:
            stream = book.stream(sheet)
            rows = list(stream)
            found[sheet.title] = (sheet.state, rows, stream.extras)
        return found


def read_openpyxl(path: Path) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns of a number no date can be
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            found = {}
            for sheet in book.worksheets:
                sheet.reset_dimensions()
                found[sheet.title] = (sheet.sheet_state, list(sheet.iter_rows(values_only=True)))
            return found
        finally:
            book.close()


def typed(rows: list[Any]) -> list[list[tuple[type, Any]]]:
    """Rows with each value's type, so that 1, 1.0 and True are told apart."""
    return [[(type(v), v) for v in row] for row in rows]


def test_every_kind_of_cell_has_its_exact_value(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "kinds.xlsx", [("活动", _sheet_xml(KINDS, MERGES))], shared=SHARED)
    state, rows, extras = read_mine(path)["活动"]
    assert state == "visible"
    assert typed(rows[:1]) == typed(
        [
            [
                "学生党支部",
                "第一党支部",
                "a_x000D_b",
                "甲&乙<丙>",
                "",
                " 前后 ",
                "主题党日",
                12,
                2.5,
                1000.0,
                3,
                True,
                False,
            ]
        ]
    )
    assert typed(rows[1:2]) == typed(
        [
            [
                datetime(2025, 3, 18),
                datetime(2025, 3, 18),
                datetime(2025, 3, 18, 18, 0),
                time(12, 0),
                timedelta(days=1, hours=12),
                date(2025, 3, 18),
                datetime(2025, 3, 18, 8, 30),
                "#N/A",
                "学生党支部x",
                2,
                None,
                None,
                "#VALUE!",
                7,
            ]
        ]
    )
    assert rows[2] == ()  # row 3 is not in the file
    assert rows[3] == ("无位置", 7, None, None, 5)
    assert rows[4:] == [("合并",), (None, 1)]
    assert extras.uncached == [(2, 11)]  # K2 only: L2's empty text is a result
    assert extras.merged == [(1, 5, 1, 6), (2, 1, 3, 1)]


def test_the_reader_agrees_with_openpyxl(tmp_path: Path) -> None:
    """The same values, of the same types, as openpyxl reads from the same file."""
    path = write_xlsx(
        tmp_path / "kinds.xlsx",
        [("活动", _sheet_xml(KINDS, MERGES)), ("组织", _sheet_xml(KINDS))],
        shared=SHARED,
        hidden=("组织",),
    )
    mine = read_mine(path)
    theirs = read_openpyxl(path)
    assert list(mine) == list(theirs) == ["活动", "组织"]
    for title, (state, rows) in theirs.items():
        assert mine[title][0] == state
        assert typed(mine[title][1]) == typed(rows)


def test_elements_under_a_prefix_read_the_same(tmp_path: Path) -> None:
    plain = write_xlsx(
        tmp_path / "plain.xlsx", [("活动", _sheet_xml(KINDS, MERGES))], shared=SHARED
    )
    prefixed = write_xlsx(
        tmp_path / "prefixed.xlsx",
        [("活动", _sheet_xml(KINDS, MERGES, prefix="x"))],
        shared=SHARED,
    )
    first, second = read_mine(plain)["活动"], read_mine(prefixed)["活动"]
    assert typed(second[1]) == typed(first[1])
    assert second[2] == first[2]


@pytest.mark.parametrize(
    ("date1904", "serial", "day"),
    [
        (False, 45734, datetime(2025, 3, 18)),
        (True, 44272, datetime(2025, 3, 18)),  # the 1904 system counts 1,462 days fewer
        (False, 1, datetime(1900, 1, 1)),
        (True, 0.25, time(6, 0)),
        (True, 1, datetime(1904, 1, 2)),
    ],
)
def test_dates_in_both_date_systems(
    tmp_path: Path, date1904: bool, serial: float, day: object
) -> None:
    rows = f'<row r="1"><c r="A1" s="1"><v>{serial}</v></c></row>'
    path = write_xlsx(tmp_path / "dates.xlsx", [("活动", _sheet_xml(rows))], date1904=date1904)
    assert read_mine(path)["活动"][1] == [(day,)]
    assert read_openpyxl(path)["活动"][1] == [(day,)]


def test_from_serial_matches_the_two_epochs() -> None:
    assert from_serial(45734, WINDOWS_EPOCH) == datetime(2025, 3, 18)
    assert from_serial(44272, MAC_EPOCH) == datetime(2025, 3, 18)
    assert from_serial(59, WINDOWS_EPOCH) == datetime(1900, 2, 28)
    assert from_serial(61, WINDOWS_EPOCH) == datetime(1900, 3, 1)
    # a duration to the millisecond: 0.000001 days is 86.4 ms
    assert from_serial(1.000001, WINDOWS_EPOCH, elapsed=True) == timedelta(days=1, milliseconds=86)


def test_a_workbook_without_styles_or_shared_strings(tmp_path: Path) -> None:
    rows = '<row r="1"><c r="A1" s="1"><v>45734</v></c><c r="B1"><v>-0.5</v></c></row>'
    path = write_xlsx(tmp_path / "bare.xlsx", [("活动", _sheet_xml(rows))], styles=None)
    assert typed(read_mine(path)["活动"][1]) == typed([(45734, -0.5)])


def test_a_workbook_written_by_openpyxl_reads_as_openpyxl_reads_it(
    make_workbook: WorkbookFactory,
) -> None:
    path = make_workbook(
        {
            "组织": [
                ["名称", "上级组织", "层级", "成立日期", "正式党员"],
                ["某某大学党委", None, "党委", datetime(2021, 3, 5), 12],
                ["学生党支部", "某某大学党委", "党支部", date(2021, 3, 5), 2.0],
                ["第二党支部", "=A2", True, time(9, 30), -3],
            ],
            "说明": [["a note"]],
            "活动": [["组织", "日期"], [None, None], ["学生党支部", "2025年3月18日"]],
        }
    )
    mine = read_mine(path)
    theirs = read_openpyxl(path)
    assert list(mine) == list(theirs) == ["组织", "说明", "活动"]
    for title, (_state, rows) in theirs.items():
        assert typed(mine[title][1]) == typed(rows)
    assert typed(mine["组织"][1]) == typed(
        [
            ("名称", "上级组织", "层级", "成立日期", "正式党员"),
            ("某某大学党委", None, "党委", datetime(2021, 3, 5), 12),
            # a date is saved as a day with no time (a datetime); 2.0 is saved as 2
            ("学生党支部", "某某大学党委", "党支部", datetime(2021, 3, 5), 2),
            # a formula openpyxl wrote has no saved result
            ("第二党支部", None, True, time(9, 30), -3),
        ]
    )
    assert mine["组织"][2].uncached == [(4, 2)]
    assert mine["活动"][1] == [("组织", "日期"), (), ("学生党支部", "2025年3月18日")]


# ---- importing through the reader ------------------------------------------------------------

ROOT = "某某大学党委"
BRANCH = "学生党支部"


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _org_sheet() -> str:
    rows = [
        ["名称", "上级组织", "层级", "支部类型"],
        [ROOT, None, "党委", None],
        [BRANCH, ROOT, "党支部", "学生"],
    ]
    xml = ""
    for number, row in enumerate(rows, start=1):
        cells = "".join(
            _inline(f"{column_letter(i)}{number}", v) for i, v in enumerate(row, 1) if v
        )
        xml += f'<row r="{number}">{cells}</row>'
    return _sheet_xml(xml)


def _activity_sheet(dates: list[str], tail: str = "") -> str:
    """活动 with one 党课 of the branch per date cell (raw XML of the 日期 cell)."""
    xml = '<row r="1">' + "".join(
        _inline(f"{c}1", h) for c, h in zip("ABCD", ("组织", "类型", "日期", "主题"), strict=True)
    )
    xml += "</row>"
    for number, day in enumerate(dates, start=2):
        xml += (
            f'<row r="{number}">{_inline(f"A{number}", BRANCH)}{_inline(f"B{number}", "党课")}'
            f"{day.format(ref=f'C{number}')}{_inline(f'D{number}', f'学习{number}')}</row>"
        )
    return _sheet_xml(xml, tail)


def _stored_dates(ledger: Ledger) -> list[tuple[str, str]]:
    return ledger.conn.execute("SELECT theme, date FROM activities ORDER BY theme").fetchall()


@pytest.mark.parametrize("date1904", [False, True])
def test_dates_of_every_form_are_imported_as_the_same_day(
    ledger: Ledger, tmp_path: Path, date1904: bool
) -> None:
    serial = 44272 if date1904 else 45734  # 2025-03-18 in the workbook's date system
    dates = [
        f'<c r="{{ref}}" s="1"><v>{serial}</v></c>',  # a date cell (format 14)
        f'<c r="{{ref}}" s="2"><v>{serial}</v></c>',  # a date cell (yyyy"年"m"月"d"日")
        '<c r="{ref}" t="inlineStr"><is><t>2025年3月18日</t></is></c>',  # text
        '<c r="{ref}" t="inlineStr"><is><t>2025/3/18</t></is></c>',
        '<c r="{ref}" t="d"><v>2025-03-18</v></c>',  # an ISO date cell
        '<c r="{ref}" s="1"><v>44638.75</v></c>' if not date1904 else "",
    ]
    dates = [d for d in dates if d]
    path = write_xlsx(
        tmp_path / "dates.xlsx",
        [("组织", _org_sheet()), ("活动", _activity_sheet(dates))],
        date1904=date1904,
    )
    report = import_workbook(ledger, path)
    assert report.sheets["活动"].added == len(dates)
    expected = [(f"学习{n}", "2025-03-18") for n in range(2, 7)]
    if not date1904:
        expected.append(("学习7", "2022-03-18"))  # a date with a time: the day
    assert _stored_dates(ledger) == expected


def test_cells_of_the_raw_sheet_give_the_faults_they_gave_before(
    ledger: Ledger, tmp_path: Path
) -> None:
    dates = [
        '<c r="{ref}"><f>TODAY()</f></c>',  # no saved result
        '<c r="{ref}" t="e"><v>#REF!</v></c>',
        '<c r="{ref}" s="1"><v>0.5</v></c>',  # a time of day
        '<c r="{ref}" t="inlineStr"><is><t>2025年2月30日</t></is></c>',
    ]
    path = write_xlsx(
        tmp_path / "faults.xlsx", [("组织", _org_sheet()), ("活动", _activity_sheet(dates))]
    )
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    assert [(f.sheet, f.row, f.column, f.message) for f in caught.value.faults] == [
        (
            "活动",
            2,
            "C (日期)",
            "The cell holds a formula whose result was not saved in the file. Open the "
            "workbook in Excel or WPS and save it, or type the value instead.",
        ),
        ("活动", 2, "C (日期)", "The required cell “日期” is empty; fill it in."),
        (
            "活动",
            3,
            "C (日期)",
            "The cell shows the error #REF!: a formula that failed, not a value. Correct the "
            "formula or type the value instead.",
        ),
        (
            "活动",
            4,
            "C (日期)",
            "“12:00:00” is a time of day, not a date; write the date like 2025-03-18.",
        ),
        (
            "活动",
            5,
            "C (日期)",
            "“2025年2月30日” is not a real date: that day does not exist. Check the month and "
            "the day.",
        ),
    ]
    assert ledger.scalar("SELECT count(*) FROM activities") == 0


def test_a_cell_merged_down_the_column_gives_each_row_its_value(
    ledger: Ledger, tmp_path: Path
) -> None:
    dates = ['<c r="{ref}" s="1"><v>45734</v></c>', "", ""]
    merge = '<mergeCells count="1"><mergeCell ref="C2:C4"/></mergeCells>'
    path = write_xlsx(
        tmp_path / "merged.xlsx", [("组织", _org_sheet()), ("活动", _activity_sheet(dates, merge))]
    )
    assert import_workbook(ledger, path).sheets["活动"].added == 3
    assert _stored_dates(ledger) == [(f"学习{n}", "2025-03-18") for n in (2, 3, 4)]


def test_the_same_bad_value_in_many_rows_is_a_fault_in_each(
    ledger: Ledger, make_workbook: WorkbookFactory
) -> None:
    """A value is worked out once per sheet, yet every row that holds it is reported."""
    rows = [[BRANCH, "茶话会", "2025-03-18", f"学习{n}"] for n in range(4)]
    path = make_workbook(
        {
            "组织": [["名称", "上级组织", "层级"], [ROOT, None, "党委"], [BRANCH, ROOT, "党支部"]],
            "活动": [["组织", "类型", "日期", "主题"], *rows],
        }
    )
    with pytest.raises(ValidationError) as caught:
        import_workbook(ledger, path)
    assert [(f.row, f.column) for f in caught.value.faults] == [
        (n, "B (类型)") for n in (2, 3, 4, 5)
    ]
    assert len({f.message for f in caught.value.faults}) == 1
    assert caught.value.faults[0].message.startswith("Unknown activity type “茶话会”")


def test_a_shared_string_the_file_does_not_have_is_a_damaged_file(
    ledger: Ledger, tmp_path: Path
) -> None:
    rows = '<row r="1"><c r="A1" t="s"><v>7</v></c></row>'
    path = write_xlsx(tmp_path / "damaged.xlsx", [("组织", _sheet_xml(rows))], shared=SHARED)
    with pytest.raises(ValidationError) as caught:
        preview_workbook(ledger, path)
    assert "it is not a readable Excel workbook (.xlsx)" in caught.value.message


# ---- only the records that can match are read -------------------------------------------------


def test_only_the_activities_of_the_workbooks_days_are_read(
    ledger: Ledger, make_workbook: WorkbookFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    orgs = [["名称", "上级组织", "层级"], [ROOT, None, "党委"], [BRANCH, ROOT, "党支部"]]
    header = ["组织", "类型", "日期", "主题"]
    earlier = [[BRANCH, "党课", f"2024-{m:02d}-01", "学习"] for m in range(1, 13)]
    import_workbook(
        ledger, make_workbook({"组织": orgs, "活动": [header, *earlier]}, name="2024.xlsx")
    )
    this_year = [
        [BRANCH, "党课", "2025-03-18", "学习"],
        [BRANCH, "党课", "2025-03-18", "学习"],
        [BRANCH, "支委会", "2025-04-01", "部署"],
    ]
    path = make_workbook({"组织": orgs, "活动": [header, *this_year]}, name="2025.xlsx")
    import_workbook(ledger, path)
    read: list[dict[str, Any]] = []
    query = ledger.query

    def spy(sql: str, params: Any = ()) -> list[dict[str, Any]]:
        rows = query(sql, params)
        if '"activities"' in sql:
            read.extend(rows)
        return rows

    monkeypatch.setattr(ledger, "query", spy)
    report = preview_workbook(ledger, path)
    assert (report.sheets["活动"].added, report.sheets["活动"].unchanged) == (0, 3)
    assert sorted((r["date"], r["type"]) for r in read) == [
        ("2025-03-18", "party_lecture"),
        ("2025-03-18", "party_lecture"),
        ("2025-04-01", "committee_meeting"),
    ]


def test_lookups_come_in_batches(
    ledger: Ledger, make_workbook: WorkbookFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More days than one query looks up: every record is still found, with a query for
    each batch of days rather than one per row."""
    monkeypatch.setattr(records_plan, "LOOKUP_BATCH", 7)
    orgs = [["名称", "上级组织", "层级"], [ROOT, None, "党委"], [BRANCH, ROOT, "党支部"]]
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(30)]
    rows = [[BRANCH, "党课", day, "学习"] for day in days]
    path = make_workbook({"组织": orgs, "活动": [["组织", "类型", "日期", "主题"], *rows]})
    import_workbook(ledger, path)
    statements: list[str] = []
    ledger.conn.set_trace_callback(statements.append)
    try:
        report = preview_workbook(ledger, path)
    finally:
        ledger.conn.set_trace_callback(None)
    assert report.sheets["活动"].unchanged == 30
    lookups = [s for s in statements if s.startswith('SELECT * FROM "activities"')]
    assert len(lookups) == 5  # 30 days, 7 at a time


# ---- writing many rows per statement ----------------------------------------------------------


def test_many_records_are_written_whole_with_their_audit_and_search(ledger: Ledger) -> None:
    count = records.ROWS_PER_STATEMENT * 2 + 17
    with ledger.transaction():
        root = records.insert(
            ledger, "organizations", {"name": ROOT, "level": "committee", "parent_uid": None}
        )
        rows = [
            {
                "org_uid": root,
                "type": "party_lecture",
                "date": "2025-03-18",
                "theme": f"专题学习{n}",
            }
            for n in range(count)
        ]
        uids = records.insert_many(ledger, "activities", rows)
    assert len(set(uids)) == count
    stored = ledger.conn.execute("SELECT uid, theme FROM activities ORDER BY rowid").fetchall()
    assert stored == [(uid, f"专题学习{n}") for n, uid in enumerate(uids)]
    audit = ledger.conn.execute(
        "SELECT uid, action, changes FROM audit_log WHERE table_name = 'activities' ORDER BY id"
    ).fetchall()
    assert [(uid, action) for uid, action, _ in audit] == [(uid, "insert") for uid in uids]
    assert audit[5][2] == (
        f'{{"org_uid": "{root}", "type": "party_lecture", "date": "2025-03-18", '
        '"theme": "专题学习5"}'
    )
    found = ledger.conn.execute(
        "SELECT k.uid FROM activity_search s JOIN activity_search_keys k ON k.docid = s.rowid "
        "WHERE activity_search MATCH '专题学习1000'"
    ).fetchall()
    assert found == [(uids[1000],)]


def test_many_records_are_changed_whole_with_their_audit_and_search(ledger: Ledger) -> None:
    count = records.ROWS_PER_STATEMENT + 3
    with ledger.transaction():
        root = records.insert(
            ledger, "organizations", {"name": ROOT, "level": "committee", "parent_uid": None}
        )
        rows = [
            {"org_uid": root, "type": "party_lecture", "date": "2025-03-18", "theme": f"旧题{n}"}
            for n in range(count)
        ]
        uids = records.insert_many(ledger, "activities", rows)
    with ledger.transaction():
        changes = [(uid, {"theme": f"新题{n}", "actual": n}) for n, uid in enumerate(uids)]
        changes.insert(7, (uids[0], {"theme": "旧题0"}))  # unchanged: not written
        assert records.update_many(ledger, "activities", changes) == count
    stored = ledger.conn.execute("SELECT theme, actual FROM activities ORDER BY rowid").fetchall()
    assert stored == [(f"新题{n}", n) for n in range(count)]
    audit = ledger.conn.execute(
        "SELECT uid, changes FROM audit_log WHERE action = 'update' ORDER BY id"
    ).fetchall()
    assert audit[0] == (uids[0], '{"theme": ["旧题0", "新题0"], "actual": [null, 0]}')
    assert [uid for uid, _ in audit] == uids

    def search(word: str) -> list[str]:
        return [
            r[0]
            for r in ledger.conn.execute(
                "SELECT k.uid FROM activity_search s JOIN activity_search_keys k "
                "ON k.docid = s.rowid WHERE activity_search MATCH ? ORDER BY k.docid",
                [word],
            )
        ]

    assert search("新题502") == [uids[502]]
    assert search("旧题") == []


def test_a_record_changed_twice_at_once_keeps_the_later_change(ledger: Ledger) -> None:
    with ledger.transaction():
        root = records.insert(
            ledger, "organizations", {"name": ROOT, "level": "committee", "parent_uid": None}
        )
        first, second = records.insert_many(
            ledger,
            "organizations",
            [
                {"name": "甲支部", "level": "branch", "parent_uid": root},
                {"name": "乙支部", "level": "branch", "parent_uid": root},
            ],
        )
        changed = records.update_many(
            ledger,
            "organizations",
            [
                (first, {"secretary": "张"}),
                (second, {"secretary": "李"}),
                (first, {"secretary": "王"}),
            ],
        )
    assert changed == 3
    secretaries = ledger.conn.execute(
        "SELECT name, secretary FROM organizations WHERE level = 'branch' ORDER BY name"
    ).fetchall()
    assert secretaries == [("乙支部", "李"), ("甲支部", "王")]


def test_a_new_uid_is_a_uuid_in_the_order_records_are_made() -> None:
    made = [records.new_uid() for _ in range(50)]
    assert all(uuid.UUID(u).version == 7 and str(uuid.UUID(u)) == u for u in made)
    assert all(uuid.UUID(u).variant == uuid.RFC_4122 for u in made)
    assert len(set(made)) == 50
    # The first 48 bits are the time in milliseconds: never decreasing.
    stamps = [int(u.replace("-", "")[:12], 16) for u in made]
    assert stamps == sorted(stamps)


def test_cell_references() -> None:
    assert [column_index(c) for c in ("A", "z", "AA", "XFD", "ZZZ")] == [1, 26, 27, 16384, 18278]
    assert [column_letter(i) for i in (1, 26, 27, 16384, 18278)] == ["A", "Z", "AA", "XFD", "ZZZ"]
    assert coordinate("$B$12") == (12, 2)
    assert cell_range("A2:A4") == (1, 2, 1, 4)
    assert cell_range("$C$3") == (3, 3, 3, 3)
    assert cell_range("A:A") is None
    for bad in ("", "A0", "1A", "AAAA1"):
        with pytest.raises(ValueError):
            coordinate(bad)
    with pytest.raises(ValueError):
        column_index("A1")
