"""Window tests run offscreen with the application's own setup (font, style, settings file in
the test's data folder). ``demo_path`` builds the demo ledger once per run; tests get a copy."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop_app.storage import Ledger, open_ledger

DEMO_YEAR = date.today().year


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str]) -> QApplication:
    from desktop_app.gui.app import make_application

    return make_application(["party-ledger-tests"])


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop_app.demo import build_demo
    from desktop_app.i18n import set_language

    set_language("en")
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, DEMO_YEAR)
    return path


@pytest.fixture
def demo_ledger(demo_file: Path, tmp_path: Path) -> Iterator[Ledger]:
    target = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, target)
    with open_ledger(target, create=False) as ledger:
        yield ledger


def make_window(qtbot, ledger: Ledger, year: int = DEMO_YEAR):  # type: ignore[no-untyped-def]
    from desktop_app.gui.mainwindow import MainWindow
    from desktop_app.gui.settings import user_settings

    window = MainWindow(ledger, settings=user_settings(), year=year)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


@pytest.fixture
def window(qtbot, ledger: Ledger):  # type: ignore[no-untyped-def]
    return make_window(qtbot, ledger)


@pytest.fixture
def demo_window(qtbot, demo_ledger: Ledger):  # type: ignore[no-untyped-def]
    return make_window(qtbot, demo_ledger)
