"""Backups: the online backup, rotation, restore and the backup/restore commands."""

from __future__ import annotations

import argparse
import errno
import os
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import table_snapshot

from desktop_app import backup, cli_backup
from desktop_app.cli import main
from desktop_app.demo import build_demo
from desktop_app.errors import LedgerError, StorageError
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger, open_ledger

YEAR = date.today().year - 1


@pytest.fixture(scope="module")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop_app.i18n import set_language

    set_language("en")
    path = tmp_path_factory.mktemp("source") / "college.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR)
    return path


@pytest.fixture
def demo(demo_source: Path, tmp_path: Path) -> Iterator[Ledger]:
    target = tmp_path / "ledger" / "college.sqlite"
    target.parent.mkdir()
    with open_ledger(demo_source, create=False) as source:
        backup._copy_database(source.conn, target)
    with open_ledger(target, create=False) as ledger:
        yield ledger


def _change_activities(ledger: Ledger) -> None:
    """Rename five activities of the year and put them in the recycle bin."""
    with ledger.transaction():
        ledger.conn.execute(
            "UPDATE activities SET theme = 'changed after the backup', "
            "deleted_at = '2025-01-01T00:00:00+00:00' WHERE rowid IN (SELECT rowid FROM "
            "activities WHERE deleted_at IS NULL AND date LIKE ? LIMIT 5)",
            [f"{YEAR}-%"],
        )


# ---- making backups -----------------------------------------------------------------------


def test_backup_goes_beside_the_ledger_with_a_dated_name(demo: Ledger) -> None:
    moment = datetime(2025, 3, 4, 5, 6, 7)
    written = backup.make_backup(demo, now=moment)
    assert written == demo.path.parent / "backups" / "college-20250304-050607.sqlite"
    assert written.is_file()
    assert not list(written.parent.glob("*.part"))
    assert not Path(str(written) + "-wal").exists()
    assert backup.is_good(written, full=True)
    # A second backup in the same second gets its own name.
    again = backup.make_backup(demo, now=moment)
    assert again.name == "college-20250304-050607-2.sqlite"
    # Rotation keeps only the newest backup of a day (both are far more than 7 days old, but
    # each is also the newest of its month).
    assert [b.path for b in backup.list_backups(written.parent, "college")] == [again]


def test_backup_folder_setting_points_elsewhere(demo: Ledger, tmp_path: Path) -> None:
    usb = tmp_path / "usb" / "party"
    assert backup.backup_dir(demo) == demo.path.parent / "backups"
    backup.set_backup_folder(demo, usb)
    assert backup.backup_folder_setting(demo) == usb
    assert backup.backup_dir(demo) == usb
    written = backup.make_backup(demo)
    assert written.parent == usb
    backup.set_backup_folder(demo, None)
    assert backup.backup_dir(demo) == demo.path.parent / "backups"


def test_backup_then_restore_gives_the_same_statistics_and_records(demo: Ledger) -> None:
    stats_before = compute_stats(demo, YEAR, as_of=date(YEAR, 12, 31))
    records_before = table_snapshot(demo)
    written = backup.make_backup(demo)
    _change_activities(demo)
    assert table_snapshot(demo) != records_before
    assert compute_stats(demo, YEAR, as_of=date(YEAR, 12, 31)) != stats_before

    aside = backup.restore(demo.path, written)

    # The window's open connection sees the restored ledger.
    assert table_snapshot(demo) == records_before
    with open_ledger(demo.path, create=False) as reopened:
        assert compute_stats(reopened, YEAR, as_of=date(YEAR, 12, 31)) == stats_before
        assert table_snapshot(reopened) == records_before
    # The ledger as it was before the restore is kept aside, with the change in it.
    assert aside is not None and aside.parent == demo.path.parent
    assert aside.name.startswith("college.before-restore-")
    with open_ledger(aside, create=False) as kept:
        themes = [r["theme"] for r in kept.query("SELECT theme FROM activities")]
    assert themes.count("changed after the backup") == 5


def test_a_corrupt_backup_is_refused_and_nothing_replaced(demo: Ledger, tmp_path: Path) -> None:
    written = backup.make_backup(demo)
    data = bytearray(written.read_bytes())
    # Overwrite pages past the header: the file still opens, its integrity check fails.
    data[4096 * 2 : 4096 * 6] = b"\xa5" * (4096 * 4)
    written.write_bytes(bytes(data))
    before = table_snapshot(demo)
    files_before = sorted(p.name for p in demo.path.parent.iterdir())

    with pytest.raises(StorageError, match="cannot be restored") as caught:
        backup.restore(demo.path, written)
    assert "Nothing was replaced" in caught.value.message
    assert table_snapshot(demo) == before
    assert sorted(p.name for p in demo.path.parent.iterdir()) == files_before

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StorageError, match="cannot be restored"):
        backup.restore(demo.path, junk)
    assert table_snapshot(demo) == before


