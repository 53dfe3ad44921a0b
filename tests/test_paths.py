"""Shipped data is found whether the package is installed from a wheel or used from source."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop_app import paths


def test_resources_and_catalogs_are_found() -> None:
    assert (paths.resource("templates", "three_level_plan.json")).is_file()
    assert (paths.catalogs_dir() / "zh_CN" / "LC_MESSAGES" / "messages.po").is_file()


def test_an_installed_package_carries_its_data_inside() -> None:
    package = Path(paths.__file__).resolve().parent
    if "site-packages" not in package.parts:
        pytest.skip("running from the source tree")
    assert paths.resources_dir() == package / "_data" / "resources"
    assert paths.catalogs_dir() == package / "_data" / "i18n"
    # The build compiles every catalog; none is committed compiled.
    catalogs = sorted(paths.catalogs_dir().glob("*/LC_MESSAGES/messages.po"))
    assert catalogs
    for po in catalogs:
        assert po.with_suffix(".mo").is_file(), po


def test_default_ledger_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PARTY_LEDGER_HOME", raising=False)
    monkeypatch.delenv("PARTY_LEDGER_DB", raising=False)
    if sys.platform == "win32":
        monkeypatch.setenv("APPDATA", str(tmp_path))
        assert paths.default_db_path() == tmp_path / "PartyLedger" / "ledger.sqlite"
    else:
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
        assert paths.default_db_path() == tmp_path / "PartyLedger" / "ledger.sqlite"
    monkeypatch.setenv("PARTY_LEDGER_DB", str(tmp_path / "x.sqlite"))
    assert paths.default_db_path() == tmp_path / "x.sqlite"


def test_windows_location_is_under_appdata(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARTY_LEDGER_HOME", raising=False)
    monkeypatch.delenv("PARTY_LEDGER_DB", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", r"C:\Users\mishu\AppData\Roaming")
    assert (
        str(paths.default_db_path())
        .replace("\\", "/")
        .endswith("C:/Users/mishu/AppData/Roaming/PartyLedger/ledger.sqlite")
    )
