"""Workbooks of the spreadsheet contract made at random from a seed, for the statistics
reference test: they exercise the contract's edges (see ``test_stats_reference.py``) and are
always valid, so every row is imported.

The generator writes only what the contract allows; it knows nothing of the application.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

YEAR = 2025
AS_OF = date(2026, 1, 15)
# As-of dates inside the year: its first day, a first of the month, mid-year, the day whose
# 180th day after is 28 February 2026, and its last day.
INNER_AS_OFS = (
    date(2025, 1, 1),
    date(2025, 3, 1),
    date(2025, 6, 15),
    date(2025, 9, 1),
    date(2025, 12, 31),
)


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ROOTS = words("某某大学党委 示范大学党委 江城理工大学党委")
COLLEGES = words(
    "机电工程学院党总支 信息工程学院党委 马克思主义学院党总支 外国语学院党总支 经济管理学院党委"
)
COLLEGE_LEVELS = words("院系党组织 党总支 二级党委")
SHARED_BRANCHES = words(
    "教工第一党支部 教工第二党支部 学生第一党支部 学生第二党支部 研究生党支部 离退休党支部"
)
DIRECT_BRANCHES = words("机关第一党支部 机关第二党支部 后勤党支部 图书馆党支部")
BRANCH_TYPES = words("教师 学生 师生联合 机关 离退休 其他")
ACTIVITY_TYPES = words("支部党员大会 支委会 党小组会 党课 组织生活会 民主评议党员 其他")
CATEGORIES = words("志愿服务 社会实践 创业创新 师生议事 校地共建 理论学习 其他")
DIMENSIONS = words("课程 科研 实践 文化 网络 心理 管理 服务 资助 组织")
CREATION_LEVELS = words("示范高校 标杆院系 样板支部")
GRADES = words("全国 省级 校级")
CANDIDATE_STATUSES = words("培育 已申报 已立项 已验收 未通过")
TASK_STATUSES = words("未开始 进行中 已完成")
PERIODS = (None, "2021-2023", "2024-2026", "十四五")
HEADERS = {
    "组织": words(
        "名称 上级组织 层级 支部类型 书记 双带头人 成立日期 换届日期 任期(年) "
        "正式党员 预备党员 入党积极分子"
    ),
    "活动": words(
        "组织 类型 日期 主题 主题党日+类别 地点 应到人数 实到人数 育人维度 特色案例 内容摘要"
    ),
    "星级评定": words("组织 年度 星级"),
    "创建目标": words("层级 级别 目标数 规划期"),
    "创建单位": words("组织 层级 级别 状态 立项日期 验收日期"),
    "任务": words("任务 牵头部门 配合部门 截止日期 状态"),
}
REQUIRED = {
    "组织": {"名称", "层级"},
    "活动": {"组织", "类型", "日期", "主题"},
    "星级评定": {"组织", "年度", "星级"},
    "创建目标": {"层级", "级别", "目标数"},
    "创建单位": {"组织", "层级", "级别", "状态"},
    "任务": {"任务"},
}

Row = dict[str, Any]
Again = Callable[[int], Row]


# ---- the generator -------------------------------------------------------------------------


@dataclass
class GenOrg:
    name: str
    level: str  # committee, college or branch
    parent: GenOrg | None
    path: str
    refs: list[str] = field(default_factory=list)  # every way the workbook may name it

    def ref(self, rng: random.Random) -> str:
        return rng.choice(self.refs)


@dataclass
class Book:
    path: Path
    root: str
    colleges: list[str]
    branch_paths: list[str]  # branches in colleges, by path
    direct: list[str]  # 直属党支部
    inner_as_of: date
    sheets: dict[str, list[Row]] = field(default_factory=dict)


def written_date(rng: random.Random, day: date) -> Any:
    """``day`` as an Excel date or as text in one of the contract's three formats."""
    form = rng.randrange(7)
    if form == 0:
        return day
    if form == 1:
        return datetime(day.year, day.month, day.day)
    if form == 6:
        return datetime(day.year, day.month, day.day, 14, 30)  # a date and time of day
    if form == 2:
        return day.isoformat()
    if form == 3:
        return f"{day.year}/{day.month}/{day.day}"
    if form == 4:
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}/{day.month:02d}/{day.day:02d}"


