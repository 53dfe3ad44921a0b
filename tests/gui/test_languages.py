"""Every page of the window in every language (and in a pseudo-language 40 % longer than
English): no label or button shows less than its text needs, and the window still fits a
1280-pixel-wide screen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop_app.i18n import PSEUDO, set_language
from desktop_app.storage import Ledger
from gui.conftest import make_window

SCREEN_WIDTH = 1280


def clipped(widget: QWidget) -> str | None:
    """How ``widget`` cuts its text short, or None."""
    if not widget.isVisible() or widget.width() <= 0:
        return None
    if isinstance(widget, QLabel):
        if not widget.text():
            return None
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            return f"{need} px high in {widget.height()}" if need > widget.height() + 1 else None
        need = widget.sizeHint().width()
        return f"{need} px wide in {widget.width()}" if need > widget.width() + 1 else None
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint().width()
        return f"{need} px wide in {widget.width()}" if need > widget.width() + 1 else None
    return None


def problems(window) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    if window.minimumSizeHint().width() > SCREEN_WIDTH:
        found.append(f"the window needs {window.minimumSizeHint().width()} px")
    for key, page in window.pages.items():
        window.navigate(key)
        for _round in range(2):  # let the layouts settle, as a person sees the page
            QApplication.processEvents()
        for widget in [*page.findChildren(QLabel), *page.findChildren(QAbstractButton)]:
            problem = clipped(widget)
            if problem:
                name = widget.objectName() or type(widget).__name__
                found.append(f"{key}: {name} “{widget.text()}” {problem}")
    return found


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en", PSEUDO])
def test_every_page_fits_in_every_language(qtbot, demo_ledger: Ledger, language: str) -> None:  # type: ignore[no-untyped-def]
    set_language(language)
    window = make_window(qtbot, demo_ledger)
    assert problems(window) == []


@pytest.mark.parametrize("language", ["zh_CN", "zh_TW", "en", PSEUDO])
def test_every_page_fits_on_an_empty_ledger(qtbot, ledger: Ledger, language: str) -> None:  # type: ignore[no-untyped-def]
    set_language(language)
    window = make_window(qtbot, ledger)
    assert problems(window) == []


def test_navigation_in_traditional_chinese(qtbot, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    set_language("zh_TW")
    window = make_window(qtbot, ledger)
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[2] == "組織生活台帳"
    assert "資源回收筒" in texts
    assert all(not any("\u4e00" <= ch <= "\u9fff" and ch in "设组录" for ch in t) for t in texts)
