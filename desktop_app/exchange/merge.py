"""Merging a verified package into a ledger by ``uid``, in one transaction.

- A record the ledger lacks is added with the package's uid and timestamps.
- A record that differs is updated when only the package changed it (its ``updated_at`` is
  later than the ``exported_at`` of the last package imported from the same ledger) and the
  package's copy is the newer; it is kept as it is when only this ledger changed it.
- A record changed on both sides since the last import from that ledger is a conflict: the
  import is refused unless the user chose, for all (``prefer``) or record by record
  (``resolutions``), "theirs" (the package's copy) or "ours" (this ledger's).
- The first package from a ledger has no last import: there the newer ``updated_at`` wins.
- A record in the package's recycle bin goes to this ledger's recycle bin (and back).
- The ancestors of the exported organization only place it: a missing one is added, one this
  ledger has under the same name (and parent) is used as it is, and neither is ever updated.

Per source ledger, the setting ``exchange:<ledger_id>`` keeps ``exported_at`` of the newest
package imported from it and when (``imported_at``, this computer's clock) it was imported.
Importing the same package again changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from desktop_app.errors import RefusedError
from desktop_app.exchange.package import ATTACHMENTS, PACKAGE_TABLES, Package, Row
from desktop_app.i18n import _
from desktop_app.storage import Ledger
from desktop_app.storage import records as store
from desktop_app.storage.ledger import now_iso

Side = Literal["theirs", "ours"]
SETTING_PREFIX = "exchange:"
# Columns that are bookkeeping, not content: a record whose other columns agree is the same.
_STAMPS = ("uid", "created_at", "updated_at")
_MAPPED = ("parent_uid", "org_uid")


@dataclass(frozen=True)
class Conflict:
    """A record changed both in this ledger and in the package since the last import."""

    table: str
    uid: str
    label: str
    ours: Row
    theirs: Row

    @property
    def fields(self) -> list[str]:
        """The columns whose values differ."""
        return sorted(
            k for k in self.theirs if k not in _STAMPS and self.ours.get(k) != self.theirs[k]
        )


@dataclass
class MergePlan:
    inserts: dict[str, list[Row]] = field(default_factory=dict)
    updates: dict[str, list[Row]] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0


@dataclass(frozen=True)
class MergeResult:
    added: int
    updated: int
    unchanged: int
    kept: int
    conflicts_theirs: int
    conflicts_ours: int
    files: int

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


class ConflictError(RefusedError):
    """Records changed on both sides and no choice was given; nothing was changed."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(
            _(
                "{count} records were changed both in this ledger and in the package since "
                "the last import; choose which copy to keep (--prefer theirs or --prefer "
                "ours). Nothing was changed."
            ).format(count=len(conflicts))
        )
        self.conflicts = conflicts


def _setting(ledger: Ledger, source: str) -> dict[str, str]:
    row = ledger.conn.execute(
        "SELECT value FROM settings WHERE key = ?", [SETTING_PREFIX + source]
    ).fetchone()
    value = json.loads(row[0]) if row else {}
    return value if isinstance(value, dict) else {}


def _local_rows(ledger: Ledger, table: str, uids: list[str]) -> dict[str, Row]:
    found: dict[str, Row] = {}
    for start in range(0, len(uids), 500):
        chunk = uids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in ledger.query(f'SELECT * FROM "{table}" WHERE uid IN ({marks})', chunk):
            found[row["uid"]] = row
    return found


def _columns(ledger: Ledger, table: str) -> set[str]:
    return {r[1] for r in ledger.conn.execute(f'PRAGMA table_info("{table}")')}


def _subtree_uids(package: Package) -> set[str]:
    children: dict[str | None, list[str]] = {}
    for row in package.records["organizations"]:
        children.setdefault(row.get("parent_uid"), []).append(row["uid"])
    result, stack = set(), [str(package.manifest["scope_uid"])]
    while stack:
        uid = stack.pop()
        if uid not in result:
            result.add(uid)
            stack.extend(children.get(uid, []))
    return result


