"""The ledger's schema as named migrations.

A released migration is never edited: a change to the schema is a new migration below the
last one, with a fixture of the schema before it in ``tests/fixtures/schemas/``.

Every record table carries ``uid`` (a UUID, the primary key), ``created_at``, ``updated_at``
and ``deleted_at``/``deleted_with`` for the recycle bin. Dates are ISO ``YYYY-MM-DD`` text,
times ISO 8601 UTC text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "party_ledger"
MIGRATION_NAMES: list[str] = []
_STEPS: list[tuple[str, Callable[[Database], None]]] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    def register(step: Callable[[Database], None]) -> Callable[[Database], None]:
        MIGRATION_NAMES.append(name)
        _STEPS.append((name, step))
        return step

    return register


@functools.cache
def migration_set() -> Migrations:
    """The sqlite-utils ``Migrations`` of the ledger, made (and sqlite-utils imported) only
    when a ledger needs one applied or listed: opening an up-to-date ledger goes without."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, step in _STEPS:
        steps(name=name)(step)
    return steps


def _run(db: Database, script: str) -> None:
    """Run a script statement by statement, inside the migration's transaction.

    ``executescript`` would commit first and break the migration's atomicity. Statements are
    split at ";", so a later migration with ";" inside a string or a trigger body must run its
    statements one by one with ``db.execute`` instead.
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# Record tables, parents before the tables that point to them.
RECORD_TABLES = (
    "organizations",
    "activities",
    "attachments",
    "ratings",
    "creation_targets",
    "creation_candidates",
    "tasks",
    "brands",
)

_RECORD_COLUMNS = """
    uid TEXT PRIMARY KEY NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    deleted_with TEXT"""


@_migration("0001_initial")
def m0001_initial(db: Database) -> None:
    """The first schema: organizations, activities, ratings, 三级联创, tasks, audit log."""
    _run(
        db,
        f"""
        CREATE TABLE ledger_info (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE settings (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE organizations ({_RECORD_COLUMNS},
            parent_uid TEXT REFERENCES organizations(uid),
            name TEXT NOT NULL,
            level TEXT NOT NULL CHECK (level IN ('committee', 'college', 'branch')),
            branch_type TEXT,
            secretary TEXT,
            double_leader INTEGER NOT NULL DEFAULT 0,
            has_party_groups INTEGER NOT NULL DEFAULT 0,
            founded_on TEXT,
            elected_on TEXT,
            term_years INTEGER NOT NULL DEFAULT 3,
            members_full INTEGER NOT NULL DEFAULT 0,
            members_probationary INTEGER NOT NULL DEFAULT 0,
            activists INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            dissolved_on TEXT
        );
        CREATE INDEX organizations_parent ON organizations(parent_uid, name);
        CREATE UNIQUE INDEX organizations_sibling_name
            ON organizations(ifnull(parent_uid, ''), name) WHERE deleted_at IS NULL;

        CREATE TABLE activities ({_RECORD_COLUMNS},
            org_uid TEXT NOT NULL REFERENCES organizations(uid),
            type TEXT NOT NULL,
            date TEXT NOT NULL,
            theme TEXT NOT NULL,
            category TEXT,
            place TEXT,
            host TEXT,
            expected INTEGER,
            actual INTEGER,
            dimensions TEXT NOT NULL DEFAULT '[]',
            featured INTEGER NOT NULL DEFAULT 0,
            summary TEXT
        );
        CREATE INDEX activities_org_date ON activities(org_uid, date);
        CREATE INDEX activities_date ON activities(date);

        CREATE TABLE attachments ({_RECORD_COLUMNS},
            activity_uid TEXT NOT NULL REFERENCES activities(uid),
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE INDEX attachments_activity ON attachments(activity_uid);

        CREATE TABLE ratings ({_RECORD_COLUMNS},
            org_uid TEXT NOT NULL REFERENCES organizations(uid),
            year INTEGER NOT NULL,
            stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
        );
        CREATE UNIQUE INDEX ratings_org_year ON ratings(org_uid, year) WHERE deleted_at IS NULL;
        CREATE INDEX ratings_year ON ratings(year);

        CREATE TABLE creation_targets ({_RECORD_COLUMNS},
            level TEXT NOT NULL,
            grade TEXT NOT NULL,
            target INTEGER NOT NULL CHECK (target >= 0),
            period TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX creation_targets_key
            ON creation_targets(level, grade, period) WHERE deleted_at IS NULL;

        CREATE TABLE creation_candidates ({_RECORD_COLUMNS},
            org_uid TEXT NOT NULL REFERENCES organizations(uid),
            level TEXT NOT NULL,
            grade TEXT NOT NULL,
            status TEXT NOT NULL,
            cultivated_on TEXT,
            applied_on TEXT,
            approved_on TEXT,
            accepted_on TEXT,
            rejected_on TEXT,
            note TEXT
        );
        CREATE UNIQUE INDEX creation_candidates_key
            ON creation_candidates(org_uid, level, grade) WHERE deleted_at IS NULL;

        CREATE TABLE tasks ({_RECORD_COLUMNS},
            title TEXT NOT NULL,
            section TEXT,
            lead_department TEXT,
            cooperating_departments TEXT,
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'todo'
        );
        CREATE UNIQUE INDEX tasks_title ON tasks(title) WHERE deleted_at IS NULL;

        CREATE TABLE brands ({_RECORD_COLUMNS},
            org_uid TEXT NOT NULL REFERENCES organizations(uid),
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            year_approved INTEGER,
            grade TEXT,
            status TEXT NOT NULL DEFAULT 'cultivating'
        );
        CREATE UNIQUE INDEX brands_org_name ON brands(org_uid, name) WHERE deleted_at IS NULL;

        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            os_user TEXT NOT NULL,
            table_name TEXT NOT NULL,
            uid TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL
        );
        CREATE INDEX audit_log_uid ON audit_log(uid);
        """,
    )


# The statements of 0002_activity_search, run one by one: trigger bodies hold ";".
_ACTIVITY_SEARCH = (
    # A stable integer for each activity: its rowid may change (VACUUM renumbers a table
    # whose primary key is not an INTEGER), its uid never does.
    """CREATE TABLE activity_search_keys (
        docid INTEGER PRIMARY KEY,
        uid TEXT NOT NULL UNIQUE
    )""",
    # The text searched, by docid; trigram matches any run of three or more characters,
    # Chinese included, without a word list.
    """CREATE VIRTUAL TABLE activity_search
        USING fts5(theme, summary, place, tokenize='trigram')""",
    """CREATE TRIGGER activities_search_insert AFTER INSERT ON activities BEGIN
        INSERT OR IGNORE INTO activity_search_keys (uid) VALUES (new.uid);
        DELETE FROM activity_search
            WHERE rowid = (SELECT docid FROM activity_search_keys WHERE uid = new.uid);
        INSERT INTO activity_search (rowid, theme, summary, place)
            SELECT docid, new.theme, ifnull(new.summary, ''), ifnull(new.place, '')
            FROM activity_search_keys WHERE uid = new.uid;
    END""",
    """CREATE TRIGGER activities_search_update AFTER UPDATE OF theme, summary, place
        ON activities BEGIN
        UPDATE activity_search
            SET theme = new.theme, summary = ifnull(new.summary, ''),
                place = ifnull(new.place, '')
            WHERE rowid = (SELECT docid FROM activity_search_keys WHERE uid = new.uid);
    END""",
    """CREATE TRIGGER activities_search_delete AFTER DELETE ON activities BEGIN
        DELETE FROM activity_search
            WHERE rowid = (SELECT docid FROM activity_search_keys WHERE uid = old.uid);
        DELETE FROM activity_search_keys WHERE uid = old.uid;
    END""",
    "INSERT INTO activity_search_keys (uid) SELECT uid FROM activities ORDER BY created_at, uid",
    """INSERT INTO activity_search (rowid, theme, summary, place)
        SELECT k.docid, a.theme, ifnull(a.summary, ''), ifnull(a.place, '')
        FROM activities a JOIN activity_search_keys k ON k.uid = a.uid""",
)


@_migration("0002_activity_search")
def m0002_activity_search(db: Database) -> None:
    """Instant search over activities' theme, summary and place (FTS5 trigram, SQLite ≥ 3.34),
    and the index the recycle bin looks records up by."""
    for statement in _ACTIVITY_SEARCH:
        db.execute(statement)
    for table in RECORD_TABLES:
        db.execute(f"CREATE INDEX {table}_deleted_with ON {table}(deleted_with)")


@_migration("0003_live_activities_index")
def m0003_live_activities_index(db: Database) -> None:
    """One index of the activities out of the recycle bin, by date, holding every column the
    statistics and the activity table's filters read: a year's figures and a filtered page of
    the table are read from the index alone, never from the rows. (``deleted_at``, always NULL
    here, is in it so that SQLite sees the index covers a query that names it.)"""
    db.execute(
        "CREATE INDEX activities_live ON activities("
        "date, org_uid, type, category, featured, expected, actual, dimensions, uid, deleted_at) "
        "WHERE deleted_at IS NULL"
    )
