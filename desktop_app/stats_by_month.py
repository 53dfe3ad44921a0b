"""Activities of a year month by month, by type: the figures behind the dashboard's chart.

Counted as ``compute_stats`` counts activities (dated in the year, not deleted, of an
organization in the scope's subtree, the scope being out of the recycle bin), so the twelve
months of every type add up to its ``activities.by_type`` and all of them to
``activities.total``.
"""

from __future__ import annotations

from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.storage.ledger import Ledger

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
    for kind, month, count in ledger.conn.execute(
        f"{_SCOPE}SELECT a.type, CAST(substr(a.date, 6, 2) AS INTEGER), count(*) "
        "FROM activities a JOIN scope s ON s.uid = a.org_uid "
        "WHERE a.deleted_at IS NULL AND a.date BETWEEN :start AND :end "
        "GROUP BY a.type, substr(a.date, 6, 2)",
        {"scope": scope_uid, "start": f"{year:04d}-01-01", "end": f"{year:04d}-12-31"},
    ):
        # A type the enumeration does not know still counts, so the months add up to the total.
        counts.setdefault(kind, [0] * MONTHS)[month - 1] += count
    return counts
