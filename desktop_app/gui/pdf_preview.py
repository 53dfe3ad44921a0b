"""A PDF shown inside the window: its pages one under another, with zoom and a page count.

Pages are rasterized with PDFium (``pypdfium2``) when they come into view, at the zoom and the
screen's pixel ratio, and a few are kept. The file is read into memory, so the preview never
holds it open: the report can be written again, or opened in another program, meanwhile.
PDFium is not thread-safe; everything here runs on the UI thread.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import StorageError
from desktop_app.formatting import format_percent
from desktop_app.i18n import _, ngettext

if TYPE_CHECKING:  # PDFium is loaded when the first PDF is shown, not when the window opens
    import pypdfium2 as pdfium

SCREEN_DPI = 96.0  # 100 %: a page at its printed size on a screen of 96 logical dots per inch
POINTS_PER_INCH = 72.0
ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH = 0.0  # the zoom box's entry that fits the page width to the view
MIN_ZOOM, MAX_ZOOM = ZOOMS[0], ZOOMS[-1]
PAGE_GAP = 14
KEPT_PAGES = 12  # rendered pages kept for scrolling back


def open_pdf(path: str | Path) -> pdfium.PdfDocument:
    """The PDF at ``path`` read into memory; a ``StorageError`` when it cannot be read."""
    import pypdfium2 as pdfium

    path = Path(path)
    try:
        data = path.read_bytes()
        return pdfium.PdfDocument(data)
    except OSError as exc:
        raise StorageError(
            _("The file {path} could not be read: {reason}.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    except pdfium.PdfiumError as exc:
        raise StorageError(
            _("{path} is not a PDF file that can be shown, or it is damaged.").format(path=path)
        ) from exc


def render_page(page: pdfium.PdfPage, scale: float) -> QImage:
    """The page rasterized at ``scale`` pixels per point, as an image that owns its pixels."""
    bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
    image = QImage(
        bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBX8888
    )
    return image.copy()  # the bitmap's buffer is freed with the bitmap


class _PageView(QWidget):
    """One page: sized to the zoom, rendered when painted (that is, when in view)."""

    def __init__(self, preview: PdfPreview, number: int, size: tuple[float, float]) -> None:
        super().__init__()
        self.preview = preview
        self.number = number
        self.points = size
        self.setObjectName(f"pdfPage{number + 1}")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def resize_to(self, zoom: float) -> None:
        factor = zoom * SCREEN_DPI / POINTS_PER_INCH
        self.setFixedSize(QSize(round(self.points[0] * factor), round(self.points[1] * factor)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        image = self.preview.page_image(self.number, self.width(), self.devicePixelRatioF())
        if image is None:
            painter.fillRect(self.rect(), QColor("white"))
        else:
            painter.drawImage(QRect(0, 0, self.width(), self.height()), image)
        painter.setPen(QColor("#b9aea8"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


class PdfPreview(QWidget):
    """``load(path)`` shows a PDF; ``clear()`` the placeholder text. Tool buttons added with
    ``add_tool(widget)`` stand in the bar beside the zoom."""

    loaded = Signal(int)
    """The number of pages of the file just shown."""

    def __init__(self, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._document: pdfium.PdfDocument | None = None
        self._path: Path | None = None
        self._pages: list[_PageView] = []
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._zoom = 1.0
        self._fit = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._build_bar())
        self.stack = QStackedWidget(self)
        self.placeholder = QLabel(placeholder, self)
        self.placeholder.setObjectName("previewPlaceholder")
        self.placeholder.setProperty("role", "caption")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(24)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("previewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.StyledPanel)
        # Always there, so fitting the width never makes it come and go.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.sheet = QWidget(self.scroll)
        self.sheet.setObjectName("previewPages")
        self.sheet.setAutoFillBackground(True)
        palette = self.sheet.palette()
        palette.setColor(self.sheet.backgroundRole(), QColor("#8f8784"))
        self.sheet.setPalette(palette)
        self._pages_layout = QVBoxLayout(self.sheet)
        self._pages_layout.setSpacing(PAGE_GAP)
        self._pages_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setWidget(self.sheet)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll)
        layout.addWidget(self.stack, 1)
        self._show_bar(False)
        for keys, direction in (
            (QKeySequence.StandardKey.ZoomIn, 1),
            (QKeySequence.StandardKey.ZoomOut, -1),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=direction: self.step_zoom(d))

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pagesLabel")
        self.zoom_out_button = QToolButton(self)
        self.zoom_out_button.setObjectName("zoomOutButton")
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(_("Zoom out"))
        self.zoom_out_button.setAccessibleName(_("Zoom out"))
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("zoomBox")
        self.zoom_box.setToolTip(_("Zoom"))
        self.zoom_box.setAccessibleName(_("Zoom"))
        self.zoom_box.addItem(_("Fit width"), FIT_WIDTH)
        for zoom in ZOOMS:
            self.zoom_box.addItem(format_percent(zoom, 0), zoom)
        self.zoom_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.zoom_box.activated.connect(self._zoom_chosen)
        self.zoom_in_button = QToolButton(self)
        self.zoom_in_button.setObjectName("zoomInButton")
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(_("Zoom in"))
        self.zoom_in_button.setAccessibleName(_("Zoom in"))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        bar.addWidget(self.pages_label)
        bar.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self._tools = bar
        return bar

    def add_tool(self, widget: QWidget) -> None:
        self._tools.addWidget(widget)

    def _show_bar(self, shown: bool) -> None:
        for widget in (self.pages_label, self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            widget.setEnabled(shown)
        self.pages_label.setVisible(shown)

    # ---- the document -------------------------------------------------------------------

    def load(self, path: str | Path) -> int:
        """Show the PDF at ``path``; its number of pages. Raises ``StorageError`` (and keeps
        what was shown) when the file cannot be read."""
        document = open_pdf(path)
        self._drop_document()
        self._document = document
        self._path = Path(path)
        sizes = [document.get_page_size(index) for index in range(len(document))]
        for number, size in enumerate(sizes):
            view = _PageView(self, number, size)
            view.setParent(self.sheet)
            self._pages.append(view)
            self._pages_layout.addWidget(view)
        count = len(sizes)
        self.pages_label.setText(ngettext("{n} page", "{n} pages", count).format(n=count))
        self._show_bar(True)
        self.stack.setCurrentWidget(self.scroll)
        self._apply_zoom()
        self.scroll.verticalScrollBar().setValue(0)
        self.loaded.emit(count)
        return count

    def clear(self, placeholder: str | None = None) -> None:
        self._drop_document()
        if placeholder is not None:
            self.placeholder.setText(placeholder)
        self.pages_label.clear()
        self._show_bar(False)
        self.stack.setCurrentWidget(self.placeholder)

    def _drop_document(self) -> None:
        for view in self._pages:
            view.setParent(None)
            view.deleteLater()
        self._pages.clear()
        self._cache.clear()
        if self._document is not None:
            self._document.close()
        self._document = None
        self._path = None

    def path(self) -> Path | None:
        return self._path

    def page_count(self) -> int:
        return len(self._pages)

    def page_views(self) -> list[QWidget]:
        return list(self._pages)

    # ---- rendering ----------------------------------------------------------------------

    def page_image(self, number: int, width: int, ratio: float = 1.0) -> QImage | None:
        """Page ``number`` rendered ``width`` logical pixels wide (kept for scrolling back)."""
        if self._document is None or not 0 <= number < len(self._pages):
            return None
        pixels = max(1, round(width * ratio))
        key = (number, pixels)
        image = self._cache.get(key)
        if image is None:
            page = self._document[number]
            try:
                image = render_page(page, pixels / page.get_width())
            finally:
                page.close()
            image.setDevicePixelRatio(ratio)
            self._cache[key] = image
            while len(self._cache) > KEPT_PAGES:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return image

    # ---- zoom ---------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def fits_width(self) -> bool:
        return self._fit

    def set_zoom(self, zoom: float) -> None:
        """Show the pages at ``zoom`` (1.0: their printed size; the nearest of ``ZOOMS``);
        ``FIT_WIDTH`` fits the width of the view."""
        self._fit = zoom == FIT_WIDTH
        if not self._fit:
            self._zoom = min(ZOOMS, key=lambda z: abs(z - zoom))  # one the box lists
        self._apply_zoom()

    def step_zoom(self, direction: int) -> None:
        """The next zoom of the box up (``direction`` > 0) or down from the one shown."""
        current = self._zoom
        if direction > 0:
            self.set_zoom(next((z for z in ZOOMS if z > current + 1e-6), MAX_ZOOM))
        else:
            self.set_zoom(next((z for z in reversed(ZOOMS) if z < current - 1e-6), MIN_ZOOM))

    def _zoom_chosen(self, index: int) -> None:
        self.set_zoom(float(self.zoom_box.itemData(index)))

    def _fit_zoom(self) -> float:
        if not self._pages:
            return 1.0
        widest = max(view.points[0] for view in self._pages)
        room = self.scroll.viewport().width() - 2 * PAGE_GAP
        # Fitting may go past the box's zooms: a narrow view still shows the whole width.
        return max(0.1, min(MAX_ZOOM, room / (widest * SCREEN_DPI / POINTS_PER_INCH)))

    def _apply_zoom(self) -> None:
        if self._fit:
            self._zoom = self._fit_zoom()
        for view in self._pages:
            view.resize_to(self._zoom)
        self.zoom_box.blockSignals(True)
        self.zoom_box.setCurrentIndex(0 if self._fit else self.zoom_box.findData(self._zoom))
        self.zoom_box.blockSignals(False)
        self.zoom_box.setToolTip(_("Zoom: {zoom}").format(zoom=format_percent(self._zoom, 0)))
        self.zoom_out_button.setEnabled(bool(self._pages) and self._zoom > MIN_ZOOM + 1e-6)
        self.zoom_in_button.setEnabled(bool(self._pages) and self._zoom < MAX_ZOOM - 1e-6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit and self._pages:
            self._apply_zoom()