def random_day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def month_day(rng: random.Random, year: int, month: int) -> date:
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, rng.choice((1, last, rng.randint(1, last))))


def founding(rng: random.Random, inner: date) -> date | None:
    choice = rng.randrange(9)
    if choice == 0:
        return None
    if choice == 1:
        return random_day(rng, rng.randint(2005, 2024))
    if choice == 2:
        return rng.choice((date(2024, 12, 31), date(2025, 1, 1), date(2025, 12, 31)))
    if choice in (3, 4):
        return random_day(rng, YEAR)
    if choice == 5:
        return month_day(rng, inner.year, inner.month)  # in the month of the inner as-of date
    if choice == 6:
        return month_day(rng, AS_OF.year, AS_OF.month)  # in the month of the as-of date
    if choice == 7:
        return date(2026, rng.randint(2, 12), 1)
    return date(2025, rng.randint(1, 12), 1)


def election(rng: random.Random, inner: date) -> tuple[date | None, int]:
    """An election date and term whose end falls on an edge of one of the as-of dates."""
    term = rng.choice((1, 2, 3, 3, 3, 4, 5))
    choice = rng.randrange(7)
    if choice == 0:
        return None, term
    if choice == 1:  # 29 February elections: the term ends on 28 February
        return rng.choice((date(2016, 2, 29), date(2020, 2, 29), date(2024, 2, 29))), term
    if choice == 2:
        return random_day(rng, rng.randint(2015, 2025)), term
    as_of = rng.choice((AS_OF, inner))
    end = as_of + timedelta(days=rng.choice((-1, 0, 1, 179, 180, 181)))
    try:
        elected = end.replace(year=end.year - term)
    except ValueError:
        elected = end.replace(year=end.year - term, day=28)
    return elected, term


def number(rng: random.Random, value: int) -> int | str:
    """A number, now and then typed as text."""
    return str(value) if rng.random() < 0.1 else value


def count_cell(rng: random.Random) -> Any:
    return rng.choice((None, 0, rng.randint(1, 40), number(rng, rng.randint(1, 9))))


def tree(rng: random.Random) -> list[GenOrg]:
    """The root, 2-4 colleges sharing branch names, and 0-2 直属党支部 (one sometimes named like
    a college's branch), each with the references that name it unambiguously."""
    root_name = rng.choice(ROOTS)
    root = GenOrg(root_name, "committee", None, root_name, [root_name])
    orgs: list[GenOrg] = [root]
    for name in rng.sample(COLLEGES, rng.randint(2, 4)):
        orgs.append(GenOrg(name, "college", root, name))
    for index, college in enumerate(orgs[1:]):
        names = rng.sample(SHARED_BRANCHES, rng.randint(0 if index > 1 else 1, 4))
        if index < 2 and SHARED_BRANCHES[0] not in names:
            names.append(SHARED_BRANCHES[0])  # the same branch name in two colleges
        orgs.extend(GenOrg(n, "branch", college, f"{college.name}/{n}") for n in names)
    direct = rng.sample(DIRECT_BRANCHES, rng.randint(0, 2))
    if rng.random() < 0.25:
        direct.append(rng.choice(SHARED_BRANCHES))  # a 直属党支部 named like a college's branch
    orgs.extend(GenOrg(name, "branch", root, name) for name in direct)
    uses = Counter(org.name for org in orgs)
    for org in orgs[1:]:
        if uses[org.name] == 1:
            org.refs.append(org.name)
        if org.parent is root:
            org.refs.append(f"{root_name}/{org.name}")  # 上级组织/名称
        else:
            org.refs.append(org.path)
    return orgs


