"""The statistics of ``party-ledger stats --json`` against an independent reading of the
contract (``reference_stats.py``), on seeded random workbooks that exercise the contract's
edges: branch names shared by several colleges, 直属党支部, every college level alias, dates
as Excel dates and as text in the three formats, branches founded around the year and the
as-of month, blank and repeated categories and dimensions, attendance blank or 0, ratings
across years, targets in several periods, candidates at every status, task deadlines around
the as-of date, terms ending just before, on, 180 and 181 days after the as-of date,
elections on 29 February, activities recorded twice and repeated rows of the sheets whose
identity is unique (the generator is ``contract_workbooks.py``). Each workbook is imported
through the command line into a fresh ledger, and again after an export, and every figure is
compared."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory
from contract_workbooks import AS_OF, HEADERS, YEAR, Book, Row, form_of, generate, parse_written
from reference_stats import Tree, add_years, reference_stats

from desktop_app.cli import main

# ---- running the command line --------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, f"party-ledger {' '.join(argv)} exited {code}:\n{captured.err}"
    return captured.out


Query = tuple[int, str | None, date]  # year, scope, as-of date
Difference = tuple[Query, dict[str, Any], dict[str, Any]]  # ours, the reference's


def product_stats(capsys: pytest.CaptureFixture[str], db: Path, query: Query) -> dict[str, Any]:
    year, scope, as_of = query
    argv = ["--db", str(db), "stats", "--year", str(year), "--as-of", as_of.isoformat()]
    if scope is not None:
        argv += ["--scope", scope]
    return json.loads(run(capsys, *argv, "--json"))


def queries(book: Book, seed: int) -> list[Query]:
    """The whole ledger as of 15 January 2026 and as of a day inside 2025, a college by
    name, a branch by path, a 直属党支部, and the years before and after."""
    rng = random.Random(seed * 7919)
    found: list[Query] = [
        (YEAR, None, AS_OF),
        (YEAR, None, book.inner_as_of),
        (YEAR, rng.choice(book.colleges), rng.choice((AS_OF, book.inner_as_of))),
        (YEAR, rng.choice(book.branch_paths), rng.choice((AS_OF, book.inner_as_of))),
        (rng.choice((2024, 2026)), None, AS_OF),
    ]
    if book.direct:
        found.append((YEAR, rng.choice(book.direct), AS_OF))
    if seed % 4 == 0:
        found.append((YEAR, book.root, book.inner_as_of))  # the root named as the scope
    return found


def compare(
    capsys: pytest.CaptureFixture[str], db: Path, book: Book, seed: int
) -> list[Difference]:
    """Every query whose figures differ from the reference's."""
    differ = []
    for query in queries(book, seed):
        ours = product_stats(capsys, db, query)
        expected = reference_stats(book.path, *query)
        if ours != expected:
            differ.append((query, ours, expected))
    return differ


def describe(differences: list[Difference]) -> str:
    lines = []
    for (year, scope, as_of), ours, expected in differences:
        lines.append(f"--year {year} --scope {scope} --as-of {as_of}:")
        for key, value in expected.items():
            if ours.get(key) == value:
                continue
            if isinstance(value, dict):
                for part, figure in value.items():
                    if ours[key].get(part) != figure:
                        lines.append(f"  {key}.{part}: ours {ours[key].get(part)}, spec {figure}")
            else:
                lines.append(f"  {key}: ours {ours.get(key)}, spec {value}")
    return "\n".join(lines)


# Seeds whose figures include a ratio that Python's round(part / whole, 4) rounds down where
# rounding the exact fraction half up would not: (query, section, figure, value).
TIES: dict[int, tuple[Query, str, str, float]] = {
    # 309/800 = 0.38625, a little less than that in binary
    120: ((YEAR, None, AS_OF), "activities", "attendance_rate", 0.3862),
    # 13/32 = 0.40625 exactly, a tie: to the even digit
    127: ((YEAR, None, date(2025, 6, 15)), "compliance", "theme_day_rate", 0.4062),
}
SEEDS = [*range(40), *TIES]


