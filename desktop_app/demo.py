"""A demonstration ledger: a made-up university's party organizations and a year of records.

``build_demo`` fills an empty ledger with the 示范职业技术学院: its 党委, eight colleges and
forty branches of every type, a year of organizational life with the gaps a checker should
find, star ratings, the 三级联创 targets and tasks of the built-in plan, candidates, brands and
innovation projects. The content depends on the year alone (a seeded generator, never the
clock), so the same year always gives the same ledger.
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from itertools import cycle
from typing import Any

from desktop_app.demo_data import (
    BEGAN,
    BRANDS_TABLE,
    CANDIDACIES,
    DIMS,
    DIRECT,
    DISSOLVED,
    FOUNDED_IN_YEAR,
    GIVEN,
    LECTURE_THEMES,
    MEETINGS_TABLE,
    MEMBERS,
    MILESTONES,
    MONTH_CATEGORIES,
    NO_INNOVATION,
    ORG_DEFAULTS,
    OTHER_THEMES,
    ROOT_NAME,
    SURNAMES,
    THEMES,
    TREE_ROWS,
    WEAK_BRANCH,
    WEAK_MONTHS,
    Row,
    table_lines,
    table_rows,
)
from desktop_app.domain.activities import to_row
from desktop_app.domain.campaign import STATUS_DATE
from desktop_app.domain.compliance import COMMITTEE_MIN_MEMBERS
from desktop_app.domain.dates import add_years, to_iso
from desktop_app.domain.enums import THEME_CATEGORIES
from desktop_app.domain.plan_template import apply_plan_tasks, load_plan
from desktop_app.errors import RefusedError, ValidationError
from desktop_app.i18n import _
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger
from desktop_app.storage.schema import RECORD_TABLES

DEMO_MIN_YEAR, DEMO_MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demonstration wrote."""

    organizations: int
    activities: int
    ratings: int
    candidates: int
    tasks: int
    targets: int
    brands: int


@dataclass(eq=False)
class _Org:
    row: Row
    path: str
    home: str  # the building where it meets, e.g. 机电工程学院
    college: _Org | None  # the college a branch sits under
    start: date  # its records in the year run from start to end
    end: date
    people: list[str] = field(default_factory=list)  # two more members of its committee

    @property
    def members(self) -> int:
        return int(self.row["members_full"] + self.row["members_probationary"])

    @property
    def secretary(self) -> str:
        return str(self.row["secretary"])


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def build_demo(ledger: Ledger, year: int, as_of: date | None = None) -> DemoSummary:
    """Fill an empty ledger with the demonstration university and its records of ``year``, as
    kept up to ``as_of`` (default today): a demonstration of the current year holds no
    activity dated after it."""
    if not isinstance(year, int) or not DEMO_MIN_YEAR <= year <= DEMO_MAX_YEAR:
        message = _("Choose a year from {low} to {high} for the demonstration, not {value}.")
        raise ValidationError.single(
            message.format(low=DEMO_MIN_YEAR, high=DEMO_MAX_YEAR, value=year), "year"
        )
    with ledger.transaction():
        if any(ledger.scalar(f'SELECT COUNT(*) FROM "{t}"') for t in RECORD_TABLES):
            message = _(
                "This ledger already holds organizations or other records (perhaps in the "
                "recycle bin). The demonstration can only fill an empty ledger: create a new "
                "ledger file and build the demonstration there."
            )
            raise RefusedError(message)
        return _Demo(ledger, year).build(as_of or date.today())


