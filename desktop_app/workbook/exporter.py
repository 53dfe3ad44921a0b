"""Exporting the whole ledger (records not in the recycle bin) as a workbook of the contract,
with the extension columns, so that importing it into an empty ledger gives the same records.

Organizations are written parent first (the root, then colleges, then branches, each group by
path); an organization is named by its path, prefixed with the root's name only where the
bare path is a name that several organizations share.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from desktop_app.domain.activities import FIELDS as ACTIVITY_FIELDS
from desktop_app.domain.campaign import STATUS_DATE
from desktop_app.domain.dates import from_iso
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    DIMENSIONS,
    GRADES,
    ORG_LEVELS,
    TASK_STATUSES,
    THEME_CATEGORIES,
    Enumeration,
)
from desktop_app.domain.organizations import COUNT_FIELDS
from desktop_app.domain.orgtree import load_tree
from desktop_app.storage.ledger import Ledger
from desktop_app.workbook import contract
from desktop_app.workbook.orgrefs import OrgIndex
from desktop_app.workbook.template import export_template
from desktop_app.workbook.xlsx import save_atomically, write_sheet

__all__ = ["export_template", "export_workbook"]

_LEVEL_ORDER = {code: n for n, code in enumerate(ORG_LEVELS.codes)}


def export_workbook(ledger: Ledger, path: str | Path) -> None:
    """Write every record of the ledger to the workbook at ``path`` (replacing it)."""

    def fill(book: Workbook) -> None:
        with ledger.snapshot():  # one consistent reading, without the write lock
            index = OrgIndex.from_tree(load_tree(ledger))
            write_sheet(book, contract.ORGANIZATIONS, _organizations(ledger, index))
            write_sheet(
                book,
                contract.ACTIVITIES,
                _activities(ledger, index),
                _activity_count(ledger, index),
            )
            write_sheet(book, contract.RATINGS, _ratings(ledger, index))
            write_sheet(book, contract.TARGETS, _targets(ledger))
            write_sheet(book, contract.CANDIDATES, _candidates(ledger, index))
            write_sheet(book, contract.TASKS, _tasks(ledger))
            write_sheet(book, contract.BRANDS, _brands(ledger, index))

    save_atomically(path, fill)


def _name(enum: Enumeration, code: str | None) -> str | None:
    return enum.contract(code) if code in enum else None


def _yes_no(flag: object) -> str:
    return "是" if flag else "否"


def _days(row: dict[str, Any], *fields: str) -> dict[str, date | None]:
    return {f: from_iso(row[f]) for f in fields}


def _live(ledger: Ledger, table: str, order: str = "created_at") -> list[dict[str, Any]]:
    return ledger.query(f'SELECT * FROM "{table}" WHERE deleted_at IS NULL ORDER BY {order}')


def _organizations(ledger: Ledger, index: OrgIndex) -> Iterator[dict[str, Any]]:
    rows = {r["uid"]: r for r in _live(ledger, "organizations")}
    order = sorted(
        (n for n in index.nodes.values() if n.uid in rows),
        key=lambda n: (_LEVEL_ORDER.get(n.level or "", 9), n.path),
    )
    for node in order:
        row = rows[node.uid]
        yield {
            **{f: row[f] for f in ("name", "secretary", "term_years", *COUNT_FIELDS)},
            "parent": index.reference(node.parent_uid) if node.parent_uid else None,
            "level": _name(ORG_LEVELS, row["level"]),
            "branch_type": _name(BRANCH_TYPES, row["branch_type"])
            if row["level"] == "branch"
            else None,
            "double_leader": _yes_no(row["double_leader"]),
            "has_party_groups": _yes_no(row["has_party_groups"]),
            "active": _name(contract.ORG_STATES, "active" if row["active"] else "dissolved"),
            **_days(row, "founded_on", "elected_on", "dissolved_on"),
        }


def _sorted_with_org(
    rows: list[dict[str, Any]], index: OrgIndex, *fields: str
) -> list[tuple[str, dict[str, Any]]]:
    """Rows whose organization is in the tree, with its reference, sorted by ``fields``."""
    named = [(index.reference(r["org_uid"]), r) for r in rows if r["org_uid"] in index.nodes]
    named.sort(key=lambda item: tuple(_sort_value(item, f) for f in fields))
    return named


def _sort_value(item: tuple[str, dict[str, Any]], field: str) -> Any:
    if field == "org":
        return item[0]
    value = item[1][field]
    return (value is None, value if value is not None else 0)


def _activities(ledger: Ledger, index: OrgIndex) -> Iterator[dict[str, Any]]:
    """The activities sorted by date, organization, type and theme; those alike in all four
    keep the order they were created in (importing the export matches them one to one). Read
    a day at a time, so a whole university's activities are never all in memory."""
    cursor = ledger.conn.execute(
        f"SELECT {', '.join(ACTIVITY_FIELDS)} FROM activities "
        "WHERE deleted_at IS NULL ORDER BY date, rowid"
    )
    day: list[dict[str, Any]] = []
    for values in cursor:
        row = dict(zip(ACTIVITY_FIELDS, values, strict=True))
        if day and row["date"] != day[0]["date"]:
            yield from _activity_day(day, index)
            day = []
        day.append(row)
    yield from _activity_day(day, index)


