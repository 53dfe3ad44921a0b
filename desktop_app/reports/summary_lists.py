"""The sections of the annual summary that list records: the 三级联创 targets against what was
achieved, the overdue tasks, the committee terms, the featured cases.

The figures come from ``ctx.stats``; each list of records is one query in the report's snapshot.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desktop_app.domain.compliance import EXPIRING_DAYS, term_end
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    CREATION_LEVELS,
    GRADES,
    TASK_STATUSES,
    THEME_CATEGORIES,
)
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.reports.common import (
    count,
    empty_line,
    long_date,
    prose,
    section_heading,
    table_block,
)
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import data_table, escape, gap
from desktop_app.stats import OVERDUE_TASK

# ---- 五、三级联创 ------------------------------------------------------------------------


def creation(ctx: ReportContext, number: int) -> list[Flowable]:
    rows = ctx.stats["creation"]
    story = section_heading(ctx, (number,), _("The three-level creation campaign"))
    if not rows:
        story.append(
            empty_line(ctx, _("No creation targets or candidate units have been recorded yet."))
        )
        return story
    parts = join_list(
        _("{level} ({grade}): {achieved} achieved of a target of {target}").format(
            level=CREATION_LEVELS.label(row["level"]),
            grade=GRADES.label(row["grade"]),
            achieved=count(row["achieved"]),
            target=count(row["target"]),
        )
        for row in rows
    )
    story += [
        prose(
            ctx,
            _(
                "In the three-level creation campaign (model university, benchmark colleges, "
                "model branches) the units accepted so far stand against the plan's targets as "
                "follows: {parts}. Only accepted units count as achieved."
            ).format(parts=parts),
        ),
        *table_block(
            ctx,
            _("Creation targets and units accepted"),
            data_table(
                ctx.styles,
                (_("Level"), _("Grade"), _("Target"), _("Achieved")),
                [
                    [
                        CREATION_LEVELS.label(row["level"]),
                        GRADES.label(row["grade"]),
                        count(row["target"]),
                        count(row["achieved"]),
                    ]
                    for row in rows
                ],
                (3, 2, 1.2, 1.2),
                numeric=(2, 3),
            ),
        ),
    ]
    return story


# ---- 六、tasks ------------------------------------------------------------------------


def overdue_tasks(ctx: ReportContext) -> list[dict[str, Any]]:
    """The tasks overdue on the as-of day (the condition ``stats`` counts), deadline first."""
    return ctx.ledger.query(
        "SELECT title, lead_department, cooperating_departments, deadline, status "
        f"FROM tasks WHERE deleted_at IS NULL AND {OVERDUE_TASK} ORDER BY deadline, title",
        {"as_of": ctx.as_of.isoformat()},
    )


def tasks(ctx: ReportContext, number: int) -> list[Flowable]:
    figures = ctx.stats["tasks"]
    story: list[Flowable] = section_heading(ctx, (number,), _("Tasks of the plan"))
    if not figures["total"]:
        story.append(empty_line(ctx, _("No tasks of the plan have been recorded yet.")))
        return story
    story.append(
        prose(
            ctx,
            ngettext(
                "Of the {total} task of the plan, {done} is done and {overdue} is overdue "
                "(not done by its deadline) as of {as_of}.",
                "Of the {total} tasks of the plan, {done} are done and {overdue} are overdue "
                "(not done by their deadlines) as of {as_of}.",
                figures["total"],
            ).format(
                total=count(figures["total"]),
                done=count(figures["done"]),
                overdue=count(figures["overdue"]),
                as_of=long_date(ctx.as_of),
            ),
        )
    )
    overdue = overdue_tasks(ctx)
    if not overdue:
        story.append(empty_line(ctx, _("No task is overdue.")))
        return story
    rows = [
        [
            str(i),
            task["title"],
            task["lead_department"] or "",
            task["cooperating_departments"] or "",
            long_date(date.fromisoformat(task["deadline"])),
            TASK_STATUSES.label(task["status"]) if task["status"] in TASK_STATUSES else "",
        ]
        for i, task in enumerate(overdue, 1)
    ]
    story += [
        *table_block(
            ctx,
            _("Overdue tasks"),
            data_table(
                ctx.styles,
                (
                    _("No."),
                    _("Task"),
                    _("Lead department"),
                    _("Cooperating departments"),
                    _("Deadline"),
                    _("Status"),
                ),
                rows,
                (1.0, 3.6, 1.5, 2.0, 2.4, 1.2),
                numeric=(0,),
            ),
        ),
    ]
    return story


# ---- 七、committee terms --------------------------------------------------------------


def terms(ctx: ReportContext, number: int) -> list[Flowable]:
    lists = ctx.stats["terms"]
    expired, soon = lists["expired"], lists["expiring_soon"]
    story: list[Flowable] = section_heading(ctx, (number,), _("Committee terms"))
    story.append(
        prose(
            ctx,
            _(
                "As of {as_of}, the committee terms of {expired} organizations have expired "
                "and those of {soon} end within {days} days; these organizations should hold "
                "their elections on time."
            ).format(
                as_of=long_date(ctx.as_of),
                expired=count(len(expired)),
                soon=count(len(soon)),
                days=EXPIRING_DAYS,
            )
            if expired or soon
            else _(
                "As of {as_of}, no committee term has expired or ends within {days} days."
            ).format(as_of=long_date(ctx.as_of), days=EXPIRING_DAYS),
        )
    )
    by_path = {ctx.tree.path(uid): ctx.tree.by_uid[uid] for uid in ctx.scope_uids()}
    for paths, title, end_header in (
        (expired, _("Organizations whose term has expired"), _("Term ended")),
        (soon, _("Organizations whose term ends soon"), _("Term ends")),
    ):
        if not paths:
            continue
        rows = []
        for i, path in enumerate(paths, 1):
            org = by_path.get(path)
            end = term_end(org) if org else None
            elected = org.elected_on if org else None
            rows.append(
                [
                    str(i),
                    path,
                    long_date(date.fromisoformat(elected)) if elected else "",
                    long_date(end) if end else "",
                ]
            )
        story += [
            gap(0.3),
            *table_block(
                ctx,
                title,
                data_table(
                    ctx.styles,
                    (_("No."), _("Organization"), _("Elected on"), end_header),
                    rows,
                    (1.0, 5.0, 2.4, 2.4),
                    numeric=(0,),
                ),
            ),
        ]
    return story


# ---- 八、featured cases ---------------------------------------------------------------


def featured_activities(ctx: ReportContext) -> list[dict[str, Any]]:
    """The featured activities of the year in the scope, in date order (one query)."""
    year = ctx.request.year
    return ctx.ledger.query(
        "SELECT a.date, a.org_uid, a.type, a.category, a.theme, a.summary FROM activities a "
        "WHERE a.deleted_at IS NULL AND a.featured != 0 AND a.date BETWEEN :start AND :end "
        "AND a.org_uid IN (SELECT value FROM json_each(:uids)) ORDER BY a.date, a.theme",
        {
            "start": f"{year:04d}-01-01",
            "end": f"{year:04d}-12-31",
            "uids": json.dumps(ctx.scope_uids()),
        },
    )


def featured(ctx: ReportContext, number: int) -> list[Flowable]:
    cases = featured_activities(ctx)
    story: list[Flowable] = section_heading(ctx, (number,), _("Featured cases"))
    if not cases:
        story.append(
            empty_line(
                ctx,
                _("No activity of {year} has been chosen as a featured case yet.").format(
                    year=ctx.request.year
                ),
            )
        )
        return story
    story.append(
        prose(
            ctx,
            ngettext(
                "{n} activity of {year} was chosen as a featured case:",
                "{n} activities of {year} were chosen as featured cases:",
                len(cases),
            ).format(n=count(len(cases)), year=ctx.request.year),
        )
    )
    styles = ctx.styles
    for i, case in enumerate(cases, 1):
        kind = ACTIVITY_TYPES.label(case["type"]) if case["type"] in ACTIVITY_TYPES else ""
        if case["type"] == "theme_day" and case["category"] in THEME_CATEGORIES:
            kind = _("{type} ({category})").format(
                type=kind, category=THEME_CATEGORIES.label(case["category"])
            )
        facts = join_list(
            part
            for part in (
                long_date(date.fromisoformat(case["date"])),
                ctx.tree.path(case["org_uid"]) if case["org_uid"] in ctx.tree.by_uid else "",
                kind,
            )
            if part
        )
        summary = (case["summary"] or "").strip()
        # The case's title, its facts and its summary on one page when they fit.
        story.append(
            KeepTogether(
                [
                    Paragraph(
                        escape(_("{number}. {theme}").format(number=i, theme=case["theme"])),
                        styles.heading2,
                    ),
                    Paragraph(escape(facts), styles.note),
                    prose(ctx, summary)
                    if summary
                    else empty_line(ctx, _("No summary was recorded for this activity.")),
                ]
            )
        )
    return story
