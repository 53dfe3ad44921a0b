"""Charts of the printed reports, drawn with ``reportlab.graphics`` in the report's own font
(so Chinese labels render and are embedded like the text).

Each function takes figures already computed by ``desktop_app.stats`` and the labels to show,
and returns a ``Drawing`` as wide as it is given (a flowable: it goes straight into a story).
A chart of nothing but zeros is not drawn: callers check ``has_data`` first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.formatting import format_number

LABEL_SIZE = 9.0
AXIS_GREY = colors.Color(0.35, 0.35, 0.35)
GRID_GREY = colors.Color(0.85, 0.85, 0.85)
# Sober, distinct fills that stay apart when printed in grey: the party red first.
PALETTE = (
    colors.Color(0.78, 0.10, 0.10),
    colors.Color(0.93, 0.62, 0.20),
    colors.Color(0.20, 0.40, 0.65),
    colors.Color(0.45, 0.65, 0.35),
    colors.Color(0.55, 0.35, 0.60),
    colors.Color(0.35, 0.70, 0.75),
    colors.Color(0.60, 0.45, 0.30),
    colors.Color(0.60, 0.60, 0.60),
    colors.Color(0.95, 0.80, 0.45),
    colors.Color(0.25, 0.25, 0.25),
)


def _drawing(width: float, height: float, font: str) -> Drawing:
    """An empty drawing whose text state starts in ``font`` (ReportLab's default, Helvetica,
    would otherwise be named in the PDF without being embedded)."""
    drawing = Drawing(width, height)
    drawing.initialFontName = font
    return drawing


def figure(value: float) -> str:
    """A value on an axis or a bar, as the report's language groups numbers: 1310 → 1,310."""
    return format_number(int(value) if float(value).is_integer() else value)


def has_data(values: Sequence[float]) -> bool:
    return any(v > 0 for v in values)


def nice_step(largest: float, ticks: int = 5) -> int:
    """A whole step for a value axis from 0 to ``largest``: 1, 2 or 5 times a power of ten,
    giving about ``ticks`` ticks."""
    if largest <= ticks:
        return 1
    rough = largest / ticks
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if rough <= factor * power:
            return int(factor * power)
    return int(10 * power)  # pragma: no cover - the loop always returns


def _axis_top(largest: float, step: int) -> int:
    return max(step, math.ceil(largest / step) * step)


def _style_value_axis(axis: Any, font: str, largest: float) -> None:
    step = nice_step(largest)
    axis.valueMin = 0
    axis.valueMax = _axis_top(largest, step)
    axis.valueStep = step
    axis.labels.fontName = font
    axis.labels.fontSize = LABEL_SIZE
    axis.labelTextFormat = figure
    axis.strokeColor = AXIS_GREY
    axis.visibleGrid = True
    axis.gridStrokeColor = GRID_GREY
    axis.gridStrokeWidth = 0.5


def _legend(
    font: str, entries: Sequence[tuple[colors.Color, str]], width: float
) -> tuple[Legend, float]:
    """A legend in as many columns as fit across ``width``, to stand at the foot of a drawing;
    returns it and its height."""
    widest = max(stringWidth(label, font, LABEL_SIZE) for _, label in entries)
    column = widest + 10 + 14 + 12  # swatch, gap, text, space between columns
    per_row = max(1, min(len(entries), int(width // column)))
    rows = math.ceil(len(entries) / per_row)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = LABEL_SIZE
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.x = max(0.0, (width - per_row * column) / 2)
    legend.y = rows * (LABEL_SIZE + 5)  # its top: it hangs from there
    legend.dx = legend.dy = 8
    legend.dxTextSpace = 4
    legend.deltay = LABEL_SIZE + 5
    legend.deltax = column
    legend.columnMaximum = rows
    legend.autoXPadding = 12
    legend.strokeWidth = 0
    legend.strokeColor = None
    legend.colorNamePairs = list(entries)
    return legend, rows * (LABEL_SIZE + 5)


def stacked_month_chart(
    series: Sequence[tuple[str, Sequence[int]]],
    months: Sequence[str],
    font: str,
    width: float,
    height: float = 200.0,
) -> Drawing:
    """Bars per month, one stacked segment per series (an activity type, say). ``series`` is
    (label, twelve counts) in the order to stack; series of zeros are left out of the legend."""
    shown = [(label, list(values)) for label, values in series if has_data(values)]
    entries = [(PALETTE[i % len(PALETTE)], label) for i, (label, _) in enumerate(shown)]
    legend, legend_height = _legend(font, entries, width) if entries else (None, 0.0)
    drawing = _drawing(width, height + legend_height + 8, font)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, legend_height + 8 + 18
    chart.width, chart.height = width - 44, height - 34
    chart.data = [values for _, values in shown] or [[0] * len(months)]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = list(months)
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = AXIS_GREY
    totals = [sum(col) for col in zip(*chart.data, strict=True)]
    _style_value_axis(chart.valueAxis, font, max(totals, default=0))
    chart.barWidth = 10
    chart.groupSpacing = 8
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.3
    drawing.add(chart)
    if legend is not None:
        drawing.add(legend)
    return drawing


def bar_chart(
    items: Sequence[tuple[str, int]],
    font: str,
    width: float,
    *,
    horizontal: bool = False,
    bar_height: float = 16.0,
    height: float = 160.0,
    color: colors.Color = PALETTE[0],
) -> Drawing:
    """One bar per (label, count), its count printed at its end. Horizontal bars suit long
    labels (the theme-day categories); vertical ones short labels (stars)."""
    labels = [label for label, _ in items]
    values = [value for _, value in items]
    largest = max(values, default=0)
    if horizontal:
        label_width = max((stringWidth(t, font, LABEL_SIZE) for t in labels), default=0) + 8
        height = len(items) * (bar_height + 6) + 30
        chart: HorizontalBarChart | VerticalBarChart = HorizontalBarChart()
        chart.x, chart.y = label_width, 18
        chart.width, chart.height = width - label_width - 40, height - 26
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
        # The first item at the top, as a table reads.
        labels, values = labels[::-1], values[::-1]
    else:
        chart = VerticalBarChart()
        chart.x, chart.y = 36, 18
        chart.width, chart.height = width - 44, height - 34
        chart.barLabels.boxAnchor = "s"
        chart.barLabels.dy = 2
    chart.data = [values]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = AXIS_GREY
    _style_value_axis(chart.valueAxis, font, largest * 1.1)
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = figure
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE
    chart.groupSpacing = 6 if horizontal else 14
    drawing = _drawing(width, height, font)
    drawing.add(chart)
    return drawing