def _place_ancestors(ledger: Ledger, package: Package, plan: MergePlan) -> dict[str, str]:
    """Map each ancestor's uid to the organization of this ledger that stands for it; the
    missing ones are planned as inserts."""
    subtree = _subtree_uids(package)
    ancestors = [r for r in package.records["organizations"] if r["uid"] not in subtree]
    local = _local_rows(ledger, "organizations", [r["uid"] for r in ancestors])
    mapping: dict[str, str] = {}
    for row in ancestors:  # root first
        if row["uid"] in local:
            mapping[row["uid"]] = row["uid"]
            continue
        parent = mapping.get(row["parent_uid"], row["parent_uid"])
        same = ledger.conn.execute(
            "SELECT uid FROM organizations WHERE deleted_at IS NULL "
            "AND ifnull(parent_uid, '') = ifnull(?, '') AND name = ?",
            [parent, row["name"]],
        ).fetchone()
        if same is not None:
            mapping[row["uid"]] = same[0]
            continue
        if parent is None:
            other = ledger.conn.execute(
                "SELECT name FROM organizations WHERE deleted_at IS NULL AND parent_uid IS NULL"
            ).fetchone()
            if other is not None:
                raise RefusedError(
                    _(
                        "The package's organizations belong under “{theirs}”, but this "
                        "ledger's top organization is “{ours}”; import it into the ledger of "
                        "“{theirs}”. Nothing was changed."
                    ).format(theirs=row["name"], ours=other[0])
                )
        plan.inserts.setdefault("organizations", []).append({**row, "parent_uid": parent})
        mapping[row["uid"]] = row["uid"]
    return {k: v for k, v in mapping.items() if k != v}


def _label(table: str, row: Row, names: dict[str, str]) -> str:
    org = names.get(row.get("org_uid") or "", "")
    if table == "organizations":
        return str(row["name"])
    if table == "activities":
        return f"{org} {row.get('date', '')} {row.get('theme', '')}".strip()
    if table == "attachments":
        return str(row.get("file_name", ""))
    if table == "ratings":
        return f"{org} {row.get('year', '')}".strip()
    if table == "brands":
        return f"{org} {row.get('name', '')}".strip()
    return f"{org} {row.get('level', '')} {row.get('grade', '')}".strip()


def plan_import(ledger: Ledger, package: Package) -> MergePlan:
    """What importing ``package`` would do; writes nothing. Refuses a package written by this
    very ledger, a package of another university, and a clash of names."""
    if package.ledger_id == ledger.ledger_id:
        raise RefusedError(
            _("This package was written from this very ledger; there is nothing to import.")
        )
    plan = MergePlan()
    mapping = _place_ancestors(ledger, package, plan)
    stored = _setting(ledger, package.ledger_id)
    since, ours_since = stored.get("exported_at"), stored.get("imported_at")
    subtree = _subtree_uids(package)
    names = {r["uid"]: r["name"] for r in package.records["organizations"]}
    for table in PACKAGE_TABLES:
        rows = package.records[table]
        if table == "organizations":
            rows = [r for r in rows if r["uid"] in subtree]
        columns = _columns(ledger, table)
        local = _local_rows(ledger, table, [r["uid"] for r in rows])
        for original in rows:
            unknown = set(original) - columns
            if unknown:
                raise RefusedError(
                    _(
                        "The package holds data this version of Party Ledger does not know "
                        "({names}); update this program. Nothing was changed."
                    ).format(names=", ".join(sorted(unknown)))
                )
            row = {k: mapping.get(v, v) if k in _MAPPED else v for k, v in original.items()}
            ours = local.get(row["uid"])
            if ours is None:
                if table == "organizations":
                    _check_free_name(ledger, row)
                plan.inserts.setdefault(table, []).append(row)
                continue
            if all(ours.get(k) == v for k, v in row.items() if k not in _STAMPS):
                plan.unchanged += 1
                continue
            theirs_new = since is None or row["updated_at"] > since
            ours_new = ours_since is None or ours["updated_at"] > ours_since
            if since is not None and theirs_new and ours_new:
                plan.conflicts.append(
                    Conflict(table, row["uid"], _label(table, row, names), ours, row)
                )
            elif theirs_new and row["updated_at"] > ours["updated_at"]:
                plan.updates.setdefault(table, []).append(row)
            else:
                plan.kept += 1
    return plan


def _check_free_name(ledger: Ledger, row: Row) -> None:
    if row.get("deleted_at") is not None:
        return
    clash = ledger.conn.execute(
        "SELECT 1 FROM organizations WHERE deleted_at IS NULL "
        "AND ifnull(parent_uid, '') = ifnull(?, '') AND name = ?",
        [row.get("parent_uid"), row["name"]],
    ).fetchone()
    if clash is not None:
        raise RefusedError(
            _(
                "This ledger already has an organization “{name}” in the same place that was "
                "not made from the package's ledger; rename or delete one of them and import "
                "again. Nothing was changed."
            ).format(name=row["name"])
        )


