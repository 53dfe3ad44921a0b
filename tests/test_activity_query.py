"""The activity table's data: filters, search, sorting, paging and positions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from desktop_app import activity_sql
from desktop_app.activity_query import (
    ActivityFilter,
    ActivityRow,
    activity_position,
    any_activity,
    count_activities,
    fetch_activities,
    fts_string,
    like_pattern,
    narrows,
)
from desktop_app.domain import activities, organizations
from desktop_app.storage import Ledger, records


@dataclass
class Book:
    """A small ledger: organization and activity uids by short names."""

    ledger: Ledger
    org: dict[str, str]
    act: dict[str, str]

    def names(self, rows: list[ActivityRow]) -> list[str]:
        by_uid = {uid: name for name, uid in self.act.items()}
        return [by_uid[r.uid] for r in rows]

    def found(self, **conditions: object) -> set[str]:
        flt = ActivityFilter(**conditions)  # type: ignore[arg-type]
        rows = fetch_activities(self.ledger, flt, limit=1000)
        assert count_activities(self.ledger, flt) == len(rows)
        return set(self.names(rows))


LIVE = {"a1", "a2", "a3", "a4", "a5", "a6"}

# The ways the queries find rows, chosen by the size of the ledger: each must give the same
# answers, so every test of a small ledger runs with each forced.
PLANS = {
    # The choices a small ledger gets: matches looked up, subtrees looked up organization by
    # organization, short terms looked for among the newest activities first.
    "as chosen": {},
    # What a large ledger gets for a common search and a large subtree: each activity of the
    # index read in order is tested.
    "tested on the index": {
        "MANY_MATCHES": 1,
        "SUBTREE_SHARE_PAGE": 0.0,
        "SUBTREE_SHARE_ALL": 0.0,
    },
    # A rare short term: the table read once, in its own order.
    "table read once": {"NEWEST_FIRST_STEPS": 0},
}


@pytest.fixture(params=sorted(PLANS))
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    for name, value in PLANS[request.param].items():
        monkeypatch.setattr(activity_sql, name, value)
    return str(request.param)


@pytest.fixture
def book(ledger: Ledger, tmp_path: Path, plan: str) -> Book:
    add = organizations.add_organization
    org: dict[str, str] = {}
    org["R"] = add(ledger, name="示范大学党委", level="committee")
    org["C1"] = add(ledger, name="机电学院党总支", level="college", parent_uid=org["R"])
    org["C2"] = add(ledger, name="外语学院党总支", level="college", parent_uid=org["R"])
    org["C3"] = add(ledger, name="已撤并学院党总支", level="college", parent_uid=org["R"])
    org["B1"] = add(ledger, name="教工支部", level="branch", parent_uid=org["C1"])
    org["B2"] = add(ledger, name="学生支部", level="branch", parent_uid=org["C1"])
    org["B3"] = add(ledger, name="外语教工支部", level="branch", parent_uid=org["C2"])
    org["B4"] = add(ledger, name="机关支部", level="branch", parent_uid=org["R"])
    org["B5"] = add(ledger, name="孤立支部", level="branch", parent_uid=org["C3"])
    org["B6"] = add(ledger, name="旧支部", level="branch", parent_uid=org["C3"])

    def act(org_name: str, kind: str, day: str, theme: str, **values: object) -> str:
        return activities.add_activity(
            ledger, org[org_name], type=kind, date=day, theme=theme, **values
        )

    a: dict[str, str] = {}
    a["a1"] = act(
        "B1",
        "theme_day",
        "2025-03-18",
        "学习二十大精神",
        category="study",
        place="图书馆",
        host="张老师",
        expected=10,
        actual=9,
        dimensions=["organization", "curriculum"],
        featured=True,
        summary="集中学习ABC报告",
    )
    a["a2"] = act(
        "B1",
        "party_lecture",
        "2025-03-05",
        "专题党课：党史",
        place="会议室",
        expected=20,
        actual=20,
    )
    a["a3"] = act(
        "B2",
        "theme_day",
        "2025-04-10",
        "志愿服务 Volunteer Day",
        category="volunteer",
        dimensions=["practice"],
        expected=30,
        actual=15,
    )
    a["a4"] = act(
        "B3", "general_meeting", "2024-12-20", "支部党员大会", place="100% 出席", summary='say "hi"'
    )
    a["a5"] = act(
        "B4", "theme_day", "2025-03-18", "学习二十大精神", category="study", expected=8, actual=8
    )
    a["a6"] = act("B1", "theme_day", "2025-01-09", "abc_def 工作坊", category="other")
    a["a7"] = act("B2", "party_lecture", "2025-03-20", "已删除的党课")
    activities.delete_activity(ledger, a["a7"])
    a["a8"] = act("B5", "theme_day", "2025-03-01", "孤立活动", category="other")
    a["a9"] = act("B6", "theme_day", "2025-03-02", "旧支部活动", category="other")
    # B5 alone goes to the bin, leaving its activity live; B6 goes the usual way.
    with ledger.transaction():
        records.soft_delete(ledger, [("organizations", org["B5"])], cause=org["B5"])
    organizations.delete_organization(ledger, org["B6"])

    sheet = tmp_path / "签到表.jpg"
    sheet.write_bytes(b"sign-in sheet")
    activities.attach_file(ledger, a["a1"], sheet)
    gone = activities.attach_file(ledger, a["a1"], sheet)
    activities.delete_attachment(ledger, gone)
    return Book(ledger, org, a)


# ---- filters --------------------------------------------------------------------------------


def test_no_filter_shows_every_live_activity(book: Book) -> None:
    assert book.found() == LIVE


def test_a_row_carries_the_record(book: Book) -> None:
    [row] = [r for r in fetch_activities(book.ledger, ActivityFilter()) if r.uid == book.act["a1"]]
    assert row == ActivityRow(
        uid=book.act["a1"],
        org_uid=book.org["B1"],
        type="theme_day",
        date=date(2025, 3, 18),
        theme="学习二十大精神",
        category="study",
        place="图书馆",
        host="张老师",
        expected=10,
        actual=9,
        dimensions=("curriculum", "organization"),
        featured=True,
        summary="集中学习ABC报告",
        attachments=1,
    )


def test_year_and_month(book: Book) -> None:
    assert book.found(year=2025) == LIVE - {"a4"}
    assert book.found(year=2024) == {"a4"}
    assert book.found(year=2023) == set()
    assert book.found(year=2025, month=3) == {"a1", "a2", "a5"}
    assert book.found(year=2025, month=1) == {"a6"}
    assert book.found(year=2024, month=12) == {"a4"}
    assert book.found(year=2025, month=2) == set()


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_must_be_a_month(month: int) -> None:
    with pytest.raises(ValueError, match="month"):
        ActivityFilter(year=2025, month=month)


def test_a_month_needs_a_year() -> None:
    with pytest.raises(ValueError, match="needs a year"):
        ActivityFilter(month=3)


def test_organization_and_its_subtree(book: Book) -> None:
    assert book.found(org_uid=book.org["R"]) == LIVE
    assert book.found(org_uid=book.org["C1"]) == {"a1", "a2", "a3", "a6"}
    assert book.found(org_uid=book.org["B1"]) == {"a1", "a2", "a6"}
    assert book.found(org_uid=book.org["C2"]) == {"a4"}
    assert book.found(org_uid=book.org["B4"]) == {"a5"}


def test_deleted_organizations_and_their_activities_are_hidden(book: Book) -> None:
    assert book.found(org_uid=book.org["B5"]) == set()
    assert book.found(org_uid=book.org["C3"]) == set()
    assert book.found(text="孤立活动") == set()
    assert book.found(text="旧支部活动") == set()


def test_type_category_dimension_featured(book: Book) -> None:
    assert book.found(type="theme_day") == {"a1", "a3", "a5", "a6"}
    assert book.found(type="party_lecture") == {"a2"}
    assert book.found(type="member_review") == set()
    assert book.found(category="study") == {"a1", "a5"}
    assert book.found(category="volunteer") == {"a3"}
    assert book.found(dimension="curriculum") == {"a1"}
    assert book.found(dimension="practice") == {"a3"}
    assert book.found(dimension="aid") == set()
    assert book.found(featured=True) == {"a1"}
    assert book.found(featured=False) == LIVE - {"a1"}


def test_filters_combine(book: Book) -> None:
    assert book.found(year=2025, org_uid=book.org["C1"], type="theme_day") == {"a1", "a3", "a6"}
    assert book.found(year=2025, month=3, category="study", org_uid=book.org["B4"]) == {"a5"}
    assert book.found(year=2025, month=3, featured=False, text="学习") == {"a5"}
    assert book.found(type="theme_day", dimension="practice", year=2024) == set()


# ---- search ---------------------------------------------------------------------------------


def test_one_and_two_character_terms(book: Book) -> None:
    assert book.found(text="党") == {"a2", "a4"}
    assert book.found(text="党课") == {"a2"}  # the deleted 党课 stays hidden
    assert book.found(text="馆") == {"a1"}  # place
    assert book.found(text="报告") == {"a1"}  # summary
    assert book.found(text="告") == {"a1"}  # summary


def test_three_and_five_character_terms(book: Book) -> None:
    assert book.found(text="二十大") == {"a1", "a5"}
    assert book.found(text="学习二十大") == {"a1", "a5"}
    assert book.found(text="图书馆") == {"a1"}
    assert book.found(text="会议室") == {"a2"}
    assert book.found(text="集中学习") == {"a1"}
    assert book.found(text="已删除") == set()


def test_latin_letters_ignore_case(book: Book) -> None:
    for text in ("ABC", "abc", "aBc"):
        assert book.found(text=text) == {"a1", "a6"}, text
    for text in ("AB", "ab", "Ab"):
        assert book.found(text=text) == {"a1", "a6"}, text
    assert book.found(text="volunteer day") == {"a3"}


def test_every_term_must_match(book: Book) -> None:
    assert book.found(text="学习 图书馆") == {"a1"}
    assert book.found(text="  学习\t二十大 ") == {"a1", "a5"}
    assert book.found(text="党 会议室") == {"a2"}
    assert book.found(text="志愿 Volunteer") == {"a3"}
    assert book.found(text="学习 会议室") == set()
    assert book.found(text="abc 馆") == {"a1"}


def test_percent_underscore_and_quotes_are_literal(book: Book) -> None:
    assert book.found(text="%") == {"a4"}
    assert book.found(text="0%") == {"a4"}
    assert book.found(text="100%") == {"a4"}
    assert book.found(text="_") == {"a6"}
    assert book.found(text="c_d") == {"a6"}
    assert book.found(text='"hi"') == {"a4"}
    assert book.found(text='hi"') == {"a4"}
    assert book.found(text='"') == {"a4"}
    assert book.found(text="\\") == set()
    assert book.found(text="AND") == set()  # an FTS5 keyword is only text here


def test_quoting_helpers() -> None:
    assert fts_string('say "hi"') == '"say ""hi"""'
    assert like_pattern("5%_\\") == "%5\\%\\_\\\\%"


