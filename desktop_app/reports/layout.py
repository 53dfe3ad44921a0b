"""The page and the type of every report: GB/T 9704-2012 (党政机关公文格式) on A4.

Top margin 37 mm, binding-side margin 28 mm, a text block of 156 × 225 mm; the issuing office
in red over a red rule on the first page; the title in 2号 (22 pt); level-1 headings in 3号
hei, level-2 in 3号 kai; the body in 3号 (16 pt), about 22 lines of 28 characters; page numbers
"— N —" in 4号 at the foot, odd pages on the right and even ones on the left; the mark
"内部资料 注意保存" at the top left of the first page. Tables use smaller type.

``ReportDocument`` adds the PDF outline (one bookmark per heading) and the metadata.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app import __version__
from desktop_app.i18n import _
from desktop_app.reports.fonts import ReportFonts

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP, LEFT = 37 * mm, 28 * mm
TEXT_WIDTH, TEXT_HEIGHT = 156 * mm, 225 * mm
RIGHT = PAGE_WIDTH - LEFT - TEXT_WIDTH
BOTTOM = PAGE_HEIGHT - TOP - TEXT_HEIGHT
RED = colors.Color(0.85, 0.0, 0.0)
RULE_GREY = colors.Color(0.45, 0.45, 0.45)
HEADER_FILL = colors.Color(0.94, 0.94, 0.94)

BODY_SIZE, BODY_LEADING = 16, 28.9  # 3号, 22 lines in the 225 mm block
TABLE_SIZE, TABLE_LEADING = 10.5, 14  # 五号
PAGE_NUMBER_SIZE = 14  # 4号
MASTHEAD = 36 * mm  # the head of the first page inside the text block: mark, issuer, red rule


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    header_cell: ParagraphStyle


def _wrap() -> str:
    """Wrap between any two characters: names and themes are Chinese in every language, and a
    long one must never run off the page. (English prose wraps between words: the summary's
    prose style sets that for itself.)"""
    return "CJK"


def make_styles(fonts: ReportFonts) -> Styles:
    """The styles of a report in the current language (call it inside the report's
    ``i18n.language`` block)."""
    wrap = _wrap()
    body = ParagraphStyle(
        "body",
        fontName=fonts.body,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        firstLineIndent=2 * BODY_SIZE,  # two characters, as Chinese paragraphs begin
        alignment=TA_JUSTIFY,
        wordWrap=wrap,
    )
    cell = ParagraphStyle(
        "cell", fontName=fonts.table, fontSize=TABLE_SIZE, leading=TABLE_LEADING, wordWrap=wrap
    )
    return Styles(
        title=ParagraphStyle(
            "title",
            fontName=fonts.title,
            fontSize=22,
            leading=35,
            alignment=TA_CENTER,
            spaceBefore=6,
            spaceAfter=6,
            wordWrap=wrap,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            parent=body,
            fontName=fonts.heading2,
            firstLineIndent=0,
            alignment=TA_CENTER,
            spaceAfter=BODY_LEADING / 2,
        ),
        heading1=ParagraphStyle(
            "heading1",
            parent=body,
            fontName=fonts.heading1,
            alignment=0,
            spaceBefore=BODY_LEADING / 3,
            keepWithNext=True,
        ),
        heading2=ParagraphStyle(
            "heading2", parent=body, fontName=fonts.heading2, alignment=0, keepWithNext=True
        ),
        body=body,
        note=ParagraphStyle(
            "note", parent=cell, fontSize=12, leading=18, spaceBefore=3, spaceAfter=3
        ),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        header_cell=ParagraphStyle(
            "header_cell", parent=cell, fontName=fonts.heading1, alignment=TA_CENTER
        ),
    )


def escape(text: object) -> str:
    """Text for a ``Paragraph``, which reads a small markup: ``<``, ``>`` and ``&`` escaped."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def cell_text(value: object) -> str:
    """A table cell's value for a ``Paragraph``: escaped, each line break kept as one."""
    return escape(value).replace("\n", "<br/>")


