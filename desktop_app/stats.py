"""The annual statistics: the one set of figures the dashboard, the PDF and ``stats --json``
all show (DOMAIN.md, "Annual statistics contract").

``compute_stats`` returns a plain dict shaped exactly like the JSON of the contract; nothing
else in the application computes these figures.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from desktop_app.domain.compliance import term_state
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    CREATION_LEVELS,
    DIMENSIONS,
    GRADES,
    THEME_CATEGORIES,
)
from desktop_app.domain.orgtree import OrgTree, load_tree
from desktop_app.storage.ledger import Ledger

RATIO_PLACES = 4


def ratio(part: float, whole: float) -> float:
    """``part / whole`` rounded to four places; 0 when there is nothing to divide by."""
    return round(part / whole, RATIO_PLACES) if whole else 0.0


def compute_stats(
    ledger: Ledger, year: int, scope: str | None = None, as_of: date | None = None
) -> dict[str, Any]:
    """The figures of ``year`` for ``scope`` (a name or path; None for the whole ledger) as of
    ``as_of`` (default today). Raises ``NotFoundError`` for a scope that names no single
    organization."""
    as_of = as_of or date.today()
    with ledger.snapshot():
        tree = load_tree(ledger)
        scope_org = tree.resolve(scope) if scope else tree.root
        scope_uids = tree.subtree(scope_org.uid) if scope_org else []
        in_year = _IN_YEAR + (_IN_LEDGER if len(scope_uids) == len(tree) else _IN_SUBTREE)
        with _scope_table(ledger, scope_uids):
            return {
                "year": year,
                "scope": scope_org.name if scope_org else "",
                "as_of": as_of.isoformat(),
                "organizations": organization_figures(tree, scope_uids),
                "activities": _activities(ledger, in_year, year),
                "compliance": _compliance(ledger, in_year, tree, scope_uids, year, as_of),
                "ratings": _ratings(ledger, year),
                "creation": _creation(ledger),
                "tasks": _tasks(ledger, as_of),
                "terms": _terms(tree, scope_uids, as_of),
            }


def rating_figures(ledger: Ledger, year: int) -> dict[str, Any]:
    """``compute_stats(ledger, year)["ratings"]`` alone (the star-ratings page shows three
    years of them), computed by the same code without the rest of the figures."""
    with ledger.snapshot():
        tree = load_tree(ledger)
        with _scope_table(ledger, tree.subtree(tree.root.uid) if tree.root else []):
            return _ratings(ledger, year)


@contextlib.contextmanager
def _scope_table(ledger: Ledger, uids: Iterable[str]) -> Iterator[None]:
    """The scope's uids in ``temp._stats_scope`` while the block runs."""
    ledger.conn.execute("CREATE TEMP TABLE IF NOT EXISTS _stats_scope (uid TEXT PRIMARY KEY)")
    ledger.conn.execute("DELETE FROM temp._stats_scope")
    ledger.conn.executemany("INSERT INTO temp._stats_scope VALUES (?)", [(u,) for u in uids])
    try:
        yield
    finally:
        ledger.conn.execute("DELETE FROM temp._stats_scope")


def _zeros(codes: Iterable[str]) -> dict[str, int]:
    return dict.fromkeys(codes, 0)


def organization_figures(tree: OrgTree, scope_uids: list[str]) -> dict[str, Any]:
    """The organization figures of the contract for the organizations ``scope_uids`` (the
    organization tree page shows them for every committee and college)."""
    active = [tree.by_uid[u] for u in scope_uids if tree.by_uid[u].active]
    branches = [o for o in active if o.level == "branch"]
    by_type = _zeros(BRANCH_TYPES.codes)
    for branch in branches:
        if branch.branch_type in by_type:
            by_type[branch.branch_type] += 1
    teacher = [b for b in branches if b.branch_type == "teacher"]
    return {
        "colleges": sum(1 for o in active if o.level == "college"),
        "branches": len(branches),
        "branches_by_type": by_type,
        "members_full": sum(o.members_full for o in active),
        "members_probationary": sum(o.members_probationary for o in active),
        "activists": sum(o.activists for o in active),
        "double_leader_ratio": ratio(sum(1 for b in teacher if b.double_leader), len(teacher)),
    }


# The activities of the year in the scope, read from the index ``activities_live``. When the
# scope holds every organization out of the recycle bin (the whole ledger), "in the scope" is
# "not of an organization in the bin", which costs nothing per row; a subtree is looked up in
# the temporary table of its uids.
_IN_YEAR = "FROM activities a WHERE a.deleted_at IS NULL AND a.date BETWEEN :start AND :end AND "
_IN_LEDGER = "a.org_uid NOT IN (SELECT uid FROM organizations WHERE deleted_at IS NOT NULL)"
_IN_SUBTREE = "a.org_uid IN (SELECT uid FROM temp._stats_scope)"