def import_package(
    ledger: Ledger,
    package: Package,
    *,
    prefer: Side | None = None,
    resolutions: dict[str, Side] | None = None,
) -> MergeResult:
    """Merge ``package`` into ``ledger`` in one transaction. A conflict is settled by
    ``resolutions[uid]``, else by ``prefer``; one left unsettled raises ``ConflictError``
    and nothing is changed."""
    resolutions = resolutions or {}
    with ledger.transaction():
        plan = plan_import(ledger, package)
        theirs = ours = 0
        open_conflicts = []
        for conflict in plan.conflicts:
            side = resolutions.get(conflict.uid, prefer)
            if side == "theirs":
                plan.updates.setdefault(conflict.table, []).append(conflict.theirs)
                theirs += 1
            elif side == "ours":
                ours += 1
            else:
                open_conflicts.append(conflict)
        if open_conflicts:
            raise ConflictError(open_conflicts)
        try:
            added, updated = _write(ledger, plan)
        except sqlite3.IntegrityError as exc:
            raise RefusedError(
                _(
                    "The package's records clash with records of this ledger ({error}); "
                    "nothing was changed."
                ).format(error=exc)
            ) from exc
        files = _copy_files(ledger, package, plan)
        _remember(ledger, package)
    return MergeResult(added, updated, plan.unchanged, plan.kept, theirs, ours, files)


def _write(ledger: Ledger, plan: MergePlan) -> tuple[int, int]:
    added = updated = 0
    for table in PACKAGE_TABLES:
        added += len(store.insert_many(ledger, table, plan.inserts.get(table, [])))
        rows = plan.updates.get(table, [])
        changes = [(r["uid"], {k: v for k, v in r.items() if k not in _STAMPS}) for r in rows]
        updated += store.update_many(ledger, table, changes)
        # The package's timestamps are kept, so the next import compares like with like.
        ledger.conn.executemany(
            f'UPDATE "{table}" SET updated_at = ? WHERE uid = ?',
            [(r["updated_at"], r["uid"]) for r in rows],
        )
    return added, updated


def _copy_files(ledger: Ledger, package: Package, plan: MergePlan) -> int:
    """Copy the attached files of the added and updated rows out of the package, each checked
    against its SHA-256; a copy already there and intact is kept."""
    wanted: dict[str, Path] = {}
    for row in [*plan.inserts.get("attachments", []), *plan.updates.get("attachments", [])]:
        target = ledger.attachment_file(row["sha256"], row["file_name"])
        if target.name in package.files:
            wanted[target.name] = target
    if not wanted:
        return 0
    folder = ledger.attachments_dir
    folder.mkdir(parents=True, exist_ok=True)
    copied = 0
    with zipfile.ZipFile(package.path) as archive:
        for name, target in sorted(wanted.items()):
            sha = name.split(".", 1)[0]
            if target.is_file() and _sha256(target) == sha:
                continue
            partial = folder / f".{uuid.uuid4().hex}.part"
            try:
                digest = hashlib.sha256()
                with archive.open(ATTACHMENTS + name) as reader, partial.open("wb") as writer:
                    for block in iter(lambda: reader.read(1 << 20), b""):
                        digest.update(block)
                        writer.write(block)
                if digest.hexdigest() != sha:
                    raise RefusedError(
                        _(
                            "The package {path} changed while it was being imported; nothing "
                            "was changed."
                        ).format(path=package.path)
                    )
                partial.replace(target)
                copied += 1
            finally:
                with contextlib.suppress(OSError):
                    partial.unlink(missing_ok=True)
    return copied


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        for block in iter(lambda: reader.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remember(ledger: Ledger, package: Package) -> None:
    """Keep the newest ``exported_at`` imported from the package's ledger."""
    key = SETTING_PREFIX + package.ledger_id
    before = _setting(ledger, package.ledger_id)
    if before.get("exported_at", "") >= package.exported_at:
        return
    value = {"exported_at": package.exported_at, "imported_at": now_iso()}
    ledger.conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        [key, json.dumps(value), value["imported_at"]],
    )
    store.audit(
        ledger, "settings", key, "update", {k: [before.get(k), v] for k, v in value.items()}
    )
