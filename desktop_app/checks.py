"""``check``: the ledger's integrity and a summary of the meetings branches have not held."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop_app.domain.activities import verify_attachments
from desktop_app.domain.compliance import frequencies, missing_meetings_of
from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.domain.orgtree import load_tree
from desktop_app.i18n import N_, _, join_list, ngettext
from desktop_app.storage.ledger import Ledger


@dataclass
class CheckResult:
    year: int
    as_of: date
    problems: list[str] = field(default_factory=list)
    # branch path -> activity type -> labels of the periods with no record
    missing: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    branches_checked: int = 0

    @property
    def healthy(self) -> bool:
        return not self.problems


# What each table holds, as the secretary calls it.
TABLE_LABELS = {
    "organizations": N_("organizations"),
    "activities": N_("activities"),
    "attachments": N_("attached files"),
    "ratings": N_("star ratings"),
    "creation_targets": N_("creation targets"),
    "creation_candidates": N_("creation candidates"),
    "tasks": N_("tasks"),
    "brands": N_("brands and innovation projects"),
}


def _table_label(table: str) -> str:
    return _(TABLE_LABELS[table]) if table in TABLE_LABELS else table


def integrity_problems(ledger: Ledger) -> list[str]:
    """What is wrong with the file itself or with the links between its records."""
    problems = [
        _("SQLite integrity check: {message}").format(message=row[0])
        for row in ledger.conn.execute("PRAGMA integrity_check")
        if row[0] != "ok"
    ]
    for table, rowid, parent, _fk in ledger.conn.execute("PRAGMA foreign_key_check"):
        problems.append(
            _("A record of {table} (row {rowid}) points to a missing record of {parent}.").format(
                table=_table_label(table), rowid=rowid, parent=_table_label(parent)
            )
        )
    roots = ledger.conn.execute(
        "SELECT count(*) FROM organizations WHERE parent_uid IS NULL AND deleted_at IS NULL"
    ).fetchone()[0]
    if roots > 1:
        problems.append(
            _("The ledger has {count} party committees at its root; it should have one.").format(
                count=roots
            )
        )
    for table in ("organizations", "activities", "ratings", "creation_candidates", "brands"):
        column = "parent_uid" if table == "organizations" else "org_uid"
        orphans = ledger.conn.execute(
            f"SELECT count(*) FROM {table} c JOIN organizations o ON o.uid = c.{column} "
            "WHERE c.deleted_at IS NULL AND o.deleted_at IS NOT NULL"
        ).fetchone()[0]
        if orphans:
            problems.append(
                _(
                    "{count} live records of {table} belong to an organization in the recycle bin."
                ).format(count=orphans, table=_table_label(table))
            )
    problems += [_("Attachment: {problem}").format(problem=p) for p in verify_attachments(ledger)]
    return problems


def run_check(ledger: Ledger, year: int, as_of: date) -> CheckResult:
    result = CheckResult(year=year, as_of=as_of, problems=integrity_problems(ledger))
    end = min(as_of, date(year, 12, 31))
    start = date(year, 1, 1)
    if end < start:
        return result
    tree = load_tree(ledger)
    branches = sorted(
        (o for o in tree if o.level == "branch" and o.active), key=lambda o: tree.path(o.uid)
    )
    result.branches_checked = len(branches)
    gaps = missing_meetings_of(ledger, branches, start, end, frequencies(ledger))
    for org in branches:
        if org.uid in gaps:
            result.missing[tree.path(org.uid)] = gaps[org.uid]
    return result


def format_check(result: CheckResult) -> str:
    lines = []
    if result.healthy:
        lines.append(_("Integrity: the ledger file and its records are sound."))
    else:
        lines.append(
            ngettext(
                "Integrity: {n} problem found",
                "Integrity: {n} problems found",
                len(result.problems),
            ).format(n=len(result.problems))
        )
        lines += [f"  • {p}" for p in result.problems]
    lines.append("")
    lines.append(
        _(
            "Required meetings of {year}, up to {as_of}: {bad} of {total} branches have gaps."
        ).format(
            year=result.year,
            as_of=min(result.as_of, date(result.year, 12, 31)),
            bad=len(result.missing),
            total=result.branches_checked,
        )
    )
    for path, gaps in result.missing.items():
        lines.append(f"  {path}")
        for kind, periods in gaps.items():
            lines.append(
                "    "
                + _("{type}: none in {periods}").format(
                    type=ACTIVITY_TYPES.label(kind), periods=join_list(periods)
                )
            )
    return "\n".join(lines)
