"""Required meetings (frequencies, periods, missing meetings) and committee terms."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.domain import activities, compliance, organizations
from desktop_app.domain.compliance import Period, periods, term_end, term_state
from desktop_app.domain.orgtree import Organization, load_tree
from desktop_app.errors import ValidationError
from desktop_app.storage import Ledger, open_ledger

H1 = (date(2025, 1, 1), date(2025, 6, 30))


def test_default_frequencies(ledger: Ledger) -> None:
    assert compliance.frequencies(ledger) == {
        "theme_day": "monthly",
        "general_meeting": "quarterly",
        "committee_meeting": "monthly",
        "group_meeting": "monthly",
        "party_lecture": "quarterly",
        "life_meeting": "yearly",
        "member_review": "yearly",
        "other": "none",
    }


def test_a_changed_frequency_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    with open_ledger(path) as ledger:
        compliance.set_frequencies(ledger, {"party_lecture": "monthly"})
        compliance.set_frequencies(ledger, {"life_meeting": "none"})
    with open_ledger(path) as ledger:
        rules = compliance.frequencies(ledger)
    assert (rules["party_lecture"], rules["life_meeting"], rules["theme_day"]) == (
        "monthly",
        "none",
        "monthly",
    )


@pytest.mark.parametrize("change", [{"picnic": "monthly"}, {"theme_day": "weekly"}])
def test_an_unknown_frequency_setting_is_refused(ledger: Ledger, change: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        compliance.set_frequencies(ledger, change)
    assert [f.field for f in caught.value.faults] == ["frequency"]
    assert ledger.scalar("SELECT count(*) FROM settings") == 0


# ---- periods -----------------------------------------------------------------------------------


def test_monthly_periods_end_on_the_last_day_of_each_month() -> None:
    got = periods("monthly", date(2024, 1, 15), date(2024, 3, 10))
    assert got == [
        Period(date(2024, 1, 15), date(2024, 1, 31), "2024-01"),
        Period(date(2024, 2, 1), date(2024, 2, 29), "2024-02"),
        Period(date(2024, 3, 1), date(2024, 3, 10), "2024-03"),
    ]
    assert periods("monthly", date(2025, 2, 1), date(2025, 2, 28)) == [
        Period(date(2025, 2, 1), date(2025, 2, 28), "2025-02")
    ]
    assert [p.label for p in periods("monthly", date(2024, 11, 30), date(2025, 1, 1))] == [
        "2024-11",
        "2024-12",
        "2025-01",
    ]


def test_quarterly_periods() -> None:
    got = periods("quarterly", date(2024, 2, 10), date(2025, 1, 5))
    assert [(p.start, p.end, p.label) for p in got] == [
        (date(2024, 2, 10), date(2024, 3, 31), "2024-Q1"),
        (date(2024, 4, 1), date(2024, 6, 30), "2024-Q2"),
        (date(2024, 7, 1), date(2024, 9, 30), "2024-Q3"),
        (date(2024, 10, 1), date(2024, 12, 31), "2024-Q4"),
        (date(2025, 1, 1), date(2025, 1, 5), "2025-Q1"),
    ]


def test_yearly_periods() -> None:
    got = periods("yearly", date(2023, 7, 1), date(2025, 3, 31))
    assert [(p.start, p.end, p.label) for p in got] == [
        (date(2023, 7, 1), date(2023, 12, 31), "2023"),
        (date(2024, 1, 1), date(2024, 12, 31), "2024"),
        (date(2025, 1, 1), date(2025, 3, 31), "2025"),
    ]


def test_no_periods() -> None:
    assert periods("none", *H1) == []
    assert periods("monthly", date(2025, 3, 1), date(2025, 2, 28)) == []
    assert periods("monthly", date(2025, 3, 31), date(2025, 3, 31)) == [
        Period(date(2025, 3, 31), date(2025, 3, 31), "2025-03")
    ]


# ---- missing meetings ----------------------------------------------------------------------------


@pytest.fixture
def college(ledger: Ledger) -> str:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    return organizations.add_organization(ledger, name="学院", level="college", parent_uid=root)


def _branch(ledger: Ledger, college: str, name: str, **fields: object) -> Organization:
    uid = organizations.add_organization(
        ledger, name=name, level="branch", parent_uid=college, **fields
    )
    return load_tree(ledger).get(uid)


def _held(ledger: Ledger, org: Organization, kind: str, *days: date) -> None:
    for day in days:
        activities.add_activity(ledger, org.uid, type=kind, date=day, theme=f"{kind} {day}")


def test_a_small_branch_owes_no_committee_meetings(ledger: Ledger, college: str) -> None:
    small = _branch(ledger, college, "小支部", members_full=6, founded_on=date(2010, 1, 1))
    _held(ledger, small, "theme_day", *(date(2025, m, 10) for m in (1, 2, 4, 5, 6)))
    _held(ledger, small, "general_meeting", date(2025, 3, 31))
    _held(ledger, small, "party_lecture", date(2025, 4, 1))
    _held(ledger, small, "life_meeting", date(2025, 1, 20))
    # Not counted: another year, a deleted record, an activity of another branch.
    _held(ledger, small, "member_review", date(2024, 12, 31))
    activities.add_activity(
        ledger, small.uid, type="theme_day", date=date(2025, 3, 3), theme="删除的"
    )
    deleted = ledger.scalar("SELECT uid FROM activities WHERE theme = '删除的'")
    activities.delete_activity(ledger, str(deleted))
    other = _branch(ledger, college, "别的支部", members_full=3)
    _held(ledger, other, "theme_day", date(2025, 3, 10))

    assert compliance.required_types(small, compliance.frequencies(ledger)) == [
        "theme_day",
        "general_meeting",
        "party_lecture",
        "life_meeting",
        "member_review",
    ]
    assert compliance.missing_meetings(ledger, small, *H1) == {
        "theme_day": ["2025-03"],
        "general_meeting": ["2025-Q2"],
        "party_lecture": ["2025-Q1"],
        "member_review": ["2025"],
    }


def test_seven_full_members_owe_committee_meetings(ledger: Ledger, college: str) -> None:
    big = _branch(ledger, college, "大支部", members_full=7)
    _held(ledger, big, "theme_day", *(date(2025, m, 1) for m in range(1, 7)))
    _held(ledger, big, "committee_meeting", *(date(2025, m, 28) for m in (1, 2, 3, 5)))
    _held(ledger, big, "general_meeting", date(2025, 2, 1), date(2025, 5, 1))
    _held(ledger, big, "party_lecture", date(2025, 2, 1), date(2025, 5, 1))
    _held(ledger, big, "life_meeting", date(2025, 6, 1))
    _held(ledger, big, "member_review", date(2025, 6, 2))
    assert compliance.missing_meetings(ledger, big, *H1) == {
        "committee_meeting": ["2025-04", "2025-06"]
    }


def test_party_groups_owe_group_meetings(ledger: Ledger, college: str) -> None:
    without = _branch(ledger, college, "无小组", members_full=3)
    with_groups = _branch(ledger, college, "有小组", members_full=3, has_party_groups=True)
    for org in (without, with_groups):
        _held(ledger, org, "group_meeting", date(2025, 1, 5), date(2025, 2, 5))
    assert "group_meeting" not in compliance.missing_meetings(ledger, without, *H1)
    assert compliance.missing_meetings(ledger, with_groups, *H1)["group_meeting"] == [
        "2025-03",
        "2025-04",
        "2025-05",
        "2025-06",
    ]


def test_a_branch_founded_mid_period_owes_from_its_founding(ledger: Ledger, college: str) -> None:
    new = _branch(ledger, college, "新支部", members_full=3, founded_on=date(2025, 5, 15))
    _held(ledger, new, "theme_day", date(2025, 5, 2))  # before its founding: does not count
    missing = compliance.missing_meetings(ledger, new, *H1)
    assert missing == {
        "theme_day": ["2025-05", "2025-06"],
        "general_meeting": ["2025-Q2"],
        "party_lecture": ["2025-Q2"],
        "life_meeting": ["2025"],
        "member_review": ["2025"],
    }
    later = _branch(ledger, college, "未成立", founded_on=date(2025, 9, 1))
    assert compliance.missing_meetings(ledger, later, *H1) == {}


def test_a_dissolved_branch_owes_nothing_after_its_dissolution(
    ledger: Ledger, college: str
) -> None:
    gone = _branch(ledger, college, "撤销支部", members_full=3)
    organizations.dissolve_organization(ledger, gone.uid, date(2025, 3, 1))
    gone = load_tree(ledger).get(gone.uid)
    _held(ledger, gone, "theme_day", date(2025, 1, 3))
    assert compliance.missing_meetings(ledger, gone, *H1)["theme_day"] == ["2025-02"]


def test_changed_rules_apply(ledger: Ledger, college: str) -> None:
    branch = _branch(ledger, college, "支部", members_full=3)
    _held(ledger, branch, "party_lecture", date(2025, 1, 8))
    compliance.set_frequencies(
        ledger,
        {
            "party_lecture": "monthly",
            "theme_day": "none",
            "general_meeting": "yearly",
            "life_meeting": "none",
            "member_review": "none",
        },
    )
    assert compliance.missing_meetings(ledger, branch, date(2025, 1, 1), date(2025, 3, 31)) == {
        "general_meeting": ["2025"],
        "party_lecture": ["2025-02", "2025-03"],
    }
    # Rules given by the caller win over the settings; no rules means nothing is required.
    assert compliance.missing_meetings(ledger, branch, *H1, rules={}) == {}
    assert compliance.missing_meetings(ledger, branch, *H1, rules={"theme_day": "quarterly"}) == {
        "theme_day": ["2025-Q1", "2025-Q2"]
    }


# ---- terms -------------------------------------------------------------------------------------


def _org(elected_on: str | None, term_years: int = 3) -> Organization:
    return Organization(
        uid="u",
        parent_uid=None,
        name="支部",
        level="branch",
        branch_type=None,
        secretary=None,
        double_leader=False,
        has_party_groups=False,
        founded_on=None,
        elected_on=elected_on,
        term_years=term_years,
        members_full=0,
        members_probationary=0,
        activists=0,
        active=True,
        dissolved_on=None,
    )


def test_term_end() -> None:
    assert term_end(_org("2022-06-01")) == date(2025, 6, 1)
    assert term_end(_org("2024-02-29")) == date(2027, 2, 28)
    assert term_end(_org("2024-02-29", 4)) == date(2028, 2, 29)
    assert term_end(_org("2023-09-30", 5)) == date(2028, 9, 30)
    assert term_end(_org(None)) is None


def test_the_default_term_is_three_years(ledger: Ledger, college: str) -> None:
    org = _branch(ledger, college, "支部", elected_on=date(2024, 2, 29))
    assert org.term_years == 3
    assert term_end(org) == date(2027, 2, 28)


def test_term_state_at_the_180_day_boundary() -> None:
    org = _org("2024-02-29")  # the term ends 2027-02-28
    end = date(2027, 2, 28)
    assert term_state(org, end - timedelta(days=181)) == "current"
    assert term_state(org, end - timedelta(days=180)) == "expiring_soon"
    assert term_state(org, end) == "expiring_soon"
    assert term_state(org, end + timedelta(days=1)) == "expired"
    assert term_state(_org(None), end) is None


def test_a_changed_frequency_is_audited(ledger: Ledger) -> None:
    compliance.set_frequencies(ledger, {"party_lecture": "monthly"})
    compliance.set_frequencies(ledger, {"party_lecture": "monthly"})  # no change: no entry
    rows = ledger.query("SELECT table_name, uid, action, changes FROM audit_log")
    assert len(rows) == 1
    assert rows[0]["table_name"] == "settings"
    assert rows[0]["action"] == "update"
    assert json.loads(rows[0]["changes"]) == {"party_lecture": ["quarterly", "monthly"]}


# ---- many branches at once -----------------------------------------------------------------------


def _reference(
    branch: Organization,
    start: date,
    end: date,
    rules: dict[str, str],
    days: list[tuple[str, date]],
) -> dict[str, list[str]]:
    """The rule as written: a period is missing when no activity of the type is dated in it."""
    first, last = compliance.lifetime(branch, start, end)
    missing = {}
    for kind in compliance.required_types(branch, rules):
        gaps = [
            p.label
            for p in periods(rules[kind], first, last)
            if not any(k == kind and p.start <= d <= p.end for k, d in days)
        ]
        if gaps:
            missing[kind] = gaps
    return missing


@pytest.mark.parametrize("few", [100, 0], ids=["by-organization", "by-date"])
def test_many_branches_agree_with_the_rule(
    ledger: Ledger, college: str, monkeypatch: pytest.MonkeyPatch, few: int
) -> None:
    """Both ways of reading the activities (by organization for a few branches, by date for a
    whole university) give each branch exactly the periods the rule says, over ranges within a
    year and across years, for branches founded or dissolved inside the range."""
    monkeypatch.setattr(compliance, "FEW_BRANCHES", few)
    rnd = random.Random(20250318)
    founded = [None, "2010-01-01", "2024-05-15", "2025-02-01", "2025-02-28", "2026-01-01"]
    uids = []
    for number, founded_on in enumerate(founded * 2):
        uids.append(
            organizations.add_organization(
                ledger,
                name=f"支部{number}",
                level="branch",
                parent_uid=college,
                members_full=rnd.choice([3, 7, 9]),
                has_party_groups=rnd.random() < 0.5,
                founded_on=founded_on,
            )
        )
    days: dict[str, list[tuple[str, date]]] = {uid: [] for uid in uids}
    kinds = ["theme_day", "general_meeting", "committee_meeting", "group_meeting", "party_lecture"]
    kinds += ["life_meeting", "member_review", "other"]
    for _ in range(240):
        uid, kind = rnd.choice(uids), rnd.choice(kinds)
        day = date(2024, 1, 1) + timedelta(days=rnd.randrange(3 * 365))
        activities.add_activity(ledger, uid, type=kind, date=day, theme=f"{kind} {day}")
        days[uid].append((kind, day))
    # Neither a deleted activity nor the college's own count.
    gone = activities.add_activity(
        ledger, uids[0], type="life_meeting", date=date(2025, 3, 3), theme="删除的"
    )
    activities.delete_activity(ledger, gone)
    activities.add_activity(
        ledger, college, type="life_meeting", date=date(2025, 3, 3), theme="学院的"
    )
    organizations.dissolve_organization(ledger, uids[1], date(2025, 4, 10))
    organizations.dissolve_organization(ledger, uids[7], date(2025, 1, 1))
    branches = [load_tree(ledger).get(uid) for uid in uids]

    rules = compliance.frequencies(ledger)
    for start, end in [
        (date(2024, 3, 1), date(2026, 2, 28)),
        (date(2025, 2, 10), date(2025, 5, 20)),
        (date(2025, 1, 1), date(2025, 12, 31)),
    ]:
        found = compliance.missing_meetings_of(ledger, branches, start, end, rules)
        expected = {b.uid: _reference(b, start, end, rules, days[b.uid]) for b in branches}
        assert found == {uid: gaps for uid, gaps in expected.items() if gaps}
        assert list(found) == [uid for uid in uids if expected[uid]]  # in the branches' order
        # The comparison means something: some periods are held, some are missing.
        owed = {b.uid: _reference(b, start, end, rules, []) for b in branches}
        count = sum(len(labels) for gaps in found.values() for labels in gaps.values())
        assert 0 < count < sum(len(labels) for gaps in owed.values() for labels in gaps.values())
    assert uids[5] not in found  # founded after 2025
