"""Starting the window: the Qt application, the bundled font, the icon, the style and the
ledger file; ``--screenshot`` renders every page to PNG files and exits.

Opening the ledger (``open_for_window``) takes its writer lock — when another program or
computer holds it the ledger opens read-only and the window says who is writing — and runs
SQLite's quick check; a damaged ledger is offered its newest good backup."""

from __future__ import annotations

import sqlite3
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app import __version__
from desktop_app.errors import LedgerError, StorageError
from desktop_app.i18n import LANG_ENV, _, current_language, set_language
from desktop_app.paths import resource
from desktop_app.storage.ledger import Ledger, open_ledger, quick_check
from desktop_app.storage.writer_lock import REFRESH_EVERY, Holder, WriterLock, acquire

ORGANIZATION = "PartyLedger"
APPLICATION = "PartyLedger"
FONT_FILE = ("fonts", "WenQuanYiMicroHei.ttf")
FALLBACK_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"]

# The automatic backup at start waits this long after the window is shown.
START_BACKUP_DELAY_MS = 3000


def register_font() -> str | None:
    """Register the bundled Chinese font and put it after the platform's own UI font, so
    Chinese renders on a machine without a Chinese font and looks native where there is one.
    Returns the family registered, or None if the file could not be loaded."""
    font_id = QFontDatabase.addApplicationFont(str(resource(*FONT_FILE)))
    if font_id < 0:
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = QGuiApplication.font()
    installed = set(QFontDatabase.families())
    preferred = [f for f in FALLBACK_FAMILIES if f in installed]
    font.setFamilies([font.family(), *preferred, family])
    QGuiApplication.setFont(font)
    return family


LANGUAGE_KEY = "interface/language"
_QT_LOCALES = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en"}


def install_qt_translations(app: QApplication) -> QTranslator | None:
    """Qt's own texts (the buttons of file dialogs, a text field's context menu, the calendar)
    in the interface language, from the catalogs PySide6 ships."""
    for old in app.findChildren(QTranslator, "qtbase"):
        app.removeTranslator(old)
        old.deleteLater()
    translator = QTranslator(app)
    translator.setObjectName("qtbase")
    locale = QLocale(_QT_LOCALES.get(current_language(), "en"))
    QLocale.setDefault(locale)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    translator.deleteLater()
    return None


def choose_language(explicit: str | None) -> str:
    """The interface language: ``--lang``, else ``$PARTY_LEDGER_LANG``, else the choice saved
    on the Settings page, else 简体中文."""
    import os

    from desktop_app.gui.settings import user_settings

    if explicit or os.environ.get(LANG_ENV):
        return set_language(explicit)
    saved = user_settings().value(LANGUAGE_KEY)
    return set_language(str(saved) if saved else None)


