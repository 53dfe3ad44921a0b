"""The made-up university of the demonstration ledger: its organizations, the words of its
activities, its candidacies and brands, as small text tables read at import.

Each table is one record a line (an indented line continues the one before), fields split at
white space, so no field may hold a space.
"""

from __future__ import annotations

from itertools import groupby
from typing import Any

from desktop_app.domain.organizations import DEFAULT_TERM_YEARS

ROOT_NAME = "中共示范职业技术学院委员会"
DIRECT = "党委直属"
# Each college, then its branches as 名称:type (a list may go on over indented lines); the
# 党委直属 line holds the branches directly under the committee.
TREE = """
党委直属 机关第一党支部:admin 离退休党支部:retired
机电工程学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 学生第一党支部:student
    学生第二党支部:student 学生第三党支部:student 校企合作联合党支部:other
信息工程学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 学生第一党支部:student
    学生第二党支部:student 学生第三党支部:student 软件技术专业师生联合党支部:mixed
化学工程学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 学生第一党支部:student
    学生第二党支部:student 学生第三党支部:student 石化创新团队师生联合党支部:mixed
经济管理学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 学生第一党支部:student
    学生第二党支部:student 学生第三党支部:student
建筑工程学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 学生第一党支部:student
    学生第二党支部:student 建筑设计师生联合党支部:mixed
艺术设计学院党总支 教工党支部:teacher 学生党支部:student 非遗传承师生联合党支部:mixed
    文创产业园党支部:other
国际学院党总支 教工党支部:teacher 学生党支部:student 中外合作办学师生联合党支部:mixed
马克思主义学院党总支 教工第一党支部:teacher 教工第二党支部:teacher 思政研习师生联合党支部:mixed
"""
FOUNDED_IN_YEAR = {
    "信息工程学院党总支/学生第三党支部": (5, 12),
    "化学工程学院党总支/学生第三党支部": (9, 8),
}
DISSOLVED = {"机电工程学院党总支/学生第三党支部": (7, 10)}
WEAK_BRANCH = "建筑工程学院党总支/学生第二党支部"  # holds theme days in three months only
WEAK_MONTHS = (3, 6, 10)
# Lowest and highest numbers of full members, probationary members and activists by type.
MEMBERS_TABLE = """
teacher 8 22 0 2 0 3
student 3 9 6 16 25 80
mixed 7 14 2 6 8 20
admin 18 28 0 1 0 2
retired 36 58 0 0 0 0
other 5 10 0 2 1 5
"""
# The usual theme-day category of each month, titles of party lectures, other activities.
WORDS = """
months study study volunteer practice innovation study practice other deliberation co_building
    volunteer deliberation
lectures 坚定理想信念，践行初心使命 以高质量党建引领“双高”建设 党史中的师德榜样
    严守纪律规矩，涵养清风正气 做新时代合格共产党员 职业教育的使命与担当
others 入党积极分子和发展对象集中培训 参加学校“两优一先”表彰大会 支部书记抓党建工作述职
    新党员入党宣誓仪式
"""
NO_INNOVATION = ("study", "volunteer", "practice", "co_building", "deliberation", "other")
# The 十大育人 dimensions of a meeting (organization unless listed; a theme day's: its theme's).
DIMS = {
    "party_lecture": ("organization", "curriculum"),
    "committee_meeting": ("management", "organization"),
    "member_review": ("organization", "management"),
}
# category, theme, 十大育人 dimensions, place (* stands for the organization's own building)
THEMES_TABLE = """
study 学习习近平新时代中国特色社会主义思想专题研讨 organization,curriculum *党员之家
study 重温入党誓词，学习《中国共产党章程》 organization *党员之家
study “课程思政”教学案例研讨 curriculum,research *会议室
volunteer “学雷锋”志愿服务进社区 service,practice 结对社区
volunteer 敬老院关爱老人志愿服务 service,culture 街道敬老院
volunteer 反诈宣传志愿服务 service,network 学生生活区
practice 赴红色教育基地开展党性教育 practice,culture 市革命烈士纪念馆
practice 走访合作企业开展岗位实践 practice,research 合作企业生产一线
innovation “党建+创新创业”项目路演 practice,research 创业学院路演厅
innovation 大学生创业项目帮扶对接 aid,practice 大学生创业园
deliberation 师生议事会：学风建设 management,curriculum *会议室
deliberation “我为师生办实事”议事会 service,management *党员之家
co_building 与结对社区党委联学共建 organization,service 社区党群服务中心
co_building 校企党支部结对共建 practice,organization 合作企业党群服务中心
co_building 走进结对村开展文化共建 culture,service 结对村文化礼堂
other 网络文明主题党日 network *党员之家
other 心理健康教育主题党日 psychology,service 心理健康教育中心
other 资助政策宣讲主题党日 aid 学生活动中心
"""
# The two usual agenda items of the general meeting in each quarter.
MEETINGS_TABLE = """
讨论确定年度支部工作计划 传达学习全国两会精神
讨论接收预备党员 讨论预备党员按期转正
学习“七一”重要讲话精神 确定入党积极分子和发展对象
讨论预备党员按期转正 通报年度党费收缴和使用情况
"""
# Candidacies as grade:status, in order: the committee's, the colleges' (in the order of the
# tree) and those of twelve long-standing branches drawn by lot.
CANDIDACIES = """
national:applied provincial:accepted
national:approved provincial:accepted provincial:approved provincial:cultivating
    provincial:rejected school:accepted
national:approved provincial:accepted provincial:accepted provincial:approved provincial:applied
    provincial:rejected school:accepted school:accepted school:accepted school:applied
    school:cultivating school:cultivating
"""
# How many years before the demonstration year a candidacy at each status began.
BEGAN = {"accepted": 3, "approved": 2, "rejected": 2, "applied": 1, "cultivating": 1}
# path, name, kind, years before the demonstration year it was approved (- if not yet),
# grade, status
BRANDS_TABLE = """
机电工程学院党总支 “红色引擎·匠心育人”党建品牌 college_brand 2 provincial accepted
信息工程学院党总支 “数智先锋”党建品牌 college_brand 1 provincial approved
艺术设计学院党总支 “非遗薪传”党建品牌 college_brand - school cultivating
机电工程学院党总支/教工第一党支部 “党建+技能大师工作室” branch_feature 1 school accepted
离退休党支部 “银龄先锋”志愿服务队 branch_feature 1 school approved
化学工程学院党总支/学生第一党支部 “主题党日+校地共建”实践创新 innovation - provincial applied
机关第一党支部 机关党建与业务融合“双提升”项目 innovation 1 school accepted
"""
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚华建国红文辉玲鹏晨宇浩婷雪琳倩颖志海波斌峰"
Row = dict[str, Any]
ORG_DEFAULTS: Row = {
    **dict.fromkeys(("parent_uid", "branch_type", "founded_on", "elected_on", "dissolved_on")),
    **dict.fromkeys(("double_leader", "has_party_groups", "members_full", "activists"), 0),
    **{"members_probationary": 0, "term_years": DEFAULT_TERM_YEARS, "active": 1},
}
MILESTONES = ("cultivated_on", "applied_on", "approved_on", "accepted_on")


def table_lines(text: str) -> list[str]:
    """The lines of a table, an indented line continuing the one before."""
    return text.strip().replace("\n    ", " ").splitlines()


def table_rows(text: str) -> list[list[str]]:
    return [line.split() for line in table_lines(text)]


TREE_ROWS = [(first, [k.partition(":")[::2] for k in kids]) for first, *kids in table_rows(TREE)]
MONTH_CATEGORIES, LECTURE_THEMES, OTHER_THEMES = (words for _key, *words in table_rows(WORDS))
MEMBERS = {kind: [int(n) for n in bounds] for kind, *bounds in table_rows(MEMBERS_TABLE)}
THEMES = {
    category: [(theme, tuple(dims.split(",")), place) for _c, theme, dims, place in rows]
    for category, rows in groupby(table_rows(THEMES_TABLE), key=lambda row: row[0])
}
