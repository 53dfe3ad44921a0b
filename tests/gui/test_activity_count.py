"""The activity table's total, counted off the UI thread: the first page at once, the total
when it is known (never a stale one), at once when the first page is not full, and the
organizations and an empty search not read again while nothing changed."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject

from desktop_app.activity_query import ActivityFilter
from desktop_app.domain import activities, organizations
from desktop_app.domain.activities import to_row
from desktop_app.gui import activity_count, activity_model
from desktop_app.gui.activity_count import BackgroundCount, counts_in_background
from desktop_app.gui.activity_model import ActivityTableModel
from desktop_app.storage import Ledger, records

YEAR = 2025
VOLUNTEER = 300  # of the 450 activities; the other 150 are party lectures


@pytest.fixture
def branch(ledger: Ledger) -> str:
    """450 activities of one branch in YEAR: 300 volunteer days, 150 party lectures."""
    root = organizations.add_organization(ledger, name="党委", level="committee")
    branch = organizations.add_organization(
        ledger, name="机关党支部", level="branch", parent_uid=root
    )
    rows = [
        {
            **to_row(
                {
                    "type": "theme_day",
                    "date": date(YEAR, 1 + n % 12, 1 + n % 28),
                    "theme": f"志愿服务进社区 {n:03d}" if n % 3 else f"专题党课 {n:03d}",
                    "dimensions": [],
                    "featured": False,
                }
            ),
            "org_uid": branch,
        }
        for n in range(450)
    ]
    with ledger.transaction():
        records.insert_many(ledger, "activities", rows)
    return branch


@pytest.fixture
def model(qtbot, ledger: Ledger, branch: str) -> ActivityTableModel:  # type: ignore[no-untyped-def]
    holder = QObject()
    made = ActivityTableModel(ledger, holder)
    made.holder = holder  # type: ignore[attr-defined]  # kept alive with the model
    return made


def totals_reported(model: ActivityTableModel) -> list[int | None]:
    seen: list[int | None] = []
    model.counted.connect(lambda: seen.append(model.total()))
    return seen


def test_a_file_is_counted_in_the_background(ledger: Ledger) -> None:
    assert counts_in_background(ledger)


def test_the_first_page_comes_at_once_and_the_total_later(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    seen = totals_reported(model)
    model.reload(flt=ActivityFilter(year=YEAR))
    assert model.rowCount() == 200
    assert model.total() is None
    assert model.counting()
    assert model.canFetchMore()  # the first page was full
    with qtbot.waitSignal(model.counted, timeout=5000):
        pass
    assert model.total() == 450
    assert seen == [450]
    assert model.rowCount() == 200  # counting read no rows


def test_a_first_page_that_is_not_full_is_the_count(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    seen = totals_reported(model)
    model.reload(flt=ActivityFilter(text="专题党课"))
    assert (model.total(), model.rowCount()) == (150, 150)
    assert not model.counting()
    assert not model.canFetchMore()
    qtbot.wait(300)
    assert seen == []


def test_only_the_newest_count_is_reported(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    seen = totals_reported(model)
    model.reload(flt=ActivityFilter(year=YEAR))
    model.set_filter(ActivityFilter(text="志愿服务"))  # before the first count is known
    qtbot.waitUntil(lambda: not model.counting(), timeout=5000)
    qtbot.wait(300)  # room for a stale count to arrive: it must not
    assert seen == [VOLUNTEER]
    assert model.total() == VOLUNTEER


def test_reaching_the_end_settles_the_total(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    seen = totals_reported(model)
    model.reload(flt=ActivityFilter(year=YEAR))
    assert model.ensure_loaded(449)  # every row, in one read
    assert not model.ensure_loaded(450)
    assert (model.total(), model.rowCount()) == (450, 450)
    assert not model.canFetchMore()
    assert seen == [450]  # from the rows read; the count under way was abandoned
    qtbot.wait(300)
    assert seen == [450]


def test_a_new_order_keeps_the_total(qtbot, model) -> None:  # type: ignore[no-untyped-def]
    model.reload(flt=ActivityFilter(year=YEAR))
    qtbot.waitUntil(lambda: model.total() == 450, timeout=5000)
    model.set_sort("theme", False)
    assert model.total() == 450
    assert not model.counting()
    assert model.activity(0).theme == "专题党课 000"


def test_the_model_tester_passes_while_counting(qtbot, qtmodeltester, model) -> None:  # type: ignore[no-untyped-def]
    model.reload(flt=ActivityFilter(year=YEAR))
    assert model.counting()
    qtmodeltester.check(model)
    qtbot.waitUntil(lambda: not model.counting(), timeout=5000)
    qtmodeltester.check(model)


def test_a_count_that_cannot_be_made_apart_is_made_in_place(
    qtbot, model, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    def unreadable(ledger: Ledger, flt: ActivityFilter) -> int:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(activity_count, "count_activities", unreadable)
    model.reload(flt=ActivityFilter(year=YEAR))
    with qtbot.waitSignal(model.counted, timeout=5000):
        pass
    assert model.total() == 450


def test_a_ledger_in_memory_is_counted_at_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.storage.schema import migration_set

    conn = sqlite3.connect(":memory:", isolation_level=None)
    from sqlite_utils import Database

    migration_set().apply(Database(conn))
    ledger = Ledger(Path("in memory"), conn)
    assert not counts_in_background(ledger)
    root = organizations.add_organization(ledger, name="党委", level="committee")
    rows = [
        {
            **to_row({"type": "other", "date": date(YEAR, 5, 1), "theme": f"活动 {n}"}),
            "org_uid": root,
        }
        for n in range(230)
    ]
    with ledger.transaction():
        records.insert_many(ledger, "activities", rows)
    model = ActivityTableModel(ledger)
    model.reload()
    assert (model.total(), model.rowCount()) == (230, 200)
    assert not model.counting()


def test_the_organizations_are_read_again_only_after_a_change(
    model, ledger: Ledger, branch: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    model.reload()
    reads: list[int] = []
    load_tree = activity_model.load_tree

    def counted_load(ledger: Ledger):  # type: ignore[no-untyped-def]
        reads.append(1)
        return load_tree(ledger)

    monkeypatch.setattr(activity_model, "load_tree", counted_load)
    for flt in (ActivityFilter(year=YEAR), ActivityFilter(text="党课"), ActivityFilter()):
        model.set_filter(flt)
    model.set_sort("organization", False)
    assert reads == []
    root = model.tree.root
    assert root is not None
    college = organizations.add_organization(
        ledger, name="新学院党总支", level="college", parent_uid=root.uid
    )
    model.set_filter(ActivityFilter(org_uid=college))
    assert reads == [1]
    assert college in model.tree.by_uid


def test_typing_on_after_a_word_found_nowhere_reads_nothing(
    model, ledger: Ledger, branch: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    model.reload(flt=ActivityFilter(text="量"))
    assert model.total() == 0
    queries: list[ActivityFilter] = []
    fetch = activity_model.fetch_activities

    def counted_fetch(ledger: Ledger, flt: ActivityFilter, **kw):  # type: ignore[no-untyped-def]
        queries.append(flt)
        return fetch(ledger, flt, **kw)

    monkeypatch.setattr(activity_model, "fetch_activities", counted_fetch)
    for text in ("量子", "量子计", "量子计算"):
        model.set_filter(ActivityFilter(text=text))
        assert (model.total(), model.rowCount()) == (0, 0)
    assert queries == []
    model.set_filter(ActivityFilter(text="志愿"))  # not narrower: read
    assert model.rowCount() == 200
    model.set_filter(ActivityFilter(text="量子计算"))
    assert len(queries) == 2
    # A change in the ledger: read again, and found.
    activities.add_activity(
        ledger, branch, type="party_lecture", date=date(YEAR, 6, 1), theme="量子计算科普党课"
    )
    model.set_filter(ActivityFilter(text="量子计算科普"))
    assert model.total() == 1
    assert model.activity(0).theme == "量子计算科普党课"


# ---- the background count itself ------------------------------------------------------------


def test_a_count_abandoned_before_it_starts_never_runs(qtbot, ledger: Ledger, branch: str) -> None:  # type: ignore[no-untyped-def]
    counter = BackgroundCount(ledger.path)
    seen: list[int] = []
    counter.counted.connect(seen.append)
    counter.start(ActivityFilter(year=YEAR))
    assert counter.pending()
    counter.cancel()
    assert not counter.pending()
    qtbot.wait(300)
    assert seen == []
    counter.start(ActivityFilter(text="志愿服务"))
    qtbot.waitUntil(lambda: seen == [VOLUNTEER], timeout=5000)


def test_a_count_under_way_is_interrupted(
    qtbot, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    endless = (
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) "
        "SELECT count(*) FROM (SELECT n FROM c LIMIT 10000000000)"
    )

    def slow(ledger: Ledger, flt: ActivityFilter) -> int:
        started.set()
        return int(ledger.conn.execute(endless).fetchone()[0])

    monkeypatch.setattr(activity_count, "count_activities", slow)
    counter = BackgroundCount(ledger.path, delay_ms=0)
    seen: list[int] = []
    counter.counted.connect(seen.append)
    counter.start(ActivityFilter())
    qtbot.waitUntil(started.is_set, timeout=5000)
    job = counter._job
    assert job is not None and job.is_alive()
    counter.cancel()
    job.join(timeout=5)
    assert not job.is_alive()  # the statement was interrupted
    qtbot.wait(100)
    assert seen == []


def test_a_model_deleted_while_counting_leaves_quietly(
    qtbot, ledger: Ledger, branch: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    started, release = threading.Event(), threading.Event()

    def held(ledger: Ledger, flt: ActivityFilter) -> int:
        started.set()
        release.wait(5)
        return 450

    monkeypatch.setattr(activity_count, "count_activities", held)
    holder = QObject()
    model = ActivityTableModel(ledger, holder)
    model.reload(flt=ActivityFilter(year=YEAR))
    qtbot.waitUntil(started.is_set, timeout=5000)
    job = next(iter(activity_count._running))
    shiboken6.delete(holder)  # the model and its counter go with it
    release.set()
    job.join(timeout=5)
    assert not job.is_alive()
    qtbot.wait(100)  # no signal reaches a deleted object


def test_a_count_dropped_by_python_while_counting_leaves_quietly(
    qtbot, ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import gc

    started, release = threading.Event(), threading.Event()

    def held(ledger: Ledger, flt: ActivityFilter) -> int:
        started.set()
        release.wait(5)
        return 1

    monkeypatch.setattr(activity_count, "count_activities", held)
    counter = BackgroundCount(ledger.path, delay_ms=0)
    counter.start(ActivityFilter())
    qtbot.waitUntil(started.is_set, timeout=5000)
    job = counter._job
    assert job is not None
    del counter
    gc.collect()
    release.set()
    job.join(timeout=5)
    assert not job.is_alive()
    assert job not in activity_count._running