class Heading(Paragraph):
    """A heading that becomes a bookmark of the PDF's outline at ``level`` (0 or 1)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(text), style)
        self.outline_text = text
        self.outline_level = level


def data_table(
    styles: Styles,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
) -> Table:
    """A table that wraps long texts in its cells and repeats its header on every page it
    runs onto. ``widths`` are fractions of the text width; ``numeric`` columns align right; a
    line break in a value starts a new line in its cell."""
    total = sum(widths)
    col_widths = [TEXT_WIDTH * w / total for w in widths]
    body = [
        [
            Paragraph(cell_text(value), styles.cell_right if i in numeric else styles.cell)
            for i, value in enumerate(row)
        ]
        for row in rows
    ]
    header = [Paragraph(cell_text(h), styles.header_cell) for h in headers]
    table = Table([header, *body], colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # The cells are Paragraphs in their own fonts, but a Table sets its cell font
                # on the canvas too: without this it names Helvetica, which is not embedded.
                ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE_GREY),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def gap(lines: float = 0.5) -> Spacer:
    return Spacer(1, BODY_LEADING * lines)


@dataclass(frozen=True)
class DocumentInfo:
    """What the page furniture and the PDF's metadata say."""

    issuer: str  # the issuing office: the root organization's name
    title: str
    subject: str
    keywords: Sequence[str]
    fonts: ReportFonts


class ReportDocument(BaseDocTemplate):
    """A4 in the GB/T 9704 layout, with an outline entry for every ``Heading``."""

    def __init__(
        self,
        target: Any,
        info: DocumentInfo,
        on_flowable: Callable[[], None] | None = None,
    ) -> None:
        """``on_flowable`` is called after each flowable is laid out (progress, cancel)."""
        self.on_flowable = on_flowable
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=LEFT,
            rightMargin=RIGHT,
            topMargin=TOP,
            bottomMargin=BOTTOM,
            title=info.title,
            author=info.issuer,
            subject=info.subject,
            keywords=list(info.keywords),
            creator=f"Party Ledger {__version__}",
            producer=f"Party Ledger {__version__} (ReportLab)",
            invariant=1,  # no random ids or creation time: the same ledger gives the same file
            # Every page starts in a report font: ReportLab's default (Helvetica) would be
            # named in each page's resources, a font the PDF does not embed.
            initialFontName=info.fonts.body,
        )
        self.info = info
        padding = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        first = Frame(LEFT, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT - MASTHEAD, id="first", **padding)
        later = Frame(LEFT, BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, id="text", **padding)
        self.addPageTemplates(
            [
                PageTemplate("first", [first], onPage=self._furniture, autoNextPageTemplate="page"),
                PageTemplate("page", [later], onPage=self._furniture),
            ]
        )
        self._bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:
        if self.on_flowable is not None:
            self.on_flowable()
        if isinstance(flowable, Heading):
            key = f"h{self._bookmarks}"
            self._bookmarks += 1
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level)

    def _furniture(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        fonts = self.info.fonts
        page = canvas.getPageNumber()
        canvas.saveState()
        if page == 1:
            top = PAGE_HEIGHT - TOP
            canvas.setFont(fonts.heading1, BODY_SIZE)
            canvas.drawString(LEFT, top - BODY_SIZE, _("Internal material · keep safe"))
            canvas.setFillColor(RED)
            canvas.setStrokeColor(RED)
            size = _issuer_size(canvas, fonts.title, self.info.issuer)
            canvas.setFont(fonts.title, size)
            canvas.drawCentredString(LEFT + TEXT_WIDTH / 2, top - 22 * mm, self.info.issuer)
            canvas.setLineWidth(1.2)
            y = top - MASTHEAD + 6 * mm
            canvas.line(LEFT, y, LEFT + TEXT_WIDTH, y)
            canvas.setFillColor(colors.black)
        canvas.setFont(fonts.body, PAGE_NUMBER_SIZE)
        number = f"— {page} —"
        y = BOTTOM - 12 * mm
        indent = PAGE_NUMBER_SIZE  # one character in from the text block's edge
        if page % 2:
            canvas.drawRightString(LEFT + TEXT_WIDTH - indent, y, number)
        else:
            canvas.drawString(LEFT + indent, y, number)
        canvas.restoreState()


def _issuer_size(canvas: Canvas, font: str, text: str) -> float:
    """The issuing office in large red type, smaller when a long name would not fit."""
    size = 26.0
    while size > 14 and canvas.stringWidth(text, font, size) > TEXT_WIDTH:
        size -= 1
    return size
