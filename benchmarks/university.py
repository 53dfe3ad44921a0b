"""A large university, made the same way every time from a seed: 60 colleges of 20 branches each,
five years of about 25 activities per branch, ratings, candidates, targets and tasks.

It writes workbooks of the spreadsheet contract (one per year, each with the whole tree, that
year's activities and ratings; the campaign sheets ride with the last year), so the benchmark
ledger is made by the importer exactly as a secretary would make it. It knows nothing of the
application: only the contract's sheet and column names.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook


def words(text: str) -> list[str]:
    return text.split()


SEED = 20251231
# Raise when a change makes the generator write other data: the runner remakes its ledgers.
VERSION = 1
YEARS = (2021, 2022, 2023, 2024, 2025)
YEAR = YEARS[-1]
AS_OF = date(YEAR, 12, 31)
ROOT = "江城大学党委"

DISCIPLINES = words(
    "马克思主义 哲学 经济 财政税务 金融 国际贸易 法 政治与公共管理 社会学 教育 心理 体育 "
    "中国语言文学 新闻传播 外国语 历史文化 数学 物理 化学 天文 地理科学 大气科学 海洋 "
    "地球科学 生命科学 心理健康 统计 力学 机械工程 仪器科学 材料 冶金 能源动力 电气工程 "
    "电子信息 自动化 计算机 软件 网络空间安全 人工智能 土木工程 水利 测绘 化工 地质 矿业 "
    "纺织 轻工 交通运输 船舶 航空航天 核科学 农学 林学 环境 生物医学工程 食品 建筑 药学"
)
BRANCH_KINDS = (
    ("教工", "teacher", 6),
    ("学生", "student", 8),
    ("研究生", "student", 4),
    ("师生联合", "mixed", 1),
    ("离退休", "retired", 1),
)
NUMERALS = words("一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五")
TYPE_NAMES = {
    "teacher": "教师",
    "student": "学生",
    "mixed": "师生联合",
    "admin": "机关",
    "retired": "离退休",
}
SURNAMES = words("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许")
GIVEN = words("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 华 建 文 辉 玲 鹏")
CATEGORIES = words("志愿服务 社会实践 创业创新 师生议事 校地共建 理论学习 其他")
DIMENSIONS = words("课程 科研 实践 文化 网络 心理 管理 服务 资助 组织")
PLACES = (
    "党员活动室",
    "学院会议室",
    "图书馆报告厅",
    "社区服务中心",
    "实践教育基地",
    "红色教育基地",
    "线上会议",
    "教学楼 A201",
)
TOPICS = (
    "学习贯彻党的二十大精神",
    "学习新修订的《中国共产党纪律处分条例》",
    "传承红色基因 争做时代新人",
    "深入开展主题教育",
    "党史学习教育专题",
    "“三全育人”综合改革",
    "志愿服务进社区",
    "助力乡村振兴社会实践",
    "师生座谈会：学风建设",
    "校地共建共促发展",
    "创新创业项目交流",
    "廉洁文化进校园",
    "网络思政工作研讨",
    "心理健康教育专题",
    "学习习近平总书记重要讲话精神",
    "发展党员工作培训",
)
SUMMARY_PARTS = (
    "支部书记传达了上级党委的有关文件精神，",
    "全体党员结合本职工作开展了交流发言，",
    "与会党员重温了入党誓词，",
    "邀请学院党委委员讲授专题党课，",
    "组织党员赴实践基地开展志愿服务，",
    "支委会研究了发展党员和党费收缴工作，",
    "会议对下一阶段的重点工作作出了部署，",
    "党员们表示要把学习成果转化为推动工作的实际行动，",
    "结合“一支部一特色”品牌建设进行了讨论，",
    "听取了入党积极分子的思想汇报，",
)
ORG_HEADER = words(
    "名称 上级组织 层级 支部类型 书记 双带头人 成立日期 换届日期 任期(年) "
    "正式党员 预备党员 入党积极分子"
)
ACTIVITY_HEADER = words(
    "组织 类型 日期 主题 主题党日+类别 地点 应到人数 实到人数 育人维度 特色案例 内容摘要"
)


@dataclass(frozen=True)
class Branch:
    path: str
    name: str
    college: str
    kind: str
    members: int
    groups: bool


@dataclass(frozen=True)
class University:
    """The tree: the organization sheet's rows and the branches with what drives their
    activities."""

    org_rows: list[tuple[object, ...]]
    colleges: list[str]
    branches: list[Branch]


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def make_university(colleges: int = 60, branches_per_college: int = 20) -> University:
    rng = random.Random(SEED)
    rows: list[tuple[object, ...]] = [
        (ROOT, None, "党委", None, _person(rng), None, "1952-09-01", "2022-06-20", 5, 0, 0, 0)
    ]
    college_names: list[str] = []
    branches: list[Branch] = []
    for number in range(colleges):
        discipline = DISCIPLINES[number % len(DISCIPLINES)]
        suffix = "学院党委" if number % 3 == 0 else "学院党总支"
        college = f"{discipline}{suffix}"
        if number >= len(DISCIPLINES):
            college = f"{discipline}第{NUMERALS[number // len(DISCIPLINES)]}{suffix}"
        college_names.append(college)
        level = "二级党委" if suffix == "学院党委" else "党总支"
        founded = date(1980 + rng.randrange(30), rng.randint(1, 12), rng.randint(1, 28))
        elected = date(2021 + rng.randrange(4), rng.randint(1, 12), rng.randint(1, 28))
        rows.append((college, ROOT, level, None, _person(rng), None, founded, elected, 5, 0, 0, 0))
        made = 0
        for prefix, kind, share in BRANCH_KINDS:
            count = round(branches_per_college * share / 20)
            count = min(count, branches_per_college - made)
            for index in range(count):
                name = f"{prefix}第{NUMERALS[index]}党支部"
                members = rng.randint(5, 45)
                groups = members >= 15
                founded = date(1995 + rng.randrange(27), rng.randint(1, 12), rng.randint(1, 28))
                if rng.random() < 0.04:
                    founded = date(YEAR, rng.randint(2, 11), rng.randint(1, 28))
                elected = founded + timedelta(days=rng.randrange(0, 9 * 365))
                elected = min(elected, date(YEAR, 11, 30))
                if rng.random() < 0.08:
                    elected = None
                term = 3 if kind in ("student", "mixed") else rng.choice((3, 5))
                rows.append(
                    (
                        name,
                        college,
                        "党支部",
                        TYPE_NAMES[kind],
                        _person(rng),
                        ("是" if rng.random() < 0.7 else "否") if kind == "teacher" else None,
                        founded,
                        elected,
                        term,
                        members,
                        rng.randint(0, 6),
                        rng.randint(0, 20),
                    )
                )
                branches.append(Branch(f"{college}/{name}", name, college, kind, members, groups))
                made += 1
        while made < branches_per_college:
            name = f"机关第{NUMERALS[made % len(NUMERALS)]}党支部"
            rows.append(
                (name, college, "党支部", "机关", _person(rng), None, None, None, 3, 9, 1, 2)
            )
            branches.append(Branch(f"{college}/{name}", name, college, "admin", 9, False))
            made += 1
    return University(rows, college_names, branches)


def _founded(university: University) -> dict[str, date]:
    """The founding date of each branch, by path."""
    founded: dict[str, date] = {}
    college = ""
    for row in university.org_rows[1:]:
        if row[2] != "党支部":
            college = str(row[0])
            continue
        if isinstance(row[6], date):
            founded[f"{college}/{row[0]}"] = row[6]
    return founded


def activity_rows(university: University, year: int) -> Iterator[tuple[object, ...]]:
    """About 25 activities per branch for ``year``: a theme day in almost every month, the
    quarterly meetings, committee and group meetings, a life meeting and a member review."""
    rng = random.Random(SEED * 31 + year)
    founded = _founded(university)
    for branch in university.branches:
        start = founded.get(branch.path)
        plan: list[tuple[str, int]] = []
        for month in range(1, 13):
            if rng.random() > 0.03:
                plan.append(("主题党日", month))
        for quarter in range(4):
            plan.append(("支部党员大会", quarter * 3 + rng.randint(1, 3)))
            if rng.random() < 0.8:
                plan.append(("党课", quarter * 3 + rng.randint(1, 3)))
        extra = ["支委会"] if branch.members >= 7 else []
        if branch.groups:
            extra.append("党小组会")
        for _ in range(rng.randint(4, 6)):
            plan.append((rng.choice(extra or ["其他"]), rng.randint(1, 12)))
        plan.append(("组织生活会", rng.choice((1, 12))))
        plan.append(("民主评议党员", rng.choice((1, 12))))
        for kind, month in plan:
            day = date(year, month, rng.randint(1, 28))
            if start is not None and day < start:
                continue
            topic = rng.choice(TOPICS)
            theme = f"{kind}：{topic}" if rng.random() < 0.5 else topic
            if rng.random() < 0.2:
                theme = f"{theme}（{month}月）"
            expected = branch.members + rng.randint(0, 3)
            actual = max(0, expected - rng.choice((0, 0, 0, 1, 1, 2, 3, 5)))
            dims = "、".join(rng.sample(DIMENSIONS, rng.randint(0, 3)))
            summary = "".join(rng.sample(SUMMARY_PARTS, rng.randint(2, 4))).rstrip("，") + "。"
            yield (
                branch.path,
                kind,
                day,
                theme,
                rng.choice(CATEGORIES) if kind == "主题党日" else None,
                rng.choice(PLACES),
                expected,
                actual,
                dims or None,
                "是" if rng.random() < 0.01 else None,
                summary,
            )


def rating_rows(university: University, year: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(SEED * 37 + year)
    for college in university.colleges:
        yield (college, year, rng.choices((2, 3, 4, 5), (1, 4, 8, 4))[0])
    for branch in university.branches:
        if rng.random() < 0.9:
            yield (branch.path, year, rng.choices((1, 2, 3, 4, 5), (1, 3, 8, 10, 5))[0])


def campaign_sheets(university: University) -> dict[str, tuple[list[str], list[tuple]]]:
    rng = random.Random(SEED * 41)
    targets = [
        ("示范高校", "省级", 1, "2021-2025"),
        ("标杆院系", "全国", 1, "2021-2025"),
        ("标杆院系", "省级", 4, "2021-2025"),
        ("标杆院系", "校级", 12, "2021-2025"),
        ("样板支部", "全国", 2, "2021-2025"),
        ("样板支部", "省级", 10, "2021-2025"),
        ("样板支部", "校级", 60, "2021-2025"),
    ]
    statuses = ("培育", "已申报", "已立项", "已验收", "未通过")
    candidates: list[tuple] = []
    for college in rng.sample(university.colleges, 20):
        status = rng.choice(statuses)
        candidates.append(
            (
                college,
                "标杆院系",
                rng.choice(("全国", "省级", "校级")),
                status,
                *_milestones(rng, status),
            )
        )
    for branch in rng.sample(university.branches, 120):
        status = rng.choice(statuses)
        candidates.append(
            (
                branch.path,
                "样板支部",
                rng.choice(("全国", "省级", "校级", "校级")),
                status,
                *_milestones(rng, status),
            )
        )
    tasks = []
    departments = ("党委组织部", "党委宣传部", "学生工作部", "研究生院", "人事处", "教务处")
    for number in range(60):
        lead = rng.choice(departments)
        partners = "、".join(d for d in rng.sample(departments, 2) if d != lead)
        deadline = date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
        status = rng.choice(("未开始", "进行中", "已完成", "已完成"))
        tasks.append(
            (
                f"三级联创任务 {number + 1:02d}：{rng.choice(TOPICS)}",
                lead,
                partners,
                deadline,
                status,
            )
        )
    return {
        "创建目标": (words("层级 级别 目标数 规划期"), targets),
        "创建单位": (words("组织 层级 级别 状态 立项日期 验收日期"), candidates),
        "任务": (words("任务 牵头部门 配合部门 截止日期 状态"), tasks),
    }


def _milestones(rng: random.Random, status: str) -> tuple[date | None, date | None]:
    if status in ("培育", "已申报", "未通过"):
        return None, None
    approved = date(rng.choice(YEARS[:-1]), rng.randint(1, 12), rng.randint(1, 28))
    accepted = approved + timedelta(days=rng.randint(200, 600)) if status == "已验收" else None
    if accepted is not None and accepted > AS_OF:
        accepted = AS_OF
    return approved, accepted


def write_workbook(
    path: Path,
    university: University,
    year: int,
    *,
    campaign: bool,
    max_activities: int | None = None,
) -> int:
    """The workbook of ``year``: the tree, that year's activities and ratings (and the campaign
    sheets when ``campaign``). Returns the number of data rows written."""
    book = Workbook(write_only=True)
    written = 0
    sheet = book.create_sheet("组织")
    sheet.append(ORG_HEADER)
    for row in university.org_rows:
        sheet.append(row)
        written += 1
    sheet = book.create_sheet("活动")
    sheet.append(ACTIVITY_HEADER)
    for count, row in enumerate(activity_rows(university, year)):
        if max_activities is not None and count >= max_activities:
            break
        sheet.append(row)
        written += 1
    sheet = book.create_sheet("星级评定")
    sheet.append(["组织", "年度", "星级"])
    for row in rating_rows(university, year):
        sheet.append(row)
        written += 1
    if campaign:
        for name, (header, rows) in campaign_sheets(university).items():
            sheet = book.create_sheet(name)
            sheet.append(header)
            for row in rows:
                sheet.append(row)
                written += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return written
