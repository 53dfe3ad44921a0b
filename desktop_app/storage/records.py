"""Record bookkeeping shared by every table: UUIDs, timestamps, the audit log, soft deletes.

Domain modules validate; this module writes. Call these inside ``ledger.transaction()``.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from desktop_app.storage.ledger import Ledger, now_iso

Row = dict[str, Any]


def new_uid() -> str:
    return str(uuid.uuid4())


def _audit_many(
    ledger: Ledger,
    table: str,
    action: str,
    entries: Iterable[tuple[str, Row]],
    at: str | None = None,
) -> None:
    at = at or now_iso()
    ledger.conn.executemany(
        "INSERT INTO audit_log (at, os_user, table_name, uid, action, changes) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (at, ledger.user, table, uid, action, json.dumps(changes, ensure_ascii=False))
            for uid, changes in entries
        ],
    )


def audit(ledger: Ledger, table: str, uid: str, action: str, changes: Row) -> None:
    """Record one change that did not go through the functions below (a setting, say)."""
    _audit_many(ledger, table, action, [(uid, changes)])


def insert_many(ledger: Ledger, table: str, rows: Sequence[Row]) -> list[str]:
    """Insert rows (each given a ``uid`` unless it has one); returns their uids in order.

    Rows may name different columns; a column a row leaves out gets the table's default.
    """
    if not rows:
        return []
    stamp = now_iso()
    prepared = []
    for row in rows:
        record = {**row, "uid": row.get("uid") or new_uid()}
        record.setdefault("created_at", stamp)
        record.setdefault("updated_at", stamp)
        prepared.append(record)
    # Consecutive rows with the same columns go in one statement; the order is kept, so a
    # parent inserted before its children is there when they point to it.
    for columns, run in itertools.groupby(prepared, key=lambda r: tuple(r)):
        group = list(run)
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            table, ", ".join(f'"{c}"' for c in columns), ", ".join("?" for _ in columns)
        )
        ledger.conn.executemany(sql, [[r[c] for c in columns] for r in group])
    _audit_many(
        ledger,
        table,
        "insert",
        (
            (r["uid"], {k: v for k, v in r.items() if k not in ("uid", "created_at", "updated_at")})
            for r in prepared
        ),
    )
    return [r["uid"] for r in prepared]


def insert(ledger: Ledger, table: str, row: Row) -> str:
    return insert_many(ledger, table, [row])[0]


def get(ledger: Ledger, table: str, uid: str, *, deleted: bool = False) -> Row | None:
    condition = "" if deleted else " AND deleted_at IS NULL"
    rows = ledger.query(f'SELECT * FROM "{table}" WHERE uid = ?{condition}', [uid])
    return rows[0] if rows else None


def update_many(ledger: Ledger, table: str, changes: Sequence[tuple[str, Row]]) -> int:
    """Apply ``(uid, {column: value})`` changes; only columns whose value differs are written
    and audited. Returns how many records changed."""
    if not changes:
        return 0
    uids = [uid for uid, _ in changes]
    current: dict[str, Row] = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in ledger.query(f'SELECT * FROM "{table}" WHERE uid IN ({marks})', chunk):
            current[row["uid"]] = row
    stamp = now_iso()
    audits: list[tuple[str, Row]] = []
    for uid, values in changes:
        before = current.get(uid)
        if before is None:
            raise KeyError(f"{table} {uid} does not exist")
        diff = {k: v for k, v in values.items() if before.get(k) != v}
        if not diff:
            continue
        assignments = ", ".join(f'"{c}" = ?' for c in diff)
        ledger.conn.execute(
            f'UPDATE "{table}" SET {assignments}, updated_at = ? WHERE uid = ?',
            [*diff.values(), stamp, uid],
        )
        audits.append((uid, {k: [before.get(k), v] for k, v in diff.items()}))
    _audit_many(ledger, table, "update", audits)
    return len(audits)


def update(ledger: Ledger, table: str, uid: str, values: Row) -> bool:
    """Change one record; True if anything differed."""
    return update_many(ledger, table, [(uid, values)]) == 1


def soft_delete(ledger: Ledger, items: Sequence[tuple[str, str]], cause: str) -> int:
    """Move ``(table, uid)`` records to the recycle bin, all marked as deleted with ``cause``
    (the uid of the record the user deleted), so they are restored and purged together.
    Records already in the bin are left as they are. Returns how many records went."""
    stamp = now_iso()
    by_table: dict[str, dict[str, None]] = {}  # each uid once, in order
    for table, uid in items:
        by_table.setdefault(table, {})[uid] = None
    total = 0
    for table, uids in by_table.items():
        deleted = [
            uid
            for uid in uids
            if ledger.conn.execute(
                f'UPDATE "{table}" SET deleted_at = ?, deleted_with = ?, updated_at = ? '
                "WHERE uid = ? AND deleted_at IS NULL",
                (stamp, cause, stamp, uid),
            ).rowcount
        ]
        # The audit row's time is the records' deleted_at, so undoing a later restore puts
        # them back in the bin as they were.
        _audit_many(
            ledger, table, "delete", ((uid, {"deleted_with": cause}) for uid in deleted), stamp
        )
        total += len(deleted)
    return total
