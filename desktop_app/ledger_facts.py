"""What the Settings page tells about the open ledger file: where it is, how big, how many
records each table holds (live and in the recycle bin), which schema changes it has had, and
where its attached files lie."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.storage.ledger import Ledger
from desktop_app.storage.schema import RECORD_TABLES, migration_set


@dataclass(frozen=True)
class TableCount:
    table: str
    live: int
    deleted: int


@dataclass(frozen=True)
class AppliedMigration:
    name: str
    applied_at: str


@dataclass
class LedgerFacts:
    path: Path
    size_bytes: int
    """The ledger file itself plus its write-ahead log, which holds recent changes."""
    attachments_dir: Path
    tables: list[TableCount] = field(default_factory=list)
    migrations: list[AppliedMigration] = field(default_factory=list)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def table_counts(ledger: Ledger) -> list[TableCount]:
    """Live and deleted records of every record table, in one query."""
    sql = " UNION ALL ".join(
        f"SELECT '{table}', count(*) - count(deleted_at), count(deleted_at) FROM {table}"
        for table in RECORD_TABLES
    )
    with ledger.snapshot():
        rows = ledger.conn.execute(sql).fetchall()
    return [TableCount(table, int(live), int(deleted)) for table, live, deleted in rows]


def ledger_facts(ledger: Ledger) -> LedgerFacts:
    path = ledger.path
    return LedgerFacts(
        path=path,
        size_bytes=_file_size(path) + _file_size(path.with_name(path.name + "-wal")),
        attachments_dir=ledger.attachments_dir,
        tables=table_counts(ledger),
        migrations=[
            AppliedMigration(m.name, m.applied_at) for m in migration_set().applied(ledger.db)
        ],
    )
