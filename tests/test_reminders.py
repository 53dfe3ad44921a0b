"""The dashboard's reminders: each list on a small ledger, and agreement with the statistics on
the demonstration ledger."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop_app import reminders as reminders_module
from desktop_app.checks import run_check
from desktop_app.demo import build_demo
from desktop_app.domain import activities, campaign, compliance, organizations
from desktop_app.reminders import (
    MissingMeeting,
    OverdueTask,
    Reminders,
    TermReminder,
    ThemeDayGap,
    recent_months,
    reminders,
)
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger

AS_OF = date(2025, 5, 10)
B1 = "机电学院党总支/教工第一党支部"
B2 = "机电学院党总支/学生第一党支部"
B4 = "机关第一党支部"


@pytest.fixture
def book(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid: dict[str, str] = {}
    uid["root"] = add(ledger, name="示范大学党委", level="committee", elected_on="2022-06-01")
    uid["C"] = add(
        ledger,
        name="机电学院党总支",
        level="college",
        parent_uid=uid["root"],
        elected_on="2023-03-01",
    )
    uid["B1"] = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=uid["C"],
        branch_type="teacher",
        members_full=9,
        founded_on="2015-09-01",
        elected_on="2024-02-29",
    )
    uid["B2"] = add(
        ledger,
        name="学生第一党支部",
        level="branch",
        parent_uid=uid["C"],
        branch_type="student",
        members_full=5,
        founded_on="2025-03-18",
    )
    uid["B3"] = add(
        ledger, name="离退休党支部", level="branch", parent_uid=uid["C"], elected_on="2019-01-01"
    )
    organizations.dissolve_organization(ledger, uid["B3"], date(2025, 2, 15))
    uid["B4"] = add(
        ledger,
        name="机关第一党支部",
        level="branch",
        parent_uid=uid["root"],
        elected_on="2020-01-01",
    )

    def held(branch: str, kind: str, *days: str) -> list[str]:
        return [
            activities.add_activity(ledger, uid[branch], type=kind, date=day, theme="会议")
            for day in days
        ]

    held("B1", "theme_day", "2025-01-08", "2025-02-08", "2025-04-08", "2024-05-08")
    held("B1", "general_meeting", "2025-02-10")
    held("B1", "committee_meeting", "2025-01-05", "2025-02-05", "2025-03-05", "2025-04-05")
    held("B1", "party_lecture", "2025-03-01", "2025-04-01")
    held("B1", "life_meeting", "2025-01-15")
    [review] = held("B1", "member_review", "2025-01-20")
    activities.delete_activity(ledger, review)  # a deleted record holds nothing
    held("B2", "theme_day", "2025-05-06")
    held("B2", "general_meeting", "2025-04-20")
    held("B3", "theme_day", "2025-01-10")

    uid["T1"] = campaign.add_task(ledger, "完善制度", "组织部", deadline=date(2025, 3, 31))
    campaign.add_task(ledger, "今日截止", "宣传部", deadline=AS_OF, status="doing")
    campaign.add_task(ledger, "已完成", "组织部", deadline=date(2025, 1, 1), status="done")
    campaign.add_task(ledger, "没有截止日期", "组织部")
    uid["T5"] = campaign.add_task(
        ledger, "昨日截止", None, deadline=date(2025, 5, 9), status="doing"
    )
    gone = campaign.add_task(ledger, "已删除", "组织部", deadline=date(2025, 4, 1))
    campaign.delete_record(ledger, "tasks", gone)
    return uid


def test_theme_day_gaps_of_this_month_and_the_last(ledger: Ledger, book: dict[str, str]) -> None:
    assert reminders(ledger, 2025, AS_OF).theme_day_gaps == [
        ThemeDayGap(book["B4"], B4, [4, 5]),
        ThemeDayGap(book["B2"], B2, [4]),
        ThemeDayGap(book["B1"], B1, [5]),
    ]
    # The statistics list earlier months too; the reminders only the two recent ones.
    missing = compute_stats(ledger, 2025, as_of=AS_OF)["compliance"]["branches_missing"]
    assert missing == [
        {"branch": B4, "missing_months": [1, 2, 3, 4, 5]},
        {"branch": B2, "missing_months": [3, 4]},
        {"branch": B1, "missing_months": [3, 5]},
    ]


def test_other_meetings_missing(ledger: Ledger, book: dict[str, str]) -> None:
    assert reminders(ledger, 2025, AS_OF).meetings_missing == [
        MissingMeeting(book["B4"], B4, "general_meeting", ["2025-Q1", "2025-Q2"]),
        MissingMeeting(book["B4"], B4, "party_lecture", ["2025-Q1", "2025-Q2"]),
        MissingMeeting(book["B4"], B4, "life_meeting", ["2025"]),
        MissingMeeting(book["B4"], B4, "member_review", ["2025"]),
        MissingMeeting(book["B2"], B2, "general_meeting", ["2025-Q1"]),
        MissingMeeting(book["B2"], B2, "party_lecture", ["2025-Q1", "2025-Q2"]),
        MissingMeeting(book["B2"], B2, "life_meeting", ["2025"]),
        MissingMeeting(book["B2"], B2, "member_review", ["2025"]),
        MissingMeeting(book["B1"], B1, "general_meeting", ["2025-Q2"]),
        MissingMeeting(book["B1"], B1, "committee_meeting", ["2025-05"]),
        MissingMeeting(book["B1"], B1, "member_review", ["2025"]),
    ]


def test_meetings_follow_the_frequencies_set(ledger: Ledger, book: dict[str, str]) -> None:
    compliance.set_frequencies(
        ledger, {"party_lecture": "none", "life_meeting": "none", "member_review": "none"}
    )
    assert [
        (m.path, m.type, m.periods) for m in reminders(ledger, 2025, AS_OF).meetings_missing
    ] == [
        (B4, "general_meeting", ["2025-Q1", "2025-Q2"]),
        (B2, "general_meeting", ["2025-Q1"]),
        (B1, "general_meeting", ["2025-Q2"]),
        (B1, "committee_meeting", ["2025-05"]),
    ]


def test_terms_over_or_ending_soon(ledger: Ledger, book: dict[str, str]) -> None:
    assert reminders(ledger, 2025, AS_OF).terms == [
        TermReminder(book["B4"], B4, "expired", date(2023, 1, 1)),
        TermReminder(book["root"], "示范大学党委", "expiring_soon", date(2025, 6, 1)),
    ]
    later = reminders(ledger, 2025, date(2025, 9, 5)).terms  # the college's ends 2026-03-01
    assert [(t.path, t.state, t.end) for t in later] == [
        (B4, "expired", date(2023, 1, 1)),
        ("示范大学党委", "expired", date(2025, 6, 1)),
        ("机电学院党总支", "expiring_soon", date(2026, 3, 1)),
    ]


def test_overdue_tasks(ledger: Ledger, book: dict[str, str]) -> None:
    assert reminders(ledger, 2025, AS_OF).overdue_tasks == [
        OverdueTask(book["T1"], "完善制度", date(2025, 3, 31), "组织部"),
        OverdueTask(book["T5"], "昨日截止", date(2025, 5, 9), None),
    ]
    assert compute_stats(ledger, 2025, as_of=AS_OF)["tasks"]["overdue"] == 2


def test_all_reminders_together(ledger: Ledger, book: dict[str, str]) -> None:
    found = reminders(ledger, 2025, AS_OF)
    assert isinstance(found, Reminders)
    assert (found.year, found.as_of) == (2025, AS_OF)
    assert found.count == 3 + 11 + 2 + 2


def test_recent_months() -> None:
    assert recent_months(2025, date(2025, 5, 10)) == [4, 5]
    assert recent_months(2025, date(2025, 1, 10)) == [1]
    assert recent_months(2024, date(2025, 1, 10)) == [12]
    assert recent_months(2025, date(2026, 1, 10)) == [12]
    assert recent_months(2025, date(2026, 3, 1)) == []
    assert recent_months(2025, date(2024, 12, 31)) == []


def test_a_past_year_seen_in_january(ledger: Ledger, book: dict[str, str]) -> None:
    found = reminders(ledger, 2024, date(2025, 1, 10))
    # Every active branch founded by then owed a theme day in December 2024; B1 held one in
    # May 2024 only, B4 none; B2 did not exist yet.
    assert [(g.path, g.months) for g in found.theme_day_gaps] == [(B4, [12]), (B1, [12])]
    assert ("机关第一党支部", "general_meeting", ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]) in [
        (m.path, m.type, m.periods) for m in found.meetings_missing
    ]
    assert not any(m.path == B2 for m in found.meetings_missing)


def test_a_year_not_begun_has_no_gaps(ledger: Ledger, book: dict[str, str]) -> None:
    found = reminders(ledger, 2026, AS_OF)
    assert (found.theme_day_gaps, found.meetings_missing) == ([], [])
    assert len(found.overdue_tasks) == 2  # tasks and terms do not depend on the year


def test_the_statistics_are_computed_once(
    ledger: Ledger, book: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> dict[str, Any]:
        calls.append(1)
        return compute_stats(*args, **kwargs)

    monkeypatch.setattr(reminders_module, "compute_stats", counted)
    reminders(ledger, 2025, AS_OF)
    assert calls == [1]


def test_the_dashboard_may_pass_its_statistics(
    ledger: Ledger, book: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = reminders(ledger, 2025, AS_OF)
    stats = compute_stats(ledger, 2025, as_of=AS_OF)

    def refused(*args: Any, **kwargs: Any) -> dict[str, Any]:
        raise AssertionError("the statistics were computed again")

    monkeypatch.setattr(reminders_module, "compute_stats", refused)
    assert reminders(ledger, 2025, AS_OF, stats=stats) == expected
    with pytest.raises(ValueError, match="not those of this year and day"):
        reminders(ledger, 2025, date(2025, 5, 11), stats=stats)
    with pytest.raises(ValueError, match="not those of this year and day"):
        reminders(ledger, 2024, AS_OF, stats=stats)
    college = compute_stats(ledger, 2025, "机电学院党总支", as_of=AS_OF)
    with pytest.raises(ValueError, match="not those of the whole ledger"):
        reminders(ledger, 2025, AS_OF, stats=college)


# ---- the demonstration ledger ---------------------------------------------------------------


@pytest.mark.parametrize(
    "as_of", [date(2025, 3, 10), date(2025, 6, 15), date(2025, 12, 31), date(2026, 1, 5)]
)
def test_the_demo_ledger_agrees_with_the_statistics(ledger: Ledger, as_of: date) -> None:
    build_demo(ledger, 2025)
    stats = compute_stats(ledger, 2025, as_of=as_of)
    found = reminders(ledger, 2025, as_of)
    months = recent_months(2025, as_of)

    expected_gaps = [
        (item["branch"], [m for m in item["missing_months"] if m in months])
        for item in stats["compliance"]["branches_missing"]
    ]
    assert [(g.path, g.months) for g in found.theme_day_gaps] == [
        (path, gaps) for path, gaps in expected_gaps if gaps
    ]
    assert found.theme_day_gaps, "the demonstration has theme-day gaps to remind of"

    assert sorted(t.path for t in found.terms if t.state == "expired") == stats["terms"]["expired"]
    assert (
        sorted(t.path for t in found.terms if t.state == "expiring_soon")
        == (stats["terms"]["expiring_soon"])
    )
    assert found.terms

    assert len(found.overdue_tasks) == stats["tasks"]["overdue"]
    assert all(t.deadline < as_of for t in found.overdue_tasks)

    # The other meetings agree with the check command's branch-by-branch count.
    check = run_check(ledger, 2025, as_of)
    expected = sorted(
        (path, kind, labels)
        for path, gaps in check.missing.items()
        for kind, labels in gaps.items()
        if kind != "theme_day"
    )
    assert sorted((m.path, m.type, m.periods) for m in found.meetings_missing) == expected
    assert found.count == (
        len(found.theme_day_gaps) + len(expected) + len(found.terms) + stats["tasks"]["overdue"]
    )
