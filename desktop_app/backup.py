"""Backups of the ledger file with SQLite's online backup API, their rotation, and restore.

A backup is one self-contained SQLite file named ``<ledger-stem>-YYYYMMDD-HHMMSS.sqlite``
(``-2``, ``-3``… added when two are made in the same second) in the backup folder: by default
a ``backups`` folder beside the ledger; the ledger's setting ``backup_folder`` may point
elsewhere (a USB drive, a network share). It is written into a temporary file in that folder
and renamed once complete, so a half-written backup never carries a backup's name.

Rotation keeps the newest backup of each of the last 7 days and the newest of each of the last
12 months (a backup may be both); every other backup of that ledger in the folder is deleted.
Backups made by hand count as daily ones.

Restore checks the chosen file (``PRAGMA integrity_check`` and the ledger's version rules, on a
temporary copy) before anything is touched, copies the current ledger aside, then writes the
checked copy into the ledger through the backup API: one transaction, so the ledger is either
as before or as restored. The attachments folder is not part of a backup: attached files are
named by their SHA-256 and never deleted, so a restored ledger finds its files.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from desktop_app.errors import LedgerError, StorageError, storage_error
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger, now_iso, open_ledger
from desktop_app.storage.records import audit

BACKUP_FOLDER_SETTING = "backup_folder"
KINDS = ("manual", "daily", "monthly")
AUTO_BACKUP_AGE = timedelta(days=1)
KEEP_DAYS = 7
KEEP_MONTHS = 12
SUFFIX = ".sqlite"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    """One backup in a folder: its path, when it was made (from its name) and its size."""

    path: Path
    made: datetime
    size: int
    counter: int = 1


# ---- where backups go ---------------------------------------------------------------------


def backup_folder_setting(ledger: Ledger) -> Path | None:
    """The folder chosen by the user for this ledger's backups, or None for the default."""
    row = ledger.conn.execute(
        "SELECT value FROM settings WHERE key = ?", [BACKUP_FOLDER_SETTING]
    ).fetchone()
    return Path(row[0]) if row and row[0] else None


def set_backup_folder(ledger: Ledger, folder: str | Path | None) -> None:
    """Point this ledger's backups at ``folder`` (None: back to the default folder)."""
    before = backup_folder_setting(ledger)
    after = Path(folder).expanduser() if folder else None
    if before == after:
        return
    with ledger.transaction():
        if after is None:
            ledger.conn.execute("DELETE FROM settings WHERE key = ?", [BACKUP_FOLDER_SETTING])
        else:
            ledger.conn.execute(
                "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE "
                "SET value = excluded.value, updated_at = excluded.updated_at",
                [BACKUP_FOLDER_SETTING, str(after), now_iso()],
            )
        diff = {"value": [str(before) if before else None, str(after) if after else None]}
        audit(ledger, "settings", BACKUP_FOLDER_SETTING, "update", diff)


def backup_dir(ledger: Ledger) -> Path:
    """Where this ledger's backups go: the chosen folder, else ``backups`` beside the file."""
    return backup_folder_setting(ledger) or ledger.path.parent / "backups"


# ---- making backups -----------------------------------------------------------------------


def _name_pattern(stem: str) -> re.Pattern[str]:
    return re.compile(re.escape(stem) + r"-(\d{8}-\d{6})(?:-(\d+))?" + re.escape(SUFFIX) + "$")


def _folder_error(folder: Path, exc: OSError) -> StorageError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        message = _(
            "The disk holding the backup folder {folder} is full. Free some space there or "
            "choose another backup folder; the ledger was not changed."
        )
    elif isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EROFS):
        message = _(
            "The backup folder {folder} cannot be written (it is read-only). Choose another "
            "backup folder, or ask your IT office for write access."
        )
    else:
        message = _(
            "The backup folder {folder} cannot be used: {reason}. Check that the drive is "
            "connected, or choose another backup folder."
        )
    return StorageError(message.format(folder=folder, reason=exc.strerror or exc))


def _check_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _folder_error(folder, exc) from exc
    if not folder.is_dir():
        raise StorageError(
            _("The backup folder {folder} is a file, not a folder. Choose a folder.").format(
                folder=folder
            )
        )


