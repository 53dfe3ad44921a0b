"""The activity table's rows: filtered, searched and sorted in SQL, read a page at a time.

The window's table loads rows on demand: ``count_activities`` sizes it, ``fetch_activities``
reads one page, ``activity_position`` finds the row of a record (one just saved, say). Each
call is one SQL statement; an organization's subtree is a recursive part of that statement.

Only live records count: the activity and its organization out of the recycle bin. The search
text is split on whitespace and every term must match theme, summary or place (case aside for
Latin letters): a term of three characters or more through the trigram index
``activity_search``, a shorter one (党课, 党) by ``LIKE`` over the columns themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.storage.ledger import Ledger

# Shortest term the trigram index finds; shorter ones are matched with LIKE.
MIN_INDEXED_TERM = 3
PAGE_SIZE = 200


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities the table shows; None (or "") means no condition."""

    year: int | None = None
    month: int | None = None  # 1–12, only with a year
    org_uid: str | None = None  # that organization and its whole subtree
    type: str | None = None
    category: str | None = None
    dimension: str | None = None
    featured: bool | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if self.month is not None and (self.year is None or not 1 <= self.month <= 12):
            raise ValueError(f"month {self.month!r} needs a year and must be 1-12")


@dataclass(frozen=True)
class ActivityRow:
    uid: str
    org_uid: str
    type: str
    date: date
    theme: str
    category: str | None
    place: str | None
    host: str | None
    expected: int | None
    actual: int | None
    dimensions: tuple[str, ...]
    featured: bool
    summary: str | None
    attachments: int  # live attached files


_TYPE_ORDER = (
    "CASE a.type "
    + " ".join(f"WHEN '{code}' THEN {n}" for n, code in enumerate(ACTIVITY_TYPES.codes))
    + f" ELSE {len(ACTIVITY_TYPES.codes)} END"
)
# Each sort's key; blank keys (NULL) come last in either direction. Types sort in the order of
# the enumeration (主题党日 first), whatever the interface language.
SORT_KEYS: dict[str, str] = {
    "date": "a.date",
    "organization": "o.name",
    "type": _TYPE_ORDER,
    "theme": "a.theme",
    "place": "nullif(a.place, '')",
    "expected": "a.expected",
    "actual": "a.actual",
    "attendance": "CAST(a.actual AS REAL) / nullif(a.expected, 0)",
}

_COLUMNS = (
    "a.uid, a.org_uid, a.type, a.date, a.theme, a.category, a.place, a.host, a.expected, "
    "a.actual, a.dimensions, a.featured, a.summary"
)
_SUBTREE = (
    "WITH RECURSIVE subtree(uid) AS ("
    "SELECT uid FROM organizations WHERE uid = :org AND deleted_at IS NULL "
    "UNION ALL SELECT o.uid FROM organizations o JOIN subtree s ON o.parent_uid = s.uid "
    "WHERE o.deleted_at IS NULL) "
)
_SEARCHED = ("theme", "summary", "place")


