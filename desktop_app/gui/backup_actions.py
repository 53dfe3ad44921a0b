"""Backups from the window: “Back up now…”, “Restore from a backup…”, and the automatic
backups at start (when the newest is more than a day old) and at exit.

The work runs off the UI thread through ``worker.run_in_background``; each job opens its own
connection to the ledger file, since an SQLite connection belongs to its thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QWidget

from desktop_app import backup
from desktop_app.errors import LedgerError, RefusedError
from desktop_app.formatting import format_datetime
from desktop_app.gui import messages
from desktop_app.gui.session import Session
from desktop_app.gui.worker import run_in_background
from desktop_app.i18n import _
from desktop_app.storage import Ledger, open_ledger

STATUS_MS = 8000


def _backup_in_background(
    parent: QWidget | None, path: Path, label: str, *, kind: str, at_exit: bool = False
) -> Path | None:
    def job(_progress: object, _cancelled: object) -> Path | None:
        with open_ledger(path, create=False) as ledger:
            if kind == "manual":
                return backup.make_backup(ledger, kind="manual")
            return backup.auto_backup(ledger, at_exit=at_exit)

    return run_in_background(parent, label, job)


def back_up_now(window: QWidget, session: Session) -> Path | None:
    """File ▸ Back up now…: back the ledger up into its backup folder and say where."""
    try:
        written = _backup_in_background(
            window, session.ledger.path, _("Backing up the ledger…"), kind="manual"
        )
    except LedgerError as error:
        messages.show_error(window, error)
        return None
    assert written is not None
    messages.show_info(
        window, _("The ledger was backed up to {path}.").format(path=written), _("Back up now")
    )
    return written


def backup_label(entry: backup.BackupFile) -> str:
    """A backup as the list shows it: when it was made, its size and its file name."""
    return _("{when} — {size} ({name})").format(
        when=format_datetime(entry.made),
        size=QLocale().formattedDataSize(entry.size),
        name=entry.path.name,
    )


def choose_backup(window: QWidget, session: Session) -> Path | None:
    """Ask which backup to restore: this ledger's backups, newest first, or another file."""
    folder = backup.backup_dir(session.ledger)
    entries = list(reversed(backup.list_backups(folder, session.ledger.path.stem)))
    other = _("Another file…")
    labels = [backup_label(e) for e in entries]
    if entries:
        text, chosen = QInputDialog.getItem(
            window,
            _("Restore from a backup"),
            _("Backups in {folder}, newest first:").format(folder=folder),
            [*labels, other],
            0,
            False,
        )
        if not chosen:
            return None
        if text in labels:
            return entries[labels.index(text)].path
    path, _filter = QFileDialog.getOpenFileName(
        window,
        _("Restore from a backup"),
        str(folder if folder.is_dir() else session.ledger.path.parent),
        _("Ledger files ({patterns})").format(patterns="*.sqlite *.db"),
    )
    return Path(path) if path else None


def restore_backup(window: QMainWindow, session: Session) -> Path | None:
    """File ▸ Restore from a backup…: choose, confirm, restore (the current ledger is kept
    aside), then show the restored ledger. Returns the copy set aside."""
    if session.read_only:
        messages.show_error(window, RefusedError(session.read_only_reason))
        return None
    chosen = choose_backup(window, session)
    if chosen is None:
        return None
    ledger_path = session.ledger.path
    if not messages.confirm(
        window,
        _("Replace the ledger with the backup {name}?").format(name=chosen.name),
        _("Restore"),
        detail=_(
            "Everything entered since that backup is replaced. The ledger as it is now is "
            "kept in a copy beside it, so nothing is lost."
        ),
        destructive=True,
    ):
        return None

    def job(_progress: object, _cancelled: object) -> Path | None:
        return backup.restore(ledger_path, chosen)

    try:
        aside = run_in_background(window, _("Restoring the ledger…"), job)
    except LedgerError as error:
        messages.show_error(window, error)
        return None
    switch = getattr(window, "switch_ledger", None)
    if switch is not None:
        switch(ledger_path, create=False)
    else:
        session.notify_changed()
    messages.show_info(
        window,
        _("The ledger was restored from {backup}. The ledger as it was is kept at {path}.").format(
            backup=chosen, path=aside
        ),
        _("Restore from a backup"),
    )
    return aside


def auto_backup(
    ledger: Ledger,
    *,
    at_exit: bool = False,
    parent: QMainWindow | None = None,
) -> Path | None:
    """The automatic backup: at start when the newest backup is older than a day, at exit
    always. With a ``parent`` window it runs in the background and a failure is shown (in the
    status bar at start, in a dialog at exit) instead of raised. Returns the file written."""
    if parent is None:
        return backup.auto_backup(ledger, at_exit=at_exit)
    try:
        return _backup_in_background(
            parent, ledger.path, _("Backing up the ledger…"), kind="daily", at_exit=at_exit
        )
    except LedgerError as error:
        if at_exit:
            messages.show_error(parent, error, _("The automatic backup failed"))
        else:
            parent.statusBar().showMessage(
                _("The automatic backup failed: {message}").format(message=error.message),
                STATUS_MS,
            )
        return None
