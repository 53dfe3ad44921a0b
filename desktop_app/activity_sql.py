"""How the activity table's queries find their rows (``desktop_app.activity_query`` puts
the statements together), so that a university's 150,000 activities answer at once:

- Every filter but the search reads the columns of the index ``activities_live`` (date,
  organization, type, category, featured, figures, dimensions, uid of the live activities):
  counts and pages come from the index alone, and a page's other columns are read for its
  own rows only. The organization is checked against the short list of organizations in the
  recycle bin (if there are any), not joined row by row. A small subtree is read through
  ``activities_org_date``; a large one is tested on the index.
- Indexed terms (three characters or more, FTS5 trigram) that match many activities are
  tested on the index read in date order (the newest page is found after a few hundred
  rows); few matches are looked up one by one.
- Short terms (LIKE if they hold Latin letters, whose case it ignores; else a plain
  substring test) are looked for among the newest activities first, for a bounded number of
  steps; a rare one is then found by reading the table once, in its own order, which is four
  times quicker than reading it in date order through the index.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop_app.storage.ledger import Ledger

if TYPE_CHECKING:
    from desktop_app.activity_query import ActivityFilter

# Shortest term the trigram index finds; shorter ones are looked for in the columns.
MIN_INDEXED_TERM = 3
# From this many activities matching the indexed terms, a page sorted by date is found by
# reading the index in date order and testing each activity; below, the matches are looked up
# one by one and sorted.
MANY_MATCHES = 3000
# A subtree with at least this share of the live organizations is tested on the index read in
# order (a page sorted by date; a count, or another order) rather than looked up organization
# by organization.
SUBTREE_SHARE_PAGE = 1 / 20
SUBTREE_SHARE_ALL = 1 / 3
# How many SQLite steps a page with short terms is looked for among the newest activities
# (about 5,000 of them) before the table is read once instead (0: read it at once).
NEWEST_FIRST_STEPS = 100_000

SUBTREE = (
    "WITH RECURSIVE subtree(uid) AS ("
    "SELECT uid FROM organizations WHERE uid = :org AND deleted_at IS NULL "
    "UNION ALL SELECT o.uid FROM organizations o JOIN subtree s ON o.parent_uid = s.uid "
    "WHERE o.deleted_at IS NULL) "
)
LIVE = (
    "a.deleted_at IS NULL",
    "a.org_uid NOT IN (SELECT uid FROM organizations WHERE deleted_at IS NOT NULL)",
)
_ANY_ORG_DELETED = "SELECT EXISTS (SELECT 1 FROM organizations WHERE deleted_at IS NOT NULL)"
_SEARCHED = ("theme", "summary", "place")
_MATCHES = "SELECT rowid FROM activity_search WHERE activity_search MATCH :match"
# The two ways of testing the indexed terms: the matches looked up one by one, or each
# activity of the index looked up among the matches (by the search's integer docid).
_MATCH_LOOKED_UP = (
    "a.uid IN (SELECT k.uid FROM activity_search s "
    "JOIN activity_search_keys k ON k.docid = s.rowid WHERE activity_search MATCH :match)"
)
_MATCH_TESTED = f"(SELECT k.docid FROM activity_search_keys k WHERE k.uid = a.uid) IN ({_MATCHES})"
ORG_JOIN = "JOIN organizations o ON o.uid = a.org_uid"


def fts_string(term: str) -> str:
    """``term`` as an FTS5 string: in double quotes, its own double quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