def test_deleted_activities_stay_indexed_but_hidden(book: Book) -> None:
    docs = book.ledger.conn.execute(
        "SELECT k.uid FROM activity_search s JOIN activity_search_keys k ON k.docid = s.rowid "
        "WHERE activity_search MATCH ?",
        ['"已删除"'],
    ).fetchall()
    assert docs == [(book.act["a7"],)]
    assert book.found(text="已删除的党课") == set()


def test_an_edit_is_found_by_its_new_words(book: Book) -> None:
    activities.update_activity(book.ledger, book.act["a4"], theme="换届选举大会", place=None)
    assert book.found(text="换届选举") == {"a4"}
    assert book.found(text="党员大会") == set()
    assert book.found(text="%") == set()


# ---- sorting and paging ---------------------------------------------------------------------


def _order(book: Book, sort: str, descending: bool = True, **conditions: object) -> list[str]:
    flt = ActivityFilter(**conditions)  # type: ignore[arg-type]
    return book.names(fetch_activities(book.ledger, flt, sort=sort, descending=descending))


def _tie(book: Book) -> list[str]:
    """a1 and a5 share date and theme: ties go by uid."""
    return sorted(["a1", "a5"], key=lambda name: book.act[name])


def test_sort_by_date(book: Book) -> None:
    assert _order(book, "date") == ["a3", *_tie(book), "a2", "a6", "a4"]
    assert _order(book, "date", descending=False) == ["a4", "a6", "a2", *_tie(book), "a3"]


