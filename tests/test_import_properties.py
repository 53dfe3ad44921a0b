"""Property tests: whatever a cell holds — text of any script or with control characters,
numbers, dates, times, flags, blanks, Excel error values — importing ends as an import report
or as a list of faults (with the ledger untouched), never as another exception."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any
from unittest import mock

from conftest import table_snapshot
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from desktop_app.errors import ValidationError
from desktop_app.storage import open_ledger
from desktop_app.workbook import importer
from desktop_app.workbook.cells import EXCEL_ERRORS
from desktop_app.workbook.contract import SHEETS
from desktop_app.workbook.reader import WorkbookData, _read_sheet
from desktop_app.workbook.report import ImportReport

# Values the contract knows, so that some rows are whole and get imported.
LIKELY = [
    "某某大学党委",
    "信息学院党委",
    "学生党支部",
    "某某大学党委/信息学院党委",
    "党委",
    "二级党委",
    "党支部",
    "学生",
    "党课",
    "主题党日",
    "志愿服务",
    "课程、科研",
    "是",
    "否",
    "2025-03-18",
    "2025年3月18日",
    "2025",
    "１２",
    " 12 ",
    "12人",
    "★★★",
    "示范高校",
    "全国",
    "培育",
    "已完成",
    "已撤销",
    "2024-2026",
]

CELL = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(LIKELY),
    st.sampled_from(sorted(EXCEL_ERRORS)),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(9999, 12, 31)),
    st.dates(min_value=date(1900, 3, 1)),
    st.times(),
)
# In memory, beyond what a file can hold: NaN, infinities and control characters.
RAW_CELL = st.one_of(CELL, st.floats(), st.text(alphabet=st.characters(max_codepoint=0x1F)))

SHEET_ROWS = st.fixed_dictionaries(
    {
        spec.name: st.lists(st.lists(CELL, min_size=0, max_size=len(spec.columns) + 1), max_size=3)
        for spec in SHEETS
    }
)
RAW_SHEET_ROWS = st.fixed_dictionaries(
    {
        spec.name: st.lists(
            st.lists(RAW_CELL, min_size=0, max_size=len(spec.columns) + 1), max_size=3
        )
        for spec in SHEETS
    }
)
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _headers(name: str) -> list[str]:
    return [column.header for column in next(s for s in SHEETS if s.name == name).columns]


def _storable(value: Any) -> Any:
    """The value as an .xlsx file can hold it."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _import_ends_well(folder: Path, path: Path) -> None:
    with open_ledger(folder / "ledger.sqlite") as ledger:
        before = table_snapshot(ledger)
        try:
            report = importer.import_workbook(ledger, path)
        except ValidationError as error:
            assert error.faults, "a refused import lists its faults"
            assert all(f.message for f in error.faults)
            assert table_snapshot(ledger) == before
            event("refused with faults")
        else:
            event("imported")
            assert isinstance(report, ImportReport)


@SETTINGS
@given(rows=SHEET_ROWS)
def test_any_cells_in_a_workbook_file(rows: dict[str, list[list[Any]]]) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        book = Workbook()
        book.remove(book.active)
        for sheet_name, sheet_rows in rows.items():
            sheet = book.create_sheet(sheet_name)
            sheet.append(_headers(sheet_name))
            for row in sheet_rows:
                sheet.append([_storable(v) for v in row])
        path = folder / "book.xlsx"
        book.save(path)
        _import_ends_well(folder, path)


@SETTINGS
@given(rows=RAW_SHEET_ROWS)
def test_any_values_as_read_from_a_sheet(rows: dict[str, list[list[Any]]]) -> None:
    """The checks and the plan, fed values no file could give (NaN, control characters)."""
    data = WorkbookData()
    for order, spec in enumerate(SHEETS):
        data.order[spec.name] = order
        sheet_rows = [tuple(_headers(spec.name)), *(tuple(r) for r in rows[spec.name])]
        parsed = _read_sheet(spec, spec.name, iter(sheet_rows), data, None)
        if parsed is not None:
            data.sheets.append(parsed)
    with (
        tempfile.TemporaryDirectory() as name,
        mock.patch.object(importer, "read_workbook", lambda path, cancel: data),
    ):
        _import_ends_well(Path(name), Path(name) / "unused.xlsx")
