"""The PDF preview (pages rendered by PDFium into the window, zoom, page count) and printing a
PDF page by page on a printer (here one that writes a PDF file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen.canvas import Canvas

from desktop_app.errors import StorageError
from desktop_app.gui import pdf_preview, printing
from desktop_app.gui.pdf_preview import FIT_WIDTH, ZOOMS, PdfPreview, open_pdf, render_page
from desktop_app.gui.worker import JobCancelled

# A red square 1 inch from the left and top of the first page, 1 inch wide.
SQUARE = (72, 72, 72)


def make_pdf(path: Path, sizes: list[tuple[float, float]]) -> Path:
    canvas = Canvas(str(path))
    for number, size in enumerate(sizes, start=1):
        canvas.setPageSize(size)
        if number == 1:
            left, top, side = SQUARE
            canvas.setFillColorRGB(1, 0, 0)
            canvas.rect(left, size[1] - top - side, side, side, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.drawString(72, 36, f"page {number}")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def three_pages(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "three.pdf", [A4, landscape(A4), A5])


def open_preview(qtbot, width: int = 900, height: int = 700) -> PdfPreview:  # type: ignore[no-untyped-def]
    preview = PdfPreview(placeholder="Nothing to show yet")
    qtbot.addWidget(preview)
    preview.resize(width, height)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_shows_the_placeholder_until_a_file_is_loaded(qtbot) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot)
    assert preview.stack.currentWidget() is preview.placeholder
    assert preview.placeholder.text() == "Nothing to show yet"
    assert preview.page_count() == 0 and preview.path() is None
    assert not preview.zoom_in_button.isEnabled() and not preview.zoom_box.isEnabled()


def test_opens_a_multi_page_pdf(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot)
    with qtbot.waitSignal(preview.loaded) as signal:
        assert preview.load(three_pages) == 3
    assert signal.args == [3]
    assert preview.page_count() == 3
    assert preview.pages_label.text() == "3 pages"
    assert preview.stack.currentWidget() is preview.scroll
    assert preview.path() == three_pages
    preview.set_zoom(1.0)
    # At 100 % a page has its printed size on a 96-dpi screen: A4 is 794 × 1123 pixels.
    sizes = [(view.width(), view.height()) for view in preview.page_views()]
    assert sizes == [(794, 1123), (1123, 794), (559, 794)]
    assert [view.objectName() for view in preview.page_views()] == [
        "pdfPage1",
        "pdfPage2",
        "pdfPage3",
    ]


def test_a_page_renders_in_its_colours(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot)
    preview.load(three_pages)
    image = preview.page_image(0, 794)
    assert image is not None
    assert (image.width(), image.height()) == (794, 1123)
    # The red square (1 inch = 96 pixels from the top left, 96 wide) is red, not blue: the
    # bytes PDFium writes are read in their order.
    assert image.pixelColor(96 + 48, 96 + 48) == QColor(255, 0, 0)
    assert image.pixelColor(400, 600) == QColor(255, 255, 255)
    # A device pixel ratio of 2 renders twice the pixels for the same logical width.
    sharp = preview.page_image(0, 794, 2.0)
    assert sharp is not None and sharp.width() == 1588 and sharp.devicePixelRatio() == 2.0


def test_render_page_gives_an_image_that_owns_its_pixels(three_pages: Path) -> None:
    document = open_pdf(three_pages)
    page = document[2]
    image = render_page(page, 1.0)
    page.close()
    document.close()
    assert image.width() == 420 and 595 <= image.height() <= 596  # A5 in points at 72 dpi
    assert image.pixelColor(10, 10) == QColor(255, 255, 255)


def test_only_the_pages_in_view_are_rendered(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rendered: list[float] = []
    original = pdf_preview.render_page

    def counting(page, scale):  # type: ignore[no-untyped-def]
        rendered.append(scale)
        return original(page, scale)

    monkeypatch.setattr(pdf_preview, "render_page", counting)
    preview = open_preview(qtbot)
    preview.load(make_pdf(tmp_path / "long.pdf", [A4] * 20))
    qtbot.waitUntil(lambda: len(rendered) > 0)
    qtbot.wait(50)
    first = len(rendered)
    assert first <= 2  # a page fills the view's width: one or two are in view
    bar = preview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: len(rendered) > first)
    qtbot.wait(50)
    assert len(rendered) <= first + 2
    last = preview.page_views()[-1]
    assert not last.visibleRegion().isEmpty()
    assert preview.page_views()[0].visibleRegion().isEmpty()


def test_zoom_steps_through_the_box_and_fits_the_width(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot)
    preview.load(three_pages)
    assert preview.fits_width()
    assert preview.zoom_box.currentData() == FIT_WIDTH
    room = preview.scroll.viewport().width()
    widest = max(view.width() for view in preview.page_views())  # the landscape page
    assert room - 2 * pdf_preview.PAGE_GAP - 2 <= widest <= room - 2 * pdf_preview.PAGE_GAP
    preview.set_zoom(1.0)
    assert not preview.fits_width() and preview.zoom_box.currentText() == "100%"
    preview.zoom_in_button.click()
    assert preview.zoom() == 1.25 and preview.zoom_box.currentText() == "125%"
    assert preview.page_views()[0].width() == round(595.2756 * 1.25 * 96 / 72)
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.zoom() == 0.75
    preview.set_zoom(ZOOMS[0])
    assert not preview.zoom_out_button.isEnabled() and preview.zoom_in_button.isEnabled()
    preview.set_zoom(9.0)  # beyond the box: its largest
    assert preview.zoom() == ZOOMS[-1] and not preview.zoom_in_button.isEnabled()
    preview.zoom_box.setCurrentIndex(0)
    preview.zoom_box.activated.emit(0)
    assert preview.fits_width()
    # Fitting follows the width of the view.
    before = preview.page_views()[0].width()
    preview.resize(600, 700)
    qtbot.waitUntil(lambda: preview.page_views()[0].width() < before)


def test_a_file_that_is_not_a_pdf_is_refused_and_the_shown_one_kept(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, three_pages: Path
) -> None:
    preview = open_preview(qtbot)
    preview.load(three_pages)
    bad = tmp_path / "notes.pdf"
    bad.write_text("not a PDF", encoding="utf-8")
    with pytest.raises(StorageError, match="not a PDF file"):
        preview.load(bad)
    with pytest.raises(StorageError, match="could not be read"):
        preview.load(tmp_path / "missing.pdf")
    assert preview.page_count() == 3 and preview.path() == three_pages


def test_the_file_is_not_held_open(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    """The report can be written again under the same name while it is shown."""
    preview = open_preview(qtbot)
    preview.load(three_pages)
    three_pages.unlink()
    image = preview.page_image(1, 400)
    assert image is not None and image.width() == 400


def test_clear_goes_back_to_the_placeholder(qtbot, three_pages: Path) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot)
    preview.load(three_pages)
    preview.clear("Generate a report")
    assert preview.page_count() == 0 and preview.path() is None
    assert preview.stack.currentWidget() is preview.placeholder
    assert preview.placeholder.text() == "Generate a report"
    assert preview.page_image(0, 100) is None


# ---- printing ------------------------------------------------------------------------------


def pdf_printer(path: Path) -> QPrinter:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)  # enough to check the layout, quick to write
    return printer


def test_printing_paints_every_page(qtapp_or_qapp, three_pages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "printed.pdf"
    printer = pdf_printer(target)
    steps: list[tuple[int, int]] = []
    assert printing.print_pdf(three_pages, printer, progress=lambda d, t: steps.append((d, t))) == 3
    assert steps == [(1, 3), (2, 3), (3, 3)]
    printed = PdfReader(target)
    assert len(printed.pages) == 3
    # On A4 paper an A4 page keeps its size.
    first = printed.pages[0].mediabox
    assert abs(float(first.width) - A4[0]) < 1 and abs(float(first.height) - A4[1]) < 1


def test_printing_a_range_of_pages(qtapp_or_qapp, three_pages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "range.pdf"
    printer = pdf_printer(target)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert printing.pages_to_print(printer, 3) == [1, 2]
    assert printing.print_pdf(three_pages, printer) == 2
    assert len(PdfReader(target).pages) == 2


def test_a_page_is_scaled_down_to_smaller_paper() -> None:
    from PySide6.QtCore import QRectF

    a5_paper = QRectF(0, 0, A5[0], A5[1])  # at 72 dpi, device pixels are points
    spot = printing._fit(A4[0], A4[1], 72, a5_paper)
    assert abs(spot.width() - A5[0]) < 1 and spot.height() <= A5[1] + 0.01
    same = printing._fit(A5[0], A5[1], 72, a5_paper)
    assert (same.left(), same.top()) == (0, 0) and same.width() == A5[0]


def test_cancelling_stops_the_print_job(qtapp_or_qapp, three_pages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "cancelled.pdf")
    done: list[int] = []
    with pytest.raises(JobCancelled):
        printing.print_pdf(
            three_pages,
            printer,
            progress=lambda d, t: done.append(d),
            cancelled=lambda: len(done) >= 1,
        )
    assert done == [1]


def test_the_default_printer_is_set_up_for_a4(qtapp_or_qapp) -> None:  # type: ignore[no-untyped-def]
    printer = printing.new_printer()
    assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4
    assert printer.fullPage()


@pytest.mark.parametrize("answer", [QDialog.DialogCode.Accepted, QDialog.DialogCode.Rejected])
def test_the_print_dialog_offers_the_pages(qtapp_or_qapp, monkeypatch, answer) -> None:  # type: ignore[no-untyped-def]
    asked: list[tuple[int, int, str]] = []

    def exec_(dialog: QPrintDialog) -> int:
        asked.append((dialog.minPage(), dialog.maxPage(), dialog.windowTitle()))
        return int(answer.value)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    printer = printing.choose_printer(None, Path("年度总结.pdf"), 7)
    assert asked == [(1, 7, "Print 年度总结.pdf")]
    if answer == QDialog.DialogCode.Rejected:
        assert printer is None
    else:
        assert printer is not None and printer.docName() == "年度总结"
        assert printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.A4


@pytest.fixture
def qtapp_or_qapp(qapp):  # type: ignore[no-untyped-def]
    """Painting on a printer needs the application (its fonts, its paint engines)."""
    return qapp
