"""The enumerations read every spelling the workbook contract and DOMAIN.md accept."""

from __future__ import annotations

import pytest

from desktop_app.domain import enums
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    DIMENSIONS,
    FREQUENCIES,
    GRADES,
    ORG_LEVELS,
    TASK_STATUSES,
    THEME_CATEGORIES,
    Enumeration,
    parse_yes_no,
)

ALL = [v for v in vars(enums).values() if isinstance(v, Enumeration)]

# The Chinese contract names of DOMAIN.md, in its order.
CONTRACT = {
    "level": ["党委", "院系党组织", "党支部"],
    "branch_type": ["教师", "学生", "师生联合", "机关", "离退休", "其他"],
    "activity_type": [
        "主题党日",
        "支部党员大会",
        "支委会",
        "党小组会",
        "党课",
        "组织生活会",
        "民主评议党员",
        "其他",
    ],
    "category": ["志愿服务", "社会实践", "创业创新", "师生议事", "校地共建", "理论学习", "其他"],
    "dimension": ["课程", "科研", "实践", "文化", "网络", "心理", "管理", "服务", "资助", "组织"],
    "creation_level": ["示范高校", "标杆院系", "样板支部"],
    "grade": ["全国", "省级", "校级"],
    "candidate_status": ["培育", "已申报", "已立项", "已验收", "未通过"],
    "task_status": ["未开始", "进行中", "已完成"],
}
CODES = {
    "level": ["committee", "college", "branch"],
    "branch_type": ["teacher", "student", "mixed", "admin", "retired", "other"],
    "activity_type": [
        "theme_day",
        "general_meeting",
        "committee_meeting",
        "group_meeting",
        "party_lecture",
        "life_meeting",
        "member_review",
        "other",
    ],
    "category": [
        "volunteer",
        "practice",
        "innovation",
        "deliberation",
        "co_building",
        "study",
        "other",
    ],
    "dimension": [
        "curriculum",
        "research",
        "practice",
        "culture",
        "network",
        "psychology",
        "management",
        "service",
        "aid",
        "organization",
    ],
    "creation_level": ["school", "college", "branch"],
    "grade": ["national", "provincial", "school"],
    "candidate_status": ["cultivating", "applied", "approved", "accepted", "rejected"],
    "task_status": ["todo", "doing", "done"],
}


@pytest.mark.parametrize("enum", [e for e in ALL if e.name in CONTRACT], ids=lambda e: e.name)
def test_codes_and_contract_names_follow_the_domain(enum: Enumeration) -> None:
    assert list(enum.codes) == CODES[enum.name]
    assert enum.contract_names() == CONTRACT[enum.name]
    for code, name in zip(enum.codes, CONTRACT[enum.name], strict=True):
        assert enum.parse(name) == code
        assert enum.parse(code) == code
        assert enum.parse(f" {name} ") == code
        assert enum.parse(code.upper()) == code
        assert enum.contract(code) == name
        assert code in enum


@pytest.mark.parametrize("enum", ALL, ids=lambda e: e.name)
def test_english_labels_parse_and_show(enum: Enumeration) -> None:
    for choice in enum:
        assert enum.parse(choice.label) == choice.code
        assert enum.parse(choice.label.lower()) == choice.code
        assert enum.label(choice.code) == choice.label


@pytest.mark.parametrize("enum", ALL, ids=lambda e: e.name)
def test_no_spelling_means_two_things(enum: Enumeration) -> None:
    seen: dict[str, str] = {}
    for choice in enum:
        for spelling in (choice.code, choice.label, choice.contract, *choice.aliases):
            key = "".join(spelling.split()).casefold()
            assert seen.setdefault(key, choice.code) == choice.code, spelling


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("党总支", "college"),
        ("二级党委", "college"),
        ("院系党委", "college"),
        ("二级学院党委", "college"),
        ("二级学院党总支", "college"),
        ("学校党委", "committee"),
        ("支部", "branch"),
    ],
)
def test_college_aliases(text: str, code: str) -> None:
    assert ORG_LEVELS.parse(text) == code


@pytest.mark.parametrize(
    ("enum", "text", "code"),
    [
        (BRANCH_TYPES, "教工", "teacher"),
        (BRANCH_TYPES, "师生", "mixed"),
        (ACTIVITY_TYPES, "党员大会", "general_meeting"),
        (ACTIVITY_TYPES, "支部委员会", "committee_meeting"),
        (THEME_CATEGORIES, "创新创业", "innovation"),
        (DIMENSIONS, "课程育人", "curriculum"),
        (DIMENSIONS, "资助育人", "aid"),
        (CREATION_LEVELS, "党建工作标杆院系", "college"),
        (CREATION_LEVELS, "党建工作样板支部", "branch"),
        (CREATION_LEVELS, "党建工作示范高校", "school"),
        (GRADES, "国家级", "national"),
        (CANDIDATE_STATUSES, "通过验收", "accepted"),
        (TASK_STATUSES, "完成", "done"),
        (BRAND_KINDS, "一总支一品牌", "college_brand"),
        (BRAND_KINDS, "一支部一特色", "branch_feature"),
        (BRAND_KINDS, "党建创新项目", "innovation"),
        (FREQUENCIES, "每季度", "quarterly"),
    ],
)
def test_aliases(enum: Enumeration, text: str, code: str) -> None:
    assert enum.parse(text) == code


@pytest.mark.parametrize("enum", ALL, ids=lambda e: e.name)
def test_unknown_text_parses_to_none(enum: Enumeration) -> None:
    assert enum.parse("完全不认识") is None
    assert enum.parse("") is None
    assert enum.parse(None) is None  # type: ignore[arg-type]


def test_the_same_code_in_two_enumerations_means_its_own_thing() -> None:
    assert CREATION_LEVELS.parse("school") == "school"
    assert GRADES.parse("校级") == "school"
    assert CREATION_LEVELS.contract("school") == "示范高校"
    assert GRADES.contract("school") == "校级"


@pytest.mark.parametrize(
    "value", [True, 1, 1.0, "是", "yes", "YES", " y ", "true", "1", "√", "✓", "有"]
)
def test_yes(value: object) -> None:
    assert parse_yes_no(value) is True


@pytest.mark.parametrize(
    "value", [False, 0, 0.0, "否", "no", "N", "false", "0", "×", "无", "", "  ", None]
)
def test_no(value: object) -> None:
    assert parse_yes_no(value) is False


@pytest.mark.parametrize("value", ["也许", "2", 2, 0.5, "yes please"])
def test_neither_yes_nor_no(value: object) -> None:
    assert parse_yes_no(value) is None


@pytest.mark.parametrize(
    ("enumeration", "text", "code"),
    [
        (ACTIVITY_TYPES, "主題黨日", "theme_day"),
        (ACTIVITY_TYPES, "Theme party day", "theme_day"),
        (ACTIVITY_TYPES, "主题党日", "theme_day"),
        (THEME_CATEGORIES, "志願服務", "volunteer"),
        (ORG_LEVELS, "黨支部", "branch"),
    ],
)
def test_values_are_accepted_in_every_interface_language(
    enumeration: Enumeration, text: str, code: str
) -> None:
    """The workbook's headers stay Chinese, but its values may be written in 简体中文, 繁體中文
    or English whatever the interface language."""
    assert enumeration.parse(text) == code