def _free_name(folder: Path, stem: str, moment: datetime) -> Path:
    base = f"{stem}-{moment.strftime(_STAMP)}"
    target = folder / f"{base}{SUFFIX}"
    counter = 1
    while target.exists():
        counter += 1
        target = folder / f"{base}-{counter}{SUFFIX}"
    return target


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write ``source`` into the new file ``target`` with the online backup API, as one file
    that needs no -wal beside it."""
    destination = sqlite3.connect(str(target), isolation_level=None)
    try:
        source.backup(destination)
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def make_backup(
    ledger: Ledger,
    folder: str | Path | None = None,
    *,
    kind: str = "manual",
    now: datetime | None = None,
) -> Path:
    """Back the ledger up into ``folder`` (default: ``backup_dir(ledger)``) and rotate the
    folder; returns the file written. ``kind`` says why (“manual”, “daily”, “monthly”); all
    kinds are named and rotated alike."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    target_folder = Path(folder).expanduser() if folder is not None else backup_dir(ledger)
    _check_folder(target_folder)
    moment = now or datetime.now()
    stem = ledger.path.stem
    target = _free_name(target_folder, stem, moment)
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{stem}-", suffix=".part", dir=target_folder)
        os.close(handle)
        temporary = Path(name)
        _copy_database(ledger.conn, temporary)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise _folder_error(target_folder, exc) from exc
    except sqlite3.Error as exc:
        raise _backup_sqlite_error(exc, target_folder) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
    rotate(target_folder, stem, now=moment)
    return target


