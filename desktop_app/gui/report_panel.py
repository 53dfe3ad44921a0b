"""The PDF report of the 报表 page: choose the kind, year, scope, as-of day, language and fonts;
“Generate PDF…” asks where to save and writes the report off the UI thread (a connection of
its own, progress and Cancel); the pages are then shown in the preview, from where the file
opens in the system's viewer or goes to a printer.

The report itself is ``desktop_app.reports.build_report``, as ``party-ledger report`` writes it.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QPushButton, QWidget

import desktop_app.gui.forms  # noqa: F401  (supplies ``_`` to the generated forms)
from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR
from desktop_app.domain.orgtree import OrgTree
from desktop_app.errors import LedgerError, NotFoundError, StorageError, ValidationError
from desktop_app.gui import messages, printing
from desktop_app.gui.forms.ui_report_options import Ui_ReportOptions
from desktop_app.gui.pdf_preview import PdfPreview
from desktop_app.gui.session import Session
from desktop_app.gui.stats_view import scope_reference
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.gui.worker import JobCancelled, run_in_background
from desktop_app.i18n import (
    LANGUAGES,
    _,
    available_languages,
    current_language,
    join_list,
    ngettext,
)
from desktop_app.reports import KINDS, ReportRequest, build_report
from desktop_app.reports.context import KIND_LABELS
from desktop_app.reports.fonts import WINDOWS_FACES, windows_faces_present
from desktop_app.storage import open_ledger

_UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\s]+')
OPTIONS_WIDTH = 340


def kind_notes() -> dict[str, str]:
    return {
        "summary": _(
            "The year's figures in words, tables and charts, for the whole ledger or one "
            "organization and everything under it."
        ),
        "branch": _(
            "Every activity of the year in date order with its attendance, and a sign-off "
            "block: one ledger for each branch in the scope."
        ),
        "creation": _(
            "Targets against achievements, candidates with their milestones, and tasks with "
            "their departments and deadlines."
        ),
    }


class ReportPanel(QWidget):
    generated = Signal(object)
    """The path of a report just written and shown."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPanel")
        self.session = session
        self._tree: OrgTree | None = None
        self._folder: Path | None = None
        self.written: Path | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(12)
        self.options = QFrame(self)
        self.ui = Ui_ReportOptions()
        self.ui.setupUi(self.options)
        self.options.setMaximumWidth(OPTIONS_WIDTH)
        self.options.setMinimumWidth(OPTIONS_WIDTH - 40)
        title_font = self.ui.optionsTitle.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.ui.optionsTitle.setFont(title_font)
        layout.addWidget(self.options, 0)
        self.preview = PdfPreview(self, self._placeholder())
        self.open_button = QPushButton(_("Open in the system viewer"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.setToolTip(_("Open the PDF file in the program this PC uses for PDFs"))
        self.open_button.clicked.connect(self.open_in_viewer)
        self.print_button = QPushButton(_("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setToolTip(_("Print the report"))
        self.print_button.clicked.connect(self.print_report)
        self.preview.add_tool(self.open_button)
        self.preview.add_tool(self.print_button)
        layout.addWidget(self.preview, 1)
        self.errors = FieldErrors()
        self.errors.add("scope", self.ui.scopeBox, self.ui.scopeError)
        self._fill_options()
        self._set_file_actions(False)
        self.ui.generateButton.clicked.connect(self.generate)
        self.ui.kindBox.currentIndexChanged.connect(self._kind_changed)
        self.ui.scopeBox.uidChanged.connect(lambda _uid: self.errors.clear())
        session.yearChanged.connect(self.ui.yearBox.setValue)
        self.setTabOrder(self.ui.generateButton, self.preview.zoom_out_button)
        self.setTabOrder(self.preview.zoom_out_button, self.preview.zoom_box)
        self.setTabOrder(self.preview.zoom_box, self.preview.zoom_in_button)
        self.setTabOrder(self.preview.zoom_in_button, self.open_button)
        self.setTabOrder(self.open_button, self.print_button)

    # ---- the options --------------------------------------------------------------------

    def _fill_options(self) -> None:
        ui = self.ui
        for kind in KINDS:
            ui.kindBox.addItem(_(KIND_LABELS[kind]), kind)
        self._kind_changed()
        ui.yearBox.setRange(MIN_YEAR, MAX_YEAR)
        ui.yearBox.setValue(self.session.year)
        ui.scopeBox.all_label = _("Whole ledger")
        ui.scopeBox.accept = lambda org: org.parent_uid is not None
        ui.scopeBox.setMinimumContentsLength(14)
        ui.asOfBox.setDate(QDate.currentDate())
        for code in available_languages():
            ui.languageBox.addItem(LANGUAGES.get(code, code), code)
        ui.languageBox.setCurrentIndex(max(0, ui.languageBox.findData(current_language())))
        ui.fontsBox.addItem(_("Bundled (WenQuanYi Micro Hei)"), "bundled")
        ui.fontsBox.addItem(_("Windows fonts (SimSun, SimHei, KaiTi, FangSong)"), "windows")
        present = windows_faces_present()
        model = ui.fontsBox.model()
        if isinstance(model, QStandardItemModel):
            model.item(1).setEnabled(bool(present))
        all_faces = list(WINDOWS_FACES)
        if not present:
            note = _(
                "The Windows fonts are not on this PC; the bundled font is embedded, so the "
                "report prints the same everywhere."
            )
        elif len(present) < len(all_faces):
            missing = [name for name in all_faces if name not in present]
            note = _("Missing on this PC: {faces}; the bundled font stands in for them.").format(
                faces=join_list(missing)
            )
        else:
            note = _("Either way the fonts are embedded in the PDF.")
        ui.fontsNote.setText(note)
        ui.fontsBox.setToolTip(note)

    def _kind_changed(self, *args: object) -> None:
        self.ui.kindNote.setText(kind_notes().get(self.kind(), ""))

    def refresh(self, tree: OrgTree) -> None:
        """The organizations changed: reload the scope list, keeping the choice."""
        self._tree = tree
        self.ui.scopeBox.load(tree)
        self.ui.generateButton.setEnabled(tree.root is not None)
        if self.preview.path() is None:
            self.preview.clear(self._placeholder())

    def _placeholder(self) -> str:
        if self._tree is not None and self._tree.root is None:
            return _(
                "This ledger has no organizations yet, so there is nothing to report. Add the "
                "party committee and its organizations on the Organizations page, or import "
                "them with File ▸ Import workbook… (Ctrl+I)."
            )
        return _(
            "Choose the report on the left and press “Generate PDF…”: its pages appear here, "
            "to read, open in your PDF viewer or print."
        )

    def kind(self) -> str:
        return str(self.ui.kindBox.currentData() or KINDS[0])

    def set_kind(self, kind: str) -> None:
        self.ui.kindBox.setCurrentIndex(self.ui.kindBox.findData(kind))

    def as_of(self) -> date:
        day = self.ui.asOfBox.date()
        return date(day.year(), day.month(), day.day())

    def scope(self) -> str | None:
        """The scope as ``party-ledger report --scope`` takes it (None: the whole ledger)."""
        if self._tree is None:
            return None
        return scope_reference(self._tree, self.ui.scopeBox.uid())

    def request(self) -> ReportRequest:
        return ReportRequest(
            year=self.ui.yearBox.value(),
            kind=self.kind(),
            scope=self.scope(),
            as_of=self.as_of(),
            language=str(self.ui.languageBox.currentData() or "") or None,
            fonts=str(self.ui.fontsBox.currentData() or "bundled"),
        )

    def default_file_name(self) -> str:
        """``<kind>-<scope>-<year>.pdf``, e.g. 年度党建工作总结-建筑工程学院党总支-2025.pdf."""
        uid = self.ui.scopeBox.uid()
        tree = self._tree
        if tree is not None and uid in tree.by_uid:
            scope = tree.by_uid[uid].name
        elif tree is not None and tree.root is not None:
            scope = tree.root.name
        else:
            scope = _("ledger")
        name = f"{_(KIND_LABELS[self.kind()])}-{scope}-{self.ui.yearBox.value()}"
        return _UNSAFE_IN_FILE_NAMES.sub("_", name).strip("_") + ".pdf"

    # ---- generating ---------------------------------------------------------------------

    def _ask_target(self) -> Path | None:
        folder = self._folder or self.session.ledger.path.resolve().parent
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the report"),
            str(folder / self.default_file_name()),
            _("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        return target

    def generate(self) -> Path | None:
        """Ask where to save, write the report in the background and show it; the path
        written, or None when the user cancelled or the report was refused (said where)."""
        self.errors.clear()
        target = self._ask_target()
        if target is None:
            return None
        self._folder = target.parent
        request = self.request()
        ledger_path = self.session.ledger.path
        stopped = threading.Event()

        def job(progress: printing.Progress, cancelled: printing.Cancelled) -> Path:
            def cancel() -> bool:
                if cancelled():
                    stopped.set()
                return stopped.is_set()

            with open_ledger(ledger_path, create=False) as ledger:
                return build_report(ledger, request, target, progress=progress, cancel=cancel)

        try:
            written = run_in_background(self, _("Writing the report…"), job)
        except JobCancelled:
            # Cancelled just as the file was written: the user asked for no report.
            target.unlink(missing_ok=True)
            self._status(_("Cancelled; no report was written."))
            return None
        except LedgerError as error:
            if stopped.is_set():
                self._status(_("Cancelled; no report was written."))
            else:
                self._refused(error)
            return None
        self.written = written
        self._status(_("The report was written to {path}.").format(path=written))
        self.show_pdf(written)
        self.generated.emit(written)
        return written

    def _refused(self, error: LedgerError) -> None:
        if isinstance(error, NotFoundError):
            # The organization chosen was renamed or deleted meanwhile.
            error = ValidationError.single(error.message, "scope")
        rest = self.errors.show(error) if isinstance(error, ValidationError) else None
        if rest is None or rest:
            messages.show_error(self, error)
        self._status("")

    def _status(self, text: str) -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setVisible(bool(text))

    def show_pdf(self, path: Path) -> int:
        """Show the PDF at ``path`` in the preview; its number of pages."""
        try:
            count = self.preview.load(path)
        except StorageError as error:
            messages.show_error(self, error)
            return 0
        self._set_file_actions(True)
        return count

    def _set_file_actions(self, enabled: bool) -> None:
        self.open_button.setEnabled(enabled)
        self.print_button.setEnabled(enabled)

    # ---- open, print --------------------------------------------------------------------

    def _shown_file(self) -> Path | None:
        path = self.preview.path()
        if path is None:
            return None
        if not path.is_file():
            messages.show_error(
                self,
                StorageError(
                    _(
                        "The file {path} is no longer there (moved or deleted). Generate the "
                        "report again."
                    ).format(path=path)
                ),
            )
            return None
        return path

    def open_in_viewer(self) -> bool:
        path = self._shown_file()
        if path is None:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        messages.show_error(
            self,
            StorageError(
                _(
                    "No program to show PDF files was found on this PC. Open {path} with a PDF "
                    "viewer, or print it from here."
                ).format(path=path)
            ),
        )
        return False

    def print_report(self) -> int | None:
        """Ask for a printer and print the report shown; the number of pages printed."""
        path = self._shown_file()
        if path is None:
            return None
        printer = printing.choose_printer(self, path, self.preview.page_count())
        if printer is None:
            return None
        try:
            count = printing.print_with_progress(self, path, printer)
        except JobCancelled:
            self._status(_("Printing was cancelled."))
            return None
        except LedgerError as error:
            messages.show_error(self, error)
            return None
        where = printer.printerName() or printer.outputFileName()
        self._status(
            ngettext(
                "{count} page was sent to {printer}.",
                "{count} pages were sent to {printer}.",
                count,
            ).format(count=count, printer=where)
        )
        return count
