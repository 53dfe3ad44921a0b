"""Printing a PDF from the window: the system's print dialog, then every page (or the range
chosen) rasterized by PDFium at the printer's resolution and painted on the printer's page.

Pages keep their size: an A4 report prints at its size on A4 paper, with the margins of the
document (the printer is used full-page); on smaller paper a page is scaled down to fit.
Rendering runs on the UI thread (PDFium is not thread-safe) behind a progress dialog with
Cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from desktop_app.errors import StorageError
from desktop_app.gui.pdf_preview import POINTS_PER_INCH, open_pdf, render_page
from desktop_app.gui.worker import JobCancelled
from desktop_app.i18n import _

# Pages are rendered at the printer's resolution, but at most this many dots per inch: text
# is sharp at 300 dpi, and a 1200-dpi A4 page would be a bitmap of half a gigabyte.
MAX_PRINT_DPI = 300

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def new_printer() -> QPrinter:
    """The default printer set up for a report: A4, portrait, the whole sheet."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    return printer


def choose_printer(parent: QWidget | None, path: Path, pages: int) -> QPrinter | None:
    """The system's print dialog for ``path``; the printer chosen, or None if cancelled."""
    printer = new_printer()
    printer.setDocName(path.stem)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print {name}").format(name=path.name))
    dialog.setMinMax(1, max(1, pages))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The page numbers (from 0) the printer's range asks for, within ``count`` pages."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return list(range(first - 1, last))
    return list(range(count))


def print_pdf(
    path: str | Path,
    printer: QPrinter,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Print the PDF at ``path`` on ``printer``; the number of pages printed. Raises
    ``StorageError`` when the file cannot be read or the printer cannot start, and
    ``JobCancelled`` when ``cancelled()`` turns true (the print job is then aborted)."""
    document = open_pdf(path)
    try:
        numbers = pages_to_print(printer, len(document))
        painter = QPainter()
        if not painter.begin(printer):
            raise StorageError(
                _(
                    "The printer {printer} could not be started. Check that it is switched on "
                    "and connected, or choose another printer."
                ).format(printer=printer.printerName() or printer.outputFileName())
            )
        try:
            resolution = printer.resolution()
            dpi = min(resolution, MAX_PRINT_DPI)
            paper = printer.pageRect(QPrinter.Unit.DevicePixel)
            for done, number in enumerate(numbers):
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise JobCancelled()
                if done and not printer.newPage():
                    raise StorageError(_("The printer stopped before the last page."))
                page = document[number]
                try:
                    width, height = page.get_size()
                    image = render_page(page, dpi / POINTS_PER_INCH)
                finally:
                    page.close()
                painter.drawImage(_fit(width, height, resolution, paper), image)
                if progress is not None:
                    progress(done + 1, len(numbers))
        finally:
            painter.end()
    finally:
        document.close()
    return len(numbers)


def _fit(width: float, height: float, resolution: int, paper: QRectF) -> QRectF:
    """Where a page of ``width`` × ``height`` points lies on ``paper``: at its own size, or
    scaled down to fit; centred."""
    target_w = width * resolution / POINTS_PER_INCH
    target_h = height * resolution / POINTS_PER_INCH
    shrink = min(1.0, paper.width() / target_w, paper.height() / target_h)
    target_w, target_h = target_w * shrink, target_h * shrink
    left = paper.left() + (paper.width() - target_w) / 2
    top = paper.top() + (paper.height() - target_h) / 2
    return QRectF(left, top, target_w, target_h)


def print_with_progress(parent: QWidget | None, path: Path, printer: QPrinter) -> int:
    """``print_pdf`` behind a progress dialog whose Cancel aborts the print job."""
    dialog = QProgressDialog(
        _("Printing {name}…").format(name=path.name), _("Cancel"), 0, 0, parent
    )
    dialog.setWindowTitle(_("Party Ledger"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    try:
        return print_pdf(path, printer, progress=on_progress, cancelled=dialog.wasCanceled)
    finally:
        dialog.close()
        dialog.deleteLater()
