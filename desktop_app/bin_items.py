"""The recycle bin described for people: what each deleted item is, whose it is, when it went.

``storage.recycle.list_bin`` gives one item per deletion with a title built from stored codes
(“2025: 4”, “branch national”); ``describe_bin`` reads the few fields each kind of record needs
(one query per table, whatever the number of items) and words them with the enumerations'
labels, such as “Theme party day 2025-03-18 学习二十大精神”.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    GRADES,
    ORG_LEVELS,
    Enumeration,
)
from desktop_app.formatting import format_date
from desktop_app.i18n import N_, _, ngettext
from desktop_app.storage import recycle
from desktop_app.storage.ledger import Ledger
from desktop_app.storage.recycle import BinItem

KINDS = {
    "organizations": N_("Organization"),
    "activities": N_("Activity"),
    "attachments": N_("Attached file"),
    "ratings": N_("Star rating"),
    "creation_targets": N_("Creation target"),
    "creation_candidates": N_("Creation candidate"),
    "tasks": N_("Task"),
    "brands": N_("Brand or project"),
}


@dataclass(frozen=True)
class BinEntry:
    """One deletion as the recycle bin page shows it."""

    item: BinItem
    what: str
    kind: str
    organization: str  # the path of the organization it belongs to ("" for none)

    @property
    def uid(self) -> str:
        return self.item.uid

    @property
    def table(self) -> str:
        return self.item.table

    @property
    def count(self) -> int:
        return self.item.count

    @property
    def deleted_at(self) -> str:
        return self.item.deleted_at


def describe_bin(ledger: Ledger) -> list[BinEntry]:
    """Every item of the recycle bin, newest first, described."""
    return describe_items(ledger, recycle.list_bin(ledger))


def describe_items(ledger: Ledger, items: Sequence[BinItem]) -> list[BinEntry]:
    by_table: dict[str, list[str]] = {}
    for item in items:
        by_table.setdefault(item.table, []).append(item.uid)
    with ledger.snapshot():
        paths = _org_paths(ledger)
        rows = {table: _rows(ledger, table, uids) for table, uids in by_table.items() if uids}
    entries = []
    for item in items:
        row = rows.get(item.table, {}).get(item.uid)
        if row is None:  # gone meanwhile; the stored title is all there is
            entries.append(BinEntry(item, item.title, _(KINDS.get(item.table, item.table)), ""))
            continue
        what, kind = _WORDING[item.table](row)
        entries.append(BinEntry(item, what, kind, paths.get(row.get("org_uid") or "", "")))
    return entries


# The fields each table's wording needs; ``org_uid`` names the organization it belongs to
# (for an organization, its parent).
_FIELDS = {
    "organizations": "uid, parent_uid AS org_uid, name, level",
    "activities": "uid, org_uid, type, date, theme",
    "attachments": (
        "t.uid, a.org_uid, t.file_name, a.type, a.date, a.theme "
        "FROM attachments t LEFT JOIN activities a ON a.uid = t.activity_uid"
    ),
    "ratings": "uid, org_uid, year, stars",
    "creation_targets": "uid, level, grade, target, period",
    "creation_candidates": "uid, org_uid, level, grade, status",
    "tasks": "uid, title",
    "brands": "uid, org_uid, name, kind",
}


def _rows(ledger: Ledger, table: str, uids: list[str]) -> dict[str, dict[str, Any]]:
    fields = _FIELDS[table]
    source = "" if " FROM " in fields else f" FROM {table} t"
    key = "t.uid"
    cursor = ledger.conn.execute(
        f"SELECT {fields}{source} WHERE {key} IN (SELECT value FROM json_each(?))",
        [json.dumps(uids)],
    )
    names = [d[0] for d in cursor.description]
    return {row[0]: dict(zip(names, row, strict=True)) for row in cursor}


def _org_paths(ledger: Ledger) -> dict[str, str]:
    """The path of every organization, those in the recycle bin included."""
    rows = ledger.conn.execute("SELECT uid, parent_uid, name FROM organizations").fetchall()
    parents = {uid: parent for uid, parent, _name in rows}
    names = {uid: name for uid, _parent, name in rows}
    paths: dict[str, str] = {}

    def path(uid: str) -> str:
        found = paths.get(uid)
        if found is not None:
            return found
        chain = []
        current: str | None = uid
        seen: set[str] = set()
        while current is not None and current in names and current not in seen:
            seen.add(current)
            chain.append(current)
            current = parents[current]
        # The root is named only on its own: every path starts below it.
        if len(chain) > 1:
            chain = chain[:-1]
        result = "/".join(names[u] for u in reversed(chain))
        paths[uid] = result
        return result

    for uid in names:
        path(uid)
    return paths


def _label(enum: Enumeration, code: object) -> str:
    return enum.label(code) if isinstance(code, str) and code in enum else str(code or "")


def _activity_text(row: dict[str, Any]) -> str:
    day = format_date(row.get("date")) if row.get("date") else ""
    parts = [_label(ACTIVITY_TYPES, row.get("type")), day, row.get("theme") or ""]
    return " ".join(p for p in parts if p)


def _organization(row: dict[str, Any]) -> tuple[str, str]:
    return str(row["name"]), _label(ORG_LEVELS, row["level"])


def _activity(row: dict[str, Any]) -> tuple[str, str]:
    return _activity_text(row), _(KINDS["activities"])


def _attachment(row: dict[str, Any]) -> tuple[str, str]:
    activity = _activity_text(row)
    what = str(row["file_name"])
    if activity:
        what = _("{file} (of {activity})").format(file=what, activity=activity)
    return what, _(KINDS["attachments"])


def _rating(row: dict[str, Any]) -> tuple[str, str]:
    stars = int(row["stars"])
    what = ngettext("{year}: {stars} star", "{year}: {stars} stars", stars).format(
        year=row["year"], stars=stars
    )
    return what, _(KINDS["ratings"])


def _target(row: dict[str, Any]) -> tuple[str, str]:
    what = _("{level}, {grade}: target {target}").format(
        level=_label(CREATION_LEVELS, row["level"]),
        grade=_label(GRADES, row["grade"]),
        target=row["target"],
    )
    if row.get("period"):
        what = _("{target} ({period})").format(target=what, period=row["period"])
    return what, _(KINDS["creation_targets"])


def _candidate(row: dict[str, Any]) -> tuple[str, str]:
    what = _("{level}, {grade} ({status})").format(
        level=_label(CREATION_LEVELS, row["level"]),
        grade=_label(GRADES, row["grade"]),
        status=_label(CANDIDATE_STATUSES, row["status"]),
    )
    return what, _(KINDS["creation_candidates"])


def _task(row: dict[str, Any]) -> tuple[str, str]:
    return str(row["title"]), _(KINDS["tasks"])


def _brand(row: dict[str, Any]) -> tuple[str, str]:
    return str(row["name"]), _label(BRAND_KINDS, row["kind"])


_WORDING: dict[str, Callable[[dict[str, Any]], tuple[str, str]]] = {
    "organizations": _organization,
    "activities": _activity,
    "attachments": _attachment,
    "ratings": _rating,
    "creation_targets": _target,
    "creation_candidates": _candidate,
    "tasks": _task,
    "brands": _brand,
}
