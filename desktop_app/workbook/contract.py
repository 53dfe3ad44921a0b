"""The spreadsheet contract: which sheets the workbook has, their columns and what each holds.

The importer, the exporter and the template all follow these definitions. Sheet and header
names are the Chinese names of DOMAIN.md ("Spreadsheet import contract"); they are data, not
interface text, and are never translated. Columns marked ``extension`` are the ones this
product adds so that an export can be imported again without losing anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    GRADES,
    ORG_LEVELS,
    TASK_STATUSES,
    THEME_CATEGORIES,
    Choice,
    Enumeration,
)
from desktop_app.i18n import N_

HELP_SHEET = "说明"

# The state of an organization (the 状态 column of 组织); stored as ``active`` 1 or 0.
ORG_STATES = Enumeration(
    "org_state",
    [
        Choice("active", N_("Active"), "正常", ("在用", "有效", "现有")),
        Choice("dissolved", N_("Dissolved"), "已撤销", ("撤销", "已撤消", "撤消")),
    ],
)

YES_NO_NAMES = ("是", "否")

# Kinds of cell (see ``cells.py``):
#   text    free text; blank is None
#   ref     an organization: a name or a path
#   enum    one choice of ``enum``; blank is None
#   lateenum  the text of a choice of ``enum``, checked by the sheet's planner (it applies to
#           some rows only: 支部类型 to branches, 主题党日+类别 to theme days)
#   date    a date; stored as ISO text
#   count   a whole number >= 0; blank is 0
#   optcount  a whole number >= 0; blank is None (unknown)
#   term    a whole number >= 1 of years; blank is 3
#   yesno   是/否; blank is 否
#   year    a year; blank is None
#   stars   a star rating 1-5
#   dims    several 育人维度
#   state   正常/已撤销; blank is 正常
#   period  free text; blank is ""


@dataclass(frozen=True)
class Column:
    header: str
    field: str
    kind: str = "text"
    required: bool = False
    enum: Enumeration | None = None
    aliases: tuple[str, ...] = ()
    extension: bool = False
    width: int = 14
    choices: tuple[str, ...] = ()

    def dropdown(self) -> tuple[str, ...]:
        """The values offered in the template's drop-down list (empty: no list)."""
        if self.choices:
            return self.choices
        if self.kind == "yesno":
            return YES_NO_NAMES
        if self.enum is not None:
            return tuple(self.enum.contract_names())
        return ()


@dataclass(frozen=True)
class SheetSpec:
    name: str
    table: str
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        for column in self.columns:
            if column.field == field:
                return column
        raise KeyError(field)


def _org(required: bool = True) -> Column:
    return Column("组织", "org", "ref", required, aliases=("组织名称", "党组织", "单位"), width=34)


ORGANIZATIONS = SheetSpec(
    "组织",
    "organizations",
    (
        Column("名称", "name", required=True, aliases=("组织名称",), width=26),
        Column("上级组织", "parent", "ref", aliases=("上级",), width=28),
        Column(
            "层级",
            "level",
            "enum",
            required=True,
            enum=ORG_LEVELS,
            width=14,
            choices=("党委", "院系党组织", "党总支", "二级党委", "党支部"),
        ),
        Column("支部类型", "branch_type", "lateenum", enum=BRANCH_TYPES, width=12),
        Column("书记", "secretary", width=12),
        Column("双带头人", "double_leader", "yesno", width=10),
        Column("成立日期", "founded_on", "date", width=13),
        Column("换届日期", "elected_on", "date", aliases=("上次换届日期",), width=13),
        Column("任期(年)", "term_years", "term", aliases=("任期",), width=10),
        Column("正式党员", "members_full", "count", aliases=("正式党员数",), width=10),
        Column("预备党员", "members_probationary", "count", aliases=("预备党员数",), width=10),
        Column("入党积极分子", "activists", "count", aliases=("积极分子",), width=12),
        Column("设党小组", "has_party_groups", "yesno", extension=True, width=10),
        Column("状态", "active", "state", enum=ORG_STATES, extension=True, width=10),
        Column("撤销日期", "dissolved_on", "date", extension=True, width=13),
    ),
)

