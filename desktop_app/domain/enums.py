"""The enumerations of the domain: stable codes, English labels and the workbook's Chinese names.

Codes are what the ledger stores and what ``stats --json`` prints. ``label`` is the English
source string (shown through ``_()``); ``contract`` is the Chinese name the spreadsheet
contract uses, whatever the interface language; ``aliases`` are further spellings accepted
on import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from desktop_app.i18n import N_, _, available_languages, translations_for


@dataclass(frozen=True)
class Choice:
    code: str
    label: str
    contract: str
    aliases: tuple[str, ...] = ()


def _key(text: str) -> str:
    return "".join(text.split()).casefold()


class Enumeration:
    """An ordered set of choices, looked up by code or by any accepted spelling."""

    def __init__(self, name: str, choices: list[Choice]) -> None:
        self.name = name
        self.choices = tuple(choices)
        self.codes = tuple(c.code for c in choices)
        self._by_code = {c.code: c for c in choices}
        self._lookup: dict[str, str] = {}
        self._translated: dict[str, str] | None = None
        for c in choices:
            for spelling in (c.code, c.label, c.contract, *c.aliases):
                self._lookup.setdefault(_key(spelling), c.code)

    def __iter__(self) -> Iterator[Choice]:
        return iter(self.choices)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def parse(self, text: str) -> str | None:
        """The code for ``text`` (a code, the Chinese name, an alias, an English label, or the
        label in any interface language), else None (also for None itself)."""
        if text is None:
            return None
        key = _key(str(text))
        code = self._lookup.get(key)
        if code is None:
            code = self._labels_in_every_language().get(key)
        return code

    def _labels_in_every_language(self) -> dict[str, str]:
        """The labels as every catalog translates them (主題黨日, 志願服務 …), read once: a
        value is accepted in any of the interface languages."""
        if self._translated is None:
            self._translated = {}
            for language in available_languages():
                catalog = translations_for(language)
                for c in self.choices:
                    self._translated.setdefault(_key(catalog.gettext(c.label)), c.code)
        return self._translated

    def label(self, code: str) -> str:
        """The label of ``code`` in the interface language."""
        return _(self._by_code[code].label)

    def contract(self, code: str) -> str:
        """The Chinese name of ``code`` that the workbook contract uses."""
        return self._by_code[code].contract

    def contract_names(self) -> list[str]:
        return [c.contract for c in self.choices]


ORG_LEVELS = Enumeration(
    "level",
    [
        Choice("committee", N_("Party committee"), "党委", ("学校党委",)),
        Choice(
            "college",
            N_("College party organization"),
            "院系党组织",
            ("党总支", "二级党委", "院系党委", "二级学院党委", "二级学院党总支"),
        ),
        Choice("branch", N_("Party branch"), "党支部", ("支部",)),
    ],
)

BRANCH_TYPES = Enumeration(
    "branch_type",
    [
        Choice("teacher", N_("Teachers"), "教师", ("教工",)),
        Choice("student", N_("Students"), "学生"),
        Choice("mixed", N_("Teachers and students"), "师生联合", ("师生",)),
        Choice("admin", N_("Administration"), "机关"),
        Choice("retired", N_("Retired staff"), "离退休", ("退休",)),
        Choice("other", N_("Other"), "其他"),
    ],
)

ACTIVITY_TYPES = Enumeration(
    "activity_type",
    [
        Choice("theme_day", N_("Theme party day"), "主题党日"),
        Choice("general_meeting", N_("Branch general meeting"), "支部党员大会", ("党员大会",)),
        Choice("committee_meeting", N_("Branch committee meeting"), "支委会", ("支部委员会",)),
        Choice("group_meeting", N_("Party group meeting"), "党小组会"),
        Choice("party_lecture", N_("Party lecture"), "党课"),
        Choice("life_meeting", N_("Organizational life meeting"), "组织生活会"),
        Choice("member_review", N_("Democratic review of members"), "民主评议党员"),
        Choice("other", N_("Other"), "其他"),
    ],
)

THEME_CATEGORIES = Enumeration(
    "category",
    [
        Choice("volunteer", N_("Volunteer service"), "志愿服务"),
        Choice("practice", N_("Social practice"), "社会实践"),
        Choice("innovation", N_("Entrepreneurship and innovation"), "创业创新", ("创新创业",)),
        Choice("deliberation", N_("Teacher-student deliberation"), "师生议事"),
        Choice("co_building", N_("School-community co-building"), "校地共建"),
        Choice("study", N_("Theory study"), "理论学习"),
        Choice("other", N_("Other"), "其他"),
    ],
)

DIMENSIONS = Enumeration(
    "dimension",
    [
        Choice("curriculum", N_("Curriculum"), "课程", ("课程育人",)),
        Choice("research", N_("Research"), "科研", ("科研育人",)),
        Choice("practice", N_("Practice"), "实践", ("实践育人",)),
        Choice("culture", N_("Culture"), "文化", ("文化育人",)),
        Choice("network", N_("Online"), "网络", ("网络育人",)),
        Choice("psychology", N_("Mental health"), "心理", ("心理育人",)),
        Choice("management", N_("Management"), "管理", ("管理育人",)),
        Choice("service", N_("Service"), "服务", ("服务育人",)),
        Choice("aid", N_("Financial aid"), "资助", ("资助育人",)),
        Choice("organization", N_("Organization"), "组织", ("组织育人",)),
    ],
)

CREATION_LEVELS = Enumeration(
    "creation_level",
    [
        Choice("school", N_("Model university"), "示范高校", ("党建工作示范高校",)),
        Choice("college", N_("Benchmark college"), "标杆院系", ("党建工作标杆院系",)),
        Choice("branch", N_("Model branch"), "样板支部", ("党建工作样板支部",)),
    ],
)

GRADES = Enumeration(
    "grade",
    [
        Choice("national", N_("National"), "全国", ("国家级",)),
        Choice("provincial", N_("Provincial"), "省级", ("省",)),
        Choice("school", N_("University"), "校级", ("校",)),
    ],
)

CANDIDATE_STATUSES = Enumeration(
    "candidate_status",
    [
        Choice("cultivating", N_("Cultivating"), "培育", ("培育中",)),
        Choice("applied", N_("Applied"), "已申报", ("申报",)),
        Choice("approved", N_("Approved"), "已立项", ("立项",)),
        Choice("accepted", N_("Accepted"), "已验收", ("验收", "通过验收")),
        Choice("rejected", N_("Rejected"), "未通过", ("不通过",)),
    ],
)

TASK_STATUSES = Enumeration(
    "task_status",
    [
        Choice("todo", N_("Not started"), "未开始"),
        Choice("doing", N_("In progress"), "进行中"),
        Choice("done", N_("Done"), "已完成", ("完成",)),
    ],
)

BRAND_KINDS = Enumeration(
    "brand_kind",
    [
        Choice("college_brand", N_("One college, one brand"), "一总支一品牌", ("品牌",)),
        Choice("branch_feature", N_("One branch, one feature"), "一支部一特色", ("特色",)),
        Choice("innovation", N_("Innovation project"), "党建创新项目", ("创新项目",)),
    ],
)

FREQUENCIES = Enumeration(
    "frequency",
    [
        Choice("monthly", N_("Monthly"), "每月"),
        Choice("quarterly", N_("Quarterly"), "每季度"),
        Choice("yearly", N_("Yearly"), "每年"),
        Choice("none", N_("Not required"), "不要求"),
    ],
)

YES_NO: dict[str, bool] = {
    _key(s): v
    for v, spellings in (
        (True, ("是", "yes", "y", "true", "1", "√", "✓", "有")),
        (False, ("否", "no", "n", "false", "0", "×", "无", "")),
    )
    for s in spellings
}


def parse_yes_no(text: object) -> bool | None:
    """True for 是/yes/1, False for 否/no/0/blank, None for anything else."""
    if text is None:
        return False
    if isinstance(text, bool):
        return text
    if isinstance(text, (int, float)) and text in (0, 1):
        return bool(text)
    return YES_NO.get(_key(str(text)))
