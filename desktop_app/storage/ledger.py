"""Opening a ledger file: pragmas, migrations, the version check, transactions.

One ``Ledger`` wraps one SQLite connection (and a sqlite-utils ``Database`` on it when asked
for: sqlite-utils is imported only then, or when a migration is due). Every user action runs in one
``ledger.transaction()``; an SQLite error caused by the environment (locked, read-only, full,
damaged) leaves it as a ``StorageError`` with a message that names what to fix.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.errors import (
    NewerLedgerError,
    NotFoundError,
    RefusedError,
    StorageError,
    is_environment_error,
    storage_error,
)
from desktop_app.i18n import _
from desktop_app.storage.schema import MIGRATION_NAMES, MIGRATION_SET, migration_set

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 5000
# FTS5's trigram tokenizer (the activity search) came with SQLite 3.34.
MIN_SQLITE = (3, 34, 0)


def now_iso() -> str:
    """The current time as ISO 8601 UTC text with microseconds (sortable)."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some service accounts
        return os.environ.get("USERNAME") or os.environ.get("USER") or "unknown"


@dataclass(frozen=True)
class Change:
    """What one committed transaction wrote: the audit rows with ids ``first_id`` to
    ``last_id`` (``storage.undo`` reverts them)."""

    first_id: int
    last_id: int


class Ledger:
    """An open ledger file."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self._conn = conn
        self._db: Database | None = None
        # Opened with SQLite's ``mode=ro``: every transaction is refused with
        # ``read_only_reason`` (the window sets it to say who is writing instead).
        self.read_only = read_only
        self.read_only_reason = _(
            "This ledger was opened read-only, so nothing can be changed in it. Open it again "
            "normally to make changes."
        )
        self.user = os_user()
        # The last committed transaction that wrote audit rows through this object.
        self.last_change: Change | None = None
        # (change, the change that undid it), in the order they were undone (storage.undo).
        self.undone: list[tuple[Change, Change]] = []

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> Database:
        """A sqlite-utils ``Database`` on the connection (made on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self._conn)
        return self._db

    @property
    def attachments_dir(self) -> Path:
        """Attached files, each named by its SHA-256, in a folder beside the ledger file."""
        return self.path.with_name(self.path.stem + "-attachments")

    def attachment_file(self, sha256: str, file_name: str) -> Path:
        """Where the copy of an attached file lies: named by its SHA-256 and the original
        file's suffix, so the same file attached twice is stored once."""
        return self.attachments_dir / (sha256 + Path(file_name).suffix.lower())

    @property
    def ledger_id(self) -> str:
        row = self.conn.execute("SELECT value FROM ledger_info WHERE key = 'ledger_id'").fetchone()
        return str(row[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Ledger]:
        """One user action: all of it is written, or none of it.

        The outermost transaction begins with ``BEGIN IMMEDIATE``, so waiting for another
        program that is writing to the file happens up front (for at most ``BUSY_TIMEOUT_MS``)
        rather than failing half-way; a nested one is a savepoint. When the outermost one
        commits audit rows, ``last_change`` names them (a rollback leaves it as it was).
        """
        if self.read_only:
            raise RefusedError(self.read_only_reason)
        try:
            if self.conn.in_transaction:
                with _savepoint(self.conn):
                    yield self
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                before = self.last_audit_id()
                yield self
            except BaseException:
                _rollback(self.conn)
                raise
            try:
                after = self.last_audit_id()
                self.conn.execute("COMMIT")
            except BaseException:
                _rollback(self.conn)
                raise
            if after > before:
                self.last_change = Change(before + 1, after)
        except sqlite3.Error as exc:
            if is_environment_error(exc):
                raise storage_error(exc, self.path) from exc
            raise

    def last_audit_id(self) -> int:
        """The id of the newest audit row (0 for none). Inside a transaction, which holds the
        write lock, no other program adds any meanwhile."""
        return int(self.conn.execute("SELECT ifnull(max(id), 0) FROM audit_log").fetchone()[0])

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Ledger]:
        """Reads that see one consistent state of the ledger, without taking the write lock
        (under WAL another program may go on writing meanwhile)."""
        if self.conn.in_transaction:
            yield self
            return
        try:
            self.conn.execute("BEGIN")
            try:
                yield self
            finally:
                if self.conn.in_transaction:
                    self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if is_environment_error(exc):
                raise storage_error(exc, self.path) from exc
            raise

    def query(self, sql: str, params: tuple | list | dict = ()) -> list[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        columns = [d[0] for d in cursor.description or ()]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: tuple | list | dict = ()) -> object:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SAVEPOINTS = iter(range(1, 2**62))


