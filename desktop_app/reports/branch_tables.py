"""The parts of a branch's ledger (支部年度台账) that are tables: the header block, the
activities of the year, the totals by type, the sign-off block."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    DIMENSIONS,
    ORG_LEVELS,
    THEME_CATEGORIES,
    Enumeration,
)
from desktop_app.domain.orgtree import Organization
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.reports.common import count, long_date, percent, stacked_date
from desktop_app.reports.common import sentences as join_sentences
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import (
    HEADER_FILL,
    RULE_GREY,
    TEXT_WIDTH,
    Styles,
    cell_text,
    data_table,
    escape,
    gap,
)
from desktop_app.stats import ratio

FEATURED_MARK = "★"
BLANK = "_" * 14  # the line a signature or a date is written on
NO_VALUE = "—"
CELL_PADDING = 2.5  # points left and right: the ledger's table has nine narrow columns


@dataclass(frozen=True)
class Activity:
    day: date
    type: str
    category: str | None
    theme: str
    place: str
    host: str
    expected: int | None
    actual: int | None
    dimensions: list[str]
    featured: bool


def label(enumeration: Enumeration, code: str | None) -> str:
    """The label of a code; a code the enumeration does not know is shown as it is."""
    if code is None:
        return ""
    return enumeration.label(code) if code in enumeration else code


def header_block(ctx: ReportContext, branch: Organization) -> Table:
    styles = ctx.styles
    key_style = ParagraphStyle("ledger_key", parent=styles.header_cell, alignment=0)
    secretary = branch.secretary or NO_VALUE
    if branch.secretary and branch.double_leader:
        secretary = _("{name} (double leader)").format(name=branch.secretary)
    members = _("{full} full, {probationary} probationary; {activists} activists").format(
        full=branch.members_full,
        probationary=branch.members_probationary,
        activists=branch.activists,
    )
    if not branch.active:
        members = (
            _("{members} (dissolved on {date})").format(
                members=members, date=long_date(date.fromisoformat(branch.dissolved_on))
            )
            if branch.dissolved_on
            else _("{members} (dissolved)").format(members=members)
        )
    pairs = [
        [(_("Branch"), ctx.tree.path(branch.uid))],
        [
            (_("Secretary"), secretary),
            (_("Branch type"), label(BRANCH_TYPES, branch.branch_type) or NO_VALUE),
        ],
        [(_("Members"), members)],
        [(_("Year"), str(ctx.request.year)), (_("Figures as of"), long_date(ctx.as_of))],
    ]
    data: list[list[Any]] = []
    spans = []
    for row_index, row in enumerate(pairs):
        cells: list[Any] = []
        for key, value in row:
            cells.append(Paragraph(escape(key), key_style))
            cells.append(Paragraph(cell_text(value), styles.cell))
        if len(row) == 1:
            cells.extend(["", ""])
            spans.append(("SPAN", (1, row_index), (3, row_index)))
        data.append(cells)
    width = TEXT_WIDTH
    table = Table(
        data, colWidths=[width * 0.14, width * 0.40, width * 0.16, width * 0.30], hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                # A Table names its cell font on the canvas even for Paragraph cells.
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                *spans,
            ]
        )
    )
    return table


def _type_text(activity: Activity) -> str:
    kind = label(ACTIVITY_TYPES, activity.type)
    if activity.type == "theme_day" and activity.category:
        category = label(THEME_CATEGORIES, activity.category)
        return kind + "\n" + _("({category})").format(category=category)
    return kind


def _attendance(activity: Activity) -> str:
    """``actual/expected`` and the rate beneath it when both are known."""
    expected, actual = activity.expected, activity.actual
    if expected:
        if actual is None:
            return f"{NO_VALUE}/{expected}"
        return f"{actual}/{expected}\n{percent(ratio(actual, expected))}"
    if actual is not None:
        return str(actual)
    return NO_VALUE


def activity_table(styles: Styles, activities: list[Activity]) -> Table:
    rows = [
        [
            number,
            # The year on a line of its own keeps the date column narrow.
            stacked_date(a.day),
            _type_text(a),
            a.theme,
            a.place or NO_VALUE,
            a.host or NO_VALUE,
            _attendance(a),
            join_list(label(DIMENSIONS, d) for d in a.dimensions) or NO_VALUE,
            FEATURED_MARK if a.featured else "",
        ]
        for number, a in enumerate(activities, 1)
    ]
    table = data_table(
        styles,
        [
            _("No."),
            _("Date"),
            _("Type"),
            _("Theme"),
            _("Place"),
            _("Host"),
            _("Attended / expected"),
            _("Dimensions"),
            FEATURED_MARK,
        ],
        rows,
        [8, 21, 20, 37, 18, 14, 15, 16, 7],
        numeric=(0,),
    )
    table.setStyle(
        TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("ALIGN", (-1, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    return table


@dataclass
class _Totals:
    count: int = 0
    actual: int = 0
    expected: int = 0  # over activities with an expected attendance, as the statistics count

    def add(self, activity: Activity) -> None:
        self.count += 1
        if activity.expected:
            self.expected += activity.expected
            self.actual += activity.actual or 0

    def attendance(self) -> tuple[str, str]:
        if not self.expected:
            return NO_VALUE, NO_VALUE
        return f"{self.actual}/{self.expected}", percent(ratio(self.actual, self.expected))


def _totals(activities: list[Activity]) -> tuple[dict[str, _Totals], _Totals]:
    by_type = {code: _Totals() for code in ACTIVITY_TYPES.codes}
    overall = _Totals()
    for activity in activities:
        by_type.setdefault(activity.type, _Totals()).add(activity)
        overall.add(activity)
    return by_type, overall


def totals_prose(activities: list[Activity], year: int) -> str:
    _by_type, overall = _totals(activities)
    featured = sum(a.featured for a in activities)
    sentences = [
        ngettext(
            "In {year} the branch recorded {count} activity, {featured} of them featured.",
            "In {year} the branch recorded {count} activities, {featured} of them featured.",
            overall.count,
        ).format(year=year, count=count(overall.count), featured=featured)
    ]
    if overall.expected:
        sentences.append(
            _("Of {expected} members expected, {actual} attended: {rate}.").format(
                expected=count(overall.expected),
                actual=count(overall.actual),
                rate=percent(ratio(overall.actual, overall.expected)),
            )
        )
    return join_sentences(*sentences)


def totals_table(styles: Styles, activities: list[Activity]) -> Table:
    by_type, overall = _totals(activities)
    rows = []
    for code, totals in by_type.items():
        rows.append([label(ACTIVITY_TYPES, code), totals.count, *totals.attendance()])
    rows.append([_("Total"), overall.count, *overall.attendance()])
    table = data_table(
        styles,
        [_("Type"), _("Activities"), _("Attended / expected"), _("Attendance rate")],
        rows,
        [40, 20, 25, 20],
        numeric=(1, 2, 3),
    )
    table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL)]))
    return table


def sign_off(ctx: ReportContext, branch: Organization) -> Flowable:
    """Where the branch secretary signs and the organization above reviews: on one page."""
    styles = ctx.styles
    line = ParagraphStyle("sign_off", parent=styles.body, firstLineIndent=0)
    parent = ctx.tree.by_uid.get(branch.parent_uid or "")
    reviewer = label(ORG_LEVELS, parent.level if parent else "college")
    rows = [
        [
            Paragraph(
                escape(_("Signature of the branch secretary: {blank}").format(blank=BLANK)), line
            ),
            Paragraph(escape(_("Date: {blank}").format(blank=BLANK)), line),
        ],
        [
            Paragraph(
                escape(
                    _("Reviewed by ({reviewer}): {blank}").format(reviewer=reviewer, blank=BLANK)
                ),
                line,
            ),
            "",
        ],
    ]
    table = Table(rows, colWidths=[TEXT_WIDTH * 0.62, TEXT_WIDTH * 0.38], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("SPAN", (0, 1), (1, 1)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return KeepTogether([gap(0.6), table])
