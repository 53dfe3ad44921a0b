"""Writing workbooks of the contract: styled header rows, drop-down lists, real Excel dates,
and saving through a temporary file so a failed save never leaves half a file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from desktop_app.errors import StorageError
from desktop_app.i18n import _
from desktop_app.workbook.contract import Column, SheetSpec

DATE_FORMAT = "yyyy-mm-dd"
LAST_ROW = 1048576
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


def header_text(column: Column) -> str:
    """The header as written: exactly the contract's name (a required column is marked by its
    bold red type, and the 说明 sheet says so), so any program reading the contract finds it."""
    return column.header


def new_book() -> Workbook:
    return Workbook(write_only=True)


def write_sheet(book: Workbook, spec: SheetSpec, rows: Iterable[dict[str, Any]]) -> None:
    """A sheet of ``spec``: the header row (required headers bold red, frozen), column widths,
    a drop-down list on every column of choices, then ``rows`` (each a dict by column field;
    dates as real Excel dates)."""
    fields = [column.field for column in spec.columns]
    values = [[row.get(field) for field in fields] for row in rows]
    sheet = book.create_sheet(spec.name)
    # The size of the sheet, written at its top, spares a reader a pass through the file.
    size = f"A1:{get_column_letter(len(fields))}{len(values) + 1}"
    sheet.calculate_dimension = lambda: size
    sheet.freeze_panes = "A2"
    for index, column in enumerate(spec.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    _add_dropdowns(sheet, spec)
    header = []
    for column in spec.columns:
        cell = WriteOnlyCell(sheet, value=header_text(column))
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
    return value


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


def save_atomically(path: str | Path, build: Callable[[], Workbook]) -> None:
    """Save the workbook ``build()`` makes to ``path`` through a temporary file in the same
    folder, then replace; a locked file, a read-only folder or a full disk gives a
    ``StorageError``. The temporary file is made first, so a folder that cannot be written is
    found before any work is done."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            _("The folder {folder} does not exist; choose another place to save {name}.").format(
                folder=folder, name=path.name
            )
        )
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.part", dir=folder)
        os.close(handle)
        temporary = Path(name)
        build().save(temporary)
        os.replace(temporary, path)
        temporary = None
    except PermissionError as exc:
        raise StorageError(
            _(
                "The file {path} cannot be written: it is open in Excel or another program, or "
                "the folder is read-only. Close the file there (or choose another folder) and "
                "try again."
            ).format(path=path)
        ) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            message = _(
                "The disk is full: {path} could not be written. Free some space and try again."
            ).format(path=path)
        else:
            message = _("The file {path} could not be written: {reason}.").format(
                path=path, reason=exc.strerror or exc
            )
        raise StorageError(message) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
