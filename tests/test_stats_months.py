"""Activities month by month on a hand-built ledger, and their agreement with the statistics."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain import activities, organizations
from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.stats import activities_by_month, compute_stats
from desktop_app.storage import Ledger, records

YEAR = 2025


def _months(**counts: int) -> list[int]:
    """Twelve counts from keyword arguments such as ``m3=2``."""
    result = [0] * 12
    for key, value in counts.items():
        result[int(key[1:]) - 1] = value
    return result


@pytest.fixture
def built(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid: dict[str, str] = {}
    uid["root"] = add(ledger, name="示范学院党委", level="committee")
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["xx"] = add(ledger, name="信息工程学院党总支", level="college", parent_uid=uid["root"])
    uid["jd_t1"] = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"], branch_type="teacher"
    )
    uid["xx_t1"] = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=uid["xx"], branch_type="teacher"
    )
    uid["gone"] = add(
        ledger, name="学生第一党支部", level="branch", parent_uid=uid["xx"], branch_type="student"
    )

    def act(org: str, kind: str, day: date) -> str:
        return activities.add_activity(
            ledger,
            uid[org],
            type=kind,
            date=day,
            theme=f"{kind} {day.isoformat()}",
            category="study" if kind == "theme_day" else None,
        )

    act("jd_t1", "theme_day", date(YEAR, 1, 10))
    act("jd_t1", "theme_day", date(YEAR, 1, 25))  # two in one month
    act("jd_t1", "theme_day", date(YEAR, 3, 10))
    act("jd_t1", "party_lecture", date(YEAR, 12, 31))  # last day of the year
    act("jd", "general_meeting", date(YEAR, 6, 1))  # the college's own activity
    act("xx_t1", "theme_day", date(YEAR, 1, 1))  # first day of the year
    act("xx_t1", "committee_meeting", date(YEAR, 11, 5))
    act("xx_t1", "theme_day", date(YEAR - 1, 12, 31))  # another year
    act("xx_t1", "theme_day", date(YEAR + 1, 1, 1))
    deleted = act("xx_t1", "theme_day", date(YEAR, 2, 2))
    activities.delete_activity(ledger, deleted)
    # A branch in the recycle bin on its own: its live activity does not count any more.
    act("gone", "theme_day", date(YEAR, 4, 4))
    with ledger.transaction():
        records.soft_delete(ledger, [("organizations", uid["gone"])], cause=uid["gone"])
    return uid


def test_whole_ledger_by_type_and_month(ledger: Ledger, built: dict[str, str]) -> None:
    counts = activities_by_month(ledger, YEAR)
    assert list(counts) == list(ACTIVITY_TYPES.codes)
    assert counts["theme_day"] == _months(m1=3, m3=1)
    assert counts["party_lecture"] == _months(m12=1)
    assert counts["general_meeting"] == _months(m6=1)
    assert counts["committee_meeting"] == _months(m11=1)
    for code in ("group_meeting", "life_meeting", "member_review", "other"):
        assert counts[code] == [0] * 12


def test_subtree_scope(ledger: Ledger, built: dict[str, str]) -> None:
    jd = activities_by_month(ledger, YEAR, built["jd"])
    assert jd["theme_day"] == _months(m1=2, m3=1)
    assert jd["general_meeting"] == _months(m6=1)
    assert jd["committee_meeting"] == [0] * 12
    branch = activities_by_month(ledger, YEAR, built["xx_t1"])
    assert branch["theme_day"] == _months(m1=1)
    assert branch["committee_meeting"] == _months(m11=1)
    assert sum(map(sum, branch.values())) == 2
    # The organization in the recycle bin, or one that never existed, counts nothing.
    for scope in (built["gone"], "no-such-uid"):
        assert sum(map(sum, activities_by_month(ledger, YEAR, scope).values())) == 0


def test_other_years(ledger: Ledger, built: dict[str, str]) -> None:
    assert activities_by_month(ledger, YEAR - 1)["theme_day"] == _months(m12=1)
    assert activities_by_month(ledger, YEAR + 1)["theme_day"] == _months(m1=1)
    assert sum(map(sum, activities_by_month(ledger, YEAR + 2).values())) == 0


def test_empty_ledger_counts_zeros(ledger: Ledger) -> None:
    counts = activities_by_month(ledger, YEAR)
    assert counts == {code: [0] * 12 for code in ACTIVITY_TYPES.codes}


@pytest.mark.parametrize("scope", [None, "jd", "xx", "xx_t1"])
def test_agrees_with_statistics(ledger: Ledger, built: dict[str, str], scope: str | None) -> None:
    scope_uid = built[scope] if scope else None
    counts = activities_by_month(ledger, YEAR, scope_uid)
    path = None
    if scope_uid:
        from desktop_app.domain.orgtree import load_tree

        path = load_tree(ledger).path(scope_uid)
    stats = compute_stats(ledger, YEAR, path, as_of=date(YEAR, 12, 31))
    assert sum(map(sum, counts.values())) == stats["activities"]["total"]
    assert {code: sum(months) for code, months in counts.items()} == stats["activities"]["by_type"]


def test_demo_ledger_agrees_with_statistics(ledger: Ledger) -> None:
    from desktop_app.demo import build_demo

    build_demo(ledger, YEAR)
    counts = activities_by_month(ledger, YEAR)
    stats = compute_stats(ledger, YEAR, as_of=date(YEAR, 12, 31))
    assert stats["activities"]["total"] > 100
    assert sum(map(sum, counts.values())) == stats["activities"]["total"]
    assert {code: sum(months) for code, months in counts.items()} == stats["activities"]["by_type"]


def test_one_query_using_the_organization_index(ledger: Ledger, built: dict[str, str]) -> None:
    statements: list[str] = []
    ledger.conn.set_trace_callback(statements.append)
    try:
        activities_by_month(ledger, YEAR, built["jd"])
    finally:
        ledger.conn.set_trace_callback(None)
    assert len(statements) == 1
    plan = " ".join(
        str(row[-1]) for row in ledger.conn.execute("EXPLAIN QUERY PLAN " + statements[0])
    )
    assert "activities_org_date" in plan
