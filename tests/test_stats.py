"""The annual statistics on a hand-built ledger whose every figure is worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app import stats
from desktop_app.domain import activities, campaign, organizations
from desktop_app.errors import NotFoundError
from desktop_app.stats import compute_stats, due_months
from desktop_app.storage import Ledger

AS_OF = date(2026, 1, 15)


@pytest.fixture
def built(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid: dict[str, str] = {}
    uid["root"] = add(ledger, name="示范学院党委", level="committee", elected_on=date(2021, 3, 1))
    uid["jd"] = add(
        ledger,
        name="机电工程学院党总支",
        level="college",
        parent_uid=uid["root"],
        members_full=2,
        elected_on=date(2023, 5, 1),
    )
    uid["xx"] = add(ledger, name="信息工程学院党总支", level="college", parent_uid=uid["root"])
    # The same branch name in two colleges.
    uid["jd_t1"] = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=uid["jd"],
        branch_type="teacher",
        double_leader=True,
        members_full=9,
        members_probationary=1,
        activists=2,
        elected_on=date(2022, 6, 30),
        term_years=3,
    )
    uid["xx_t1"] = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=uid["xx"],
        branch_type="teacher",
        double_leader=False,
        members_full=6,
        elected_on=date(2020, 1, 10),
        term_years=5,
    )
    # Founded in the middle of the year: owes theme days from July on.
    uid["xx_s1"] = add(
        ledger,
        name="学生第一党支部",
        level="branch",
        parent_uid=uid["xx"],
        branch_type="student",
        members_full=3,
        members_probationary=4,
        activists=10,
        founded_on=date(2025, 7, 20),
    )
    # A 直属党支部 directly under the committee.
    uid["admin"] = add(
        ledger,
        name="机关第一党支部",
        level="branch",
        parent_uid=uid["root"],
        branch_type="admin",
        members_full=12,
    )
    # A dissolved branch: not counted, owes nothing, but its activities of the year count.
    uid["gone"] = add(
        ledger,
        name="离退休党支部",
        level="branch",
        parent_uid=uid["jd"],
        branch_type="retired",
        members_full=30,
        elected_on=date(2010, 1, 1),
    )
    organizations.dissolve_organization(ledger, uid["gone"], date(2025, 9, 1))

    act = activities.add_activity
    # 机电/教工第一: theme days every month of 2025.
    for month in range(1, 13):
        act(
            ledger,
            uid["jd_t1"],
            type="theme_day",
            date=date(2025, month, 10),
            theme=f"{month}月主题党日",
            category="study" if month % 2 else "volunteer",
            expected=10,
            actual=9,
            dimensions=["organization", "practice"] if month == 1 else [],
        )
    # 信息/教工第一: theme days in Jan–Jun only, two in March (one month, counted once).
    for month in range(1, 7):
        act(
            ledger,
            uid["xx_t1"],
            type="theme_day",
            date=date(2025, month, 5),
            theme=f"主题党日{month}",
            category="practice",
            expected=6,
            actual=6,
        )
    act(
        ledger,
        uid["xx_t1"],
        type="theme_day",
        date=date(2025, 3, 25),
        theme="追加主题党日",
        category="co_building",
    )
    # 学生第一: a theme day in June (before its founding month: does not cover a due month)
    # and in August and October.
    for month in (6, 8, 10):
        act(
            ledger,
            uid["xx_s1"],
            type="theme_day",
            date=date(2025, month, 1),
            theme=f"学生主题党日{month}",
            category="innovation",
            dimensions=["network"],
        )
    # Other activities, one without attendance and one expected but none recorded as attending.
    act(
        ledger,
        uid["admin"],
        type="party_lecture",
        date=date(2025, 4, 1),
        theme="专题党课",
        expected=20,
        actual=18,
        featured=True,
        dimensions=["curriculum", "culture"],
    )
    act(ledger, uid["admin"], type="general_meeting", date=date(2025, 5, 1), theme="党员大会")
    act(
        ledger,
        uid["jd"],
        type="other",
        date=date(2025, 11, 11),
        theme="院系活动",
        expected=5,
        featured=True,
    )
    act(
        ledger,
        uid["gone"],
        type="life_meeting",
        date=date(2025, 1, 20),
        theme="组织生活会",
        expected=30,
        actual=30,
    )
    # Outside the year: never counted.
    act(
        ledger,
        uid["jd_t1"],
        type="theme_day",
        date=date(2024, 12, 31),
        theme="去年",
        expected=100,
        actual=1,
    )
    act(
        ledger,
        uid["jd_t1"],
        type="theme_day",
        date=date(2026, 1, 2),
        theme="明年",
        expected=100,
        actual=1,
    )
    # Deleted: never counted.
    deleted = act(
        ledger,
        uid["admin"],
        type="theme_day",
        date=date(2025, 2, 2),
        theme="删了",
        expected=50,
        actual=0,
    )
    activities.delete_activity(ledger, deleted)

    campaign.set_rating(ledger, uid["jd_t1"], 2025, 5)
    campaign.set_rating(ledger, uid["xx_t1"], 2025, 3)
    campaign.set_rating(ledger, uid["admin"], 2025, 4)
    campaign.set_rating(ledger, uid["jd"], 2025, 4)
    campaign.set_rating(ledger, uid["jd_t1"], 2024, 1)  # another year

    campaign.set_target(ledger, "college", "national", 1, "2021-2023")
    campaign.set_target(ledger, "branch", "provincial", 3, "2021-2023")
    campaign.set_target(ledger, "branch", "provincial", 1, "2024-2026")
    campaign.add_candidate(ledger, uid["jd"], "college", "national", "approved")
    campaign.add_candidate(ledger, uid["jd_t1"], "branch", "provincial", "accepted")
    campaign.add_candidate(ledger, uid["admin"], "branch", "provincial", "accepted")
    campaign.add_candidate(ledger, uid["xx_t1"], "branch", "provincial", "rejected")
    # A candidate without a target.
    campaign.add_candidate(ledger, uid["xx_s1"], "branch", "school", "accepted")

    campaign.add_task(ledger, "任务一", deadline=date(2025, 12, 31), status="done")
    campaign.add_task(ledger, "任务二", deadline=date(2026, 1, 14), status="doing")
    campaign.add_task(ledger, "任务三", deadline=date(2026, 1, 15), status="todo")
    campaign.add_task(ledger, "任务四", status="todo")
    return uid


def test_whole_ledger(ledger: Ledger, built: dict[str, str]) -> None:
    stats = compute_stats(ledger, 2025, as_of=AS_OF)
    assert stats["year"] == 2025
    assert stats["scope"] == "示范学院党委"
    assert stats["as_of"] == "2026-01-15"
    assert stats["organizations"] == {
        "colleges": 2,
        "branches": 4,
        "branches_by_type": {
            "teacher": 2,
            "student": 1,
            "mixed": 0,
            "admin": 1,
            "retired": 0,
            "other": 0,
        },
        "members_full": 2 + 9 + 6 + 3 + 12,
        "members_probationary": 1 + 4,
        "activists": 2 + 10,
        "double_leader_ratio": 0.5,
    }
    acts = stats["activities"]
    assert acts["total"] == 12 + 7 + 3 + 4
    assert acts["by_type"] == {
        "theme_day": 22,
        "general_meeting": 1,
        "committee_meeting": 0,
        "group_meeting": 0,
        "party_lecture": 1,
        "life_meeting": 1,
        "member_review": 0,
        "other": 1,
    }
    assert acts["theme_day_by_category"] == {
        "volunteer": 6,
        "practice": 6,
        "innovation": 3,
        "deliberation": 0,
        "co_building": 1,
        "study": 6,
        "other": 0,
    }
    assert acts["by_dimension"] == {
        "curriculum": 1,
        "research": 0,
        "practice": 1,
        "culture": 1,
        "network": 3,
        "psychology": 0,
        "management": 0,
        "service": 0,
        "aid": 0,
        "organization": 1,
    }
    # Σ actual / Σ expected over activities with expected > 0:
    # 12×9 + 6×6 + 18 + 0 (expected 5, none recorded) + 30 over 12×10 + 6×6 + 20 + 5 + 30.
    assert acts["attendance_rate"] == round((108 + 36 + 18 + 30) / (120 + 36 + 20 + 5 + 30), 4)
    assert acts["featured"] == 2

    # Due branch-months: 教工第一 ×2: 12 each; 学生第一: Jul–Dec = 6; 机关第一: 12 → 42.
    # Covered: 12 + 6 (Jan–Jun) + 2 (Aug, Oct) + 0 = 20.
    assert stats["compliance"] == {
        "theme_day_rate": round(20 / 42, 4),
        "branches_missing": [
            {"branch": "信息工程学院党总支/学生第一党支部", "missing_months": [7, 9, 11, 12]},
            {
                "branch": "信息工程学院党总支/教工第一党支部",
                "missing_months": [7, 8, 9, 10, 11, 12],
            },
            {"branch": "机关第一党支部", "missing_months": list(range(1, 13))},
        ],
    }
    assert stats["ratings"] == {
        "rated": 4,
        "by_stars": {"1": 0, "2": 0, "3": 1, "4": 2, "5": 1},
        "four_plus_ratio": 0.75,
    }
    assert stats["creation"] == [
        {"level": "college", "grade": "national", "target": 1, "achieved": 0},
        {"level": "branch", "grade": "provincial", "target": 4, "achieved": 2},
        {"level": "branch", "grade": "school", "target": 0, "achieved": 1},
    ]
    assert stats["tasks"] == {"total": 4, "done": 1, "overdue": 1}
    # Terms: root 2021-03-01+3 = 2024-03-01 expired; 机电 2023-05-01+3 = 2026-05-01 within 180
    # days; 机电/教工第一 2022-06-30+3 = 2025-06-30 expired; 信息/教工第一 2020-01-10+5 =
    # 2025-01-10 expired; the dissolved branch is left out.
    assert stats["terms"] == {
        "expired": [
            "信息工程学院党总支/教工第一党支部",
            "机电工程学院党总支/教工第一党支部",
            "示范学院党委",
        ],
        "expiring_soon": ["机电工程学院党总支"],
    }


def test_scope_is_a_subtree(ledger: Ledger, built: dict[str, str]) -> None:
    stats = compute_stats(ledger, 2025, scope="信息工程学院党总支", as_of=AS_OF)
    assert stats["scope"] == "信息工程学院党总支"
    assert stats["organizations"]["colleges"] == 1
    assert stats["organizations"]["branches"] == 2
    assert stats["organizations"]["members_full"] == 9
    assert stats["activities"]["total"] == 10
    assert stats["compliance"]["theme_day_rate"] == round(8 / 18, 4)
    assert stats["ratings"]["rated"] == 1
    # Targets are the whole plan's; achieved counts only candidates in the scope.
    assert stats["creation"] == [
        {"level": "college", "grade": "national", "target": 1, "achieved": 0},
        {"level": "branch", "grade": "provincial", "target": 4, "achieved": 0},
        {"level": "branch", "grade": "school", "target": 0, "achieved": 1},
    ]
    assert stats["terms"]["expired"] == ["信息工程学院党总支/教工第一党支部"]


def test_scope_by_path_and_ambiguous_name(ledger: Ledger, built: dict[str, str]) -> None:
    stats = compute_stats(ledger, 2025, scope="机电工程学院党总支/教工第一党支部", as_of=AS_OF)
    assert stats["scope"] == "教工第一党支部"
    assert stats["organizations"]["branches"] == 1
    assert stats["compliance"] == {"theme_day_rate": 1.0, "branches_missing": []}
    with pytest.raises(NotFoundError) as raised:
        compute_stats(ledger, 2025, scope="教工第一党支部", as_of=AS_OF)
    assert "信息工程学院党总支/教工第一党支部" in str(raised.value)
    assert "机电工程学院党总支/教工第一党支部" in str(raised.value)


def test_as_of_inside_the_year_limits_the_months_due(ledger: Ledger, built: dict[str, str]) -> None:
    stats = compute_stats(ledger, 2025, as_of=date(2025, 3, 1))
    # Jan–Mar due for three branches (学生第一 not yet founded): 9; covered 3 + 3 + 0.
    assert stats["compliance"]["theme_day_rate"] == round(6 / 9, 4)
    assert stats["compliance"]["branches_missing"] == [
        {"branch": "机关第一党支部", "missing_months": [1, 2, 3]}
    ]
    assert stats["tasks"]["overdue"] == 0


def test_empty_ledger_has_zeros(ledger: Ledger) -> None:
    stats = compute_stats(ledger, 2025, as_of=AS_OF)
    assert stats["scope"] == ""
    assert stats["organizations"]["branches"] == 0
    assert stats["activities"]["attendance_rate"] == 0
    assert stats["compliance"] == {"theme_day_rate": 0, "branches_missing": []}
    assert stats["ratings"]["four_plus_ratio"] == 0
    assert stats["creation"] == []


@pytest.mark.parametrize(
    ("founded", "as_of", "expected"),
    [
        (None, date(2026, 1, 1), list(range(1, 13))),
        ("2025-07-31", date(2026, 1, 1), list(range(7, 13))),
        ("2024-12-01", date(2025, 4, 1), [1, 2, 3, 4]),
        ("2026-01-01", date(2026, 6, 1), []),
        (None, date(2024, 12, 31), []),
    ],
)
def test_due_months(founded: str | None, as_of: date, expected: list[int]) -> None:
    assert due_months(founded, 2025, as_of) == expected


def test_rating_figures_are_those_of_compute_stats(ledger: Ledger) -> None:
    root = organizations.add_organization(ledger, name="某某大学党委", level="committee")
    college = organizations.add_organization(
        ledger, name="机电工程学院党总支", level="college", parent_uid=root
    )
    for stars, year in ((5, 2025), (4, 2025), (2, 2025), (3, 2024)):
        branch = organizations.add_organization(
            ledger,
            name=f"第{stars}{year}党支部",
            level="branch",
            parent_uid=college,
            branch_type="student",
        )
        campaign.set_rating(ledger, branch, year, stars)
    for year in (2024, 2025, 2026):
        assert stats.rating_figures(ledger, year) == stats.compute_stats(ledger, year)["ratings"]
    assert stats.rating_figures(ledger, 2025)["by_stars"] == {
        "1": 0,
        "2": 1,
        "3": 0,
        "4": 1,
        "5": 1,
    }
