"""A key figure on a card: a big number over a short caption (the stylesheet's roles
``card``, ``figure`` and ``caption``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget


class FigureCard(QFrame):
    """``FigureCard(key, caption)``; ``set_figure(text, tooltip)`` shows the value. The labels
    are named ``figure_<key>`` and ``caption_<key>`` so tests can read them."""

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setProperty("role", "card")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(2)
        self.figure = QLabel("0", self)
        self.figure.setObjectName(f"figure_{key}")
        self.figure.setProperty("role", "figure")
        self.figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName(f"caption_{key}")
        self.caption.setProperty("role", "caption")
        layout.addWidget(self.figure)
        layout.addWidget(self.caption)
        self.setAccessibleName(caption)

    def set_figure(self, text: str, tooltip: str = "") -> None:
        self.figure.setText(text)
        self.setToolTip(tooltip)
        self.setAccessibleDescription(text)
