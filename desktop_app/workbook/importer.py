"""Importing a workbook: read it, check every row of every sheet, then write all of it in one
transaction, or nothing.

``preview_workbook`` does the same checks and plan and writes nothing, so the window can show
what an import would change. Every fault is reported at once in one ``ValidationError``;
a second import of the same workbook changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.errors import RefusedError, ValidationError
from desktop_app.i18n import _, ngettext
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger
from desktop_app.workbook.contract import ORGANIZATIONS
from desktop_app.workbook.orgsheet import OrgPlanner
from desktop_app.workbook.plan import Collector, TablePlan, sort_faults
from desktop_app.workbook.reader import (
    ImportCancelled,
    WorkbookData,
    check_cancel,
    read_workbook,
)
from desktop_app.workbook.records_plan import RECORD_SHEETS, RecordPlanner
from desktop_app.workbook.report import ImportReport, SheetCounts

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

__all__ = ["ImportReport", "SheetCounts", "import_workbook", "preview_workbook"]


def import_workbook(
    ledger: Ledger,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Import the workbook at ``path``: all of it, or nothing (``ValidationError`` listing
    every fault). ``progress(done, total)`` is called as it goes; ``cancel()`` returning True
    stops it with a ``RefusedError`` and nothing changed."""
    return _run(ledger, path, write=True, progress=progress, cancel=cancel)


def preview_workbook(
    ledger: Ledger,
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """What importing ``path`` would do, with the same checks; writes nothing."""
    return _run(ledger, path, write=False, progress=progress, cancel=cancel)


class _Tracker:
    def __init__(self, progress: Progress | None, cancel: Cancel | None, total: int) -> None:
        self.progress = progress
        self.cancel = cancel
        self.total = max(total, 1)
        self.done = 0

    def tick(self, count: int) -> None:
        check_cancel(self.cancel)
        self.done = min(self.done + count, self.total)
        if self.progress is not None:
            self.progress(self.done, self.total)

    def finish(self) -> None:
        self.done = self.total
        if self.progress is not None:
            self.progress(self.total, self.total)


def _run(
    ledger: Ledger,
    path: str | Path,
    *,
    write: bool,
    progress: Progress | None,
    cancel: Cancel | None,
) -> ImportReport:
    try:
        book = read_workbook(path, cancel)
        tracker = _Tracker(progress, cancel, book.row_count * (2 if write else 1))
        # A preview only reads: a snapshot, so it never waits for another program's writing.
        with ledger.transaction() if write else ledger.snapshot():
            collector = Collector()
            plans = _plan(ledger, book, collector, tracker)
            order = book.order
            faults = sort_faults(book.faults + collector.errors, order)
            if faults:
                raise ValidationError(
                    ngettext(
                        "The workbook cannot be imported: {count} problem was found. Nothing "
                        "was changed; correct it and import again.",
                        "The workbook cannot be imported: {count} problems were found. Nothing "
                        "was changed; correct them and import again.",
                        len(faults),
                    ).format(count=len(faults)),
                    faults,
                )
            if write:
                _write(ledger, plans, tracker)
    except ImportCancelled:
        raise RefusedError(_("The import was cancelled; nothing was changed.")) from None
    tracker.finish()
    report = ImportReport(written=write)
    report.warnings = sort_faults(book.warnings + collector.warnings, order)
    for plan in plans:
        report.sheets[plan.sheet] = SheetCounts(
            len(plan.inserts), len(plan.updates), plan.unchanged
        )
    return report


def _plan(
    ledger: Ledger, book: WorkbookData, collector: Collector, tracker: _Tracker
) -> list[TablePlan]:
    """The plan of every sheet in the workbook, in the contract's order."""
    orgs = OrgPlanner(ledger, collector)
    org_sheet = book.sheet(ORGANIZATIONS.name)
    plans = []
    org_plan = orgs.run(org_sheet)
    if org_sheet is not None:
        plans.append(org_plan)
        tracker.tick(len(org_sheet.rows))
    for kind in RECORD_SHEETS:
        sheet = book.sheet(kind.spec.name)
        if sheet is not None:
            plans.append(RecordPlanner(ledger, kind, sheet, orgs, collector).run(tracker.tick))
    return plans


def _write(ledger: Ledger, plans: list[TablePlan], tracker: _Tracker) -> None:
    """Write every plan; organizations first (parents before children), then the records."""
    for plan in plans:
        records.insert_many(ledger, plan.table, plan.inserts)
        records.update_many(ledger, plan.table, plan.updates)
        tracker.tick(len(plan.inserts) + len(plan.updates) + plan.unchanged)
