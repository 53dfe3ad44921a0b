"""支部年度台账: a branch's ledger of organizational life for one year.

The scope is a branch: that branch's ledger. The scope is a college or the whole ledger: a list
of its active branches, then one ledger per branch, each on a new page with its own outline
entry, in the order of their paths. A ledger holds a header block (path, secretary, members,
year, as-of date), every activity of the year in date order with its attendance, the totals by
type, the months without a theme day (from the statistics' compliance figures) and a sign-off
block kept on one page.

The activities of every branch come from one query; the months missing from ``ctx.stats``.
"""

from __future__ import annotations

import json
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph

from desktop_app.domain.orgtree import Organization
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.reports.branch_tables import (
    FEATURED_MARK,
    NO_VALUE,
    Activity,
    activity_table,
    header_block,
    sign_off,
    totals_prose,
    totals_table,
)
from desktop_app.reports.common import count, empty_line, long_date, month_name, title_block
from desktop_app.reports.context import KIND_LABELS, ReportContext
from desktop_app.reports.layout import DocumentInfo, Heading, data_table, escape, gap
from desktop_app.stats import due_months

TABLE_START = 150  # points: room for a heading, a table's header and its first rows


# The activities of the year of the branches in ``:uids`` (a JSON array), in date order.
_ACTIVITIES = (
    "SELECT org_uid, date, type, category, theme, place, host, expected, actual, dimensions, "
    "featured FROM activities "
    "WHERE deleted_at IS NULL AND date BETWEEN :start AND :end "
    "AND org_uid IN (SELECT value FROM json_each(:uids)) "
    "ORDER BY date, created_at, rowid"
)


def build(ctx: ReportContext) -> tuple[list[Flowable], DocumentInfo]:
    year = ctx.request.year
    branches = scope_branches(ctx)
    activities = read_activities(ctx, [b.uid for b in branches])
    missing = {
        item["branch"]: item["missing_months"]
        for item in ctx.stats["compliance"]["branches_missing"]
    }
    scope = ctx.scope
    single = scope is not None and scope.level == "branch"
    story: list[Flowable] = []
    if scope is not None and single:
        title = ledger_title(scope.name, year)
        story.append(Heading(title, ctx.styles.title, 0))
        story.extend(title_block(ctx, title)[1:])
    else:
        title = _("{scope}: branch ledgers of organizational life, {year}").format(
            scope=ctx.scope_name, year=year
        )
        story.extend(title_block(ctx, title))
        story.extend(_index(ctx, branches, activities, missing))
    for done, branch in enumerate(branches):
        ctx.step(done, len(branches))
        if not single:
            heading = Heading(ledger_title(branch.name, year), ctx.styles.title, 0)
            heading.outline_text = ctx.tree.path(branch.uid)  # the outline names it by its path
            story.extend([PageBreak(), heading])
        story.extend(
            branch_ledger(ctx, branch, activities.get(branch.uid, []), missing, first=single)
        )
    ctx.step(len(branches), len(branches))
    info = DocumentInfo(
        issuer=ctx.issuer,
        title=title,
        subject=_(KIND_LABELS["branch"]),
        keywords=[_("branch ledger"), _("organizational life"), str(year), ctx.scope_name],
        fonts=ctx.fonts,
    )
    return story, info


def ledger_title(branch: str, year: int) -> str:
    return _("{branch}: ledger of organizational life, {year}").format(branch=branch, year=year)


def scope_branches(ctx: ReportContext) -> list[Organization]:
    """The branch of the scope, or the active branches under it in the order of their paths
    (the tree lists siblings by name, parents before children)."""
    if ctx.scope is not None and ctx.scope.level == "branch":
        return [ctx.scope]
    return [
        org
        for org in (ctx.tree.by_uid[uid] for uid in ctx.scope_uids())
        if org.level == "branch" and org.active
    ]


def read_activities(ctx: ReportContext, uids: list[str]) -> dict[str, list[Activity]]:
    """Every activity of the year of the branches ``uids``, by branch, in date order: one
    query for all of them."""
    year = ctx.request.year
    found: dict[str, list[Activity]] = {}
    params = {"start": f"{year:04d}-01-01", "end": f"{year:04d}-12-31", "uids": json.dumps(uids)}
    for row in ctx.ledger.query(_ACTIVITIES, params):
        found.setdefault(row["org_uid"], []).append(
            Activity(
                day=date.fromisoformat(row["date"]),
                type=row["type"],
                category=row["category"],
                theme=row["theme"],
                place=row["place"] or "",
                host=row["host"] or "",
                expected=row["expected"],
                actual=row["actual"],
                dimensions=list(json.loads(row["dimensions"] or "[]")),
                featured=bool(row["featured"]),
            )
        )
    return found


