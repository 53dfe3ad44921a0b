"""The activity table's filter bar: the search box and the year, month, organization, type,
category, dimension and featured filters, giving one ``ActivityFilter``.

The year follows the window's year unless the user picks another one (or all years). Typing
in the search box narrows the table after a short pause (``SEARCH_DELAY_MS``), so a fast
typist does not query the ledger at every key; Esc clears the search.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.activity_query import ActivityFilter
from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR
from desktop_app.domain.enums import ACTIVITY_TYPES, DIMENSIONS, THEME_CATEGORIES, Enumeration
from desktop_app.domain.orgtree import OrgTree
from desktop_app.formatting import format_month
from desktop_app.gui.widgets.org_picker import OrgPicker
from desktop_app.i18n import _

SEARCH_DELAY_MS = 200
YEARS_BACK = 10  # the year list reaches this far before the window's year (and one after)
_FEATURED = (None, True, False)


MIN_COMBO_CHARACTERS = 7


class ActivityFilterBar(QWidget):
    changed = Signal()
    """The filter changed (a search only after the typing pause)."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityFilters")
        self._quiet = False
        self.default_year = year

        self.search = QLineEdit(self)
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(_("Search theme, summary and place (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search activities"))
        self.search.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setObjectName("searchTimer")
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._typed)

        self.year_box = self._combo("yearFilter", _("Year"))
        self.month_box = self._combo("monthFilter", _("Month"))
        self.org_picker = OrgPicker(self, all_label=_("All organizations"), include_dissolved=True)
        self.org_picker.setObjectName("orgFilter")
        self.org_picker.setAccessibleName(_("Organization"))
        self.org_picker.setToolTip(_("Organization (with everything under it)"))
        self.org_picker.setMinimumContentsLength(12)
        self.type_box = self._enum_combo("typeFilter", _("Type"), _("All types"), ACTIVITY_TYPES)
        self.category_box = self._enum_combo(
            "categoryFilter", _("Category"), _("All categories"), THEME_CATEGORIES
        )
        self.dimension_box = self._enum_combo(
            "dimensionFilter", _("Dimension"), _("All dimensions"), DIMENSIONS
        )
        self.featured_box = self._combo("featuredFilter", _("Featured"))
        for text, value in zip(
            (_("Featured or not"), _("Featured cases"), _("Not featured")), _FEATURED, strict=True
        ):
            self.featured_box.addItem(text, value)
        self.month_box.addItem(_("All months"), None)
        for month in range(1, 13):
            self.month_box.addItem(format_month(month, wide=True), month)
        self._fill_years(year)
        self._select(self.year_box, year)

        self.clear_button = QPushButton(_("Clear filters"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setToolTip(_("Show every activity of the year in view"))
        self.clear_button.clicked.connect(lambda: self.reset())

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.count_label.setProperty("role", "caption")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos():
            bottom.addWidget(combo, 2 if combo is self.org_picker else 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

        for combo in self.combos():
            combo.currentIndexChanged.connect(self._combo_changed)
            if combo is not self.org_picker:  # its entries change with the tree
                combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        self._update_month()
        self._update_clear()

    # ---- building -----------------------------------------------------------------------

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setToolTip(accessible)
        # Shrinkable, so a long translation cannot push the window past the screen; the row's
        # spare width goes to the combos, and the open list shows each entry whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_COMBO_CHARACTERS)
        return combo

    def _enum_combo(
        self, name: str, accessible: str, all_text: str, enum: Enumeration
    ) -> QComboBox:
        combo = self._combo(name, accessible)
        combo.addItem(all_text, None)
        for code in enum.codes:
            combo.addItem(enum.label(code), code)
        return combo

    def combos(self) -> list[QComboBox]:
        return [
            self.year_box,
            self.month_box,
            self.org_picker,
            self.type_box,
            self.category_box,
            self.dimension_box,
            self.featured_box,
        ]

    def _fill_years(self, around: int) -> None:
        chosen = self.year_box.currentData() if self.year_box.count() else around
        this_year = date.today().year
        high = min(max(around, this_year) + 1, MAX_YEAR)
        low = max(min(around, this_year) - YEARS_BACK, MIN_YEAR)
        with self.quiet():
            self.year_box.clear()
            self.year_box.addItem(_("All years"), None)
            for year in range(high, low - 1, -1):
                self.year_box.addItem(str(year), year)
            self._select(self.year_box, chosen)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        """Choose the entry of ``value``; None (or a value not listed) is the "all" entry."""
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    # ---- the filter -----------------------------------------------------------------------

    def current(self) -> ActivityFilter:
        year = self.year_box.currentData()
        month = self.month_box.currentData() if year is not None else None
        return ActivityFilter(
            year=year,
            month=month,
            org_uid=self.org_picker.uid(),
            type=self.type_box.currentData(),
            category=self.category_box.currentData(),
            dimension=self.dimension_box.currentData(),
            featured=self.featured_box.currentData(),
            text=self.search.text().strip(),
        )

    def narrows(self) -> bool:
        """True if anything beyond the window's year narrows the table."""
        return self.current() != ActivityFilter(year=self.default_year)

    def set_values(self, **values: object) -> None:
        """Set some filters at once (keys of ``ActivityFilter``), with one ``changed``."""
        with self.quiet():
            boxes = {
                "year": self.year_box,
                "month": self.month_box,
                "type": self.type_box,
                "category": self.category_box,
                "dimension": self.dimension_box,
                "featured": self.featured_box,
            }
            for key, value in values.items():
                if key == "org_uid":
                    self.org_picker.set_uid(value if isinstance(value, str) else None)
                elif key == "text":
                    self.search.setText(str(value or ""))
                elif key == "year" and isinstance(value, int):
                    if self.year_box.findData(value) < 0:
                        self._fill_years(value)
                    self._select(self.year_box, value)
                elif key in boxes:
                    self._select(boxes[key], value)
                else:
                    raise KeyError(key)
            self._update_month()
        self._emit()

    def reset(self, *, year: int | None = None, all_years: bool = False) -> None:
        """Clear every filter and the search; the year becomes ``year``, the window's year,
        or (``all_years``) none."""
        self.set_values(
            year=None if all_years else (year or self.default_year),
            month=None,
            org_uid=None,
            type=None,
            category=None,
            dimension=None,
            featured=None,
            text="",
        )

    def follow_year(self, year: int, *, announce: bool = True) -> None:
        """The window's year changed: show that year (other filters stay)."""
        self.default_year = year
        self._fill_years(year)
        if announce:
            self.set_values(year=year)
        else:
            with self.quiet():
                self.set_values(year=year)
            self._update_clear()

    def load_orgs(self, tree: OrgTree) -> None:
        """Fill the organization filter again, keeping the choice (all organizations if the
        chosen one is gone); the caller reloads the table."""
        with self.quiet():
            self.org_picker.load(tree)
        self._update_clear()

    def set_count(self, text: str) -> None:
        self.count_label.setText(text)

    # ---- search -------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush(self) -> None:
        """Apply a pending search now (rather than after the pause)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.search.text()
        ):
            self.search.clear()
            self.flush()
            return True
        return super().eventFilter(watched, event)

    def _typed(self, _text: str) -> None:
        if not self._quiet:
            self._timer.start()

    # ---- signals --------------------------------------------------------------------------

    @contextlib.contextmanager
    def quiet(self) -> Iterator[None]:
        """Change widgets without announcing each change."""
        was = self._quiet
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = was

    def _combo_changed(self, _index: int) -> None:
        if self._quiet:
            return
        self._update_month()
        self._emit()

    def _update_month(self) -> None:
        has_year = self.year_box.currentData() is not None
        if not has_year and self.month_box.currentIndex() != 0:
            with self.quiet():
                self.month_box.setCurrentIndex(0)
        self.month_box.setEnabled(has_year)

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.narrows())

    def _emit(self) -> None:
        if self._quiet:
            return
        self._timer.stop()
        self._update_clear()
        self.changed.emit()
