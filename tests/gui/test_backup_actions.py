"""Backups from the window: back up now, restore from a list, the automatic backups."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot

from desktop_app import backup
from desktop_app.errors import LedgerError
from desktop_app.gui import backup_actions, messages


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """What the dialogs would have shown; confirmations answer yes."""
    record: dict[str, list[Any]] = {"info": [], "error": [], "confirm": []}
    monkeypatch.setattr(
        messages, "show_info", lambda parent, text, title=None: record["info"].append(text)
    )
    monkeypatch.setattr(
        messages, "show_error", lambda parent, error, title=None: record["error"].append(error)
    )

    def confirm(parent: object, text: str, yes: str, **kwargs: object) -> bool:
        record["confirm"].append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    return record


def _pick(monkeypatch: pytest.MonkeyPatch, index: int | None, offered: list[list[str]]) -> None:
    def get_item(parent: object, title: str, label: str, items: list[str], *args: object):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        if index is None:
            return "", False
        return items[index], True

    monkeypatch.setattr(backup_actions.QInputDialog, "getItem", get_item)
    monkeypatch.setattr(
        backup_actions.QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", "")
    )


def test_back_up_now_writes_a_backup_and_says_where(demo_window, said) -> None:  # type: ignore[no-untyped-def]
    session = demo_window.session
    written = backup_actions.back_up_now(demo_window, session)
    assert written is not None and written.parent == session.ledger.path.parent / "backups"
    assert backup.is_good(written)
    assert said["info"] == [f"The ledger was backed up to {written}."]
    assert said["error"] == []


def test_back_up_now_into_a_missing_drive_shows_the_error(
    demo_window, said, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "usb"
    blocker.write_text("a file where the folder should be")
    backup.set_backup_folder(demo_window.session.ledger, blocker / "backups")
    assert backup_actions.back_up_now(demo_window, demo_window.session) is None
    assert said["info"] == []
    assert len(said["error"]) == 1 and isinstance(said["error"][0], LedgerError)
    assert str(blocker) in said["error"][0].message


def test_restore_offers_the_backups_newest_first_and_switches_the_window(  # type: ignore[no-untyped-def]
    demo_window, said, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_window.session.ledger
    records = table_snapshot(ledger)
    # Yesterday's: rotation keeps only the newest backup of a day.
    older = backup.make_backup(ledger, now=datetime.now() - timedelta(days=1))
    ledger.conn.execute("UPDATE organizations SET secretary = 'someone new'")
    newer = backup.make_backup(ledger)
    assert older != newer
    offered: list[list[str]] = []
    _pick(monkeypatch, 1, offered)  # the older of the two

    aside = backup_actions.restore_backup(demo_window, demo_window.session)

    entries = list(reversed(backup.list_backups(older.parent, ledger.path.stem)))
    assert offered == [[*(backup_actions.backup_label(e) for e in entries), "Another file…"]]
    assert offered[0][0].endswith(f"MiB ({newer.name})")  # the demo ledger: about 2 MiB
    assert said["confirm"] == [f"Replace the ledger with the backup {older.name}?"]
    assert aside is not None and aside.exists()
    assert demo_window.session.ledger is not ledger  # the window shows the reopened ledger
    assert table_snapshot(demo_window.session.ledger) == records
    assert said["info"] and str(aside) in said["info"][0]


def test_restore_cancelled_changes_nothing(  # type: ignore[no-untyped-def]
    demo_window, said, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_window.session.ledger
    backup.make_backup(ledger)
    ledger.conn.execute("UPDATE organizations SET secretary = 'someone new'")
    records = table_snapshot(ledger)
    _pick(monkeypatch, None, [])
    assert backup_actions.restore_backup(demo_window, demo_window.session) is None
    monkeypatch.setattr(messages, "confirm", lambda *args, **kwargs: False)
    _pick(monkeypatch, 0, [])
    assert backup_actions.restore_backup(demo_window, demo_window.session) is None
    assert demo_window.session.ledger is ledger
    assert table_snapshot(ledger) == records


def test_restoring_a_damaged_backup_is_refused(  # type: ignore[no-untyped-def]
    demo_window, said, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_window.session.ledger
    written = backup.make_backup(ledger)
    written.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    records = table_snapshot(ledger)
    _pick(monkeypatch, 0, [])
    assert backup_actions.restore_backup(demo_window, demo_window.session) is None
    assert len(said["error"]) == 1 and "cannot be restored" in said["error"][0].message
    assert demo_window.session.ledger is ledger
    assert table_snapshot(ledger) == records
    assert not list(ledger.path.parent.glob("*.before-restore-*"))


def test_automatic_backups_at_start_and_exit(demo_window, said) -> None:  # type: ignore[no-untyped-def]
    ledger = demo_window.session.ledger
    folder = backup.backup_dir(ledger)
    first = backup_actions.auto_backup(ledger, parent=demo_window)
    assert first is not None and first.parent == folder
    # Less than a day later, the start makes none; the exit always does.
    assert backup_actions.auto_backup(ledger, parent=demo_window) is None
    assert backup_actions.auto_backup(ledger, parent=demo_window, at_exit=True) is not None
    assert said["error"] == []


def test_a_failed_automatic_backup_at_start_is_said_in_the_status_bar(  # type: ignore[no-untyped-def]
    demo_window, said, tmp_path: Path
) -> None:
    blocker = tmp_path / "usb"
    blocker.write_text("x")
    backup.set_backup_folder(demo_window.session.ledger, blocker / "backups")
    assert backup_actions.auto_backup(demo_window.session.ledger, parent=demo_window) is None
    assert demo_window.statusBar().currentMessage().startswith("The automatic backup failed:")
    assert said["error"] == []
    assert (
        backup_actions.auto_backup(demo_window.session.ledger, parent=demo_window, at_exit=True)
        is None
    )
    assert len(said["error"]) == 1