def test_sort_by_organization_name(book: Book) -> None:
    # 外语教工支部 (U+5916) < 学生支部 (U+5B66) < 教工支部 (U+6559) < 机关支部 (U+673A)
    assert _order(book, "organization", descending=False) == ["a4", "a3", "a1", "a2", "a6", "a5"]
    assert _order(book, "organization") == ["a5", "a1", "a2", "a6", "a3", "a4"]


def test_sort_by_type_follows_the_enumeration(book: Book) -> None:
    assert _order(book, "type", descending=False) == ["a3", *_tie(book), "a6", "a4", "a2"]
    assert _order(book, "type") == ["a2", "a4", "a3", *_tie(book), "a6"]


def test_sort_by_theme(book: Book) -> None:
    # "a" < 专 (U+4E13) < 学 (U+5B66) < 志 (U+5FD7) < 支 (U+652F)
    assert _order(book, "theme", descending=False) == ["a6", "a2", *_tie(book), "a3", "a4"]


def test_blank_values_sort_last_either_way(book: Book) -> None:
    assert _order(book, "place", descending=False) == ["a4", "a2", "a1", "a3", "a5", "a6"]
    assert _order(book, "place") == ["a1", "a2", "a4", "a3", "a5", "a6"]
    assert _order(book, "expected", descending=False) == ["a5", "a1", "a2", "a3", "a6", "a4"]
    assert _order(book, "actual") == ["a2", "a3", "a1", "a5", "a6", "a4"]