def test_a_foreign_database_is_refused(demo: Ledger, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE customers (name TEXT)")
    conn.close()
    with pytest.raises(StorageError, match="not a Party Ledger ledger"):
        backup.restore(demo.path, other)


def test_newest_good_backup_skips_a_damaged_one(demo: Ledger) -> None:
    folder = backup.backup_dir(demo)
    good = backup.make_backup(demo, now=datetime(2025, 1, 1, 9, 0, 0))
    bad = backup.make_backup(demo, now=datetime(2025, 1, 2, 9, 0, 0))
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert backup.newest_good_backup(folder, "college") == good
    assert backup.newest_good_backup(folder / "none", "college") is None


def _read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` read-only; for root, who writes anyway, the file system says so."""
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:

        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(backup.tempfile, "mkstemp", refuse)


def test_a_read_only_folder_is_a_storage_error(
    demo: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    _read_only(locked, monkeypatch)
    try:
        with pytest.raises(StorageError, match="read-only"):
            backup.make_backup(demo, locked)
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_a_file_given_as_folder_is_a_storage_error(demo: Ledger, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(LedgerError):
        backup.make_backup(demo, a_file)


# ---- rotation -----------------------------------------------------------------------------


def _fabricate(folder: Path, moments: list[datetime]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for moment in moments:
        (folder / f"college-{moment:%Y%m%d-%H%M%S}.sqlite").write_bytes(b"x")
    (folder / "other-20200101-000000.sqlite").write_bytes(b"another ledger's backup")


def test_rotation_keeps_the_last_7_days_and_12_months(tmp_path: Path) -> None:
    now = datetime(2025, 6, 15, 12, 0, 0)
    moments = [
        # Two a day over the last ten days (June 6 to June 15).
        *(datetime(2025, 6, day, hour, 0, 0) for day in range(6, 16) for hour in (8, 18)),
        # Two a month from June 2024 to May 2025, on the 3rd and the 20th.
        *(
            datetime(2024 + (m > 12), (m - 1) % 12 + 1, day)
            for m in range(6, 18)
            for day in (3, 20)
        ),
        # Older than a year.
        datetime(2023, 12, 31, 23, 0, 0),
    ]
    folder = tmp_path / "backups"
    _fabricate(folder, moments)
    deleted = backup.rotate(folder, "college", now=now)

    kept = [b.made for b in backup.list_backups(folder, "college")]
    expected_days = [datetime(2025, 6, day, 18) for day in range(9, 16)]  # June 9–15
    expected_months = [
        datetime(2024 + (m > 12), (m - 1) % 12 + 1, 20) for m in range(7, 18)
    ]  # July 2024 – May 2025; June 2025 is June 15's 18:00 backup
    assert kept == sorted(expected_months + expected_days)
    assert len(deleted) == len(moments) - len(kept)
    assert (folder / "other-20200101-000000.sqlite").exists()  # another ledger's: untouched


def test_rotation_counts_manual_backups_as_daily_and_keeps_future_ones(tmp_path: Path) -> None:
    now = datetime(2025, 6, 15, 12, 0, 0)
    folder = tmp_path / "backups"
    _fabricate(
        folder,
        [
            datetime(2025, 6, 15, 9, 0, 0),
            datetime(2025, 6, 15, 11, 0, 0),
            datetime(2025, 6, 16, 9, 0, 0),  # a clock set wrong
        ],
    )
    backup.rotate(folder, "college", now=now)
    assert [b.made for b in backup.list_backups(folder, "college")] == [
        datetime(2025, 6, 15, 11, 0, 0),
        datetime(2025, 6, 16, 9, 0, 0),
    ]


def test_make_backup_rotates(demo: Ledger) -> None:
    for day in range(1, 11):
        backup.make_backup(demo, now=datetime(2025, 1, day, 9, 0, 0), kind="daily")
    kept = [b.made.day for b in backup.list_backups(backup.backup_dir(demo), "college")]
    assert kept == [4, 5, 6, 7, 8, 9, 10]
    age = backup.newest_backup_age(backup.backup_dir(demo), "college", datetime(2025, 1, 11, 9))
    assert age.days == 1


def test_auto_backup_at_start_only_when_the_newest_is_a_day_old(demo: Ledger) -> None:
    first = backup.auto_backup(demo, now=datetime(2025, 1, 1, 9, 0, 0))
    assert first is not None and first.name == "college-20250101-090000.sqlite"
    assert backup.auto_backup(demo, now=datetime(2025, 1, 2, 8, 59, 0)) is None
    at_exit = backup.auto_backup(demo, at_exit=True, now=datetime(2025, 1, 2, 8, 59, 0))
    assert at_exit is not None and at_exit.name == "college-20250102-085900.sqlite"
    later = backup.auto_backup(demo, now=datetime(2025, 1, 3, 9, 0, 0))
    assert later is not None and later.name == "college-20250103-090000.sqlite"


# ---- the commands -------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    commands = parser.add_subparsers(dest="command")

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help)

    cli_backup.add_commands(add_command)
    return parser


def _wired_commands() -> set[str]:
    from desktop_app.cli import build_parser

    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        return set(action.choices)
    return set()


def _run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    return cli_backup.HANDLERS[args.command](args)


def test_backup_and_restore_commands(
    demo: Ledger, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = demo.path
    records = table_snapshot(demo)
    demo.close()
    target = tmp_path / "usb"
    assert _run(["--db", str(path), "backup", "--to", str(target)]) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.parent == target and written.is_file()
    assert written.name.startswith("college-")

    with open_ledger(path, create=False) as ledger:
        _change_activities(ledger)
    assert _run(["--db", str(path), "restore", str(written)]) == 0
    out = capsys.readouterr().out
    assert f"The ledger {path} was restored from {written}." in out
    assert "is kept at" in out
    with open_ledger(path, create=False) as ledger:
        assert table_snapshot(ledger) == records


def test_backup_command_to_a_read_only_folder_exits_2(
    demo: Ledger,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = demo.path
    demo.close()
    locked = tmp_path / "locked"
    _read_only(locked, monkeypatch)
    try:
        # The handler raises StorageError; cli.main turns any LedgerError into exit 2.
        with pytest.raises(StorageError):
            _run(["--db", str(path), "backup", "--to", str(locked)])
        # Through main, as the command line runs it (an unknown command until the lead wires
        # the module in: then exit 2 all the same, with no traceback).
        code = main(["--db", str(path), "backup", "--to", str(locked)])
        assert code == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err
        if "backup" in _wired_commands():
            assert "cannot be written (it is read-only)" in err
    finally:
        locked.chmod(0o700)
