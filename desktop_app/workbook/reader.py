"""Reading a workbook into plain rows: which sheets and columns it has, and the warnings and
faults of its layout (unknown sheets and columns, missing required columns).

The file is opened once, read-only, and closed before anything is validated; a file that is
not a readable .xlsx gives one ``ValidationError`` with a clear message.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.errors import Fault, ValidationError
from desktop_app.i18n import _
from desktop_app.workbook.cellrefs import column_letter
from desktop_app.workbook.cells import is_blank, show
from desktop_app.workbook.contract import (
    HELP_SHEET,
    SHEETS,
    SHEETS_BY_NAME,
    Column,
    SheetSpec,
    column_lookup,
    header_key,
    sheet_key,
)
from desktop_app.workbook.sheetxml import SheetExtras
from desktop_app.workbook.xlsxpackage import Package, SheetStream

CANCEL_EVERY = 500


@dataclass
class SheetData:
    """One sheet of the contract as read: where each column is and the non-blank rows."""

    spec: SheetSpec
    title: str
    positions: dict[str, int] = field(default_factory=dict)  # field → 0-based column index
    rows: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)  # (Excel row, values)
    usable: bool = True  # False when a required column is missing

    def label(self, field_name: str) -> str:
        """The column as a fault names it: ``C (层级)``, or the header alone if absent."""
        header = self.spec.column(field_name).header
        index = self.positions.get(field_name)
        if index is None:
            return header
        return f"{column_letter(index + 1)} ({header})"

    def value(self, values: tuple[Any, ...], field_name: str) -> Any:
        index = self.positions.get(field_name)
        if index is None or index >= len(values):
            return None
        return values[index]


@dataclass
class WorkbookData:
    sheets: list[SheetData] = field(default_factory=list)
    warnings: list[Fault] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    order: dict[str, int] = field(default_factory=dict)  # every sheet's title → its position

    def sheet(self, name: str) -> SheetData | None:
        for sheet in self.sheets:
            if sheet.spec.name == name:
                return sheet
        return None

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sheets)


def _unreadable(path: Path, reason: str) -> ValidationError:
    message = _("The workbook {path} cannot be imported: {reason}").format(path=path, reason=reason)
    return ValidationError(message, [Fault(message)])


def read_workbook(path: str | Path, cancel: Callable[[], bool] | None = None) -> WorkbookData:
    """Every sheet of the contract in the workbook at ``path``, with its rows."""
    path = Path(path)
    if not path.exists():
        raise _unreadable(path, _("the file does not exist. Check the file name and folder."))
    if path.is_dir():
        raise _unreadable(path, _("it is a folder, not a file. Choose an .xlsx file."))
    if path.suffix.lower() == ".xls":
        raise _unreadable(
            path,
            _(
                "it is in the old Excel 97–2003 format (.xls). Open it in Excel or WPS and save "
                "it as an Excel workbook (.xlsx), then import that file."
            ),
        )
    try:
        book = Package(path)
    except PermissionError:
        raise _unreadable(
            path,
            _(
                "the file cannot be read (permission denied). Close it in other programs and check "
                "that you may read it."
            ),
        ) from None
    except _DAMAGED:
        raise _unreadable(path, _not_xlsx()) from None
    try:
        return _read(book, cancel)
    except _Damaged:
        raise _unreadable(path, _not_xlsx()) from None
    finally:
        book.close()


# What reading raises for a file that is not an .xlsx or is damaged (SyntaxError: damaged XML,
# KeyError: a part of the file missing).
_DAMAGED = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    OSError,
    EOFError,
    SyntaxError,
    zlib.error,
)


class _Damaged(Exception):
    """The rows of a sheet could not be read: the file is damaged."""


def _not_xlsx() -> str:
    return _(
        "it is not a readable Excel workbook (.xlsx); it may be damaged, or another kind of "
        "file (such as a CSV file) renamed. Open it in Excel or WPS and save it as an Excel "
        "workbook (.xlsx)."
    )


def _sheet_rows(sheet: SheetStream) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sheet``; a failure of the file's reading (only) becomes ``_Damaged``, so
    a fault of this program is never taken for a damaged file."""
    rows = iter(sheet)
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except _DAMAGED as exc:
            raise _Damaged from exc
        yield values


def _read(book: Package, cancel: Callable[[], bool] | None) -> WorkbookData:
    data = WorkbookData()
    seen: dict[str, str] = {}
    for order, sheet in enumerate(book.sheets):
        title = str(sheet.title)
        data.order[title] = order
        key = sheet_key(title)
        if key == HELP_SHEET:
            continue
        spec = SHEETS_BY_NAME.get(key)
        if spec is None:
            data.warnings.append(
                Fault(
                    _(
                        "Unknown sheet “{sheet}”; it was ignored. The sheets that are read are: "
                        "{names}."
                    ).format(sheet=title, names="、".join(s.name for s in SHEETS)),
                    sheet=title,
                )
            )
            continue
        if spec.name in seen:
            data.warnings.append(
                Fault(
                    _("The sheet “{sheet}” appears twice; only “{first}” was read.").format(
                        sheet=title, first=seen[spec.name]
                    ),
                    sheet=title,
                )
            )
            continue
        seen[spec.name] = title
        if sheet.state != "visible":
            data.warnings.append(
                Fault(
                    _(
                        "The sheet “{sheet}” is hidden in the workbook; its rows were read like "
                        "those of the other sheets."
                    ).format(sheet=title),
                    sheet=title,
                )
            )
        # Its merged cells and unsaved formula results are known once its rows are read.
        stream = book.stream(sheet)
        parsed = _read_sheet(spec, title, _sheet_rows(stream), data, cancel, stream.extras)
        if parsed is not None:
            data.sheets.append(parsed)
    return data


