"""Compliance rules: which required meetings a branch has not held, and committee terms.

The minimum frequencies come from 党支部工作条例 and are settings a user may change.
"""

from __future__ import annotations

import functools
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


Months = dict[str, int]
"""The months in which activities were held: type → month bits, bit ``n`` for the ``n``-th month
counted from January of a base year (0: January of that year, 12: January of the next)."""

FEW_BRANCHES = 100
"""Up to this many branches, their activities are read through the index by organization; for
more (a whole university), the period's activities are read through the index by date and the
other organizations' skipped, which is several times faster than one look-up per branch."""


def _month_number(day: date, base: int) -> int:
    return (day.year - base) * 12 + day.month - 1


@functools.lru_cache(maxsize=256)
def _schedule(frequency: str, start: date, end: date, base: int) -> tuple[tuple[str, int], ...]:
    """``periods(frequency, start, end)`` as (label, month bits counted from ``base``): an
    activity in [start, end] falls in a period when its month does."""
    return tuple(
        (p.label, (2 << _month_number(p.end, base)) - (1 << _month_number(p.start, base)))
        for p in periods(frequency, start, end)
    )


def _gaps(
    kinds: list[str],
    start: date,
    end: date,
    rules: dict[str, str],
    held: Months,
    base: int,
) -> dict[str, list[str]]:
    """For each of the required ``kinds``, the periods of [start, end] (a branch's lifetime
    already) with none of the activities ``held`` (those in [start, end] only, months counted
    from ``base``)."""
    missing: dict[str, list[str]] = {}
    for kind in kinds:
        done = held.get(kind, 0)
        gaps = [
            label for label, bits in _schedule(rules[kind], start, end, base) if not done & bits
        ]
        if gaps:
            missing[kind] = gaps
    return missing


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
    months: Months = {}
    for kind, day in held:
        if start <= day <= end:
            months[kind] = months.get(kind, 0) | 1 << _month_number(day, start.year)
    return _gaps(required_types(branch, rules), start, end, rules, months, start.year)


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
    owed: dict[str, tuple[list[str], date, date]] = {}
    for branch in branches:
        first, last = lifetime(branch, start, end)
        required = required_types(branch, rules)
        if required and first <= last:
            owed[branch.uid] = (required, first, last)
    lifetimes = {uid: (first, last) for uid, (_kinds, first, last) in owed.items()}
    kinds = {kind for required, _first, _last in owed.values() for kind in required}
    held = _months_held(ledger, lifetimes, kinds, start, end)
    result: dict[str, dict[str, list[str]]] = {}
    for uid, (required, first, last) in owed.items():
        gaps = _gaps(required, first, last, rules, held[uid], start.year)
        if gaps:
            result[uid] = gaps
    return result


def _months_held(
    ledger: Ledger, lifetimes: dict[str, tuple[date, date]], kinds: set[str], start: date, end: date
) -> dict[str, Months]:
    """For each organization of ``lifetimes`` (uid → its days within [start, end]), the months
    (counted from January of ``start``'s year) in which it held activities of ``kinds`` within
    those days, from one query."""
    held: dict[str, Months] = {uid: {} for uid in lifetimes}
    if not lifetimes or not kinds:
        return held
    narrowed = {
        uid: (first.isoformat(), last.isoformat())
        for uid, (first, last) in lifetimes.items()
        if (first, last) != (start, end)
    }
    sql = (
        "SELECT org_uid, type, date, (CAST(substr(date, 1, 4) AS INTEGER) - :base) * 12 "
        "+ CAST(substr(date, 6, 2) AS INTEGER) - 1 FROM activities WHERE deleted_at IS NULL "
        "AND date BETWEEN :start AND :end AND type IN (SELECT value FROM json_each(:kinds))"
    )
    parameters = {
        "base": start.year,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "kinds": json.dumps(sorted(kinds)),
    }
    if len(lifetimes) <= FEW_BRANCHES:
        sql += " AND org_uid IN (SELECT value FROM json_each(:uids))"
        parameters["uids"] = json.dumps(list(lifetimes))
    for uid, kind, day, month in ledger.conn.execute(sql, parameters):
        months = held.get(uid)
        if months is None:
            continue  # another organization's (read through the index by date)
        bounds = narrowed.get(uid)
        if bounds is not None and not bounds[0] <= day <= bounds[1]:
            continue  # before its founding or from its dissolution on
        months[kind] = months.get(kind, 0) | 1 << month
    return held


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
