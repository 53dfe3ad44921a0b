"""The error split: messages for the user's mistakes and for the environment."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.errors import (
    Fault,
    LedgerError,
    NewerLedgerError,
    RefusedError,
    StorageError,
    ValidationError,
    is_environment_error,
    storage_error,
)


def test_a_fault_names_where_it_is() -> None:
    fault = Fault("“x” is not a date.", sheet="活动", row=3, column="C 日期")
    assert str(fault) == "sheet “活动”, row 3, column C 日期: “x” is not a date."
    assert str(Fault("Give a name.", field="name")) == "Give a name."
    assert Fault("m", row=7).location() == "row 7"


def test_a_validation_error_lists_its_faults() -> None:
    error = ValidationError(
        "The activity was not saved.",
        [Fault("Give the date.", field="date"), Fault("Bad.", sheet="活动", row=2)],
    )
    assert str(error) == (
        "The activity was not saved.\n  • Give the date.\n  • sheet “活动”, row 2: Bad."
    )
    single = ValidationError.single("Give a name.", "name")
    assert (single.message, single.faults) == ("Give a name.", [Fault("Give a name.", "name")])
    assert str(LedgerError("plain")) == "plain"
    assert issubclass(NewerLedgerError, RefusedError)
    assert issubclass(StorageError, LedgerError) and issubclass(ValidationError, LedgerError)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("database is locked", "is in use by another program"),
        ("database table is locked", "is in use by another program"),
        ("attempt to write a readonly database", "is read-only"),
        ("database or disk is full", "is full"),
        ("file is not a database", "is not a readable ledger"),
        ("database disk image is malformed", "is not a readable ledger"),
        ("unable to open database file", "cannot be opened"),
        ("disk I/O error", "could not be read or written: disk I/O error"),
    ],
)
def test_environment_errors_get_a_message_that_says_what_to_do(text: str, words: str) -> None:
    exc = sqlite3.OperationalError(text)
    assert is_environment_error(exc)
    error = storage_error(exc, "D:/党建/ledger.sqlite")
    assert isinstance(error, StorageError)
    assert "D:/党建/ledger.sqlite" in error.message
    assert words in error.message


@pytest.mark.parametrize(
    "exc",
    [
        sqlite3.OperationalError("no such table: nothing"),
        sqlite3.OperationalError('near "SELEC": syntax error'),
        # Words of the environment's messages inside our own mistakes.
        sqlite3.OperationalError("no such column: members_full"),
        sqlite3.OperationalError("table locked_items has no column named x"),
        sqlite3.IntegrityError("UNIQUE constraint failed: tasks.title"),
        sqlite3.ProgrammingError("Cannot operate on a closed database."),
    ],
)
def test_our_own_mistakes_are_bugs(exc: sqlite3.Error) -> None:
    assert not is_environment_error(exc)


def test_real_sqlite_errors_are_classified_by_their_code() -> None:
    conn = sqlite3.connect(":memory:")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("SELECT members_full FROM organizations")
    assert not is_environment_error(caught.value)
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError) as closed:
        conn.execute("SELECT 1")
    assert not is_environment_error(closed.value)