def _year_bounds(year: int) -> dict[str, str]:
    return {"start": f"{year:04d}-01-01", "end": f"{year:04d}-12-31"}


def _activities(ledger: Ledger, in_year: str, year: int) -> dict[str, Any]:
    bounds = _year_bounds(year)
    by_type = _zeros(ACTIVITY_TYPES.codes)
    by_category = _zeros(THEME_CATEGORIES.codes)
    total = featured = actual = expected = 0
    # One pass over the year: a row per (type, category) with the sums the contract needs.
    for kind, category, count, n_featured, n_actual, n_expected in ledger.conn.execute(
        "SELECT a.type, a.category, count(*), coalesce(sum(a.featured), 0), "
        "coalesce(sum(CASE WHEN a.expected > 0 THEN coalesce(a.actual, 0) END), 0), "
        f"coalesce(sum(CASE WHEN a.expected > 0 THEN a.expected END), 0) {in_year} "
        "GROUP BY a.type, a.category",
        bounds,
    ):
        total += count
        featured += n_featured
        actual += n_actual
        expected += n_expected
        if kind in by_type:
            by_type[kind] += count
        if kind == "theme_day" and category in by_category:
            by_category[category] += count
    # The dimensions: a row per distinct list (a few hundred at most), each activity once per
    # dimension it lists, however often the list names it.
    by_dimension = _zeros(DIMENSIONS.codes)
    for listed, count in ledger.conn.execute(
        f"SELECT a.dimensions, count(*) {in_year} AND a.dimensions != '[]' GROUP BY a.dimensions",
        bounds,
    ):
        for dimension in set(json.loads(listed)):
            if dimension in by_dimension:
                by_dimension[dimension] += count
    return {
        "total": total,
        "by_type": by_type,
        "theme_day_by_category": by_category,
        "by_dimension": by_dimension,
        "attendance_rate": ratio(actual, expected),
        "featured": featured,
    }


def due_months(founded_on: str | None, year: int, as_of: date) -> list[int]:
    """The months of ``year`` a branch owes a theme day: none before its founding month, none
    after the month of ``as_of``."""
    first = 1
    if founded_on:
        founded = date.fromisoformat(founded_on)
        if founded.year > year:
            return []
        if founded.year == year:
            first = founded.month
    if as_of.year < year:
        return []
    last = 12 if as_of.year > year else as_of.month
    return list(range(first, last + 1))


def _compliance(
    ledger: Ledger, in_year: str, tree: OrgTree, scope_uids: list[str], year: int, as_of: date
) -> dict[str, Any]:
    # The months of each organization's theme days as bits (bit m for month m): a row per
    # organization rather than per theme day.
    held: dict[str, set[int]] = {}
    for org_uid, months in ledger.conn.execute(
        "SELECT a.org_uid, sum(DISTINCT 1 << CAST(substr(a.date, 6, 2) AS INTEGER)) "
        f"{in_year} AND a.type = 'theme_day' GROUP BY a.org_uid",
        _year_bounds(year),
    ):
        held[org_uid] = {m for m in range(1, 13) if months >> m & 1}
    due_total = covered = 0
    missing = []
    for uid in scope_uids:
        branch = tree.by_uid[uid]
        if branch.level != "branch" or not branch.active:
            continue
        due = due_months(branch.founded_on, year, as_of)
        months_held = held.get(uid, set())
        gaps = [m for m in due if m not in months_held]
        due_total += len(due)
        covered += len(due) - len(gaps)
        if gaps:
            missing.append({"branch": tree.path(uid), "missing_months": gaps})
    missing.sort(key=lambda item: item["branch"])
    return {"theme_day_rate": ratio(covered, due_total), "branches_missing": missing}


def _ratings(ledger: Ledger, year: int) -> dict[str, Any]:
    by_stars = {str(s): 0 for s in range(1, 6)}
    for stars, count in ledger.conn.execute(
        "SELECT r.stars, count(*) FROM ratings r JOIN temp._stats_scope s ON s.uid = r.org_uid "
        "WHERE r.deleted_at IS NULL AND r.year = ? GROUP BY r.stars",
        [year],
    ):
        by_stars[str(stars)] = count
    rated = sum(by_stars.values())
    return {
        "rated": rated,
        "by_stars": by_stars,
        "four_plus_ratio": ratio(by_stars["4"] + by_stars["5"], rated),
    }


