"""An independent reading of the annual statistics contract (DOMAIN.md, "Annual statistics
contract"), computed straight from a workbook of the spreadsheet contract.

It shares nothing with the application: it reads the workbook with openpyxl, maps the Chinese
names of the contract to their codes from its own tables (written from DOMAIN.md), and follows
the definitions literally. It assumes the workbook is valid (it is a test oracle, not an
importer): a reference it cannot resolve to exactly one organization raises ``ValueError``.

Readings chosen where DOMAIN.md is silent or ambiguous (some are marked ``Reading:`` again
where they apply):

* an organization is named by its name (when no other has it), by its path, or, when it sits
  directly under the 党委, by ``上级组织/名称`` (the root's name, ``/``, its name);

* member counts sum over ALL active organizations in S, whatever their level;
* a branch with a blank 支部类型 counts in ``branches`` but under no type;
* a theme day with a blank category counts under no category; a category given to an activity
  that is not a theme day counts nowhere;
* ``by_dimension`` counts activities: a dimension written twice in one cell counts once;
* ``attendance_rate`` counts a blank 实到人数 as 0 when 应到人数 > 0;
* a ratio is Python's ``round(part / whole, 4)``, as the JSON is written by Python (5/32 =
  0.15625 gives 0.1562); 0 when the denominator is 0;
* repeated rows: each row of 活动 is an activity, identical rows included; in 星级评定
  (organization + year), 创建目标 (level + grade + 规划期), 创建单位 (organization + level +
  grade) and 任务 (title) the rows of one identity are one record, the last row's. 组织 is
  assumed to have one row per organization;
* targets are not tied to organizations nor to the year: targets of the same (level, grade)
  are summed over every plan period; a target of 0 still makes a row;
* a ``creation`` row exists for a (level, grade) with a target, or with a candidate (of any
  status) in S; rows are ordered by level (school, college, branch), then grade (national,
  provincial, school);
* ratings, activities and candidates of dissolved organizations in S count; the organization
  counts, the theme-day compliance and the terms cover active organizations only;
* a branch owes the months of Y from its founding month (a branch without a founding date owes
  from January) up to and including the month of D; a theme day held before the branch's
  founding month covers nothing, and a theme day later in the month of D (after D itself)
  covers its month;
* tasks have no organization: ``tasks`` covers every task whatever S is; a blank 状态 is not
  done; a task without a deadline is never overdue;
* a blank 任期(年) is 3 years; an election on 29 February ends its term on 28 February of the
  end year (the civil-law rule for a period with no corresponding day);
* a blank 上级组织 of a college or branch means directly under the 党委;
* the root's path is its own name; ``terms`` and ``branches_missing`` lists are sorted by
  Python's default string order of the path;
* the organization state column 状态 (正常/已撤销) is the product's extension; when present
  it is honoured, when absent every organization is active.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

# ---- the contract's names → codes (DOMAIN.md) -----------------------------------------------


def _table(names: str, codes: str) -> dict[str, str]:
    """The contract's Chinese names → the codes of the JSON, in the order of DOMAIN.md."""
    return dict(zip(names.split(), codes.split(), strict=True))


ORG_LEVELS = _table(
    "党委 院系党组织 党总支 二级党委 党支部", "committee college college college branch"
)
BRANCH_TYPES = _table(
    "教师 学生 师生联合 机关 离退休 其他", "teacher student mixed admin retired other"
)
ACTIVITY_TYPES = _table(
    "主题党日 支部党员大会 支委会 党小组会 党课 组织生活会 民主评议党员 其他",
    "theme_day general_meeting committee_meeting group_meeting party_lecture life_meeting "
    "member_review other",
)
CATEGORIES = _table(
    "志愿服务 社会实践 创业创新 师生议事 校地共建 理论学习 其他",
    "volunteer practice innovation deliberation co_building study other",
)
DIMENSIONS = _table(
    "课程 科研 实践 文化 网络 心理 管理 服务 资助 组织",
    "curriculum research practice culture network psychology management service aid organization",
)
CREATION_LEVELS = _table("示范高校 标杆院系 样板支部", "school college branch")
GRADES = _table("全国 省级 校级", "national provincial school")
CANDIDATE_STATUSES = _table(
    "培育 已申报 已立项 已验收 未通过", "cultivating applied approved accepted rejected"
)
TASK_STATUSES = _table("未开始 进行中 已完成", "todo doing done")
ORG_STATES = {"正常": True, "已撤销": False}  # the product's extension column 状态

DEFAULT_TERM_YEARS = 3
EXPIRING_DAYS = 180
RATIO_PLACES = 4
_DIMENSION_SEPARATORS = re.compile(r"[、,，]")
_DATE_FORMATS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)


