"""The steps of a 三级联创 candidacy: which status may follow which, and on what date.

培育 → 已申报 → 已立项 → 已验收, with 未通过 possible before 已验收; a step is dated, and the
date cannot go back before the candidate's latest step nor ahead of today. The candidate dialog
checks a step here before ``campaign.advance_candidate`` writes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.campaign import STATUS_DATE
from desktop_app.domain.dates import from_iso
from desktop_app.domain.enums import CANDIDATE_STATUSES
from desktop_app.errors import Fault
from desktop_app.i18n import _, join_list

# The order a candidacy moves in; ``rejected`` may follow any step before ``accepted``.
STATUS_ORDER = ("cultivating", "applied", "approved", "accepted")
FINAL_STATUSES = ("accepted", "rejected")


def next_statuses(status: str) -> list[str]:
    """The statuses a candidate at ``status`` may be advanced to, nearest first."""
    if status in FINAL_STATUSES or status not in STATUS_ORDER:
        return []
    return [*STATUS_ORDER[STATUS_ORDER.index(status) + 1 :], "rejected"]


def latest_milestone(candidate: dict[str, Any]) -> date | None:
    """The date of the latest step a candidate (a ``creation_candidates`` row) has recorded."""
    days = [from_iso(candidate.get(column)) for column in STATUS_DATE.values()]
    return max((d for d in days if d is not None), default=None)


def check_advance(
    candidate: dict[str, Any], status: object, on: object, today: date | None = None
) -> list[Fault]:
    """What is wrong with moving ``candidate`` to ``status`` on ``on``: the step must come
    after the candidate's status, on a real date not before its latest step nor after
    ``today``."""
    faults = []
    allowed = next_statuses(candidate["status"])
    if status not in allowed:
        if not allowed:
            message = _("“{status}” is a final step; the candidate cannot advance.").format(
                status=CANDIDATE_STATUSES.label(candidate["status"])
            )
        else:
            message = _("Choose one of the next steps: {steps}.").format(
                steps=join_list(CANDIDATE_STATUSES.label(code) for code in allowed)
            )
        faults.append(Fault(message, field="status"))
    if not isinstance(on, date):
        faults.append(Fault(_("Give the date of this step."), field="date"))
        return faults
    latest = latest_milestone(candidate)
    if latest is not None and on < latest:
        faults.append(
            Fault(
                _("The date is before the candidate's last step ({day}).").format(
                    day=latest.isoformat()
                ),
                field="date",
            )
        )
    today = today or date.today()
    if on > today:
        faults.append(
            Fault(
                _("The date is after today ({day}); record a step once it has happened.").format(
                    day=today.isoformat()
                ),
                field="date",
            )
        )
    return faults