def _read_sheet(
    spec: SheetSpec,
    title: str,
    rows: Any,
    data: WorkbookData,
    cancel: Callable[[], bool] | None,
    extras: SheetExtras | None = None,
) -> SheetData | None:
    sheet = SheetData(spec, title)
    header: tuple[Any, ...] | None = None
    for number, values in enumerate(rows, start=1):
        if number == 1:
            header = tuple(values)
            continue
        if cancel is not None and number % CANCEL_EVERY == 0:
            check_cancel(cancel)
        if values and not all(is_blank(v) for v in values):
            sheet.rows.append((number, tuple(values)))
    if header is None or all(is_blank(v) for v in header):
        if not sheet.rows:
            return None  # an empty sheet: nothing to read
        header = header or ()
    _map_header(sheet, header, data)
    if extras is not None:
        _apply_extras(sheet, extras, data)
    if sheet.positions:
        # A row with something only in ignored columns is as good as blank.
        known = sorted(sheet.positions.values())
        sheet.rows = [
            (number, values)
            for number, values in sheet.rows
            if any(i < len(values) and not is_blank(values[i]) for i in known)
        ]
    return sheet


def _apply_extras(sheet: SheetData, extras: SheetExtras, data: WorkbookData) -> None:
    """A cell merged down a column gives its value to every row of the merge (as the reader
    sees it); a merge across columns is reported; a formula whose result was not saved is a
    fault rather than a blank."""
    fields = {index + 1: name for name, index in sheet.positions.items()}
    at = {number: i for i, (number, _values) in enumerate(sheet.rows)}
    for min_col, min_row, max_col, max_row in extras.merged:
        if min_row < 2 or not any(c in fields for c in range(min_col, max_col + 1)):
            continue
        if min_col == max_col:
            _fill_down(sheet, at, min_col - 1, min_row, max_row)
            continue
        first = f"{column_letter(min_col)}{min_row}"
        data.warnings.append(
            Fault(
                _(
                    "The cells {cells} are merged; only the value of {first} was read. Unmerge "
                    "them and give each column its own value."
                ).format(cells=f"{first}:{column_letter(max_col)}{max_row}", first=first),
                sheet=sheet.title,
                row=min_row,
                column=sheet.label(fields[min_col]) if min_col in fields else None,
            )
        )
    for row, col in extras.uncached:
        if row >= 2 and col in fields:
            data.faults.append(
                Fault(
                    _(
                        "The cell holds a formula whose result was not saved in the file. Open "
                        "the workbook in Excel or WPS and save it, or type the value instead."
                    ),
                    field=fields[col],
                    sheet=sheet.title,
                    row=row,
                    column=sheet.label(fields[col]),
                )
            )


def _fill_down(sheet: SheetData, at: dict[int, int], index: int, first: int, last: int) -> None:
    top = at.get(first)
    if top is None or index >= len(sheet.rows[top][1]):
        return
    value = sheet.rows[top][1][index]
    for number in range(first + 1, last + 1):
        i = at.get(number)
        if i is None:
            continue
        values = sheet.rows[i][1]
        padded = values + (None,) * max(0, index + 1 - len(values))
        sheet.rows[i] = (number, (*padded[:index], value, *padded[index + 1 :]))


def _map_header(sheet: SheetData, header: tuple[Any, ...], data: WorkbookData) -> None:
    lookup = column_lookup(sheet.spec)
    for index, raw in enumerate(header):
        if is_blank(raw):
            continue
        column: Column | None = lookup.get(header_key(raw))
        label = f"{column_letter(index + 1)} ({show(raw)})"
        if column is None:
            data.warnings.append(
                Fault(
                    _("Unknown column “{header}”; it was ignored.").format(header=show(raw)),
                    sheet=sheet.title,
                    row=1,
                    column=label,
                )
            )
        elif column.field in sheet.positions:
            data.warnings.append(
                Fault(
                    _("The column “{header}” appears twice; only column {first} was read.").format(
                        header=column.header, first=sheet.label(column.field)
                    ),
                    sheet=sheet.title,
                    row=1,
                    column=label,
                )
            )
        else:
            sheet.positions[column.field] = index
    for column in sheet.spec.columns:
        if column.required and column.field not in sheet.positions:
            sheet.usable = False
            data.faults.append(
                Fault(
                    _(
                        "The required column “{header}” is missing; add it to the header row "
                        "(row 1)."
                    ).format(header=column.header),
                    field=column.field,
                    sheet=sheet.title,
                    row=1,
                    column=column.header,
                )
            )


class ImportCancelled(Exception):
    """Raised by ``check_cancel``; the importer turns it into a ``RefusedError``."""


def check_cancel(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled
