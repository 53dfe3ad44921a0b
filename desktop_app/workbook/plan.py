"""What an import will do, worked out before anything is written: the faults and warnings
found, and per table the records to insert, the changes to make and the records unchanged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.errors import Fault
from desktop_app.i18n import N_, _, join_list
from desktop_app.workbook.cellrefs import column_index
from desktop_app.workbook.cells import CellProblem, converter, is_blank
from desktop_app.workbook.contract import Column
from desktop_app.workbook.reader import SheetData

Row = dict[str, Any]

# What makes two rows of a sheet the same record, for the message about a repeated row.
_SAME_RECORD = {
    "组织": N_("the same organization: the same name under the same parent"),
    "星级评定": N_("the same organization and year"),
    "创建目标": N_("the same level, grade and plan period"),
    "创建单位": N_("the same organization, level and grade"),
    "任务": N_("the same task title"),
    "品牌项目": N_("the same organization and name"),
}


@dataclass
class TablePlan:
    sheet: str
    table: str
    inserts: list[Row] = field(default_factory=list)
    updates: list[tuple[str, Row]] = field(default_factory=list)
    unchanged: int = 0


class Collector:
    """The faults (which stop the import) and warnings (which do not) of a workbook."""

    def __init__(self) -> None:
        self.errors: list[Fault] = []
        self.warnings: list[Fault] = []

    @staticmethod
    def fault(sheet: SheetData, row: int | None, field_name: str | None, message: str) -> Fault:
        column = sheet.label(field_name) if field_name else None
        return Fault(message, field=field_name, sheet=sheet.title, row=row, column=column)

    def error(
        self, sheet: SheetData, row: int | None, field_name: str | None, message: str
    ) -> None:
        self.errors.append(self.fault(sheet, row, field_name, message))

    def warn(self, sheet: SheetData, row: int | None, field_name: str | None, message: str) -> None:
        self.warnings.append(self.fault(sheet, row, field_name, message))

    def repeated(self, sheet: SheetData, rows: list[int]) -> None:
        """Rows of a sheet whose identity is unique in the ledger that name the same record:
        they were merged into one, the last row's values kept (warned at the last row)."""
        what = _(_SAME_RECORD[sheet.spec.name])
        *earlier, last = rows
        if len(earlier) == 1:
            message = _(
                "Row {row} repeats row {first} ({what}); the values of row {row} were kept. "
                "If row {first} was the right one, delete row {row} and import again."
            ).format(row=last, first=earlier[0], what=what)
        else:
            message = _(
                "Row {row} repeats rows {rows} ({what}); the values of row {row} were kept. "
                "If another of these rows was the right one, keep only that one and import "
                "again."
            ).format(row=last, rows=join_list(earlier), what=what)
        self.warn(sheet, last, None, message)

    def same_activity(self, sheet: SheetData, rows: list[int]) -> None:
        """Rows of 活动 that record the same activity: each was imported as an activity of its
        own (warned at the first row that repeats another)."""
        if len(rows) == 2:
            message = _(
                "Rows {first} and {second} record the same activity (the same organization, "
                "type, date and theme); both were imported as separate activities. If one is "
                "a copy made by mistake, delete the extra activity from the ledger and the "
                "extra row from the workbook."
            ).format(first=rows[0], second=rows[1])
        else:
            message = _(
                "Rows {rows} record the same activity (the same organization, type, date and "
                "theme); all {count} were imported as separate activities. If some are copies "
                "made by mistake, delete the extra activities from the ledger and the extra "
                "rows from the workbook."
            ).format(rows=join_list(rows), count=len(rows))
        self.warn(sheet, rows[1], None, message)


def required_message(column: Column) -> str:
    return _("The required cell “{header}” is empty; fill it in.").format(header=column.header)


Converters = list[tuple[Column, int, Callable[[object], Any]]]


def convert_row(
    sheet: SheetData,
    columns: Converters,
    number: int,
    values: tuple[Any, ...],
    collector: Collector,
) -> tuple[Row, bool]:
    """The stored values of the row's cells in ``columns`` (from ``columns_of``), and whether
    all were good (each bad cell is reported to ``collector``)."""
    out: Row = {}
    ok = True
    width = len(values)
    for column, index, convert in columns:
        raw = values[index] if index < width else None
        if column.required and is_blank(raw):
            collector.error(sheet, number, column.field, required_message(column))
            ok = False
            continue
        try:
            out[column.field] = convert(raw)
        except CellProblem as problem:
            collector.error(sheet, number, column.field, problem.message)
            ok = False
    return out, ok


def columns_of(sheet: SheetData) -> Converters:
    """The sheet's columns with their positions and converters."""
    found = []
    for field_name, index in sheet.positions.items():
        column = sheet.spec.column(field_name)
        found.append((column, index, converter(column)))
    return found


def diff(current: Row, values: Row) -> Row:
    """The values that differ from the stored record."""
    return {k: v for k, v in values.items() if current.get(k) != v}


def sort_faults(faults: list[Fault], order: dict[str, int]) -> list[Fault]:
    """Faults in the order a reader meets them: sheet, row, column."""

    def key(fault: Fault) -> tuple[int, int, int]:
        column = -1
        if fault.column and " (" in fault.column:
            try:
                column = column_index(fault.column.split(" (", 1)[0])
            except ValueError:
                column = -1
        return (order.get(fault.sheet or "", -1), fault.row or 0, column)

    return sorted(faults, key=key)