@contextlib.contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    """A nested transaction: released on success, rolled back to on an error (unless the
    error already ended the whole transaction)."""
    name = f"ledger_{next(_SAVEPOINTS)}"
    conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
            conn.execute(f"RELEASE SAVEPOINT {name}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {name}")


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:  # an error may already have ended it
        conn.execute("ROLLBACK")


def _table_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def _applied_names(conn: sqlite3.Connection) -> list[str]:
    """The ledger's migrations applied to the file, in the order they were applied (the table
    sqlite-utils keeps), read without sqlite-utils."""
    if "_sqlite_migrations" not in _table_names(conn):
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    )
    return [r[0] for r in rows]


def _pending_names(applied: list[str]) -> list[str]:
    done = set(applied)
    return [name for name in MIGRATION_NAMES if name not in done]


def _has_data_tables(conn: sqlite3.Connection) -> bool:
    """True if the file holds tables of its own (beyond SQLite's and the migrations list)."""
    return any(
        not name.startswith("sqlite_") and name != "_sqlite_migrations"
        for name in _table_names(conn)
    )


def _copy_aside(conn: sqlite3.Connection, path: Path, pending: str) -> Path:
    """Copy the ledger before a migration, with SQLite's online backup (safe under WAL)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".sqlite"
    target = path.with_name(f"{path.stem}.before-{pending}-{stamp}{suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.before-{pending}-{stamp}-{counter}{suffix}")
    destination = sqlite3.connect(str(target))
    try:
        conn.backup(destination)
    finally:
        destination.close()
    return target


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A connection in the driver's autocommit mode: the only transactions are the explicit
    ones of ``Ledger.transaction()`` and the migrations, so a stray statement can never leave
    an implicit transaction open that swallows later changes. ``read_only`` opens the file
    with SQLite's ``mode=ro``, so nothing can be written through the connection."""
    if read_only:
        uri = path.as_uri() + "?mode=ro"
        return sqlite3.connect(uri, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, uri=True)
    return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)


_NOT_LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".et", ".ods", ".pdf", ".docx")


