"""``party-ledger gui --screenshot DIR``: every page of the navigation list as a PNG."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_app.gui.mainwindow import MainWindow

SCREENSHOT_SIZE = (1280, 800)


def save_screenshots(window: MainWindow, folder: Path) -> list[Path]:
    """Show each page in turn and save the window as ``folder/<page>.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    saved = []
    for key in list(window.pages):
        window.navigate(key)
        for _round in range(3):  # layouts settle over a few passes of the event loop
            QApplication.processEvents()
        _wait_for_background_counts(window.pages[key])
        path = folder / f"{key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        saved.append(path)
    return saved


def _wait_for_background_counts(page: object, limit_s: float = 30.0) -> None:
    """Let a table whose total is counted in the background finish counting, so the picture
    shows the number rather than "Counting…"."""
    model = getattr(page, "model", None)
    counting = getattr(model, "counting", None)
    if counting is None:
        return
    deadline = time.monotonic() + limit_s
    while counting() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()
