"""``party-ledger gui --screenshot DIR``: every page of the navigation list as a PNG."""

from __future__ import annotations

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
        path = folder / f"{key}.png"
        if not window.grab().save(str(path)):
            raise OSError(f"could not write {path}")
        saved.append(path)
    return saved