def open_ledger(path: str | Path, *, create: bool = True, read_only: bool = False) -> Ledger:
    """Open the ledger at ``path`` (creating it if ``create``) and bring its schema up to date.

    With ``create=False`` a missing file is a ``NotFoundError``, so a mistyped path never
    starts an empty ledger behind the user's back.

    A file written by a newer version is refused with ``NewerLedgerError``, an SQLite file
    that is not a ledger with ``StorageError``; either is left exactly as it was. Before any
    pending migration runs on an existing ledger, the file is copied aside.

    With ``read_only`` the file is opened with SQLite's ``mode=ro`` (it must exist) and
    nothing is written, not even the schema: a ledger that still needs an upgrade is refused
    with ``RefusedError``; ``Ledger.transaction()`` refuses every change.
    """
    path = Path(path).expanduser().resolve()
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        raise StorageError(
            _(
                "This installation of Python carries SQLite {version}; Party Ledger needs "
                "SQLite {needed} or newer. Install a current Python (3.10 or later from "
                "python.org) or the packaged Party Ledger, then open the ledger again."
            ).format(version=sqlite3.sqlite_version, needed=".".join(str(n) for n in MIN_SQLITE))
        )
    if path.suffix.lower() in _NOT_LEDGER_SUFFIXES:
        raise StorageError(
            _(
                "{path} is a workbook or document, not a ledger file. Give the ledger's .sqlite "
                "file with --db; to bring a workbook into the ledger use the import command."
            ).format(path=path)
        )
    if (read_only or not create) and not path.exists():
        raise NotFoundError(
            _(
                "There is no ledger at {path}. Check the path given with --db or in "
                "PARTY_LEDGER_DB; to start a ledger, import a workbook or run the demo command."
            ).format(path=path)
        )
    if path.is_dir():
        raise StorageError(
            _("{path} is a folder, not a ledger file. Give the path of a .sqlite file.").format(
                path=path
            )
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            _(
                "The folder {folder} cannot be created: {reason}. Choose another place for the "
                "ledger with --db."
            ).format(folder=path.parent, reason=exc.strerror or exc)
        ) from exc
    try:
        conn = _connect(path, read_only=True) if read_only else _connect(path)
    except sqlite3.Error as exc:
        raise storage_error(exc, path) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Only reads until the file is known to be a ledger this version can open.
        applied = _refuse_foreign(conn, path)
        if read_only:
            _refuse_outdated(applied, path)
            return Ledger(path, conn, read_only=True)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = wal")
        conn.execute("PRAGMA synchronous = FULL")
        _upgrade(conn, path, applied)
    except sqlite3.Error as exc:
        conn.close()
        if is_environment_error(exc):
            raise storage_error(exc, path) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return Ledger(path, conn)


def _refuse_foreign(conn: sqlite3.Connection, path: Path) -> list[str]:
    """The migrations applied to the file; refuses a newer ledger and a foreign database."""
    applied = _applied_names(conn)
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if unknown:
        raise NewerLedgerError(
            _(
                "The ledger {path} was written by a newer version of Party Ledger (it has "
                "changes “{names}” this version does not know). Install the newer version to "
                "open it; the file was not changed."
            ).format(path=path, names=", ".join(unknown))
        )
    if not applied and _has_data_tables(conn):
        raise StorageError(
            _(
                "The file {path} is an SQLite database but not a Party Ledger ledger. "
                "Choose a ledger file, or a new file name to start a ledger."
            ).format(path=path)
        )
    return applied


def _refuse_outdated(applied: list[str], path: Path) -> None:
    """A ledger opened read-only cannot be brought up to date: refuse it if it needs to be."""
    if _pending_names(applied):
        raise RefusedError(
            _(
                "The ledger {path} was written by an older version of Party Ledger and must be "
                "upgraded before it can be shown, which cannot be done while it is open "
                "read-only. Open it normally once (when nobody else is writing to it)."
            ).format(path=path)
        )


def quick_check(ledger: Ledger) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` on the open ledger: the problems it reports (an empty
    list when the file is sound). A file too damaged to be checked is one problem."""
    try:
        rows = ledger.conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    problems = [str(row[0]) for row in rows]
    return [] if problems == ["ok"] else problems


def _upgrade(conn: sqlite3.Connection, path: Path, applied: list[str]) -> None:
    pending = _pending_names(applied)
    if pending:
        from sqlite_utils import Database

        if applied:
            _copy_aside(conn, path, pending[0])
        migration_set().apply(Database(conn))
    # Checked on every open, so an interruption between the migrations and this step heals
    # itself; written only when missing, so a read-only or busy ledger still opens.
    present = {row[0] for row in conn.execute("SELECT key FROM ledger_info")}
    missing = {"ledger_id": str(uuid.uuid4()), "created_at": now_iso()}
    missing = {k: v for k, v in missing.items() if k not in present}
    if missing:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT OR IGNORE INTO ledger_info (key, value) VALUES (?, ?)", missing.items()
            )
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
