"""The charts of the reports: drawn in the report's font (Chinese labels render and are
embedded; nothing in Helvetica), as wide as asked, with whole-number axes that reach past the
largest bar, and a chart of zeros still draws."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import BarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing

from desktop_app.reports.charts import bar_chart, has_data, nice_step, stacked_month_chart
from desktop_app.reports.fonts import report_fonts
from desktop_app.reports.layout import TEXT_WIDTH

MONTHS = [f"{m}月" for m in range(1, 13)]
SERIES = [
    ("主题党日", [30, 31, 35, 33, 36, 34, 30, 32, 38, 40, 36, 35]),
    ("支委会", [9] * 12),
    ("民主评议党员", [0] * 12),  # a series of zeros: left out of the legend
    ("党课", [0, 12, 0, 0, 0, 14, 0, 0, 0, 0, 0, 16]),
]


@pytest.fixture
def font() -> str:
    return report_fonts().table


def pdf_of(drawing: Drawing, path: Path) -> PdfReader:
    renderPDF.drawToFile(drawing, str(path))
    return PdfReader(path)


def font_names(reader: PdfReader) -> set[str]:
    return {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"].get("/Font", {}).values()
    }


def chart_of(drawing: Drawing) -> BarChart:
    return next(c for c in drawing.contents if isinstance(c, BarChart))


@pytest.mark.parametrize(
    ("largest", "step"),
    [(0, 1), (4, 1), (5, 1), (12, 5), (45, 10), (100, 20), (1100, 500), (2400, 500)],
)
def test_value_axes_step_in_whole_round_numbers(largest: int, step: int) -> None:
    assert nice_step(largest) == step


def test_has_data_means_some_count_above_zero() -> None:
    assert has_data([0, 0, 3])
    assert not has_data([0, 0, 0])
    assert not has_data([])


def test_the_month_chart_stacks_the_series_with_data_in_the_reports_font(
    tmp_path: Path, font: str
) -> None:
    drawing = stacked_month_chart(SERIES, MONTHS, font, TEXT_WIDTH)
    assert drawing.width == TEXT_WIDTH
    chart = chart_of(drawing)
    assert chart.categoryAxis.style == "stacked"
    assert chart.data == [SERIES[0][1], SERIES[1][1], SERIES[3][1]]
    # The axis reaches past the tallest stack (35 + 9 + 14 in June... 40 + 9 in October).
    assert chart.valueAxis.valueMax >= 57
    assert chart.valueAxis.valueMax % chart.valueAxis.valueStep == 0
    legend = next(c for c in drawing.contents if isinstance(c, Legend))
    assert [name for _colour, name in legend.colorNamePairs] == ["主题党日", "支委会", "党课"]

    reader = pdf_of(drawing, tmp_path / "months.pdf")
    text = reader.pages[0].extract_text()
    for label in ("主题党日", "支委会", "党课", "1月", "12月"):
        assert label in text
    assert "民主评议党员" not in text
    names = font_names(reader)
    assert names and all(re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei", n) for n in names)


def test_a_month_chart_of_zeros_still_draws(tmp_path: Path, font: str) -> None:
    drawing = stacked_month_chart([("主题党日", [0] * 12)], MONTHS, font, 400)
    assert not [c for c in drawing.contents if isinstance(c, Legend)]
    assert chart_of(drawing).valueAxis.valueMax == 1
    assert "1月" in pdf_of(drawing, tmp_path / "zeros.pdf").pages[0].extract_text()


def test_a_bar_chart_prints_each_count_at_its_bar(tmp_path: Path, font: str) -> None:
    items = [("志愿服务", 1234), ("社会实践", 71), ("其他", 0)]
    drawing = bar_chart(items, font, TEXT_WIDTH, horizontal=True)
    assert drawing.width == TEXT_WIDTH
    chart = chart_of(drawing)
    # The first item is drawn at the top, as a table reads: the data run bottom-up.
    assert chart.categoryAxis.categoryNames == ["其他", "社会实践", "志愿服务"]
    assert chart.valueAxis.valueMax > 1234
    reader = pdf_of(drawing, tmp_path / "bars.pdf")
    text = reader.pages[0].extract_text()
    for fragment in ("志愿服务", "社会实践", "1,234", "71"):
        assert fragment in text
    assert "Helvetica" not in "".join(font_names(reader))


def test_vertical_bars_for_short_labels(tmp_path: Path, font: str) -> None:
    drawing = bar_chart([("5星", 17), ("4星", 16), ("1星", 1)], font, 300, height=150)
    assert (drawing.width, drawing.height) == (300, 150)
    chart = chart_of(drawing)
    assert chart.categoryAxis.categoryNames == ["5星", "4星", "1星"]
    assert chart.data == [[17, 16, 1]]
    text = pdf_of(drawing, tmp_path / "stars.pdf").pages[0].extract_text()
    assert "5星" in text and "17" in text
