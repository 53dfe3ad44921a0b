"""Pieces of the activity forms shared by the activity dialog and the joint theme day dialog:
the category list, the dimension check boxes, counts that may be left blank, dates, faults."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR
from desktop_app.domain.enums import DIMENSIONS, THEME_CATEGORIES
from desktop_app.errors import LedgerError
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.i18n import _

BLANK = " "  # what a count left blank shows
DIMENSION_COLUMNS = 2


def fill_categories(combo: QComboBox) -> None:
    combo.clear()
    combo.addItem(_("(none)"), None)
    for code in THEME_CATEGORIES.codes:
        combo.addItem(THEME_CATEGORIES.label(code), code)


def add_dimension_boxes(parent: QWidget, layout: QGridLayout) -> dict[str, QCheckBox]:
    """One check box per dimension (十大育人), in the enumeration's order, in two columns."""
    boxes: dict[str, QCheckBox] = {}
    for number, code in enumerate(DIMENSIONS.codes):
        box = QCheckBox(DIMENSIONS.label(code), parent)
        box.setObjectName(f"dimension_{code}")
        layout.addWidget(box, number // DIMENSION_COLUMNS, number % DIMENSION_COLUMNS)
        boxes[code] = box
    return boxes


def make_blankable(spin: QSpinBox) -> None:
    """A count that may be left blank: the minimum (-1) shows as blank and means None;
    erasing the number blanks it."""
    spin.setMinimum(-1)
    spin.setSpecialValueText(BLANK)
    editor = spin.findChild(QLineEdit)
    if editor is not None:
        editor.textEdited.connect(lambda text: spin.setValue(-1) if not text.strip() else None)


def spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()


def set_spin(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(-1 if value is None else value)


def setup_date(edit: QDateEdit, day: date) -> None:
    edit.setMinimumDate(QDate(MIN_YEAR, 1, 1))
    edit.setMaximumDate(QDate(MAX_YEAR, 12, 31))
    edit.setDate(QDate(day.year, day.month, day.day))


def text_or_none(text: str) -> str | None:
    return text.strip() or None


def show_faults(errors: FieldErrors, general: QLabel, error: LedgerError) -> None:
    """``error``'s faults beside their fields; those of no field above the form."""
    unplaced = errors.show(error)
    general.setText("\n".join(f.message for f in unplaced) if unplaced else "")
    general.setVisible(bool(unplaced))
