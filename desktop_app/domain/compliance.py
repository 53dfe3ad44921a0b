"""Compliance rules: which required meetings a branch has not held, and committee terms.

The minimum frequencies come from 党支部工作条例 and are settings a user may change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop_app.domain.dates import add_years, from_iso
from desktop_app.domain.enums import ACTIVITY_TYPES, FREQUENCIES
from desktop_app.domain.organizations import DEFAULT_TERM_YEARS
from desktop_app.domain.orgtree import Organization
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger, now_iso
from desktop_app.storage.records import audit

DEFAULT_FREQUENCIES: dict[str, str] = {
    "theme_day": "monthly",
    "general_meeting": "quarterly",
    "committee_meeting": "monthly",
    "group_meeting": "monthly",
    "party_lecture": "quarterly",
    "life_meeting": "yearly",
    "member_review": "yearly",
    "other": "none",
}
COMMITTEE_MIN_MEMBERS = 7
EXPIRING_DAYS = 180
_SETTING = "frequencies"


def frequencies(ledger: Ledger) -> dict[str, str]:
    """The minimum frequency of each activity type, defaults overlaid by the user's settings."""
    row = ledger.conn.execute("SELECT value FROM settings WHERE key = ?", [_SETTING]).fetchone()
    stored = json.loads(row[0]) if row else {}
    return {t: stored.get(t, DEFAULT_FREQUENCIES[t]) for t in ACTIVITY_TYPES.codes}


def set_frequencies(ledger: Ledger, changes: dict[str, str]) -> None:
    for kind, freq in changes.items():
        if kind not in ACTIVITY_TYPES or freq not in FREQUENCIES:
            raise ValidationError.single(
                _("Unknown activity type or frequency: {kind} = {freq}.").format(
                    kind=kind, freq=freq
                ),
                "frequency",
            )
    with ledger.transaction():
        before = frequencies(ledger)
        merged = {**before, **changes}
        diff = {k: [before[k], v] for k, v in merged.items() if before[k] != v}
        if not diff:
            return
        ledger.conn.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE "
            "SET value = excluded.value, updated_at = excluded.updated_at",
            [_SETTING, json.dumps(merged), now_iso()],
        )
        audit(ledger, "settings", _SETTING, "update", diff)


@dataclass(frozen=True)
class Period:
    """A month (``2025-03``), a quarter (``2025-Q1``) or a year (``2025``)."""

    start: date
    end: date  # inclusive
    label: str


def periods(frequency: str, start: date, end: date) -> list[Period]:
    """The whole periods of ``frequency`` that begin on or before ``end`` and end on or after
    ``start``, clipped to [start, end]."""
    result: list[Period] = []
    if frequency == "none" or end < start:
        return result
    months = {"monthly": 1, "quarterly": 3, "yearly": 12}[frequency]
    year, month = start.year, ((start.month - 1) // months) * months + 1
    while date(year, month, 1) <= end:
        next_year, next_month = (year + (month - 1 + months) // 12, (month - 1 + months) % 12 + 1)
        last = date.fromordinal(date(next_year, next_month, 1).toordinal() - 1)
        if frequency == "monthly":
            label = f"{year}-{month:02d}"
        elif frequency == "quarterly":
            label = f"{year}-Q{(month - 1) // 3 + 1}"
        else:
            label = str(year)
        result.append(Period(max(start, date(year, month, 1)), min(end, last), label))
        year, month = next_year, next_month
    return result


def required_types(branch: Organization, rules: dict[str, str]) -> list[str]:
    """The activity types ``branch`` must hold, given its size and party groups."""
    kinds = []
    for kind, freq in rules.items():
        if freq == "none":
            continue
        if kind == "committee_meeting" and branch.members_full < COMMITTEE_MIN_MEMBERS:
            continue
        if kind == "group_meeting" and not branch.has_party_groups:
            continue
        kinds.append(kind)
    return kinds


def lifetime(branch: Organization, start: date, end: date) -> tuple[date, date]:
    """[start, end] narrowed to the days ``branch`` existed: from its founding on, up to the
    day before its dissolution (empty when ``end < start``)."""
    founded = from_iso(branch.founded_on)
    if founded and founded > start:
        start = founded
    dissolved = None if branch.active else from_iso(branch.dissolved_on)
    if dissolved and dissolved <= end:
        end = dissolved - timedelta(days=1)  # it no longer exists on the day it is dissolved
    return start, end


def missing_periods(
    branch: Organization,
    start: date,
    end: date,
    rules: dict[str, str],
    held: Iterable[tuple[str, date]],
) -> dict[str, list[str]]:
    """For each type ``branch`` must hold under ``rules``, the labels of the periods in
    [start, end] (within its lifetime) with none of the activities ``held`` ((type, date) of
    the branch's activities; any outside the periods are ignored)."""
    start, end = lifetime(branch, start, end)
    dates: dict[str, list[date]] = {}
    for kind, day in held:
        dates.setdefault(kind, []).append(day)
    missing: dict[str, list[str]] = {}
    for kind in required_types(branch, rules):
        days = dates.get(kind, [])
        gaps = [
            p.label
            for p in periods(rules[kind], start, end)
            if not any(p.start <= d <= p.end for d in days)
        ]
        if gaps:
            missing[kind] = gaps
    return missing


def missing_meetings(
    ledger: Ledger,
    branch: Organization,
    start: date,
    end: date,
    rules: dict[str, str] | None = None,
) -> dict[str, list[str]]:
    """For each required activity type, the labels of the periods in [start, end] (from the
    branch's founding on, up to its dissolution) in which ``branch`` recorded none."""
    return missing_meetings_of(ledger, [branch], start, end, rules).get(branch.uid, {})


def missing_meetings_of(
    ledger: Ledger,
    branches: Sequence[Organization],
    start: date,
    end: date,
    rules: dict[str, str] | None = None,
) -> dict[str, dict[str, list[str]]]:
    """``missing_meetings`` of each of ``branches`` (by uid; those with no gap left out), from
    one query of their activities in [start, end]."""
    if rules is None:
        rules = frequencies(ledger)
    held: dict[str, list[tuple[str, date]]] = {}
    for org_uid, kind, day in ledger.conn.execute(
        "SELECT org_uid, type, date FROM activities WHERE deleted_at IS NULL "
        "AND date BETWEEN ? AND ? AND org_uid IN (SELECT value FROM json_each(?))",
        [start.isoformat(), end.isoformat(), json.dumps([b.uid for b in branches])],
    ):
        held.setdefault(org_uid, []).append((kind, date.fromisoformat(day)))
    result: dict[str, dict[str, list[str]]] = {}
    for branch in branches:
        gaps = missing_periods(branch, start, end, rules, held.get(branch.uid, []))
        if gaps:
            result[branch.uid] = gaps
    return result


def term_end(org: Organization) -> date | None:
    """The day the committee's term ends: last election plus the term in years."""
    elected = from_iso(org.elected_on)
    return add_years(elected, org.term_years or DEFAULT_TERM_YEARS) if elected else None


def term_state(org: Organization, as_of: date) -> str | None:
    """``expired``, ``expiring_soon`` (within 180 days), ``current``, or None without an
    election date."""
    end = term_end(org)
    if end is None:
        return None
    if end < as_of:
        return "expired"
    if (end - as_of).days <= EXPIRING_DAYS:
        return "expiring_soon"
    return "current"
