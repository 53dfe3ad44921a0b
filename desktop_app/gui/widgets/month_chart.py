"""A stacked bar chart of a year's activities, month by month and by type, painted with
``QPainter`` (Qt Charts is not part of PySide6-Essentials).

The figures come from ``desktop_app.stats.activities_by_month``; the widget only
draws them: twelve bars stacked by type in the enumeration's order, a value axis with round
ticks, the months under the bars in the interface language, the month's total above each bar,
and a legend of the types that occur. Hovering over a month shows its counts as a tooltip.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.formatting import format_month, format_number
from desktop_app.i18n import _, join_list, ngettext

MONTHS = 12
TYPE_COLORS = {
    "theme_day": "#c62828",
    "general_meeting": "#ef6c00",
    "committee_meeting": "#f2b01e",
    "group_meeting": "#2e7d32",
    "party_lecture": "#1565c0",
    "life_meeting": "#6a1b9a",
    "member_review": "#00838f",
    "other": "#8d6e63",
}
FALLBACK_COLOR = "#9e9e9e"
MARGIN = 8
SWATCH = 10
LEGEND_GAP = 16
BAR_SHARE = 0.62  # of a month's slot


def type_label(code: str) -> str:
    return ACTIVITY_TYPES.label(code) if code in ACTIVITY_TYPES else code


def nice_step(maximum: int, ticks: int = 5) -> int:
    """A round step (1, 2, 5 × 10ⁿ) giving at most ``ticks`` intervals up to ``maximum``."""
    if maximum <= ticks:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


class MonthChart(QWidget):
    """Twelve stacked bars; ``set_data(counts, year)`` with counts as ``activities_by_month``
    returns them (type code → twelve counts)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Activities by month"))
        self._counts: dict[str, list[int]] = {}
        self._year = 0
        self._empty_text = ""

    # ---- data ---------------------------------------------------------------------------

    def set_data(self, counts: dict[str, list[int]], year: int, empty_text: str = "") -> None:
        """Show ``counts``; ``empty_text`` is written across the chart when all are zero."""
        self._counts = {code: list(months) for code, months in counts.items()}
        self._year = year
        self._empty_text = empty_text
        self.setAccessibleDescription(self.summary())
        self.update()

    def types_shown(self) -> list[str]:
        """The type codes with at least one activity, in the enumeration's order."""
        return [code for code, months in self._counts.items() if any(months)]

    def month_total(self, month: int) -> int:
        return sum(months[month - 1] for months in self._counts.values())

    def summary(self) -> str:
        """The chart in words, for screen readers."""
        return join_list(
            _("{month}: {count}").format(
                month=format_month(m), count=format_number(self.month_total(m))
            )
            for m in range(1, MONTHS + 1)
        )

    def tooltip_text(self, month: int) -> str:
        total = self.month_total(month)
        lines = [
            ngettext(
                "{month} {year}: {n} activity", "{month} {year}: {n} activities", total
            ).format(month=format_month(month), year=self._year, n=format_number(total))
        ]
        for code in self.types_shown():
            count = self._counts[code][month - 1]
            if count:
                lines.append(
                    _("{type}: {count}").format(type=type_label(code), count=format_number(count))
                )
        return "\n".join(lines)

    # ---- geometry -----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 190)

    def _legend_rows(self, width: float) -> list[list[tuple[str, float]]]:
        """The legend entries (code, width) flowed into rows that fit ``width``."""
        metrics = QFontMetrics(self.font())
        rows: list[list[tuple[str, float]]] = [[]]
        used = 0.0
        for code in self.types_shown():
            entry = SWATCH + 5 + metrics.horizontalAdvance(type_label(code))
            if rows[-1] and used + LEGEND_GAP + entry > width:
                rows.append([])
                used = 0.0
            used += (LEGEND_GAP if rows[-1] else 0) + entry
            rows[-1].append((code, entry))
        return [row for row in rows if row]

    def _scale_max(self) -> tuple[int, int]:
        top = max((self.month_total(m) for m in range(1, MONTHS + 1)), default=0)
        step = nice_step(max(top, 1))
        return step * max(1, math.ceil(top / step)), step

    def _plot_left(self) -> float:
        scale_max, _step = self._scale_max()
        return MARGIN + QFontMetrics(self.font()).horizontalAdvance(format_number(scale_max)) + 8

    def plot_rect(self) -> QRectF:
        """The area the bars are drawn in."""
        line = QFontMetrics(self.font()).height()
        left = self._plot_left()
        legend = self._legend_rows(self.width() - MARGIN - left)
        legend_height = len(legend) * (line + 4) + (6 if legend else 0)
        top = MARGIN + line  # room for the totals above the highest bar
        bottom = self.height() - MARGIN - legend_height - line - 6
        return QRectF(left, top, max(10.0, self.width() - MARGIN - left), max(10.0, bottom - top))

    def slot_rect(self, month: int, plot: QRectF | None = None) -> QRectF:
        """The column of ``month`` (1–12) over the whole height of the plot (``plot_rect()``
        unless given)."""
        plot = self.plot_rect() if plot is None else plot
        slot = plot.width() / MONTHS
        return QRectF(plot.left() + (month - 1) * slot, plot.top(), slot, plot.height())

    def bar_rect(self, month: int, plot: QRectF | None = None) -> QRectF:
        """The stacked bar of ``month``; empty height when the month has none."""
        plot = self.plot_rect() if plot is None else plot
        slot = self.slot_rect(month, plot)
        scale_max, _step = self._scale_max()
        height = plot.height() * self.month_total(month) / scale_max
        width = slot.width() * BAR_SHARE
        return QRectF(slot.center().x() - width / 2, plot.bottom() - height, width, height)

    def month_at(self, pos: QPointF) -> int | None:
        plot = self.plot_rect()
        for month in range(1, MONTHS + 1):
            if self.slot_rect(month, plot).contains(pos):
                return month
        return None

    # ---- painting -----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            month = self.month_at(QPointF(event.pos()))
            if month is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_text(month), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        muted = QColor(text_color)
        muted.setAlpha(150)
        plot = self.plot_rect()
        metrics = QFontMetrics(self.font())
        scale_max, step = self._scale_max()

        # Value axis: round ticks with light grid lines.
        for value in range(0, scale_max + 1, step):
            y = plot.bottom() - plot.height() * value / scale_max
            painter.setPen(QPen(QColor("#ece6e2") if value else muted, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            label = QRectF(
                MARGIN, y - metrics.height() / 2, plot.left() - MARGIN - 6, metrics.height()
            )
            painter.drawText(
                label,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_number(value),
            )
        painter.setPen(QPen(muted, 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        # Bars, stacked in the enumeration's order from the bottom; totals above; months below.
        shown = self.types_shown()
        for month in range(1, MONTHS + 1):
            bar = self.bar_rect(month, plot)
            y = plot.bottom()
            for code in shown:
                count = self._counts[code][month - 1]
                if not count:
                    continue
                height = plot.height() * count / scale_max
                painter.fillRect(
                    QRectF(bar.left(), y - height, bar.width(), height),
                    QColor(TYPE_COLORS.get(code, FALLBACK_COLOR)),
                )
                y -= height
            slot = self.slot_rect(month, plot)
            total = self.month_total(month)
            if total:
                painter.setPen(text_color)
                painter.drawText(
                    QRectF(
                        slot.left(),
                        bar.top() - metrics.height() - 1,
                        slot.width(),
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    format_number(total),
                )
            painter.setPen(muted)
            painter.drawText(
                QRectF(slot.left(), plot.bottom() + 4, slot.width(), metrics.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                metrics.elidedText(
                    format_month(month), Qt.TextElideMode.ElideRight, int(slot.width())
                ),
            )

        # Legend under the months.
        y = plot.bottom() + 4 + metrics.height() + 8
        for row in self._legend_rows(self.width() - MARGIN - plot.left()):
            x = plot.left()
            for code, width in row:
                swatch = QRectF(x, y + (metrics.height() - SWATCH) / 2, SWATCH, SWATCH)
                painter.fillRect(swatch, QColor(TYPE_COLORS.get(code, FALLBACK_COLOR)))
                painter.setPen(text_color)
                painter.drawText(
                    QRectF(x + SWATCH + 5, y, width - SWATCH - 5, metrics.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    type_label(code),
                )
                x += width + LEGEND_GAP
            y += metrics.height() + 4

        if not shown and self._empty_text:
            painter.setPen(muted)
            painter.drawText(
                plot.adjusted(12, 0, -12, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._empty_text,
            )
        painter.end()
