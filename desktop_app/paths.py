"""Where the application finds its shipped data and keeps the user's ledger.

A wheel carries ``resources/`` and ``i18n/`` inside the package (``desktop_app/_data``); a
source checkout or an editable install finds them beside the package. Nothing here imports Qt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "PartyLedger"
DB_ENV = "PARTY_LEDGER_DB"
DATA_ENV = "PARTY_LEDGER_HOME"
DEFAULT_DB_NAME = "ledger.sqlite"

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def resources_dir() -> Path:
    """The folder of fonts, icons, stylesheet and built-in templates."""
    return _shipped("resources")


def catalogs_dir() -> Path:
    """The folder of Babel catalogs: ``<lang>/LC_MESSAGES/messages.po`` (and ``.mo``)."""
    return _shipped("i18n")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """The per-user application data folder (``%APPDATA%\\PartyLedger`` on Windows)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / APP_DIR_NAME


def default_db_path() -> Path:
    """``--db`` wins over ``PARTY_LEDGER_DB``, which wins over this default."""
    override = os.environ.get(DB_ENV)
    if override:
        return Path(override)
    return user_data_dir() / DEFAULT_DB_NAME


def log_dir() -> Path:
    return user_data_dir() / "logs"
