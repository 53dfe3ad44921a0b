"""Shared fixtures: a fresh ledger, workbooks built from plain rows, English messages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_app.i18n import set_language
from desktop_app.storage import Ledger, open_ledger


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Tests read messages in the English source strings and never touch the user's data."""
    monkeypatch.setenv("PARTY_LEDGER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("PARTY_LEDGER_DB", raising=False)
    monkeypatch.setenv("PARTY_LEDGER_LANG", "en")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "ledger.sqlite") as opened:
        yield opened


WorkbookFactory = Callable[..., Path]


@pytest.fixture
def make_workbook(tmp_path: Path) -> WorkbookFactory:
    """``make_workbook({"组织": [[header...], [row...], ...], ...}, name="book.xlsx")``."""
    from openpyxl import Workbook

    def build(sheets: dict[str, list[list[Any]]], name: str = "book.xlsx") -> Path:
        book = Workbook()
        book.remove(book.active)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        path = tmp_path / name
        book.save(path)
        return path

    return build


def table_snapshot(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show an operation changed nothing."""
    names = [
        r[0]
        for r in ledger.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: sorted(ledger.conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        for name in sorted(names)
    }