def _creation(ledger: Ledger) -> list[dict[str, Any]]:
    targets: dict[tuple[str, str], int] = {}
    for level, grade, target in ledger.conn.execute(
        "SELECT level, grade, sum(target) FROM creation_targets WHERE deleted_at IS NULL "
        "GROUP BY level, grade"
    ):
        targets[(level, grade)] = target
    achieved: dict[tuple[str, str], int] = {}
    for level, grade, accepted in ledger.conn.execute(
        "SELECT c.level, c.grade, sum(c.status = 'accepted') FROM creation_candidates c "
        "JOIN temp._stats_scope s ON s.uid = c.org_uid WHERE c.deleted_at IS NULL "
        "GROUP BY c.level, c.grade"
    ):
        achieved[(level, grade)] = accepted
    return [
        {
            "level": level,
            "grade": grade,
            "target": targets.get((level, grade), 0),
            "achieved": achieved.get((level, grade), 0),
        }
        for level in CREATION_LEVELS.codes
        for grade in GRADES.codes
        if (level, grade) in targets or (level, grade) in achieved
    ]


# A task overdue on the day :as_of (DOMAIN.md): the count here and the list of reminders.
OVERDUE_TASK = "status != 'done' AND deadline IS NOT NULL AND deadline < :as_of"


def _tasks(ledger: Ledger, as_of: date) -> dict[str, int]:
    total, done, overdue = ledger.conn.execute(
        "SELECT count(*), coalesce(sum(status = 'done'), 0), "
        f"coalesce(sum({OVERDUE_TASK}), 0) FROM tasks WHERE deleted_at IS NULL",
        {"as_of": as_of.isoformat()},
    ).fetchone()
    return {"total": total, "done": done, "overdue": overdue}


def _terms(tree: OrgTree, scope_uids: list[str], as_of: date) -> dict[str, list[str]]:
    lists: dict[str, list[str]] = {"expired": [], "expiring_soon": []}
    for uid in scope_uids:
        org = tree.by_uid[uid]
        state = term_state(org, as_of) if org.active else None
        if state in lists:
            lists[state].append(tree.path(uid))
    return {key: sorted(paths) for key, paths in lists.items()}


# ---- month by month (the dashboard's chart) ---------------------------------------------
#
# Counted as ``compute_stats`` counts activities (dated in the year, not deleted, of an
# organization in the scope's subtree, the scope being out of the recycle bin), so the twelve
# months of every type add up to its ``activities.by_type`` and all of them to
# ``activities.total``.

MONTHS = 12

# The scope's organizations: ``:scope`` and everything below it, or everything below the root
# when no scope is given; organizations in the recycle bin (and so their subtrees) left out.
_SCOPE = (
    "WITH RECURSIVE scope(uid) AS ("
    "SELECT uid FROM organizations WHERE deleted_at IS NULL "
    "AND (uid = :scope OR (:scope IS NULL AND parent_uid IS NULL)) "
    "UNION ALL SELECT o.uid FROM organizations o JOIN scope s ON o.parent_uid = s.uid "
    "WHERE o.deleted_at IS NULL) "
)


def activities_by_month(
    ledger: Ledger, year: int, scope_uid: str | None = None
) -> dict[str, list[int]]:
    """For every activity type code (zeros included, in the enumeration's order), the number of
    activities of ``year`` in each month, January first. ``scope_uid`` limits the count to that
    organization and its subtree (None: the whole ledger); an unknown or deleted scope counts
    nothing."""
    counts: dict[str, list[int]] = {code: [0] * MONTHS for code in ACTIVITY_TYPES.codes}
    params = {"scope": scope_uid, **_year_bounds(year)}
    if scope_uid is None and _root_reaches_all(ledger):
        # The whole ledger, read from the index alone (as ``compute_stats`` reads it).
        sql = (
            f"SELECT a.type, CAST(substr(a.date, 6, 2) AS INTEGER), count(*) {_IN_YEAR}{_IN_LEDGER}"
        )
    else:
        sql = (
            f"{_SCOPE}SELECT a.type, CAST(substr(a.date, 6, 2) AS INTEGER), count(*) "
            f"{_IN_YEAR}a.org_uid IN (SELECT uid FROM scope)"
        )
    for kind, month, count in ledger.conn.execute(
        f"{sql} GROUP BY a.type, substr(a.date, 6, 2)", params
    ):
        # A type the enumeration does not know still counts, so the months add up to the total.
        counts.setdefault(kind, [0] * MONTHS)[month - 1] += count
    return counts


def _root_reaches_all(ledger: Ledger) -> bool:
    """Whether every organization out of the recycle bin lies under the root (as it does
    unless the tree was left broken): then the root's subtree is "not in the bin"."""
    reached, live = ledger.conn.execute(
        f"{_SCOPE}SELECT (SELECT count(*) FROM scope), "
        "(SELECT count(*) FROM organizations WHERE deleted_at IS NULL)",
        {"scope": None},
    ).fetchone()
    return bool(reached == live)