def fts_string(term: str) -> str:
    """``term`` as an FTS5 string: in double quotes, its own double quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``%term%`` for ``LIKE ... ESCAPE '\\'``, with ``%``, ``_`` and ``\\`` taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(flt: ActivityFilter) -> tuple[str, str, dict[str, Any]]:
    """The ``WITH`` prefix, the ``FROM ... WHERE ...`` part and the parameters of ``flt``."""
    where = ["a.deleted_at IS NULL", "o.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    prefix = ""
    if flt.year is not None:
        if flt.month is not None:
            params["start"] = f"{flt.year:04d}-{flt.month:02d}-01"
            params["end"] = f"{flt.year:04d}-{flt.month:02d}-31"
        else:
            params["start"] = f"{flt.year:04d}-01-01"
            params["end"] = f"{flt.year:04d}-12-31"
        where.append("a.date BETWEEN :start AND :end")
    if flt.org_uid is not None:
        prefix = _SUBTREE
        params["org"] = flt.org_uid
        where.append("a.org_uid IN (SELECT uid FROM subtree)")
    for field in ("type", "category"):
        value = getattr(flt, field)
        if value is not None:
            params[field] = value
            where.append(f"a.{field} = :{field}")
    if flt.dimension is not None:
        params["dimension"] = flt.dimension
        where.append("EXISTS (SELECT 1 FROM json_each(a.dimensions) d WHERE d.value = :dimension)")
    if flt.featured is not None:
        params["featured"] = int(flt.featured)
        where.append("a.featured = :featured")
    terms = flt.text.split()
    indexed = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
    if indexed:
        params["match"] = " ".join(fts_string(t) for t in indexed)  # FTS5: all of them
        where.append(
            "a.uid IN (SELECT k.uid FROM activity_search s "
            "JOIN activity_search_keys k ON k.docid = s.rowid WHERE activity_search MATCH :match)"
        )
    for n, term in enumerate(t for t in terms if len(t) < MIN_INDEXED_TERM):
        params[f"like{n}"] = like_pattern(term)
        where.append("(" + " OR ".join(f"a.{c} LIKE :like{n} ESCAPE '\\'" for c in _SEARCHED) + ")")
    body = "FROM activities a JOIN organizations o ON o.uid = a.org_uid WHERE " + " AND ".join(
        where
    )
    return prefix, body, params


def _order(sort: str, descending: bool, key: str, day: str, uid: str) -> str:
    """ORDER BY terms: the sort key (blanks last), then date newest first, then uid."""
    direction = "DESC" if descending else "ASC"
    if sort == "date":
        return f"{day} {direction}, {uid}"
    return f"{key} IS NULL, {key} {direction}, {day} DESC, {uid}"


def _sort_key(sort: str) -> str:
    try:
        return SORT_KEYS[sort]
    except KeyError:
        raise ValueError(f"unknown sort {sort!r}; use one of {sorted(SORT_KEYS)}") from None


def count_activities(ledger: Ledger, flt: ActivityFilter) -> int:
    prefix, body, params = _conditions(flt)
    return int(ledger.conn.execute(f"{prefix}SELECT count(*) {body}", params).fetchone()[0])


def fetch_activities(
    ledger: Ledger,
    flt: ActivityFilter,
    *,
    sort: str = "date",
    descending: bool = True,
    offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[ActivityRow]:
    """Rows ``offset`` to ``offset + limit`` of the table under ``flt``, in the order of
    ``sort``; ties go newest first, then by uid, so consecutive pages never overlap."""
    key = _sort_key(sort)
    prefix, body, params = _conditions(flt)
    params.update(limit=max(limit, 0), offset=max(offset, 0))
    # The page is chosen first; its files are counted for its rows only.
    sql = (
        f"{prefix}SELECT p.*, (SELECT count(*) FROM attachments t "
        "WHERE t.activity_uid = p.uid AND t.deleted_at IS NULL) AS files "
        f"FROM (SELECT {_COLUMNS}, {key} AS sort_key {body} "
        f"ORDER BY {_order(sort, descending, key, 'a.date', 'a.uid')} "
        "LIMIT :limit OFFSET :offset) p "
        f"ORDER BY {_order(sort, descending, 'p.sort_key', 'p.date', 'p.uid')}"
    )
    return [_row(values) for values in ledger.conn.execute(sql, params)]


def activity_position(
    ledger: Ledger, flt: ActivityFilter, uid: str, *, sort: str = "date", descending: bool = True
) -> int | None:
    """The row (from 0) of activity ``uid`` in the table under ``flt`` and that order; None
    when the filter hides it (or it is deleted)."""
    key = _sort_key(sort)
    prefix, body, params = _conditions(flt)
    params["uid"] = uid
    sql = (
        f"{prefix}SELECT n FROM (SELECT a.uid, row_number() OVER "
        f"(ORDER BY {_order(sort, descending, key, 'a.date', 'a.uid')}) - 1 AS n {body}) "
        "WHERE uid = :uid"
    )
    row = ledger.conn.execute(sql, params).fetchone()
    return None if row is None else int(row[0])


def _row(values: tuple[Any, ...]) -> ActivityRow:
    uid, org_uid, kind, day, theme, category, place, host, expected, actual = values[:10]
    dims, featured, summary, files = values[10], values[11], values[12], values[-1]
    return ActivityRow(
        uid=uid,
        org_uid=org_uid,
        type=kind,
        date=date.fromisoformat(day),
        theme=theme,
        category=category,
        place=place,
        host=host,
        expected=expected,
        actual=actual,
        dimensions=tuple(json.loads(dims or "[]")),
        featured=bool(featured),
        summary=summary,
        attachments=int(files),
    )