def like_pattern(term: str) -> str:
    """``%term%`` for ``LIKE ... ESCAPE '\\'``, with ``%``, ``_`` and ``\\`` taken literally."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class Query:
    """The SQL of one filter, in pieces that each kind of statement puts together."""

    prefix: str = ""  # WITH ... (the subtree)
    where: list[str] = field(default_factory=list)  # conditions on the index's columns
    org_deleted: bool = False  # some organization is in the recycle bin
    params: dict[str, Any] = field(default_factory=dict)
    subtree: tuple[int, int] | None = None  # (organizations in it, live organizations)
    match: bool = False  # indexed terms, in :match
    short: list[str] = field(default_factory=list)  # a condition per short term

    def subtree_tested(self, share: float) -> bool | None:
        """How the subtree is read: None when there is none or it holds every live
        organization (the liveness test is then the whole condition); False when it is
        small: its activities are looked up organization by organization through
        ``activities_org_date``; True when it holds at least ``share`` of the organizations:
        each activity of the index read in order is tested."""
        if self.subtree is None:
            return None
        inside, live = self.subtree
        if inside and inside == live:
            return None
        return inside >= share * live

    def reads_table(self) -> bool:
        """True if the short terms are best found by reading the table once, in its own
        order: no year, small subtree or indexed term bounds the rows, and each row's text
        must be read anyway (read in date order through the index, the rows are scattered
        and cost four times as much)."""
        bounded = "start" in self.params or self.subtree_tested(SUBTREE_SHARE_ALL) is False
        return bool(self.short) and not self.match and not bounded

    def body(
        self,
        *,
        page_by_date: bool = False,
        tested_match: bool = False,
        read_table: bool = False,
        join_org: bool = False,
    ) -> str:
        """``FROM ... WHERE ...``: ``page_by_date`` for a page in date order, which stops
        early (else every row is needed: a count, another order); ``tested_match`` tests each
        activity among the search's matches (else the matches are looked up one by one);
        ``read_table`` reads the table in its own order, no index, testing the short terms
        first (most rows fail there); ``join_org`` joins the organization (as ``o``)."""
        terms = list(self.where)
        if join_org:  # joined anyway: its own column says whether it is live
            terms.append("o.deleted_at IS NULL")
        elif self.org_deleted:  # the few in the bin, not a join per row
            terms.append(LIVE[1])
        tested = self.subtree_tested(SUBTREE_SHARE_PAGE if page_by_date else SUBTREE_SHARE_ALL)
        if tested is not None:
            # The unary + keeps the planner from driving the lookup from the subtree.
            terms.append(f"{'+' if tested else ''}a.org_uid IN (SELECT uid FROM subtree)")
        if self.match:
            terms.append(_MATCH_TESTED if tested_match else _MATCH_LOOKED_UP)
        terms = self.short + terms if read_table else terms + self.short
        table = "activities a NOT INDEXED" if read_table else "activities a"
        join = f" {ORG_JOIN}" if join_org else ""
        return f"FROM {table}{join} WHERE {' AND '.join(terms)}"


def query_of(ledger: Ledger, flt: ActivityFilter) -> Query:
    """The pieces of SQL of ``flt`` (reading the organizations' state for its plan)."""
    query = Query(where=[LIVE[0]])
    # Usually no organization is in the recycle bin: then no activity needs testing for it.
    query.org_deleted = bool(ledger.conn.execute(_ANY_ORG_DELETED).fetchone()[0])
    where, params = query.where, query.params
    if flt.year is not None:
        if flt.month is not None:
            params["start"] = f"{flt.year:04d}-{flt.month:02d}-01"
            params["end"] = f"{flt.year:04d}-{flt.month:02d}-31"
        else:
            params["start"] = f"{flt.year:04d}-01-01"
            params["end"] = f"{flt.year:04d}-12-31"
        where.append("a.date BETWEEN :start AND :end")
    for name in ("type", "category"):
        value = getattr(flt, name)
        if value is not None:
            params[name] = value
            where.append(f"a.{name} = :{name}")
    if flt.featured is not None:
        params["featured"] = int(flt.featured)
        where.append("a.featured = :featured")
    if flt.dimension is not None:
        # The dimensions are a JSON list of codes, written by json.dumps: a code is there
        # exactly when its quoted form is (codes are plain words, so none holds another's
        # quoted form). Read from the index, with no JSON parsed per row.
        params["dimension"] = json.dumps(flt.dimension)
        where.append("instr(a.dimensions, :dimension) > 0")
    if flt.org_uid is not None:
        query.prefix = SUBTREE
        params["org"] = flt.org_uid
        inside, live = ledger.conn.execute(
            f"{SUBTREE}SELECT (SELECT count(*) FROM subtree), "
            "(SELECT count(*) FROM organizations WHERE deleted_at IS NULL)",
            params,
        ).fetchone()
        query.subtree = (int(inside), int(live))
    terms = flt.text.split()
    indexed = [t for t in terms if len(t) >= MIN_INDEXED_TERM]
    if indexed:
        params["match"] = " ".join(fts_string(t) for t in indexed)  # FTS5: all of them
        query.match = True
    for n, term in enumerate(t for t in terms if len(t) < MIN_INDEXED_TERM):
        if any(c.isascii() and c.isalpha() for c in term):  # LIKE ignores their case
            params[f"short{n}"] = like_pattern(term)
            tests = [f"a.{c} LIKE :short{n} ESCAPE '\\'" for c in _SEARCHED]
        else:  # nothing to fold: the plain substring test is quicker
            params[f"short{n}"] = term
            tests = [f"instr(a.{c}, :short{n})" for c in _SEARCHED]
        query.short.append("(" + " OR ".join(tests) + ")")
    return query


def many_matches(ledger: Ledger, query: Query) -> bool:
    """True if the indexed terms match at least ``MANY_MATCHES`` activities (live or not)."""
    row = ledger.conn.execute(
        f"SELECT count(*) FROM ({_MATCHES} LIMIT :cap)",
        {"match": query.params["match"], "cap": MANY_MATCHES},
    ).fetchone()
    return int(row[0]) >= MANY_MATCHES


def newest_first(
    conn: sqlite3.Connection, sql: str, params: dict[str, Any]
) -> list[tuple[Any, ...]] | None:
    """The rows of a page with short terms, looked for in date order for at most
    ``NEWEST_FIRST_STEPS``: None if a rare term needs more (then the table is read once)."""
    return within(conn, sql, params, NEWEST_FIRST_STEPS) if NEWEST_FIRST_STEPS > 0 else None


def within(
    conn: sqlite3.Connection, sql: str, params: dict[str, Any], steps: int
) -> list[tuple[Any, ...]] | None:
    """The rows of ``sql``, or None if SQLite needs more than about ``steps`` virtual-machine
    instructions for them (the statement is then abandoned). Counting steps rather than time
    makes the choice the same however busy the computer is."""
    calls = 0
    stride = 1000

    def spent() -> bool:
        nonlocal calls
        calls += 1
        return calls * stride > steps

    conn.set_progress_handler(spent, stride)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError:
        if calls * stride > steps:  # abandoned by spent()
            return None
        raise
    finally:
        conn.set_progress_handler(None, 0)
