"""Friendly dialogs: a refused action, a question, and the crash dialog for bugs.

A ``LedgerError`` (the user's mistake or the environment) is shown in the interface language
with every fault listed; nothing else reaches the secretary except through ``show_crash``,
which names the log file and offers to open its folder.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.crashlog import write_crash_log
from desktop_app.errors import LedgerError
from desktop_app.i18n import _
from desktop_app.paths import log_dir

MAX_FAULTS_SHOWN = 30


def fault_lines(error: LedgerError) -> list[str]:
    lines = [str(f) for f in error.faults if str(f) != error.message]
    if len(lines) > MAX_FAULTS_SHOWN:
        rest = len(lines) - MAX_FAULTS_SHOWN
        lines = [*lines[:MAX_FAULTS_SHOWN], _("… and {count} more.").format(count=rest)]
    return lines


def show_error(parent: QWidget | None, error: LedgerError, title: str | None = None) -> None:
    """Show a refused action: the message, then every fault (in the details when many)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _("Party Ledger"))
    box.setText(error.message)
    lines = fault_lines(error)
    if len(lines) <= 8:
        if lines:
            box.setInformativeText("\n".join(lines))
    else:
        box.setInformativeText(_("See the details for every problem found."))
        box.setDetailedText("\n".join(lines))
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, text: str, title: str | None = None) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title or _("Party Ledger"))
    box.setText(text)
    box.addButton(_("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def confirm(
    parent: QWidget | None,
    text: str,
    yes: str,
    *,
    detail: str = "",
    title: str | None = None,
    destructive: bool = False,
) -> bool:
    """Ask before doing ``yes`` (a verb such as “Delete”); True when the user agrees. The
    safe answer is the default button."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title or _("Party Ledger"))
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel if destructive else accept)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def ask_unsaved(parent: QWidget | None) -> str:
    """A dialog with unsaved changes is closing: ``save``, ``discard`` or ``cancel``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Unsaved changes"))
    box.setText(_("Save the changes you made?"))
    save = box.addButton(_("Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def open_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_crash(parent: QWidget | None, exc: BaseException) -> Path | None:
    """The crash path: log the bug with its traceback and say so, with a button that opens the
    log folder. Returns the log file."""
    log = write_crash_log(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Party Ledger"))
    box.setText(
        _(
            "Party Ledger met an internal error. What you saved before is safe; the step that "
            "failed was not written."
        )
    )
    if log:
        box.setInformativeText(
            _(
                "Details were written to {path}; please send that file to your support contact."
            ).format(path=log)
        )
    folder = box.addButton(_("Open log folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    if box.clickedButton() is folder:
        open_folder(log.parent if log else log_dir())
    return log


def install_excepthook(parent_getter: object = None) -> None:
    """Route uncaught exceptions in slots and event handlers to the crash dialog; a
    ``LedgerError`` that escaped a handler is still shown as a friendly message."""

    showing: list[bool] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if showing:
            # A dialog is open and its event loop met another error (a handler that fails at
            # every paint, say): log it, but never stack dialog upon dialog.
            write_crash_log(exc)
            return
        parent = parent_getter() if callable(parent_getter) else None
        showing.append(True)
        try:
            if isinstance(exc, LedgerError):
                show_error(parent, exc)
            else:
                show_crash(parent, exc)
        except Exception:  # the dialog itself failed: at least keep the traceback
            traceback.print_exception(kind, exc, tb)
        finally:
            showing.clear()

    sys.excepthook = hook
