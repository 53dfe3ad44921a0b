"""年度党建工作总结: the annual summary of party work of the whole ledger or of a subtree.

One section per part of the statistics contract — organizations, organizational life, theme
party days, star ratings, the 三级联创 campaign, tasks, committee terms — each a paragraph of
generated prose carrying its figures, then its tables and charts; the featured cases of the year
close the document. Every figure comes from ``ctx.stats``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desktop_app.i18n import N_, _
from desktop_app.reports import summary_lists, summary_sections
from desktop_app.reports.common import (
    count,
    empty_line,
    key_figures,
    long_date,
    percent,
    prose,
    table_block,
    title_block,
)
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import BODY_SIZE, DocumentInfo, escape, gap

# The figures of the table at the head of the summary: where each is in the statistics, and
# its label. Ratios are shown as percentages, lists by their length.
KEY_FIGURES: tuple[tuple[tuple[str, str], str], ...] = (
    (("organizations", "colleges"), N_("College party organizations")),
    (("organizations", "branches"), N_("Party branches")),
    (("organizations", "members_full"), N_("Full members")),
    (("organizations", "members_probationary"), N_("Probationary members")),
    (("organizations", "activists"), N_("Activists")),
    (
        ("organizations", "double_leader_ratio"),
        N_("Teacher branches whose secretary is a double leader"),
    ),
    (("activities", "total"), N_("Activities of organizational life")),
    (("activities", "attendance_rate"), N_("Average attendance rate")),
    (("activities", "featured"), N_("Featured cases")),
    (("compliance", "theme_day_rate"), N_("Months owed with a theme party day held")),
    (("compliance", "branches_missing"), N_("Branches that missed a theme party day")),
    (("ratings", "rated"), N_("Organizations rated")),
    (("ratings", "four_plus_ratio"), N_("Rated four stars or more")),
    (("tasks", "total"), N_("Tasks of the plan")),
    (("tasks", "done"), N_("Tasks done")),
    (("tasks", "overdue"), N_("Tasks overdue")),
    (("terms", "expired"), N_("Committees whose term has expired")),
    (("terms", "expiring_soon"), N_("Committees whose term ends within 180 days")),
)


def figure_text(value: int | float | list[Any]) -> str:
    """A figure of the statistics as the summary prints it: a count, a ratio as a percentage,
    a list by its length."""
    if isinstance(value, list):
        return count(len(value))
    if isinstance(value, float):
        return percent(value)
    return count(value)


def key_figures_table(ctx: ReportContext) -> list[Flowable]:
    """The year at a glance: every single figure of the statistics in one table."""
    rows = [(_(label), figure_text(ctx.stats[part][key])) for (part, key), label in KEY_FIGURES]
    return table_block(
        ctx, _("Key figures of {year}").format(year=ctx.request.year), key_figures(ctx, rows)
    )


Section = Callable[[ReportContext, int], list[Flowable]]

SECTIONS: tuple[Section, ...] = (
    summary_sections.organizations,
    summary_sections.activities,
    summary_sections.theme_days,
    summary_sections.ratings,
    summary_lists.creation,
    summary_lists.tasks,
    summary_lists.terms,
    summary_lists.featured,
)


def summary_title(scope: str, year: int) -> str:
    return _("{scope} annual summary of party work for {year}").format(scope=scope, year=year)


def _signature(ctx: ReportContext) -> list[Flowable]:
    """The organization whose work is summarized and the date, at the right, four characters
    in from the margin (GB/T 9704: 发文机关署名 and 成文日期)."""
    style = ParagraphStyle(
        "signature",
        parent=ctx.styles.body,
        firstLineIndent=0,
        alignment=TA_RIGHT,
        rightIndent=4 * BODY_SIZE,
    )
    lines = [escape(ctx.scope_name), escape(long_date(ctx.generated.date()))]
    return [gap(1), Paragraph("<br/>".join(lines), style)]


def build(ctx: ReportContext) -> tuple[list[Flowable], DocumentInfo]:
    year = ctx.request.year
    title = summary_title(ctx.scope_name, year)
    story: list[Flowable] = title_block(ctx, title)
    if ctx.tree.root is None:
        story.append(
            empty_line(
                ctx,
                _(
                    "Nothing has been recorded in this ledger yet: there are no party "
                    "organizations, so there is nothing to summarize for {year}. Import a "
                    "workbook or add the organizations and their activities first."
                ).format(year=year),
            )
        )
    else:
        story.append(
            prose(
                ctx,
                _(
                    "This summary reports the party work of {scope} in {year} as recorded in "
                    "the ledger up to {as_of}: the party organizations, their organizational "
                    "life, the theme party days, the star ratings, the three-level creation "
                    "campaign, the tasks of the plan, the committee terms and the featured cases."
                ).format(scope=ctx.scope_name, year=year, as_of=long_date(ctx.as_of)),
            )
        )
        story += key_figures_table(ctx)
        for number, section in enumerate(SECTIONS, 1):
            ctx.step(number - 1, len(SECTIONS))
            story += section(ctx, number)
        ctx.step(len(SECTIONS), len(SECTIONS))
        # The signature never stands alone on the last page: it keeps the last case with it.
        story[-1] = KeepTogether([story[-1], *_signature(ctx)])
    info = DocumentInfo(
        issuer=ctx.issuer,
        title=title,
        subject=_("Annual summary of party work of {scope} for {year}").format(
            scope=ctx.scope_name, year=year
        ),
        keywords=(
            _("annual summary of party work"),
            _("party building"),
            str(year),
            ctx.scope_name,
        ),
        fonts=ctx.fonts,
    )
    return story, info