def _backup_sqlite_error(exc: sqlite3.Error, folder: Path) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return _folder_error(folder, OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)))
    if "readonly" in text or "unable to open" in text:
        return _folder_error(folder, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    return storage_error(exc, folder)


# ---- listing and rotating -----------------------------------------------------------------


def list_backups(folder: str | Path, stem: str) -> list[BackupFile]:
    """The backups of the ledger named ``stem`` in ``folder``, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    pattern = _name_pattern(stem)
    found = []
    for entry in folder.iterdir():
        match = pattern.match(entry.name)
        if not match or not entry.is_file():
            continue
        try:
            made = datetime.strptime(match.group(1), _STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupFile(entry, made, size, int(match.group(2) or 1)))
    found.sort(key=lambda b: (b.made, b.counter))
    return found


def _months_back(day: date, count: int) -> set[tuple[int, int]]:
    months = set()
    year, month = day.year, day.month
    for _index in range(count):
        months.add((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months


def backups_to_keep(backups: list[BackupFile], now: datetime) -> set[Path]:
    """The newest backup of each of the last ``KEEP_DAYS`` days (today included) and the newest
    of each of the last ``KEEP_MONTHS`` months (this month included)."""
    today = now.date()
    days = {today - timedelta(days=n) for n in range(KEEP_DAYS)}
    months = _months_back(today, KEEP_MONTHS)
    newest_of_day: dict[date, BackupFile] = {}
    newest_of_month: dict[tuple[int, int], BackupFile] = {}
    for backup in backups:  # oldest first: later ones replace earlier ones
        if backup.made.date() in days:
            newest_of_day[backup.made.date()] = backup
        if (backup.made.year, backup.made.month) in months:
            newest_of_month[(backup.made.year, backup.made.month)] = backup
    return {b.path for b in [*newest_of_day.values(), *newest_of_month.values()]}


def rotate(folder: str | Path, stem: str, *, now: datetime | None = None) -> list[Path]:
    """Delete the backups rotation does not keep; returns those deleted. A backup dated in the
    future (a wrong clock) is kept."""
    now = now or datetime.now()
    backups = list_backups(folder, stem)
    keep = backups_to_keep(backups, now)
    deleted = []
    for backup in backups:
        if backup.path in keep or backup.made > now:
            continue
        try:
            backup.path.unlink()
        except OSError as exc:
            raise _folder_error(Path(folder), exc) from exc
        deleted.append(backup.path)
    return deleted


def is_good(path: str | Path, *, full: bool = False) -> bool:
    """True when ``path`` is an SQLite file whose ``quick_check`` (``integrity_check`` when
    ``full``) passes. The file is opened read-only."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        return rows == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def newest_good_backup(folder: str | Path, stem: str) -> Path | None:
    """The newest backup of ``stem`` in ``folder`` whose quick check passes, or None."""
    for backup in reversed(list_backups(folder, stem)):
        if is_good(backup.path):
            return backup.path
    return None


def newest_backup_age(folder: str | Path, stem: str, now: datetime | None = None) -> timedelta:
    """How long ago the newest backup was made (``timedelta.max`` for none)."""
    backups = list_backups(folder, stem)
    if not backups:
        return timedelta.max
    return (now or datetime.now()) - backups[-1].made


def auto_backup(
    ledger: Ledger, *, at_exit: bool = False, now: datetime | None = None
) -> Path | None:
    """The automatic backup (kind “daily”): at exit always, at start only when the newest
    backup is older than ``AUTO_BACKUP_AGE``. Returns the file written, or None."""
    now = now or datetime.now()
    if not at_exit and newest_backup_age(backup_dir(ledger), ledger.path.stem, now) < (
        AUTO_BACKUP_AGE
    ):
        return None
    return make_backup(ledger, kind="daily", now=now)


# ---- restoring ----------------------------------------------------------------------------


def _refuse(backup_file: Path, reason: str) -> StorageError:
    return StorageError(
        _(
            "{path} cannot be restored: {reason} Nothing was replaced; choose another backup."
        ).format(path=backup_file, reason=reason)
    )


def _checked_copy(backup_file: Path, folder: Path) -> Path:
    """Copy the backup into ``folder`` and check the copy: integrity, then the ledger's own
    rules (a newer version's ledger or a foreign database is refused; an older one is brought
    up to date). Returns the checked copy."""
    if not backup_file.is_file():
        raise StorageError(
            _("There is no backup file {path}. Choose an existing backup.").format(path=backup_file)
        )
    copy = folder / "restored.sqlite"
    try:
        shutil.copyfile(backup_file, copy)
    except OSError as exc:
        raise StorageError(
            _("The backup {path} cannot be read: {reason}.").format(
                path=backup_file, reason=exc.strerror or exc
            )
        ) from exc
    if not is_good(copy, full=True):
        raise _refuse(
            backup_file, _("it is damaged or not an SQLite file (its integrity check failed).")
        )
    try:
        with open_ledger(copy, create=False) as checked:
            checked.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except LedgerError as error:
        raise _refuse(backup_file, error.message) from error
    except sqlite3.Error as exc:
        raise _refuse(backup_file, str(exc)) from exc
    return copy


def _aside_name(ledger_path: Path) -> Path:
    stamp = datetime.now().strftime(_STAMP)
    suffix = ledger_path.suffix or SUFFIX
    target = ledger_path.with_name(f"{ledger_path.stem}.before-restore-{stamp}{suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = ledger_path.with_name(
            f"{ledger_path.stem}.before-restore-{stamp}-{counter}{suffix}"
        )
    return target


def restore(ledger_path: str | Path, backup_file: str | Path) -> Path | None:
    """Replace the ledger at ``ledger_path`` with ``backup_file``; returns the copy of the
    current ledger set aside beside it (None when there was no ledger yet).

    The backup is checked before anything is touched. The current ledger is copied aside, then
    the checked copy is written into it with the backup API in one transaction; an open
    connection to the ledger (the window's) sees the restored content. A current file that is
    too damaged to be written that way is set aside whole and replaced."""
    ledger_path = Path(ledger_path).expanduser().resolve()
    backup_file = Path(backup_file).expanduser().resolve()
    if backup_file == ledger_path:
        raise _refuse(backup_file, _("it is the ledger itself."))
    with tempfile.TemporaryDirectory(prefix="party-ledger-restore-") as scratch:
        checked = _checked_copy(backup_file, Path(scratch))
        if not ledger_path.exists():
            try:
                ledger_path.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(checked, ledger_path)
            except OSError as exc:
                raise _folder_error(ledger_path.parent, exc) from exc
            return None
        aside = _aside_name(ledger_path)
        if is_good(ledger_path):
            _restore_in_place(ledger_path, checked, aside)
        else:
            _replace_damaged(ledger_path, checked, aside)
        return aside


def _restore_in_place(ledger_path: Path, checked: Path, aside: Path) -> None:
    try:
        current = sqlite3.connect(str(ledger_path), timeout=5, isolation_level=None)
    except sqlite3.Error as exc:
        raise storage_error(exc, ledger_path) from exc
    try:
        try:
            _copy_database(current, aside)
        except OSError as exc:
            raise _folder_error(ledger_path.parent, exc) from exc
        source = sqlite3.connect(str(checked), isolation_level=None)
        try:
            source.backup(current)
        finally:
            source.close()
    except sqlite3.Error as exc:
        raise storage_error(exc, ledger_path) from exc
    finally:
        current.close()


def _replace_damaged(ledger_path: Path, checked: Path, aside: Path) -> None:
    """The current file cannot be read as a database: keep it (and its -wal) aside as it is,
    then put the checked copy in its place."""
    try:
        shutil.copyfile(ledger_path, aside)
        for extra in ("-wal", "-shm"):
            side = ledger_path.with_name(ledger_path.name + extra)
            if side.exists():
                if extra == "-wal":
                    shutil.copyfile(side, aside.with_name(aside.name + extra))
                side.unlink()
        temporary = ledger_path.with_name(f".{ledger_path.name}.restoring")
        shutil.copyfile(checked, temporary)
        os.replace(temporary, ledger_path)
    except OSError as exc:
        raise _folder_error(ledger_path.parent, exc) from exc