def _months(months: list[int]) -> str:
    return join_list(month_name(m) for m in months)


# ---- the list of branches (a college's or the whole ledger's volume) -------------------------


def _index(
    ctx: ReportContext,
    branches: list[Organization],
    activities: dict[str, list[Activity]],
    missing: dict[str, list[int]],
) -> list[Flowable]:
    styles = ctx.styles
    story: list[Flowable] = [Heading(_("Branches in this volume"), styles.heading1, 0)]
    if not branches:
        story.append(
            empty_line(ctx, _("{scope} has no active branch.").format(scope=ctx.scope_name))
        )
        return story
    story.append(
        Paragraph(
            escape(
                ngettext(
                    "This volume holds the ledger of organizational life of {count} active "
                    "branch for {year}; each ledger begins on a new page.",
                    "This volume holds the ledgers of organizational life of {count} active "
                    "branches for {year}; each ledger begins on a new page.",
                    len(branches),
                ).format(count=count(len(branches)), year=ctx.request.year)
            ),
            styles.body,
        )
    )
    rows = []
    for number, branch in enumerate(branches, 1):
        path = ctx.tree.path(branch.uid)
        gaps = missing.get(path, [])
        rows.append(
            [
                number,
                path,
                branch.secretary or NO_VALUE,
                count(len(activities.get(branch.uid, []))),
                _months(gaps) if gaps else NO_VALUE,
            ]
        )
    story.append(gap(0.3))
    story.append(
        data_table(
            styles,
            [
                _("No."),
                _("Branch"),
                _("Secretary"),
                _("Activities"),
                _("Months without a theme day"),
            ],
            rows,
            [10, 70, 20, 16, 40],
            numeric=(0, 3),
        )
    )
    return story


# ---- one branch's ledger ---------------------------------------------------------------------


def branch_ledger(
    ctx: ReportContext,
    branch: Organization,
    activities: list[Activity],
    missing: dict[str, list[int]],
    *,
    first: bool,
) -> list[Flowable]:
    styles = ctx.styles
    year = ctx.request.year
    story: list[Flowable] = [gap(0.2) if first else gap(0.4), header_block(ctx, branch)]
    # The heading stays with the table's first rows, not with all of it: a long table after a
    # heading that must keep with it would leave the rest of the page empty.
    heading = ParagraphStyle("ledger_heading", parent=styles.heading1, keepWithNext=False)
    story.append(CondPageBreak(TABLE_START))
    story.append(Heading(_("Activities of the year"), heading, 1))
    if activities:
        story.append(activity_table(styles, activities))
        if any(a.featured for a in activities):
            story.append(
                Paragraph(
                    escape(_("{mark} marks a featured case.").format(mark=FEATURED_MARK)),
                    styles.note,
                )
            )
    else:
        story.append(
            empty_line(
                ctx,
                _("No records this year: {branch} recorded no activities in {year}.").format(
                    branch=branch.name, year=year
                ),
            )
        )
    totals: list[Flowable] = [Heading(_("Totals and theme days"), styles.heading1, 1)]
    if activities:
        totals.append(Paragraph(escape(totals_prose(activities, year)), styles.body))
        totals.append(totals_table(styles, activities))
        totals.append(gap(0.3))
    totals.append(_theme_days(ctx, branch, missing))
    story.append(KeepTogether(totals))
    story.append(sign_off(ctx, branch))
    return story


def _theme_days(
    ctx: ReportContext, branch: Organization, missing: dict[str, list[int]]
) -> Flowable:
    as_of = long_date(ctx.as_of)
    if not branch.active:
        text = _("A dissolved branch owes no theme days.")
    elif not due_months(branch.founded_on, ctx.request.year, ctx.as_of):
        text = _("No theme day was due by {as_of}.").format(as_of=as_of)
    else:
        gaps = missing.get(ctx.tree.path(branch.uid), [])
        if gaps:
            text = ngettext(
                "Month without a theme day by {as_of}: {months}.",
                "Months without a theme day by {as_of}: {months}.",
                len(gaps),
            ).format(as_of=as_of, months=_months(gaps))
        else:
            text = _("A theme day was held in every month due by {as_of}.").format(as_of=as_of)
    return Paragraph(escape(text), ctx.styles.body)
