"""The crash path: a bug's traceback goes to a log file, never to the secretary's screen."""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from desktop_app import __version__
from desktop_app.paths import log_dir


def write_crash_log(exc: BaseException) -> Path | None:
    """Write ``exc`` with its traceback to a new file in the log folder; its path, or None if
    even that failed."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}.log"
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        path.write_text(
            f"Party Ledger {__version__} on Python {sys.version.split()[0]}, "
            f"{platform.platform()}\n{datetime.now().isoformat()}\n\n{text}",
            encoding="utf-8",
        )
        return path
    except OSError:
        return None
