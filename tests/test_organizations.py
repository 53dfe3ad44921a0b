"""The organization tree: placement rules, names and paths, references, moving, dissolving and
deleting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from conftest import table_snapshot

from desktop_app.domain import activities, campaign, organizations, orgtree
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import NotFoundError, RefusedError, ValidationError
from desktop_app.storage import Ledger, recycle

add = organizations.add_organization


@pytest.fixture
def tree(ledger: Ledger) -> dict[str, str]:
    """党委 → 机电 (教工第一, 学生第一), 信息 (教工第一); 机关第一 directly under the 党委."""
    uid = {"root": add(ledger, name="示范学院党委", level="committee")}
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["xx"] = add(ledger, name="信息工程学院党总支", level="college", parent_uid=uid["root"])
    uid["jd_t1"] = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"], branch_type="teacher"
    )
    uid["jd_s1"] = add(
        ledger, name="学生第一党支部", level="branch", parent_uid=uid["jd"], branch_type="student"
    )
    uid["xx_t1"] = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=uid["xx"], branch_type="teacher"
    )
    uid["admin"] = add(
        ledger, name="机关第一党支部", level="branch", parent_uid=uid["root"], branch_type="admin"
    )
    return uid


def _refused(
    ledger: Ledger, action: Callable[[], object], fields: list[str | None], *words: str
) -> ValidationError:
    """``action`` raises ValidationError with faults naming ``fields`` and writes nothing."""
    before = table_snapshot(ledger)
    with pytest.raises(ValidationError) as caught:
        action()
    assert [f.field for f in caught.value.faults] == fields
    text = str(caught.value)
    for word in words:
        assert word in text
    assert table_snapshot(ledger) == before
    return caught.value


# ---- adding: every field, placement -----------------------------------------------------------


def test_every_field_is_stored(ledger: Ledger, tree: dict[str, str]) -> None:
    uid = add(
        ledger,
        name="  教工第二党支部 ",
        level="branch",
        parent_uid=tree["jd"],
        branch_type="teacher",
        secretary=" 张老师 ",
        double_leader=True,
        has_party_groups=True,
        founded_on=date(2015, 9, 1),
        elected_on="2024/2/29",
        term_years=5,
        members_full=9,
        members_probationary=1,
        activists=2,
    )
    org = load_tree(ledger).get(uid)
    assert (org.name, org.level, org.parent_uid, org.branch_type, org.secretary) == (
        "教工第二党支部",
        "branch",
        tree["jd"],
        "teacher",
        "张老师",
    )
    assert (org.double_leader, org.has_party_groups, org.active, org.dissolved_on) == (
        True,
        True,
        True,
        None,
    )
    assert (org.founded_on, org.elected_on, org.term_years) == ("2015-09-01", "2024-02-29", 5)
    assert (org.members_full, org.members_probationary, org.activists) == (9, 1, 2)


def test_blank_counts_and_term_take_their_defaults(ledger: Ledger, tree: dict[str, str]) -> None:
    uid = add(
        ledger,
        name="新支部",
        level="branch",
        parent_uid=tree["jd"],
        members_full=None,
        term_years=None,
        founded_on=None,
    )
    org = load_tree(ledger).get(uid)
    assert (org.members_full, org.term_years, org.founded_on) == (0, 3, None)
    organizations.update_organization(ledger, uid, members_full=8, term_years=5)
    organizations.update_organization(ledger, uid, members_full=None, term_years=None)
    org = load_tree(ledger).get(uid)
    assert (org.members_full, org.term_years) == (0, 3)


def test_a_branch_type_is_kept_for_branches_only(ledger: Ledger, tree: dict[str, str]) -> None:
    college = add(
        ledger,
        name="外语学院党总支",
        level="college",
        parent_uid=tree["root"],
        branch_type="teacher",
    )
    assert load_tree(ledger).get(college).branch_type is None
    organizations.update_organization(ledger, college, branch_type="student")
    assert load_tree(ledger).get(college).branch_type is None


def test_one_root_per_ledger(ledger: Ledger, tree: dict[str, str]) -> None:
    _refused(
        ledger,
        lambda: add(ledger, name="第二党委", level="committee"),
        ["level"],
        "already has its party committee “示范学院党委”",
    )
    _refused(
        ledger,
        lambda: add(ledger, name="下级党委", level="committee", parent_uid=tree["jd"]),
        ["parent"],
        "has no parent",
    )


def test_a_college_sits_only_under_the_root(ledger: Ledger, tree: dict[str, str]) -> None:
    _refused(
        ledger,
        lambda: add(ledger, name="学院", level="college", parent_uid=tree["jd"]),
        ["parent"],
        "cannot sit under",
    )
    _refused(
        ledger,
        lambda: add(ledger, name="学院", level="college", parent_uid=tree["jd_t1"]),
        ["parent"],
        "cannot sit under",
    )
    _refused(
        ledger,
        lambda: add(ledger, name="学院", level="college"),
        ["parent"],
        "Choose the parent organization of “学院”",
    )


def test_a_branch_sits_under_a_college_or_the_root(ledger: Ledger, tree: dict[str, str]) -> None:
    tree_now = load_tree(ledger)
    assert tree_now.get(tree["jd_t1"]).parent_uid == tree["jd"]
    assert tree_now.get(tree["admin"]).parent_uid == tree["root"]  # 直属党支部
    _refused(
        ledger,
        lambda: add(ledger, name="小组", level="branch", parent_uid=tree["jd_t1"]),
        ["parent"],
        "cannot sit under",
    )
    _refused(
        ledger,
        lambda: add(ledger, name="小组", level="branch", parent_uid="no-such-uid"),
        ["parent"],
        "no longer exists",
    )


def test_an_unknown_level_is_refused(ledger: Ledger) -> None:
    _refused(ledger, lambda: add(ledger, name="x", level="group"), ["level"], "Unknown level")


def test_names_are_unique_among_siblings_only(ledger: Ledger, tree: dict[str, str]) -> None:
    # The same name in two colleges is fine (the fixture has two 教工第一党支部).
    assert len(load_tree(ledger).matches("教工第一党支部")) == 2
    _refused(
        ledger,
        lambda: add(ledger, name="教工第一党支部", level="branch", parent_uid=tree["jd"]),
        ["name"],
        "“机电工程学院党总支” already has an organization named “教工第一党支部”",
    )
    # A name a college has is free for a 直属 branch and the other way round.
    add(ledger, name="学生第一党支部", level="branch", parent_uid=tree["root"])
    _refused(
        ledger,
        lambda: organizations.update_organization(ledger, tree["jd_s1"], name="教工第一党支部"),
        ["name"],
        "names must differ",
    )


@pytest.mark.parametrize("name", ["教工/第一", "教工／第一", "教工\\第一"])
def test_names_with_a_path_separator_are_refused(
    ledger: Ledger, tree: dict[str, str], name: str
) -> None:
    _refused(
        ledger,
        lambda: add(ledger, name=name, level="branch", parent_uid=tree["jd"]),
        ["name"],
        "separates the parts of a path",
    )


def test_an_empty_name_is_refused(ledger: Ledger, tree: dict[str, str]) -> None:
    _refused(
        ledger,
        lambda: add(ledger, name="  ", level="branch", parent_uid=tree["jd"]),
        ["name"],
        "The name is empty",
    )


def test_every_fault_is_listed_at_once(ledger: Ledger, tree: dict[str, str]) -> None:
    error = _refused(
        ledger,
        lambda: add(
            ledger,
            name="a/b",
            level="branch",
            parent_uid=tree["jd_t1"],
            members_full=-1,
            activists=1.5,
            term_years=0,
            branch_type="robots",
            founded_on="2025-02-30",
        ),
        ["name", "parent", "members_full", "activists", "term_years", "branch_type", "founded_on"],
    )
    assert error.message == "The organization was not saved."
    messages = {f.field: f.message for f in error.faults}
    assert messages["members_full"] == "-1 is not a whole number of zero or more."
    assert messages["term_years"] == "A term lasts at least one year."
    assert messages["branch_type"] == "Unknown branch type “robots”."
    assert "“2025-02-30” is not a date" in messages["founded_on"]


def test_update_validates_and_writes_nothing_on_failure(
    ledger: Ledger, tree: dict[str, str]
) -> None:
    _refused(
        ledger,
        lambda: organizations.update_organization(
            ledger, tree["jd_t1"], members_full=-3, elected_on="next spring"
        ),
        ["members_full", "elected_on"],
    )
    assert organizations.update_organization(ledger, tree["jd_t1"], secretary="李老师") is True
    assert organizations.update_organization(ledger, tree["jd_t1"], secretary="李老师") is False
    with pytest.raises(TypeError):
        organizations.update_organization(ledger, tree["jd_t1"], level="college")


# ---- paths and references ----------------------------------------------------------------------


def test_paths(ledger: Ledger, tree: dict[str, str]) -> None:
    t = load_tree(ledger)
    assert t.path(tree["root"]) == "示范学院党委"
    assert t.path(tree["jd"]) == "机电工程学院党总支"
    assert t.path(tree["jd_t1"]) == "机电工程学院党总支/教工第一党支部"
    assert t.path(tree["admin"]) == "机关第一党支部"
    assert t.root is not None and t.root.uid == tree["root"]
    assert t.subtree(tree["jd"]) == [tree["jd"], tree["jd_s1"], tree["jd_t1"]]


def test_resolve_by_name_and_path(ledger: Ledger, tree: dict[str, str]) -> None:
    t = load_tree(ledger)
    assert t.resolve("学生第一党支部").uid == tree["jd_s1"]
    assert t.resolve("机电工程学院党总支/教工第一党支部").uid == tree["jd_t1"]
    assert t.resolve(" 信息工程学院党总支 ／ 教工第一党支部 ").uid == tree["xx_t1"]
    assert t.resolve("示范学院党委/机电工程学院党总支/教工第一党支部").uid == tree["jd_t1"]
    assert t.resolve("示范学院党委").uid == tree["root"]
    assert t.resolve("示范学院党委/机关第一党支部").uid == tree["admin"]


def test_a_root_prefixed_path_means_the_direct_branch(ledger: Ledger, tree: dict[str, str]) -> None:
    direct = add(ledger, name="教工第一党支部", level="branch", parent_uid=tree["root"])
    t = load_tree(ledger)
    assert t.resolve("示范学院党委/教工第一党支部").uid == direct
    assert len(t.matches("教工第一党支部")) == 3


def test_an_ambiguous_name_lists_the_paths(ledger: Ledger, tree: dict[str, str]) -> None:
    with pytest.raises(NotFoundError) as caught:
        load_tree(ledger).resolve("教工第一党支部")
    assert caught.value.message == (
        "“教工第一党支部” is the name of 2 organizations (信息工程学院党总支/教工第一党支部, "
        "机电工程学院党总支/教工第一党支部); write the path of the one you mean."
    )


def test_an_unknown_reference(ledger: Ledger, tree: dict[str, str]) -> None:
    t = load_tree(ledger)
    for reference in (
        "没有这个支部",
        "机电工程学院党总支/没有",
        "教工第一党支部/机电工程学院党总支",
        "",
    ):
        with pytest.raises(NotFoundError, match="There is no organization"):
            t.resolve(reference)
    with pytest.raises(NotFoundError, match="no longer exists"):
        t.get("no-such-uid")


# ---- moving --------------------------------------------------------------------------------------


def test_a_branch_moves_to_another_college(ledger: Ledger, tree: dict[str, str]) -> None:
    organizations.move_organization(ledger, tree["jd_s1"], tree["xx"])
    t = load_tree(ledger)
    assert t.path(tree["jd_s1"]) == "信息工程学院党总支/学生第一党支部"
    organizations.move_organization(ledger, tree["jd_s1"], tree["root"])
    assert load_tree(ledger).path(tree["jd_s1"]) == "学生第一党支部"


def test_a_direct_branch_moves_into_a_college(ledger: Ledger, tree: dict[str, str]) -> None:
    organizations.move_organization(ledger, tree["admin"], tree["jd"])
    t = load_tree(ledger)
    assert t.path(tree["admin"]) == "机电工程学院党总支/机关第一党支部"
    assert t.subtree(tree["jd"]) == [tree["jd"], tree["jd_s1"], tree["jd_t1"], tree["admin"]]
    assert t.resolve("机电工程学院党总支/机关第一党支部").uid == tree["admin"]


def test_moves_that_are_refused(ledger: Ledger, tree: dict[str, str]) -> None:
    move = organizations.move_organization
    _refused(
        ledger, lambda: move(ledger, tree["jd"], tree["jd"]), ["parent"], "cannot move under itself"
    )
    _refused(
        ledger,
        lambda: move(ledger, tree["jd"], tree["jd_t1"]),
        ["parent"],
        "cannot move under itself",
    )
    _refused(
        ledger, lambda: move(ledger, tree["xx_t1"], tree["jd_s1"]), ["parent"], "cannot sit under"
    )
    _refused(ledger, lambda: move(ledger, tree["jd"], tree["xx"]), ["parent"], "cannot sit under")
    _refused(
        ledger,
        lambda: move(ledger, tree["root"], tree["jd"]),
        ["parent"],
        "cannot move under itself",
    )
    _refused(
        ledger,
        lambda: move(ledger, tree["xx_t1"], tree["jd"]),
        ["name"],
        "already has an organization named “教工第一党支部”",
    )
    organizations.dissolve_organization(ledger, tree["xx"], date(2025, 1, 1))
    _refused(
        ledger,
        lambda: move(ledger, tree["jd_s1"], tree["xx"]),
        ["parent"],
        "“信息工程学院党总支” is dissolved",
    )


# ---- dissolving and reinstating ------------------------------------------------------------------


def test_dissolving_takes_the_subtree_and_keeps_earlier_dates(
    ledger: Ledger, tree: dict[str, str]
) -> None:
    activities.add_activity(
        ledger, tree["jd_t1"], type="theme_day", date=date(2024, 5, 1), theme="历史活动"
    )
    organizations.dissolve_organization(ledger, tree["jd_s1"], date(2024, 6, 30))
    organizations.dissolve_organization(ledger, tree["jd"], date(2025, 1, 31))
    t = load_tree(ledger)
    state = {
        k: (t.get(tree[k]).active, t.get(tree[k]).dissolved_on)
        for k in ("jd", "jd_t1", "jd_s1", "xx")
    }
    assert state == {
        "jd": (False, "2025-01-31"),
        "jd_t1": (False, "2025-01-31"),
        "jd_s1": (False, "2024-06-30"),
        "xx": (True, None),
    }
    # Its records stay.
    assert ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL") == 1
    # Reinstating brings back what was dissolved with it, not what was dissolved before.
    with pytest.raises(RefusedError, match="Reinstate “机电工程学院党总支” first"):
        organizations.reinstate_organization(ledger, tree["jd_t1"])
    organizations.reinstate_organization(ledger, tree["jd"])
    t = load_tree(ledger)
    assert [
        (t.get(tree[k]).active, t.get(tree[k]).dissolved_on) for k in ("jd", "jd_t1", "jd_s1")
    ] == [(True, None), (True, None), (False, "2024-06-30")]
    organizations.reinstate_organization(ledger, tree["jd_s1"])
    assert load_tree(ledger).get(tree["jd_s1"]).active


def test_the_root_cannot_be_dissolved(ledger: Ledger, tree: dict[str, str]) -> None:
    before = table_snapshot(ledger)
    with pytest.raises(RefusedError, match="cannot be dissolved"):
        organizations.dissolve_organization(ledger, tree["root"], date(2025, 1, 1))
    assert table_snapshot(ledger) == before


# ---- deleting ------------------------------------------------------------------------------------


def test_delete_sends_the_subtree_and_its_records_to_the_bin(
    ledger: Ledger, tree: dict[str, str]
) -> None:
    act = activities.add_activity(
        ledger, tree["jd_t1"], type="theme_day", date=date(2025, 3, 1), theme="主题党日"
    )
    other = activities.add_activity(
        ledger, tree["xx_t1"], type="theme_day", date=date(2025, 3, 1), theme="别的学院"
    )
    campaign.set_rating(ledger, tree["jd_t1"], 2025, 4)
    campaign.set_rating(ledger, tree["jd"], 2025, 5)
    campaign.add_candidate(ledger, tree["jd_s1"], "branch", "school")
    campaign.add_brand(ledger, tree["jd"], "红色机电", "college_brand")
    assert organizations.delete_organization(ledger, tree["jd"]) == 3
    t = load_tree(ledger)
    assert sorted(o.name for o in t) == [
        "信息工程学院党总支",
        "教工第一党支部",
        "机关第一党支部",
        "示范学院党委",
    ]
    live = {
        table: ledger.scalar(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
        for table in ("activities", "ratings", "creation_candidates", "brands")
    }
    assert live == {"activities": 1, "ratings": 0, "creation_candidates": 0, "brands": 0}
    assert activities.get_activity(ledger, other)["theme"] == "别的学院"
    with pytest.raises(NotFoundError):
        activities.get_activity(ledger, act)
    [item] = recycle.list_bin(ledger)
    assert (item.table, item.uid, item.title, item.count) == (
        "organizations",
        tree["jd"],
        "机电工程学院党总支",
        3 + 1 + 2 + 1 + 1,
    )


def test_the_root_cannot_be_deleted(ledger: Ledger, tree: dict[str, str]) -> None:
    before = table_snapshot(ledger)
    with pytest.raises(RefusedError, match="cannot be deleted"):
        organizations.delete_organization(ledger, tree["root"])
    assert table_snapshot(ledger) == before
    with pytest.raises(NotFoundError):
        organizations.delete_organization(ledger, "no-such-uid")


def test_nothing_is_added_under_a_dissolved_organization(
    ledger: Ledger, tree: dict[str, str]
) -> None:
    organizations.dissolve_organization(ledger, tree["xx"], date(2025, 1, 1))
    error = _refused(
        ledger,
        lambda: add(ledger, name="学生第一党支部", level="branch", parent_uid=tree["xx"]),
        ["parent"],
        "The organization was not saved.",
    )
    assert error.faults[0].message == (
        "“信息工程学院党总支” is dissolved; reinstate it first, or choose another parent "
        "organization."
    )
    organizations.reinstate_organization(ledger, tree["xx"])
    uid = add(ledger, name="学生第一党支部", level="branch", parent_uid=tree["xx"])
    assert load_tree(ledger).path(uid) == "信息工程学院党总支/学生第一党支部"


def test_an_ambiguous_name_lists_five_paths_and_counts_the_rest(ledger: Ledger) -> None:
    root = add(ledger, name="示范学院党委", level="committee")
    for n in range(1, 41):
        college = add(ledger, name=f"学院{n:02d}党总支", level="college", parent_uid=root)
        add(ledger, name="教工党支部", level="branch", parent_uid=college)
    with pytest.raises(NotFoundError) as caught:
        load_tree(ledger).resolve("教工党支部")
    assert caught.value.message == (
        "“教工党支部” is the name of 40 organizations (学院01党总支/教工党支部, "
        "学院02党总支/教工党支部, 学院03党总支/教工党支部, 学院04党总支/教工党支部, "
        "学院05党总支/教工党支部 and 35 more); write the path of the one you mean."
    )


def test_one_more_path_than_are_listed() -> None:
    paths = [f"学院{n}/教工党支部" for n in range(1, 7)]
    assert orgtree.list_paths(paths) == (
        "学院1/教工党支部, 学院2/教工党支部, 学院3/教工党支部, 学院4/教工党支部, "
        "学院5/教工党支部 and 1 more"
    )
    assert orgtree.list_paths(paths[:5]) == ", ".join(paths[:5])


def test_siblings_are_listed_with_numbers_read_as_numbers() -> None:
    from desktop_app.domain.orgtree import name_key

    names = [
        "学生第三党支部",
        "学生第十党支部",
        "学生第一党支部",
        "学生第二党支部",
        "第10组",
        "第2组",
    ]
    assert sorted(names, key=name_key) == [
        "学生第一党支部",
        "学生第二党支部",
        "学生第三党支部",
        "学生第十党支部",
        "第2组",
        "第10组",
    ]
    assert sorted(["二十一", "十二", "一百零五", "九"], key=name_key) == [
        "九",
        "十二",
        "二十一",
        "一百零五",
    ]
