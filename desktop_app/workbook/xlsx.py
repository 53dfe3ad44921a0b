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
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from desktop_app.errors import StorageError
from desktop_app.i18n import _
from desktop_app.workbook.contract import SheetSpec

DATE_FORMAT = "yyyy-mm-dd"
LAST_ROW = 1048576
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center", wrap_text=True)


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
    a temporary file in the same folder, then replace; a locked file, a read-only folder or a
    full disk gives a ``StorageError``. The temporary file is made first, so a folder that
    cannot be written is found before any work is done. Whatever fails, the temporary file and
    the half-written book are cleaned up quietly."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise StorageError(
            _("The folder {folder} does not exist; choose another place to save {name}.").format(
                folder=folder, name=path.name
            )
        )
    if path.is_dir():
        raise _is_a_folder(path)
    book = new_book()
    saved = False
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".xlsx.part", dir=folder)
        os.close(handle)
        temporary = Path(name)
        fill(book)
        _save(book, temporary)
        saved = True
        # mkstemp makes the file readable by its owner only; give it the mode of a file made
        # the usual way, before it takes its place.
        with contextlib.suppress(OSError):
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
    except PermissionError as exc:
        if path.is_dir():
            raise _is_a_folder(path) from exc
        raise StorageError(
            _(
                "The file {path} cannot be written: it is open in Excel or another program, or "
                "the folder is read-only. Close the file there (or choose another folder) and "
                "try again."
            ).format(path=path)
        ) from exc
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise _is_a_folder(path) from exc
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
        if not saved:
            _discard(book)
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()


def _is_a_folder(path: Path) -> StorageError:
    return StorageError(
        _(
            "{path} is a folder, not a file. Choose a file name to save the workbook under "
            "(ending in .xlsx)."
        ).format(path=path)
    )


def _umask() -> int:
    """The process's umask (it can only be read by setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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