@pytest.mark.parametrize("seed", SEEDS)
def test_stats_match_the_reference(
    seed: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = generate(seed, tmp_path / "book.xlsx")
    db = tmp_path / "first.sqlite"
    run(capsys, "--db", str(db), "import", str(book.path))
    differences = compare(capsys, db, book, seed)
    assert not differences, describe(differences)

    exported = tmp_path / "exported.xlsx"
    run(capsys, "--db", str(db), "export", str(exported))
    again = tmp_path / "second.sqlite"
    run(capsys, "--db", str(again), "import", str(exported))
    differences = compare(capsys, again, book, seed)
    assert not differences, "after export and import:\n" + describe(differences)


def test_the_generator_reaches_the_edges(tmp_path: Path) -> None:
    """The seeds cover what they claim to: shared branch names, 直属党支部, every college
    alias, every date form, the term edges, 29 February elections and repeated rows."""
    levels: set[str] = set()
    date_forms: set[str] = set()
    term_edges: set[int] = set()
    leap = direct = shared = direct_shared = 0
    repeated: Counter[str] = Counter()
    for seed in SEEDS:
        book = generate(seed, tmp_path / f"{seed}.xlsx")
        repeated += repeats(book)
        direct += len(book.direct)
        names = [p.split("/")[1] for p in book.branch_paths]
        shared += len(names) - len(set(names))
        direct_shared += sum(ref.split("/")[-1] in names for ref in book.direct)
        for row in book.sheets["组织"]:
            levels.add(row["层级"])
            elected = row["换届日期"]
            if elected is None:
                continue
            date_forms.add(form_of(elected))
            day = parse_written(elected)
            leap += (day.month, day.day) == (2, 29)
            end = add_years(day, row["任期(年)"] or 3)
            for as_of in (AS_OF, book.inner_as_of):
                term_edges.add((end - as_of).days)
    assert levels == {"党委", "院系党组织", "党总支", "二级党委", "党支部"}
    assert date_forms == {"date", "datetime", "iso", "slash", "chinese"}
    assert {-1, 0, 180, 181} <= term_edges
    assert leap > 0 and direct > 0 and shared > 0 and direct_shared > 0
    assert set(repeated) == {"活动 copied", "活动 rewritten", *IDENTITIES}, repeated


# The identity of a row of each sheet whose identity is unique in the ledger.
IDENTITIES: dict[str, Callable[[Tree, Row], tuple[Any, ...]]] = {
    "星级评定": lambda tree, r: (id(tree.resolve(r["组织"])), int(r["年度"])),
    "创建目标": lambda tree, r: (r["层级"], r["级别"], r["规划期"]),
    "创建单位": lambda tree, r: (id(tree.resolve(r["组织"])), r["层级"], r["级别"]),
    "任务": lambda tree, r: (r["任务"],),
}


def repeats(book: Book) -> Counter[str]:
    """How many rows of each sheet repeat an earlier row's identity; for 活动, how many are
    copies of an earlier row and how many the same activity written another way."""
    found: Counter[str] = Counter()
    first: dict[str, Row] = {}
    for row in book.sheets["活动"]:
        earlier = first.setdefault(row["主题"], row)  # each activity has a theme of its own
        if earlier is not row:
            found["活动 copied" if row == earlier else "活动 rewritten"] += 1
    tree = Tree(book.sheets["组织"])
    for sheet, identity in IDENTITIES.items():
        keys = [identity(tree, row) for row in book.sheets[sheet]]
        found[sheet] += len(keys) - len(set(keys))
    return +found


@pytest.mark.parametrize("seed", list(TIES))
def test_the_seeds_kept_for_rounding_still_round_so(seed: int, tmp_path: Path) -> None:
    """A change of the generator moves the ratios of every seed: then find new ones."""
    query, section, figure, value = TIES[seed]
    book = generate(seed, tmp_path / "book.xlsx")
    assert reference_stats(book.path, *query)[section][figure] == value


# ---- hand-worked workbooks -----------------------------------------------------------------

T1, THEME_DAY, BRANCH = "教工第一党支部", "主题党日", "党支部"
JIA, YI = "甲学院党总支", "乙学院党委"
JT1, YT1 = "甲学院党总支/教工第一党支部", "乙学院党委/教工第一党支部"
ORG_HEADER = list(HEADERS["组织"])
ACTIVITY_HEADER = list(HEADERS["活动"])
HAND_WORKED = {
    "组织": [
        ORG_HEADER,
        # term ends 2026-01-14, the day before the as-of date: expired
        ["大学党委", None, "党委", None, None, None, None, "2023-01-14", 3, 3, None, None],
        # term (blank: 3 years) ends on the as-of date: expiring soon
        ["甲学院党总支", "大学党委", "党总支", None, None, None, None, "2023/1/15", None],
        # a blank parent is the 党委; term ends 180 days after the as-of date: expiring soon
        ["乙学院党委", None, "二级党委", None, None, None, None, "2021年7月14日", 5],
        # term ends 181 days after the as-of date: neither
        [T1, JIA, BRANCH, "教师", "张", "是", "2020-01-01", date(2023, 7, 15), 3, 10, 2, 3],
        # founded in June; elected on 29 February 2024 for 2 years: ends 2026-02-28
        [T1, YI, BRANCH, "教师", None, "否", "2025-06-15", datetime(2024, 2, 29), 2, 5, None, 1],
        # founded in the as-of month of the next year; blank type
        ["学生党支部", "乙学院党委", "党支部", None, None, None, "2026/1/5"],
        # a 直属党支部 without a founding date
        ["机关党支部", "大学党委", "党支部", "机关"],
    ],
    "活动": [
        ACTIVITY_HEADER,
        [JT1, THEME_DAY, date(2025, 1, 1), "a1", "理论学习", None, 10, 8, "课程、课程,实践", "是"],
        [JT1, THEME_DAY, "2025/1/31", "a2", None, None, 10, None, None, "否"],
        [JT1, THEME_DAY, "2025年12月31日", "a3", "志愿服务", None, 0, 0],
        # before the founding month: counts as an activity, covers no month
        [YT1, THEME_DAY, "2025-05-20", "b1", "社会实践"],
        # in the founding month, before the founding day: covers June
        [YT1, THEME_DAY, "2025-06-01", "b2"],
        # 上级组织/名称; a category on a party lecture counts nowhere; no number expected
        ["大学党委/机关党支部", "党课", "2025-03-01", "c1", "理论学习", None, None, 5],
        ["机关党支部", "主题党日", "2024-12-31", "c2"],
        ["机关党支部", "主题党日", datetime(2026, 1, 1), "c3"],
        ["甲学院党总支", "支部党员大会", "2025-07-07", "d1", None, None, 20, 20, "组织，服务"],
    ],
    "星级评定": [
        list(HEADERS["星级评定"]),
        ["机关党支部", 2025, 5],
        ["甲学院党总支", 2025, "4"],
        ["乙学院党委/教工第一党支部", 2025, 3],
        ["机关党支部", 2024, 1],
    ],
    "创建目标": [
        list(HEADERS["创建目标"]),
        ["样板支部", "省级", 2, "2021-2023"],
        ["样板支部", "省级", 1, "2024-2026"],
        ["标杆院系", "全国", 0, None],
    ],
    "创建单位": [
        list(HEADERS["创建单位"]),
        ["机关党支部", "样板支部", "省级", "已验收", "2024-01-01", "2025-06-01"],
        ["甲学院党总支/教工第一党支部", "样板支部", "省级", "未通过"],
        ["乙学院党委", "标杆院系", "省级", "已验收"],
        ["甲学院党总支", "示范高校", "校级", "培育"],
    ],
    "任务": [
        list(HEADERS["任务"]),
        ["任务一", "组织部", None, "2026-01-14", "进行中"],
        ["任务二", "组织部", None, "2026-01-15", "未开始"],
        ["任务三", None, None, "2025-01-01", "已完成"],
        ["任务四"],
    ],
}


def figures(codes: str, **given: int) -> dict[str, int]:
    return {code: given.get(code, 0) for code in codes.split()}


TYPES = "theme_day general_meeting committee_meeting group_meeting party_lecture life_meeting "
TYPES += "member_review other"
CATEGORY_CODES = "volunteer practice innovation deliberation co_building study other"
DIMENSION_CODES = "curriculum research practice culture network psychology management service "
DIMENSION_CODES += "aid organization"
HAND_WORKED_WHOLE = {
    "year": 2025,
    "scope": "大学党委",
    "as_of": "2026-01-15",
    "organizations": {
        "colleges": 2,
        "branches": 4,
        "branches_by_type": figures(
            "teacher student mixed admin retired other", teacher=2, admin=1
        ),
        "members_full": 18,
        "members_probationary": 2,
        "activists": 4,
        "double_leader_ratio": 0.5,
    },
    "activities": {
        "total": 7,
        "by_type": figures(TYPES, theme_day=5, general_meeting=1, party_lecture=1),
        "theme_day_by_category": figures(CATEGORY_CODES, volunteer=1, practice=1, study=1),
        "by_dimension": figures(
            DIMENSION_CODES, curriculum=1, practice=1, service=1, organization=1
        ),
        "attendance_rate": 0.7,  # (8 + 0 + 20) / (10 + 10 + 20)
        "featured": 1,
    },
    "compliance": {
        "theme_day_rate": 0.0968,  # 3 covered of 12 + 7 + 12 due
        "branches_missing": [
            {"branch": "乙学院党委/教工第一党支部", "missing_months": [7, 8, 9, 10, 11, 12]},
            {"branch": "机关党支部", "missing_months": list(range(1, 13))},
            {"branch": "甲学院党总支/教工第一党支部", "missing_months": list(range(2, 12))},
        ],
    },
    "ratings": {"rated": 3, "by_stars": figures("1 2 3 4 5", **{"3": 1, "4": 1, "5": 1})},
    "creation": [
        {"level": "school", "grade": "school", "target": 0, "achieved": 0},
        {"level": "college", "grade": "national", "target": 0, "achieved": 0},
        {"level": "college", "grade": "provincial", "target": 0, "achieved": 1},
        {"level": "branch", "grade": "provincial", "target": 3, "achieved": 1},
    ],
    "tasks": {"total": 4, "done": 1, "overdue": 1},
    "terms": {
        "expired": ["大学党委"],
        "expiring_soon": ["乙学院党委", "乙学院党委/教工第一党支部", "甲学院党总支"],
    },
}
HAND_WORKED_WHOLE["ratings"]["four_plus_ratio"] = 0.6667
HAND_WORKED_COLLEGE = {
    **HAND_WORKED_WHOLE,
    "scope": "甲学院党总支",
    "organizations": {
        "colleges": 1,
        "branches": 1,
        "branches_by_type": figures("teacher student mixed admin retired other", teacher=1),
        "members_full": 10,
        "members_probationary": 2,
        "activists": 3,
        "double_leader_ratio": 1.0,
    },
    "activities": {
        **HAND_WORKED_WHOLE["activities"],
        "total": 4,
        "by_type": figures(TYPES, theme_day=3, general_meeting=1),
        "theme_day_by_category": figures(CATEGORY_CODES, volunteer=1, study=1),
    },
    "compliance": {
        "theme_day_rate": 0.1667,
        "branches_missing": [
            {"branch": "甲学院党总支/教工第一党支部", "missing_months": list(range(2, 12))}
        ],
    },
    "ratings": {"rated": 1, "by_stars": figures("1 2 3 4 5", **{"4": 1}), "four_plus_ratio": 1.0},
    # targets are the whole ledger's; the candidate of 乙学院党委 is outside the scope
    "creation": [
        {"level": "school", "grade": "school", "target": 0, "achieved": 0},
        {"level": "college", "grade": "national", "target": 0, "achieved": 0},
        {"level": "branch", "grade": "provincial", "target": 3, "achieved": 0},
    ],
    "terms": {"expired": [], "expiring_soon": ["甲学院党总支"]},
}


@pytest.mark.parametrize(
    ("scope", "expected"), [(None, HAND_WORKED_WHOLE), ("甲学院党总支", HAND_WORKED_COLLEGE)]
)
def test_a_hand_worked_workbook(
    scope: str | None,
    expected: dict[str, Any],
    make_workbook: WorkbookFactory,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every figure worked out by hand: the reference and the product both give it."""
    book = make_workbook(HAND_WORKED)
    assert reference_stats(book, YEAR, scope, AS_OF) == expected
    db = tmp_path / "x.sqlite"
    run(capsys, "--db", str(db), "import", str(book))
    assert product_stats(capsys, db, (YEAR, scope, AS_OF)) == expected


def test_the_reference_agrees_with_the_acceptance_example(make_workbook: WorkbookFactory) -> None:
    """The reference gives the figures the acceptance test worked out by hand."""
    from test_acceptance import EXPECTED, GOOD

    assert reference_stats(make_workbook(GOOD), YEAR, None, AS_OF) == EXPECTED


def ties_workbook() -> dict[str, list[list[Any]]]:
    """32 teacher branches: 5 with a 双带头人 secretary, 5 rated four stars (the others 3),
    5 with a theme day in January, one lesson with 5 of 32 attending: every ratio is
    5/32 = 0.15625 exactly."""
    names = [f"教工第{n}党支部" for n in range(1, 33)]
    return {
        "组织": [
            ["名称", "上级组织", "层级", "支部类型", "双带头人"],
            ["大学党委", None, "党委"],
            *(
                [name, "大学党委", "党支部", "教师", "是" if n < 5 else "否"]
                for n, name in enumerate(names)
            ),
        ],
        "活动": [
            ["组织", "类型", "日期", "主题", "应到人数", "实到人数"],
            *([name, "主题党日", "2025-01-10", "学习"] for name in names[:5]),
            [names[0], "党课", "2025-01-20", "党课", 32, 5],
        ],
        "星级评定": [
            ["组织", "年度", "星级"],
            *([n, 2025, 4 if i < 5 else 3] for i, n in enumerate(names)),
        ],
    }


def test_ratios_are_rounded_as_python_rounds(
    make_workbook: WorkbookFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON is written by Python and "rounded to 4 places" is ``round(part / whole, 4)``:
    5/32 = 0.15625 is a tie, which Python rounds to the even digit, 0.1562 (rounding half up,
    四舍五入, would give 0.1563)."""
    book = make_workbook(ties_workbook())
    as_of = date(2025, 1, 31)  # every branch owes January only: 5 of 32 months covered
    spec = reference_stats(book, YEAR, None, as_of)
    ratios = (
        spec["organizations"]["double_leader_ratio"],
        spec["activities"]["attendance_rate"],
        spec["compliance"]["theme_day_rate"],
        spec["ratings"]["four_plus_ratio"],
    )
    assert ratios == (0.1562,) * 4
    db = tmp_path / "x.sqlite"
    run(capsys, "--db", str(db), "import", str(book))
    assert product_stats(capsys, db, (YEAR, None, as_of)) == spec


def test_a_repeated_task_title_is_one_task_with_the_later_values(
    make_workbook: WorkbookFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A task's title is its identity: the second row of a title is merged into the first,
    its values kept (进行中, due 2025-06-30: not done, overdue on the as-of date)."""
    book = make_workbook(
        {
            "组织": [["名称", "层级"], ["大学党委", "党委"]],
            "任务": [
                ["任务", "牵头部门", "截止日期", "状态"],
                ["制定实施方案", "党委组织部", "2025-03-01", "已完成"],
                ["制定实施方案", "各院系党组织", "2025-06-30", "进行中"],
            ],
        }
    )
    expected = {"total": 1, "done": 0, "overdue": 1}
    assert reference_stats(book, YEAR, None, AS_OF)["tasks"] == expected
    db = tmp_path / "x.sqlite"
    run(capsys, "--db", str(db), "import", str(book))
    assert product_stats(capsys, db, (YEAR, None, AS_OF))["tasks"] == expected


def test_repeated_activity_rows_are_counted_each(
    make_workbook: WorkbookFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two identical rows of 活动 are two activities, in every figure that counts them."""
    row = ["大学党委/机关党支部", "主题党日", "2025-03-10", "学习", "理论学习", 10, 8, "课程", "是"]
    header = ["组织", "类型", "日期", "主题", "主题党日+类别", "应到人数", "实到人数"]
    orgs = [["名称", "层级", "支部类型"], ["大学党委", "党委"], ["机关党支部", "党支部", "机关"]]
    book = make_workbook(
        {
            "组织": orgs,
            "活动": [[*header, "育人维度", "特色案例"], row, row, [*row[:5], 10, 4, None, "否"]],
        }
    )
    activities = reference_stats(book, YEAR, None, AS_OF)["activities"]
    assert (activities["total"], activities["featured"]) == (3, 2)
    assert activities["theme_day_by_category"]["study"] == 3
    assert activities["by_dimension"]["curriculum"] == 2
    assert activities["attendance_rate"] == 0.6667  # (8 + 8 + 4) / (10 + 10 + 10)
    db = tmp_path / "x.sqlite"
    run(capsys, "--db", str(db), "import", str(book))
    assert product_stats(capsys, db, (YEAR, None, AS_OF))["activities"] == activities