def test_sort_by_attendance(book: Book) -> None:
    # a2 and a5 both 100 %: the newer first; a1 90 %, a3 50 %; a4 and a6 have no figures.
    assert _order(book, "attendance") == ["a5", "a2", "a1", "a3", "a6", "a4"]
    assert _order(book, "attendance", descending=False) == ["a3", "a1", "a5", "a2", "a6", "a4"]


def test_an_unknown_sort_is_refused(book: Book) -> None:
    with pytest.raises(ValueError, match="unknown sort 'uid'"):
        fetch_activities(book.ledger, ActivityFilter(), sort="uid")
    with pytest.raises(ValueError, match="unknown sort"):
        activity_position(book.ledger, ActivityFilter(), book.act["a1"], sort="")


SORTS = ["date", "organization", "type", "theme", "place", "expected", "actual", "attendance"]


@pytest.mark.parametrize("sort", SORTS)
@pytest.mark.parametrize("descending", [True, False])
def test_pages_give_every_row_exactly_once(book: Book, sort: str, descending: bool) -> None:
    ledger = book.ledger
    for n in range(23):  # many ties on every key
        activities.add_activity(
            ledger,
            book.org["B2"],
            type="theme_day",
            date=f"2025-05-{1 + n % 3:02d}",
            theme="重复的主题",
            category="other",
            expected=10,
            actual=5,
        )
    flt = ActivityFilter(year=2025)
    total = count_activities(ledger, flt)
    assert total == 28
    whole = fetch_activities(ledger, flt, sort=sort, descending=descending, limit=1000)
    pages: list[ActivityRow] = []
    for offset in range(0, total + 7, 7):
        pages += fetch_activities(
            ledger, flt, sort=sort, descending=descending, offset=offset, limit=7
        )
    assert [r.uid for r in pages] == [r.uid for r in whole]
    assert len({r.uid for r in pages}) == total
    assert fetch_activities(ledger, flt, sort=sort, offset=total) == []
    for index, row in enumerate(whole):
        assert activity_position(ledger, flt, row.uid, sort=sort, descending=descending) == index


def test_position_of_a_record(book: Book) -> None:
    ledger = book.ledger
    assert activity_position(ledger, ActivityFilter(), book.act["a3"]) == 0
    assert activity_position(ledger, ActivityFilter(), book.act["a4"]) == 5
    assert activity_position(ledger, ActivityFilter(), book.act["a4"], descending=False) == 0
    assert activity_position(ledger, ActivityFilter(), book.act["a2"], sort="attendance") == 1
    flt = ActivityFilter(org_uid=book.org["C1"], text="学习")
    assert activity_position(ledger, flt, book.act["a1"]) == 0
    assert activity_position(ledger, flt, book.act["a5"]) is None  # another branch
    assert activity_position(ledger, ActivityFilter(), book.act["a7"]) is None  # deleted
    assert activity_position(ledger, ActivityFilter(), book.act["a8"]) is None  # org deleted
    assert activity_position(ledger, ActivityFilter(), "no such uid") is None


def test_any_activity(book: Book, ledger: Ledger) -> None:
    assert any_activity(book.ledger)
    for name in sorted(LIVE):
        activities.delete_activity(book.ledger, book.act[name])
    # a8 is live, but its organization is in the recycle bin.
    assert not any_activity(book.ledger)


def test_a_dimension_is_found_by_its_quoted_code(book: Book) -> None:
    """The dimensions are tested on their JSON text: a code is there only as a whole word."""
    stored = book.ledger.scalar("SELECT dimensions FROM activities WHERE uid = ?", [book.act["a1"]])
    assert stored == '["curriculum", "organization"]'
    assert book.found(dimension="organization") == {"a1"}
    assert book.found(dimension="curriculum", featured=True) == {"a1"}


def test_a_large_subtree_and_the_whole_tree(book: Book, monkeypatch: pytest.MonkeyPatch) -> None:
    # The committee's subtree is every live organization: no condition beyond liveness.
    assert book.found(org_uid=book.org["R"], year=2025) == LIVE - {"a4"}
    monkeypatch.setattr(activity_sql, "SUBTREE_SHARE_ALL", 0.0)
    assert book.found(org_uid=book.org["C1"], year=2025) == {"a1", "a2", "a3", "a6"}