def generate(seed: int, path: Path) -> Book:
    rng = random.Random(seed)
    inner = INNER_AS_OFS[seed % len(INNER_AS_OFS)]
    orgs = tree(rng)
    root = orgs[0]
    extension = seed % 3 == 2  # the product's 状态 column, to dissolve some organizations
    org_rows = [org_row(rng, org, inner, extension) for org in orgs]
    rows_of = {id(org): row for org, row in zip(orgs, org_rows, strict=True)}
    for org, row in zip(orgs, org_rows, strict=True):
        parent = rows_of.get(id(org.parent))
        if parent is not None and parent.get("状态") == "已撤销":
            row["状态"] = "已撤销"  # under a dissolved college: dissolved too
    if rng.random() < 0.5:
        rng.shuffle(org_rows)  # parents named before the rows that define them
    sheets: dict[str, list[Row]] = {"组织": org_rows}
    sheets["活动"] = activity_rows(rng, orgs)
    sheets["星级评定"] = rating_rows(rng, orgs)
    sheets["创建目标"] = target_rows(rng)
    sheets["创建单位"] = candidate_rows(rng, orgs)
    sheets["任务"] = task_rows(rng, inner)
    book = Book(
        path,
        root.name,
        [o.ref(rng) for o in orgs if o.level == "college"],
        [o.path for o in orgs if o.level == "branch" and o.parent is not root],
        [o.ref(rng) for o in orgs if o.level == "branch" and o.parent is root],
        inner,
        sheets,
    )
    write(rng, book)
    return book


def org_row(rng: random.Random, org: GenOrg, inner: date, extension: bool) -> Row:
    level = {"committee": "党委", "college": rng.choice(COLLEGE_LEVELS), "branch": "党支部"}
    parent = None
    if org.parent is not None and (org.parent.parent is not None or rng.random() < 0.7):
        parent = org.parent.ref(rng)  # a blank 上级组织 puts the row under the 党委
    elected, term = election(rng, inner)
    row: Row = {
        "名称": org.name,
        "上级组织": parent,
        "层级": level[org.level],
        "支部类型": rng.choice((*BRANCH_TYPES, None, None))
        if org.level == "branch" or rng.random() < 0.1
        else None,
        "书记": rng.choice(("王书记", "李明", None)),
        "双带头人": rng.choice(("是", "否", None)),
        "成立日期": None,
        "换届日期": written_date(rng, elected) if elected else None,
        "任期(年)": None if term == 3 and rng.random() < 0.5 else term,
        "正式党员": count_cell(rng),
        "预备党员": count_cell(rng),
        "入党积极分子": count_cell(rng),
    }
    founded = founding(rng, inner)
    if founded is not None:
        row["成立日期"] = written_date(rng, founded)
    if extension and org.level != "committee":
        row["状态"] = rng.choice(("正常", None, None, "已撤销"))
    return row


def repeat_some(rng: random.Random, rows: list[Row], chance: float, again: Again) -> None:
    """Now and then a row of a sheet whose identity is unique once more, later in the sheet:
    ``again(index)`` makes a row with the identity of ``rows[index]`` and other values."""
    for index in range(len(rows)):
        if rng.random() < chance:
            rows.insert(rng.randint(index + 1, len(rows)), again(index))


def rating_rows(rng: random.Random, orgs: list[GenOrg]) -> list[Row]:
    rated = [(org, year) for org in orgs for year in (2024, 2025, 2026) if rng.random() < 0.4]

    def rating(index: int) -> Row:
        org, year = rated[index]
        return {
            "组织": org.ref(rng),
            "年度": number(rng, year),
            "星级": number(rng, rng.randint(1, 5)),
        }

    rows = [rating(index) for index in range(len(rated))]
    # The same organization and year again, named perhaps another way: one rating, the last.
    for index in range(len(rated)):
        if rng.random() < 0.05:
            rows.append(rating(index))
    return rows


