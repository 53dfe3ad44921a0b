"""What the dashboard says is missing, as of a day: theme days not held, other required
meetings not held, committee terms over or ending soon, tasks past their deadline.

The lists agree with the statistics because they come from them: theme-day gaps and terms are
read from ``compute_stats`` (called once), overdue tasks use its very condition. Only the other
meetings, which the statistics do not cover, are worked out here, by the rules of
``domain.compliance`` over one query of the year's activities.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop_app.domain.compliance import frequencies, missing_meetings_of, term_end
from desktop_app.domain.orgtree import load_tree
from desktop_app.stats import OVERDUE_TASK, compute_stats
from desktop_app.storage.ledger import Ledger


@dataclass(frozen=True)
class ThemeDayGap:
    """A branch with no 主题党日 in some of the months looked at."""

    org_uid: str
    path: str
    months: list[int]


@dataclass(frozen=True)
class MissingMeeting:
    """A required meeting type (not 主题党日) a branch has not held in some periods."""

    org_uid: str
    path: str
    type: str
    periods: list[str]  # labels: 2025-03, 2025-Q1, 2025


@dataclass(frozen=True)
class TermReminder:
    """A committee whose term is over (``expired``) or ends within 180 days
    (``expiring_soon``)."""

    uid: str
    path: str
    state: str
    end: date


@dataclass(frozen=True)
class OverdueTask:
    uid: str
    title: str
    deadline: date
    lead_department: str | None


@dataclass(frozen=True)
class Reminders:
    year: int
    as_of: date
    theme_day_gaps: list[ThemeDayGap] = field(default_factory=list)
    meetings_missing: list[MissingMeeting] = field(default_factory=list)
    terms: list[TermReminder] = field(default_factory=list)
    overdue_tasks: list[OverdueTask] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many reminders there are in all."""
        return (
            len(self.theme_day_gaps)
            + len(self.meetings_missing)
            + len(self.terms)
            + len(self.overdue_tasks)
        )


def recent_months(year: int, as_of: date) -> list[int]:
    """The months of ``year`` among the month of ``as_of`` and the one before it."""
    previous = (as_of.year, as_of.month - 1) if as_of.month > 1 else (as_of.year - 1, 12)
    return sorted(m for y, m in {(as_of.year, as_of.month), previous} if y == year)


def reminders(
    ledger: Ledger, year: int, as_of: date, *, stats: Mapping[str, Any] | None = None
) -> Reminders:
    """The reminders of the dashboard of ``year`` (the whole ledger) as of ``as_of``.

    ``stats`` may be the dashboard's own ``compute_stats(ledger, year, as_of=as_of)`` of the
    whole ledger, so the figures are not computed twice; without it they are computed here."""
    if stats is not None and (stats["year"], stats["as_of"]) != (year, as_of.isoformat()):
        raise ValueError("the statistics given are not those of this year and day")
    with ledger.snapshot():
        if stats is None:
            stats = compute_stats(ledger, year, as_of=as_of)
        tree = load_tree(ledger)
        if stats["scope"] != (tree.root.name if tree.root else ""):
            raise ValueError("the statistics given are not those of the whole ledger")
        uid_of = {tree.path(org.uid): org.uid for org in tree}

        months = recent_months(year, as_of)
        gaps = []
        for item in stats["compliance"]["branches_missing"]:
            missing = [m for m in item["missing_months"] if m in months]
            if missing and item["branch"] in uid_of:
                gaps.append(ThemeDayGap(uid_of[item["branch"]], item["branch"], missing))

        terms = []
        for state in ("expired", "expiring_soon"):
            for path in stats["terms"][state]:
                org = tree.by_uid.get(uid_of.get(path, ""))
                end = term_end(org) if org else None
                if org and end is not None:
                    terms.append(TermReminder(org.uid, path, state, end))

        branches = sorted(
            (o for o in tree if o.level == "branch" and o.active), key=lambda o: tree.path(o.uid)
        )
        meetings = []
        start, end = date(year, 1, 1), min(date(year, 12, 31), as_of)
        if branches and start <= end:
            rules = {k: v for k, v in frequencies(ledger).items() if k != "theme_day"}
            missing_by_branch = missing_meetings_of(ledger, branches, start, end, rules)
            for branch in branches:
                for kind, labels in missing_by_branch.get(branch.uid, {}).items():
                    meetings.append(MissingMeeting(branch.uid, tree.path(branch.uid), kind, labels))

        tasks = [
            OverdueTask(uid, title, date.fromisoformat(deadline), lead)
            for uid, title, deadline, lead in ledger.conn.execute(
                "SELECT uid, title, deadline, lead_department FROM tasks "
                f"WHERE deleted_at IS NULL AND {OVERDUE_TASK} ORDER BY deadline, title",
                {"as_of": as_of.isoformat()},
            )
        ]
    return Reminders(year, as_of, gaps, meetings, terms, tasks)