# ---- reading cells ---------------------------------------------------------------------------


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: object) -> date | None:
    """An Excel date cell, or text in one of the contract's three formats."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in _DATE_FORMATS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return date(year, month, day)
    raise ValueError(f"not a contract date: {value!r}")


def _int(value: object, blank: int | None) -> int | None:
    if _blank(value):
        return blank
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | float):
        if float(value) != int(value):
            raise ValueError(f"not a whole number: {value!r}")
        return int(value)
    return int(str(value).strip())


def _yes(value: object) -> bool:
    """是 is yes; 否 and blank are no."""
    text = _text(value)
    if text in (None, "否"):
        return False
    if text == "是":
        return True
    raise ValueError(f"neither 是 nor 否: {value!r}")


def _code(table: dict[str, str], value: object) -> str | None:
    text = _text(value)
    return None if text is None else table[text]


def _header(value: object) -> str:
    """A header as the contract names it: without spaces and the required mark ``*``."""
    return re.sub(r"[*＊]+$", "", "".join(str(value or "").split()))


def _sheets(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Every sheet's non-blank rows as dicts by header name."""
    book = load_workbook(path, data_only=True)
    sheets: dict[str, list[dict[str, Any]]] = {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        headers = [_header(h) for h in rows[0]]
        records = []
        for values in rows[1:]:
            record = {h: v for h, v in zip(headers, values, strict=False) if h}
            if any(not _blank(v) for v in record.values()):
                records.append(record)
        sheets[sheet.title.strip()] = records
    book.close()
    return sheets


# ---- the organization tree -------------------------------------------------------------------


@dataclass
class Org:
    name: str
    parent_ref: str | None
    level: str
    branch_type: str | None
    double_leader: bool
    founded: date | None
    elected: date | None
    term_years: int
    members_full: int
    members_probationary: int
    activists: int
    active: bool
    parent: Org | None = None
    children: list[Org] = field(default_factory=list)

    @property
    def path(self) -> str:
        # Reading: the root's path is its own name; below it, names from below the root down.
        if self.parent is None or self.parent.parent is None:
            return self.name
        return self.parent.path + "/" + self.name

    def subtree(self) -> list[Org]:
        found = [self]
        for child in self.children:
            found.extend(child.subtree())
        return found


class Tree:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        orgs = [_org(row) for row in rows]
        roots = [o for o in orgs if o.level == "committee"]
        if len(roots) != 1:
            raise ValueError(f"a tree needs exactly one 党委, found {len(roots)}")
        self.root = roots[0]
        self.orgs = orgs
        placed = [self.root]
        pending = [o for o in orgs if o is not self.root]
        while pending:
            waiting = []
            for org in pending:
                parent = self._parent(org, placed, pending)
                if parent is None:
                    waiting.append(org)
                else:
                    org.parent = parent
                    parent.children.append(org)
                    placed.append(org)
            if len(waiting) == len(pending):
                raise ValueError(f"cannot place {[o.name for o in waiting]}")
            pending = waiting

    def _parent(self, org: Org, placed: list[Org], pending: list[Org]) -> Org | None:
        ref = org.parent_ref
        # Reading: a blank 上级组织 means directly under the 党委.
        if ref is None or ref == self.root.name:
            return self.root
        if ref.startswith(self.root.name + "/"):
            ref = ref[len(self.root.name) + 1 :]
            found = [o for o in placed if o.parent is self.root and o.name == ref]
        elif "/" in ref:
            found = [o for o in placed if o.parent is not None and o.path == ref]
        else:
            if any(o.name == ref for o in pending if o is not org):
                return None  # wait until every organization of that name is placed
            found = [o for o in placed if o.name == ref]
        if len(found) > 1:
            raise ValueError(f"ambiguous parent {ref!r}")
        return found[0] if found else None

    def resolve(self, ref: object) -> Org:
        """The one organization a name, a path, or ``上级组织/名称`` names."""
        text = _text(ref)
        if text is None:
            raise ValueError("an empty organization reference")
        if text == self.root.name:
            return self.root
        prefix = self.root.name + "/"
        if text.startswith(prefix):  # 上级组织/名称 of an organization directly under the root
            text = text[len(prefix) :]
            found = [o for o in self.orgs if o.parent is self.root and o.name == text]
        elif "/" in text:
            found = [o for o in self.orgs if o.parent is not None and o.path == text]
        else:
            found = [o for o in self.orgs if o.name == text]
        if len(found) != 1:
            raise ValueError(f"{text!r} names {len(found)} organizations")
        return found[0]


def _org(row: dict[str, Any]) -> Org:
    level = _code(ORG_LEVELS, row.get("层级"))
    if level is None:
        raise ValueError(f"an organization without 层级: {row!r}")
    state = _text(row.get("状态"))
    return Org(
        name=str(_text(row.get("名称"))),
        parent_ref=_text(row.get("上级组织")),
        level=level,
        # Reading: 支部类型 of an organization that is not a branch means nothing.
        branch_type=_code(BRANCH_TYPES, row.get("支部类型")) if level == "branch" else None,
        double_leader=_yes(row.get("双带头人")),
        founded=_date(row.get("成立日期")),
        elected=_date(row.get("换届日期")),
        term_years=_int(row.get("任期(年)"), DEFAULT_TERM_YEARS) or DEFAULT_TERM_YEARS,
        members_full=_int(row.get("正式党员"), 0) or 0,
        members_probationary=_int(row.get("预备党员"), 0) or 0,
        activists=_int(row.get("入党积极分子"), 0) or 0,
        active=ORG_STATES[state] if state is not None else True,
    )


# ---- figures ---------------------------------------------------------------------------------


def ratio(part: int, whole: int) -> float:
    """``part / whole`` rounded to four places as Python rounds; 0 when ``whole`` is 0."""
    return round(part / whole, RATIO_PLACES) if whole else 0.0


def last_rows(rows: list[dict[str, Any]], identity: Callable[[dict[str, Any]], Any]) -> list[Any]:
    """One row per identity, the last one written (a sheet whose identity is unique)."""
    return list({identity(row): row for row in rows}.values())


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none: the last day of February
        return day.replace(year=day.year + years, day=28)


def owed_months(org: Org, year: int, as_of: date) -> list[int]:
    """The months of ``year`` a branch owes a theme day."""
    start = (org.founded.year, org.founded.month) if org.founded else (year, 1)
    return [m for m in range(1, 13) if start <= (year, m) <= (as_of.year, as_of.month)]


def reference_stats(
    workbook: str | Path, year: int, scope: str | None = None, as_of: date | None = None
) -> dict[str, Any]:
    """The statistics of ``year`` for ``scope`` (a name or a path, None for the whole
    ledger) as of ``as_of``, as DOMAIN.md defines them, from the workbook alone."""
    as_of = as_of or date.today()
    sheets = _sheets(Path(workbook))
    tree = Tree(sheets.get("组织", []))
    top = tree.resolve(scope) if scope else tree.root
    in_scope = top.subtree()
    ids = {id(o) for o in in_scope}
    active = [o for o in in_scope if o.active]
    return {
        "year": year,
        "scope": top.name,
        "as_of": as_of.isoformat(),
        "organizations": _organizations(active),
        "activities": _activities(sheets.get("活动", []), tree, ids, year),
        "compliance": _compliance(sheets.get("活动", []), tree, active, year, as_of),
        "ratings": _ratings(sheets.get("星级评定", []), tree, ids, year),
        "creation": _creation(sheets.get("创建目标", []), sheets.get("创建单位", []), tree, ids),
        "tasks": _tasks(sheets.get("任务", []), as_of),
        "terms": _terms(active, as_of),
    }


def _organizations(active: list[Org]) -> dict[str, Any]:
    branches = [o for o in active if o.level == "branch"]
    by_type = dict.fromkeys(BRANCH_TYPES.values(), 0)
    for branch in branches:
        if branch.branch_type is not None:
            by_type[branch.branch_type] += 1
    teachers = [b for b in branches if b.branch_type == "teacher"]
    return {
        "colleges": sum(1 for o in active if o.level == "college"),
        "branches": len(branches),
        "branches_by_type": by_type,
        "members_full": sum(o.members_full for o in active),
        "members_probationary": sum(o.members_probationary for o in active),
        "activists": sum(o.activists for o in active),
        "double_leader_ratio": ratio(sum(1 for b in teachers if b.double_leader), len(teachers)),
    }


@dataclass
class _Activity:
    org: Org
    kind: str
    day: date
    category: str | None
    expected: int | None
    actual: int | None
    dimensions: set[str]
    featured: bool


def _read_activities(rows: list[dict[str, Any]], tree: Tree) -> list[_Activity]:
    found = []
    for row in rows:
        kind = _code(ACTIVITY_TYPES, row.get("类型"))
        day = _date(row.get("日期"))
        assert kind is not None and day is not None
        parts = _DIMENSION_SEPARATORS.split(_text(row.get("育人维度")) or "")
        dims = {DIMENSIONS[part.strip()] for part in parts if part.strip()}
        found.append(
            _Activity(
                org=tree.resolve(row.get("组织")),
                kind=kind,
                day=day,
                category=_code(CATEGORIES, row.get("主题党日+类别")),
                expected=_int(row.get("应到人数"), None),
                actual=_int(row.get("实到人数"), None),
                dimensions=dims,
                featured=_yes(row.get("特色案例")),
            )
        )
    return found


def _activities(rows: list[dict[str, Any]], tree: Tree, ids: set[int], year: int) -> dict[str, Any]:
    chosen = [a for a in _read_activities(rows, tree) if id(a.org) in ids and a.day.year == year]
    by_type = dict.fromkeys(ACTIVITY_TYPES.values(), 0)
    by_category = dict.fromkeys(CATEGORIES.values(), 0)
    by_dimension = dict.fromkeys(DIMENSIONS.values(), 0)
    actual = expected = 0
    for act in chosen:
        by_type[act.kind] += 1
        if act.kind == "theme_day" and act.category is not None:
            by_category[act.category] += 1
        for dimension in act.dimensions:
            by_dimension[dimension] += 1
        if act.expected is not None and act.expected > 0:
            expected += act.expected
            actual += act.actual or 0
    return {
        "total": len(chosen),
        "by_type": by_type,
        "theme_day_by_category": by_category,
        "by_dimension": by_dimension,
        "attendance_rate": ratio(actual, expected),
        "featured": sum(1 for a in chosen if a.featured),
    }


def _compliance(
    rows: list[dict[str, Any]], tree: Tree, active: list[Org], year: int, as_of: date
) -> dict[str, Any]:
    theme_days = [a for a in _read_activities(rows, tree) if a.kind == "theme_day"]
    due = covered = 0
    missing = []
    for branch in (o for o in active if o.level == "branch"):
        held = {a.day.month for a in theme_days if a.org is branch and a.day.year == year}
        months = owed_months(branch, year, as_of)
        gaps = [m for m in months if m not in held]
        due += len(months)
        covered += len(months) - len(gaps)
        if gaps:
            missing.append({"branch": branch.path, "missing_months": gaps})
    missing.sort(key=lambda item: item["branch"])
    return {"theme_day_rate": ratio(covered, due), "branches_missing": missing}


def _ratings(rows: list[dict[str, Any]], tree: Tree, ids: set[int], year: int) -> dict[str, Any]:
    by_stars = {str(s): 0 for s in range(1, 6)}
    for row in last_rows(rows, lambda r: (_org_id(tree, r), _int(r.get("年度"), None))):
        if _int(row.get("年度"), None) != year or _org_id(tree, row) not in ids:
            continue
        by_stars[str(_int(row.get("星级"), None))] += 1
    rated = sum(by_stars.values())
    return {
        "rated": rated,
        "by_stars": by_stars,
        "four_plus_ratio": ratio(by_stars["4"] + by_stars["5"], rated),
    }


def _org_id(tree: Tree, row: dict[str, Any]) -> int:
    return id(tree.resolve(row.get("组织")))


def _level_grade(row: dict[str, Any]) -> tuple[str, str]:
    return str(_code(CREATION_LEVELS, row.get("层级"))), str(_code(GRADES, row.get("级别")))


def _creation(
    targets: list[dict[str, Any]], candidates: list[dict[str, Any]], tree: Tree, ids: set[int]
) -> list[dict[str, Any]]:
    goal: dict[tuple[str, str], int] = {}
    for row in last_rows(targets, lambda r: (*_level_grade(r), _text(r.get("规划期")))):
        key = _level_grade(row)
        goal[key] = goal.get(key, 0) + (_int(row.get("目标数"), 0) or 0)
    achieved: dict[tuple[str, str], int] = {}
    for row in last_rows(candidates, lambda r: (_org_id(tree, r), *_level_grade(r))):
        if _org_id(tree, row) not in ids:
            continue
        key = _level_grade(row)
        accepted = _code(CANDIDATE_STATUSES, row.get("状态")) == "accepted"
        achieved[key] = achieved.get(key, 0) + int(accepted)
    return [
        {
            "level": level,
            "grade": grade,
            "target": goal.get((level, grade), 0),
            "achieved": achieved.get((level, grade), 0),
        }
        for level in CREATION_LEVELS.values()
        for grade in GRADES.values()
        if (level, grade) in goal or (level, grade) in achieved
    ]


def _tasks(rows: list[dict[str, Any]], as_of: date) -> dict[str, int]:
    done = overdue = 0
    rows = last_rows(rows, lambda r: _text(r.get("任务")))
    for row in rows:
        finished = _code(TASK_STATUSES, row.get("状态")) == "done"
        deadline = _date(row.get("截止日期"))
        done += finished
        overdue += not finished and deadline is not None and deadline < as_of
    return {"total": len(rows), "done": done, "overdue": overdue}


def _terms(active: list[Org], as_of: date) -> dict[str, list[str]]:
    expired, expiring = [], []
    soon = as_of + timedelta(days=EXPIRING_DAYS)
    for org in active:
        if org.elected is None:
            continue
        end = add_years(org.elected, org.term_years)
        if end < as_of:
            expired.append(org.path)
        elif end <= soon:
            expiring.append(org.path)
    return {"expired": sorted(expired), "expiring_soon": sorted(expiring)}
