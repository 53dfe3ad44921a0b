"""Every migration applies to a ledger as it stood before it, the records survive, and an
existing ledger is copied aside before a pending migration runs (fixtures: fixtures/schemas)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop_app.activity_query import ActivityFilter, count_activities, fetch_activities
from desktop_app.domain import activities, orgtree
from desktop_app.storage import Ledger, open_ledger, schema
from desktop_app.storage import ledger as ledger_module
from desktop_app.storage.schema import MIGRATION_NAMES, MIGRATION_SET

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "schemas"
STEPS = [f"before_{name}.sqlite" for name in MIGRATION_NAMES] + ["current.sqlite"]

Contents = dict[str, list[dict[str, Any]]]


def _read(path: Path) -> tuple[list[str], Contents]:
    """The migrations applied to ``path`` and every row of its tables, without changing it."""
    if path.stat().st_size == 0:
        return [], {}
    # immutable: read the file as it lies, without lock or -shm files beside it
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        conn.row_factory = sqlite3.Row
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        contents = {n: [dict(r) for r in conn.execute(f'SELECT * FROM "{n}"')] for n in names}
    finally:
        conn.close()
    applied = [
        r["name"]
        for r in contents.get("_sqlite_migrations", [])
        if r["migration_set"] == MIGRATION_SET
    ]
    return applied, contents


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return sorted(
        (name, " ".join(sql.split()))
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        )
    )


def _survives(before: Contents, after: Contents) -> None:
    """Every row of before is still there (compared on the columns both versions have)."""
    for table, rows in before.items():
        assert table in after, f"table {table} vanished"
        if not rows:
            continue
        common = [c for c in rows[0] if c in after[table][0]] if after[table] else list(rows[0])
        kept = {tuple(r[c] for c in common) for r in after[table]}
        lost = [r for r in rows if tuple(r[c] for c in common) not in kept]
        assert lost == [], f"rows of {table} lost: {lost}"


def _copies(folder: Path, stem: str) -> list[Path]:
    return sorted(folder.glob(f"{stem}.before-*"))


def test_every_migration_has_its_before_fixture() -> None:
    missing = [
        name for name in MIGRATION_NAMES if not (FIXTURES / f"before_{name}.sqlite").is_file()
    ]
    assert missing == [], "add tests/fixtures/schemas/before_<name>.sqlite (see its README.md)"
    stray = [
        p.name
        for p in FIXTURES.glob("before_*.sqlite")
        if p.stem.removeprefix("before_") not in MIGRATION_NAMES
    ]
    assert stray == []
    assert (FIXTURES / "current.sqlite").is_file()


def test_current_fixture_is_at_the_latest_schema() -> None:
    applied, contents = _read(FIXTURES / "current.sqlite")
    assert applied == MIGRATION_NAMES
    for table in schema.RECORD_TABLES:
        assert contents[table], f"current.sqlite has no record in {table}"


@pytest.mark.parametrize("step", STEPS)
def test_each_fixture_migrates_with_its_records(tmp_path: Path, step: str) -> None:
    path = tmp_path / step
    shutil.copyfile(FIXTURES / step, path)
    applied_before, before = _read(path)
    pending = [name for name in MIGRATION_NAMES if name not in applied_before]

    with open_ledger(path) as ledger:
        assert [r["name"] for r in ledger.query("SELECT name FROM _sqlite_migrations")] == (
            MIGRATION_NAMES
        )
        migrated_schema = _schema(ledger.conn)
        ledger_id = ledger.ledger_id
    with open_ledger(tmp_path / "fresh.sqlite") as fresh:
        assert migrated_schema == _schema(fresh.conn)

    _, after = _read(path)
    _survives(before, after)
    if "ledger_info" in before:  # an existing ledger keeps its identity
        assert {r["key"]: r["value"] for r in before["ledger_info"]}["ledger_id"] == ledger_id

    copies = _copies(tmp_path, path.stem)
    if pending and applied_before:
        # An existing ledger was copied aside, as it was, before the first pending migration.
        assert [c.name.split(".before-")[1].rsplit("-", 2)[0] for c in copies] == [pending[0]]
        assert _read(copies[0]) == (applied_before, before)
    else:
        assert copies == []


def test_a_path_that_does_not_exist_yet_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with open_ledger(path) as ledger:
        assert [r["name"] for r in ledger.query("SELECT name FROM _sqlite_migrations")] == (
            MIGRATION_NAMES
        )
    assert _copies(tmp_path, "new") == []


def test_current_fixture_reads_as_recorded(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "current.sqlite", path)
    with open_ledger(path) as ledger:
        tree = orgtree.load_tree(ledger)
        branch = tree.resolve("机电工程学院党总支/教工第一党支部")
        assert (branch.members_full, branch.elected_on, branch.double_leader) == (
            9,
            "2024-02-29",
            True,
        )
        assert not tree.resolve("离退休党支部").active
        assert tree.path(tree.resolve("机关第一党支部").uid) == "机关第一党支部"
        theme_day = ledger.query("SELECT * FROM activities WHERE type = 'theme_day'")[0]
        assert (theme_day["expected"], theme_day["actual"], theme_day["dimensions"]) == (
            10,
            9,
            '["curriculum", "organization"]',
        )
        assert ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NOT NULL") == 1


# ---- 0002_activity_search ------------------------------------------------------------------


def _indexed(ledger: Ledger, words: str) -> list[str]:
    """The uids the search index holds for ``words``, deleted activities included."""
    return [
        r[0]
        for r in ledger.conn.execute(
            "SELECT k.uid FROM activity_search s JOIN activity_search_keys k "
            "ON k.docid = s.rowid WHERE activity_search MATCH ? ORDER BY k.uid",
            [f'"{words}"'],
        )
    ]


def _plan(ledger: Ledger, sql: str, params: list[str]) -> str:
    return " | ".join(r[3] for r in ledger.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))


def test_0002_indexes_the_activities_of_an_existing_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "before_0002_activity_search.sqlite", path)
    _, before = _read(path)
    theme_day, lecture, deleted = (
        next(r["uid"] for r in before["activities"] if r["type"] == kind)
        for kind in ("theme_day", "party_lecture", "general_meeting")
    )
    with open_ledger(path) as ledger:
        assert ledger.scalar("SELECT count(*) FROM activity_search_keys") == 3
        assert ledger.query(
            "SELECT s.theme, s.summary, s.place FROM activity_search s "
            "JOIN activity_search_keys k ON k.docid = s.rowid WHERE k.uid = ?",
            [lecture],
        ) == [{"theme": "专题党课", "summary": "", "place": ""}]  # NULL is indexed as ''
        for words in ("二十大", "学习二十大精神", "二十"):
            found = fetch_activities(ledger, ActivityFilter(text=words))
            assert [(r.uid, r.date, r.theme) for r in found] == [
                (theme_day, date(2025, 3, 18), "学习二十大精神")
            ]
        assert _indexed(ledger, "集中学习") == [theme_day]  # summary
        assert _indexed(ledger, "图书馆") == [theme_day]  # place
        # The deleted 支部党员大会 is indexed (a restore needs nothing more) but never shown.
        assert _indexed(ledger, "党员大会") == [deleted]
        assert count_activities(ledger, ActivityFilter(text="党员大会")) == 0
        # The triggers keep the index in step from now on.
        activities.update_activity(ledger, lecture, theme="专题党课：初心使命", place="报告厅")
        assert _indexed(ledger, "初心使命") == [lecture]
        assert _indexed(ledger, "报告厅") == [lecture]
        ledger.conn.execute("DELETE FROM activities WHERE uid = ?", [deleted])
        assert _indexed(ledger, "党员大会") == []
        assert ledger.scalar("SELECT count(*) FROM activity_search_keys") == 2


def test_the_search_index_does_not_depend_on_rowids(tmp_path: Path) -> None:
    """VACUUM may renumber the rowids of activities (its key is a TEXT uid); the index goes by
    uid, so renumbered rows are still found as themselves."""
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "current.sqlite", path)
    with open_ledger(path) as ledger:
        ledger.conn.execute("UPDATE activities SET rowid = 1000 - rowid")
        [row] = fetch_activities(ledger, ActivityFilter(text="二十大"))
        assert row.theme == "学习二十大精神"
        assert [r.theme for r in fetch_activities(ledger, ActivityFilter(text="专题党课"))] == [
            "专题党课"
        ]


def test_lookups_use_the_new_indexes(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "before_0002_activity_search.sqlite", path)
    with open_ledger(path) as ledger:
        for table in schema.RECORD_TABLES:
            plan = _plan(ledger, f"SELECT uid FROM {table} WHERE deleted_with = ?", ["x"])
            assert f"USING INDEX {table}_deleted_with" in plan, plan
            # the recycle bin's group of a deletion
            plan = _plan(
                ledger,
                f"SELECT uid FROM {table} WHERE deleted_at IS NOT NULL "
                "AND (deleted_with = ? OR (uid = ? AND deleted_with IS NULL))",
                ["x", "x"],
            )
            assert f"{table}_deleted_with" in plan and f"SCAN {table}" not in plan, plan
        plan = _plan(ledger, "SELECT docid FROM activity_search_keys WHERE uid = ?", ["x"])
        assert "USING COVERING INDEX sqlite_autoindex_activity_search_keys" in plan, plan
        plan = _plan(
            ledger, "SELECT rowid FROM activity_search WHERE activity_search MATCH ?", ["x"]
        )
        assert "VIRTUAL TABLE INDEX" in plan and ":M" in plan, plan


def test_0003_indexes_the_live_activities_of_an_existing_ledger(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "before_0003_live_activities_index.sqlite", path)
    _, before = _read(path)
    live = sorted(r["uid"] for r in before["activities"] if r["deleted_at"] is None)
    deleted = [r["uid"] for r in before["activities"] if r["deleted_at"] is not None]
    assert len(live) == 2 and len(deleted) == 1
    with open_ledger(path) as ledger:
        # The index holds the live activities only, and a count is read from it alone.
        sql = "SELECT uid FROM activities INDEXED BY activities_live WHERE deleted_at IS NULL"
        assert sorted(r[0] for r in ledger.conn.execute(sql)) == live
        sql = (
            "SELECT type, count(*), sum(expected), sum(actual) FROM activities "
            "WHERE deleted_at IS NULL AND date BETWEEN ? AND ? GROUP BY type"
        )
        assert "COVERING INDEX activities_live" in _plan(ledger, sql, ["2025-01-01", "2025-12-31"])
        assert ledger.conn.execute(sql, ["2025-01-01", "2025-12-31"]).fetchall() == [
            ("party_lecture", 1, 8, 8),
            ("theme_day", 1, 10, 9),
        ]
    _survives(before, _read(path)[1])
    with open_ledger(path) as ledger:  # a deletion takes the activity out of the index
        activities.delete_activity(ledger, live[0])
        sql = "SELECT uid FROM activities INDEXED BY activities_live WHERE deleted_at IS NULL"
        assert [r[0] for r in ledger.conn.execute(sql)] == live[1:]


# ---- the copy set aside, with a migration this test adds -------------------------------------


def _with_extra_migration(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> str:
    """Register the released migrations plus one more, as a later version would."""
    extra = Migrations(MIGRATION_SET)
    for name in MIGRATION_NAMES:
        extra(name=name)(_released(name))
    name = "9000_test_extra"

    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE tasks ADD COLUMN priority INTEGER NOT NULL DEFAULT 0")
        if fail:
            raise RuntimeError("the migration broke half-way")

    extra(name=name)(add_column)
    monkeypatch.setattr(ledger_module, "migration_set", lambda: extra)
    monkeypatch.setattr(ledger_module, "MIGRATION_NAMES", [*MIGRATION_NAMES, name])
    return name


def _released(name: str) -> Any:
    return next(m.fn for m in schema.migration_set()._migrations if m.name == name)


def test_an_existing_ledger_is_copied_aside_before_a_pending_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "current.sqlite", path)
    applied_before, before = _read(path)
    name = _with_extra_migration(monkeypatch)
    with open_ledger(path) as ledger:
        assert ledger.scalar("SELECT count(*) FROM tasks WHERE priority = 0") == 1
    [copy] = _copies(tmp_path, "ledger")
    assert copy.name.startswith(f"ledger.before-{name}-") and copy.suffix == ".sqlite"
    assert _read(copy) == (applied_before, before)
    _survives(before, _read(path)[1])
    # Opening again runs nothing and copies nothing.
    open_ledger(path).close()
    assert _copies(tmp_path, "ledger") == [copy]


def test_a_failed_migration_leaves_the_ledger_at_its_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(FIXTURES / "current.sqlite", path)
    applied_before, before = _read(path)
    _with_extra_migration(monkeypatch, fail=True)
    with pytest.raises(RuntimeError, match="half-way"):
        open_ledger(path)
    assert _read(path) == (applied_before, before)
    assert len(_copies(tmp_path, "ledger")) == 1
    monkeypatch.undo()
    with open_ledger(path) as ledger:  # this version still opens it
        assert "priority" not in {r["name"] for r in ledger.query("PRAGMA table_info(tasks)")}
