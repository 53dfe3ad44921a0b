"""The activity table's queries and the statistics read the index of the live activities
(``activities_live``), or ``activities_org_date`` for a small subtree, and never the whole
table row by row: checked with SQLite's ``EXPLAIN QUERY PLAN`` on every statement they run
over ``activities``, on a ledger of a few thousand activities (the demo university over three
years). Without ``ANALYZE`` statistics SQLite plans the same way whatever the size of the
ledger, so these are the plans of a whole university too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app import activity_sql
from desktop_app.activity_query import (
    ActivityFilter,
    activity_position,
    count_activities,
    fetch_activities,
)
from desktop_app.demo import build_demo
from desktop_app.i18n import set_language
from desktop_app.stats import activities_by_month, compute_stats
from desktop_app.storage import Ledger, open_ledger, records

YEAR = 2025
AS_OF = date(YEAR, 12, 31)

Plan = tuple[str, list[str]]


@pytest.fixture(scope="module")
def university(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ledger]:
    """The demo university, its activities copied into the two years before."""
    set_language("en")
    path: Path = tmp_path_factory.mktemp("plans") / "ledger.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR)
        columns = (
            "org_uid, type, date, theme, category, place, host, expected, actual, dimensions, "
            "featured, summary"
        )
        rows = ledger.query(f"SELECT {columns} FROM activities WHERE deleted_at IS NULL")
        copies = [
            {**row, "date": f"{year}{row['date'][4:]}"}
            for year in (YEAR - 2, YEAR - 1)
            for row in rows
        ]
        with ledger.transaction():
            records.insert_many(ledger, "activities", copies)
        assert ledger.scalar("SELECT count(*) FROM activities") > 3000
        yield ledger


def plans_of(ledger: Ledger, run: Callable[[], object]) -> list[Plan]:
    """Every statement ``run`` executes that reads the activities, with its plan's lines."""
    seen: list[str] = []
    ledger.conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        ledger.conn.set_trace_callback(None)
    return [
        (sql, [row[3] for row in ledger.conn.execute(f"EXPLAIN QUERY PLAN {sql}")])
        for sql in seen
        if re.search(r"\bFROM activities a\b", sql)
    ]


def scans_the_table(lines: list[str]) -> bool:
    """A full scan of the activities table itself (not of one of its indexes)."""
    return any(re.fullmatch(r"SCAN (a|activities)", line) for line in lines)


def uses(lines: list[str], index: str, *, covering: bool = False) -> bool:
    kind = "COVERING INDEX" if covering else "(COVERING )?INDEX"
    return any(re.search(rf"\b(SEARCH|SCAN) a USING {kind} {index}\b", line) for line in lines)


def table_queries(ledger: Ledger, flt: ActivityFilter, sort: str = "date") -> list[Plan]:
    def run() -> None:
        count_activities(ledger, flt)
        fetch_activities(ledger, flt, sort=sort)

    found = plans_of(ledger, run)
    assert len(found) >= 2, found
    return found


def org_uid(ledger: Ledger, level: str) -> str:
    return str(
        ledger.scalar(
            "SELECT uid FROM organizations WHERE level = ? AND deleted_at IS NULL "
            "ORDER BY name LIMIT 1",
            [level],
        )
    )


# ---- the activity table ------------------------------------------------------------------------

INDEX_ONLY = {
    "no filter": ActivityFilter(),
    "year": ActivityFilter(year=YEAR),
    "month": ActivityFilter(year=YEAR, month=3),
    "type": ActivityFilter(type="theme_day"),
    "category": ActivityFilter(category="volunteer"),
    "dimension": ActivityFilter(dimension="culture"),
    "featured": ActivityFilter(featured=True),
    "type and category in a month": ActivityFilter(
        year=YEAR, month=5, type="theme_day", category="study"
    ),
}


@pytest.mark.parametrize("name", sorted(INDEX_ONLY))
def test_the_filters_read_the_live_index_alone(university: Ledger, name: str) -> None:
    count, page = table_queries(university, INDEX_ONLY[name])
    sql, lines = count
    assert sql.startswith("SELECT count(*)")
    assert uses(lines, "activities_live", covering=True), lines
    # The organization is checked against those in the recycle bin, not joined per row.
    assert not any(line.startswith("SEARCH o ") for line in lines), lines
    sql, lines = page
    assert uses(lines, "activities_live"), lines
    assert not scans_the_table(lines), lines
    # The page is chosen on the index; only its own rows are then read from the table.
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in lines, lines


def test_a_year_is_a_range_of_the_index(university: Ledger) -> None:
    for _sql, lines in table_queries(university, ActivityFilter(year=YEAR, type="theme_day")):
        assert any(
            re.search(
                r"SEARCH a USING (COVERING )?INDEX activities_live \(date>\? AND date<\?\)", x
            )
            for x in lines
        ), lines


