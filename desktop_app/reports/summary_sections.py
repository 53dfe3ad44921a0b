"""The sections of the annual summary on the organizations, their organizational life, the
theme party days and the star ratings: a paragraph carrying the figures, then tables and charts.

Every figure comes from ``ctx.stats`` (``compute_stats``), the month-by-month counts from
``stats.activities_by_month``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from desktop_app.domain.enums import ACTIVITY_TYPES, BRANCH_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.reports.charts import bar_chart, has_data, stacked_month_chart
from desktop_app.reports.common import (
    chart_block,
    chart_room,
    count,
    empty_line,
    figures_table,
    month_name,
    percent,
    prose,
    section_heading,
    sentences,
    table_block,
)
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import TEXT_WIDTH, data_table, gap
from desktop_app.stats import MONTHS, activities_by_month

STAR_LEVELS = (5, 4, 3, 2, 1)


def stars_label(stars: int) -> str:
    """A star rating as the tables and charts name it: "5 stars" / 5星."""
    return ngettext("{n} star", "{n} stars", stars).format(n=stars)


def _counts(enumeration: Any, counts: dict[str, int], *, nonzero: bool = False) -> str:
    """``label count`` for each code of ``enumeration``, joined as the language joins lists."""
    return join_list(
        _("{label} {count}").format(label=enumeration.label(code), count=count(counts.get(code, 0)))
        for code in enumeration.codes
        if counts.get(code) or not nonzero
    )


def _count_table(
    ctx: ReportContext,
    enumeration: Any,
    counts: dict[str, int],
    headers: Sequence[str],
    total: int,
    unrecorded: str,
) -> Flowable:
    """One row per code of ``enumeration`` (zeros included), a row ``unrecorded`` for those
    of the ``total`` without a code (branches of no recorded type, theme days of no recorded
    category) when there are any, and the total."""
    rows = [[enumeration.label(code), count(counts.get(code, 0))] for code in enumeration.codes]
    rest = total - sum(counts.values())
    if rest > 0:
        rows.append([unrecorded, count(rest)])
    rows.append([_("Total"), count(total)])
    return data_table(ctx.styles, headers, rows, (3, 1), numeric=(1,))


# ---- 一、organizations ----------------------------------------------------------------


def organizations(ctx: ReportContext, number: int) -> list[Flowable]:
    orgs = ctx.stats["organizations"]
    teachers = orgs["branches_by_type"].get("teacher", 0)
    text = sentences(
        ngettext(
            "{scope} has {colleges} college party organization and {branches} party branches "
            "({types}).",
            "{scope} has {colleges} college party organizations and {branches} party branches "
            "({types}).",
            orgs["colleges"],
        ).format(
            scope=ctx.scope_name,
            colleges=count(orgs["colleges"]),
            branches=count(orgs["branches"]),
            types=_counts(BRANCH_TYPES, orgs["branches_by_type"], nonzero=True),
        )
        if orgs["branches"]
        else _(
            "{scope} has {colleges} college party organizations and no active party branch."
        ).format(scope=ctx.scope_name, colleges=count(orgs["colleges"])),
        _(
            "There are {full} full members and {probationary} probationary members, and "
            "{activists} activists are being trained."
        ).format(
            full=count(orgs["members_full"]),
            probationary=count(orgs["members_probationary"]),
            activists=count(orgs["activists"]),
        ),
        _(
            "In {ratio} of the teacher branches the secretary is a double leader (a party "
            "leader who also leads in teaching or research)."
        ).format(ratio=percent(orgs["double_leader_ratio"]))
        if teachers
        else "",
    )
    return [
        *section_heading(ctx, (number,), _("Party organizations and members")),
        prose(ctx, text),
        *table_block(
            ctx,
            _("Party branches by type"),
            _count_table(
                ctx,
                BRANCH_TYPES,
                orgs["branches_by_type"],
                (_("Type of branch"), _("Branches")),
                orgs["branches"],
                _("Type not recorded"),
            ),
        ),
    ]


# ---- 二、organizational life ----------------------------------------------------------


def activities(ctx: ReportContext, number: int) -> list[Flowable]:
    acts = ctx.stats["activities"]
    year = ctx.request.year
    story: list[Flowable] = section_heading(ctx, (number,), _("Organizational life"))
    if not acts["total"]:
        story.append(
            empty_line(
                ctx,
                _("No activity of organizational life has been recorded for {year} yet.").format(
                    year=year
                ),
            )
        )
        return story
    story.append(
        prose(
            ctx,
            sentences(
                ngettext(
                    "In {year} the party organizations held {total} activity of organizational "
                    "life: {types}.",
                    "In {year} the party organizations held {total} activities of organizational "
                    "life: {types}.",
                    acts["total"],
                ).format(
                    year=year,
                    total=count(acts["total"]),
                    types=_counts(ACTIVITY_TYPES, acts["by_type"], nonzero=True),
                ),
                ngettext(
                    "The average attendance rate was {rate}, and {featured} activity was chosen "
                    "as a featured case.",
                    "The average attendance rate was {rate}, and {featured} activities were chosen "
                    "as featured cases.",
                    acts["featured"],
                ).format(rate=percent(acts["attendance_rate"]), featured=count(acts["featured"])),
            ),
        )
    )
    by_month = activities_by_month(ctx.ledger, year, ctx.scope.uid if ctx.scope else None)
    chart = stacked_month_chart(
        [(ACTIVITY_TYPES.label(c), by_month[c]) for c in ACTIVITY_TYPES.codes],
        [month_name(m) for m in range(1, MONTHS + 1)],
        ctx.fonts.table,
        TEXT_WIDTH,
        height=170,
    )
    story += [
        *section_heading(ctx, (number, 1), _("Activities by type")),
        *table_block(
            ctx,
            _("Activities of organizational life by type"),
            _count_table(
                ctx,
                ACTIVITY_TYPES,
                acts["by_type"],
                (_("Type"), _("Activities")),
                acts["total"],
                _("Type not recorded"),
            ),
        ),
        *section_heading(ctx, (number, 2), _("Activities by month"), chart_room(chart)),
        chart_block(ctx, chart, _("Activities per month, by type")),
        *table_block(
            ctx,
            _("Activities of organizational life by month and type"),
            _month_table(ctx, by_month),
        ),
        *section_heading(ctx, (number, 3), _("The ten dimensions of education")),
        prose(
            ctx,
            _(
                "Tagged with the ten dimensions of education they serve, the "
                "activities count as follows: {counts}. An activity may serve several "
                "dimensions."
            ).format(counts=_counts(DIMENSIONS, acts["by_dimension"])),
        ),
        *table_block(
            ctx,
            _("Activities by dimension of education"),
            _count_table_no_total(ctx, DIMENSIONS, acts["by_dimension"]),
        ),
    ]
    return story


def _count_table_no_total(ctx: ReportContext, enumeration: Any, counts: dict[str, int]) -> Flowable:
    """Dimensions overlap (an activity may serve several), so their counts have no total."""
    rows = [[enumeration.label(code), count(counts.get(code, 0))] for code in enumeration.codes]
    return data_table(ctx.styles, (_("Dimension"), _("Activities")), rows, (3, 1), numeric=(1,))


def _month_table(ctx: ReportContext, by_month: dict[str, list[int]]) -> Flowable:
    """Months down, activity types across (only types held this year), a total column."""
    codes = [c for c in ACTIVITY_TYPES.codes if has_data(by_month.get(c, []))]
    headers = [_("Month"), *(ACTIVITY_TYPES.label(c) for c in codes), _("Total")]
    rows: list[list[object]] = []
    for m in range(MONTHS):
        values = [by_month[c][m] for c in codes]
        rows.append([month_name(m + 1), *map(count, values), count(sum(values))])
    by_type = ctx.stats["activities"]["by_type"]
    rows.append(
        [_("Total"), *(count(by_type[c]) for c in codes), count(ctx.stats["activities"]["total"])]
    )
    widths = (1.2, *([1.0] * len(codes)), 1.1)
    return figures_table(ctx, headers, rows, widths, numeric=range(1, len(headers)))


# ---- 三、theme party days and their months --------------------------------------------


def _held_text(ctx: ReportContext, held: int, categories: dict[str, int]) -> str:
    """How many theme days were held, and of which categories where any are recorded."""
    if not held:
        return _("No theme party day has been recorded for {year} yet.").format(
            year=ctx.request.year
        )
    if not has_data(list(categories.values())):
        return ngettext(
            '{count} theme party day was held under the "theme party day +" model.',
            '{count} theme party days were held under the "theme party day +" model.',
            held,
        ).format(count=count(held))
    return ngettext(
        '{count} theme party day was held under the "theme party day +" model ({counts}).',
        '{count} theme party days were held under the "theme party day +" model ({counts}).',
        held,
    ).format(count=count(held), counts=_counts(THEME_CATEGORIES, categories, nonzero=True))


def theme_days(ctx: ReportContext, number: int) -> list[Flowable]:
    acts = ctx.stats["activities"]
    comp = ctx.stats["compliance"]
    categories = acts["theme_day_by_category"]
    missing = comp["branches_missing"]
    held = acts["by_type"]["theme_day"]
    text = sentences(
        _held_text(ctx, held, categories),
        _("The branches held a theme party day in {rate} of the months they owed one.").format(
            rate=percent(comp["theme_day_rate"])
        ),
        ngettext(
            "{n} branch missed at least one month.",
            "{n} branches missed at least one month.",
            len(missing),
        ).format(n=count(len(missing)))
        if missing
        else _("No branch missed a month."),
    )
    story: list[Flowable] = [
        *section_heading(ctx, (number,), _("Theme party days")),
        prose(ctx, text),
        *section_heading(ctx, (number, 1), _("Theme party days by category")),
        *table_block(
            ctx,
            _("Theme party days by category"),
            _count_table(
                ctx,
                THEME_CATEGORIES,
                categories,
                (_("Category"), _("Theme party days")),
                held,
                _("Category not recorded"),
            ),
        ),
    ]
    if has_data(list(categories.values())):
        chart = bar_chart(
            [(THEME_CATEGORIES.label(c), n) for c, n in categories.items()],
            ctx.fonts.table,
            TEXT_WIDTH,
            horizontal=True,
        )
        story += [gap(0.5), chart_block(ctx, chart, _("Theme party days by category"))]
    story += section_heading(ctx, (number, 2), _("Branches that missed theme party days"))
    if not missing:
        story.append(
            empty_line(ctx, _("Every branch held a theme party day in every month it owed one."))
        )
        return story
    rows = [
        [
            str(i),
            item["branch"],
            count(len(item["missing_months"])),
            join_list(month_name(m) for m in item["missing_months"]),
        ]
        for i, item in enumerate(missing, 1)
    ]
    story += [
        *table_block(
            ctx,
            _("Branches and the months without a theme party day"),
            data_table(
                ctx.styles,
                (_("No."), _("Branch"), _("Months missed"), _("Months without a theme party day")),
                rows,
                (0.9, 5.2, 1.4, 3.6),
                numeric=(0, 2),
            ),
        ),
    ]
    return story


# ---- 四、star ratings -----------------------------------------------------------------


def ratings(ctx: ReportContext, number: int) -> list[Flowable]:
    rated = ctx.stats["ratings"]
    by_stars = rated["by_stars"]
    story: list[Flowable] = section_heading(ctx, (number,), _("Star ratings"))
    if not rated["rated"]:
        story.append(
            empty_line(
                ctx,
                _("No star ratings have been recorded for {year} yet.").format(
                    year=ctx.request.year
                ),
            )
        )
        return story
    stars_text = join_list(
        _("{label} {count}").format(label=stars_label(s), count=count(by_stars[str(s)]))
        for s in STAR_LEVELS
        if by_stars[str(s)]
    )
    story += [
        prose(
            ctx,
            ngettext(
                "{rated} organization was rated for {year} ({stars}); {ratio} of those rated "
                "have four stars or more.",
                "{rated} organizations were rated for {year} ({stars}); {ratio} of those rated "
                "have four stars or more.",
                rated["rated"],
            ).format(
                rated=count(rated["rated"]),
                year=ctx.request.year,
                stars=stars_text,
                ratio=percent(rated["four_plus_ratio"]),
            ),
        ),
        *table_block(
            ctx,
            _("Organizations by star rating"),
            data_table(
                ctx.styles,
                (_("Rating"), _("Organizations")),
                [[stars_label(s), count(by_stars[str(s)])] for s in STAR_LEVELS]
                + [[_("Total rated"), count(rated["rated"])]],
                (3, 1),
                numeric=(1,),
            ),
        ),
        gap(0.5),
        chart_block(
            ctx,
            bar_chart(
                [(stars_label(s), by_stars[str(s)]) for s in STAR_LEVELS],
                ctx.fonts.table,
                TEXT_WIDTH,
            ),
            _("Organizations by star rating"),
        ),
    ]
    return story
