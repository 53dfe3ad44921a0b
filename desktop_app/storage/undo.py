"""Undo (Ctrl+Z): revert one committed change, read back from the audit log.

``Ledger.transaction()`` names the audit rows each committed user action wrote
(``ledger.last_change``, a ``Change``). ``undo_change`` reverts them, newest first, in one
transaction of its own, through the same bookkeeping as every write (so the undo is audited
too): an insert goes to the recycle bin, an update gets its old values back, a deletion comes
back from the bin, a restore goes back into the bin as it was. A purge cannot be undone.

Nothing is overwritten: when a record the change touched has been changed since (by anything
but a change that was itself undone, and that change's undo), the undo is refused; so is
sending back to the bin a record that others have been added to since.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.errors import RefusedError
from desktop_app.i18n import N_, _
from desktop_app.storage import records
from desktop_app.storage.ledger import Change, Ledger, now_iso
from desktop_app.storage.records import _audit_many
from desktop_app.storage.recycle import _LINKS, _TITLE, _check_parents

__all__ = ["Change", "describe_change", "undo_change"]

# What each table holds, one and several, as the Edit menu names it.
_NOUNS: dict[str, tuple[str, str]] = {
    "organizations": (N_("organization"), N_("organizations")),
    "activities": (N_("activity"), N_("activities")),
    "attachments": (N_("attached file"), N_("attached files")),
    "ratings": (N_("star rating"), N_("star ratings")),
    "creation_targets": (N_("creation target"), N_("creation targets")),
    "creation_candidates": (N_("creation candidate"), N_("creation candidates")),
    "tasks": (N_("task"), N_("tasks")),
    "brands": (N_("brand or project"), N_("brands and projects")),
    "settings": (N_("settings"), N_("settings")),
}
_UNDO_TEXT = {
    "insert": N_("Undo: add {what}"),
    "update": N_("Undo: edit {what}"),
    "delete": N_("Undo: delete {what}"),
    "restore": N_("Undo: restore {what}"),
    "purge": N_("Cannot undo: purge {what}"),
}
_REVERSIBLE = ("insert", "update", "delete", "restore")


@dataclass(frozen=True)
class _Entry:
    """One audit row."""

    id: int
    table: str
    uid: str
    action: str
    changes: dict[str, Any]

    @property
    def cause(self) -> str | None:
        """The uid of the record the user deleted (delete) or restored (restore)."""
        value = self.changes.get("deleted_with")
        if self.action == "restore" and isinstance(value, list):
            value = value[0]
        return value if isinstance(value, str) else None


def _entries(ledger: Ledger, change: Change) -> list[_Entry]:
    rows = ledger.conn.execute(
        "SELECT id, table_name, uid, action, changes FROM audit_log "
        "WHERE id BETWEEN ? AND ? ORDER BY id",
        [change.first_id, change.last_id],
    ).fetchall()
    return [
        _Entry(i, table, uid, action, json.loads(changes))
        for i, table, uid, action, changes in rows
    ]


def _noun(table: str, count: int = 1) -> str:
    one, several = _NOUNS.get(table, (table, table))
    return _(one if count == 1 else several)


def _title(ledger: Ledger, table: str, uid: str) -> str:
    if table not in _TITLE:
        return _noun(table)
    row = ledger.conn.execute(f"SELECT {_TITLE[table]} FROM {table} WHERE uid = ?", [uid])
    found = row.fetchone()
    return str(found[0]) if found else _noun(table)


def can_undo(ledger: Ledger, change: Change) -> bool:
    """Whether ``change`` is of a kind undo can revert (a purge is not), so the Edit menu only
    offers what it can do; ``undo_change`` may still refuse a change overtaken since."""
    entries = _entries(ledger, change)
    return bool(entries) and all(e.action in _REVERSIBLE for e in entries)


def describe_change(ledger: Ledger, change: Change) -> str:
    """What undoing ``change`` does, for the Edit menu: “Undo: add activity”, say."""
    entries = _entries(ledger, change)
    # A deletion or a restore is named by the records the user chose, not what went with them.
    chosen = [e for e in entries if e.action not in ("delete", "restore") or e.uid == e.cause]
    kinds: dict[tuple[str, str], set[str]] = {}
    for entry in chosen or entries:
        kinds.setdefault((entry.action, entry.table), set()).add(entry.uid)
    if len(kinds) != 1:
        return _("Undo: last change")
    [((action, table), uids)] = kinds.items()
    if action not in _UNDO_TEXT:
        return _("Undo: last change")
    return _(_UNDO_TEXT[action]).format(what=_noun(table, len(uids)))


def undo_change(ledger: Ledger, change: Change) -> int:
    """Revert ``change`` in one transaction; returns how many records were reverted.

    Raises ``RefusedError`` (and changes nothing) for a purge, for a change whose records were
    changed since, or when reverting would clash with what was added since. It is a user
    action of its own: it must not run inside another transaction."""
    if ledger.conn.in_transaction:
        raise RuntimeError("undo_change() must not run inside another transaction")
    with ledger.transaction():
        first = ledger.last_audit_id() + 1
        entries = _entries(ledger, change)
        if not entries:
            raise RefusedError(_("There is nothing to undo."))
        if any(e.action == "purge" for e in entries):
            raise RefusedError(
                _("A purge cannot be undone: the records are gone from the recycle bin for good.")
            )
        if any(e.action not in _REVERSIBLE for e in entries):
            raise RefusedError(_("This change cannot be undone."))
        _refuse_if_changed_since(ledger, change, entries)
        _refuse_if_in_use(ledger, [e for e in entries if e.action in ("insert", "restore")])
        deleted = [e for e in entries if e.action == "delete"]
        if deleted:
            group: dict[str, list[str]] = {}
            for entry in deleted:
                group.setdefault(entry.table, []).append(entry.uid)
            _check_parents(ledger, group)
        for batch in _batches(reversed(entries)):
            _REVERT[batch[0].action](ledger, batch)
        undo = Change(first, ledger.last_audit_id())
    ledger.undone.append((change, undo))
    return len({(e.table, e.uid) for e in entries})


def _batches(entries: Iterable[_Entry]) -> Iterable[list[_Entry]]:
    """Consecutive entries of one table and action, each record once per batch."""
    batch: list[_Entry] = []
    for entry in entries:
        if batch and (
            (entry.table, entry.action) != (batch[0].table, batch[0].action)
            or any(e.uid == entry.uid for e in batch)
        ):
            yield batch
            batch = []
        batch.append(entry)
    if batch:
        yield batch


# ---- refusals -------------------------------------------------------------------------------


def _refuse_if_changed_since(ledger: Ledger, change: Change, entries: Sequence[_Entry]) -> None:
    """Refuse when a later audit row touches one of the change's records, unless it belongs to
    a later change that was undone or to that undo."""
    touched = {(e.table, e.uid) for e in entries}
    forgiven = [
        span
        for undone, undo in ledger.undone
        if undone.first_id > change.last_id
        for span in ((undone.first_id, undone.last_id), (undo.first_id, undo.last_id))
    ]
    later = ledger.conn.execute(
        "SELECT id, table_name, uid, action FROM audit_log "
        "WHERE uid IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id",
        [json.dumps(sorted({uid for _table, uid in touched})), change.last_id],
    ).fetchall()
    for audit_id, table, uid, action in later:
        if (table, uid) not in touched or any(low <= audit_id <= high for low, high in forgiven):
            continue
        if action == "purge":
            raise RefusedError(
                _(
                    "This cannot be undone: a record it changed has since been purged from the "
                    "recycle bin."
                )
            )
        raise RefusedError(
            _(
                "This cannot be undone: the {what} “{title}” has been changed since, and "
                "undoing would overwrite that change. Make the correction by hand instead."
            ).format(what=_noun(table), title=_title(ledger, table, uid))
        )


def _refuse_if_in_use(ledger: Ledger, leaving: Sequence[_Entry]) -> None:
    """Refuse to send to the bin a record that live records added since belong to."""
    going = {e.uid for e in leaving}
    for table, column, parent_table in _LINKS:
        parents = sorted(e.uid for e in leaving if e.table == parent_table)
        if not parents:
            continue
        row = ledger.conn.execute(
            f"SELECT uid, {column} FROM {table} WHERE deleted_at IS NULL "
            f"AND {column} IN (SELECT value FROM json_each(?)) "
            "AND uid NOT IN (SELECT value FROM json_each(?)) LIMIT 1",
            [json.dumps(parents), json.dumps(sorted(going))],
        ).fetchone()
        if row is not None:
            raise RefusedError(
                _(
                    "This cannot be undone: “{child}” has been added to “{title}” since. "
                    "Delete “{child}” first, then undo again."
                ).format(
                    child=_title(ledger, table, row[0]),
                    title=_title(ledger, parent_table, row[1]),
                )
            )


def _same_key_refusal(ledger: Ledger, entry: _Entry) -> RefusedError:
    return RefusedError(
        _(
            "This cannot be undone: another record now has the same name or key as “{title}”. "
            "Rename or delete that record first."
        ).format(title=_title(ledger, entry.table, entry.uid))
    )


# ---- reverting, one batch of one table and action at a time -----------------------------------


def _revert_insert(ledger: Ledger, batch: list[_Entry]) -> None:
    for entry in batch:
        records.soft_delete(ledger, [(entry.table, entry.uid)], cause=entry.uid)


def _revert_update(ledger: Ledger, batch: list[_Entry]) -> None:
    if batch[0].table == "settings":
        for entry in batch:
            _revert_setting(ledger, entry)
        return
    olds = [(e.uid, {column: pair[0] for column, pair in e.changes.items()}) for e in batch]
    try:
        records.update_many(ledger, batch[0].table, olds)
    except sqlite3.IntegrityError as exc:
        if "UNIQUE" not in str(exc):
            raise
        raise _same_key_refusal(ledger, batch[0]) from exc


def _revert_setting(ledger: Ledger, entry: _Entry) -> None:
    """A setting holding a JSON object, whose audit row lists the keys changed."""
    row = ledger.conn.execute("SELECT value FROM settings WHERE key = ?", [entry.uid]).fetchone()
    value = json.loads(row[0]) if row else {}
    if not isinstance(value, dict):
        raise RefusedError(_("This change cannot be undone."))
    diff = {}
    for key, (old, _new) in entry.changes.items():
        if value.get(key) != old:
            diff[key] = [value.get(key), old]
            value[key] = old
    if diff:
        ledger.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE "
            "SET value = excluded.value, updated_at = excluded.updated_at",
            [entry.uid, json.dumps(value), now_iso()],
        )
        records.audit(ledger, "settings", entry.uid, "update", diff)


def _revert_delete(ledger: Ledger, batch: list[_Entry]) -> None:
    """Bring the records back from the bin, audited as a restore."""
    table, stamp = batch[0].table, now_iso()
    back = []
    for entry in batch:
        try:
            restored = ledger.conn.execute(
                f'UPDATE "{table}" SET deleted_at = NULL, deleted_with = NULL, updated_at = ? '
                "WHERE uid = ? AND deleted_at IS NOT NULL",
                [stamp, entry.uid],
            ).rowcount
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" not in str(exc):
                raise
            raise _same_key_refusal(ledger, entry) from exc
        if restored:
            back.append((entry.uid, {"deleted_with": [entry.cause, None]}))
    _audit_many(ledger, table, "restore", back)


def _revert_restore(ledger: Ledger, batch: list[_Entry]) -> None:
    """Put the records back in the bin as they were: same group, same time of deletion."""
    table, stamp = batch[0].table, now_iso()
    deleted_at = _deleted_at(ledger, batch)
    again = []
    for entry in batch:
        when = deleted_at.get(entry.uid, stamp)
        if ledger.conn.execute(
            f'UPDATE "{table}" SET deleted_at = ?, deleted_with = ?, updated_at = ? '
            "WHERE uid = ? AND deleted_at IS NULL",
            [when, entry.cause, stamp, entry.uid],
        ).rowcount:
            again.append((entry.uid, {"deleted_with": entry.cause, "deleted_at": when}))
    _audit_many(ledger, table, "delete", again)


def _deleted_at(ledger: Ledger, batch: list[_Entry]) -> dict[str, str]:
    """When each record of ``batch`` had been deleted, from the last deletion audited before
    its restore (a deletion's audit row is written at the time it records)."""
    found: dict[str, str] = {}
    for uid, at, changes in ledger.conn.execute(
        "SELECT uid, at, changes FROM audit_log WHERE uid IN (SELECT value FROM json_each(?)) "
        "AND action = 'delete' AND id < ? ORDER BY id",
        [json.dumps([e.uid for e in batch]), min(e.id for e in batch)],
    ):
        found[uid] = json.loads(changes).get("deleted_at") or at
    return found


_REVERT = {
    "insert": _revert_insert,
    "update": _revert_update,
    "delete": _revert_delete,
    "restore": _revert_restore,
}
