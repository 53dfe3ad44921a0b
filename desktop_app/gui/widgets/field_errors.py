"""Showing a ``ValidationError`` beside the fields it concerns.

Register each field once (``add(name, widget, label)``) with the ``QLabel`` placed under or
beside it in the form; ``show(error)`` puts each fault's message in its field's label, marks
the field, and returns the faults that belong to no registered field (show those at the top of
the dialog or in a message box).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.errors import Fault, LedgerError

ERROR_PROPERTY = "invalid"


class FieldErrors:
    def __init__(self) -> None:
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, widget: QWidget, label: QLabel) -> None:
        label.setProperty("role", "fieldError")
        label.setWordWrap(True)
        label.hide()
        self._fields[field] = (widget, label)

    def clear(self) -> None:
        for widget, label in self._fields.values():
            label.clear()
            label.hide()
            self._mark(widget, False)

    def show(self, error: LedgerError) -> list[Fault]:
        """Show ``error``'s faults beside their fields; the faults with no field shown."""
        self.clear()
        unplaced: list[Fault] = []
        messages: dict[str, list[str]] = {}
        for fault in error.faults:
            if fault.field in self._fields:
                messages.setdefault(fault.field, []).append(fault.message)
            else:
                unplaced.append(fault)
        first: QWidget | None = None
        for field, texts in messages.items():
            widget, label = self._fields[field]
            label.setText("\n".join(texts))
            label.show()
            self._mark(widget, True)
            first = first or widget
        if first is not None:
            first.setFocus()
            _make_room(first.window())
        if not error.faults:
            unplaced.append(Fault(error.message))
        return unplaced

    def message(self, field: str) -> str:
        entry = self._fields.get(field)
        return entry[1].text() if entry and not entry[1].isHidden() else ""

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty(ERROR_PROPERTY, invalid)
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)


def _make_room(window: QWidget) -> None:
    """Grow a dialog that is already open so the messages just shown are not clipped."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    wanted = window.sizeHint().height()
    if window.isVisible() and wanted > window.height():
        window.resize(window.width(), wanted)