def test_many_matches_are_tested_in_date_order(book: Book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(activity_sql, "MANY_MATCHES", 2)
    rows = fetch_activities(book.ledger, ActivityFilter(text="二十大"))
    assert book.names(rows) == _tie(book)
    assert book.names(fetch_activities(book.ledger, ActivityFilter(text="图书馆"))) == ["a1"]


def test_a_statement_over_its_steps_is_abandoned(ledger: Ledger) -> None:
    from desktop_app.activity_sql import within

    long = (
        "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 200000) "
        "SELECT count(*) FROM c"
    )
    assert within(ledger.conn, long, {}, 10_000) is None
    assert within(ledger.conn, long, {}, 100_000_000) == [(200000,)]
    # The budget is gone with the statement: the next long one runs to its end.
    assert ledger.conn.execute(long).fetchall() == [(200000,)]


def test_short_terms_without_letters_are_plain_substrings(book: Book) -> None:
    """Terms without Latin letters are tested with instr (nothing to fold), others with LIKE:
    the same rows either way."""
    assert book.found(text="集中") == {"a1"}
    assert book.found(text="C报") == {"a1"}
    assert book.found(text="c报") == {"a1"}
    assert book.found(text="0%") == {"a4"}


# ---- a narrower filter ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (ActivityFilter(year=2025), ActivityFilter()),
        (ActivityFilter(year=2025, month=3), ActivityFilter(year=2025)),
        (ActivityFilter(year=2025, month=3, type="theme_day"), ActivityFilter(year=2025, month=3)),
        (ActivityFilter(org_uid="x", featured=False), ActivityFilter(featured=False)),
        (ActivityFilter(dimension="aid", category="study"), ActivityFilter(category="study")),
        (ActivityFilter(text="量子"), ActivityFilter(text="量")),
        (ActivityFilter(text="量子计算"), ActivityFilter(text="量子")),  # LIKE, then index: no case
        (ActivityFilter(text="abcd"), ActivityFilter(text="abc")),  # both through the index
        (ActivityFilter(text="ab"), ActivityFilter(text="a")),  # both by LIKE
        (ActivityFilter(text="量子 计算"), ActivityFilter(text="计算 量")),
        (ActivityFilter(text="量子", year=2024), ActivityFilter(text="")),
    ],
)
def test_narrower_filters(new: ActivityFilter, old: ActivityFilter) -> None:
    assert narrows(new, old)


@pytest.mark.parametrize(
    ("new", "old"),
    [
        (ActivityFilter(), ActivityFilter(year=2025)),
        (ActivityFilter(year=2024), ActivityFilter(year=2025)),
        (ActivityFilter(year=2025), ActivityFilter(year=2025, month=3)),
        (ActivityFilter(year=2024, month=3), ActivityFilter(year=2025, month=3)),
        (ActivityFilter(org_uid="y"), ActivityFilter(org_uid="x")),
        (ActivityFilter(featured=True), ActivityFilter(featured=False)),
        (ActivityFilter(type="theme_day"), ActivityFilter(type="party_lecture")),
        (ActivityFilter(text="量"), ActivityFilter(text="量子")),
        (ActivityFilter(text="子量"), ActivityFilter(text="量子")),
        (ActivityFilter(text="量子"), ActivityFilter(text="量子 计算")),
        # LIKE folds only Latin letters, the index folds every letter with case.
        (ActivityFilter(text="abc"), ActivityFilter(text="ab")),
        (ActivityFilter(text="Éco"), ActivityFilter(text="É")),
    ],
)
def test_filters_that_do_not_narrow(new: ActivityFilter, old: ActivityFilter) -> None:
    assert not narrows(new, old)


def test_a_narrower_filter_finds_a_subset(book: Book) -> None:
    pairs = [
        (ActivityFilter(year=2025, text="学习"), ActivityFilter(text="学")),
        (ActivityFilter(text="二十大 学"), ActivityFilter(text="二十")),
        (ActivityFilter(type="theme_day", featured=True), ActivityFilter(featured=True)),
    ]
    for new, old in pairs:
        assert narrows(new, old)
        new_rows = {r.uid for r in fetch_activities(book.ledger, new, limit=1000)}
        old_rows = {r.uid for r in fetch_activities(book.ledger, old, limit=1000)}
        assert new_rows <= old_rows
