"""The recycle bin described for people: every kind of record worded with its labels, its
organization's path (deleted organizations included), and the local time of the deletion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop_app.bin_items import describe_bin
from desktop_app.domain import activities, campaign, organizations
from desktop_app.storage import Ledger

DAY = date(2025, 3, 18)


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid = {"root": add(ledger, name="党委", level="committee")}
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["t1"] = add(ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"])
    return uid


def test_every_kind_is_worded_with_labels_and_paths(
    ledger: Ledger, orgs: dict[str, str], tmp_path: Path
) -> None:
    act = activities.add_activity(
        ledger, orgs["t1"], type="theme_day", date=DAY, theme="学习二十大精神"
    )
    kept = activities.add_activity(ledger, orgs["t1"], type="party_lecture", date=DAY, theme="党课")
    (tmp_path / "签到表.jpg").write_bytes(b"x")
    attachment = activities.attach_file(ledger, kept, tmp_path / "签到表.jpg")
    rating = campaign.set_rating(ledger, orgs["t1"], 2025, 4)
    one_star = campaign.set_rating(ledger, orgs["jd"], 2025, 1)
    target = campaign.set_target(ledger, "branch", "national", 2, "2021-2023")
    bare_target = campaign.set_target(ledger, "college", "provincial", 3)
    candidate = campaign.add_candidate(ledger, orgs["t1"], "branch", "provincial", "applied")
    task = campaign.add_task(ledger, "制定实施方案")
    brand = campaign.add_brand(ledger, orgs["jd"], "红色引擎", "college_brand")

    activities.delete_activity(ledger, act)
    activities.delete_attachment(ledger, attachment)
    for table, uid in (
        ("ratings", rating),
        ("ratings", one_star),
        ("creation_targets", target),
        ("creation_targets", bare_target),
        ("creation_candidates", candidate),
        ("tasks", task),
        ("brands", brand),
    ):
        campaign.delete_record(ledger, table, uid)

    described = {e.uid: (e.what, e.kind, e.organization, e.count) for e in describe_bin(ledger)}
    branch = "机电工程学院党总支/教工第一党支部"
    assert described == {
        act: ("Theme party day Mar 18, 2025 学习二十大精神", "Activity", branch, 1),
        attachment: (
            "签到表.jpg (of Party lecture Mar 18, 2025 党课)",
            "Attached file",
            branch,
            1,
        ),
        rating: ("2025: 4 stars", "Star rating", branch, 1),
        one_star: ("2025: 1 star", "Star rating", "机电工程学院党总支", 1),
        target: ("Model branch, National: target 2 (2021-2023)", "Creation target", "", 1),
        bare_target: ("Benchmark college, Provincial: target 3", "Creation target", "", 1),
        candidate: ("Model branch, Provincial (Applied)", "Creation candidate", branch, 1),
        task: ("制定实施方案", "Task", "", 1),
        brand: ("红色引擎", "One college, one brand", "机电工程学院党总支", 1),
    }


def test_a_deleted_organization_keeps_its_path_and_counts_what_went_with_it(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    activities.add_activity(ledger, orgs["t1"], type="theme_day", date=DAY, theme="主题党日")
    organizations.delete_organization(ledger, orgs["t1"])
    act = activities.add_activity(ledger, orgs["jd"], type="other", date=DAY, theme="总支活动")
    organizations.delete_organization(ledger, orgs["jd"])
    entries = describe_bin(ledger)
    assert [(e.what, e.kind, e.organization, e.count) for e in entries] == [
        # the college went with its activity; the branch was deleted before, on its own
        ("机电工程学院党总支", "College party organization", "党委", 2),
        ("教工第一党支部", "Party branch", "机电工程学院党总支", 2),
    ]
    assert act not in {e.uid for e in entries}
