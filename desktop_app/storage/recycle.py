"""The recycle bin (回收站): what was deleted, restoring it, purging it for good.

A deletion marks the record the user chose and everything that went with it (an organization's
subtree, activities, attachments...) with the same ``deleted_with``; restore and purge act on
that whole group.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.errors import NotFoundError, RefusedError
from desktop_app.formatting import format_date
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger, now_iso
from desktop_app.storage.records import _audit_many
from desktop_app.storage.schema import RECORD_TABLES

# Parents before children (the schema lists them so): restore in this order, purge in
# reverse.
_ORDER = RECORD_TABLES
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
            f"SELECT uid FROM {table} "
            "WHERE deleted_at IS NULL AND org_uid IN (SELECT uid FROM _orgs)"
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
    with ledger.snapshot():
        counts: dict[str, int] = {}
        for table in _ORDER:
            for cause, count in ledger.conn.execute(
                f"SELECT deleted_with, count(*) FROM {table} "
                "WHERE deleted_at IS NOT NULL AND deleted_with IS NOT NULL GROUP BY deleted_with"
            ):
                counts[cause] = counts.get(cause, 0) + count
        items: list[BinItem] = []
        for table in _ORDER:
            for uid, title, deleted_at in ledger.conn.execute(
                f"SELECT uid, {_TITLE[table]}, deleted_at FROM {table} "
                "WHERE deleted_at IS NOT NULL AND (deleted_with IS NULL OR deleted_with = uid)"
            ):
                items.append(
                    BinItem(table, uid, str(title), deleted_at, max(counts.get(uid, 0), 1))
                )
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


# (table, column, the table that column points to): every link between records.
_LINKS = (
    ("organizations", "parent_uid", "organizations"),
    ("activities", "org_uid", "organizations"),
    ("ratings", "org_uid", "organizations"),
    ("creation_candidates", "org_uid", "organizations"),
    ("brands", "org_uid", "organizations"),
    ("attachments", "activity_uid", "activities"),
)


def _title(ledger: Ledger, table: str, uid: str) -> str:
    row = ledger.conn.execute(f"SELECT {_TITLE[table]} FROM {table} WHERE uid = ?", [uid])
    found = row.fetchone()
    return str(found[0]) if found else uid


def _check_parents(ledger: Ledger, group: dict[str, list[str]]) -> None:
    """Refuse to bring back a record whose organization (or activity) stays in the bin."""
    coming_back = {u for uids in group.values() for u in uids}
    for table, column, parent_table in _LINKS:
        uids = group.get(table)
        if not uids:
            continue
        rows = ledger.conn.execute(
            f"SELECT p.uid FROM {table} c JOIN {parent_table} p ON p.uid = c.{column} "
            "WHERE c.uid IN (SELECT value FROM json_each(?)) AND p.deleted_at IS NOT NULL",
            [json.dumps(uids)],
        ).fetchall()
        blocked = [r[0] for r in rows if r[0] not in coming_back]
        if not blocked:
            continue
        title = _title(ledger, parent_table, blocked[0])
        if table == "organizations":
            message = _("Restore “{parent}” first: this organization sat under it.")
        elif table == "attachments":
            message = _("Restore the activity “{parent}” first: this file belongs to it.")
        else:
            message = _("Restore the organization “{parent}” first: this record belongs to it.")
        raise RefusedError(message.format(parent=title))


def restore(ledger: Ledger, uid: str) -> int:
    """Bring a deletion back; refused if its parent organization (or the activity of a file)
    is itself deleted, or if a live record now has the same name or key in the same place.
    Returns how many records came back."""
    with ledger.transaction():
        group = _group(ledger, uid)
        _check_parents(ledger, group)
        stamp = now_iso()
        for table in _ORDER:
            uids = group.get(table, [])
            if not uids:
                continue
            try:
                ledger.conn.executemany(
                    f"UPDATE {table} SET deleted_at = NULL, deleted_with = NULL, updated_at = ? "
                    "WHERE uid = ?",
                    [(stamp, u) for u in uids],
                )
            except sqlite3.IntegrityError as exc:  # a unique index: the name/key is live again
                if "UNIQUE" not in str(exc):
                    raise
                raise RefusedError(
                    _(
                        "“{title}” cannot be restored: a record with the same name or key has "
                        "been added since. Rename or delete that record first, then restore "
                        "this one."
                    ).format(title=_title(ledger, _top_table(group, uid), uid))
                ) from exc
            _audit_many(
                ledger, table, "restore", ((u, {"deleted_with": [uid, None]}) for u in uids)
            )
        return sum(len(v) for v in group.values())


def activity_twins(ledger: Ledger, uid: str) -> list[str]:
    """Live activities identical (same organization, type, date and theme) to those a restore
    of ``uid`` would bring back, as “date theme”. Two such activities may both be real (two
    meetings on one day), so restore does not refuse them; the window asks before restoring."""
    uids = _group(ledger, uid).get("activities", [])
    rows = ledger.conn.execute(
        "SELECT a.date, a.theme FROM activities d JOIN activities a "
        "ON a.org_uid = d.org_uid AND a.type = d.type AND a.date = d.date AND a.theme = d.theme "
        "WHERE d.uid IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL",
        [json.dumps(uids)],
    )
    return [f"{format_date(day)} {theme}" for day, theme in rows]


def _top_table(group: dict[str, list[str]], uid: str) -> str:
    return next((t for t, uids in group.items() if uid in uids), _ORDER[0])


def _with_orphans(ledger: Ledger, group: dict[str, list[str]]) -> None:
    """Add to ``group`` the records in the bin (deleted on their own, earlier) that point to a
    record of the group: they could never be restored once it is gone, so they go with it.
    A live record pointing to the group refuses the purge."""
    members = {t: set(uids) for t, uids in group.items()}
    grew = True
    while grew:
        grew = False
        for table, column, parent_table in _LINKS:
            parents = members.get(parent_table)
            if not parents:
                continue
            rows = ledger.conn.execute(
                f"SELECT uid, deleted_at FROM {table} "
                f"WHERE {column} IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(parents))],
            ).fetchall()
            for child, deleted_at in rows:
                if child in members.get(table, ()):
                    continue
                if deleted_at is None:
                    raise RefusedError(
                        _(
                            "It cannot be purged: “{title}” is still in use and belongs to it. "
                            "Delete that record first."
                        ).format(title=_title(ledger, table, child))
                    )
                members.setdefault(table, set()).add(child)
                group.setdefault(table, []).append(child)
                grew = True


def purge(ledger: Ledger, uid: str) -> int:
    """Delete a deletion for good, with any record in the bin that belonged to it, and the
    attached files no record refers to any more. Returns how many records went.

    It must be a transaction of its own: the files go once the rows are committed, which a
    surrounding transaction could still roll back."""
    if ledger.conn.in_transaction:
        raise RuntimeError("purge() deletes files and must not run inside another transaction")
    with ledger.transaction():
        group = _group(ledger, uid)
        _with_orphans(ledger, group)
        files = [
            ledger.attachment_file(sha, name)
            for sha, name in ledger.conn.execute(
                "SELECT sha256, file_name FROM attachments "
                "WHERE uid IN (SELECT value FROM json_each(?))",
                [json.dumps(group.get("attachments", []))],
            )
        ]
        for table in reversed(_ORDER):
            uids = group.get(table, [])
            if table == "organizations":
                # children before parents
                depth = _depths(ledger)
                uids = sorted(uids, key=lambda u: depth.get(u, 0), reverse=True)
            ledger.conn.executemany(f"DELETE FROM {table} WHERE uid = ?", [(u,) for u in uids])
            _audit_many(ledger, table, "purge", ((u, {}) for u in uids))
        kept = {
            ledger.attachment_file(sha, name)
            for sha, name in ledger.conn.execute("SELECT sha256, file_name FROM attachments")
        }
    for path in set(files) - kept:
        # The rows are gone for good; a file that cannot be removed now is only clutter.
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    return sum(len(v) for v in group.values())


def _depths(ledger: Ledger) -> dict[str, int]:
    """How deep each organization sits (the root is 1), deleted ones included."""
    parents = dict(ledger.conn.execute("SELECT uid, parent_uid FROM organizations").fetchall())
    depths: dict[str, int] = {}

    def depth(uid: str | None) -> int:
        if uid is None or uid not in parents:
            return 0
        if uid not in depths:
            depths[uid] = depth(parents[uid]) + 1
        return depths[uid]

    for uid in parents:
        depth(uid)
    return depths


def empty_bin(ledger: Ledger) -> int:
    """Purge everything in the recycle bin. Returns how many records went."""
    total = 0
    for item in list_bin(ledger):
        try:
            total += purge(ledger, item.uid)
        except NotFoundError:  # it went with an earlier item
            continue
    return total
