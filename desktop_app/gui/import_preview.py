"""The import preview: what importing a workbook would change, sheet by sheet, its warnings,
and, when it cannot be imported, every fault with its sheet, row and column. Nothing has been
written when it shows; the Import button is only enabled when there is something to import and
no fault."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QWidget

import desktop_app.gui.forms  # noqa: F401  (supplies ``_`` to the generated forms)
from desktop_app.errors import Fault, ValidationError
from desktop_app.formatting import format_number
from desktop_app.gui.forms.ui_import_preview import Ui_ImportPreviewDialog
from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, _, ngettext
from desktop_app.workbook.contract import SHEETS
from desktop_app.workbook.report import ImportReport, SheetCounts

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
# Past this many rows, rows keep one line each (sizing every row to its text gets slow).
WRAP_ROWS_UP_TO = 300


class CountsModel(RowsModel[tuple[str, SheetCounts]]):
    """Per sheet: how many records the import adds, updates and leaves as they are."""

    HEADERS = (N_("Sheet"), N_("To add"), N_("To update"), N_("Unchanged"))
    FIELDS = ("", "added", "updated", "unchanged")
    sort_role = SORT_ROLE

    def __init__(self, report: ImportReport | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        if report is not None:
            self.load(report.sheets.items())

    def sort_value(self, row: tuple[str, SheetCounts], column: int) -> Any:
        sheet, counts = row
        return sheet if column == 0 else counts[self.FIELDS[column]]

    def display(self, row: tuple[str, SheetCounts], column: int) -> str:
        value = self.sort_value(row, column)
        return value if column == 0 else format_number(value)

    def alignment(self, row: tuple[str, SheetCounts], column: int) -> int:
        return LEFT if column == 0 else RIGHT

    def tooltip(self, row: tuple[str, SheetCounts], column: int) -> str:
        sheet, counts = row
        return _("{sheet}: {added} to add, {updated} to update, {unchanged} unchanged").format(
            sheet=sheet,
            added=format_number(counts.added),
            updated=format_number(counts.updated),
            unchanged=format_number(counts.unchanged),
        )


class FaultsModel(RowsModel[Fault]):
    """Faults (or warnings) of a workbook: sheet, row, column and what is wrong."""

    HEADERS = (N_("Sheet"), N_("Row"), N_("Column"), N_("Problem"))
    MESSAGE = 3
    sort_role = SORT_ROLE

    def __init__(self, faults: Sequence[Fault] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.load(faults)

    def faults(self) -> list[Fault]:
        return list(self._rows)

    @staticmethod
    def _raw(fault: Fault, column: int) -> Any:
        return (fault.sheet, fault.row, fault.column, fault.message)[column]

    def display(self, fault: Fault, column: int) -> str:
        raw = self._raw(fault, column)
        return "" if raw is None else str(raw)

    def sort_value(self, fault: Fault, column: int) -> Any:
        # Row numbers sort as numbers; a fault without a row sorts first.
        if column == 1:
            return -1 if fault.row is None else int(fault.row)
        return self.display(fault, column)

    def alignment(self, fault: Fault, column: int) -> int:
        return RIGHT if column == 1 else LEFT

    def tooltip(self, fault: Fault, column: int) -> str:
        return str(fault)


def sorting_proxy(model: QAbstractTableModel, parent: Any) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSourceModel(model)
    return proxy


class ImportPreviewDialog(QDialog):
    """Shows ``report`` (the preview of a good workbook) or ``error`` (every fault of a bad
    one). Accepted means: import it."""

    def __init__(
        self,
        path: Path,
        report: ImportReport | None,
        error: ValidationError | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.path = path
        self.report = report
        self.error = error
        self.counts = CountsModel(report, self)
        self.fault_model = FaultsModel(error.faults if error else (), self)
        self.warning_model = FaultsModel(report.warnings if report else (), self)
        self._show_table(self.ui.countsView, self.counts, stretch=0)
        self._show_table(self.ui.faultsView, self.fault_model, stretch=FaultsModel.MESSAGE)
        self._show_table(self.ui.warningsView, self.warning_model, stretch=FaultsModel.MESSAGE)
        self.import_button = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("&Import"))
        self.import_button.setObjectName("importButton")
        cancel = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Cancel"))
        cancel.setObjectName("cancelButton")
        self.ui.copyButton.clicked.connect(self.copy_list)
        self._fill()

    # ---- what is shown ------------------------------------------------------------------

    def can_import(self) -> bool:
        return self.error is None and self.report is not None and self.report.changed

    def _fill(self) -> None:
        self.ui.fileLabel.setText(
            _("Workbook: {name} ({folder})").format(name=self.path.name, folder=self.path.parent)
        )
        self.ui.summaryLabel.setText(self.summary())
        has_faults = self.fault_model.rowCount() > 0
        self.ui.summaryLabel.setProperty("role", "fieldError" if has_faults else "")
        self.ui.countsGroup.setVisible(self.report is not None and bool(self.report.sheets))
        self.ui.faultsGroup.setVisible(has_faults)
        self.ui.faultsGroup.setTitle(
            ngettext(
                "{count} problem to correct in the workbook",
                "{count} problems to correct in the workbook",
                self.fault_model.rowCount(),
            ).format(count=self.fault_model.rowCount())
        )
        self.ui.warningsGroup.setVisible(self.warning_model.rowCount() > 0)
        self.ui.copyButton.setVisible(has_faults or self.warning_model.rowCount() > 0)
        self.import_button.setEnabled(self.can_import())
        if self.can_import():
            self.import_button.setDefault(True)
            self.import_button.setFocus()
        else:
            self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Close"))
        rows = self.counts.rowCount()
        if rows:
            view = self.ui.countsView
            height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
            view.setFixedHeight(height + sum(view.rowHeight(r) for r in range(rows)) + 2)
        layout = self.ui.mainLayout
        layout.setStretchFactor(self.ui.faultsGroup, 2)
        layout.setStretchFactor(self.ui.warningsGroup, 1)
        if not has_faults and self.warning_model.rowCount() == 0:
            # Only the counts: a compact dialog, the buttons right under them.
            layout.insertStretch(layout.indexOf(self.ui.buttonRow), 1)
            self.setMinimumHeight(0)
            self.resize(max(self.minimumWidth(), 760), self.sizeHint().height())

    def summary(self) -> str:
        if self.error is not None:
            count = len(self.error.faults)
            return ngettext(
                "The workbook cannot be imported: it has {count} problem, listed below with its "
                "sheet, row and column. Nothing has been written. Correct it in the workbook, "
                "save it, and import it again.",
                "The workbook cannot be imported: it has {count} problems, listed below with "
                "their sheet, row and column. Nothing has been written. Correct them in the "
                "workbook, save it, and import it again.",
                count,
            ).format(count=count)
        report = self.report
        if report is None or not report.sheets:
            return _(
                "The workbook has none of the sheets to import ({sheets}). Export the template "
                "(File menu) to see the sheets and headers it needs."
            ).format(sheets="、".join(spec.name for spec in SHEETS))
        added = sum(c.added for c in report.sheets.values())
        updated = sum(c.updated for c in report.sheets.values())
        unchanged = sum(c.unchanged for c in report.sheets.values())
        if not report.changed:
            text = ngettext(
                "Importing this workbook would change nothing: its {count} record is already "
                "in the ledger as it is.",
                "Importing this workbook would change nothing: its {count} records are already "
                "in the ledger as they are.",
                unchanged,
            ).format(count=format_number(unchanged))
        else:
            text = _(
                "Nothing has been written yet. Importing adds {added} records and updates "
                "{updated}; {unchanged} are already in the ledger as they are. Press Import to "
                "write them."
            ).format(
                added=format_number(added),
                updated=format_number(updated),
                unchanged=format_number(unchanged),
            )
        if report.warnings:
            text += " " + ngettext(
                "Check the warning below first.",
                "Check the {count} warnings below first.",
                len(report.warnings),
            ).format(count=len(report.warnings))
        return text

    def _show_table(self, view: QTableView, model: QAbstractTableModel, stretch: int) -> None:
        view.setModel(sorting_proxy(model, self))
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the order given: sheet, then row
        header = view.horizontalHeader()
        for column in range(model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        if model.rowCount() <= WRAP_ROWS_UP_TO:
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            view.setWordWrap(False)

    def list_text(self) -> str:
        """Every fault and warning as lines of text (what Copy puts on the clipboard)."""
        lines = [str(f) for f in self.fault_model.faults()]
        warnings = self.warning_model.faults()
        if warnings:
            if lines:
                lines.append("")
            lines.append(_("Warnings:"))
            lines += [str(w) for w in warnings]
        return "\n".join(lines)

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.list_text())
