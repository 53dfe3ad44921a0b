"""The annual statistics as readable text for the command line (``stats`` without ``--json``)."""

from __future__ import annotations

from typing import Any

from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    CREATION_LEVELS,
    DIMENSIONS,
    GRADES,
    THEME_CATEGORIES,
)
from desktop_app.formatting import format_percent
from desktop_app.i18n import _, join_list, ngettext


def percent(value: float) -> str:
    """A ratio as a percentage to one decimal place, halves rounded up (0.9605 → 96.1%), as
    people round; formatting the float directly would print 96.0%. The language's own
    percentage format (``formatting.format_percent``)."""
    return format_percent(value)


def _counts(enumeration: Any, counts: dict[str, int]) -> str:
    return join_list(
        _("{label} {count}").format(label=enumeration.label(code), count=counts[code])
        for code in enumeration.codes
    )


def format_stats(stats: dict[str, Any]) -> str:
    orgs = stats["organizations"]
    acts = stats["activities"]
    comp = stats["compliance"]
    ratings = stats["ratings"]
    tasks = stats["tasks"]
    terms = stats["terms"]
    lines = [
        _("{scope}: figures of {year}, as of {as_of}").format(
            scope=stats["scope"] or _("(empty ledger)"), year=stats["year"], as_of=stats["as_of"]
        ),
        "",
        _("Organizations"),
        "  "
        + _("{colleges} college organizations, {branches} branches").format(
            colleges=orgs["colleges"], branches=orgs["branches"]
        ),
        "  "
        + _("Branches by type: {counts}").format(
            counts=_counts(BRANCH_TYPES, orgs["branches_by_type"])
        ),
        "  "
        + _(
            "{full} full members, {probationary} probationary members, {activists} activists"
        ).format(
            full=orgs["members_full"],
            probationary=orgs["members_probationary"],
            activists=orgs["activists"],
        ),
        "  "
        + _("Teacher branches led by a double leader: {ratio}").format(
            ratio=percent(orgs["double_leader_ratio"])
        ),
        "",
        _("Activities"),
        "  "
        + ngettext(
            "{n} activity, {featured} featured",
            "{n} activities, {featured} featured",
            acts["total"],
        ).format(n=acts["total"], featured=acts["featured"]),
        "  " + _("By type: {counts}").format(counts=_counts(ACTIVITY_TYPES, acts["by_type"])),
        "  "
        + _("Theme days by category: {counts}").format(
            counts=_counts(THEME_CATEGORIES, acts["theme_day_by_category"])
        ),
        "  " + _("By dimension: {counts}").format(counts=_counts(DIMENSIONS, acts["by_dimension"])),
        "  " + _("Attendance rate: {rate}").format(rate=percent(acts["attendance_rate"])),
        "",
        _("Theme days"),
        "  "
        + _("Branch-months with a theme day: {rate}").format(rate=percent(comp["theme_day_rate"])),
    ]
    for item in comp["branches_missing"]:
        months = join_list(item["missing_months"])
        lines.append(
            "  "
            + _("{branch}: none in month {months}").format(branch=item["branch"], months=months)
        )
    lines += [
        "",
        _("Star ratings"),
        "  "
        + ngettext("{n} organization rated", "{n} organizations rated", ratings["rated"]).format(
            n=ratings["rated"]
        )
        + _(", ")
        + _("four stars or more: {ratio}").format(ratio=percent(ratings["four_plus_ratio"])),
        "  "
        + join_list(
            _("{stars}★ {count}").format(stars=s, count=ratings["by_stars"][s])
            for s in ("5", "4", "3", "2", "1")
        ),
        "",
        _("Three-level creation"),
    ]
    if not stats["creation"]:
        lines.append("  " + _("No targets or candidates."))
    for row in stats["creation"]:
        lines.append(
            "  "
            + _("{level} ({grade}): target {target}, achieved {achieved}").format(
                level=CREATION_LEVELS.label(row["level"]),
                grade=GRADES.label(row["grade"]),
                achieved=row["achieved"],
                target=row["target"],
            )
        )
    lines += [
        "",
        _("Tasks"),
        "  " + _("{total} tasks, {done} done, {overdue} overdue").format(**tasks),
        "",
        _("Committee terms"),
        "  " + _("Expired: {names}").format(names=join_list(terms["expired"]) or _("none")),
        "  "
        + _("Ending within 180 days: {names}").format(
            names=join_list(terms["expiring_soon"]) or _("none")
        ),
    ]
    return "\n".join(lines)
