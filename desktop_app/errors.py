"""The error split: a user's mistake or an environment problem versus a bug.

Every ``LedgerError`` carries a translated message that says what is wrong and what to do;
the window shows it in a dialog and the command line prints it and exits 2. Anything else
that escapes is a bug and goes to the crash path.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from desktop_app.i18n import _


@dataclass(frozen=True)
class Fault:
    """One problem with one piece of input.

    ``field`` names the form field; ``sheet``, ``row`` (Excel numbering) and ``column`` (a
    letter and the header name) locate a workbook cell.
    """

    message: str
    field: str | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None

    def location(self) -> str:
        parts = []
        if self.sheet is not None:
            parts.append(_("sheet “{sheet}”").format(sheet=self.sheet))
        if self.row is not None:
            parts.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            parts.append(_("column {column}").format(column=self.column))
        return _(", ").join(parts)

    def __str__(self) -> str:
        where = self.location()
        if not where:
            return self.message
        return _("{where}: {message}").format(where=where, message=self.message)


class LedgerError(Exception):
    """A problem the user can fix: shown as a clear message, never as a traceback."""

    def __init__(self, message: str, faults: list[Fault] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.faults: list[Fault] = list(faults or [])

    def __str__(self) -> str:
        if not self.faults:
            return self.message
        return "\n".join([self.message, *(f"  • {f}" for f in self.faults)])


class ValidationError(LedgerError):
    """Input that breaks a rule of the domain; nothing was written."""

    @classmethod
    def single(cls, message: str, field: str | None = None) -> ValidationError:
        return cls(message, [Fault(message, field=field)])


class NotFoundError(LedgerError):
    """A record or an organization that the user named does not exist."""


class RefusedError(LedgerError):
    """An operation the ledger will not do in its present state."""


class NewerLedgerError(RefusedError):
    """The ledger was written by a newer version of the application."""


class StorageError(LedgerError):
    """The environment stands in the way: the file is locked, read-only, full or damaged."""


# What SQLite says when the environment is at fault: its result codes (``sqlite_errorname``,
# Python 3.11+) and the exact messages it gives for them. Loose words such as "full" or
# "locked" would also match a bug of ours such as "no such column: members_full".
_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("locked", ("SQLITE_BUSY", "SQLITE_LOCKED"), ("database is locked", "is locked", "busy")),
    ("readonly", ("SQLITE_READONLY",), ("attempt to write a readonly database",)),
    ("full", ("SQLITE_FULL",), ("database or disk is full",)),
    (
        "damaged",
        ("SQLITE_NOTADB", "SQLITE_CORRUPT"),
        ("file is not a database", "database disk image is malformed"),
    ),
    ("cannot_open", ("SQLITE_CANTOPEN",), ("unable to open database file",)),
    ("io", ("SQLITE_IOERR",), ("disk i/o error",)),
)


def _environment_kind(exc: BaseException) -> str | None:
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(
        exc, sqlite3.IntegrityError | sqlite3.ProgrammingError
    ):
        return None
    name = getattr(exc, "sqlite_errorname", None)
    if name:
        for kind, codes, _texts in _KINDS:
            if any(name == code or name.startswith(code + "_") for code in codes):
                return kind
        return None
    text = str(exc).lower()
    for kind, _codes, texts in _KINDS:
        if any(text == t or text.endswith(t) for t in texts):
            return kind
    return None


def storage_error(exc: sqlite3.Error, path: object) -> StorageError:
    """Translate an SQLite error about the environment into a message naming what to fix."""
    kind = _environment_kind(exc)
    if kind == "locked":
        message = _(
            "The ledger {path} is in use by another program or another copy of Party Ledger. "
            "Close it there and try again."
        )
    elif kind == "readonly":
        message = _(
            "The ledger {path} cannot be written: the file or its folder is read-only. "
            "Copy it to a folder you can write to, or ask your IT office for write access."
        )
    elif kind == "full":
        message = _(
            "The disk holding the ledger {path} is full. Free some space and try again; "
            "nothing was changed."
        )
    elif kind == "damaged":
        message = _(
            "The file {path} is not a readable ledger (it may be damaged or not a ledger at "
            "all). Restore it from a backup."
        )
    elif kind == "cannot_open":
        message = _(
            "The ledger {path} cannot be opened. Check that its folder exists and that you "
            "may write to it."
        )
    else:
        message = _("The ledger {path} could not be read or written: {reason}.")
    return StorageError(message.format(path=path, reason=exc))


def is_environment_error(exc: sqlite3.Error) -> bool:
    """True for SQLite errors caused by the file or the disk rather than by our SQL."""
    return _environment_kind(exc) is not None
