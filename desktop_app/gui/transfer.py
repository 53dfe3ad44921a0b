"""The File menu's transfers: import a workbook (previewed first), export the ledger, export
the empty template.

Every one of them runs off the UI thread (``worker.run_in_background``) on a connection of its
own to the ledger file. An import is checked and shown first and writes nothing until the user
confirms; a cancelled import leaves the ledger as it was (the importer writes all or nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop_app.errors import LedgerError, RefusedError, ValidationError
from desktop_app.gui import messages
from desktop_app.gui.import_preview import ImportPreviewDialog
from desktop_app.gui.session import Session
from desktop_app.gui.worker import Cancelled, Job, JobCancelled, Progress, run_in_background
from desktop_app.i18n import _
from desktop_app.storage import open_ledger
from desktop_app.workbook import exporter, importer, template
from desktop_app.workbook.report import ImportReport
from desktop_app.workbook.report_text import format_import_report

WORKBOOK_SUFFIX = ".xlsx"
FOLDER_KEY = "transfer/folder"


# ---- import ---------------------------------------------------------------------------------


def import_workbook(window: QWidget, session: Session) -> ImportReport | None:
    """File ▸ Import workbook: choose a file, preview it, import it if the user confirms.
    Returns the report of a completed import, else None."""
    if session.read_only:
        messages.show_error(window, RefusedError(session.read_only_reason))
        return None
    path = choose_workbook(window)
    if path is None:
        return None
    return import_file(window, session, path)


def choose_workbook(window: QWidget) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        window,
        _("Import a workbook"),
        str(_last_folder(window)),
        ";;".join(
            (
                _("Excel workbooks ({patterns})").format(patterns="*.xlsx"),
                _("All files ({patterns})").format(patterns="*"),
            )
        ),
    )
    if not name:
        return None
    path = Path(name)
    _remember_folder(window, path.parent)
    return path


def import_file(window: QWidget, session: Session, path: Path) -> ImportReport | None:
    """Preview ``path`` in the background, show the preview, and import it in the background
    when the user confirms; tell the user how it went."""
    ledger_path = session.ledger.path
    report: ImportReport | None = None
    faults: ValidationError | None = None
    try:
        report = run_in_background(
            window,
            _("Checking {name}…").format(name=path.name),
            workbook_job(ledger_path, path, write=False),
        )
    except JobCancelled:
        return None
    except ValidationError as error:
        if not any(f.sheet for f in error.faults):
            # Not a fault of a cell: the file itself cannot be read (missing, .xls, damaged).
            messages.show_error(window, error, title=_("Import a workbook"))
            return None
        faults = error
    except LedgerError as error:
        messages.show_error(window, error, title=_("Import a workbook"))
        return None
    dialog = ImportPreviewDialog(path, report, faults, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.can_import():
            return None
    finally:
        dialog.deleteLater()
    try:
        done = run_in_background(
            window,
            _("Importing {name}…").format(name=path.name),
            workbook_job(ledger_path, path, write=True),
        )
    except JobCancelled:
        messages.show_info(
            window, _("The import was cancelled; nothing was changed."), title=_("Import")
        )
        return None
    except LedgerError as error:
        # The workbook changed since the preview, or the ledger is locked or read-only.
        messages.show_error(window, error, title=_("Import a workbook"))
        return None
    session.notify_changed()
    messages.show_info(window, format_import_report(done), title=_("Import"))
    return done


def workbook_job(ledger_path: Path, path: Path, *, write: bool) -> Job[ImportReport]:
    """Preview (``write=False``) or import the workbook at ``path`` into the ledger file at
    ``ledger_path``, on a connection of the worker's own; a cancel becomes ``JobCancelled``."""

    def job(progress: Progress, cancelled: Cancelled) -> ImportReport:
        run = importer.import_workbook if write else importer.preview_workbook
        with open_ledger(ledger_path, create=False) as ledger:
            try:
                return run(ledger, path, progress=progress, cancel=cancelled)
            except RefusedError:
                if cancelled():
                    raise JobCancelled() from None
                raise

    return job


# ---- exports --------------------------------------------------------------------------------


def export_ledger(window: QWidget, session: Session) -> Path | None:
    """File ▸ Export ledger: every record not in the recycle bin, as a workbook of the
    contract. Returns the file written, or None."""
    suggested = _("{ledger} ledger {date}").format(
        ledger=session.ledger.path.stem, date=date.today().isoformat()
    )
    path = choose_target(window, _("Export the ledger"), suggested)
    if path is None:
        return None
    ledger_path = session.ledger.path

    def write(target: Path) -> None:
        with open_ledger(ledger_path, create=False) as ledger:
            exporter.export_workbook(ledger, target)

    return _export(window, path, _("Exporting the ledger to {name}…"), write)


def export_template(window: QWidget) -> Path | None:
    """File ▸ Export template: the empty workbook to fill in and import."""
    path = choose_target(window, _("Export the import template"), _("Party Ledger template"))
    if path is None:
        return None
    return _export(window, path, _("Writing the template {name}…"), template.export_template)


def choose_target(window: QWidget, title: str, suggested: str) -> Path | None:
    """A save dialog for a workbook, suggesting ``suggested`` (.xlsx added) in the folder
    last used; the name chosen always ends in .xlsx."""
    name, _filter = QFileDialog.getSaveFileName(
        window,
        title,
        str(_last_folder(window) / _safe_file_name(suggested + WORKBOOK_SUFFIX)),
        _("Excel workbooks ({patterns})").format(patterns="*.xlsx"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != WORKBOOK_SUFFIX:
        path = path.with_name(path.name + WORKBOOK_SUFFIX)
    _remember_folder(window, path.parent)
    return path


def _export(window: QWidget, path: Path, label: str, write: Callable[[Path], None]) -> Path | None:
    written: list[Path] = []

    def job(progress: Progress, cancelled: Cancelled) -> Path:
        if cancelled():
            raise JobCancelled()
        write(path)
        written.append(path)
        return path

    try:
        run_in_background(window, label.format(name=path.name), job)
    except JobCancelled:
        if not written:
            messages.show_info(window, _("The export was cancelled; no file was written."))
            return None
        # The file was complete before the cancel could stop it: it is there all the same.
    except LedgerError as error:
        messages.show_error(window, error, title=_("Export"))
        return None
    show_saved(window, path)
    return path


def show_saved(parent: QWidget | None, path: Path) -> None:
    """Say where the workbook was saved, with a button that opens its folder."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Party Ledger"))
    box.setText(_("Saved {name}.").format(name=path.name))
    box.setInformativeText(_("In the folder {folder}").format(folder=path.parent))
    folder = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
    done = box.addButton(_("Done"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(done)
    box.setEscapeButton(done)
    box.exec()
    if box.clickedButton() is folder:
        messages.open_folder(path.parent)


# ---- the folder last used -------------------------------------------------------------------


def _settings(window: QWidget | None) -> QSettings | None:
    settings = getattr(window, "settings", None)
    return settings if isinstance(settings, QSettings) else None


def _last_folder(window: QWidget | None) -> Path:
    settings = _settings(window)
    if settings is not None:
        saved = settings.value(FOLDER_KEY)
        if saved and Path(str(saved)).is_dir():
            return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def _remember_folder(window: QWidget | None, folder: Path) -> None:
    settings = _settings(window)
    if settings is not None:
        settings.setValue(FOLDER_KEY, str(folder))


def _safe_file_name(name: str) -> str:
    """``name`` without the characters Windows refuses in a file name."""
    return "".join("_" if c in '<>:"/\\|?*' else c for c in name)
