"""The recycle bin (回收站): what was deleted, restoring it, purging it for good.

A deletion marks the record the user chose and everything that went with it (an organization's
subtree, activities, attachments...) with the same ``deleted_with``; restore and purge act on
that whole group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.errors import NotFoundError, RefusedError
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger, now_iso
from desktop_app.storage.records import _audit_many
from desktop_app.storage.schema import RECORD_TABLES

# Parents before children: restore in this order, purge in reverse.
_ORDER = (
    "organizations",
    "activities",
    "attachments",
    "ratings",
    "creation_targets",
    "creation_candidates",
    "tasks",
    "brands",
)
_TITLE = {
    "organizations": "name",
    "activities": "date || ' ' || theme",
    "attachments": "file_name",
    "ratings": "year || ': ' || stars",
    "creation_targets": "level || ' ' || grade || ' ' || period",
    "creation_candidates": "level || ' ' || grade",
    "tasks": "title",
    "brands": "name",
}
assert set(_ORDER) == set(RECORD_TABLES)


@dataclass(frozen=True)
class BinItem:
    table: str
    uid: str
    title: str
    deleted_at: str
    count: int  # records deleted together with it, itself included


def dependents_of_organizations(ledger: Ledger, org_uids: Sequence[str]) -> list[tuple[str, str]]:
    """Every live record that belongs to one of ``org_uids``."""
    items: list[tuple[str, str]] = []
    if not org_uids:
        return items
    ledger.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _orgs (uid TEXT PRIMARY KEY)")
    ledger.conn.execute("DELETE FROM _orgs")
    ledger.conn.executemany("INSERT OR IGNORE INTO _orgs VALUES (?)", [(u,) for u in org_uids])
    for table in ("activities", "ratings", "creation_candidates", "brands"):
        rows = ledger.conn.execute(
            f"SELECT uid FROM {table} WHERE deleted_at IS NULL AND org_uid IN (SELECT uid FROM _orgs)"
        )
        items += [(table, r[0]) for r in rows]
    rows = ledger.conn.execute(
        "SELECT a.uid FROM attachments a JOIN activities v ON v.uid = a.activity_uid "
        "WHERE a.deleted_at IS NULL AND v.org_uid IN (SELECT uid FROM _orgs)"
    )
    items += [("attachments", r[0]) for r in rows]
    ledger.conn.execute("DELETE FROM _orgs")
    return items


def list_bin(ledger: Ledger) -> list[BinItem]:
    """What the user deleted, newest first, one item per deletion."""
    items: list[BinItem] = []
    for table in _ORDER:
        for row in ledger.conn.execute(
            f"SELECT uid, {_TITLE[table]}, deleted_at FROM {table} "
            "WHERE deleted_at IS NOT NULL AND (deleted_with IS NULL OR deleted_with = uid)"
        ):
            count = sum(
                ledger.conn.execute(
                    f"SELECT count(*) FROM {t} WHERE deleted_with = ?", [row[0]]
                ).fetchone()[0]
                for t in _ORDER
            )
            items.append(BinItem(table, row[0], str(row[1]), row[2], max(count, 1)))
    items.sort(key=lambda i: i.deleted_at, reverse=True)
    return items


def _group(ledger: Ledger, uid: str) -> dict[str, list[str]]:
    group: dict[str, list[str]] = {}
    for table in _ORDER:
        rows = ledger.conn.execute(
            f"SELECT uid FROM {table} WHERE deleted_at IS NOT NULL "
            "AND (deleted_with = ? OR (uid = ? AND deleted_with IS NULL))",
            [uid, uid],
        ).fetchall()
        if rows:
            group[table] = [r[0] for r in rows]
    if not group:
        raise NotFoundError(_("That item is no longer in the recycle bin."))
    return group


def restore(ledger: Ledger, uid: str) -> int:
    """Bring a deletion back; refused if its parent organization is itself deleted or a live
    record now has the same name in the same place. Returns how many records came back."""
    with ledger.transaction():
        group = _group(ledger, uid)
        stamp = now_iso()
        for table in _ORDER:
            uids = group.get(table, [])
            if table == "organizations" and uids:
                parent = ledger.conn.execute(
                    "SELECT p.name, p.deleted_at FROM organizations o "
                    "JOIN organizations p ON p.uid = o.parent_uid WHERE o.uid = ?",
                    [uid],
                ).fetchone()
                if parent and parent[1] is not None:
                    raise RefusedError(
                        _("Restore “{parent}” first: this organization sat under it.").format(
                            parent=parent[0])
                    )
            try:
                ledger.conn.executemany(
                    f"UPDATE {table} SET deleted_at = NULL, deleted_with = NULL, updated_at = ? "
                    "WHERE uid = ?",
                    [(stamp, u) for u in uids],
                )
            except Exception as exc:  # a unique index: the same name/key is live again
                if "UNIQUE" not in str(exc):
                    raise
                raise RefusedError(
                    _("It cannot be restored: a record with the same name or key has been "
                      "added since. Rename or delete that record first.")
                ) from exc
            _audit_many(ledger, table, "restore", ((u, {}) for u in uids))
        return sum(len(v) for v in group.values())


def purge(ledger: Ledger, uid: str) -> int:
    """Delete a deletion for good. Returns how many records went."""
    with ledger.transaction():
        group = _group(ledger, uid)
        for table in reversed(_ORDER):
            uids = group.get(table, [])
            if table == "organizations":
                # children before parents
                uids = sorted(uids, key=lambda u: _depth(ledger, u), reverse=True)
            ledger.conn.executemany(f"DELETE FROM {table} WHERE uid = ?", [(u,) for u in uids])
            _audit_many(ledger, table, "purge", ((u, {}) for u in uids))
        return sum(len(v) for v in group.values())


def _depth(ledger: Ledger, uid: str) -> int:
    depth, current = 0, uid
    while current:
        row = ledger.conn.execute(
            "SELECT parent_uid FROM organizations WHERE uid = ?", [current]
        ).fetchone()
        current = row[0] if row else None
        depth += 1
    return depth


def empty_bin(ledger: Ledger) -> int:
    total = 0
    for item in list_bin(ledger):
        total += purge(ledger, item.uid)
    return total
