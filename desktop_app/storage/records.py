"""Record bookkeeping shared by every table: UUIDs, timestamps, the audit log, soft deletes.

Domain modules validate; this module writes. Call these inside ``ledger.transaction()``.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from desktop_app.storage.ledger import Ledger, now_iso

Row = dict[str, Any]

# The audit log's JSON: ``json.dumps(changes, ensure_ascii=False)``, without making an encoder
# for every row.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


def new_uid() -> str:
    """A new record's UUID: version 7 (RFC 9562), the time in milliseconds followed by 74
    random bits. Unique like any UUID, and in the order records were made, so thousands of
    records added at once go to the end of each index on ``uid`` instead of all over it."""
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10), "big")
    value = value & ~(0xF000 << 64 | 0xC000 << 48) | 0x7000 << 64 | 0x8000 << 48
    return str(uuid.UUID(int=value))


def _audit_many(
    ledger: Ledger,
    table: str,
    action: str,
    entries: Iterable[tuple[str, Row]],
    at: str | None = None,
) -> None:
    at = at or now_iso()
    _insert_rows(
        ledger,
        "audit_log",
        ("at", "os_user", "table_name", "uid", "action", "changes"),
        [(at, ledger.user, table, uid, action, _to_json(changes)) for uid, changes in entries],
    )


def _insert_rows(
    ledger: Ledger, table: str, columns: Sequence[str], values: Sequence[Sequence[Any]]
) -> None:
    """Insert ``values`` (each a row of ``columns``) with a few statements of many rows each.

    One statement per row costs much more: SQLite opens a statement savepoint for each, and
    the full-text index of activities (``activity_search``, fed by a trigger) writes out what
    it has gathered at every savepoint, so row by row it writes one tiny segment per activity
    and keeps merging them. Many rows per statement write it once per statement."""
    if not values:
        return
    per = max(1, min(ROWS_PER_STATEMENT, _variable_limit(ledger) // len(columns)))
    head = 'INSERT INTO "{}" ({}) VALUES '.format(table, ", ".join(f'"{c}"' for c in columns))
    one = "({})".format(", ".join("?" for _ in columns))
    full = head + ", ".join([one] * per)
    for start in range(0, len(values), per):
        chunk = values[start : start + per]
        sql = full if len(chunk) == per else head + ", ".join([one] * len(chunk))
        ledger.conn.execute(sql, [value for row in chunk for value in row])


# Rows per INSERT statement, at most (fewer when SQLite allows fewer parameters).
ROWS_PER_STATEMENT = 500


def _variable_limit(ledger: Ledger) -> int:
    """How many parameters one statement may have: SQLite says so from Python 3.11 on; 999,
    the smallest limit SQLite was ever built with, before."""
    getlimit = getattr(ledger.conn, "getlimit", None)
    if getlimit is None:
        return 999
    return int(getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))


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
    # Consecutive rows with the same columns go in the same statements, in their order.
    for columns, run in itertools.groupby(prepared, key=lambda r: tuple(r)):
        _insert_rows(ledger, table, columns, [[r[c] for c in columns] for r in run])
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
    writes: list[tuple[str, Row]] = []
    for uid, values in changes:
        before = current.get(uid)
        if before is None:
            raise KeyError(f"{table} {uid} does not exist")
        diff = {k: v for k, v in values.items() if before.get(k) != v}
        if not diff:
            continue
        writes.append((uid, diff))
        audits.append((uid, {k: [before.get(k), v] for k, v in diff.items()}))
    # Consecutive changes of the same columns go in the same statements, in their order.
    for columns, run in itertools.groupby(writes, key=lambda w: tuple(w[1])):
        _update_rows(ledger, table, columns, list(run), stamp)
    _audit_many(ledger, table, "update", audits)
    return len(audits)


def _update_rows(
    ledger: Ledger, table: str, columns: Sequence[str], writes: list[tuple[str, Row]], stamp: str
) -> None:
    """Set ``columns`` of each record of ``writes`` (uid, values) and its ``updated_at``: many
    records per statement (see ``_insert_rows`` for why), or one at a time for a single record
    or when a record is changed twice, so that the later change wins as it always has."""
    assignments = ", ".join(f'"{c}" = ?' for c in columns)
    single = f'UPDATE "{table}" SET {assignments}, updated_at = ? WHERE uid = ?'
    if len(writes) == 1 or len({uid for uid, _values in writes}) < len(writes):
        for uid, values in writes:
            ledger.conn.execute(single, [*values.values(), stamp, uid])
        return
    # The columns of a VALUES list are named column1, column2 …: the uid, then the values.
    assignments = ", ".join(f'"{c}" = v.column{i}' for i, c in enumerate(columns, start=2))
    head = f'UPDATE "{table}" SET {assignments}, updated_at = ? FROM (VALUES '
    tail = f') AS v WHERE "{table}".uid = v.column1'
    one = "({})".format(", ".join("?" for _ in range(len(columns) + 1)))
    per = max(1, min(ROWS_PER_STATEMENT, (_variable_limit(ledger) - 1) // (len(columns) + 1)))
    for start in range(0, len(writes), per):
        chunk = writes[start : start + per]
        params: list[Any] = [stamp]
        for uid, values in chunk:
            params.append(uid)
            params.extend(values.values())
        ledger.conn.execute(head + ", ".join([one] * len(chunk)) + tail, params)


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
