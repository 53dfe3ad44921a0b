"""The ledger file: pragmas, record bookkeeping, the audit log, refusing files it cannot open,
and locked or read-only ledgers."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest

from desktop_app.domain import organizations
from desktop_app.errors import NewerLedgerError, StorageError
from desktop_app.storage import Ledger, open_ledger, records, recycle
from desktop_app.storage import ledger as ledger_module
from desktop_app.storage.schema import MIGRATION_NAMES


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _audit(ledger: Ledger, uid: str) -> list[dict[str, object]]:
    rows = ledger.query("SELECT * FROM audit_log WHERE uid = ? ORDER BY id", [uid])
    for row in rows:
        row["changes"] = json.loads(str(row["changes"]))
    return rows


def _utc(text: object) -> datetime:
    moment = datetime.fromisoformat(str(text))
    assert moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0
    return moment


# ---- opening ---------------------------------------------------------------------------------


def test_wal_mode_and_foreign_keys_are_on(ledger: Ledger) -> None:
    assert ledger.scalar("PRAGMA journal_mode") == "wal"
    assert ledger.scalar("PRAGMA foreign_keys") == 1
    assert ledger.scalar("PRAGMA synchronous") == 2  # FULL
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), ledger.transaction():
        records.insert(
            ledger,
            "activities",
            {"org_uid": "nobody", "type": "other", "date": "2025-01-01", "theme": "x"},
        )


def test_a_new_ledger_knows_its_id_and_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "new.sqlite"
    with open_ledger(path) as ledger:
        ledger_id = ledger.ledger_id
        created = ledger.scalar("SELECT value FROM ledger_info WHERE key = 'created_at'")
    assert path.is_file()
    assert str(uuid.UUID(ledger_id)) == ledger_id
    _utc(created)
    with open_ledger(path) as again:
        assert again.ledger_id == ledger_id
        applied = [r["name"] for r in again.query("SELECT name FROM _sqlite_migrations")]
        assert applied == MIGRATION_NAMES


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a folder, not a ledger file"):
        open_ledger(tmp_path)


def _newer_ledger(path: Path, journal_mode: str) -> None:
    with open_ledger(path) as ledger:
        organizations.add_organization(ledger, name="党委", level="committee")
        ledger.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('party_ledger', '9999_from_a_newer_version', '2030-01-01')"
        )
        ledger.conn.execute(f"PRAGMA journal_mode = {journal_mode}")


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_newer_ledger_is_refused_and_left_unchanged(tmp_path: Path, journal_mode: str) -> None:
    path = tmp_path / "newer.sqlite"
    _newer_ledger(path, journal_mode)
    before = _digest(path)
    files = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(NewerLedgerError) as caught:
        open_ledger(path)
    assert "newer version of Party Ledger" in caught.value.message
    assert "9999_from_a_newer_version" in caught.value.message
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no copy, no -wal left behind


def test_a_plain_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE members (name TEXT)")
    conn.execute("INSERT INTO members VALUES ('张三')")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StorageError, match="an SQLite database but not a Party Ledger ledger"):
        open_ledger(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_another_programs_migrated_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT, "
        "name TEXT, applied_at TEXT)"
    )
    conn.execute("INSERT INTO _sqlite_migrations VALUES (1, 'another_app', '0001', '2024')")
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(StorageError, match="not a Party Ledger ledger"):
        open_ledger(path)
    assert _digest(path) == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"These are my meeting notes, not a database. " * 40)
    before = _digest(path)
    with pytest.raises(StorageError, match="is not a readable ledger"):
        open_ledger(path)
    assert _digest(path) == before


# ---- locked and read-only ledgers ------------------------------------------------------------


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger_module, "BUSY_TIMEOUT_MS", 50)


def _hold_exclusive_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


@pytest.mark.usefixtures("short_busy_timeout")
def test_a_write_to_a_locked_ledger_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    other = _hold_exclusive_lock(path)
    try:
        with open_ledger(path) as ledger:  # in WAL mode a reader is not kept out
            with pytest.raises(StorageError) as caught:
                organizations.add_organization(ledger, name="党委", level="committee")
            assert "is in use by another program" in caught.value.message
            assert ledger.scalar("SELECT count(*) FROM organizations") == 0
            assert not ledger.conn.in_transaction
            other.execute("ROLLBACK")
            organizations.add_organization(ledger, name="党委", level="committee")
            assert ledger.scalar("SELECT count(*) FROM organizations") == 1
    finally:
        other.close()


@pytest.mark.usefixtures("short_busy_timeout")
def test_opening_a_locked_new_ledger_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    other = _hold_exclusive_lock(path)
    try:
        with pytest.raises(StorageError, match="is in use by another program"):
            open_ledger(path)
    finally:
        other.close()
    with open_ledger(path) as ledger:  # once released, it opens
        assert ledger.scalar("SELECT count(*) FROM organizations") == 0


def test_a_read_only_ledger_is_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.sqlite"
    with open_ledger(path) as ledger:
        organizations.add_organization(ledger, name="党委", level="committee")
    before = _digest(path)

    def read_only(target: Path) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{target}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(ledger_module, "_connect", read_only)
    with open_ledger(path) as ledger:
        assert ledger.scalar("SELECT name FROM organizations") == "党委"
        with pytest.raises(StorageError) as caught:
            organizations.add_organization(
                ledger,
                name="学院",
                level="college",
                parent_uid=ledger.scalar("SELECT uid FROM organizations"),
            )
        assert "cannot be written: the file or its folder is read-only" in caught.value.message
    assert _digest(path) == before


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="file permissions do not bind the administrator",
)
def test_a_ledger_whose_file_is_read_only_is_a_storage_error(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    open_ledger(path).close()
    path.chmod(0o444)
    try:
        # Opening or the first write refuses.
        with pytest.raises(StorageError), open_ledger(path) as ledger:
            organizations.add_organization(ledger, name="党委", level="committee")
    finally:
        path.chmod(0o644)


# ---- transactions ----------------------------------------------------------------------------


def test_a_failed_action_writes_nothing(ledger: Ledger) -> None:
    with pytest.raises(RuntimeError), ledger.transaction():
        records.insert(ledger, "tasks", {"title": "A"})
        raise RuntimeError("stop")
    assert ledger.scalar("SELECT count(*) FROM tasks") == 0
    assert ledger.scalar("SELECT count(*) FROM audit_log") == 0


def test_a_nested_action_rolls_back_alone(ledger: Ledger) -> None:
    with ledger.transaction():
        records.insert(ledger, "tasks", {"title": "outer"})
        with pytest.raises(RuntimeError), ledger.transaction():
            records.insert(ledger, "tasks", {"title": "inner"})
            raise RuntimeError("stop")
    assert [r["title"] for r in ledger.query("SELECT title FROM tasks")] == ["outer"]


def test_a_stray_statement_does_not_swallow_later_changes(tmp_path: Path) -> None:
    """A statement run outside any transaction (a scratch table, say) must not leave one open,
    or every later change of the session would be lost when the ledger closes."""
    path = tmp_path / "ledger.sqlite"
    with open_ledger(path) as ledger:
        ledger.conn.execute("CREATE TEMP TABLE scratch (uid TEXT)")
        ledger.conn.execute("INSERT INTO temp.scratch VALUES ('x')")
        assert not ledger.conn.in_transaction
        organizations.add_organization(ledger, name="党委", level="committee")
    with open_ledger(path) as reopened:
        assert reopened.scalar("SELECT name FROM organizations") == "党委"


# ---- records and the audit log ---------------------------------------------------------------


def test_every_record_gets_a_uid_and_timestamps(ledger: Ledger) -> None:
    with ledger.transaction():
        uids = records.insert_many(
            ledger,
            "tasks",
            [{"title": "一"}, {"title": "二", "status": "done"}, {"uid": None, "title": "三"}],
        )
    rows = {r["uid"]: r for r in ledger.query("SELECT * FROM tasks")}
    assert list(rows) == uids and len(set(uids)) == 3
    for uid in uids:
        assert str(uuid.UUID(uid)) == uid
        row = rows[uid]
        assert row["created_at"] == row["updated_at"]
        assert abs((_utc(row["created_at"]) - datetime.now(timezone.utc)).total_seconds()) < 60
        assert row["deleted_at"] is None and row["deleted_with"] is None
    # A row that leaves a column out gets the column's default, whatever the other rows name.
    assert [rows[u]["status"] for u in uids] == ["todo", "done", "todo"]


def test_an_insert_is_audited(ledger: Ledger) -> None:
    with ledger.transaction():
        uid = records.insert(ledger, "tasks", {"title": "任务", "lead_department": "组织部"})
    [entry] = _audit(ledger, uid)
    assert entry["table_name"] == "tasks"
    assert entry["action"] == "insert"
    assert entry["os_user"] == ledger.user != ""
    assert entry["changes"] == {"title": "任务", "lead_department": "组织部"}
    _utc(entry["at"])


def test_an_update_records_old_and_new_values(ledger: Ledger) -> None:
    with ledger.transaction():
        uid = records.insert(ledger, "tasks", {"title": "任务", "status": "todo"})
    before = records.get(ledger, "tasks", uid)
    assert before is not None
    with ledger.transaction():
        changed = records.update(
            ledger, "tasks", uid, {"title": "任务", "status": "doing", "deadline": "2025-12-31"}
        )
    assert changed is True
    after = records.get(ledger, "tasks", uid)
    assert after is not None
    assert after["created_at"] == before["created_at"]
    assert after["updated_at"] > before["updated_at"]
    entry = _audit(ledger, uid)[-1]
    assert entry["action"] == "update"
    # Only the fields that changed, each as [old, new].
    assert entry["changes"] == {"status": ["todo", "doing"], "deadline": [None, "2025-12-31"]}


def test_an_update_that_changes_nothing_writes_nothing(ledger: Ledger) -> None:
    with ledger.transaction():
        uid = records.insert(ledger, "tasks", {"title": "任务", "status": "todo"})
    before = records.get(ledger, "tasks", uid)
    with ledger.transaction():
        assert records.update(ledger, "tasks", uid, {"title": "任务", "status": "todo"}) is False
        assert records.update_many(ledger, "tasks", [(uid, {"status": "todo"})]) == 0
    assert records.get(ledger, "tasks", uid) == before
    assert [e["action"] for e in _audit(ledger, uid)] == ["insert"]


def test_delete_restore_and_purge_are_audited(ledger: Ledger) -> None:
    with ledger.transaction():
        uid = records.insert(ledger, "tasks", {"title": "任务"})
    with ledger.transaction():
        assert records.soft_delete(ledger, [("tasks", uid)], cause=uid) == 1
        # Deleting what is already in the bin changes and audits nothing.
        assert records.soft_delete(ledger, [("tasks", uid)], cause=uid) == 0
    row = records.get(ledger, "tasks", uid, deleted=True)
    assert row is not None and row["deleted_with"] == uid
    _utc(row["deleted_at"])
    assert records.get(ledger, "tasks", uid) is None
    assert recycle.restore(ledger, uid) == 1
    with ledger.transaction():
        records.soft_delete(ledger, [("tasks", uid)], cause=uid)
    assert recycle.purge(ledger, uid) == 1
    assert ledger.scalar("SELECT count(*) FROM tasks") == 0
    entries = _audit(ledger, uid)
    assert [e["action"] for e in entries] == ["insert", "delete", "restore", "delete", "purge"]
    assert entries[1]["changes"] == {"deleted_with": uid}
    assert entries[2]["changes"] == {"deleted_with": [uid, None]}
    assert {e["table_name"] for e in entries} == {"tasks"}
    assert all(e["os_user"] == ledger.user for e in entries)
    times = [str(e["at"]) for e in entries]
    assert times == sorted(times)


def test_the_audit_log_names_the_os_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ledger_module.getpass, "getuser", lambda: "zhang.san")
    with open_ledger(tmp_path / "ledger.sqlite") as ledger:
        with ledger.transaction():
            uid = records.insert(ledger, "tasks", {"title": "任务"})
        assert _audit(ledger, uid)[0]["os_user"] == "zhang.san"


def test_the_os_user_falls_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(ledger_module.getpass, "getuser", no_login)
    monkeypatch.setenv("USERNAME", "li.si")
    assert ledger_module.os_user() == "li.si"


def test_insert_many_keeps_the_order_of_rows_with_different_columns(ledger: Ledger) -> None:

    with ledger.transaction():
        root, college, branch = (records.new_uid() for _ in range(3))
        records.insert_many(
            ledger,
            "organizations",
            [
                {"uid": root, "name": "党委", "level": "committee"},
                {
                    "uid": college,
                    "name": "学院",
                    "level": "college",
                    "parent_uid": root,
                    "secretary": "张三",
                },
                {"uid": branch, "name": "支部", "level": "branch", "parent_uid": college},
            ],
        )
    rows = ledger.query("SELECT uid FROM organizations ORDER BY rowid")
    assert [r["uid"] for r in rows] == [root, college, branch]
