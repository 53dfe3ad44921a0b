"""One writer at a time: a lock file beside the ledger, held while a window writes to it.

``<ledger>.lock`` holds JSON naming the holder (user, computer, process id, since when, and
when it last said it was alive). The holder keeps an exclusive operating-system lock on one
byte of that file for as long as it runs (``msvcrt.locking`` on Windows, ``fcntl.flock``
elsewhere): when the program ends or crashes the operating system drops the lock, so a stale
file is simply overwritten by the next program. Through a shared folder the lock also works
from another computer when the file system honours locks; for file systems that do not, a
lock file written by another computer that refreshed itself within ``STALE_AFTER`` is treated
as held too (a process on another computer cannot be checked by its pid).
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from desktop_app.i18n import _

# The holder refreshes ``seen`` this often; a file from another computer not refreshed for
# ``STALE_AFTER`` belongs to a program that is gone.
REFRESH_EVERY = timedelta(minutes=2)
STALE_AFTER = timedelta(minutes=10)
# The byte that is locked: far past the JSON, so on Windows (where a locked range cannot be
# read) other programs can still read who holds the lock.
_LOCK_OFFSET = 1 << 30


def lock_path(ledger_path: str | Path) -> Path:
    path = Path(ledger_path)
    return path.with_name(path.name + ".lock")


def _now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Holder:
    """Who is writing to the ledger (from the lock file; empty texts when it was unreadable)."""

    user: str
    computer: str
    pid: int
    since: str
    seen: str = ""

    def since_local(self) -> str:
        """``since`` as local time, minutes precision (the raw text if it is not a time)."""
        try:
            moment = datetime.fromisoformat(self.since)
        except ValueError:
            return self.since
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")

    def describe(self) -> str:
        """Who holds the lock, in words: “wang on PC-07 (since 2026-11-21 08:00)”."""
        if not self.user and not self.computer:
            return _("another copy of Party Ledger")
        return _("{user} on {computer} (since {since})").format(
            user=self.user or _("someone"),
            computer=self.computer or _("another computer"),
            since=self.since_local() or _("an unknown time"),
        )

    def read_only_reason(self) -> str:
        """The sentence the window shows, and gives when a change is refused."""
        return _(
            "This ledger is open read-only because {holder} is writing to it; you can look "
            "but not change anything. To make changes, close Party Ledger there and open the "
            "ledger again."
        ).format(holder=self.describe())


def _os_lock(fd: int) -> bool:
    """Take the exclusive lock on the lock byte without waiting; False when another has it."""
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _read_holder(fd: int) -> Holder:
    os.lseek(fd, 0, os.SEEK_SET)
    try:
        raw = os.read(fd, 4096)
        data = json.loads(raw.decode("utf-8"))
        return Holder(
            user=str(data.get("user", "")),
            computer=str(data.get("computer", "")),
            pid=int(data.get("pid", 0)),
            since=str(data.get("since", "")),
            seen=str(data.get("seen", "")),
        )
    except (OSError, ValueError, AttributeError, TypeError):
        return Holder(user="", computer="", pid=0, since="")


def _alive_elsewhere(previous: Holder, computer: str) -> bool:
    """A file written by a program on another computer that refreshed it lately: that
    program may be running on a file system that ignores locks."""
    if not previous.computer or previous.computer == computer or not previous.seen:
        return False
    try:
        seen = datetime.fromisoformat(previous.seen)
    except ValueError:
        return False
    if seen.tzinfo is None:
        seen = seen.replace(tzinfo=timezone.utc)
    return _now() - seen < STALE_AFTER


class WriterLock:
    """The lock, held by this program until ``release()`` (or until it ends)."""

    def __init__(self, path: Path, fd: int, holder: Holder) -> None:
        self.path = path
        self.holder = holder
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def _write(self) -> None:
        assert self._fd is not None
        data = {
            "user": self.holder.user,
            "computer": self.holder.computer,
            "pid": self.holder.pid,
            "since": self.holder.since,
            "seen": self.holder.seen,
        }
        raw = json.dumps(data, ensure_ascii=False).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, raw)
        os.fsync(self._fd)

    def refresh(self) -> None:
        """Say that this program is still alive (call every ``REFRESH_EVERY``)."""
        if self._fd is None:
            return
        self.holder = Holder(
            self.holder.user,
            self.holder.computer,
            self.holder.pid,
            self.holder.since,
            _now().isoformat(timespec="seconds"),
        )
        # A shared folder that went away: the OS lock still says who writes.
        with contextlib.suppress(OSError):
            self._write()

    def release(self) -> None:
        """Give the lock up (another program may take it at once). The emptied file stays:
        removing it could let two programs lock two different files of the same name."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        with contextlib.suppress(OSError):
            _os_unlock(fd)
        os.close(fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(ledger_path: str | Path) -> WriterLock | Holder:
    """Take the writer lock of the ledger at ``ledger_path``: a ``WriterLock`` when this
    program may write, else the ``Holder`` who is writing. An ``OSError`` (the folder cannot
    be written) propagates: the caller decides whether to open read-only."""
    from desktop_app.storage.ledger import os_user

    path = lock_path(Path(ledger_path).expanduser().resolve())
    fd = os.open(str(path), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _os_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            return holder
        computer = platform.node()
        previous = _read_holder(fd)
        if _alive_elsewhere(previous, computer):
            _os_unlock(fd)
            os.close(fd)
            return previous
        stamp = _now().isoformat(timespec="seconds")
        lock = WriterLock(path, fd, Holder(os_user(), computer, os.getpid(), stamp, stamp))
        lock._write()
        return lock
    except BaseException:
        with contextlib.suppress(OSError):
            os.close(fd)
        raise