ACTIVITIES = SheetSpec(
    "活动",
    "activities",
    (
        _org(),
        Column("类型", "type", "enum", True, ACTIVITY_TYPES, ("活动类型",), width=14),
        Column("日期", "date", "date", True, aliases=("活动日期",), width=13),
        Column("主题", "theme", required=True, aliases=("活动主题", "标题"), width=30),
        Column("主题党日+类别", "category", "lateenum", enum=THEME_CATEGORIES, aliases=("类别",)),
        Column("地点", "place", width=16),
        Column("应到人数", "expected", "optcount", aliases=("应到",), width=10),
        Column("实到人数", "actual", "optcount", aliases=("实到",), width=10),
        Column("育人维度", "dimensions", "dims", aliases=("十大育人",), width=18),
        Column("特色案例", "featured", "yesno", width=10),
        Column("内容摘要", "summary", aliases=("摘要", "内容"), width=40),
        Column("主持人", "host", extension=True, width=12),
    ),
)

RATINGS = SheetSpec(
    "星级评定",
    "ratings",
    (
        _org(),
        Column("年度", "year", "year", True, aliases=("年份",), width=10),
        Column("星级", "stars", "stars", True, width=10, choices=("1", "2", "3", "4", "5")),
    ),
)

TARGETS = SheetSpec(
    "创建目标",
    "creation_targets",
    (
        Column("层级", "level", "enum", True, CREATION_LEVELS, width=14),
        Column("级别", "grade", "enum", True, GRADES, width=10),
        Column("目标数", "target", "count", True, aliases=("目标",), width=10),
        Column("规划期", "period", "period", width=14),
    ),
)

CANDIDATES = SheetSpec(
    "创建单位",
    "creation_candidates",
    (
        _org(),
        Column("层级", "level", "enum", True, CREATION_LEVELS, width=14),
        Column("级别", "grade", "enum", True, GRADES, width=10),
        Column("状态", "status", "enum", True, CANDIDATE_STATUSES, width=10),
        Column("立项日期", "approved_on", "date", width=13),
        Column("验收日期", "accepted_on", "date", width=13),
        Column("培育日期", "cultivated_on", "date", extension=True, width=13),
        Column("申报日期", "applied_on", "date", extension=True, width=13),
        Column("未通过日期", "rejected_on", "date", extension=True, width=13),
        Column("备注", "note", extension=True, width=30),
    ),
)

TASKS = SheetSpec(
    "任务",
    "tasks",
    (
        Column("任务", "title", required=True, aliases=("任务名称", "任务内容"), width=50),
        Column("牵头部门", "lead_department", width=16),
        Column("配合部门", "cooperating_departments", width=24),
        Column("截止日期", "deadline", "date", aliases=("完成时限",), width=13),
        Column("状态", "status", "enum", enum=TASK_STATUSES, width=10),
        Column("所属部分", "section", extension=True, width=30),
    ),
)

BRANDS = SheetSpec(
    "品牌项目",
    "brands",
    (
        _org(),
        Column("名称", "name", required=True, aliases=("项目名称", "品牌名称"), width=30),
        Column("类别", "kind", "enum", True, BRAND_KINDS, width=16),
        Column("立项年度", "year_approved", "year", width=10),
        Column("级别", "grade", "enum", enum=GRADES, width=10),
        Column("状态", "status", "enum", enum=CANDIDATE_STATUSES, width=10),
    ),
)

SHEETS: tuple[SheetSpec, ...] = (
    ORGANIZATIONS,
    ACTIVITIES,
    RATINGS,
    TARGETS,
    CANDIDATES,
    TASKS,
    BRANDS,
)

_TRAILING_MARK = re.compile(r"[*＊]+$")
_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "＋": "+"})


def header_key(text: object) -> str:
    """A header as it is compared: without spaces and a trailing ``*``/``＊``, full-width
    brackets and plus made half-width."""
    key = "".join(str(text or "").split()).translate(_FULL_WIDTH)
    return _TRAILING_MARK.sub("", key).casefold()


def sheet_key(text: object) -> str:
    return "".join(str(text or "").split())


SHEETS_BY_NAME: dict[str, SheetSpec] = {sheet_key(s.name): s for s in SHEETS}


def column_lookup(spec: SheetSpec) -> dict[str, Column]:
    """Every accepted spelling of a header of ``spec`` → its column."""
    lookup: dict[str, Column] = {}
    for column in spec.columns:
        for spelling in (column.header, *column.aliases):
            lookup.setdefault(header_key(spelling), column)
    return lookup
