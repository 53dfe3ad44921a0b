"""The dashboard's first reads (figures, months, reminders), done in the background while the
window is built."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app import stats, stats_prefetch
from desktop_app.demo import build_demo
from desktop_app.domain import campaign
from desktop_app.storage import Ledger, open_ledger

AS_OF = date(2025, 12, 31)


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, 2025, as_of=AS_OF)
    return path


@pytest.fixture
def on_file(demo_copy: Path, tmp_path: Path) -> Iterator[Ledger]:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(demo_copy, path)
    with open_ledger(path, create=False) as ledger:
        yield ledger


def _count_work(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = stats.figures_of

    def counted(*args: object) -> object:
        calls.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(stats, "figures_of", counted)
    return calls


def test_the_prefetched_figures_are_the_figures(
    on_file: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    year = 2025
    expected = stats.figures_of(on_file, year, None, AS_OF)
    calls = _count_work(monkeypatch)
    stats_prefetch.start(on_file.path, year, AS_OF)
    assert stats.compute_stats(on_file, year, as_of=AS_OF) == expected
    assert len(calls) == 1  # in the background, on its own read-only connection
    # Given out once: the next call computes.
    assert stats.compute_stats(on_file, year, as_of=AS_OF) == expected
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("year", "scope", "as_of"),
    [(2024, None, AS_OF), (2025, None, date(2025, 6, 30)), (2025, "scope", AS_OF)],
)
def test_another_question_is_computed_afresh(
    on_file: Ledger, monkeypatch: pytest.MonkeyPatch, year: int, scope: str | None, as_of: date
) -> None:
    if scope is not None:
        scope = stats.load_tree(on_file).root.name  # type: ignore[union-attr]
    expected = stats.figures_of(on_file, year, scope, as_of)
    stats_prefetch.start(on_file.path, 2025, AS_OF)
    stats_prefetch._pending.done.wait(30)  # type: ignore[union-attr]
    calls = _count_work(monkeypatch)
    assert stats.compute_stats(on_file, year, scope, as_of) == expected
    assert len(calls) == 1


def test_a_change_since_the_prefetch_is_counted(
    on_file: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    stats_prefetch.start(on_file.path, 2025, AS_OF)
    stats_prefetch._pending.done.wait(30)  # type: ignore[union-attr]
    before = stats.figures_of(on_file, 2025, None, AS_OF)
    campaign.add_task(on_file, title="新的任务", deadline=date(2025, 1, 1), status="todo")
    figures = stats.compute_stats(on_file, 2025, as_of=AS_OF)
    assert figures["tasks"]["total"] == before["tasks"]["total"] + 1
    assert figures["tasks"]["overdue"] == before["tasks"]["overdue"] + 1


def test_a_prefetch_that_fails_leaves_the_work_to_the_foreground(
    tmp_path: Path, on_file: Ledger
) -> None:
    stats_prefetch.start(tmp_path / "missing.sqlite", 2025, AS_OF)
    missing = tmp_path / "missing.sqlite"
    assert stats_prefetch.take(stats_prefetch.STATS, missing, 2025, AS_OF, 0) is None
    # A file that is not a ledger: the error shows in the foreground, not in the background.
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database" * 100)
    stats_prefetch.start(junk, 2025, AS_OF)
    assert stats_prefetch.take(stats_prefetch.STATS, junk, 2025, AS_OF, 0) is None


def test_the_months_and_reminders_are_prefetched_too(
    on_file: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app import reminders as reminders_module

    figures = stats.figures_of(on_file, 2025, None, AS_OF)
    months = stats.activities_by_month(on_file, 2025)
    found = reminders_module.reminders(on_file, 2025, AS_OF, stats=figures)
    stats_prefetch.start(on_file.path, 2025, AS_OF)
    stats_prefetch._pending.done.wait(30)  # type: ignore[union-attr]
    # Whatever the foreground would compute now is not computed: it is taken.
    monkeypatch.setattr(stats, "figures_of", lambda *a: pytest.fail("computed again"))
    monkeypatch.setattr(stats, "_root_reaches_all", lambda *a: pytest.fail("computed again"))
    monkeypatch.setattr(reminders_module, "load_tree", lambda *a: pytest.fail("computed again"))
    taken = stats.compute_stats(on_file, 2025, as_of=AS_OF)
    assert taken == figures
    assert stats.activities_by_month(on_file, 2025) == months
    assert reminders_module.reminders(on_file, 2025, AS_OF, stats=taken) == found
    # A college's months are not the prefetched ones.
    monkeypatch.undo()
    college = stats.load_tree(on_file).root.uid  # type: ignore[union-attr]
    assert stats.activities_by_month(on_file, 2025, college) == months
