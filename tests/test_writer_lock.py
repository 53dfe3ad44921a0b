"""One writer at a time: the lock file beside the ledger, across processes."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop_app.storage import writer_lock
from desktop_app.storage.writer_lock import Holder, WriterLock, acquire, lock_path

HOLD = """
import sys
from desktop_app.storage.writer_lock import acquire, WriterLock
lock = acquire(sys.argv[1])
if isinstance(lock, WriterLock):
    print("held", lock.holder.pid, flush=True)
else:
    print("refused", lock.pid, lock.computer, flush=True)
sys.stdin.read()
"""


def _start_holder(ledger: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(ledger)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().split()
    assert line[:2] == ["held", str(process.pid)]
    return process


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.kill()
    process.wait(timeout=10)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def test_lock_file_lies_beside_the_ledger(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "ledger.sqlite") == tmp_path / "ledger.sqlite.lock"


def test_first_acquire_writes_who_holds_it(tmp_path: Path) -> None:
    lock = acquire(tmp_path / "ledger.sqlite")
    assert isinstance(lock, WriterLock)
    try:
        data = json.loads((tmp_path / "ledger.sqlite.lock").read_text(encoding="utf-8"))
        assert data["pid"] == os.getpid()
        assert data["computer"] == platform.node()
        assert data["user"] == lock.holder.user != ""
        assert datetime.fromisoformat(data["since"]) <= datetime.now(timezone.utc)
    finally:
        lock.release()


def test_another_process_is_told_who_holds_the_lock(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    try:
        out = subprocess.run(
            [sys.executable, "-c", HOLD, str(ledger)],
            input="",
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.split()
        assert out == ["refused", str(os.getpid()), platform.node()]
    finally:
        lock.release()


def test_holder_in_another_process_is_reported_and_released_when_killed(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    process = _start_holder(ledger)
    try:
        holder = acquire(ledger)
        assert isinstance(holder, Holder)
        assert holder.pid == process.pid
        assert holder.computer == platform.node()
        assert "is writing to it" in holder.read_only_reason()
        assert platform.node() in holder.describe()
        assert holder.since_local() in holder.describe()
    finally:
        _stop(process)
    # The killed process never released it: the operating system did.
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    assert lock.holder.pid == os.getpid()
    lock.release()


def test_released_lock_can_be_taken_by_another_process(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    lock.release()
    assert lock_path(ledger).read_bytes() == b""
    process = _start_holder(ledger)
    _stop(process)


def _write_lock_file(ledger: Path, computer: str, seen: datetime) -> None:
    lock_path(ledger).write_text(
        json.dumps(
            {
                "user": "wang",
                "computer": computer,
                "pid": 999999,
                "since": "2026-01-05T08:00:00+00:00",
                "seen": seen.isoformat(timespec="seconds"),
            }
        ),
        encoding="utf-8",
    )


def test_stale_file_on_this_computer_is_overwritten(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    _write_lock_file(ledger, platform.node(), datetime.now(timezone.utc))
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    data = json.loads(lock_path(ledger).read_text(encoding="utf-8"))
    assert (data["pid"], data["user"]) == (os.getpid(), lock.holder.user)
    lock.release()


def test_live_holder_on_another_computer_counts_as_held(tmp_path: Path) -> None:
    """A file system that ignores locks: a fresh lock file from another computer is held."""
    ledger = tmp_path / "ledger.sqlite"
    _write_lock_file(ledger, "PC-OFFICE-7", datetime.now(timezone.utc) - timedelta(minutes=1))
    holder = acquire(ledger)
    assert isinstance(holder, Holder)
    assert (holder.user, holder.computer) == ("wang", "PC-OFFICE-7")
    assert holder.describe().startswith("wang on PC-OFFICE-7 (since 2026-01-05")
    # Nothing was overwritten.
    assert json.loads(lock_path(ledger).read_text(encoding="utf-8"))["computer"] == "PC-OFFICE-7"


def test_silent_holder_on_another_computer_is_stale(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.sqlite"
    old = datetime.now(timezone.utc) - writer_lock.STALE_AFTER - timedelta(minutes=1)
    _write_lock_file(ledger, "PC-OFFICE-7", old)
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    lock.release()


def test_refresh_updates_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = tmp_path / "ledger.sqlite"
    lock = acquire(ledger)
    assert isinstance(lock, WriterLock)
    later = datetime.now(timezone.utc) + timedelta(minutes=3)
    monkeypatch.setattr(writer_lock, "_now", lambda: later)
    lock.refresh()
    data = json.loads(lock_path(ledger).read_text(encoding="utf-8"))
    assert data["seen"] == later.isoformat(timespec="seconds")
    assert data["since"] == lock.holder.since != data["seen"]
    lock.release()


def test_unreadable_lock_file_names_another_copy(tmp_path: Path) -> None:
    holder = Holder(user="", computer="", pid=0, since="")
    assert holder.describe() == "another copy of Party Ledger"
