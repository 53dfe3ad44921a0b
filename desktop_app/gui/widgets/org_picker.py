"""Choosing an organization: a combo box listing the tree, indented by depth."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.domain.orgtree import Organization, OrgTree
from desktop_app.i18n import _

INDENT = "\u3000"  # an ideographic space: indents Chinese names evenly in a table's text
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT_PX = 16


class _IndentDelegate(QStyledItemDelegate):
    """Indents each entry of the open list by its depth in the tree; the closed box shows the
    name alone."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        depth = index.data(DEPTH_ROLE)
        if isinstance(depth, int) and depth > 0:
            option = QStyleOptionViewItem(option)
            option.rect.setLeft(option.rect.left() + depth * INDENT_PX)
        super().paint(painter, option, index)


class OrgPicker(QComboBox):
    """A combo box of organizations. ``load(tree)`` fills it (dissolved ones only when
    ``include_dissolved``); ``uid()`` is the choice (None for the optional “all” entry)."""

    uidChanged = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        all_label: str | None = None,
        include_dissolved: bool = False,
        accept: Callable[[Organization], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.all_label = all_label
        self.include_dissolved = include_dissolved
        self.accept = accept
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(16)
        self.setMaxVisibleItems(20)
        self.setItemDelegate(_IndentDelegate(self))
        self.currentIndexChanged.connect(lambda _i: self.uidChanged.emit(self.uid()))

    def load(self, tree: OrgTree, keep: str | None = None) -> None:
        """Fill from ``tree``, keeping the current choice (or choosing ``keep``) if present."""
        wanted = keep if keep is not None else self.uid()
        self.blockSignals(True)
        self.clear()
        if self.all_label is not None:
            self.addItem(self.all_label, None)
        root = tree.root
        if root is not None:
            self._add(tree, root.uid, 0)
        index = self.findData(wanted) if wanted is not None else 0
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)
        self.uidChanged.emit(self.uid())

    def _add(self, tree: OrgTree, uid: str, depth: int) -> None:
        org = tree.by_uid[uid]
        if not org.active and not self.include_dissolved:
            return
        if self.accept is None or self.accept(org):
            text = org.name
            if not org.active:
                text += " " + _("(dissolved)")
            self.addItem(text, uid)
            self.setItemData(self.count() - 1, tree.path(uid), Qt.ItemDataRole.ToolTipRole)
            self.setItemData(self.count() - 1, depth, DEPTH_ROLE)
        for child in tree.children.get(uid, []):
            self._add(tree, child, depth + 1)

    def uid(self) -> str | None:
        data = self.currentData()
        return data if isinstance(data, str) else None

    def set_uid(self, uid: str | None) -> bool:
        index = self.findData(uid) if uid is not None else (0 if self.all_label else -1)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True
