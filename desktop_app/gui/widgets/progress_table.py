"""三级联创 progress: one line per (level, grade) with a bar of achieved against target.

The rows are ``compute_stats(...)["creation"]`` as they are (at most three levels × three
grades, so a small grid of widgets, not a table model).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QSizePolicy, QWidget

from desktop_app.domain.enums import CREATION_LEVELS, GRADES
from desktop_app.i18n import _

BAR_COLOR = "#c62828"


class ProgressTable(QWidget):
    """``set_rows(rows)`` shows each row's level, grade and a bar “achieved / target”."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creationProgress")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(2, 1)
        self.bars: list[QProgressBar] = []
        self.labels: list[tuple[QLabel, QLabel]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.bars, self.labels = [], []
        for number, row in enumerate(rows):
            level = QLabel(CREATION_LEVELS.label(row["level"]), self)
            grade = QLabel(GRADES.label(row["grade"]), self)
            grade.setProperty("role", "caption")
            bar = QProgressBar(self)
            bar.setObjectName(f"creationBar_{row['level']}_{row['grade']}")
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            target, achieved = int(row["target"]), int(row["achieved"])
            # A target met (or exceeded, or achievements without a target) shows a full bar.
            bar.setRange(0, max(target, achieved, 1))
            bar.setValue(achieved if target else bar.maximum() if achieved else 0)
            if target:
                text = _("{achieved} of {target}").format(achieved=achieved, target=target)
            else:
                text = _("{achieved} (no target set)").format(achieved=achieved)
            bar.setFormat(text)
            bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            palette = bar.palette()
            palette.setColor(QPalette.ColorRole.Highlight, QColor(BAR_COLOR))
            bar.setPalette(palette)
            bar.setToolTip(
                _("{level}, {grade}: {achieved} accepted, target {target}").format(
                    level=level.text(), grade=grade.text(), achieved=achieved, target=target
                )
            )
            bar.setAccessibleName(level.text() + " " + grade.text())
            self.grid.addWidget(level, number, 0)
            self.grid.addWidget(grade, number, 1)
            self.grid.addWidget(bar, number, 2)
            self.bars.append(bar)
            self.labels.append((level, grade))
