"""What every kind of report writes the same way: percentages, counts, dates and months, the
title block, the line that says there is nothing to list; numbered headings (一、/（一）),
running text, numbered table and chart captions, and the rules that keep a heading or a
caption from ending a page alone.

Every report formats its figures through these functions, which hand them to
``desktop_app.formatting`` (Babel), so a figure reads the same in the summary, the branch
ledger, the creation report and in the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from desktop_app.formatting import format_date, format_month, format_number, format_percent
from desktop_app.i18n import _, current_language
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import TEXT_WIDTH, Heading, data_table, escape

__all__ = [
    "caption",
    "chart_block",
    "chart_room",
    "chinese_numeral",
    "count",
    "empty_line",
    "figures_table",
    "key_figures",
    "long_date",
    "month_name",
    "numbered_heading",
    "percent",
    "prose",
    "prose_style",
    "section_heading",
    "sentences",
    "stacked_date",
    "table_block",
    "title_block",
]


def percent(x: float) -> str:
    """A ratio in 0–1 as a percentage to one decimal place: 0.91 → ``91.0%``."""
    return format_percent(x)


def count(n: int) -> str:
    """A count with thousands separated: 1310 → ``1,310``."""
    return format_number(n)


def long_date(d: date) -> str:
    """A date as the report's language writes it: ``2025年3月18日`` in Chinese,
    ``Mar 18, 2025`` in English."""
    return format_date(d)


def stacked_date(d: date) -> str:
    """``long_date`` with the year on a line of its own, for a narrow column of dates:
    ``2025年`` over ``3月18日``, ``Mar 18,`` over ``2025``."""
    text = long_date(d)
    if "年" in text:
        return text.replace("年", "年\n", 1)
    head, space, year = text.rpartition(" ")
    return f"{head}\n{year}" if space and year.isdigit() else text


def month_name(month: int) -> str:
    """A month of the year (1–12) in a table or a list: ``3月`` in Chinese, ``Mar`` otherwise."""
    return format_month(month)


def title_block(ctx: ReportContext, title: str) -> list[Flowable]:
    """The document's title, then a line with its scope, the as-of date and the date it was
    generated (the masthead above it is the page's)."""
    subtitle = _("{scope} · figures as of {as_of} · generated on {generated}").format(
        scope=ctx.scope_name,
        as_of=long_date(ctx.as_of),
        generated=long_date(ctx.generated.date()),
    )
    return [
        Paragraph(escape(title), ctx.styles.title),
        Paragraph(escape(subtitle), ctx.styles.subtitle),
    ]


def empty_line(ctx: ReportContext, text: str) -> Flowable:
    """A plain line where a table or a list would stand: "No activities recorded this year."."""
    return prose(ctx, text)


_NUMERALS = "〇一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1–99 in Chinese numerals, as headings number their sections: 3 → 三, 12 → 十二."""
    if n < 10:
        return _NUMERALS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens]) + "十" + (_NUMERALS[units] if units else "")


# Room a heading needs below it (itself, a caption, a table's header and its first rows, or
# three lines of text), and room a table's caption needs (itself, the header, three rows):
# with less left on the page they start on the next one, so neither ends a page alone.
HEADING_ROOM = 130.0
TABLE_ROOM = 100.0


def _style(ctx: ReportContext, base: ParagraphStyle, name: str, **changes: Any) -> ParagraphStyle:
    """``base`` with ``changes``, made once per report."""
    key = f"style:{name}"
    style = ctx.extra.get(key)
    if style is None:
        style = ctx.extra[key] = ParagraphStyle(name, parent=base, **changes)
    return style


def numbered_heading(ctx: ReportContext, numbers: Sequence[int], text: str) -> Heading:
    """A section heading numbered as official documents number them — ``一、`` then ``（一）``
    in Chinese, ``1.`` then ``1.1`` otherwise — at outline level ``len(numbers) - 1`` (the
    level-1 style for sections, level-2 for their parts). It keeps with the next flowable
    (the styles' ``keepWithNext``); ``section_heading`` keeps only with its first lines."""
    level = len(numbers) - 1
    if current_language().startswith("zh"):
        n = chinese_numeral(numbers[-1])
        label = f"{n}、{text}" if level == 0 else f"（{n}）{text}"
    else:
        label = f"{numbers[0]}. {text}" if level == 0 else f"{'.'.join(map(str, numbers))} {text}"
    style = ctx.styles.heading1 if level == 0 else ctx.styles.heading2
    return Heading(label, style, level)


