"""The annual statistics as the Reports page shows them: sentences and tables made from the
dict of ``compute_stats``, in the words the command line's ``stats`` already uses
(``stats_text``), so the sheet, the CLI and the catalogs agree; dates, months, numbers and
percentages are written as the interface language writes them (``formatting``). Nothing is
computed here: every figure is read from the dict.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    CREATION_LEVELS,
    DIMENSIONS,
    GRADES,
    THEME_CATEGORIES,
)
from desktop_app.domain.orgtree import SEPARATOR, OrgTree
from desktop_app.formatting import format_date, format_month, format_number, format_percent
from desktop_app.gui.figure_tables import Cell, FiguresModel
from desktop_app.i18n import _, join_list, ngettext

number, percent = format_number, format_percent

STARS = ("5", "4", "3", "2", "1")


def scope_reference(tree: OrgTree, uid: str | None) -> str | None:
    """What to pass to ``compute_stats`` (and ``stats --scope``) for the organization ``uid``:
    its path from the root, which names exactly one organization; None for the whole ledger."""
    root = tree.root
    if uid is None or root is None or uid == root.uid or uid not in tree.by_uid:
        return None
    return root.name + SEPARATOR + tree.path(uid)


def heading(stats: dict[str, Any]) -> str:
    return _("{scope}: figures of {year}, as of {as_of}").format(
        scope=stats["scope"] or _("(empty ledger)"),
        year=stats["year"],
        as_of=format_date(stats["as_of"]),
    )


def organization_lines(stats: dict[str, Any]) -> list[str]:
    orgs = stats["organizations"]
    return [
        _("{colleges} college organizations, {branches} branches").format(
            colleges=number(orgs["colleges"]), branches=number(orgs["branches"])
        ),
        _("{full} full members, {probationary} probationary members, {activists} activists").format(
            full=number(orgs["members_full"]),
            probationary=number(orgs["members_probationary"]),
            activists=number(orgs["activists"]),
        ),
        _("Teacher branches led by a double leader: {ratio}").format(
            ratio=percent(orgs["double_leader_ratio"])
        ),
    ]


def activity_lines(stats: dict[str, Any]) -> list[str]:
    acts = stats["activities"]
    return [
        ngettext(
            "{n} activity, {featured} featured",
            "{n} activities, {featured} featured",
            acts["total"],
        ).format(n=number(acts["total"]), featured=number(acts["featured"])),
        _("Attendance rate: {rate}").format(rate=percent(acts["attendance_rate"])),
    ]


def compliance_lines(stats: dict[str, Any]) -> list[str]:
    rate = stats["compliance"]["theme_day_rate"]
    return [_("Branch-months with a theme day: {rate}").format(rate=percent(rate))]


def rating_lines(stats: dict[str, Any]) -> list[str]:
    ratings = stats["ratings"]
    return [
        ngettext("{n} organization rated", "{n} organizations rated", ratings["rated"]).format(
            n=number(ratings["rated"])
        )
        + _(", ")
        + _("four stars or more: {ratio}").format(ratio=percent(ratings["four_plus_ratio"]))
    ]


def task_lines(stats: dict[str, Any]) -> list[str]:
    tasks = {key: number(value) for key, value in stats["tasks"].items()}
    return [_("{total} tasks, {done} done, {overdue} overdue").format(**tasks)]


def _counts(enumeration: Any, counts: dict[str, int]) -> tuple[list[list[Cell]], list[str]]:
    codes = list(enumeration.codes)
    rows = [[Cell.label(enumeration.label(c), c), Cell.number(counts[c])] for c in codes]
    return rows, codes


def term_label(state: str) -> str:
    """The heading of a list of committee terms: ``expired`` or ``expiring_soon``."""
    return _("Term expired") if state == "expired" else _("Term ends within 180 days")


class StatsModels(QObject):
    """The tables of the sheet; ``fill(stats)`` reloads every one from a ``compute_stats``
    dict. Row keys are the contract's codes (stars as "5"…"1", branches and organizations by
    path), so a figure can be found again by the key the JSON uses."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.branch_types = FiguresModel([_("Branch type"), _("Branches")], parent=self)
        self.activity_types = FiguresModel([_("Type"), _("Activities")], parent=self)
        self.categories = FiguresModel([_("Category"), _("Theme days")], parent=self)
        self.dimensions = FiguresModel([_("Dimension"), _("Activities")], parent=self)
        self.missing = FiguresModel([_("Branch"), _("Months without a theme day")], parent=self)
        self.stars = FiguresModel([_("Stars"), _("Organizations")], parent=self)
        self.creation = FiguresModel(
            [_("Level"), _("Grade"), _("Target"), _("Achieved")], parent=self
        )
        self.expired = FiguresModel([term_label("expired")], parent=self)
        self.expiring = FiguresModel([term_label("expiring_soon")], parent=self)

    def all(self) -> list[FiguresModel]:
        return [
            self.branch_types,
            self.activity_types,
            self.categories,
            self.dimensions,
            self.missing,
            self.stars,
            self.creation,
            self.expired,
            self.expiring,
        ]

    def fill(self, stats: dict[str, Any]) -> None:
        orgs, acts = stats["organizations"], stats["activities"]
        self.branch_types.set_rows(*_counts(BRANCH_TYPES, orgs["branches_by_type"]))
        self.activity_types.set_rows(*_counts(ACTIVITY_TYPES, acts["by_type"]))
        self.categories.set_rows(*_counts(THEME_CATEGORIES, acts["theme_day_by_category"]))
        self.dimensions.set_rows(*_counts(DIMENSIONS, acts["by_dimension"]))
        missing = stats["compliance"]["branches_missing"]
        self.missing.set_rows(
            [
                [
                    Cell.label(item["branch"]),
                    Cell.label(
                        join_list(format_month(m) for m in item["missing_months"]),
                        list(item["missing_months"]),
                    ),
                ]
                for item in missing
            ],
            [item["branch"] for item in missing],
        )
        by_stars = stats["ratings"]["by_stars"]
        self.stars.set_rows(
            [
                [
                    Cell(
                        "★" * int(s),
                        int(s),
                        _("{stars}★ {count}").format(stars=s, count=number(by_stars[s])),
                        right=False,
                    ),
                    Cell.number(by_stars[s]),
                ]
                for s in STARS
            ],
            list(STARS),
        )
        creation = stats["creation"]
        self.creation.set_rows(
            [
                [
                    Cell.label(CREATION_LEVELS.label(row["level"]), row["level"]),
                    Cell.label(GRADES.label(row["grade"]), row["grade"]),
                    Cell.number(row["target"]),
                    Cell.number(row["achieved"]),
                ]
                for row in creation
            ],
            [(row["level"], row["grade"]) for row in creation],
        )
        for model, state in ((self.expired, "expired"), (self.expiring, "expiring_soon")):
            paths = stats["terms"][state]
            model.set_rows([[Cell.label(path)] for path in paths], list(paths))
