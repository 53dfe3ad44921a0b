"""The sheets of records (活动, 星级评定, 创建目标, 创建单位, 任务, 品牌项目): each row checked,
matched to the record it updates by its identity key, or planned as a new record.

Rows that repeat an identity are not faults. In 活动 they are distinct activities (two 支委会
of a branch on one day with one theme): the k-th row of an identity is matched to the k-th
live activity of that identity in the ledger, in the order they were created, so importing
the same workbook again changes nothing; activities beyond the workbook's count are left
alone. In the other sheets the identity is unique in the ledger: the rows are merged into
one record, the last row's values kept. Either way a warning names the rows.

The cells of every row are read first; then the stored records the rows can match are looked
up by one column of their key (activities by date, ratings by year), a batch of values per
query, and matched in Python: a sheet of tens of thousands of rows costs no query per row, and
a ledger of many years is not read whole to import one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.domain import activities
from desktop_app.domain.enums import ACTIVITY_TYPES, THEME_CATEGORIES
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger
from desktop_app.workbook import contract
from desktop_app.workbook.cells import CellProblem, enum_code
from desktop_app.workbook.contract import SheetSpec
from desktop_app.workbook.orgsheet import OrgPlanner
from desktop_app.workbook.plan import (
    Collector,
    Converters,
    Row,
    TablePlan,
    columns_of,
    convert_row,
    diff,
)
from desktop_app.workbook.reader import SheetData

# (field, message) pairs: problems (or warnings) of one row beyond its cells.
Notes = list[tuple[str, str]]
Prepare = Callable[[Row, Row | None, Notes, Notes], Row]


@dataclass(frozen=True)
class RecordSheet:
    spec: SheetSpec
    key: tuple[str, ...]  # stored columns that identify a record
    defaults: dict[str, Any]  # every stored column of a new record, with its default
    prepare: Prepare  # (cells, current record or None, errors, warnings) → stored values
    # True: rows with the same key are distinct records (activities); False: the key is
    # unique in the ledger and rows with the same key are merged.
    repeats: bool = False
    # The column of ``key`` the stored records are looked up by (an index begins with it).
    lookup: str = ""

    def __post_init__(self) -> None:
        if not self.lookup:
            object.__setattr__(self, "lookup", self.key[0])


def _same(cells: Row, rename: dict[str, str] | None = None) -> Row:
    rename = rename or {}
    return {rename.get(k, k): v for k, v in cells.items() if k != "org"}


def _activity(cells: Row, current: Row | None, errors: Notes, warnings: Notes) -> Row:
    values = _same(cells)
    kind = values.get("type")
    category = values.get("category")
    if category is not None and kind != "theme_day":
        warnings.append(
            (
                "category",
                _(
                    "Only a theme party day (主题党日) has a 主题党日+ category; the category "
                    "given for this {kind} was ignored."
                ).format(kind=ACTIVITY_TYPES.contract(kind) if kind else "?"),
            )
        )
        values["category"] = None
    elif category is not None:
        try:
            values["category"] = enum_code(category, THEME_CATEGORIES)
        except CellProblem as problem:
            errors.append(("category", problem.message))
    expected = values.get("expected", current.get("expected") if current else None)
    actual = values.get("actual", current.get("actual") if current else None)
    if isinstance(expected, int) and isinstance(actual, int) and actual > expected:
        errors.append(
            (
                "actual",
                _(
                    "{actual} attended but only {expected} were expected; the number attending "
                    "(实到人数) cannot exceed the number expected (应到人数)."
                ).format(actual=actual, expected=expected),
            )
        )
    return activities.to_row(values)


def _plain(cells: Row, current: Row | None, errors: Notes, warnings: Notes) -> Row:
    return _same(cells)


def _with_status(default: str) -> Prepare:
    def prepare(cells: Row, current: Row | None, errors: Notes, warnings: Notes) -> Row:
        values = _same(cells)
        if "status" in values and values["status"] is None:
            values["status"] = default
        return values

    return prepare


def _target(cells: Row, current: Row | None, errors: Notes, warnings: Notes) -> Row:
    values = _same(cells)
    values.setdefault("period", "")
    return values


RECORD_SHEETS: tuple[RecordSheet, ...] = (
    RecordSheet(
        contract.ACTIVITIES,
        ("org_uid", "type", "date", "theme"),
        {
            "category": None,
            "place": None,
            "host": None,
            "expected": None,
            "actual": None,
            "dimensions": "[]",
            "featured": 0,
            "summary": None,
        },
        _activity,
        repeats=True,
        lookup="date",
    ),
    RecordSheet(contract.RATINGS, ("org_uid", "year"), {}, _plain, lookup="year"),
    RecordSheet(contract.TARGETS, ("level", "grade", "period"), {"period": ""}, _target),
    RecordSheet(
        contract.CANDIDATES,
        ("org_uid", "level", "grade"),
        {
            "cultivated_on": None,
            "applied_on": None,
            "approved_on": None,
            "accepted_on": None,
            "rejected_on": None,
            "note": None,
        },
        _plain,
    ),
    RecordSheet(
        contract.TASKS,
        ("title",),
        {
            "section": None,
            "lead_department": None,
            "cooperating_departments": None,
            "deadline": None,
            "status": "todo",
        },
        _with_status("todo"),
    ),
    RecordSheet(
        contract.BRANDS,
        ("org_uid", "name"),
        {"year_approved": None, "grade": None, "status": "cultivating"},
        _with_status("cultivating"),
    ),
)


Key = tuple[Any, ...]
# How many values one query looks up (SQLite allows more; this keeps each statement small).
LOOKUP_BATCH = 500


@dataclass
class _Staged:
    """A row of the sheet after its cells were read: what matching it to a record needs."""

    number: int
    cells: Row
    ok: bool
    org_uid: str | None
    key: Key


class RecordPlanner:
    """Plans one sheet of records against the stored records of its table."""

    def __init__(
        self,
        ledger: Ledger,
        kind: RecordSheet,
        sheet: SheetData,
        orgs: OrgPlanner,
        collector: Collector,
    ) -> None:
        self.ledger = ledger
        self.kind = kind
        self.sheet = sheet
        self.orgs = orgs
        self.collector = collector
        self.plan = TablePlan(kind.spec.name, kind.spec.table)
        # The live records of each key the sheet names, in the order they were created.
        self.existing: dict[Key, list[Row]] = {}
        # The good rows of each key, in the sheet's order.
        self.rows_of: dict[Key, list[int]] = {}
        # Sheets with a unique key: the values of the last row of each key, and its record.
        self.merged: dict[Key, tuple[Row | None, Row]] = {}

    def run(self, tick: Callable[[int], None]) -> TablePlan:
        if not self.sheet.usable:
            return self.plan
        columns = columns_of(self.sheet)
        staged = []
        for done, (number, values) in enumerate(self.sheet.rows, start=1):
            staged.append(self._read(columns, number, values))
            if done % 200 == 0:
                tick(200)
        tick(len(self.sheet.rows) % 200)
        self._load({entry.key for entry in staged if entry.ok})
        for entry in staged:
            self._row(entry)
        for current, values in self.merged.values():
            self._plan(current, values)
        for numbers in self.rows_of.values():
            if len(numbers) < 2:
                continue
            if self.kind.repeats:
                self.collector.same_activity(self.sheet, numbers)
            else:
                self.collector.repeated(self.sheet, numbers)
        return self.plan

    def _load(self, keys: set[Key]) -> None:
        """The live records of ``keys``, looked up by the key's most selective column (an
        index serves it) a batch of values at a time: only what can match is read, however
        large the ledger."""
        key_columns = self.kind.key
        position = key_columns.index(self.kind.lookup)
        wanted = list(dict.fromkeys(k[position] for k in keys))
        table, column = self.kind.spec.table, self.kind.lookup
        for start in range(0, len(wanted), LOOKUP_BATCH):
            batch = wanted[start : start + LOOKUP_BATCH]
            marks = ", ".join("?" for _ in batch)
            rows = self.ledger.query(
                f'SELECT * FROM "{table}" WHERE deleted_at IS NULL AND "{column}" IN ({marks}) '
                "ORDER BY rowid",
                batch,
            )
            for row in rows:
                key = tuple(row[k] for k in key_columns)
                if key in keys:
                    self.existing.setdefault(key, []).append(row)

    def _current(self, key: Key) -> Row | None:
        """The stored record a row of ``key`` updates: for repeating records the one matched
        by occurrence, otherwise the one record of the key."""
        stored = self.existing.get(key, [])
        occurrence = len(self.rows_of.get(key, [])) if self.kind.repeats else 0
        return stored[occurrence] if occurrence < len(stored) else None

    def _read(self, columns: Converters, number: int, values: tuple[Any, ...]) -> _Staged:
        """The row's cells and its organization; each bad one is reported."""
        sheet, collector = self.sheet, self.collector
        cells, ok = convert_row(sheet, columns, number, values, collector)
        org_uid = None
        if "org" in sheet.positions and cells.get("org"):
            org_uid, message = self.orgs.resolve(cells["org"])
            if org_uid is None:
                ok = False
                if message:
                    collector.error(sheet, number, "org", message)
        key = tuple(
            org_uid if k == "org_uid" else cells.get(k, self.kind.defaults.get(k))
            for k in self.kind.key
        )
        return _Staged(number, cells, ok, org_uid, key)

    def _row(self, entry: _Staged) -> None:
        """Match the row to its record and plan it (or report what is wrong with it)."""
        sheet, collector, number, key = self.sheet, self.collector, entry.number, entry.key
        current = self._current(key) if entry.ok else None
        errors: Notes = []
        warnings: Notes = []
        partial = self.kind.prepare(entry.cells, current, errors, warnings)
        if entry.org_uid is not None:
            partial["org_uid"] = entry.org_uid
        for field_name, message in warnings:
            collector.warn(sheet, number, field_name, message)
        for field_name, message in errors:
            collector.error(sheet, number, field_name, message)
        if errors or not entry.ok:
            return
        self.rows_of.setdefault(key, []).append(number)
        if self.kind.repeats:
            self._plan(current, partial)
        else:
            self.merged[key] = (current, partial)  # a later row of the key replaces it

    def _plan(self, current: Row | None, values: Row) -> None:
        if current is None:
            self.plan.inserts.append({**self.kind.defaults, **values})
            return
        changes = diff(current, values)
        if changes:
            self.plan.updates.append((current["uid"], changes))
        else:
            self.plan.unchanged += 1
