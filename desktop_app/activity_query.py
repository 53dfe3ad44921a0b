"""The activity table's rows: filtered, searched and sorted in SQL, read a page at a time.

The window's table loads rows on demand: ``fetch_activities`` reads one page,
``count_activities`` says how many rows the filter lets through (the window counts in the
background), ``activity_position`` finds the row of a record (one just saved, say).

Only live records count: the activity and its organization out of the recycle bin. The search
text is split on whitespace and every term must match theme, summary or place (case aside for
Latin letters): a term of three characters or more through the trigram index
``activity_search``, a shorter one (党课, 党) as a substring of the columns themselves.

How the statements find their rows quickly is ``desktop_app.activity_sql``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.activity_sql import (
    LIVE,
    MIN_INDEXED_TERM,
    ORG_JOIN,
    fts_string,
    like_pattern,
    many_matches,
    newest_first,
    query_of,
)
from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.storage.ledger import Ledger

__all__ = [
    "MIN_INDEXED_TERM",
    "PAGE_SIZE",
    "SORT_KEYS",
    "ActivityFilter",
    "ActivityRow",
    "activity_position",
    "any_activity",
    "count_activities",
    "fetch_activities",
    "fts_string",
    "like_pattern",
    "narrows",
]

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
    """How many activities ``flt`` lets through."""
    query = query_of(ledger, flt)
    body = query.body(read_table=query.reads_table())
    sql = f"{query.prefix}SELECT count(*) {body}"
    return int(ledger.conn.execute(sql, query.params).fetchall()[0][0])


def any_activity(ledger: Ledger) -> bool:
    """True if the ledger holds at least one live activity (of a live organization)."""
    sql = f"SELECT EXISTS (SELECT 1 FROM activities a WHERE {' AND '.join(LIVE)})"
    return bool(ledger.conn.execute(sql).fetchone()[0])


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
    query = query_of(ledger, flt)
    params = {**query.params, "limit": max(limit, 0), "offset": max(offset, 0)}
    by_date = sort == "date"
    tested_match = by_date and query.match and many_matches(ledger, query)

    join = f" {ORG_JOIN}" if sort == "organization" else ""
    order = _order(sort, descending, key, "a.date", "a.uid")

    def sql(read_table: bool) -> str:
        body = query.body(
            page_by_date=by_date,
            tested_match=tested_match,
            read_table=read_table,
            join_org=bool(join),
        )
        # The page is chosen on the index first; its rows are read, and their files counted,
        # for its own rows only. (Chosen in an IN list, not a subquery in FROM: SQLite
        # materializes that one and sorts every row rather than keeping the page's best.)
        return (
            f"{query.prefix}SELECT {_COLUMNS}, (SELECT count(*) FROM attachments t "
            "WHERE t.activity_uid = a.uid AND t.deleted_at IS NULL) AS files "
            f"FROM activities a{join} WHERE a.rowid IN (SELECT a.rowid {body} "
            f"ORDER BY {order} LIMIT :limit OFFSET :offset) ORDER BY {order}"
        )

    rows: list[tuple[Any, ...]] | None = None
    read_table = query.reads_table()
    if read_table and by_date:
        # Common short terms fill a page from the newest few hundred activities: look there
        # first, for a bounded number of steps, before reading the whole table.
        rows = newest_first(ledger.conn, sql(False), params)
    if rows is None:
        rows = ledger.conn.execute(sql(read_table), params).fetchall()
    return [_row(values) for values in rows]


def activity_position(
    ledger: Ledger, flt: ActivityFilter, uid: str, *, sort: str = "date", descending: bool = True
) -> int | None:
    """The row (from 0) of activity ``uid`` in the table under ``flt`` and that order; None
    when the filter hides it (or it is deleted).

    Its sort key, date and uid are read, then the rows that sort before those are counted
    (for the date order, from the index alone)."""
    key = _sort_key(sort)
    query = query_of(ledger, flt)
    join_org = sort == "organization"
    body = query.body(join_org=join_org)
    target = ledger.conn.execute(
        f"{query.prefix}SELECT {key}, a.date, a.uid {body} AND a.uid = :uid",
        {**query.params, "uid": uid},
    ).fetchall()
    if not target:
        return None
    [(value, day, found)] = target
    params = {**query.params, "t_key": value, "t_day": day, "t_uid": found}
    # Ties go newest first, then by uid.
    tie = "(a.date > :t_day OR (a.date = :t_day AND a.uid < :t_uid))"
    if sort == "date":
        earlier = ">" if descending else "<"
        before = f"(a.date {earlier} :t_day OR (a.date = :t_day AND a.uid < :t_uid))"
    elif value is None:  # blanks come last: every row with a key comes before
        before = f"({key} IS NOT NULL OR {tie})"
    else:
        earlier = ">" if descending else "<"
        before = f"({key} IS NOT NULL AND ({key} {earlier} :t_key OR ({key} = :t_key AND {tie})))"
    body = query.body(read_table=query.reads_table(), join_org=join_org)
    sql = f"{query.prefix}SELECT count(*) {body} AND {before}"
    return int(ledger.conn.execute(sql, params).fetchall()[0][0])


def narrows(new: ActivityFilter, old: ActivityFilter) -> bool:
    """True if every activity ``new`` lets through, ``old`` lets through too (so a filter
    that narrows one that found nothing finds nothing either): each condition of ``old`` is
    in ``new``, and each of its search terms is part of a term of ``new`` matched the same
    way (a short term by LIKE, a longer one by the index: they fold case differently, unless
    the term has no letters with case)."""
    for name in ("year", "org_uid", "type", "category", "dimension", "featured"):
        if getattr(old, name) is not None and getattr(new, name) != getattr(old, name):
            return False
    if old.month is not None and (new.year, new.month) != (old.year, old.month):
        return False

    def within(part: str, term: str) -> bool:
        same_way = (len(part) >= MIN_INDEXED_TERM) == (len(term) >= MIN_INDEXED_TERM)
        caseless = all(c.lower() == c.upper() for c in part)
        return part in term and (same_way or caseless)

    terms = new.text.split()
    return all(any(within(part, term) for term in terms) for part in old.text.split())


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