def activity_rows(rng: random.Random, orgs: list[GenOrg]) -> list[Row]:
    made: list[tuple[GenOrg, str, date, Row]] = []
    for org in orgs:
        if org.level == "branch":
            share = rng.choice((0.0, 0.3, 0.7, 0.9, 1.0))
            for month in range(1, 13):
                chance = share
                while rng.random() < chance:  # none, one or several in a month
                    day = month_day(rng, YEAR, month)
                    made.append((org, "主题党日", day, activity(rng, org, "主题党日", day)))
                    chance /= 4
        extra = rng.randint(0, 4) if org.level != "committee" else rng.randint(0, 2)
        for _ in range(extra):
            kind = rng.choice(("主题党日", *ACTIVITY_TYPES))
            day = rng.choice(
                (
                    date(2024, 12, 31),
                    date(2025, 1, 1),
                    date(2025, 12, 31),
                    date(2026, 1, 1),
                    random_day(rng, rng.choice((2024, 2025, 2025, 2026))),
                )
            )
            made.append((org, kind, day, activity(rng, org, kind, day)))
    for number, (*_, row) in enumerate(made, start=1):
        row["主题"] = f"{row['主题']}{number}"
    rows = [row for *_, row in made]
    # Now and then the same activity (organization, type, date and theme) once or twice more:
    # a copy of the row, or the row written another way with other figures. Each is an
    # activity of its own.
    for org, kind, day, row in made:
        if rng.random() < 0.04:
            for _ in range(rng.choice((1, 1, 1, 2))):
                if rng.random() < 0.6:
                    rows.append(dict(row))
                else:
                    rows.append({**activity(rng, org, kind, day), "主题": row["主题"]})
    rng.shuffle(rows)
    return rows


def activity(rng: random.Random, org: GenOrg, kind: str, day: date) -> Row:
    category = None
    if kind == "主题党日" and rng.random() < 0.75:
        category = rng.choice(CATEGORIES)
    elif kind != "主题党日" and rng.random() < 0.1:
        category = rng.choice(CATEGORIES)  # ignored for other types
    expected, actual = rng.choice(
        (
            (None, None),
            (0, None),
            (0, 0),
            (None, rng.randint(0, 9)),
            (rng.randint(1, 40), None),
            (40, rng.randint(0, 40)),
            (rng.randint(5, 30), 5),
        )
    )
    dims = rng.sample(DIMENSIONS, rng.choice((0, 0, 1, 2, 3)))
    if dims and rng.random() < 0.1:
        dims.append(dims[0])  # the same dimension twice
    return {
        "组织": org.ref(rng),
        "类型": kind,
        "日期": written_date(rng, day),
        "主题": "活动",
        "主题党日+类别": category,
        "地点": rng.choice((None, "会议室", "校史馆")),
        "应到人数": expected,
        "实到人数": actual,
        "育人维度": "".join(d + rng.choice(("、", ",", "，")) for d in dims)[:-1] or None,
        "特色案例": rng.choice(("是", "否", None, None)),
        "内容摘要": rng.choice((None, "学习讨论")),
    }


def target_rows(rng: random.Random) -> list[Row]:
    keys = [(lv, gr, pe) for lv in CREATION_LEVELS for gr in GRADES for pe in PERIODS]
    rows = [
        {"层级": lv, "级别": gr, "目标数": rng.randint(0, 5), "规划期": pe}
        for lv, gr, pe in rng.sample(keys, rng.randint(0, 7))
    ]
    repeat_some(rng, rows, 0.1, lambda index: {**rows[index], "目标数": rng.randint(0, 5)})
    return rows


