"""The Qt binding itself: a PySide6 release that mishandles references would crash the window
after a few thousand repaints, far from the code that caused it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_methods_returning_nothing_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 released a reference to None on each call of a method that returns
    nothing; on Python < 3.12 the interpreter aborts once the count reaches zero."""
    obj, label = QObject(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
        label.setText("y")
    assert sys.getrefcount(None) >= before