class _Demo:
    def __init__(self, ledger: Ledger, year: int) -> None:
        self.ledger = ledger
        self.year = year
        self.rng = random.Random(year * 7919 + 2020)
        self.names: set[str] = set()
        self.orgs: list[_Org] = []
        self.activities: list[Row] = []

    def person(self) -> str:
        while True:
            size = self.rng.choice((1, 2, 2))
            name = self.rng.choice(SURNAMES) + "".join(self.rng.sample(GIVEN, size))
            if name not in self.names:
                self.names.add(name)
                return name

    def between(self, low: date, high: date) -> date:
        return low + timedelta(days=self.rng.randint(0, (high - low).days))

    def day_in(self, org: _Org, month: int, low: int = 3, high: int = 28) -> date:
        """A working day of ``month`` within the organization's window of records."""
        first = max(date(self.year, month, low), org.start)
        last = min(date(self.year, month, high), org.end)
        chosen = self.between(first, last) if first <= last else org.start
        return _weekday(chosen) if _weekday(chosen) >= first else chosen

    def months(self, org: _Org) -> range:
        return range(org.start.month, org.end.month + 1)

    def org(self, name: str, level: str, parent: _Org | None, **values: Any) -> _Org:
        row = {**ORG_DEFAULTS, "uid": records.new_uid(), "name": name, "level": level}
        row.update(parent_uid=parent.row["uid"] if parent else None, secretary=self.person())
        row.update(values)
        college = parent if parent and parent.row["level"] == "college" else None
        path = f"{college.path}/{name}" if college else name
        home = "老干部活动中心" if values.get("branch_type") == "retired" else "行政楼"
        home = name.removesuffix("党总支") if level == "college" else home
        first, last = date(self.year, 1, 1), date(self.year, 12, 31)
        people = [self.person(), self.person()]
        made = _Org(row, path, college.home if college else home, college, first, last, people)
        self.orgs.append(made)
        return made

    def elected(self, state: str) -> date:
        """An election date whose term is over at the year's end, ends within 180 days, or runs."""
        y = self.year
        if state == "expired":
            return self.between(date(y - 4, 3, 1), date(y - 3, 10, 31))
        if state == "expiring":
            return self.between(date(y - 2, 1, 5), date(y - 2, 6, 20))
        return self.between(date(y - 2, 9, 1), date(y, 6, 30))

    def build_orgs(self) -> None:
        y = self.year
        root = self.org(ROOT_NAME, "committee", None, term_years=5)
        elected = self.between(date(y - 3, 9, 1), date(y - 3, 12, 20))
        root.row.update(founded_on=to_iso(date(y - 22, 6, 28)), elected_on=to_iso(elected))
        expiring = self.rng.randrange(1, len(TREE_ROWS))
        branches: list[_Org] = []
        for index, (name, kids) in enumerate(TREE_ROWS):
            parent = root if name == DIRECT else self.org(name, "college", root)
            if parent is not root:
                founded = self.between(date(y - 18, 3, 1), date(y - 8, 9, 1))
                elected = self.elected("expiring" if index == expiring else "current")
                parent.row.update(founded_on=to_iso(founded), elected_on=to_iso(elected))
            branches += [self.org(kid, "branch", parent, branch_type=kind) for kid, kind in kids]
        for branch in branches:
            self.branch_details(branch)
        established = [b for b in branches if b.path not in FOUNDED_IN_YEAR]
        terms = self.rng.sample([b for b in established if b.path not in DISSOLVED], 7)
        for branch in established:
            state = "expired" if branch in terms[:3] else "current"
            elected = self.elected("expiring" if branch in terms[3:] else state)
            founded = add_years(elected, -3 * self.rng.randint(1, 4))
            founded -= timedelta(days=self.rng.randint(0, 40))
            parent_founded = date.fromisoformat((branch.college or root).row["founded_on"])
            founded = max(founded, parent_founded + timedelta(days=30))
            branch.row.update(founded_on=to_iso(founded), elected_on=to_iso(elected))
        teachers = [b for b in branches if b.row["branch_type"] == "teacher"]
        plain = self.rng.sample(teachers, 2)
        for branch in teachers:
            branch.row["double_leader"] = int(branch not in plain)

    def branch_details(self, branch: _Org) -> None:
        row, bounds = branch.row, MEMBERS[branch.row["branch_type"]]
        full, probationary, activists = (self.rng.randint(*bounds[i : i + 2]) for i in (0, 2, 4))
        row.update(members_full=full, members_probationary=probationary, activists=activists)
        row["has_party_groups"] = int(full >= 15)
        if branch.path in FOUNDED_IN_YEAR:
            branch.start = date(self.year, *FOUNDED_IN_YEAR[branch.path])
            row["founded_on"] = row["elected_on"] = to_iso(branch.start)
        if branch.path in DISSOLVED:
            dissolved = date(self.year, *DISSOLVED[branch.path])
            branch.end = dissolved - timedelta(days=1)
            row.update(active=0, dissolved_on=to_iso(dissolved))

    def add(self, org: _Org, kind: str, day: date, theme: str, at: str, by: str, n: int) -> Row:
        """Record an activity held ``at`` a place, hosted ``by`` someone, with ``n`` expected;
        a few stay away (more of the retired)."""
        absent = 3 if n <= 7 else 4 if org.row["branch_type"] == "retired" else 8
        actual = max(0, n - self.rng.randint(0, max(1, n // absent)))
        row = {"org_uid": org.row["uid"], "type": kind, "date": day, "theme": theme, "place": at}
        dims = DIMS.get(kind, ("organization",))
        row.update(category=None, host=by, expected=n, actual=actual, dimensions=dims)
        self.activities.append(to_row({**row, "featured": False, "summary": None}))
        return self.activities[-1]

    def theme_days(self, branch: _Org, skipped: set[int]) -> None:
        kind = branch.row["branch_type"]
        allowed = NO_INNOVATION if kind in ("admin", "retired") else THEME_CATEGORIES.codes
        pools: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
        for month in (m for m in self.months(branch) if m not in skipped):
            category = MONTH_CATEGORIES[month - 1]
            if self.rng.random() < 0.35 or category not in allowed:
                category = self.rng.choice(allowed)
            if not pools.get(category):
                pools[category] = self.rng.sample(THEMES[category], len(THEMES[category]))
            base, dims, place = pools[category].pop()
            label = THEME_CATEGORIES.contract(category)
            theme = base if category == "other" else f"“主题党日+{label}”：{base}"
            host = branch.secretary if self.rng.random() < 0.7 else branch.people[0]
            day, where = self.day_in(branch, month, 5), branch.home + place.lstrip("*")
            where = where if place.startswith("*") else place
            row = self.add(branch, "theme_day", day, theme, where, host, branch.members)
            row.update(category=category, dimensions=to_row({"dimensions": dims})["dimensions"])

    def meetings(self, branch: _Org, root: _Org) -> None:
        """General meetings and party lectures each quarter, committee and party group meetings
        each month, the yearly life meeting and member review, and now and then another."""
        row, year, secretary, members = branch.row, self.year, branch.secretary, branch.members
        room, home = f"{branch.home}会议室", f"{branch.home}党员之家"
        speakers = [secretary, branch.college.secretary if branch.college else secretary]
        for quarter, agenda in enumerate(table_rows(MEETINGS_TABLE)):
            months = [m for m in self.months(branch) if (m - 1) // 3 == quarter]
            if not months:
                continue
            theme, day = self.rng.choice(agenda), self.day_in(branch, self.rng.choice(months))
            if branch.start > date(year, 1, 1) and branch.start.month in months:
                theme, day = "成立党支部，选举产生支部委员会", branch.start
            if row["dissolved_on"] and branch.end.month in months:
                theme, day = "讨论支部撤销及党员组织关系转接", branch.end - timedelta(days=2)
            title = f"支部党员大会：{theme}"
            meeting = self.add(branch, "general_meeting", day, title, room, secretary, members)
            if self.rng.random() < 0.4:
                attended = f"应到{meeting['expected']}人，实到{meeting['actual']}人"
                meeting["summary"] = f"会议由{secretary}主持，{attended}，{theme}。"
            speaker = self.rng.choices([*speakers, root.secretary], (6, 3, 1))[0]
            day = self.day_in(branch, self.rng.choice(months))
            lecture = f"专题党课：{self.rng.choice(LECTURE_THEMES)}"
            self.add(branch, "party_lecture", day, lecture, home, speaker, members)
        for month in self.months(branch):
            if row["members_full"] >= COMMITTEE_MIN_MEMBERS:
                size, day = 5 if row["members_full"] >= 15 else 3, self.day_in(branch, month, 1, 10)
                theme = f"支委会：研究部署{month}月支部工作"
                self.add(branch, "committee_meeting", day, theme, room, secretary, size)
            if row["has_party_groups"]:
                size = row["members_full"] // max(2, row["members_full"] // 8)
                day, theme = self.day_in(branch, month, 12, 26), f"党小组会：{month}月集中学习"
                self.add(branch, "group_meeting", day, theme, home, branch.people[1], size)
        label = year if branch.start > date(year, 1, 1) else year - 1
        day = self.day_in(branch, 12 if label == year else self.rng.choice((1, 3)), 8, 26)
        for kind, title in (("life_meeting", "组织生活会"), ("member_review", "民主评议党员")):
            self.add(branch, kind, day, f"{label}年度{title}", room, secretary, members)
        if self.rng.random() < 0.4:
            day = self.day_in(branch, self.rng.choice(self.months(branch)))
            theme = self.rng.choice(OTHER_THEMES)
            self.add(branch, "other", day, theme, home, secretary, members)

    def build_activities(self) -> list[_Org]:
        """Every activity of the year; returns the branches given gaps in their theme days."""
        branches = [o for o in self.orgs if o.row["level"] == "branch"]
        special = {*FOUNDED_IN_YEAR, *DISSOLVED, WEAK_BRANCH}
        gappy = self.rng.sample([b for b in branches if b.path not in special], 5)
        for branch in branches:
            skipped: set[int] = set()
            if branch.path == WEAK_BRANCH:
                skipped = set(range(1, 13)) - set(WEAK_MONTHS)
            elif branch in gappy:
                skipped = set(self.rng.sample((1, 2, 4, 7, 8, 11), self.rng.randint(1, 2)))
            self.theme_days(branch, skipped)
            self.meetings(branch, self.orgs[0])
        self.feature(branches)
        kinds = ("theme_day", "other")
        unrecorded = [a for a in self.activities if not a["featured"] and a["type"] in kinds]
        for row in self.rng.sample(unrecorded, 6):
            row["expected"] = row["actual"] = None  # attendance not recorded
        return gappy

    def feature(self, branches: list[_Org]) -> None:
        """Choose a theme day of each of twelve branches as the year's featured cases."""
        by_uid = {b.row["uid"]: b for b in branches}
        eligible: dict[str, list[Row]] = {}
        for row in self.activities:
            if row["type"] == "theme_day" and row["category"] != "study":
                eligible.setdefault(row["org_uid"], []).append(row)
        for uid in self.rng.sample(list(eligible), 12):
            row, branch = self.rng.choice(eligible[uid]), by_uid[uid]
            day, category = date.fromisoformat(row["date"]), row["category"]
            focus = "育人工作" if category == "other" else THEME_CATEGORIES.contract(category)
            row["featured"] = 1
            row["summary"] = (
                f"{day.month}月{day.day}日，{branch.path.replace('/', '')}组织{row['actual']}名"
                f"党员开展主题党日活动——{row['theme']}。支部把党员教育与{focus}结合起来，"
                f"党员亮身份、作表率，做法在{branch.home}推广，入选年度“主题党日+”特色案例。"
            )

    def ratings(self, gappy: list[_Org]) -> list[Row]:
        rated = [o for o in self.orgs[1:] if o.row["active"] and o.path not in FOUNDED_IN_YEAR]
        stars = {o.path: self.rng.choices((5, 4, 3), weights=(3, 5, 2))[0] for o in rated}
        low_two, low_one = self.rng.sample(gappy, 2)
        stars.update({WEAK_BRANCH: 2, low_two.path: 2, low_one.path: 1})
        return [{"org_uid": o.row["uid"], "year": self.year, "stars": stars[o.path]} for o in rated]

    def candidates(self) -> list[Row]:
        """Candidates at every status, with the date of each step they have reached."""
        committee, colleges, branches = (line.split() for line in table_lines(CANDIDACIES))
        pool = [o for o in self.orgs if o.row["level"] == "branch" and o.row["active"]]
        pool = self.rng.sample([o for o in pool if o.path not in FOUNDED_IN_YEAR], len(branches))
        chosen = [o for o in self.orgs if o.row["level"] == "college"][: len(colleges)]
        orgs = [self.orgs[0]] * len(committee) + chosen + pool
        level = {"committee": "school", "college": "college", "branch": "branch"}
        rows = []
        for org, candidacy in zip(orgs, committee + colleges + branches, strict=True):
            grade, status = candidacy.split(":")
            began = self.year - BEGAN[status]
            day = self.between(date(began, 2, 20), date(began, 4, 30))
            day = max(day, date.fromisoformat(org.row["founded_on"]) + timedelta(days=60))
            last = MILESTONES.index(STATUS_DATE["applied" if status == "rejected" else status])
            steps = [*MILESTONES[: last + 1], *(["rejected_on"] if status == "rejected" else [])]
            row = {"org_uid": org.row["uid"], "level": level[org.row["level"]], "grade": grade}
            row.update(dict.fromkeys((*MILESTONES, "rejected_on")), status=status)
            for step in steps:
                row[step] = to_iso(_weekday(day))
                day += timedelta(days=self.rng.randint(90, 200))
            row["note"] = "第一批创建单位" if began <= self.year - 2 else "第二批创建单位"
            rows.append(row)
        return rows

    def brands(self) -> list[Row]:
        by_path, rows = {o.path: o.row["uid"] for o in self.orgs}, []
        for path, name, kind, before, grade, status in table_rows(BRANDS_TABLE):
            approved = None if before == "-" else self.year - int(before)
            row = {"org_uid": by_path[path], "name": name, "kind": kind, "grade": grade}
            rows.append({**row, "year_approved": approved, "status": status})
        return rows

    def tasks(self) -> int:
        """The plan's tasks, then deadlines and a mix of states, some overdue by year's end."""
        y = self.year
        added = apply_plan_tasks(self.ledger, deadline=date(y, 12, 31))
        rows = self.ledger.query("SELECT uid FROM tasks WHERE deleted_at IS NULL ORDER BY rowid")
        uids = [r["uid"] for r in rows]
        self.rng.shuffle(uids)
        plan = [("done", y - 1, 6), ("done", y, 6)] * 5 + [("doing", y, 9)] * 4
        plan += [("doing", y + 1, 12)] * 5 + [("todo", y, 6)] * 3 + [("todo", y + 1, 6)] * 4
        month_end = {6: "06-30", 9: "09-30", 12: "12-31"}
        changes = [
            (uid, {"status": status, "deadline": f"{year}-{month_end[month]}"})
            for uid, (status, year, month) in zip(uids, cycle(plan))  # the plan may grow
        ]
        records.update_many(self.ledger, "tasks", changes)
        return added

    def build(self, as_of: date) -> DemoSummary:
        self.build_orgs()
        ratings = self.ratings(self.build_activities())
        self.activities = [a for a in self.activities if a["date"] <= as_of.isoformat()]
        targets = [asdict(target) for target in load_plan().targets]
        candidates, brands = self.candidates(), self.brands()
        insert = records.insert_many
        insert(self.ledger, "organizations", [o.row for o in self.orgs])
        insert(self.ledger, "activities", self.activities)
        insert(self.ledger, "ratings", ratings)
        insert(self.ledger, "creation_targets", targets)
        insert(self.ledger, "creation_candidates", candidates)
        insert(self.ledger, "brands", brands)
        counts = (self.orgs, self.activities, ratings, candidates)
        return DemoSummary(*map(len, counts), self.tasks(), len(targets), len(brands))
