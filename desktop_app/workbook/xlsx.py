"""Writing workbooks of the contract: styled header rows, drop-down lists, real Excel dates,
and saving through a temporary file so a failed save never leaves half a file behind."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from desktop_app.i18n import _
from desktop_app.safe_write import write_atomically
from desktop_app.workbook.contract import SheetSpec

DATE_FORMAT = "yyyy-mm-dd"
LAST_ROW = 1048576
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


def new_book() -> Workbook:
    return Workbook(write_only=True)


def write_sheet(
    book: Workbook, spec: SheetSpec, rows: Iterable[dict[str, Any]], count: int | None = None
) -> None:
    """A sheet of ``spec``: the header row (required headers bold red, frozen), column widths,
    a drop-down list on every column of choices, then ``rows`` (each a dict by column field;
    dates as real Excel dates). Given the ``count`` of ``rows``, they are written as they come
    instead of being gathered first (the activities of a whole university)."""
    fields = [column.field for column in spec.columns]
    if count is None:
        rows = list(rows)
        count = len(rows)
    values = ([row.get(field) for field in fields] for row in rows)
    sheet = book.create_sheet(spec.name)
    # The size of the sheet, written at its top, spares a reader a pass through the file.
    size = f"A1:{get_column_letter(len(fields))}{count + 1}"
    sheet.calculate_dimension = lambda: size
    sheet.freeze_panes = "A2"
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    _add_dropdowns(sheet, spec)
    header = []
    for column in spec.columns:
        # Exactly the contract's name: a required column is marked by its bold red type (the
        # 说明 sheet says so), so any program reading the contract finds it.
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = REQUIRED_FONT if column.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGNMENT
        header.append(cell)
    sheet.append(header)
    for row in values:
        sheet.append([_cell(sheet, value) for value in row])


def _cell(sheet: Any, value: Any) -> Any:
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str):
        return _text_cell(sheet, value)
    return value


def _text_cell(sheet: Any, value: str) -> Any:
    """Text as a cell holds it: without the control characters a worksheet cannot hold (Word
    leaves some in pasted text), and always as text, so that text beginning with "=" is never
    read as a formula by Excel."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _add_dropdowns(sheet: Any, spec: SheetSpec) -> None:
    for index, column in enumerate(spec.columns, start=1):
        choices = column.dropdown()
        if not choices:
            continue
        letter = get_column_letter(index)
        validation = DataValidation(
            type="list",
            formula1='"{}"'.format(",".join(choices)),
            allow_blank=True,
            showErrorMessage=True,
            errorStyle="warning",
            errorTitle=column.header,
            error=_("Choose a value from the list: {choices}").format(choices="、".join(choices)),
        )
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        sheet.data_validations.append(validation)


def save_atomically(path: str | Path, fill: Callable[[Workbook], None]) -> None:
    """Save the workbook that ``fill`` writes (into a new write-only book) to ``path`` through
    a temporary file in the same folder (``safe_write.write_atomically``): a locked file, a
    read-only folder or a full disk gives a ``StorageError``, and a failed save leaves neither
    a half-written file nor the book's scratch files behind."""
    book = new_book()
    saved = False

    def write(temporary: Path) -> None:
        nonlocal saved
        fill(book)
        _save(book, temporary)
        saved = True

    try:
        write_atomically(path, write, suffix=".xlsx")
    finally:
        if not saved:
            _discard(book)


def _save(book: Workbook, target: Path) -> None:
    """Write ``book`` to ``target``; the file is closed whether or not writing succeeds, so it
    can always be removed (``Workbook.save`` leaves it open when it fails)."""
    with ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(book, archive).save()


def _discard(book: Workbook) -> None:
    """Let go of a write-only book that was not saved: close the half-written stream of each
    sheet and remove its scratch file. Left open, the streams fail noisily (“Exception
    ignored …”) when the book is collected."""
    for sheet in book.worksheets:
        if getattr(sheet, "closed", True):
            continue
        rows, writer = getattr(sheet, "_rows", None), getattr(sheet, "_writer", None)
        for step in (
            getattr(rows, "close", None),
            getattr(writer, "close", None),
            getattr(writer, "cleanup", None),
        ):
            if step is not None:
                with contextlib.suppress(Exception):
                    step()
