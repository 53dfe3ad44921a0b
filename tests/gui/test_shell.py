"""The main window's shell: navigation, title, remembered state, font, shortcuts, crashes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QImage
from PySide6.QtWidgets import QMessageBox

from desktop_app.cli import main
from desktop_app.gui import messages
from desktop_app.gui.app import register_font
from desktop_app.i18n import set_language
from desktop_app.storage import open_ledger
from gui.conftest import make_window

NAV_TITLES = [
    "Dashboard",
    "Organization tree",
    "Activity ledger",
    "Three-level creation",
    "Task list",
    "Star ratings",
    "Reports",
    "Recycle bin",
    "Settings",
]
NAV_TITLES_ZH = [
    "工作台",
    "组织架构",
    "组织生活台账",
    "三级联创",
    "任务书",
    "星级评定",
    "报表",
    "回收站",
    "设置",
]


def nav_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_navigation_lists_every_page_in_order(window) -> None:  # type: ignore[no-untyped-def]
    assert nav_texts(window) == NAV_TITLES
    assert list(window.pages) == [
        "dashboard",
        "organizations",
        "activities",
        "campaign",
        "tasks",
        "ratings",
        "reports",
        "recycle_bin",
        "settings",
    ]


def test_navigation_in_chinese(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    set_language("zh_CN")
    window = make_window(qtbot, ledger)
    assert nav_texts(window) == NAV_TITLES_ZH


def test_title_names_the_ledger_and_its_path(window, ledger) -> None:  # type: ignore[no-untyped-def]
    title = window.windowTitle()
    assert ledger.path.stem in title
    assert str(ledger.path.resolve()) in title


def test_ctrl_number_and_clicks_switch_pages(window) -> None:  # type: ignore[no-untyped-def]
    for number, key in enumerate(window.pages, start=1):
        window.go_menu.actions()[number - 1].trigger()
        assert window.current_page().key == key
        assert window.go_menu.actions()[number - 1].shortcut().toString() == f"Ctrl+{number}"
    window.nav.setCurrentRow(1)
    assert window.current_page().key == "organizations"


def test_geometry_and_last_page_are_remembered(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.gui.mainwindow import MainWindow
    from desktop_app.gui.settings import user_settings

    first = make_window(qtbot, ledger)
    first.resize(760, 560)  # within the offscreen screen, which is 800×600
    first.navigate("ratings")
    first.close()
    second = MainWindow(ledger, settings=user_settings())
    qtbot.addWidget(second)
    assert second.current_page().key == "ratings"
    # The offscreen screen is 800×600, so the restored width is clamped to it; the height shows
    # the saved geometry was applied (a window without one opens 1280×800).
    assert second.height() == 560


def test_bundled_font_is_registered(qapp) -> None:  # type: ignore[no-untyped-def]
    assert register_font() == "WenQuanYi Micro Hei"
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert "WenQuanYi Micro Hei" in qapp.font().families()


def test_application_icon_is_set(qapp) -> None:  # type: ignore[no-untyped-def]
    assert not qapp.windowIcon().isNull()


def test_year_box_drives_the_session(window) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []
    window.session.yearChanged.connect(seen.append)
    window.year_box.setValue(2024)
    assert window.session.year == 2024
    assert seen == [2024]


def test_unexpected_exception_is_logged_and_offers_the_log_folder(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    messages.install_excepthook()
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(shown) == 1
    logs = list((tmp_path / "home" / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "ZeroDivisionError: a bug" in logs[0].read_text(encoding="utf-8")
    buttons = [b.text() for b in shown[0].buttons()]
    assert "Open log folder" in buttons
    assert "Traceback" not in shown[0].text() + shown[0].informativeText()


def test_an_error_while_the_crash_dialog_is_open_is_logged_not_shown_again(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A handler that fails at every paint fails again inside the dialog's own event loop: each
    failure is logged, one dialog is shown, and the errors never stack dialogs."""
    shown: list[QMessageBox] = []

    def exec_and_fail_again(box: QMessageBox) -> int:
        shown.append(box)
        for _repaint in range(3):
            try:
                raise ZeroDivisionError("again")
            except ZeroDivisionError:
                sys.excepthook(*sys.exc_info())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_and_fail_again)
    messages.install_excepthook()
    try:
        for _time in range(2):  # after the dialog is closed, the next error shows one again
            try:
                raise ZeroDivisionError("first")
            except ZeroDivisionError:
                sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert len(shown) == 2
    logs = list((tmp_path / "home" / "logs").glob("crash-*.log"))
    assert len(logs) == 8


def test_ledger_error_in_a_slot_is_a_friendly_message(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.errors import ValidationError

    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    messages.install_excepthook()
    try:
        raise ValidationError.single("Give the theme.")
    except ValidationError:
        sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = sys.__excepthook__
    assert shown[0].text() == "Give the theme."
    assert not list((tmp_path / "home" / "logs").glob("crash-*.log"))


def test_screenshot_renders_every_page(tmp_path: Path, demo_file: Path) -> None:
    out = tmp_path / "shots"
    assert main(["--db", str(demo_file), "gui", "--screenshot", str(out)]) == 0
    files = sorted(p.name for p in out.glob("*.png"))
    assert files == sorted(
        f"{key}.png"
        for key in (
            "dashboard",
            "organizations",
            "activities",
            "campaign",
            "tasks",
            "ratings",
            "reports",
            "recycle_bin",
            "settings",
        )
    )
    for path in out.glob("*.png"):
        image = QImage(str(path))
        assert image.width() >= 1280 and image.height() >= 800


def test_screenshot_of_a_missing_ledger_is_refused(tmp_path: Path) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite"), "gui", "--screenshot", str(tmp_path)]) == 2
    assert not (tmp_path / "none.sqlite").exists()


def test_switching_to_another_ledger(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.sqlite"
    with open_ledger(other):
        pass
    assert window.switch_ledger(other, create=False)
    assert window.session.ledger.path == other
    assert "other" in window.windowTitle()
    assert nav_texts(window) == NAV_TITLES


def test_the_empty_dashboard_opens_the_demo_ledger(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.paths import user_data_dir

    empty = window.session.ledger.path
    window.pages["dashboard"].demo_button.click()
    assert window.session.ledger.path == user_data_dir() / "demo.sqlite"
    assert window.session.ledger.scalar("SELECT count(*) FROM organizations") > 10
    assert empty.exists()
    assert window.switch_ledger(empty, create=False)
