"""The steps of a candidacy: which status may follow which, and the date rules."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.candidate_steps import check_advance, latest_milestone, next_statuses


def candidate(status: str, **dates: str) -> dict[str, object]:
    row: dict[str, object] = {
        "status": status,
        "cultivated_on": None,
        "applied_on": None,
        "approved_on": None,
        "accepted_on": None,
        "rejected_on": None,
    }
    row.update(dates)
    return row


@pytest.mark.parametrize(
    ("status", "after"),
    [
        ("cultivating", ["applied", "approved", "accepted", "rejected"]),
        ("applied", ["approved", "accepted", "rejected"]),
        ("approved", ["accepted", "rejected"]),
        ("accepted", []),
        ("rejected", []),
        ("unknown", []),
    ],
)
def test_next_statuses(status: str, after: list[str]) -> None:
    assert next_statuses(status) == after


def test_latest_milestone_is_the_latest_date_recorded() -> None:
    assert latest_milestone(candidate("cultivating")) is None
    row = candidate("approved", cultivated_on="2024-01-10", approved_on="2024-09-01")
    assert latest_milestone(row) == date(2024, 9, 1)


def test_a_step_forward_on_a_good_date_passes() -> None:
    row = candidate("applied", applied_on="2024-03-01")
    assert check_advance(row, "approved", date(2024, 3, 1), today=date(2024, 6, 1)) == []
    assert check_advance(row, "rejected", date(2024, 5, 1), today=date(2024, 6, 1)) == []


def test_faults_name_the_field_and_the_fix() -> None:
    row = candidate("approved", applied_on="2024-03-01", approved_on="2024-09-01")
    faults = check_advance(row, "applied", date(2024, 8, 31), today=date(2024, 10, 1))
    assert [(f.field, f.message) for f in faults] == [
        ("status", "Choose one of the next steps: Accepted, Rejected."),
        ("date", "The date is before the candidate's last step (2024-09-01)."),
    ]
    faults = check_advance(row, "accepted", date(2024, 10, 2), today=date(2024, 10, 1))
    assert [(f.field, f.message) for f in faults] == [
        ("date", "The date is after today (2024-10-01); record a step once it has happened.")
    ]
    final = candidate("accepted", accepted_on="2024-09-01")
    faults = check_advance(final, "rejected", None, today=date(2024, 10, 1))
    assert [(f.field, f.message) for f in faults] == [
        ("status", "“Accepted” is a final step; the candidate cannot advance."),
        ("date", "Give the date of this step."),
    ]
