"""Where the window keeps its own preferences (geometry, last page, language): an INI file in
the data folder, so it travels with the ledger's folder and tests never touch the real one."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.paths import user_data_dir

SETTINGS_FILE = "window.ini"


def user_settings() -> QSettings:
    folder = user_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)