def _activity_count(ledger: Ledger, index: OrgIndex) -> int:
    """How many activities ``_activities`` writes: those of organizations in the tree."""
    return sum(
        count
        for org_uid, count in ledger.conn.execute(
            "SELECT org_uid, count(*) FROM activities WHERE deleted_at IS NULL GROUP BY org_uid"
        )
        if org_uid in index.nodes
    )


def _activity_day(rows: list[dict[str, Any]], index: OrgIndex) -> Iterator[dict[str, Any]]:
    for reference, row in _sorted_with_org(rows, index, "org", "type", "theme"):
        dimensions = [d for d in json.loads(row["dimensions"] or "[]") if d in DIMENSIONS]
        yield {
            **{f: row[f] for f in ("theme", "place", "expected", "actual", "summary", "host")},
            "org": reference,
            "type": _name(ACTIVITY_TYPES, row["type"]),
            "date": from_iso(row["date"]),
            "category": _name(THEME_CATEGORIES, row["category"]),
            "dimensions": "、".join(DIMENSIONS.contract(d) for d in dimensions) or None,
            "featured": _yes_no(row["featured"]),
        }


def _ratings(ledger: Ledger, index: OrgIndex) -> Iterator[dict[str, Any]]:
    for reference, row in _sorted_with_org(_live(ledger, "ratings"), index, "year", "org"):
        yield {"org": reference, "year": row["year"], "stars": row["stars"]}


def _targets(ledger: Ledger) -> Iterator[dict[str, Any]]:
    levels = {c: n for n, c in enumerate(CREATION_LEVELS.codes)}
    grades = {c: n for n, c in enumerate(GRADES.codes)}
    rows = sorted(
        _live(ledger, "creation_targets"),
        key=lambda r: (r["period"], levels.get(r["level"], 9), grades.get(r["grade"], 9)),
    )
    for row in rows:
        yield {
            "level": _name(CREATION_LEVELS, row["level"]),
            "grade": _name(GRADES, row["grade"]),
            "target": row["target"],
            "period": row["period"] or None,
        }


def _candidates(ledger: Ledger, index: OrgIndex) -> Iterator[dict[str, Any]]:
    rows = _live(ledger, "creation_candidates")
    for reference, row in _sorted_with_org(rows, index, "org", "level", "grade"):
        yield {
            "org": reference,
            "level": _name(CREATION_LEVELS, row["level"]),
            "grade": _name(GRADES, row["grade"]),
            "status": _name(CANDIDATE_STATUSES, row["status"]),
            "note": row["note"],
            **_days(row, *STATUS_DATE.values()),
        }


def _tasks(ledger: Ledger) -> Iterator[dict[str, Any]]:
    for row in _live(ledger, "tasks", "created_at, rowid"):
        yield {
            **{f: row[f] for f in ("title", "lead_department", "cooperating_departments")},
            "section": row["section"],
            "deadline": from_iso(row["deadline"]),
            "status": _name(TASK_STATUSES, row["status"]),
        }


def _brands(ledger: Ledger, index: OrgIndex) -> Iterator[dict[str, Any]]:
    for reference, row in _sorted_with_org(_live(ledger, "brands"), index, "org", "name"):
        yield {
            "org": reference,
            "name": row["name"],
            "kind": _name(BRAND_KINDS, row["kind"]),
            "year_approved": row["year_approved"],
            "grade": _name(GRADES, row["grade"]),
            "status": _name(CANDIDATE_STATUSES, row["status"]),
        }
