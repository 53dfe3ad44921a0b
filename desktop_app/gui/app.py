"""Starting the window: the Qt application, the bundled font, the icon, the style and the
ledger file; ``--screenshot`` renders every page to PNG files and exits."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app import __version__
from desktop_app.errors import LedgerError
from desktop_app.i18n import LANG_ENV, _, current_language, set_language
from desktop_app.paths import resource

ORGANIZATION = "PartyLedger"
APPLICATION = "PartyLedger"
FONT_FILE = ("fonts", "WenQuanYiMicroHei.ttf")
FALLBACK_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC"]


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
    from desktop_app.gui.messages import show_error
    from desktop_app.gui.settings import user_settings
    from desktop_app.storage import open_ledger

    try:
        ledger = open_ledger(db_path, create=screenshot_dir is None)
    except LedgerError as error:
        if screenshot_dir is None:
            show_error(None, error)
        else:
            print(error.message, file=sys.stderr)
        return 2
    window = MainWindow(ledger, settings=user_settings(), year=year)
    windows.append(window)
    if screenshot_dir is not None:
        from desktop_app.gui.screenshot import save_screenshots

        for path in save_screenshots(window, screenshot_dir):
            print(path)
        window.close()
        ledger.close()
        return 0
    window.show()
    code = app.exec()
    ledger.close()
    return code
