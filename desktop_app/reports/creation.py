"""The 三级联创 progress report (党建“三级联创”工作推进情况报告).

Three sections, each a short paragraph carrying its figures and then its tables: the targets
against what was achieved per level and grade (``ctx.stats["creation"]``), the candidates of the
scope with the dates of their milestones grouped by level and status, and the plan's tasks by
section with their departments, deadlines and states, the overdue ones marked by the very
condition the statistics count (``stats.OVERDUE_TASK``). Candidates and tasks come from one
query each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, TableStyle

from desktop_app.domain.campaign import STATUS_DATE
from desktop_app.domain.enums import (
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    GRADES,
    TASK_STATUSES,
    Enumeration,
)
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.reports.common import (
    count,
    empty_line,
    long_date,
    percent,
    stacked_date,
    title_block,
)
from desktop_app.reports.common import sentences as join_sentences
from desktop_app.reports.context import KIND_LABELS, ReportContext
from desktop_app.reports.layout import HEADER_FILL, DocumentInfo, Heading, data_table, escape, gap
from desktop_app.stats import OVERDUE_TASK, ratio

NO_VALUE = "—"
TABLE_START = 150  # points: room for a heading, a table's header and its first rows
OVERDUE_FILL = colors.Color(1.0, 0.9, 0.9)

# The candidates of the organizations in ``:uids`` (a JSON array).
_CANDIDATES = (
    "SELECT org_uid, level, grade, status, cultivated_on, applied_on, approved_on, accepted_on, "
    "rejected_on, note FROM creation_candidates "
    "WHERE deleted_at IS NULL AND org_uid IN (SELECT value FROM json_each(:uids))"
)

# Every live task in the order it was added (the plan's order), overdue as the statistics say.
_TASKS = (
    "SELECT title, section, lead_department, cooperating_departments, deadline, status, "
    f"({OVERDUE_TASK}) AS overdue FROM tasks WHERE deleted_at IS NULL "
    "ORDER BY created_at, rowid"
)


@dataclass(frozen=True)
class Candidate:
    path: str
    level: str
    grade: str
    status: str
    milestones: list[tuple[str, str]]  # (status reached, ISO date) in the order of the steps
    note: str


@dataclass(frozen=True)
class Task:
    title: str
    section: str
    lead: str
    cooperating: str
    deadline: str | None
    status: str
    overdue: bool


def build(ctx: ReportContext) -> tuple[list[Flowable], DocumentInfo]:
    title = _("{scope}: progress report on the “three-level creation” of party building").format(
        scope=ctx.scope_name
    )
    story: list[Flowable] = title_block(ctx, title)
    ctx.step(0, 3)
    story.extend(_targets(ctx))
    ctx.step(1, 3)
    story.extend(_candidates(ctx, read_candidates(ctx)))
    ctx.step(2, 3)
    story.extend(_tasks(ctx, read_tasks(ctx)))
    ctx.step(3, 3)
    info = DocumentInfo(
        issuer=ctx.issuer,
        title=title,
        subject=_(KIND_LABELS["creation"]),
        keywords=[
            _("three-level creation"),
            _("creation targets"),
            _("tasks"),
            ctx.scope_name,
            str(ctx.request.year),
        ],
        fonts=ctx.fonts,
    )
    return story, info


def _label(enumeration: Enumeration, code: str | None) -> str:
    """The label of a code; a code the enumeration does not know is shown as it is."""
    if code is None:
        return ""
    return enumeration.label(code) if code in enumeration else code


def _order(enumeration: Enumeration, code: str) -> int:
    return enumeration.codes.index(code) if code in enumeration else len(enumeration.codes)


def _date(text: str | None, *, stacked: bool = False) -> str:
    """A stored ISO date for people (the year on a line of its own when ``stacked``)."""
    if not text:
        return NO_VALUE
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return text
    return stacked_date(day) if stacked else long_date(day)


def _sentences(parts: list[str]) -> str:
    return join_sentences(*parts)


def _paragraph(ctx: ReportContext, text: str) -> Paragraph:
    return Paragraph(escape(text), ctx.styles.body)


def _section(ctx: ReportContext, text: str) -> list[Flowable]:
    """A level-1 heading (an outline entry at the top level) that starts a new page only when
    too little room is left for the first rows of what follows."""
    style = ParagraphStyle("creation_section", parent=ctx.styles.heading1, keepWithNext=False)
    return [CondPageBreak(TABLE_START), Heading(text, style, 0)]


def _group(ctx: ReportContext, text: str) -> list[Flowable]:
    style = ParagraphStyle("creation_group", parent=ctx.styles.heading2, keepWithNext=False)
    return [CondPageBreak(TABLE_START), Heading(text, style, 1)]


# ---- targets against achievements ------------------------------------------------------------


def _targets(ctx: ReportContext) -> list[Flowable]:
    rows: list[dict[str, Any]] = ctx.stats["creation"]
    story = _section(ctx, _("Targets and achievements"))
    if not rows:
        story.append(empty_line(ctx, _("No creation targets or candidates are recorded.")))
        return story
    target = sum(r["target"] for r in rows)
    achieved = sum(r["achieved"] for r in rows)
    if target:
        overall = ngettext(
            "The plan sets {target} creation targets; {achieved} unit of {scope} has passed "
            "acceptance, {share} of the targets.",
            "The plan sets {target} creation targets; {achieved} units of {scope} have passed "
            "acceptance, {share} of the targets.",
            achieved,
        )
    else:
        overall = ngettext(
            "The plan sets no creation target; {achieved} unit of {scope} has passed acceptance.",
            "The plan sets no creation target; {achieved} units of {scope} have passed acceptance.",
            achieved,
        )
    sentences = [
        overall.format(
            target=count(target),
            achieved=count(achieved),
            scope=ctx.scope_name,
            share=percent(ratio(achieved, target)),
        )
    ]
    for level in CREATION_LEVELS.codes:
        of_level = [r for r in rows if r["level"] == level]
        if not of_level:
            continue
        sentences.append(
            _("{level}: target {target}, achieved {achieved} ({grades}).").format(
                level=_label(CREATION_LEVELS, level),
                target=count(sum(r["target"] for r in of_level)),
                achieved=count(sum(r["achieved"] for r in of_level)),
                grades=join_list(
                    _("{grade} {achieved}/{target}").format(
                        grade=_label(GRADES, r["grade"]),
                        achieved=count(r["achieved"]),
                        target=count(r["target"]),
                    )
                    for r in of_level
                ),
            )
        )
    story.append(_paragraph(ctx, _sentences(sentences)))
    table_rows = [
        [
            _label(CREATION_LEVELS, r["level"]),
            _label(GRADES, r["grade"]),
            count(r["target"]),
            count(r["achieved"]),
            _share(r["achieved"], r["target"]),
        ]
        for r in rows
    ]
    table_rows.append([_("Total"), "", count(target), count(achieved), _share(achieved, target)])
    table = data_table(
        ctx.styles,
        [_("Level"), _("Grade"), _("Target"), _("Achieved"), _("Share of target")],
        table_rows,
        [30, 20, 16, 16, 18],
        numeric=(2, 3, 4),
    )
    table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL)]))
    story.extend([gap(0.3), KeepTogether([table]), gap(0.5)])
    return story


def _share(achieved: int, target: int) -> str:
    return percent(ratio(achieved, target)) if target else NO_VALUE


# ---- candidates ------------------------------------------------------------------------------


def read_candidates(ctx: ReportContext) -> list[Candidate]:
    """The candidates of the scope's organizations, by level, then status (in the order of the
    steps), grade and path: one query."""
    found = []
    for row in ctx.ledger.query(_CANDIDATES, {"uids": json.dumps(ctx.scope_uids())}):
        found.append(
            Candidate(
                path=ctx.tree.path(row["org_uid"]),
                level=row["level"],
                grade=row["grade"],
                status=row["status"],
                milestones=[
                    (status, row[column]) for status, column in STATUS_DATE.items() if row[column]
                ],
                note=row["note"] or "",
            )
        )
    found.sort(
        key=lambda c: (
            _order(CREATION_LEVELS, c.level),
            _order(CANDIDATE_STATUSES, c.status),
            _order(GRADES, c.grade),
            c.path,
        )
    )
    return found


def _status_counts(candidates: list[Candidate]) -> str:
    counts: dict[str, int] = {}
    for candidate in candidates:
        counts[candidate.status] = counts.get(candidate.status, 0) + 1
    ordered = sorted(counts, key=lambda code: _order(CANDIDATE_STATUSES, code))
    return join_list(
        _("{status} {count}").format(status=_label(CANDIDATE_STATUSES, code), count=counts[code])
        for code in ordered
    )


def _candidates(ctx: ReportContext, candidates: list[Candidate]) -> list[Flowable]:
    story = _section(ctx, _("Candidates and their milestones"))
    if not candidates:
        story.append(
            empty_line(
                ctx, _("No organization of {scope} is a candidate.").format(scope=ctx.scope_name)
            )
        )
        return story
    story.append(
        _paragraph(
            ctx,
            ngettext(
                "{count} candidate of {scope} is entered in the campaign: {statuses}.",
                "{count} candidates of {scope} are entered in the campaign: {statuses}.",
                len(candidates),
            ).format(
                count=count(len(candidates)),
                scope=ctx.scope_name,
                statuses=_status_counts(candidates),
            ),
        )
    )
    unknown = sorted({c.level for c in candidates} - set(CREATION_LEVELS.codes))
    for level in [*CREATION_LEVELS.codes, *unknown]:
        of_level = [c for c in candidates if c.level == level]
        if not of_level:
            continue
        story.extend(
            _group(
                ctx,
                _("{level}: {count}").format(
                    level=_label(CREATION_LEVELS, level), count=len(of_level)
                ),
            )
        )
        story.append(
            _paragraph(ctx, _("By status: {statuses}.").format(statuses=_status_counts(of_level)))
        )
        rows = [
            [
                _label(CANDIDATE_STATUSES, c.status),
                c.path,
                _label(GRADES, c.grade),
                "\n".join(
                    _("{step}: {date}").format(
                        step=_label(CANDIDATE_STATUSES, step), date=_date(on)
                    )
                    for step, on in c.milestones
                )
                or NO_VALUE,
                c.note or NO_VALUE,
            ]
            for c in of_level
        ]
        story.append(
            data_table(
                ctx.styles,
                [_("Status"), _("Organization"), _("Grade"), _("Milestones"), _("Note")],
                rows,
                [14, 44, 11, 47, 26],
            )
        )
        story.append(gap(0.5))
    return story


# ---- tasks -----------------------------------------------------------------------------------


def read_tasks(ctx: ReportContext) -> list[Task]:
    return [
        Task(
            title=row["title"],
            section=row["section"] or "",
            lead=row["lead_department"] or "",
            cooperating=row["cooperating_departments"] or "",
            deadline=row["deadline"],
            status=row["status"],
            overdue=bool(row["overdue"]),
        )
        for row in ctx.ledger.query(_TASKS, {"as_of": ctx.as_of.isoformat()})
    ]


def _tasks(ctx: ReportContext, tasks: list[Task]) -> list[Flowable]:
    figures = ctx.stats["tasks"]
    story = _section(ctx, _("Tasks of the plan"))
    if not tasks:
        story.append(empty_line(ctx, _("No tasks are recorded.")))
        return story
    doing = sum(t.status == "doing" for t in tasks)
    todo = sum(t.status == "todo" for t in tasks)
    sentences = [
        ngettext(
            "The plan has {total} task: {done} done ({share}), {doing} in progress and {todo} "
            "not started.",
            "The plan has {total} tasks: {done} done ({share}), {doing} in progress and {todo} "
            "not started.",
            figures["total"],
        ).format(
            total=count(figures["total"]),
            done=count(figures["done"]),
            share=percent(ratio(figures["done"], figures["total"])),
            doing=count(doing),
            todo=count(todo),
        ),
        (
            ngettext(
                "{overdue} task is overdue as of {as_of}; it is marked in the table.",
                "{overdue} tasks are overdue as of {as_of}; they are marked in the table.",
                figures["overdue"],
            ).format(overdue=count(figures["overdue"]), as_of=long_date(ctx.as_of))
            if figures["overdue"]
            else _("No task is overdue as of {as_of}.").format(as_of=long_date(ctx.as_of))
        ),
    ]
    story.append(_paragraph(ctx, _sentences(sentences)))
    sections: dict[str, list[Task]] = {}
    for task in tasks:
        sections.setdefault(task.section, []).append(task)
    number = 0
    for section, of_section in sections.items():
        story.extend(_group(ctx, section or _("Other tasks")))
        rows = []
        overdue_rows = []
        for task in of_section:
            number += 1
            status = _label(TASK_STATUSES, task.status)
            if task.overdue:
                status += "\n" + _("(overdue)")
                overdue_rows.append(len(rows) + 1)
            rows.append(
                [
                    number,
                    task.title,
                    task.lead or NO_VALUE,
                    task.cooperating or NO_VALUE,
                    # The year on a line of its own keeps the column narrow.
                    _date(task.deadline, stacked=True),
                    status,
                ]
            )
        table = data_table(
            ctx.styles,
            [
                _("No."),
                _("Task"),
                _("Lead department"),
                _("Cooperating departments"),
                _("Deadline"),
                _("Status"),
            ],
            rows,
            [10, 50, 18, 30, 21, 17],
            numeric=(0,),
        )
        table.setStyle(
            TableStyle([("BACKGROUND", (0, r), (-1, r), OVERDUE_FILL) for r in overdue_rows])
        )
        story.extend([table, gap(0.5)])
    return story