def section_heading(
    ctx: ReportContext, numbers: Sequence[int], text: str, room: float = HEADING_ROOM
) -> list[Flowable]:
    """``numbered_heading`` that starts a new page only when the page has less than ``room``
    points left for it and what must follow it on the same page (its first lines by default;
    pass more when a chart, which cannot split, follows). Keeping a heading with the whole of
    a long table or paragraph would leave the rest of the page empty."""
    heading = numbered_heading(ctx, numbers, text)
    heading.keepWithNext = False  # read before the style's by ReportLab
    return [CondPageBreak(room), heading]


def prose_style(ctx: ReportContext) -> ParagraphStyle:
    """The body style for running text. Chinese text wraps between any two characters; other
    languages wrap between words, ragged right (ReportLab's CJK wrapping would break English
    words, and it loses the spaces at the line ends of a paragraph continued on the next
    page)."""
    if current_language().startswith("zh"):
        return ctx.styles.body
    return _style(ctx, ctx.styles.body, "prose_words", wordWrap=None, alignment=TA_LEFT)


def sentences(*parts: str) -> str:
    """Sentences one after the other, as the language writes them (a space between them in
    English, none in Chinese); empty parts are left out."""
    separator = "" if current_language().startswith("zh") else " "
    return separator.join(part for part in parts if part)


def prose(ctx: ReportContext, text: str) -> Paragraph:
    """A paragraph of the body text (plain text: markup characters are escaped)."""
    return Paragraph(escape(text), prose_style(ctx))


def caption(ctx: ReportContext, kind: str, text: str) -> Paragraph:
    """A numbered caption over a table (``kind`` "table") or under a chart ("figure"):
    表1 … / 图1 … , numbered through the document."""
    key = f"{kind}_number"
    ctx.extra[key] = number = ctx.extra.get(key, 0) + 1
    if kind == "table":
        label = _("Table {number}  {text}").format(number=number, text=text)
    else:
        label = _("Figure {number}  {text}").format(number=number, text=text)
    style = _style(
        ctx,
        ctx.styles.note,
        f"{kind}_caption",
        fontName=ctx.fonts.heading1,
        alignment=TA_CENTER,
        spaceBefore=6,
        spaceAfter=3 if kind == "table" else 6,
    )
    return Paragraph(escape(label), style)


def chart_block(ctx: ReportContext, drawing: Drawing, title: str) -> KeepTogether:
    """A chart over its numbered caption, the two on one page."""
    return KeepTogether([drawing, caption(ctx, "figure", title)])


def chart_room(drawing: Drawing) -> float:
    """What ``section_heading`` must find left on the page to keep the chart under it: the
    heading, the chart and its caption."""
    return float(drawing.height) + 60


def table_block(ctx: ReportContext, title: str, table: Flowable) -> list[Flowable]:
    """A table under its numbered caption, on a new page only when the caption, the header
    and the first rows would not fit on this one (a long table then runs on, its header
    repeated)."""
    return [CondPageBreak(TABLE_ROOM), caption(ctx, "table", title), table]


def key_figures(
    ctx: ReportContext, rows: Sequence[tuple[str, str]], headers: Sequence[str] | None = None
) -> Table:
    """A two-column table of labelled figures (already formatted), the figures on the right."""
    return data_table(
        ctx.styles,
        headers or (_("Item"), _("Figure")),
        [list(row) for row in rows],
        (3, 1),
        numeric=(1,),
    )


class UpwardLabel(Flowable):
    """A table header that reads from bottom to top, for a column narrower than a word of its
    label (English labels over columns of figures)."""

    def __init__(self, text: str, font: str, size: float) -> None:
        super().__init__()
        self.text, self.font, self.size = text, font, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = stringWidth(self.text, self.font, self.size) + 2
        return availWidth, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(self.font, self.size)
        canvas.translate(self.width / 2 + self.size * 0.35, 1)
        canvas.rotate(90)
        canvas.drawString(0, 0, self.text)
        canvas.restoreState()


def figures_table(
    ctx: ReportContext,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
) -> Table:
    """``data_table`` for many narrow columns of figures: a header with a Latin word wider
    than its column is turned to read upwards instead of being broken inside the word."""
    table = data_table(ctx.styles, headers, rows, widths, numeric=numeric)
    style = ctx.styles.header_cell
    total = sum(widths)
    padding = 12  # the table's left and right padding of a cell
    for i, (header, width) in enumerate(zip(headers, widths, strict=True)):
        room = TEXT_WIDTH * width / total - padding
        if any(
            word.isascii() and stringWidth(word, style.fontName, style.fontSize) > room
            for word in header.split()
        ):
            # ReportLab offers no public way to replace a cell once the table is made.
            table._cellvalues[0][i] = UpwardLabel(header, style.fontName, style.fontSize)
    return table