def app_icon() -> QIcon:
    icon = QIcon(str(resource("icons", "app.svg")))
    icon.addFile(str(resource("icons", "app.png")))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    """The ``QApplication`` with the settings every window of Party Ledger relies on."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setApplicationDisplayName(_("Party Ledger"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    app.setWindowIcon(app_icon())
    install_qt_translations(app)
    register_font()
    style = resource("style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


@dataclass
class OpenedLedger:
    """The ledger as the window opened it. ``ledger`` is None when the file is too damaged
    to open at all; ``lock`` is the writer lock this window holds (None when read-only or
    when the folder does not allow a lock file); ``holder`` who is writing instead of us;
    ``problems`` what the quick check found (empty when the file is sound)."""

    path: Path
    ledger: Ledger | None
    lock: WriterLock | None = None
    holder: Holder | None = None
    problems: list[str] = field(default_factory=list)

    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _is_damaged(error: StorageError) -> bool:
    """The file could not be opened because it is damaged (not a lock or a permission)."""
    from desktop_app.errors import _environment_kind

    cause = error.__cause__
    return isinstance(cause, sqlite3.DatabaseError) and _environment_kind(cause) == "damaged"


def file_stamp(path: Path) -> str | None:
    """The size and modification time of the ledger file, or None when it cannot be told or a
    write-ahead log with content is beside it (the last program did not close it cleanly)."""
    try:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_size}:{stat.st_mtime_ns}"


def open_for_window(
    db_path: Path, *, create: bool = True, sound_stamp: str | None = None
) -> OpenedLedger:
    """Open the ledger for the window: take the writer lock (or, when another program holds
    it, open read-only with a reason that names who), then run the quick check — unless the
    file's ``file_stamp`` is still ``sound_stamp``, the stamp it had when this program last
    closed it cleanly after checking it (a large ledger takes a while to check). A file too
    damaged to open comes back with ``ledger`` None and the problem, so the caller can offer
    a backup; any other ``LedgerError`` propagates (and the lock is given back)."""
    path = Path(db_path).expanduser().resolve()
    unchanged = sound_stamp is not None and file_stamp(path) == sound_stamp
    lock: WriterLock | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        taken = acquire(path)
    except OSError:  # a read-only folder: no lock file, the ledger opens as it can
        taken = None
    if isinstance(taken, Holder):
        ledger = open_ledger(path, create=False, read_only=True)
        ledger.read_only_reason = taken.read_only_reason()
        problems = [] if unchanged else quick_check(ledger)
        return OpenedLedger(path, ledger, holder=taken, problems=problems)
    lock = taken
    try:
        ledger = open_ledger(path, create=create)
    except StorageError as error:
        if _is_damaged(error):
            return OpenedLedger(path, None, lock, problems=[error.message])
        if lock is not None:
            lock.release()
        raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return OpenedLedger(path, ledger, lock, problems=[] if unchanged else quick_check(ledger))


def newest_good_backup_of(opened: OpenedLedger) -> Path | None:
    """The newest backup of the ledger that passes its own quick check, or None."""
    from desktop_app import backup

    folder: Path | None = None
    if opened.ledger is not None:
        try:
            folder = backup.backup_dir(opened.ledger)
        except (sqlite3.Error, LedgerError):  # the setting itself may be in the damage
            folder = None
    folder = folder or opened.path.parent / "backups"
    return backup.newest_good_backup(folder, opened.path.stem)


def restore_backup(opened: OpenedLedger, backup_file: Path) -> Path | None:
    """Put ``backup_file`` in place of the damaged ledger and open it again. The damaged file
    is kept aside (returned); the writer lock stays held throughout."""
    from desktop_app import backup

    if opened.ledger is not None:
        opened.ledger.close()
        opened.ledger = None
    aside = backup.restore(opened.path, backup_file)
    opened.ledger = open_ledger(opened.path, create=False)
    opened.problems = quick_check(opened.ledger)
    return aside


def _damaged_text(opened: OpenedLedger) -> str:
    shown = opened.problems[:5]
    more = len(opened.problems) - len(shown)
    lines = "\n".join(f"  • {p}" for p in shown)
    if more > 0:
        lines += "\n" + _("  … and {count} more").format(count=more)
    return _(
        "The ledger {path} is damaged: SQLite's check found these problems:\n{problems}"
    ).format(path=opened.path, problems=lines)


def ask_about_damage(parent: QWidget | None, opened: OpenedLedger) -> tuple[str, Path | None]:
    """Tell the user the ledger is damaged and ask what to do: ``restore`` (the newest good
    backup, returned too), ``read_only`` (look at the damaged file without changing it),
    ``folder`` (open the ledger's folder) or ``quit``."""
    good = newest_good_backup_of(opened) if opened.holder is None else None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_("Party Ledger"))
    box.setText(_damaged_text(opened))
    buttons: dict[object, str] = {}
    if good is not None:
        box.setInformativeText(
            _(
                "The newest good backup is {file}. Restoring it replaces the damaged ledger; "
                "the damaged file is kept beside it. Changes made since that backup are lost."
            ).format(file=good.name)
        )
        restore = box.addButton(_("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        buttons[restore] = "restore"
        box.setDefaultButton(restore)
    elif opened.holder is not None:
        box.setInformativeText(
            _(
                "{holder} is writing to it, so it cannot be restored from here. Ask them to "
                "close Party Ledger and restore the newest backup."
            ).format(holder=opened.holder.describe())
        )
    else:
        box.setInformativeText(
            _(
                "No good backup of this ledger was found in its backup folder. Close Party "
                "Ledger, look in the ledger's folder for a copy (a backup on a USB drive, or a "
                "file named “.before-…”), and restore it with “party-ledger restore FILE”; "
                "or ask your IT office to recover the file."
            )
        )
    if opened.ledger is not None:
        buttons[box.addButton(_("Open read-only"), QMessageBox.ButtonRole.ActionRole)] = "read_only"
    buttons[box.addButton(_("Open the folder"), QMessageBox.ButtonRole.ActionRole)] = "folder"
    quit_button = box.addButton(_("Quit"), QMessageBox.ButtonRole.RejectRole)
    buttons[quit_button] = "quit"
    box.setEscapeButton(quit_button)
    box.exec()
    choice = buttons.get(box.clickedButton(), "quit")
    return choice, good if choice == "restore" else None


def _settle_damage(opened: OpenedLedger) -> bool:
    """Deal with a damaged ledger before the window opens; False when the window should not
    open. Read-only: another program writes to it, so nothing is restored from here."""
    from desktop_app.gui.messages import open_folder, show_error, show_info

    choice, good = ask_about_damage(None, opened)
    if choice == "restore" and good is not None and opened.holder is None:
        try:
            aside = restore_backup(opened, good)
        except LedgerError as error:
            show_error(None, error)
            return False
        show_info(
            None,
            _("The backup {file} was restored. The damaged ledger was kept as {aside}.").format(
                file=good.name, aside=aside.name if aside else "—"
            ),
        )
        return True
    if choice == "read_only" and opened.ledger is not None:
        if not opened.ledger.read_only:
            opened.ledger.close()
            opened.ledger = open_ledger(opened.path, create=False, read_only=True)
            opened.ledger.read_only_reason = _(
                "This ledger is damaged and was opened read-only so that nothing makes it "
                "worse. Restore a backup to make changes."
            )
        return True
    if choice == "folder":
        open_folder(opened.path.parent)
    return False


def run(
    db_path: Path,
    screenshot_dir: Path | None = None,
    year: int | None = None,
    language: str | None = None,
) -> int:
    """Open the window on the ledger at ``db_path`` (created when missing); with
    ``screenshot_dir``, render every page there and exit instead."""
    from desktop_app.gui.messages import install_excepthook

    choose_language(language)
    app = make_application()
    windows: list[QWidget] = []
    previous_hook = sys.excepthook
    install_excepthook(lambda: windows[0] if windows else None)
    try:
        return _open_window(app, db_path, screenshot_dir, year, windows)
    finally:
        sys.excepthook = previous_hook


def _open_window(
    app: QApplication,
    db_path: Path,
    screenshot_dir: Path | None,
    year: int | None,
    windows: list[QWidget],
) -> int:
    from desktop_app.gui.mainwindow import MainWindow
    from desktop_app.gui.messages import show_error, show_info
    from desktop_app.gui.settings import user_settings

    if screenshot_dir is not None:
        try:
            ledger = open_ledger(db_path, create=False)
        except LedgerError as error:
            print(error.message, file=sys.stderr)
            return 2
        from desktop_app.gui.screenshot import save_screenshots

        window = MainWindow(ledger, settings=user_settings(), year=year)
        windows.append(window)
        for path in save_screenshots(window, screenshot_dir):
            print(path)
        window.close()
        ledger.close()
        return 0

    settings = user_settings()
    stamp_key = _stamp_key(db_path)
    try:
        opened = open_for_window(db_path, sound_stamp=settings.value(stamp_key, None, str))
    except LedgerError as error:
        show_error(None, error)
        return 2
    closed_cleanly = False
    try:
        if opened.problems and not _settle_damage(opened):
            return 2
        ledger = opened.ledger
        if ledger is None:
            return 2
        if opened.holder is not None:
            show_info(None, ledger.read_only_reason)
        window = MainWindow(ledger, settings=settings, year=year)
        windows.append(window)
        if opened.lock is not None:
            heartbeat = QTimer(window)
            heartbeat.setInterval(int(REFRESH_EVERY.total_seconds() * 1000))
            heartbeat.timeout.connect(opened.lock.refresh)
            heartbeat.start()
        window.show()
        if not ledger.read_only:
            # Once the window is up and painted: the first seconds are the secretary's.
            QTimer.singleShot(START_BACKUP_DELAY_MS, lambda: _auto_backup(ledger, window))
        code = app.exec()
        if not window.session.read_only:  # the ledger in view when the window closed
            _auto_backup(window.session.ledger, None)
        switched = getattr(window, "_opened", None)
        if switched is not None:  # a ledger opened later from the File menu
            switched.close()
        closed_cleanly = switched is None and not ledger.read_only and not opened.problems
        return code
    finally:
        opened.close()
        if closed_cleanly:  # checked at start (or unchanged since), then only written by us
            settings.setValue(stamp_key, file_stamp(opened.path) or "")
            settings.sync()


def _auto_backup(ledger: Ledger, window: QWidget | None) -> None:
    """The automatic backup at start (in the background, behind ``window``) or at exit."""
    from desktop_app.gui import backup_actions

    if window is None:
        backup_actions.auto_backup(ledger, at_exit=True)
    else:
        backup_actions.auto_backup(ledger, parent=window)  # type: ignore[arg-type]


def _stamp_key(db_path: Path) -> str:
    """The settings key of a ledger's ``file_stamp`` at its last clean close."""
    path = str(Path(db_path).expanduser().resolve())
    return f"checked/{zlib.crc32(path.encode('utf-8')):08x}-{len(path)}"