def test_a_small_subtree_is_read_organization_by_organization(
    university: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    branch, college = org_uid(university, "branch"), org_uid(university, "college")
    filters = [ActivityFilter(org_uid=branch), ActivityFilter(org_uid=branch, year=YEAR)]
    for flt in filters:
        for _sql, lines in table_queries(university, flt):
            assert uses(lines, "activities_org_date"), lines
            assert not scans_the_table(lines), lines
    # A college of the demo holds a tenth of its organizations; one of a university, a sixtieth.
    monkeypatch.setattr(activity_sql, "SUBTREE_SHARE_PAGE", 1.0)
    monkeypatch.setattr(activity_sql, "SUBTREE_SHARE_ALL", 1.0)
    for flt in (ActivityFilter(org_uid=college), ActivityFilter(org_uid=college, year=YEAR)):
        for _sql, lines in table_queries(university, flt):
            assert uses(lines, "activities_org_date"), lines
            assert not scans_the_table(lines), lines


def test_a_large_subtree_is_tested_on_the_live_index(
    university: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(activity_sql, "SUBTREE_SHARE_PAGE", 0.0)
    monkeypatch.setattr(activity_sql, "SUBTREE_SHARE_ALL", 0.0)
    college = org_uid(university, "college")
    for _sql, lines in table_queries(university, ActivityFilter(org_uid=college)):
        assert uses(lines, "activities_live"), lines
        assert not uses(lines, "activities_org_date"), lines


def test_the_whole_tree_is_the_live_index(university: Ledger) -> None:
    root = org_uid(university, "committee")
    count, page = table_queries(university, ActivityFilter(org_uid=root, year=YEAR))
    assert uses(count[1], "activities_live", covering=True), count
    assert uses(page[1], "activities_live"), page


def test_a_search_with_few_matches_looks_each_up(university: Ledger) -> None:
    for _sql, lines in table_queries(university, ActivityFilter(text="敬老院")):
        assert "SEARCH a USING INDEX sqlite_autoindex_activities_1 (uid=?)" in lines, lines
        assert any("VIRTUAL TABLE INDEX 0:M" in line for line in lines), lines  # FTS5 MATCH
        assert not scans_the_table(lines), lines


def test_a_search_with_many_matches_tests_the_live_index_in_date_order(
    university: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(activity_sql, "MANY_MATCHES", 10)
    _count, (_sql, lines) = table_queries(university, ActivityFilter(text="志愿服务"))
    assert any(re.fullmatch(r"SCAN a USING (COVERING )?INDEX activities_live", x) for x in lines)
    assert any("activity_search_keys" in line for line in lines), lines  # the docid of each
    assert not scans_the_table(lines), lines


def test_a_short_term_in_a_year_reads_the_years_range(university: Ledger) -> None:
    for _sql, lines in table_queries(university, ActivityFilter(year=YEAR, text="党课")):
        assert uses(lines, "activities_live"), lines
        assert not scans_the_table(lines), lines


def test_a_short_term_alone_looks_among_the_newest_then_reads_the_table_once(
    university: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deliberate: with nothing else bounding the rows, every row's text must be read; in the
    table's own order that is four times quicker than in date order through the index."""
    flt = ActivityFilter(text="党课")
    [(_sql, first)] = plans_of(university, lambda: fetch_activities(university, flt))
    assert uses(first, "activities_live"), first  # the newest first: a common term stops there
    monkeypatch.setattr(activity_sql, "NEWEST_FIRST_STEPS", 0)
    [(_sql, page)] = plans_of(university, lambda: fetch_activities(university, flt))
    [(_sql, count)] = plans_of(university, lambda: count_activities(university, flt))
    for lines in (page, count):
        assert scans_the_table(lines), lines


def test_a_position_reads_the_live_index(university: Ledger) -> None:
    flt = ActivityFilter(year=YEAR)
    uid = fetch_activities(university, flt, offset=300, limit=1)[0].uid
    found = plans_of(university, lambda: activity_position(university, flt, uid))
    assert activity_position(university, flt, uid) == 300
    target, before = found
    assert "SEARCH a USING INDEX sqlite_autoindex_activities_1 (uid=?)" in target[1], target
    assert uses(before[1], "activities_live", covering=True), before


@pytest.mark.parametrize("sort", ["organization", "type", "theme", "attendance"])
def test_other_orders_never_scan_the_table(university: Ledger, sort: str) -> None:
    for _sql, lines in table_queries(university, ActivityFilter(year=YEAR), sort=sort):
        assert uses(lines, "activities_live"), lines
        assert not scans_the_table(lines), lines


# ---- the statistics ----------------------------------------------------------------------------


def test_the_statistics_of_the_whole_ledger_read_the_live_index_alone(university: Ledger) -> None:
    found = plans_of(university, lambda: compute_stats(university, YEAR, as_of=AS_OF))
    assert len(found) >= 3, found
    for sql, lines in found:
        assert uses(lines, "activities_live", covering=True), (sql, lines)
        assert any("(date>? AND date<?)" in line for line in lines), (sql, lines)


def test_the_statistics_of_a_college_read_its_organizations(university: Ledger) -> None:
    college = str(
        university.scalar(
            "SELECT name FROM organizations WHERE level = 'college' AND deleted_at IS NULL "
            "ORDER BY name LIMIT 1"
        )
    )
    found = plans_of(university, lambda: compute_stats(university, YEAR, college, AS_OF))
    assert len(found) >= 3, found
    for sql, lines in found:
        assert uses(lines, "activities_org_date"), (sql, lines)
        assert not scans_the_table(lines), (sql, lines)


def test_the_months_of_a_college_read_its_organizations(university: Ledger) -> None:
    college = org_uid(university, "college")
    [(sql, lines)] = plans_of(university, lambda: activities_by_month(university, YEAR, college))
    assert uses(lines, "activities_org_date"), (sql, lines)
    assert not scans_the_table(lines), (sql, lines)


def test_the_months_of_the_whole_ledger_read_the_live_index_alone(university: Ledger) -> None:
    [(sql, lines)] = plans_of(university, lambda: activities_by_month(university, YEAR))
    assert uses(lines, "activities_live", covering=True), (sql, lines)
