"""A process killed in the middle of an import or an edit leaves the ledger either exactly as
before or exactly as after, never half: the import and the edit run in a child process that is
killed (SIGKILL, no chance to clean up) at several moments, then the ledger is opened again."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot
from openpyxl import Workbook

from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger, open_ledger
from desktop_app.workbook.importer import import_workbook

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

BRANCHES = 12
ACTIVITIES = 12000
AS_OF = date(2026, 1, 15)


def _big_workbook(path: Path) -> Path:
    """A committee, a college, its branches and many activities: slow enough to kill."""
    book = Workbook(write_only=True)
    orgs = book.create_sheet("组织")
    orgs.append(["名称", "上级组织", "层级", "支部类型", "正式党员"])
    orgs.append(["某某大学党委", None, "党委", None, None])
    orgs.append(["信息学院党委", "某某大学党委", "二级党委", None, None])
    for i in range(BRANCHES):
        orgs.append([f"学生第{i}党支部", "信息学院党委", "党支部", "学生", 10])
    activities = book.create_sheet("活动")
    activities.append(["组织", "类型", "日期", "主题", "应到人数", "实到人数"])
    for i in range(ACTIVITIES):
        day = f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
        activities.append([f"学生第{i % BRANCHES}党支部", "党课", day, f"主题{i}", 10, 8])
    book.save(path)
    return path


def _base_ledger(path: Path, make_workbook: Any) -> Path:
    """A ledger that already holds records, so 'as before' is not simply 'empty'."""
    small = make_workbook(
        {
            "组织": [
                ["名称", "上级组织", "层级", "支部类型"],
                ["某某大学党委", None, "党委", None],
                ["机关党支部", "某某大学党委", "党支部", "机关"],
            ],
            "活动": [
                ["组织", "类型", "日期", "主题"],
                ["机关党支部", "党课", "2025-03-01", "学习"],
            ],
        },
        name="small.xlsx",
    )
    with open_ledger(path) as ledger:
        import_workbook(ledger, small)
    return path


def _counts(ledger: Ledger) -> dict[str, int]:
    names = [
        r[0]
        for r in ledger.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {n: ledger.conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _state(path: Path) -> tuple[dict[str, Any], dict[str, int], dict[str, Any]]:
    with open_ledger(path, create=False) as ledger:
        assert ledger.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        return table_snapshot(ledger), _counts(ledger), compute_stats(ledger, 2025, as_of=AS_OF)


def _copy_ledger(source: Path, target: Path) -> Path:
    """A copy of a closed ledger (its -wal and -shm, if any, go with it)."""
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    return target


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(Path(__file__).parents[1]), env.get("PYTHONPATH", "")])
    return env


def _kill_after(command: list[str], delay: float | None, wal: Path) -> int | None:
    """Run ``command``; kill it after ``delay`` seconds, or (``delay`` None) as soon as the
    ledger's write-ahead log grows past its first page, that is while the write is under way.
    The exit code if it finished first, else None."""
    child = subprocess.Popen(
        command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    start = time.monotonic()
    try:
        while child.poll() is None and time.monotonic() - start < 30:
            if delay is not None and time.monotonic() - start >= delay:
                break
            if delay is None and wal.exists() and wal.stat().st_size > 64 * 1024:
                break
            time.sleep(0.005)
        finished = child.poll()
        if finished is None:
            child.send_signal(signal.SIGKILL)
        child.wait()
        return finished
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def _assert_before_or_after(
    path: Path,
    before: tuple[dict[str, Any], dict[str, int], dict[str, Any]],
    after: tuple[dict[str, Any], dict[str, int], dict[str, Any]],
) -> str:
    snapshot, counts, stats = _state(path)
    if snapshot == before[0]:
        return "before"
    assert counts == after[1], "the ledger is neither as before nor as after a whole import"
    assert stats == after[2]
    return "after"


def test_a_killed_import_leaves_the_ledger_as_before_or_as_after(
    tmp_path: Path, make_workbook: Any
) -> None:
    big = _big_workbook(tmp_path / "big.xlsx")
    base = _base_ledger(tmp_path / "base.sqlite", make_workbook)
    before = _state(base)
    clean = _copy_ledger(base, tmp_path / "clean.sqlite")
    with open_ledger(clean, create=False) as ledger:
        report = import_workbook(ledger, big)
    assert report.sheets["活动"].added == ACTIVITIES
    after = _state(clean)
    assert after[1]["activities"] == before[1]["activities"] + ACTIVITIES

    outcomes = []
    # Killed while starting, while reading, as the write begins, and after it ended.
    for index, delay in enumerate((0.2, 0.8, None, 20.0)):
        target = _copy_ledger(base, tmp_path / f"run{index}.sqlite")
        command = [sys.executable, "-m", "desktop_app", "--db", str(target), "import", str(big)]
        code = _kill_after(command, delay, Path(f"{target}-wal"))
        outcome = _assert_before_or_after(target, before, after)
        if code is not None:
            assert code == 0
            assert outcome == "after"
        outcomes.append(outcome)
    assert outcomes[0] == "before"
    assert outcomes[-1] == "after"


_EDIT = textwrap.dedent(
    """
    import sys, time
    from desktop_app.domain.activities import add_activity
    from desktop_app.storage import open_ledger

    with open_ledger(sys.argv[1], create=False) as ledger:
        query = "SELECT uid FROM organizations WHERE name = ?"
        uid = ledger.conn.execute(query, ("机关党支部",)).fetchone()[0]
        with ledger.transaction():
            for i in range(int(sys.argv[2])):
                add_activity(ledger, uid, type="party_lecture",
                             date="2025-05-01", theme=f"补记{i}")
            print("written", flush=True)
            time.sleep(float(sys.argv[3]))
    """
)


def test_a_killed_edit_leaves_the_ledger_as_before_or_as_after(
    tmp_path: Path, make_workbook: Any
) -> None:
    base = _base_ledger(tmp_path / "base.sqlite", make_workbook)
    before = _state(base)
    script = tmp_path / "edit.py"
    script.write_text(_EDIT, encoding="utf-8")

    done = _copy_ledger(base, tmp_path / "done.sqlite")
    finished = subprocess.run(
        [sys.executable, str(script), str(done), "300", "0"], env=_env(), capture_output=True
    )
    assert finished.returncode == 0, finished.stderr.decode()
    after = _state(done)
    assert after[1]["activities"] == before[1]["activities"] + 300

    # Killed once every activity is written but before the commit: nothing of it remains.
    pending = _copy_ledger(base, tmp_path / "pending.sqlite")
    with subprocess.Popen(
        [sys.executable, str(script), str(pending), "300", "30"],
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"written"
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert _state(pending)[0] == before[0]

    # Killed at moments through the run: as before or as after, nothing between.
    for index, delay in enumerate((0.3, 0.6, 0.9, 1.2)):
        target = _copy_ledger(base, tmp_path / f"edit{index}.sqlite")
        command = [sys.executable, str(script), str(target), "300", "0"]
        _kill_after(command, delay, Path(f"{target}-wal"))
        _assert_before_or_after(target, before, after)