def candidate_rows(rng: random.Random, orgs: list[GenOrg]) -> list[Row]:
    keys = [(o, lv, gr) for o in orgs for lv in CREATION_LEVELS for gr in GRADES]
    entered = rng.sample(keys, rng.randint(0, 10))

    def candidate(index: int) -> Row:
        org, level, grade = entered[index]
        status = rng.choice(CANDIDATE_STATUSES)
        approved = random_day(rng, 2024) if status in ("已立项", "已验收") else None
        accepted = random_day(rng, 2025) if status == "已验收" and rng.random() < 0.7 else None
        return {
            "组织": org.ref(rng),
            "层级": level,
            "级别": grade,
            "状态": status,
            "立项日期": written_date(rng, approved) if approved else None,
            "验收日期": written_date(rng, accepted) if accepted else None,
        }

    rows = [candidate(index) for index in range(len(entered))]
    # Not ``repeat_some``: a repeated row names its organization another way now and then.
    for index in range(len(entered)):
        if rng.random() < 0.1:
            rows.insert(rng.randint(index + 1, len(rows)), candidate(index))
    return rows


def task_rows(rng: random.Random, inner: date) -> list[Row]:
    rows = [
        task(rng, inner, f"任务{number + 1}：建设样板支部") for number in range(rng.randint(0, 8))
    ]
    # A title again, with other values: one task, the last row's.
    repeat_some(rng, rows, 0.1, lambda index: task(rng, inner, rows[index]["任务"]))
    return rows


def task(rng: random.Random, inner: date, title: str) -> Row:
    deadline = rng.choice(
        (
            None,
            AS_OF - timedelta(days=1),
            AS_OF,
            AS_OF + timedelta(days=1),
            inner - timedelta(days=1),
            inner,
            inner + timedelta(days=1),
            random_day(rng, rng.choice((2024, 2025, 2026))),
        )
    )
    return {
        "任务": title,
        "牵头部门": rng.choice(("党委组织部", None)),
        "配合部门": rng.choice(("宣传部、学工部", None)),
        "截止日期": written_date(rng, deadline) if deadline else None,
        "状态": rng.choice((*TASK_STATUSES, None)),
    }


# Columns never left out: the parent places a row. (Without 规划期, targets of one level and
# grade in several periods are rows of one target: the last row's.)
KEEP = ("上级组织",)


def required(sheet: str, header: str) -> bool:
    return header in REQUIRED[sheet]


def write(rng: random.Random, book: Book) -> None:
    """The workbook: sheets in any order, columns in any order, an optional column left out
    now and then, required headers marked with ``*`` in some workbooks, an unknown sheet and
    an unknown column (warnings only)."""
    out = Workbook()
    out.remove(out.active)
    star = rng.random() < 0.3
    titles = list(book.sheets)
    rng.shuffle(titles)
    for title in titles:
        rows = book.sheets[title]
        if not rows and rng.random() < 0.5:
            continue  # an absent sheet
        headers = list(HEADERS[title])
        if title == "组织" and any("状态" in r for r in rows):
            headers.append("状态")
        optional = [h for h in headers if not required(title, h) and h not in KEEP]
        if optional and rng.random() < 0.3:  # the reference reads what is written
            headers.remove(rng.choice(optional))
        if rng.random() < 0.3:
            rng.shuffle(headers)
        if rng.random() < 0.2:
            headers.append("备注")
        sheet = out.create_sheet(title)
        sheet.append([f"{h}*" if star and required(title, h) else h for h in headers])
        for row in rows:
            sheet.append([row.get(h) for h in headers])
    if rng.random() < 0.3:
        out.create_sheet("说明书").append(["这是说明"])
    out.save(book.path)


def form_of(value: Any) -> str:
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, date):
        return "date"
    if "年" in value:
        return "chinese"
    return "slash" if "/" in value else "iso"


def parse_written(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parts = value.replace("年", "/").replace("月", "/").replace("日", "").replace("-", "/")
    year, month, day = (int(p) for p in parts.split("/"))
    return date(year, month, day)
